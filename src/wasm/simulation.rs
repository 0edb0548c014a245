//! The `RawNetwork` methods behind the facade's simulation API: time, topology, links, faults,
//! statistics, trace and snapshots.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::push_anomalies;
use super::network::RawNetwork;
use super::shape::read_js;
use crate::boundary::codes::{code_of, code_or_none, unknown_claim, DrainEvent, NodeStatus, NONE};
use crate::boundary::layouts::{
    ArrivalEvent, BulkArrivalRecord, BulkTimerRecord, CompletedEvent, DrainHead, LifecycleEvent,
    NodeStateRecord, OfferedEvent, SentEvent, TickHead, TickTail, TimerEvent, TraceRecord, TransferRecord,
};
use crate::network::Delivery;
use crate::sim::byzantine::ByzantineOptions;
use crate::sim::engine::{EngineEvent, Payload, Sender, SimStats};
use crate::sim::link::to_micros;
use crate::sim::options::{LinkOptions, PartitionOptions, TopologyOptions};

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

    /// Runs on to `untilUs` microseconds after a run stopped for timers (the report's
    /// `pausedUntil`); writes the report and returns its length.
    #[wasm_bindgen(js_name = resumeUntil)]
    pub fn resume_until(&mut self, until_us: f64) -> JsResult<usize> {
        // The report's `pausedUntil`: whole, and beyond 2^53 only for spans of centuries (rounded).
        let until_us = js(crate::validate::number_in("untilUs", until_us, 0.0, f64::MAX, "a time in us"))?;
        self.inner.run_until(until_us as u64);
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

    /// Replaces every link with the links `from[i]`-`to[i]` between slots (`from` and `to` are
    /// equally long).
    #[wasm_bindgen(js_name = setEdges)]
    pub fn set_edges(&mut self, from: &[u32], to: &[u32]) -> JsResult<()> {
        let edges: Vec<(u32, u32)> = from.iter().copied().zip(to.iter().copied()).collect();
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

    /// A number that changes whenever any node's neighbours may have: the facade keeps a node's
    /// neighbours while it stays the same.
    #[wasm_bindgen(js_name = wiringGeneration)]
    pub fn wiring_generation(&mut self) -> f64 {
        self.inner.wiring_generation() as f64
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

    /// Cuts every link between the slots of `groupA` and those of `groupB`: both ways, or only
    /// from `groupA` to `groupB` with `options.oneWay` (`options` may be `undefined`).
    pub fn partition(
        &mut self,
        group_a: &[u32],
        group_b: &[u32],
        #[wasm_bindgen(unchecked_param_type = "unknown")] options: JsValue,
    ) -> JsResult<()> {
        let options: Option<PartitionOptions> = read_js(&options, "options")?;
        if options.and_then(|o| o.one_way) == Some(true) {
            js(self.inner.partition_one_way(group_a, group_b))
        } else {
            js(self.inner.partition(group_a, group_b))
        }
    }

    /// Ends the partition.
    pub fn heal(&mut self) {
        self.inner.heal();
    }

    /// Drops the copies of message `messageId` in flight, to the node `to` alone (a slot) or to
    /// every receiver (`undefined`); returns how many it dropped. Throws naming `messageId` for
    /// one that is not a safe non-negative integer.
    #[wasm_bindgen(js_name = dropMessage)]
    pub fn drop_message(&mut self, message_id: f64, to: Option<u32>) -> JsResult<u32> {
        let message_id = js(crate::validate::safe_integer("messageId", message_id))?;
        Ok(self.inner.drop_in_flight(message_id, to) as u32)
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

    /// Pauses a node: it holds what arrives until `resume`.
    pub fn pause(&mut self, slot: u32) -> JsResult<()> {
        js(self.inner.pause(slot))
    }

    /// Resumes a paused node, which handles what it held now; writes the arrivals report and
    /// returns its length (see `drain`).
    pub fn resume(&mut self, slot: u32) -> JsResult<usize> {
        js(self.inner.resume(slot))?;
        Ok(self.drain())
    }

    /// Whether a node is paused.
    #[wasm_bindgen(js_name = isPaused)]
    pub fn is_paused(&self, slot: u32) -> bool {
        self.inner.is_paused(slot)
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

    /// The tags or signatures of the last drain's engine-made sends, one after another in send
    /// order, each `proofLength` bytes (read them before the report: fetching them may move wasm
    /// memory).
    #[wasm_bindgen(js_name = sentProofs)]
    pub fn sent_proofs(&self) -> Vec<u8> {
        self.sent_proofs.clone()
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

    /// Running totals of the engine: one `SimStats` record.
    pub fn stats(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(SimStats::LEN);
        self.inner.stats().write(&mut out);
        out
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

    /// The trace events recorded since the last call, one [`TraceRecord`] each (empty unless
    /// `recordTrace` is on).
    #[wasm_bindgen(js_name = drainTrace)]
    pub fn drain_trace(&mut self) -> Vec<f64> {
        let mut out = Vec::new();
        for e in self.inner.drain_trace() {
            TraceRecord {
                time_us: e.time_us as f64,
                kind: code_of(e.kind),
                message_id: e.message as f64,
                from: f64::from(e.from),
                to: f64::from(e.to),
            }
            .write(&mut out);
        }
        out
    }

    /// The statistics of each tick since the last call, one row each: a [`TickHead`], the
    /// running totals (`SimStats`), then a [`TickTail`].
    #[wasm_bindgen(js_name = drainTickStats)]
    pub fn drain_tick_stats(&mut self) -> Vec<f64> {
        let mut out = Vec::new();
        for t in self.inner.drain_tick_stats() {
            TickHead { tick: t.tick as f64, time: t.time_ms }.write(&mut out);
            t.totals.write(&mut out);
            TickTail::from(&t).write(&mut out);
        }
        out
    }

    /// Transfers in flight, one [`TransferRecord`] each.
    pub fn transfers(&self) -> Vec<f64> {
        let mut out = Vec::new();
        for t in self.inner.transfers() {
            TransferRecord {
                message_id: t.message_id as f64,
                from: f64::from(t.from),
                to: f64::from(t.to),
                progress: t.progress,
                outlook: code_of(t.outlook),
            }
            .write(&mut out);
        }
        out
    }

    /// Every slot's [`NodeStateRecord`], in slot order.
    #[wasm_bindgen(js_name = nodeStates)]
    pub fn node_states(&self) -> Vec<f64> {
        let network = self.inner.network();
        let mut out = Vec::with_capacity(network.slot_count() * NodeStateRecord::LEN);
        for slot in 0..network.slot_count() as u32 {
            // Checked first: a removed slot's counters() would build an error to throw away.
            let record = match network.is_alive(slot).then(|| network.counters(slot).ok()).flatten() {
                Some(c) => NodeStateRecord {
                    status: code_of(if self.inner.is_crashed(slot) {
                        NodeStatus::Crashed
                    } else if self.inner.is_paused(slot) {
                        NodeStatus::Paused
                    } else {
                        NodeStatus::Online
                    }),
                    global_step: network.touch(slot) as f64,
                    sent: c.sent as f64,
                    received: c.received as f64,
                    rejected: c.rejected as f64,
                },
                None => {
                    NodeStateRecord { status: code_of(NodeStatus::Removed), ..NodeStateRecord::default() }
                }
            };
            record.write(&mut out);
        }
        out
    }
}

impl RawNetwork {
    /// Writes what happened since the last drain into the report buffer, in order, and returns
    /// its length: a [`DrainHead`], then each event as an [`ArrivalEvent`] (an arrival at a
    /// listening node), a [`SentEvent`] and its watcher anomalies (an engine-made send), a
    /// [`CompletedEvent`] (a message with nothing left in flight), a [`LifecycleEvent`] or an
    /// [`OfferedEvent`] (for a node that runs a protocol); then a [`TimerEvent`] per timer
    /// done with (fired, when the run stopped for their callbacks, or dropped).
    pub(super) fn drain(&mut self) -> usize {
        self.claimed_names.clear();
        self.sent_proofs.clear();
        let buffer = &mut self.report;
        buffer.clear();
        DrainHead::default().write(buffer);
        let mut count = 0;
        for event in self.inner.drain_events() {
            count += 1;
            match event {
                EngineEvent::Arrived(arrival) => {
                    let (receiver, expected) = match arrival.delivery {
                        Delivery::Accepted(receiver) => (receiver, NONE),
                        Delivery::Rejected { receiver, expected } => (receiver, expected as f64),
                    };
                    ArrivalEvent {
                        kind: code_of(DrainEvent::Arrived),
                        message_id: arrival.message as f64,
                        from: f64::from(arrival.from),
                        receiver: f64::from(receiver),
                        expected,
                        synced_to: arrival.synced.map_or(NONE, |step| step as f64),
                        tampered: f64::from(u8::from(arrival.tampered)),
                        refusal: code_or_none(arrival.refusal),
                        hops: f64::from(arrival.hops),
                        unicast: f64::from(u8::from(arrival.unicast)),
                    }
                    .write(buffer);
                }
                EngineEvent::Sent(send) => {
                    let claimed_slot = match send.claimed {
                        Sender::Node(slot) => f64::from(slot),
                        Sender::Unknown(name) => {
                            self.claimed_names.push(name.into());
                            unknown_claim(self.claimed_names.len() - 1)
                        }
                    };
                    SentEvent {
                        kind: code_of(DrainEvent::Sent),
                        message_id: send.message as f64,
                        sender: f64::from(send.sender),
                        claimed_slot,
                        global_step: send.stamp.global_step as f64,
                        pattern_value: send.stamp.pattern_value as f64,
                        payload: match send.payload {
                            Payload::Event(index) => f64::from(index),
                            _ => NONE,
                        },
                        value: match send.payload {
                            Payload::Value(value) => f64::from(value),
                            _ => NONE,
                        },
                        sequence: send.sequence as f64,
                        proof_length: send.proof.bytes().len() as f64,
                        anomaly_count: send.anomalies.len() as f64,
                    }
                    .write(buffer);
                    self.sent_proofs.extend_from_slice(send.proof.bytes());
                    push_anomalies(buffer, &send.anomalies);
                }
                EngineEvent::Completed(message) => {
                    CompletedEvent { kind: code_of(DrainEvent::Completed), message_id: message as f64 }
                        .write(buffer);
                }
                EngineEvent::Offered { node, value } => {
                    let kind = code_of(DrainEvent::Offered);
                    OfferedEvent { kind, node: f64::from(node), value: f64::from(value) }.write(buffer);
                }
                EngineEvent::Lifecycle { node, crashed } => {
                    let kind = code_of(DrainEvent::Lifecycle);
                    LifecycleEvent { kind, node: f64::from(node), crashed: f64::from(u8::from(crashed)) }
                        .write(buffer);
                }
            }
        }
        for (timer_id, fired) in self.inner.drain_timers() {
            count += 1;
            TimerEvent {
                kind: code_of(DrainEvent::Timer),
                timer_id: timer_id as f64,
                fired: f64::from(u8::from(fired)),
            }
            .write(buffer);
        }
        let (arrivals, timers) = self.inner.bulk_batch();
        for arrival in arrivals {
            BulkArrivalRecord {
                time_ms: arrival.time_us as f64 / 1000.0,
                node: f64::from(arrival.node),
                from: f64::from(arrival.from),
                hops: f64::from(arrival.hops),
                message_id: arrival.message_id as f64,
            }
            .write(buffer);
        }
        for timer in timers {
            BulkTimerRecord { node: f64::from(timer.node), tag: timer.tag }.write(buffer);
        }
        DrainHead {
            event_count: f64::from(count),
            paused_until: self.inner.paused_until().map_or(NONE, |us| us as f64),
            bulk_arrivals: arrivals.len() as f64,
            bulk_timers: timers.len() as f64,
        }
        .write_over(buffer);
        buffer.len()
    }
}
