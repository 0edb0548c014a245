//! The `RawNetwork` methods behind the facade's simulation API: time, topology, links, faults,
//! statistics, trace and snapshots.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use super::shape::read_js;
use super::to_js_value;
use crate::network::Delivery;
use crate::sim::byzantine::ByzantineOptions;
use crate::sim::engine::{EngineEvent, Sender};
use crate::sim::link::to_micros;
use crate::sim::options::{LinkOptions, TopologyOptions};

/// What a node's status reads as in `nodeStates`.
const REMOVED: f64 = 0.0;
const ONLINE: f64 = 1.0;
const CRASHED: f64 = 2.0;

#[wasm_bindgen]
impl RawNetwork {
    /// The slot of the live node `nodeId`; throws `ERR_UNKNOWN_NODE` naming `field` otherwise.
    #[wasm_bindgen(js_name = slotOf)]
    pub fn slot_of(&self, field: &str, node_id: &js_sys::JsString) -> JsResult<u32> {
        let text = super::errors::well_formed("nodeId", node_id)?;
        self.inner.network().find(&text).ok_or_else(|| super::errors::unknown_node_error(field, &text))
    }

    /// Virtual time in milliseconds.
    pub fn now(&self) -> f64 {
        self.inner.now_us() as f64 / 1000.0
    }

    /// Whether a broadcast is delivered at once (the seed's behaviour) rather than scheduled.
    #[wasm_bindgen(js_name = isInstant)]
    pub fn is_instant(&self) -> bool {
        self.inner.is_instant()
    }

    /// Runs `ticks` ticks; writes the arrivals report and returns its length (see `drain`).
    pub fn run(&mut self, ticks: f64) -> JsResult<usize> {
        let ticks = js(crate::validate::safe_integer("ticks", ticks))?;
        self.inner.run(ticks);
        Ok(self.drain())
    }

    /// Runs everything due up to `timeMs`; writes the arrivals report and returns its length.
    #[wasm_bindgen(js_name = runUntil)]
    pub fn run_until(&mut self, time_ms: f64) -> JsResult<usize> {
        let time_ms = js(crate::validate::duration_ms("time", time_ms))?;
        self.inner.run_until(to_micros(time_ms));
        Ok(self.drain())
    }

    /// Runs the next moment anything is due; returns the report length, or 0 when nothing was due.
    pub fn step(&mut self) -> usize {
        if self.inner.step() {
            self.drain()
        } else {
            0
        }
    }

    /// Replaces the topology (`"ring"`, `{ kind: "small-world", degree: 6 }`, ...).
    #[wasm_bindgen(js_name = setTopology)]
    pub fn set_topology(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown")] topology: JsValue,
    ) -> JsResult<()> {
        let options: TopologyOptions = read_js(&topology, "topology")?;
        js(self.inner.set_topology(js(options.to_topology())?))
    }

    /// Replaces every link with the pairs `a0, b0, a1, b1, ...` of slots.
    #[wasm_bindgen(js_name = setEdges)]
    pub fn set_edges(&mut self, pairs: &[u32]) -> JsResult<()> {
        let edges: Vec<(u32, u32)> = pairs.chunks_exact(2).map(|p| (p[0], p[1])).collect();
        js(self.inner.set_edges(&edges))
    }

    /// Links two nodes; false when they already were.
    pub fn connect(&mut self, a: u32, b: u32) -> JsResult<bool> {
        js(self.inner.connect(a, b))
    }

    /// Unlinks two nodes; false when they were not linked.
    pub fn disconnect(&mut self, a: u32, b: u32) -> JsResult<bool> {
        js(self.inner.disconnect(a, b))
    }

    /// The slots linked to `slot`.
    pub fn neighbours(&mut self, slot: u32) -> JsResult<Vec<u32>> {
        js(self.inner.network().counters(slot))?;
        Ok(self.inner.neighbours(slot))
    }

    /// Changes the network-wide link behaviour (`{ latency, jitter, loss, ... }`); fields left
    /// out keep their current values.
    #[wasm_bindgen(js_name = setLinks)]
    pub fn set_links(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown")] links: JsValue,
    ) -> JsResult<()> {
        let options: LinkOptions = read_js(&links, "links")?;
        let base = self.inner.config().link;
        js(self.inner.set_default_link(js(options.to_spec_over(base, "links"))?))
    }

    /// Sets the behaviour of the link between two nodes (`{ latency, jitter, loss, ... }`);
    /// fields left out keep the network's `links` values.
    #[wasm_bindgen(js_name = setLink)]
    pub fn set_link(
        &mut self,
        a: u32,
        b: u32,
        #[wasm_bindgen(unchecked_param_type = "unknown")] link: JsValue,
    ) -> JsResult<()> {
        let options: LinkOptions = read_js(&link, "link")?;
        let base = self.inner.config().link;
        js(self.inner.set_link(a, b, js(options.to_spec_over(base, "link"))?))
    }

