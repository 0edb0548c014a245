//! The bulk protocol: one handler of its owner for every node's first arrivals and bulk timers,
//! handed over in batches so that a protocol written in JavaScript costs one crossing per batch
//! rather than one per message.
//!
//! Arrivals are batched over a window as long as the shortest link latency (the look-ahead): what
//! the handler sends on leaves at each arrival's own time and arrives no sooner than one latency
//! later, so it cannot change anything the engine ran inside the window. A window also ends
//! before the next tick, scripted action, workload value or timer. Bulk timers that fire at one
//! moment are handed over at once.

use super::Simulation;
use crate::error::MeshError;
use crate::network::Slot;
use crate::sim::topology::Topology;
use crate::sim::trace::TraceEvent;

/// A first arrival of an accepted message: message `message_id` reached `node` from `from` at
/// `time_us`, `hops` links from its sender (what the bulk protocol handles, and what a node
/// relays).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FirstArrival {
    /// When it arrived, in microseconds.
    pub time_us: u64,
    /// The receiver.
    pub node: Slot,
    /// The node it came from over the last link.
    pub from: Slot,
    /// Links from its sender (1 for a copy straight from it).
    pub hops: u32,
    /// The message's id.
    pub message_id: u64,
    /// The message's record (kept until a bulk batch is applied).
    pub(super) index: u32,
    /// Whether a tamperer on the way altered it.
    pub(super) tampered: bool,
}

impl FirstArrival {
    /// The arrival `event` traces, of message `index` at hop `hops`, `tampered` or not.
    pub(super) fn new(event: TraceEvent, index: u32, hops: u32, tampered: bool) -> Self {
        let TraceEvent { time_us, message, from, to, .. } = event;
        Self { time_us, node: to, from, hops, message_id: message, index, tampered }
    }
}

/// A bulk timer of `node` that fired now, with the tag it was set with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BulkTimer {
    /// The timer's node.
    pub node: Slot,
    /// The number it was set with.
    pub tag: f64,
}

/// What the bulk protocol asks of the engine once it handled a batch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BulkOp {
    /// Sends arrival `arrival`'s message on, at the arrival's time, to every neighbour of its
    /// node but the one it came from, as the engine's flooding does (within the ttl; a black
    /// hole swallows it, a tamperer alters it; with a fanout, to that many of them at random).
    Relay {
        /// The arrival's position in the batch.
        arrival: u32,
    },
    /// Sends arrival `arrival`'s message on, at the arrival's time, to the neighbour `to` alone
    /// (within the ttl, as the node's behaviour allows).
    Forward {
        /// The arrival's position in the batch.
        arrival: u32,
        /// The neighbour to send it to.
        to: Slot,
    },
    /// Sets a bulk timer of `node`, due `delay_us` from now, that fires with `tag`.
    Timer {
        /// The timer's node.
        node: Slot,
        /// Microseconds from now.
        delay_us: u64,
        /// The number it fires with.
        tag: f64,
    },
}

/// Whether the bulk protocol runs, and the batch its handler has yet to take.
///
/// Invariant: `window_end` is set exactly while `arrivals` is not empty; each pending arrival
/// counts as one copy of its message in flight, so the message's record stays until the batch is
/// applied.
#[derive(Debug, Default)]
pub(super) struct Bulk {
    /// Whether the network runs a bulk protocol.
    on: bool,
    /// Where the window of the pending arrivals ends (exclusive), in microseconds.
    window_end: Option<u64>,
    /// The first arrivals of the window, in arrival order.
    arrivals: Vec<FirstArrival>,
    /// The bulk timers that fired at the moment the run stopped, in firing order.
    timers: Vec<BulkTimer>,
}

impl Bulk {
    /// Whether the network runs a bulk protocol.
    pub(super) fn is_on(&self) -> bool {
        self.on
    }

    /// Whether a batch waits for the handler.
    pub(super) fn is_pending(&self) -> bool {
        !self.arrivals.is_empty() || !self.timers.is_empty()
    }

    /// The latest time a run to `time_us` may reach before the handler takes the pending
    /// arrivals: the last microsecond of their window.
    pub(super) fn limit(&self, time_us: u64) -> u64 {
        self.window_end.map_or(time_us, |end| time_us.min(end.saturating_sub(1)))
    }

    /// Keeps a bulk timer of `node` that fired, with its `tag`.
    pub(super) fn timer_fired(&mut self, node: Slot, tag: f64) {
        self.timers.push(BulkTimer { node, tag });
    }
}

impl Simulation {
    /// Makes the network run its owner's bulk protocol from now on: every node's first arrivals
    /// of accepted messages and its bulk timers go to the owner's handler in batches (see
    /// [`Simulation::bulk_batch`]), and the engine relays nothing itself. Fails with
    /// `ERR_NOT_APPLICABLE` naming `protocol` when a node runs a protocol of its own.
    pub fn set_bulk_protocol(&mut self) -> Result<(), MeshError> {
        if self.nodes.any_hosted() {
            return Err(MeshError::NotApplicable {
                field: "protocol".into(),
                problem: "a bulk protocol runs every node: no node may run a protocol of its own".into(),
            });
        }
        self.bulk.on = true;
        Ok(())
    }

