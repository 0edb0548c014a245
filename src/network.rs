//! The network: nodes in creation order, broadcast with per-receiver validation, watching observers.
//!
//! Delivery is instant in this model: a broadcast reaches every other live node at once. The
//! network never calls user code; it reports what happened so that the caller (the JavaScript
//! facade, or a Rust test) can run handlers after the mutation has finished.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::error::MeshError;
use crate::ids::IdTable;
use crate::message::{verify, Stamp, Verdict};
use crate::node::{NodeConfig, NodeCounters, NodeState};
use crate::observer::{AnomalyKind, Observer, SharedObserver};
use crate::pattern::PatternGenerator;
use crate::validate::{safe_integer, MAX_SAFE_INTEGER};

mod batch;
mod receive;
mod unicast;

pub use batch::{Batch, BatchGroup};
pub use receive::Reception;
pub use unicast::TO_NODE_ID;

/// A node's position in its network: creation order, never reused.
pub type Slot = u32;

/// The outcome of a broadcast for one receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The receiver's pattern agrees: its `onMessage` handlers run.
    Accepted(Slot),
    /// The receiver's pattern disagrees: its `onError` gets a pattern mismatch.
    Rejected {
        /// The receiving node.
        receiver: Slot,
        /// The value the receiver's pattern gives at the message's step.
        expected: u64,
    },
}

/// An anomaly a watching observer found in a broadcast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatcherAnomaly {
    /// The observer's position in the watch list (see [`Network::watch`]).
    pub watcher: usize,
    /// What is wrong with the message.
    pub kind: AnomalyKind,
    /// For a pattern mismatch, the value the observer's pattern gives at the message's step; for
    /// a step skew, the network's tick count; else 0.
    pub expected: u64,
}

/// Who a message says it is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim<'a> {
    /// A node of the network (honestly or not).
    Node(Slot),
    /// An id that is no node of the network.
    Unknown(&'a str),
}

/// A message as watching observers see it when it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sighting<'a> {
    /// The sender it claims.
    pub claim: Claim<'a>,
    /// Its id; honest ids only grow, so an id not above the last one seen is a replay.
    pub message: u64,
    /// Its step and pattern value.
    pub stamp: Stamp,
    /// With the global tick on: the tick count, and the largest step distance allowed from it.
    pub skew_limit: Option<(u64, u64)>,
    /// Whether its tag or signature checks out (always true in a network without them).
    pub authentic: bool,
}

/// Everything one broadcast did, borrowed from buffers the network reuses.
#[derive(Debug, PartialEq, Eq)]
pub struct Broadcast<'a> {
    /// The message's id (see [`Network::new_message_id`]).
    pub message: u64,
    /// The step and pattern value the sender stamped.
    pub stamp: Stamp,
    /// One entry per other live node, in creation order.
    pub deliveries: &'a [Delivery],
    /// Anomalies flagged by watching observers, in watch order.
    pub anomalies: &'a [WatcherAnomaly],
    /// Whether no observer watches and every other live node accepted it. Until the network
    /// changes otherwise, the sender's next broadcasts change nothing but ids and counters, so
    /// they may wait and go as one batch ([`Network::broadcast_batch`]) to the same effect.
    pub unanimous: bool,
}

/// An observer watching a network, with its sender key for each node slot once looked up.
#[derive(Debug)]
struct Watcher {
    observer: SharedObserver,
    sender_keys: Vec<Option<u32>>,
    last_message: u64,
}

/// A set of nodes that broadcast to each other, plus the observers watching them.
#[derive(Debug, Default)]
pub struct Network {
    nodes: Vec<NodeState>,
    ids: IdTable,
    patterns: Vec<PatternGenerator>,
    pattern_index: BTreeMap<(u64, u64), u32>,
    live: usize,
    watchers: Vec<Watcher>,
    deliveries: Vec<Delivery>,
    anomalies: Vec<WatcherAnomaly>,
    last_message: u64,
    batch: batch::Scratch,
}