    /// Cuts every link between the slots of `groupA` and those of `groupB`.
    pub fn partition(&mut self, group_a: &[u32], group_b: &[u32]) -> JsResult<()> {
        js(self.inner.partition(group_a, group_b))
    }

    /// Ends the partition.
    pub fn heal(&mut self) {
        self.inner.heal();
    }

    /// Crashes a node.
    pub fn crash(&mut self, slot: u32) -> JsResult<()> {
        js(self.inner.crash(slot))
    }

    /// Restarts a crashed node.
    pub fn restart(&mut self, slot: u32) -> JsResult<()> {
        js(self.inner.restart(slot))
    }

    /// Whether a node is crashed.
    #[wasm_bindgen(js_name = isCrashed)]
    pub fn is_crashed(&self, slot: u32) -> bool {
        self.inner.is_crashed(slot)
    }

    /// Makes a node byzantine (`"replay"`, `{ kind: "step-skew", skew: 50 }`, ...) or, with
    /// `null`, honest again.
    #[wasm_bindgen(js_name = setByzantine)]
    pub fn set_byzantine(
        &mut self,
        slot: u32,
        #[wasm_bindgen(unchecked_param_type = "unknown")] behaviour: JsValue,
    ) -> JsResult<()> {
        let options: Option<ByzantineOptions> = read_js(&behaviour, "behaviour")?;
        let behaviour = options.map(|o| o.to_byzantine("behaviour")).transpose();
        js(self.inner.set_byzantine(slot, js(behaviour)?))
    }

    /// The ids no node has that the last drain's engine-made sends claimed (read them before the
    /// report: fetching them may move wasm memory).
    #[wasm_bindgen(js_name = claimedNames)]
    pub fn claimed_names(&self) -> Vec<String> {
        self.claimed_names.clone()
    }

    /// Makes a node's clock drift by `rate` extra steps per tick (0: exact).
    #[wasm_bindgen(js_name = setDrift)]
    pub fn set_drift(&mut self, slot: u32, rate: f64) -> JsResult<()> {
        js(self.inner.set_drift(slot, rate))
    }

    /// Reports scheduled deliveries to this node in `run`'s report (it has handlers).
    #[wasm_bindgen(js_name = setListening)]
    pub fn set_listening(&mut self, slot: u32, listening: bool) {
        self.inner.set_listening(slot, listening);
    }

    /// Running totals of the engine.
    #[wasm_bindgen(
        unchecked_return_type = "{ sent: number; delivered: number; accepted: number; rejected: number; duplicates: number; forwarded: number; lost: number; partitioned: number; crashed: number; queueFull: number; completed: number; reach: number; tampered: number; swallowed: number; synced: number; badSignatures: number; unknownSenders: number; replays: number }"
    )]
    pub fn stats(&self) -> JsResult<JsValue> {
        to_js_value(self.inner.stats())
    }

    /// The hash of every event so far (16 hex digits).
    #[wasm_bindgen(js_name = traceHash)]
    pub fn trace_hash(&self) -> String {
        self.inner.trace().hash()
    }

    /// The recorded trace as JSON lines (empty unless `recordTrace` is on).
    #[wasm_bindgen(js_name = exportTrace)]
    pub fn export_trace(&self) -> String {
        self.inner.trace().to_json_lines()
    }

    /// The trace events recorded since the last call as `[timeUs, kindCode, messageId, from, to,
    /// ...]` (kind codes in `TraceKind` order; empty unless `recordTrace` is on).
    #[wasm_bindgen(js_name = drainTrace)]
    pub fn drain_trace(&mut self) -> Vec<f64> {
        self.inner
            .drain_trace()
            .iter()
            .flat_map(|e| {
                [e.time_us as f64, e.kind as u8 as f64, e.message as f64, f64::from(e.from), f64::from(e.to)]
            })
            .collect()
    }

    /// The statistics of each tick since the last call, 24 numbers per tick: `tick, timeMs`,
    /// the 18 running totals in `SimStats` order, then `online, crashed, minStep, maxStep`.
    #[wasm_bindgen(js_name = drainTickStats)]
    pub fn drain_tick_stats(&mut self) -> Vec<f64> {
        let mut out = Vec::new();
        for t in self.inner.drain_tick_stats() {
            let s = t.totals;
            out.extend([t.tick as f64, t.time_ms]);
            out.extend(
                [
                    s.sent,
                    s.delivered,
                    s.accepted,
                    s.rejected,
                    s.duplicates,
                    s.forwarded,
                    s.lost,
                    s.partitioned,
                    s.crashed,
                    s.queue_full,
                    s.completed,
                    s.reach,
                    s.tampered,
                    s.swallowed,
                    s.synced,
                    s.bad_signatures,
                    s.unknown_senders,
                    s.replays,
                ]
                .map(|n| n as f64),
            );
            out.extend([f64::from(t.online), f64::from(t.crashed), t.min_step as f64, t.max_step as f64]);
        }
        out
    }

    /// Transfers in flight as `[from, to, progress, outlook, ...]` (outlook 0 accepted, 1
    /// rejected, 2 dropped, if it arrived now).
    pub fn transfers(&self) -> Vec<f64> {
        self.inner
            .transfers()
            .flat_map(|t| [f64::from(t.from), f64::from(t.to), t.progress, t.outlook as u8 as f64])
            .collect()
    }

    /// Every slot's `[status, globalStep, sent, received, rejected]`, status 0 removed, 1 online,
    /// 2 crashed.
    #[wasm_bindgen(js_name = nodeStates)]
    pub fn node_states(&self) -> Vec<f64> {
        let network = self.inner.network();
        let mut out = Vec::with_capacity(network.slot_count() * 5);
        for slot in 0..network.slot_count() as u32 {
            // Checked first: a removed slot's counters() would build an error to throw away.
            match network.is_alive(slot).then(|| network.counters(slot).ok()).flatten() {
                Some(c) => {
                    let status = if self.inner.is_crashed(slot) { CRASHED } else { ONLINE };
                    let step = network.touch(slot) as f64;
                    out.extend([status, step, c.sent as f64, c.received as f64, c.rejected as f64]);
                }
                None => out.extend([REMOVED, 0.0, 0.0, 0.0, 0.0]),
            }
        }
        out
    }
}

