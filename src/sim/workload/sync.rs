//! The sync checker: the spread of the running nodes' steps at each tick, how long it takes to
//! come back within `maxStepSkew` after each disturbance, and the liars' drags.

use super::report::{Disturbance, DisturbanceRecord, SyncReport, SyncSummary};
use super::slot_bits::SlotBits;
use super::US_PER_MS;
use crate::boundary::CodeTable;
use crate::network::Slot;

/// What the report calls "no node".
const NO_NODE: f64 = crate::boundary::codes::NONE;

/// One disturbance, and the ticks since it (until the next one).
#[derive(Debug, Clone)]
struct Watch {
    /// What happened.
    kind: Disturbance,
    /// When, in µs.
    at_us: u64,
    /// The node it happened to.
    node: Option<Slot>,
    /// The widest spread at a tick since.
    max_spread: u64,
    /// The last tick since at which the spread was too wide.
    last_out_us: Option<u64>,
    /// The first tick after that one at which it was within the limit again.
    back_in_us: Option<u64>,
}

impl Watch {
    /// Milliseconds until the spread stayed within the limit: 0 when it never left it, `NaN`
    /// while it is still out of it.
    fn settled_after_ms(&self) -> f64 {
        match (self.last_out_us, self.back_in_us) {
            (None, _) => 0.0,
            (Some(_), None) => f64::NAN,
            (Some(_), Some(back)) => (back - self.at_us) as f64 / US_PER_MS,
        }
    }
}

/// The sync checker's state.
#[derive(Debug, Clone)]
pub struct SyncChecker {
    /// The widest spread of steps that counts as in sync (`maxStepSkew`).
    limit: u64,
    /// Ticks watched, and those out of sync.
    ticks: u64,
    out_of_sync: u64,
    /// The widest spread seen.
    max_spread: u64,
    /// Every disturbance, in time order.
    watches: Vec<Watch>,
    /// Syncs to a liar's step, and the nodes dragged.
    liar_drags: u64,
    dragged: SlotBits,
}

impl SyncChecker {
    /// A checker counting a spread above `limit` as out of sync.
    pub fn new(limit: u64) -> Self {
        Self {
            limit,
            ticks: 0,
            out_of_sync: 0,
            max_spread: 0,
            watches: Vec::new(),
            liar_drags: 0,
            dragged: SlotBits::default(),
        }
    }

    /// `kind` happened at `at_us` (to `node`).
    pub fn disturbed(&mut self, kind: Disturbance, at_us: u64, node: Option<Slot>) {
        self.watches.push(Watch { kind, at_us, node, max_spread: 0, last_out_us: None, back_in_us: None });
    }

    /// A tick at `now_us` at which the running nodes' steps spread over `spread`.
    pub fn tick(&mut self, now_us: u64, spread: u64) {
        let out = spread > self.limit;
        self.ticks += 1;
        self.out_of_sync += u64::from(out);
        self.max_spread = self.max_spread.max(spread);
        let Some(watch) = self.watches.last_mut() else { return };
        watch.max_spread = watch.max_spread.max(spread);
        if out {
            watch.last_out_us = Some(now_us);
            watch.back_in_us = None;
        } else if watch.last_out_us.is_some() && watch.back_in_us.is_none() {
            watch.back_in_us = Some(now_us);
        }
    }

    /// `node` synced to a step a liar stamped.
    pub fn dragged(&mut self, node: Slot) {
        self.liar_drags += 1;
        self.dragged.insert(node);
    }

    /// The report.
    pub fn report(&self) -> SyncReport {
        let disturbances: Vec<DisturbanceRecord> = self
            .watches
            .iter()
            .map(|watch| DisturbanceRecord {
                kind: f64::from(watch.kind.code()),
                at_ms: watch.at_us as f64 / US_PER_MS,
                node: watch.node.map_or(NO_NODE, f64::from),
                max_spread: watch.max_spread as f64,
                settled_after_ms: watch.settled_after_ms(),
            })
            .collect();
        let settled = disturbances.iter().map(|d| d.settled_after_ms).filter(|ms| !ms.is_nan());
        let summary = SyncSummary {
            ticks: self.ticks as f64,
            ticks_out_of_sync: self.out_of_sync as f64,
            max_spread: self.max_spread as f64,
            max_step_skew: self.limit as f64,
            disturbances: disturbances.len() as f64,
            longest_settle_ms: settled.fold(f64::NAN, f64::max),
            unsettled: disturbances.iter().filter(|d| d.settled_after_ms.is_nan()).count() as f64,
            liar_drags: self.liar_drags as f64,
            dragged_nodes: self.dragged.len() as f64,
        };
        SyncReport { summary, disturbances }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disturbance_settles_at_the_first_tick_back_within_the_limit_for_good() {
        let mut c = SyncChecker::new(2);
        c.tick(100_000, 5);
        c.disturbed(Disturbance::Crash, 150_000, Some(3));
        for (at, spread) in [(200_000, 3), (300_000, 1), (400_000, 4), (500_000, 2), (600_000, 0)] {
            c.tick(at, spread);
        }
        let report = c.report();
        assert_eq!(report.disturbances[0].settled_after_ms, 350.0, "back in at 500 ms, for good");
        assert_eq!((report.disturbances[0].max_spread, report.disturbances[0].node), (4.0, 3.0));
        assert_eq!(
            (report.summary.ticks, report.summary.ticks_out_of_sync, report.summary.max_spread),
            (6.0, 3.0, 5.0)
        );
        assert_eq!((report.summary.longest_settle_ms, report.summary.unsettled), (350.0, 0.0));
    }

    #[test]
    fn a_disturbance_that_never_spread_settles_at_once_and_one_still_out_does_not() {
        let mut c = SyncChecker::new(2);
        c.disturbed(Disturbance::Partition, 0, None);
        c.tick(100_000, 1);
        c.disturbed(Disturbance::Drift, 150_000, Some(1));
        c.tick(200_000, 9);
        let report = c.report();
        assert_eq!(report.disturbances[0].settled_after_ms, 0.0);
        assert_eq!(report.disturbances[0].node, NO_NODE);
        assert!(report.disturbances[1].settled_after_ms.is_nan());
        assert_eq!((report.summary.longest_settle_ms, report.summary.unsettled), (0.0, 1.0));
    }

    #[test]
    fn drags_count_every_time_and_every_node_once() {
        let mut c = SyncChecker::new(2);
        c.dragged(4);
        c.dragged(4);
        c.dragged(1);
        let summary = c.report().summary;
        assert_eq!((summary.liar_drags, summary.dragged_nodes), (3.0, 2.0));
        assert!(summary.longest_settle_ms.is_nan());
    }
}