    /// The batch the bulk protocol's handler has yet to take when a run stopped: the first
    /// arrivals of a window in arrival order, and the bulk timers that fired at the moment it
    /// stopped. [`Simulation::apply_bulk`] ends it.
    pub fn bulk_batch(&self) -> (&[FirstArrival], &[BulkTimer]) {
        (&self.bulk.arrivals, &self.bulk.timers)
    }

    /// Sets a bulk timer of the live node `slot` due `delay_us` from now, which fires with `tag`.
    /// Fails as [`Simulation::set_timer`] does for a node removed or never created, and with
    /// `ERR_NOT_APPLICABLE` naming `protocol` when the network runs no bulk protocol.
    pub fn set_bulk_timer(&mut self, slot: Slot, delay_us: u64, tag: f64) -> Result<(), MeshError> {
        if !self.bulk.on {
            return Err(MeshError::NotApplicable {
                field: "protocol".into(),
                problem: "bulk timers need a bulk protocol (setBulkProtocol)".into(),
            });
        }
        self.check_timer_owner(slot)?;
        self.timers.set_bulk(self.clock.now().saturating_add(delay_us), slot, tag);
        Ok(())
    }

    /// Does what the handler asked for the pending batch, in order, and ends the batch. Every
    /// op is checked first: on error nothing is done and the batch stays. Fails with
    /// `ERR_OUT_OF_RANGE` naming `ops[k].arrival` for an arrival not in the batch,
    /// `ERR_NOT_LINKED` naming `ops[k].node` for a forward to a node that is not a neighbour, and
    /// as [`Simulation::set_timer`] does for a timer's node.
    pub fn apply_bulk(&mut self, ops: &[BulkOp]) -> Result<(), MeshError> {
        for (k, op) in ops.iter().enumerate() {
            self.check_bulk_op(k, op)?;
        }
        let arrivals = std::mem::take(&mut self.bulk.arrivals);
        for op in ops {
            match *op {
                BulkOp::Relay { arrival } => self.pass_on(&arrivals[arrival as usize], None),
                BulkOp::Forward { arrival, to } => self.pass_on(&arrivals[arrival as usize], Some(to)),
                BulkOp::Timer { node, delay_us, tag } => {
                    self.timers.set_bulk(self.clock.now().saturating_add(delay_us), node, tag);
                }
            }
        }
        for arrival in &arrivals {
            self.messages.count_arrived(arrival.index);
            self.complete_if_done(arrival.index);
        }
        let mut emptied = arrivals;
        emptied.clear();
        self.bulk.arrivals = emptied;
        self.bulk.timers.clear();
        self.bulk.window_end = None;
        Ok(())
    }

    /// Checks op `k` against the pending batch and the network.
    fn check_bulk_op(&self, k: usize, op: &BulkOp) -> Result<(), MeshError> {
        let arrival = |index: u32| {
            self.bulk.arrivals.get(index as usize).ok_or_else(|| MeshError::OutOfRange {
                field: format!("ops[{k}].arrival"),
                rule: "the position of an arrival of this batch",
                value: crate::error::JsNumber(f64::from(index)),
            })
        };
        match *op {
            BulkOp::Relay { arrival: index } => arrival(index).map(|_| ()),
            BulkOp::Forward { arrival: index, to } => {
                let node = arrival(index)?.node;
                if to != node && self.network.is_alive(to) && self.linked(node, to) {
                    return Ok(());
                }
                Err(MeshError::NotLinked {
                    field: format!("ops[{k}].node"),
                    sender: self.network.node_id(node).to_owned(),
                    target: match self.network.node_id(to) {
                        "" => format!("#{to}"),
                        id => id.to_owned(),
                    },
                })
            }
            BulkOp::Timer { node, .. } => self.check_timer_owner(node),
        }
    }

    /// Hands the first arrival of message `index` at `node` to the bulk protocol (see
    /// [`FirstArrival`]), opening a window when none is open.
    pub(super) fn hand_to_bulk(&mut self, event: TraceEvent, index: u32, hops: u32, tampered: bool) {
        if self.bulk.window_end.is_none() {
            let lookahead = self.links.least_latency_us(&self.config.link);
            self.bulk.window_end = Some(event.time_us.saturating_add(lookahead.max(1)));
        }
        self.messages.count_in_flight(index, 1);
        self.bulk.arrivals.push(FirstArrival::new(event, index, hops, tampered));
    }

    /// Sends on the message of `arrival` at its time, as the bulk protocol asked: to every
    /// neighbour of its node but the one it came from (`to` None: the engine's own flooding
    /// rules, in a topology other than the full mesh), or to `to` alone; within the ttl.
    fn pass_on(&mut self, arrival: &FirstArrival, to: Option<Slot>) {
        if arrival.hops >= self.config.ttl || (to.is_none() && self.config.topology == Topology::Full) {
            return;
        }
        let behaviour = self.nodes.byzantine(arrival.node).cloned();
        self.relay(behaviour, arrival, to);
    }
}