impl Network {
    /// An empty network.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a node at step 0; fails if a live node already has the id.
    pub fn create_node(&mut self, config: &NodeConfig) -> Result<Slot, MeshError> {
        if self.ids.find(&config.node_id).is_some() {
            return Err(MeshError::DuplicateNodeId { node_id: config.node_id.clone() });
        }
        let pattern = self.intern_pattern(config.seed, config.phase_reset_interval)?;
        let slot = self.ids.push(&config.node_id);
        self.nodes.push(NodeState {
            global_step: 0,
            counters: NodeCounters::default(),
            pattern,
            alive: true,
        });
        self.live += 1;
        Ok(slot)
    }

    fn intern_pattern(&mut self, seed: u64, interval: u64) -> Result<u32, MeshError> {
        if let Some(&index) = self.pattern_index.get(&(seed, interval)) {
            return Ok(index);
        }
        let index = self.patterns.len() as u32;
        self.patterns.push(PatternGenerator::new(seed, interval)?);
        self.pattern_index.insert((seed, interval), index);
        Ok(index)
    }

    /// The live node with this id.
    pub fn find(&self, node_id: &str) -> Option<Slot> {
        self.ids.find(node_id)
    }

    /// Removes a live node: it stops sending and receiving, and its slot is never reused.
    pub fn remove_node(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.live_node(slot)?;
        self.nodes[slot as usize].alive = false;
        self.ids.forget(slot);
        self.live -= 1;
        Ok(())
    }

    /// How many nodes are live.
    pub fn live_count(&self) -> usize {
        self.live
    }

    /// Whether `slot` names a node that has not been removed.
    pub fn is_alive(&self, slot: Slot) -> bool {
        self.nodes.get(slot as usize).is_some_and(|n| n.alive)
    }

    /// The id of the node in `slot` (also after removal); empty for a slot never created.
    pub fn node_id(&self, slot: Slot) -> &str {
        if (slot as usize) < self.ids.len() {
            self.ids.get(slot)
        } else {
            ""
        }
    }

