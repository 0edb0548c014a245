//! The observer: validates messages against its own pattern and keeps statistics per sender.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::boundary::{code_table, CodeTable};

use crate::error::MeshError;
use crate::ids::IdTable;
use crate::message::{verify, Verdict};
use crate::pattern::PatternGenerator;

/// An observer shared between its owner and the networks it watches.
pub type SharedObserver = Rc<RefCell<Observer>>;

/// Message counts: all, valid and anomalous.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Messages observed.
    pub total: u64,
    /// Messages that passed every check.
    pub valid: u64,
    /// Messages flagged as anomalies.
    pub anomalies: u64,
}

impl Tally {
    fn add(&mut self, total: u64, valid: u64) {
        self.total += total;
        self.valid += valid;
        self.anomalies += total - valid;
    }

    /// `valid / total`, or 1 when nothing was observed yet.
    pub fn success_rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.valid as f64 / self.total as f64
        }
    }
}

code_table! {
    /// What a watching observer (or `observe`) found wrong with a message.
    pub enum AnomalyKind {
        /// The pattern value differs from the observer's pattern at the message's step.
        PatternMismatch = "pattern-mismatch",
        /// A field is missing, of the wrong type, or breaks a rule.
        InvalidMessage = "invalid-message",
        /// The step is further from the network's tick count than the allowed skew.
        StepSkew = "step-skew",
        /// A message id seen before: an old message sent again.
        Replay = "replay",
        /// A sender id that is no node of the network.
        UnknownSender = "unknown-sender",
        /// A tag or signature that does not check out (authenticated networks).
        BadSignature = "bad-signature",
    }
}

/// Anomalies of each kind, by code.
type KindCounts = [u64; AnomalyKind::ALL.len()];

/// The kinds with a count, and their counts.
fn kind_map(counts: &KindCounts) -> BTreeMap<AnomalyKind, u64> {
    // Inserted one by one: collect() would sort them (they come in order), which costs wasm size.
    let mut map = BTreeMap::new();
    for (&kind, &n) in AnomalyKind::ALL.iter().zip(counts).filter(|&(_, &n)| n > 0) {
        map.insert(kind, n);
    }
    map
}

/// One sender's record with an observer: how many of its messages passed, and what was wrong
/// with the others.
#[derive(Debug, Clone, PartialEq)]
pub struct SenderStatistics {
    /// Messages observed.
    pub total: u64,
    /// Messages that passed every check.
    pub valid: u64,
    /// Messages flagged as anomalies.
    pub anomalies: u64,
    /// `valid / total` in 0..1 (1 before any message): how far the sender's messages can be
    /// trusted so far.
    pub trust: f64,
    /// Its anomalies of each kind.
    pub anomalies_by_kind: BTreeMap<AnomalyKind, u64>,
}

/// What `getStatistics()` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    /// Messages observed.
    pub total: u64,
    /// Messages that passed every check.
    pub valid: u64,
    /// Messages flagged as anomalies.
    pub anomalies: u64,
    /// `valid / total` in 0..1 (1 before any message).
    pub success_rate: f64,
    /// The same counts for each sender id, with its trust and anomalies by kind.
    pub by_sender: BTreeMap<String, SenderStatistics>,
    /// Anomalies of each kind.
    pub anomalies_by_kind: BTreeMap<AnomalyKind, u64>,
}

/// Validates messages with one seed and interval and counts the outcome per sender.
#[derive(Debug, Clone)]
pub struct Observer {
    pattern: PatternGenerator,
    totals: Tally,
    senders: IdTable,
    per_sender: Vec<Tally>,
    per_sender_kinds: Vec<KindCounts>,
    by_kind: KindCounts,
}

impl Observer {
    /// An observer for the pattern given by `seed` and `phaseResetInterval`.
    pub fn new(pattern: PatternGenerator) -> Self {
        Self {
            pattern,
            totals: Tally::default(),
            senders: IdTable::default(),
            per_sender: Vec::new(),
            per_sender_kinds: Vec::new(),
            by_kind: [0; AnomalyKind::ALL.len()],
        }
    }

    /// The observer's pattern.
    pub fn pattern(&self) -> &PatternGenerator {
        &self.pattern
    }

    /// A small number standing for `sender_id`, stable for the observer's lifetime.
    pub fn sender_key(&mut self, sender_id: &str) -> u32 {
        self.senders.find(sender_id).unwrap_or_else(|| {
            self.per_sender.push(Tally::default());
            self.per_sender_kinds.push([0; AnomalyKind::ALL.len()]);
            self.senders.push(sender_id)
        })
    }

    /// Validates a well-formed message from sender `key` (see [`Observer::sender_key`]; an unknown
    /// key counts in the totals only).
    #[inline]
    pub fn observe(&mut self, key: u32, step: u64, received: f64) -> Verdict {
        let verdict = verify(&self.pattern, step, received);
        let anomaly = (verdict != Verdict::Accepted).then_some(AnomalyKind::PatternMismatch);
        self.count(Some(key), anomaly);
        verdict
    }

    /// Counts one message of sender `key` (when known): valid, or an anomaly of `kind`.
    pub fn count(&mut self, key: Option<u32>, anomaly: Option<AnomalyKind>) {
        self.count_times(key, anomaly, 1);
    }

