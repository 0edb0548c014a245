//! The broadcast checker: which node learned which value when, against when it was handed out.

use super::options::BroadcastSpec;
use super::report::{BroadcastReport, BroadcastSummary, HealRecord, MissingValue};
use super::slot_bits::SlotBits;
use super::US_PER_MS;
use crate::distribution::Distribution;
use crate::network::Slot;
use crate::sim::engine::SimStats;

/// A heal, and the last time a value handed out before it was first learned.
#[derive(Debug, Clone)]
struct HealWatch {
    /// When the partition healed, in µs.
    at_us: u64,
    /// Values handed out before it.
    values_before: u32,
    /// The latest time a node, checked then, first learned one of those values.
    last_learned_us: u64,
}

/// A broadcast workload's values, and what the nodes learned of them.
#[derive(Debug, Clone)]
pub struct BroadcastChecker {
    /// The workload.
    spec: BroadcastSpec,
    /// When each value handed out so far was (values are numbered from 0 in hand-out order).
    handed_at: Vec<u64>,
    /// Values due when no node could take one.
    unplaced: u32,
    /// The messages carrying values handed to nodes that relay by the built-in rules, as
    /// (message id, value), in id order.
    carriers: Vec<(u64, u32)>,
    /// Per value, the nodes that learned it (kept by value: a flood touches one value's set at a
    /// time, which stays in cache).
    learned: Vec<SlotBits>,
    /// The nodes running at the first hand-out and never crashed or removed since (none until
    /// the first hand-out).
    checked: SlotBits,
    /// Milliseconds from hand-out to learning, per (value, node) learned.
    latency: Distribution,
    /// The heals since the workload started.
    heals: Vec<HealWatch>,
    /// The engine's message copies and bytes when the workload started.
    baseline: (u64, u64),
}

impl BroadcastChecker {
    /// A checker for `spec`, counting traffic from the engine's totals `now`.
    pub fn new(spec: BroadcastSpec, now: &SimStats) -> Self {
        Self {
            spec,
            handed_at: Vec::new(),
            unplaced: 0,
            carriers: Vec::new(),
            learned: Vec::new(),
            checked: SlotBits::default(),
            latency: Distribution::default(),
            heals: Vec::new(),
            baseline: (now.copies(), now.bytes_sent),
        }
    }

    /// The nodes values are handed to (`None`: any running node).
    pub fn from(&self) -> Option<&[Slot]> {
        self.spec.from.as_deref()
    }

    /// When the next value is due, if any is left.
    pub fn next_due(&self) -> Option<u64> {
        let attempts = self.handed_at.len() as u32 + self.unplaced;
        (attempts < self.spec.values).then(|| self.spec.time_of(attempts))
    }

    /// Counts a value that was due when no node could take it.
    pub fn unplaced(&mut self) {
        self.unplaced += 1;
    }

    /// Hands the next value to `origin` at `now_us`, which learns it then; returns the value. The
    /// first hand-out fixes the nodes checked: of `slots` slots, those `running` says.
    pub fn hand_out(
        &mut self,
        origin: Slot,
        now_us: u64,
        slots: usize,
        running: impl Fn(Slot) -> bool,
    ) -> u32 {
        if self.handed_at.is_empty() {
            self.checked = SlotBits::from_fn(slots, running);
        }
        let value = self.handed_at.len() as u32;
        self.handed_at.push(now_us);
        self.learned.push(SlotBits::default());
        self.learn(origin, value, now_us);
        value
    }

    /// Notes that message `message` carries `value` (handed to a node that relays by the
    /// built-in rules: whoever accepts it learns the value).
    pub fn carried_by(&mut self, message: u64, value: u32) {
        // Ids only grow, except a replaying node's, which sends an old message again.
        let at = self.carriers.partition_point(|&(id, _)| id <= message);
        self.carriers.insert(at, (message, value));
    }

    /// `slot` accepted message `message` at `now_us`: it learns the value the message carries, if
    /// any.
    pub fn accepted(&mut self, slot: Slot, message: u64, now_us: u64) {
        if let Ok(i) = self.carriers.binary_search_by_key(&message, |&(id, _)| id) {
            let value = self.carriers[i].1;
            self.learn(slot, value, now_us);
        }
    }

    /// `slot` learned `value` (handed out) at `now_us`; returns whether that is news (a node learns
    /// a value once).
    pub fn learn(&mut self, slot: Slot, value: u32, now_us: u64) -> bool {
        let Some(&handed_at) = self.handed_at.get(value as usize) else { return false };
        if !self.learned[value as usize].insert(slot) {
            return false;
        }
        self.latency.record(now_us.saturating_sub(handed_at) as f64 / US_PER_MS);
        if self.checked.contains(slot) {
            // Heals are in time order, so those after the value's hand-out are the last ones.
            let first = self.heals.partition_point(|heal| heal.values_before <= value);
            for heal in &mut self.heals[first..] {
                heal.last_learned_us = heal.last_learned_us.max(now_us);
            }
        }
        true
    }

    /// `slot` crashed or was removed: it is no longer checked.
    pub fn node_down(&mut self, slot: Slot) {
        self.checked.remove(slot);
    }

    /// The partition healed at `now_us`.
    pub fn healed(&mut self, now_us: u64) {
        let values_before = self.handed_at.len() as u32;
        self.heals.push(HealWatch { at_us: now_us, values_before, last_learned_us: now_us });
    }

    /// How many (value, checked node) pairs of the first `values` values are not learned.
    fn missing_before(&self, values: u32) -> usize {
        self.learned[..values as usize].iter().map(|learned| learned.count_missing_from(&self.checked)).sum()
    }

