//! A proptest state machine: random operation sequences on the instant network (a default
//! [`Simulation`]) and a plain reference model of it, compared after every step: live nodes,
//! deliveries and their verdicts, per-node counters and steps, engine totals, and the statistics
//! of an observer that observes messages and watches the network.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use data_mesh::network::{Delivery, Reception};
use data_mesh::observer::AnomalyKind;
use data_mesh::sim::engine::Simulation;
use data_mesh::{NodeConfig, NodeCounters, Observer, PatternGenerator, Slot, Verdict};
use proptest::prelude::*;

/// Node ids: few, so that operations often hit an existing node and ids are reused after removal.
const IDS: [&str; 5] = ["a", "b", "c", "d", "\u{FFFD}"];
/// Seeds and intervals: few, so that some nodes agree and some do not.
const SEEDS: [u64; 4] = [7, 7, 3, 16];
const INTERVALS: [u64; 3] = [100, 10, 1];
/// Steps as callers pass them: valid ones, and fractional, negative, NaN, infinite or unsafe ones.
const STEPS: [f64; 10] = [
    0.0,
    1.0,
    5.0,
    100.0,
    9_007_199_254_740_991.0,
    -1.0,
    0.5,
    f64::NAN,
    f64::INFINITY,
    9_007_199_254_740_992.0,
];
/// Pattern values as messages carry them (right for some patterns and steps, wrong for others).
const VALUES: [f64; 6] = [7.0, 4.0, 1.0, 3.0, 9.0, f64::NAN];
/// The observer's pattern.
const OBSERVER: (u64, u64) = (7, 100);

/// One operation on the network and the observer.
#[derive(Debug, Clone)]
enum Op {
    Create { id: usize, seed: usize, interval: usize },
    Remove { slot: Slot },
    Broadcast { id: usize },
    Batch { ids: Vec<usize> },
    Sync { id: usize, step: usize },
    Receive { id: usize, step: usize, value: usize },
    ReceiveMalformed { id: usize },
    Observe { sender: usize, step: usize, value: usize },
    ObserveMalformed { sender: Option<usize> },
    Watch,
    Unwatch,
}

fn op() -> impl Strategy<Value = Op> {
    let id = 0..IDS.len();
    prop_oneof![
        4 => (id.clone(), 0..SEEDS.len(), 0..INTERVALS.len())
            .prop_map(|(id, seed, interval)| Op::Create { id, seed, interval }),
        1 => (0u32..12).prop_map(|slot| Op::Remove { slot }),
        4 => id.clone().prop_map(|id| Op::Broadcast { id }),
        2 => prop::collection::vec(id.clone(), 0..6).prop_map(|ids| Op::Batch { ids }),
        2 => (id.clone(), 0..STEPS.len()).prop_map(|(id, step)| Op::Sync { id, step }),
        2 => (id.clone(), 0..STEPS.len(), 0..VALUES.len())
            .prop_map(|(id, step, value)| Op::Receive { id, step, value }),
        1 => id.clone().prop_map(|id| Op::ReceiveMalformed { id }),
        2 => (id.clone(), 0..STEPS.len(), 0..VALUES.len())
            .prop_map(|(sender, step, value)| Op::Observe { sender, step, value }),
        1 => prop::option::of(id).prop_map(|sender| Op::ObserveMalformed { sender }),
        1 => Just(Op::Watch),
        1 => Just(Op::Unwatch),
    ]
}

/// The pattern value at `step`, computed the slow way (the spec taken literally).
fn pattern_value(seed: u64, interval: u64, step: u64) -> u64 {
    data_mesh::pattern::literal_value(seed, interval, step)
}

/// A step as the API reads it: a whole number from 0 to 2^53-1, else malformed.
fn valid_step(step: f64) -> Option<u64> {
    (step.is_finite() && step.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&step))
        .then_some(step as u64)
}

#[derive(Debug, Clone)]
struct ModelNode {
    id: String,
    seed: u64,
    interval: u64,
    step: u64,
    alive: bool,
    counters: NodeCounters,
}

/// An observer's counts, overall or for one sender.
#[derive(Debug, Clone, Default, PartialEq)]
struct Tally {
    total: u64,
    valid: u64,
    kinds: BTreeMap<AnomalyKind, u64>,
}