    /// Counts `times` alike messages of sender `key` (when known): valid, or anomalies of `kind`.
    pub fn count_times(&mut self, key: Option<u32>, anomaly: Option<AnomalyKind>, times: u64) {
        let valid = if anomaly.is_none() { times } else { 0 };
        self.totals.add(times, valid);
        if let Some(tally) = key.and_then(|key| self.per_sender.get_mut(key as usize)) {
            tally.add(times, valid);
        }
        if let Some(kind) = anomaly {
            self.by_kind[kind as usize] += times;
            if let Some(kinds) = key.and_then(|key| self.per_sender_kinds.get_mut(key as usize)) {
                kinds[kind as usize] += times;
            }
        }
    }

    /// Counts a malformed message as an anomaly, for its sender when it has a string id.
    pub fn observe_malformed(&mut self, key: Option<u32>) {
        self.count(key, Some(AnomalyKind::InvalidMessage));
    }

    /// Validates a message whose step is still an untyped number.
    pub fn observe_number(&mut self, key: u32, step: f64, received: f64) -> Result<Verdict, MeshError> {
        match crate::message::parse_step(step) {
            Ok(step) => Ok(self.observe(key, step, received)),
            Err(err) => {
                self.observe_malformed(Some(key));
                Err(err)
            }
        }
    }

    /// Each sender's counts, by id (inserted one by one: collect() would sort them with code of its own).
    fn by_sender(&self) -> BTreeMap<String, SenderStatistics> {
        let mut map = BTreeMap::new();
        for key in 0..self.senders.len() {
            let Tally { total, valid, anomalies } = self.per_sender[key];
            let statistics = SenderStatistics {
                total,
                valid,
                anomalies,
                trust: self.per_sender[key].success_rate(),
                anomalies_by_kind: kind_map(&self.per_sender_kinds[key]),
            };
            map.insert(self.senders.get(key as u32).to_owned(), statistics);
        }
        map
    }

    /// Totals, success rate and per-sender counts.
    pub fn statistics(&self) -> Statistics {
        Statistics {
            total: self.totals.total,
            valid: self.totals.valid,
            anomalies: self.totals.anomalies,
            success_rate: self.totals.success_rate(),
            by_sender: self.by_sender(),
            anomalies_by_kind: kind_map(&self.by_kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn observer() -> Observer {
        Observer::new(PatternGenerator::new(7, 100).unwrap())
    }

    /// `(total, valid, anomalies, trust)` of one sender.
    fn record(stats: &Statistics, sender: &str) -> (u64, u64, u64, f64) {
        let s = &stats.by_sender[sender];
        (s.total, s.valid, s.anomalies, s.trust)
    }

    #[test]
    fn seed_example_validation() {
        let mut o = observer();
        let sensor = o.sender_key("sensor-001");
        let bad = o.sender_key("malicious-node");
        assert_eq!(o.observe(sensor, 0, 7.0), Verdict::Accepted);
        assert_eq!(o.observe(bad, 0, 9.0), Verdict::Mismatch { expected: 7 });
        let stats = o.statistics();
        assert_eq!((stats.total, stats.valid, stats.anomalies), (2, 1, 1));
        assert_eq!(stats.success_rate, 0.5);
        assert_eq!(record(&stats, "malicious-node"), (1, 0, 1, 0.0));
        assert_eq!(record(&stats, "sensor-001"), (1, 1, 0, 1.0));
        assert_eq!(stats.anomalies_by_kind, BTreeMap::from([(AnomalyKind::PatternMismatch, 1)]));
    }

    #[test]
    fn sender_keys_are_stable() {
        let mut o = observer();
        let a = o.sender_key("a");
        assert_eq!(o.sender_key("b"), a + 1);
        assert_eq!(o.sender_key("a"), a);
    }

    #[test]
    fn malformed_messages_count_as_anomalies() {
        let mut o = observer();
        let a = o.sender_key("a");
        assert_eq!(o.observe_number(a, -1.0, 7.0).unwrap_err().code(), "ERR_NEGATIVE");
        o.observe_malformed(None);
        let stats = o.statistics();
        assert_eq!((stats.total, stats.anomalies), (2, 2));
        assert_eq!(stats.by_sender["a"].anomalies, 1);
        assert_eq!(stats.anomalies_by_kind, BTreeMap::from([(AnomalyKind::InvalidMessage, 2)]));
    }

    #[test]
    fn each_sender_has_a_trust_score_and_its_anomalies_by_kind() {
        let mut o = observer();
        let (honest, forger) = (o.sender_key("honest"), o.sender_key("forger"));
        for _ in 0..3 {
            o.count(Some(honest), None);
        }
        o.count(Some(forger), None);
        o.count(Some(forger), Some(AnomalyKind::BadSignature));
        o.count(Some(forger), Some(AnomalyKind::BadSignature));
        o.count(Some(forger), Some(AnomalyKind::Replay));
        let stats = o.statistics();
        assert_eq!(record(&stats, "honest"), (3, 3, 0, 1.0));
        assert_eq!(record(&stats, "forger"), (4, 1, 3, 0.25));
        let kinds = &stats.by_sender["forger"].anomalies_by_kind;
        assert_eq!(kinds, &BTreeMap::from([(AnomalyKind::Replay, 1), (AnomalyKind::BadSignature, 2)]));
        assert!(stats.by_sender["honest"].anomalies_by_kind.is_empty());
    }

    #[test]
    fn success_rate_is_one_before_any_message() {
        assert_eq!(observer().statistics().success_rate, 1.0);
    }
}