    /// Bytes of heap the network's core state holds at capacity: node states, ids and their
    /// lookup table (the per-node figure the benchmarks report).
    pub fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<NodeState>()
            + self.ids.heap_bytes()
            + self.batch.heap_bytes()
    }

    /// The slots of the live nodes, in creation order.
    pub fn live_slots(&self) -> impl Iterator<Item = Slot> + '_ {
        (0..self.nodes.len() as Slot).filter(|&s| self.nodes[s as usize].alive)
    }

    fn live_node(&self, slot: Slot) -> Result<&NodeState, MeshError> {
        match self.nodes.get(slot as usize) {
            Some(node) if node.alive => Ok(node),
            _ => Err(self.not_live(slot)),
        }
    }

    /// The error for using `slot` when it holds no live node.
    fn not_live(&self, slot: Slot) -> MeshError {
        let node_id = if (slot as usize) < self.nodes.len() {
            self.ids.get(slot).to_owned()
        } else {
            format!("#{slot} (no such node)")
        };
        MeshError::NodeRemoved { node_id }
    }

    fn live_node_mut(&mut self, slot: Slot) -> Result<&mut NodeState, MeshError> {
        self.live_node(slot)?;
        Ok(&mut self.nodes[slot as usize])
    }

    /// The pattern a live node validates with.
    pub fn pattern(&self, slot: Slot) -> Result<&PatternGenerator, MeshError> {
        Ok(&self.patterns[self.live_node(slot)?.pattern as usize])
    }

    /// A live node's current global step.
    pub fn global_step(&self, slot: Slot) -> Result<u64, MeshError> {
        Ok(self.live_node(slot)?.global_step)
    }

    /// A live node's pattern value at its current step.
    pub fn pattern_value(&self, slot: Slot) -> Result<u64, MeshError> {
        let node = self.live_node(slot)?;
        Ok(self.patterns[node.pattern as usize].value_at(node.global_step))
    }

    /// A live node's message counters.
    pub fn counters(&self, slot: Slot) -> Result<NodeCounters, MeshError> {
        Ok(self.live_node(slot)?.counters)
    }

    /// Sets a live node's step to `target` (a safe non-negative integer) and returns it.
    pub fn sync(&mut self, slot: Slot, target: f64) -> Result<u64, MeshError> {
        self.live_node(slot)?;
        let step = safe_integer("targetStep", target)?;
        self.nodes[slot as usize].global_step = step;
        Ok(step)
    }

    /// Starts watching with `observer`: it validates every later broadcast once.
    pub fn watch(&mut self, observer: SharedObserver) -> usize {
        self.watchers.push(Watcher { observer, sender_keys: Vec::new(), last_message: 0 });
        self.watchers.len() - 1
    }

    /// Stops watching with the observer at `index` (as returned by [`Network::watch`]).
    pub fn unwatch(&mut self, index: usize) {
        if index < self.watchers.len() {
            self.watchers.remove(index);
        }
    }

    /// The position of `observer` in the watch list.
    pub fn watcher_index(&self, observer: &SharedObserver) -> Option<usize> {
        self.watchers.iter().position(|w| Rc::ptr_eq(&w.observer, observer))
    }

    /// A fresh message id: ids count up from 1, so watchers can tell a replay by its id.
    pub fn new_message_id(&mut self) -> u64 {
        self.last_message += 1;
        self.last_message
    }

    /// Stamps a message from a live node and validates it for every other live node; watchers
    /// classify it (see [`Sighting`] for `skew_limit`).
    pub fn broadcast(
        &mut self,
        sender: Slot,
        skew_limit: Option<(u64, u64)>,
    ) -> Result<Broadcast<'_>, MeshError> {
        let stamp = self.stamp(sender)?;
        let message = self.new_message_id();
        self.deliveries.clear();
        let all_accepted = self.judge_receivers(sender, stamp, 1);
        self.classify_for_watchers(Sighting {
            claim: Claim::Node(sender),
            message,
            stamp,
            skew_limit,
            authentic: true,
        });
        let unanimous = all_accepted && self.watchers.is_empty();
        Ok(Broadcast { message, stamp, deliveries: &self.deliveries, anomalies: &self.anomalies, unanimous })
    }

    /// Validates `times` messages stamped `stamp` from `sender` for every other live node, counts
    /// them, and appends one delivery per receiver (a verdict is computed once per pattern);
    /// returns whether every receiver accepted them.
    fn judge_receivers(&mut self, sender: Slot, stamp: Stamp, times: u64) -> bool {
        let (step, received) = (stamp.global_step, stamp.pattern_value as f64);
        let mut all_accepted = true;
        let (mut cached_pattern, mut cached_verdict) =
            (self.nodes[sender as usize].pattern, Verdict::Accepted);
        for (slot, node) in self.nodes.iter_mut().enumerate() {
            if !node.alive || slot == sender as usize {
                continue;
            }
            if node.pattern != cached_pattern {
                cached_pattern = node.pattern;
                cached_verdict = verify(&self.patterns[cached_pattern as usize], step, received);
                // A verdict is computed for the receiver at hand, so a mismatch reaches someone.
                all_accepted &= cached_verdict == Verdict::Accepted;
            }
            self.deliveries.push(count_delivery(node, slot as Slot, cached_verdict, times));
        }
        all_accepted
    }

    /// Stamps a message from a live node with its step and pattern value, counting it as sent.
    pub fn stamp(&mut self, sender: Slot) -> Result<Stamp, MeshError> {
        self.stamp_times(sender, 1)
    }

    /// Stamps `times` messages from a live node (all alike: the step does not move), counting them.
    fn stamp_times(&mut self, sender: Slot, times: u64) -> Result<Stamp, MeshError> {
        let node = self.live_node_mut(sender)?;
        node.counters.sent += times;
        let (step, pattern) = (node.global_step, node.pattern);
        Ok(Stamp { global_step: step, pattern_value: self.patterns[pattern as usize].value_at(step) })
    }

    /// Validates `stamp` for the live node `receiver` and counts the outcome (inlined: every
    /// arrival of a scheduled message comes through here).
    #[inline(always)]
    pub fn accept(&mut self, receiver: Slot, stamp: Stamp) -> Result<Delivery, MeshError> {
        let verdict = self.judge(receiver, stamp)?;
        Ok(count_delivery(&mut self.nodes[receiver as usize], receiver, verdict, 1))
    }

    /// What the live node `receiver` makes of `stamp`, without counting it.
    pub fn judge(&self, receiver: Slot, stamp: Stamp) -> Result<Verdict, MeshError> {
        let pattern = self.live_node(receiver)?.pattern;
        Ok(verify(&self.patterns[pattern as usize], stamp.global_step, stamp.pattern_value as f64))
    }

    /// Lets every watching observer classify a sent message: unknown sender, replay, bad
    /// signature, pattern mismatch or step skew, checked in that order (the first found is the
    /// anomaly).
    pub fn classify_for_watchers(&mut self, sighting: Sighting<'_>) -> &[WatcherAnomaly] {
        self.anomalies.clear();
        self.classify_times(sighting, 1);
        &self.anomalies
    }

    /// Classifies `times` messages alike but for their ids, `sighting.message` the first and
    /// lowest; appends their anomalies (one entry stands for all `times`).
    fn classify_times(&mut self, sighting: Sighting<'_>, times: u64) {
        let Stamp { global_step: step, pattern_value } = sighting.stamp;
        for (index, watcher) in self.watchers.iter_mut().enumerate() {
            let mut observer = watcher.observer.borrow_mut();
            let key = match sighting.claim {
                Claim::Node(slot) => sender_key(&mut watcher.sender_keys, &mut observer, &self.ids, slot),
                Claim::Unknown(name) => observer.sender_key(name),
            };
            let replayed = sighting.message <= watcher.last_message;
            watcher.last_message = watcher.last_message.max(sighting.message);
            let (kind, expected) = if matches!(sighting.claim, Claim::Unknown(_)) {
                (Some(AnomalyKind::UnknownSender), 0)
            } else if replayed {
                (Some(AnomalyKind::Replay), 0)
            } else if !sighting.authentic {
                (Some(AnomalyKind::BadSignature), 0)
            } else if let Verdict::Mismatch { expected } =
                verify(observer.pattern(), step, pattern_value as f64)
            {
                (Some(AnomalyKind::PatternMismatch), expected)
            } else {
                match sighting.skew_limit {
                    Some((ticks, limit)) if step.abs_diff(ticks) > limit => {
                        (Some(AnomalyKind::StepSkew), ticks)
                    }
                    _ => (None, 0),
                }
            };
            observer.count_times(Some(key), kind, times);
            if let Some(kind) = kind {
                self.anomalies.push(WatcherAnomaly { watcher: index, kind, expected });
            }
        }
    }

    /// Adds `by` to the step of the live node `slot`, stopping at 2^53-1.
    pub fn advance(&mut self, slot: Slot, by: u64) {
        if let Some(node) = self.nodes.get_mut(slot as usize).filter(|n| n.alive) {
            node.global_step = node.global_step.saturating_add(by).min(MAX_SAFE_INTEGER);
        }
    }

    /// The step stored for `slot`, live or not (0 for a slot never created).
    #[inline]
    pub fn touch(&self, slot: Slot) -> u64 {
        self.nodes.get(slot as usize).map_or(0, |n| n.global_step)
    }

    /// Reads two fields of `slot`'s state that lie far apart (the state may straddle two cache
    /// lines), so that a delivery to it soon after finds it in cache; the result means nothing.
    #[inline]
    pub fn warm(&self, slot: Slot) -> u64 {
        self.nodes.get(slot as usize).map_or(0, |n| n.global_step ^ u64::from(n.pattern))
    }

    /// How many nodes were ever created (live or removed): slots are `0 .. slot_count()`.
    pub fn slot_count(&self) -> usize {
        self.nodes.len()
    }
}