impl Tally {
    fn count(&mut self, anomaly: Option<AnomalyKind>) {
        self.total += 1;
        match anomaly {
            None => self.valid += 1,
            Some(kind) => *self.kinds.entry(kind).or_default() += 1,
        }
    }
}

/// The reference: nodes by slot, engine totals, the observer's counts and whether it watches.
#[derive(Debug, Default)]
struct Model {
    nodes: Vec<ModelNode>,
    last_message: u64,
    sent: u64,
    delivered: u64,
    accepted: u64,
    rejected: u64,
    totals: Tally,
    senders: BTreeMap<String, Tally>,
    watching: bool,
}

impl Model {
    fn find(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.alive && n.id == id)
    }

    fn observer_count(&mut self, sender: Option<&str>, anomaly: Option<AnomalyKind>) {
        self.totals.count(anomaly);
        if let Some(sender) = sender {
            self.senders.entry(sender.to_owned()).or_default().count(anomaly);
        }
    }

    /// A broadcast from `sender`: its deliveries in creation order, and what a watcher flags.
    fn broadcast(&mut self, sender: usize) -> (Vec<Delivery>, Option<AnomalyKind>) {
        self.last_message += 1;
        self.sent += 1;
        let (step, from) = (self.nodes[sender].step, &self.nodes[sender]);
        let value = pattern_value(from.seed, from.interval, step);
        let mut deliveries = Vec::new();
        for (slot, node) in self.nodes.iter_mut().enumerate() {
            if !node.alive || slot == sender {
                continue;
            }
            let expected = pattern_value(node.seed, node.interval, step);
            if expected == value {
                node.counters.received += 1;
                deliveries.push(Delivery::Accepted(slot as Slot));
            } else {
                node.counters.rejected += 1;
                deliveries.push(Delivery::Rejected { receiver: slot as Slot, expected });
            }
        }
        self.nodes[sender].counters.sent += 1;
        self.delivered += deliveries.len() as u64;
        let accepted = deliveries.iter().filter(|d| matches!(d, Delivery::Accepted(_))).count() as u64;
        self.accepted += accepted;
        self.rejected += deliveries.len() as u64 - accepted;
        let mismatch = pattern_value(OBSERVER.0, OBSERVER.1, step) != value;
        let anomaly = mismatch.then_some(AnomalyKind::PatternMismatch);
        if self.watching {
            let id = self.nodes[sender].id.clone();
            self.observer_count(Some(&id), anomaly);
        }
        (deliveries, anomaly)
    }
}

/// The system under test and the model, stepped together.
struct Pair {
    sim: Simulation,
    observer: Rc<RefCell<Observer>>,
    model: Model,
}

impl Pair {
    fn new() -> Self {
        let pattern = PatternGenerator::new(OBSERVER.0, OBSERVER.1).unwrap();
        Self {
            sim: Simulation::default(),
            observer: Rc::new(RefCell::new(Observer::new(pattern))),
            model: Model::default(),
        }
    }