impl RawNetwork {
    /// Writes what happened since the last drain into the report buffer, in order, and returns
    /// its length: `[eventCount, ...events]`, each event a code and its numbers:
    /// - `0, messageId, from, receiver, expected, syncedTo, tampered, refusal, hops`: an arrival
    ///   at a listening node (expected -1 when accepted, syncedTo -1 when it did not sync,
    ///   tampered 1 or 0, refusal -1 when none, else 0 bad signature, 1 unknown sender, 2 replay;
    ///   hops: links travelled);
    /// - `1, messageId, sender, claimedSlot, globalStep, patternValue, payload, anomalyCount,
    ///   (watcherIndex, kindCode, expected)...`: an engine-made send (payload -1 for none; a
    ///   claimedSlot of -2 - i stands for an id no node has, `claimedNames()[i]`);
    /// - `2, messageId`: a message with nothing left in flight.
    fn drain(&mut self) -> usize {
        self.claimed_names.clear();
        let buffer = &mut self.report;
        buffer.clear();
        buffer.push(0.0);
        let mut count = 0.0;
        for event in self.inner.drain_events() {
            count += 1.0;
            match event {
                EngineEvent::Arrived(arrival) => {
                    let (receiver, expected) = match arrival.delivery {
                        Delivery::Accepted(receiver) => (receiver, -1.0),
                        Delivery::Rejected { receiver, expected } => (receiver, expected as f64),
                    };
                    let synced = arrival.synced.map_or(-1.0, |step| step as f64);
                    let tampered = f64::from(u8::from(arrival.tampered));
                    let from = f64::from(arrival.from);
                    let refusal = arrival.refusal.map_or(-1.0, super::keys::refusal_code);
                    let receiver = f64::from(receiver);
                    let hops = f64::from(arrival.hops);
                    buffer.extend([
                        0.0,
                        arrival.message as f64,
                        from,
                        receiver,
                        expected,
                        synced,
                        tampered,
                        refusal,
                        hops,
                    ]);
                }
                EngineEvent::Sent(send) => {
                    let claimed = match send.claimed {
                        Sender::Node(slot) => f64::from(slot),
                        Sender::Unknown(name) => {
                            self.claimed_names.push(name.into());
                            -(self.claimed_names.len() as f64) - 1.0
                        }
                    };
                    let payload = send.payload.map_or(-1.0, f64::from);
                    buffer.extend([
                        1.0,
                        send.message as f64,
                        f64::from(send.sender),
                        claimed,
                        send.stamp.global_step as f64,
                        send.stamp.pattern_value as f64,
                        payload,
                        send.anomalies.len() as f64,
                    ]);
                    for a in &send.anomalies {
                        buffer.extend([a.watcher as f64, a.kind as u8 as f64, a.expected as f64]);
                    }
                }
                EngineEvent::Completed(message) => buffer.extend([2.0, message as f64]),
            }
        }
        buffer[0] = count;
        buffer.len()
    }
}