    /// The report, with the engine's totals `now`.
    pub fn report(&self, now: &SimStats) -> BroadcastReport {
        let values = self.handed_at.len() as u32;
        let checked = self.checked.len();
        let missing = self.missing_before(values);
        let listed: Vec<MissingValue> = (self.learned.iter().enumerate())
            .flat_map(|(value, learned)| {
                let pair = move |slot: Slot| MissingValue { value: value as f64, node: f64::from(slot) };
                learned.missing_from(&self.checked).map(pair)
            })
            .take(BroadcastReport::MISSING_LISTED)
            .collect();
        let heals: Vec<HealRecord> = self
            .heals
            .iter()
            .map(|heal| {
                let converged = self.missing_before(heal.values_before) == 0;
                HealRecord {
                    at_ms: heal.at_us as f64 / US_PER_MS,
                    values_before: f64::from(heal.values_before),
                    converged_after_ms: if converged {
                        (heal.last_learned_us - heal.at_us) as f64 / US_PER_MS
                    } else {
                        f64::NAN
                    },
                }
            })
            .collect();
        let (messages, bytes) = (now.copies() - self.baseline.0, now.bytes_sent - self.baseline.1);
        let per_value = |total: u64| if values == 0 { f64::NAN } else { total as f64 / f64::from(values) };
        let summary = BroadcastSummary {
            values: f64::from(values),
            unplaced: f64::from(self.unplaced),
            messages: messages as f64,
            bytes: bytes as f64,
            messages_per_value: per_value(messages),
            bytes_per_value: per_value(bytes),
            checked_nodes: checked as f64,
            expected: (checked as u64 * u64::from(values)) as f64,
            missing: missing as f64,
            complete: f64::from(u8::from(missing == 0)),
            heals: heals.len() as f64,
            converged_after_heal_ms: heals.last().map_or(f64::NAN, |heal| heal.converged_after_ms),
        };
        BroadcastReport { summary, latency: self.latency.metrics(), missing: listed, heals }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker(values: u32) -> BroadcastChecker {
        let spec = BroadcastSpec { start_us: 0, rate: 1000.0, values, from: None };
        BroadcastChecker::new(spec, &SimStats::default())
    }

    #[test]
    fn values_fall_due_at_the_rate_and_stop_at_the_count() {
        let mut c = checker(3);
        let mut due = Vec::new();
        while let Some(at) = c.next_due() {
            due.push(at);
            if due.len() == 2 {
                c.unplaced();
            } else {
                c.hand_out(0, at, 2, |_| true);
            }
        }
        assert_eq!(due, [0, 1000, 2000]);
        let report = c.report(&SimStats::default());
        assert_eq!((report.summary.values, report.summary.unplaced), (2.0, 1.0));
    }

    #[test]
    fn a_node_learns_a_value_once_and_latency_runs_from_the_hand_out() {
        let mut c = checker(2);
        assert_eq!(c.hand_out(0, 1000, 3, |_| true), 0);
        assert!(!c.learn(1, 5, 2000), "value 5 was never handed out");
        assert!(c.learn(1, 0, 4000));
        assert!(!c.learn(1, 0, 9000), "learned once");
        let report = c.report(&SimStats::default());
        let latency = report.latency.unwrap();
        assert_eq!((latency.count, latency.min, latency.max), (2, 0.0, 3.0));
        assert_eq!(
            (report.summary.expected, report.summary.missing, report.summary.complete),
            (3.0, 1.0, 0.0)
        );
        assert_eq!(report.missing, [MissingValue { value: 0.0, node: 2.0 }]);
    }

    #[test]
    fn nodes_down_at_the_first_hand_out_or_since_are_not_checked() {
        let mut c = checker(2);
        c.hand_out(0, 0, 4, |slot| slot != 3);
        c.node_down(1);
        c.learn(2, 0, 10);
        let report = c.report(&SimStats::default());
        assert_eq!((report.summary.checked_nodes, report.summary.missing), (2.0, 0.0));
        assert_eq!(report.summary.complete, 1.0);
    }

    #[test]
    fn a_heal_converges_when_the_values_before_it_reached_every_checked_node() {
        let mut c = checker(3);
        c.hand_out(0, 0, 2, |_| true);
        c.healed(5_000);
        c.hand_out(0, 6_000, 2, |_| true);
        c.learn(1, 1, 7_000);
        assert!(c.report(&SimStats::default()).heals[0].converged_after_ms.is_nan());
        c.learn(1, 0, 9_000);
        let report = c.report(&SimStats::default());
        assert_eq!(report.heals[0].converged_after_ms, 4.0, "value 0 reached node 1 4 ms after the heal");
        assert_eq!(report.summary.converged_after_heal_ms, 4.0);
        assert_eq!(report.heals[0].values_before, 1.0);
    }

    #[test]
    fn built_in_values_are_learned_by_accepting_their_message() {
        let mut c = checker(2);
        let value = c.hand_out(0, 0, 2, |_| true);
        c.carried_by(17, value);
        c.accepted(1, 16, 100);
        c.accepted(1, 17, 200);
        assert_eq!(c.report(&SimStats::default()).summary.missing, 0.0);
    }

    #[test]
    fn traffic_counts_from_the_workload_start() {
        let before = SimStats { delivered: 5, bytes_sent: 100, ..SimStats::default() };
        let mut c =
            BroadcastChecker::new(BroadcastSpec { start_us: 0, rate: 1.0, values: 1, from: None }, &before);
        c.hand_out(0, 0, 1, |_| true);
        let after = SimStats { delivered: 9, duplicates: 2, lost: 1, bytes_sent: 400, ..SimStats::default() };
        let summary = c.report(&after).summary;
        assert_eq!((summary.messages, summary.bytes, summary.messages_per_value), (7.0, 300.0, 7.0));
    }
}