    fn slot_of(&self, id: usize) -> Option<Slot> {
        let found = self.sim.network().find(IDS[id]);
        assert_eq!(found.map(|s| s as usize), self.model.find(IDS[id]), "find({:?})", IDS[id]);
        found
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Create { id, seed, interval } => {
                let config =
                    NodeConfig::new(IDS[id], SEEDS[seed] as f64, INTERVALS[interval] as f64).unwrap();
                let created = self.sim.create_node(&config);
                if self.model.find(IDS[id]).is_some() {
                    assert_eq!(created.unwrap_err().code(), "ERR_DUPLICATE_NODE_ID");
                } else {
                    assert_eq!(
                        created,
                        Ok(self.model.nodes.len() as Slot),
                        "slots count up in creation order"
                    );
                    let (seed, interval) = (SEEDS[seed], INTERVALS[interval]);
                    let counters = NodeCounters::default();
                    let node =
                        ModelNode { id: IDS[id].to_owned(), seed, interval, step: 0, alive: true, counters };
                    self.model.nodes.push(node);
                }
            }
            Op::Remove { slot } => {
                let removed = self.sim.remove_node(slot);
                match self.model.nodes.get_mut(slot as usize) {
                    Some(node) if node.alive => {
                        assert_eq!(removed, Ok(()));
                        node.alive = false;
                    }
                    _ => assert_eq!(removed.unwrap_err().code(), "ERR_NODE_REMOVED"),
                }
            }
            Op::Broadcast { id } => {
                let Some(slot) = self.slot_of(id) else { return };
                let (deliveries, anomaly) = self.model.broadcast(slot as usize);
                let watching = self.model.watching;
                let report = self.sim.broadcast(slot).unwrap();
                assert_eq!(report.message, self.model.last_message, "message ids count up from 1");
                assert!(report.instant);
                assert_eq!(report.deliveries, deliveries.as_slice(), "deliveries and their verdicts");
                let flagged: Vec<AnomalyKind> = report.anomalies.iter().map(|a| a.kind).collect();
                assert_eq!(flagged, anomaly.filter(|_| watching).into_iter().collect::<Vec<_>>());
                let unanimous = !watching && deliveries.iter().all(|d| matches!(d, Delivery::Accepted(_)));
                assert_eq!(report.unanimous, unanimous);
            }
            Op::Batch { ref ids } => {
                let slots: Vec<Slot> = ids.iter().filter_map(|&id| self.slot_of(id)).collect();
                let first = self.model.last_message + 1;
                for &slot in &slots {
                    self.model.broadcast(slot as usize);
                }
                let batch = self.sim.broadcast_batch(&slots).unwrap().expect("an instant network");
                assert_eq!(batch.first_message, first);
                let messages: u64 = batch.groups.iter().map(|g| g.messages).sum();
                assert_eq!(messages, slots.len() as u64);
            }
            Op::Sync { id, step } => {
                let Some(slot) = self.slot_of(id) else { return };
                let synced = self.sim.network_mut().sync(slot, STEPS[step]);
                match valid_step(STEPS[step]) {
                    Some(target) => {
                        assert_eq!(synced, Ok(target));
                        self.model.nodes[slot as usize].step = target;
                    }
                    None => assert_eq!(synced.unwrap_err().field(), "targetStep"),
                }
            }
            Op::Receive { id, step, value } => {
                let Some(slot) = self.slot_of(id) else { return };
                let reception = self.sim.network_mut().receive(slot, STEPS[step], VALUES[value]).unwrap();
                let node = &mut self.model.nodes[slot as usize];
                match valid_step(STEPS[step]) {
                    Some(step) => {
                        let expected = pattern_value(node.seed, node.interval, step);
                        if expected as f64 == VALUES[value] {
                            node.counters.received += 1;
                            assert_eq!(reception, Reception::Checked(Verdict::Accepted));
                        } else {
                            node.counters.rejected += 1;
                            assert_eq!(reception, Reception::Checked(Verdict::Mismatch { expected }));
                        }
                    }
                    None => {
                        node.counters.rejected += 1;
                        assert!(
                            matches!(reception, Reception::Malformed(ref e) if e.field() == "globalStep")
                        );
                    }
                }
            }
            Op::ReceiveMalformed { id } => {
                let Some(slot) = self.slot_of(id) else { return };
                self.sim.network_mut().reject_malformed(slot).unwrap();
                self.model.nodes[slot as usize].counters.rejected += 1;
            }
            Op::Observe { sender, step, value } => {
                let mut observer = self.observer.borrow_mut();
                let key = observer.sender_key(IDS[sender]);
                let verdict = observer.observe_number(key, STEPS[step], VALUES[value]);
                let anomaly = match valid_step(STEPS[step]) {
                    Some(step) => {
                        let expected = pattern_value(OBSERVER.0, OBSERVER.1, step);
                        let accepted = expected as f64 == VALUES[value];
                        let want = if accepted { Verdict::Accepted } else { Verdict::Mismatch { expected } };
                        assert_eq!(verdict, Ok(want));
                        (!accepted).then_some(AnomalyKind::PatternMismatch)
                    }
                    None => {
                        assert_eq!(verdict.unwrap_err().field(), "globalStep");
                        Some(AnomalyKind::InvalidMessage)
                    }
                };
                self.model.observer_count(Some(IDS[sender]), anomaly);
            }
            Op::ObserveMalformed { sender } => {
                let mut observer = self.observer.borrow_mut();
                let key = sender.map(|s| observer.sender_key(IDS[s]));
                observer.observe_malformed(key);
                self.model.observer_count(sender.map(|s| IDS[s]), Some(AnomalyKind::InvalidMessage));
            }
            Op::Watch => {
                let network = self.sim.network_mut();
                if network.watcher_index(&self.observer).is_none() {
                    network.watch(self.observer.clone());
                }
                self.model.watching = true;
            }
            Op::Unwatch => {
                let network = self.sim.network_mut();
                if let Some(index) = network.watcher_index(&self.observer) {
                    network.unwatch(index);
                }
                self.model.watching = false;
            }
        }
    }

    /// Everything observable agrees with the model.
    fn check(&self) {
        let network = self.sim.network();
        let live: Vec<&str> = network.live_slots().map(|s| network.node_id(s)).collect();
        let want: Vec<&str> = self.model.nodes.iter().filter(|n| n.alive).map(|n| n.id.as_str()).collect();
        assert_eq!(live, want, "live nodes in creation order");
        assert_eq!(network.live_count(), want.len());
        assert_eq!(network.slot_count(), self.model.nodes.len());
        for (slot, node) in self.model.nodes.iter().enumerate() {
            let slot = slot as Slot;
            assert_eq!(network.is_alive(slot), node.alive);
            if node.alive {
                assert_eq!(network.counters(slot), Ok(node.counters), "counters of {:?}", node.id);
                assert_eq!(network.global_step(slot), Ok(node.step));
                let value = pattern_value(node.seed, node.interval, node.step);
                assert_eq!(network.pattern_value(slot), Ok(value));
            } else {
                assert_eq!(network.counters(slot).unwrap_err().code(), "ERR_NODE_REMOVED");
            }
        }
        let stats = self.sim.stats();
        let model = &self.model;
        assert_eq!((stats.sent, stats.completed), (model.sent, model.sent));
        assert_eq!((stats.delivered, stats.reach), (model.delivered, model.delivered));
        assert_eq!((stats.accepted, stats.rejected), (model.accepted, model.rejected));
        assert!(self.sim.is_instant());
        self.check_observer();
    }

    fn check_observer(&self) {
        let stats = self.observer.borrow().statistics();
        let totals = &self.model.totals;
        let anomalies = totals.total - totals.valid;
        assert_eq!((stats.total, stats.valid, stats.anomalies), (totals.total, totals.valid, anomalies));
        let rate = if totals.total == 0 { 1.0 } else { totals.valid as f64 / totals.total as f64 };
        assert_eq!(stats.success_rate, rate);
        assert_eq!(stats.anomalies_by_kind, totals.kinds);
        let senders: Vec<&String> = stats.by_sender.keys().collect();
        assert_eq!(senders, self.model.senders.keys().collect::<Vec<_>>(), "senders in byte order");
        for (id, want) in &self.model.senders {
            let got = &stats.by_sender[id];
            assert_eq!(
                (got.total, got.valid, got.anomalies),
                (want.total, want.valid, want.total - want.valid),
                "{id:?}"
            );
            assert_eq!(got.anomalies_by_kind, want.kinds, "{id:?}");
            assert!((0.0..=1.0).contains(&got.trust));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_instant_network_behaves_as_its_reference_model(ops in prop::collection::vec(op(), 1..60)) {
        let mut pair = Pair::new();
        for op in &ops {
            pair.apply(op);
            pair.check();
        }
    }
}

#[test]
fn the_reference_pattern_is_the_seeds() {
    assert_eq!((0..7).map(|step| pattern_value(7, 100, step)).collect::<Vec<_>>(), [7, 4, 1, 7, 4, 1, 7]);
    assert_eq!(pattern_value(16, 10, 20), 16, "the seed itself at every reset");
    let generator = PatternGenerator::new(16, 10).unwrap();
    assert!((0..200).all(|step| generator.value_at(step) == pattern_value(16, 10, step)));
}