/// The watcher's key for the node in `slot`, looked up in the observer once.
fn sender_key(keys: &mut Vec<Option<u32>>, observer: &mut Observer, ids: &IdTable, slot: Slot) -> u32 {
    if keys.len() <= slot as usize {
        keys.resize(slot as usize + 1, None);
    }
    *keys[slot as usize].get_or_insert_with(|| observer.sender_key(ids.get(slot)))
}

/// Counts `verdict` on `node` (the receiver in `slot`) `times` and says what its handlers get.
fn count_delivery(node: &mut NodeState, slot: Slot, verdict: Verdict, times: u64) -> Delivery {
    match verdict {
        Verdict::Accepted => {
            node.counters.received += times;
            Delivery::Accepted(slot)
        }
        Verdict::Mismatch { expected } => {
            node.counters.rejected += times;
            Delivery::Rejected { receiver: slot, expected }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    fn config(id: &str, seed: u64) -> NodeConfig {
        NodeConfig { node_id: id.into(), seed, phase_reset_interval: 100 }
    }

    fn network(ids: &[&str]) -> Network {
        let mut net = Network::new();
        for id in ids {
            net.create_node(&config(id, 7)).unwrap();
        }
        net
    }

    #[test]
    fn broadcast_reaches_every_other_live_node_in_creation_order() {
        let mut net = network(&["a", "b", "c", "d"]);
        net.remove_node(2).unwrap();
        let report = net.broadcast(1, None).unwrap();
        assert_eq!(report.stamp, Stamp { global_step: 0, pattern_value: 7 });
        assert_eq!(report.deliveries, [Delivery::Accepted(0), Delivery::Accepted(3)]);
        assert_eq!(net.counters(1).unwrap().sent, 1);
        assert_eq!(net.counters(0).unwrap().received, 1);
    }

    #[test]
    fn broadcast_stamps_the_senders_step_without_advancing_it() {
        let mut net = network(&["a", "b"]);
        net.sync(0, 4.0).unwrap();
        assert_eq!(net.broadcast(0, None).unwrap().stamp, Stamp { global_step: 4, pattern_value: 4 });
        assert_eq!(net.global_step(0), Ok(4));
    }

    #[test]
    fn receivers_with_another_pattern_reject() {
        let mut net = network(&["a", "b"]);
        net.create_node(&config("liar", 3)).unwrap();
        let report = net.broadcast(2, None).unwrap();
        assert_eq!(
            report.deliveries,
            [
                Delivery::Rejected { receiver: 0, expected: 7 },
                Delivery::Rejected { receiver: 1, expected: 7 }
            ]
        );
        let report = net.broadcast(0, None).unwrap();
        assert_eq!(
            report.deliveries,
            [Delivery::Accepted(1), Delivery::Rejected { receiver: 2, expected: 3 }]
        );
        assert_eq!(net.counters(2).unwrap().rejected, 1);
    }

    #[test]
    fn ids_are_unique_among_live_nodes_and_free_after_removal() {
        let mut net = network(&["a"]);
        let err = net.create_node(&config("a", 7)).unwrap_err();
        assert_eq!(err.code(), "ERR_DUPLICATE_NODE_ID");
        net.remove_node(0).unwrap();
        assert_eq!(net.find("a"), None);
        let again = net.create_node(&config("a", 7)).unwrap();
        assert_eq!((again, net.find("a")), (1, Some(1)));
        assert_eq!(net.live_count(), 1);
        assert_eq!(net.live_slots().collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn removed_nodes_refuse_every_operation() {
        let mut net = network(&["a", "b"]);
        net.remove_node(0).unwrap();
        assert!(!net.is_alive(0));
        assert_eq!(net.node_id(0), "a");
        for err in [
            net.broadcast(0, None).unwrap_err(),
            net.sync(0, 1.0).unwrap_err(),
            net.receive(0, 0.0, 7.0).unwrap_err(),
            net.global_step(0).unwrap_err(),
            net.remove_node(0).unwrap_err(),
        ] {
            assert_eq!(err, MeshError::NodeRemoved { node_id: "a".into() });
        }
        assert!(net.broadcast(1, None).unwrap().deliveries.is_empty());
    }

    #[test]
    fn sync_validates_the_target() {
        let mut net = network(&["a"]);
        assert_eq!(net.sync(0, 250.0), Ok(250));
        assert_eq!(net.pattern_value(0), Ok(1), "step 250 is 50 steps after a reset: 7*7^50 collapses to 1");
        assert_eq!(net.sync(0, -1.0).unwrap_err().field(), "targetStep");
        assert_eq!(net.sync(0, 9_007_199_254_740_992.0).unwrap_err().code(), "ERR_UNSAFE_INTEGER");
        assert_eq!(net.global_step(0), Ok(250), "a refused sync changes nothing");
    }

    #[test]
    fn receive_validates_and_counts() {
        let mut net = network(&["a"]);
        assert_eq!(net.receive(0, 0.0, 7.0), Ok(Reception::Checked(Verdict::Accepted)));
        assert_eq!(net.receive(0, 0.0, 9.0), Ok(Reception::Checked(Verdict::Mismatch { expected: 7 })));
        assert!(matches!(net.receive(0, 1.5, 7.0), Ok(Reception::Malformed(MeshError::NotInteger { .. }))));
        net.reject_malformed(0).unwrap();
        assert_eq!(net.counters(0), Ok(NodeCounters { sent: 0, received: 1, rejected: 3 }));
    }

    #[test]
    fn watching_observers_validate_each_broadcast_once() {
        let mut net = network(&["a", "b", "c"]);
        net.create_node(&config("liar", 3)).unwrap();
        let observer = Rc::new(RefCell::new(Observer::new(PatternGenerator::new(7, 100).unwrap())));
        assert_eq!(net.watch(observer.clone()), 0);
        assert!(net.broadcast(0, None).unwrap().anomalies.is_empty());
        let anomaly = WatcherAnomaly { watcher: 0, kind: AnomalyKind::PatternMismatch, expected: 7 };
        assert_eq!(net.broadcast(3, None).unwrap().anomalies, [anomaly]);
        let stats = observer.borrow().statistics();
        assert_eq!((stats.total, stats.valid, stats.anomalies), (2, 1, 1));
        assert_eq!(stats.by_sender["liar"].anomalies, 1);
        assert_eq!(net.watcher_index(&observer), Some(0));
        net.unwatch(0);
        net.broadcast(3, None).unwrap();
        assert_eq!(observer.borrow().statistics().total, 2);
    }

    #[test]
    fn watchers_count_each_sender_under_its_own_id() {
        let mut net = network(&["a", "b"]);
        let observer = Rc::new(RefCell::new(Observer::new(PatternGenerator::new(7, 100).unwrap())));
        observer.borrow_mut().sender_key("seen-before-watching");
        net.watch(observer.clone());
        for sender in [1, 0, 1, 1] {
            net.broadcast(sender, None).unwrap();
        }
        net.remove_node(1).unwrap();
        net.create_node(&config("b2", 7)).unwrap();
        net.broadcast(2, None).unwrap();
        let stats = observer.borrow().statistics();
        let totals: Vec<(&str, u64)> = stats.by_sender.iter().map(|(id, t)| (id.as_str(), t.total)).collect();
        assert_eq!(totals, [("a", 1), ("b", 3), ("b2", 1), ("seen-before-watching", 0)]);
    }
}
