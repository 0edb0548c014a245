//! What the checkers report: typed records declared once here (the TypeScript side is generated
//! from them), a summary per checker and its rows.

use crate::boundary::{code_table, record};
use crate::distribution::Metrics;

record! {
    /// The broadcast checker's figures (`NaN` for a figure with nothing to measure yet).
    pub struct BroadcastSummary {
        /// Values handed out so far.
        pub values: f64,
        /// Values due when no node could take one (none of the workload's nodes was running).
        pub unplaced: f64,
        /// Copies of messages put on links since the workload started, whatever became of them
        /// (delivered, duplicate, lost, cut, to a crashed node, refused by a full queue).
        pub messages: f64,
        /// Bytes put on links since the workload started (none in an instant network).
        pub bytes: f64,
        /// `messages` per value handed out.
        pub messages_per_value: f64,
        /// `bytes` per value handed out.
        pub bytes_per_value: f64,
        /// Nodes checked: running when the first value was handed out, and never crashed or
        /// removed since.
        pub checked_nodes: f64,
        /// (value, node) pairs the checked nodes should have learned: values × checked nodes.
        pub expected: f64,
        /// Of those, the pairs not learned.
        pub missing: f64,
        /// 1 when every value reached every checked node, else 0.
        pub complete: f64,
        /// Heals (ends of a partition) since the workload started.
        pub heals: f64,
        /// Milliseconds from the last heal until every value handed out before it had reached
        /// every checked node (`NaN`: no heal, or not converged).
        pub converged_after_heal_ms: f64,
    }
}

record! {
    /// A (value, node) pair a checked node has not learned.
    pub struct MissingValue {
        /// The value.
        pub value: f64,
        /// The node's slot.
        pub node: f64,
    }
}

record! {
    /// How the mesh converged after one heal.
    pub struct HealRecord {
        /// When the partition healed, in ms.
        pub at_ms: f64,
        /// Values handed out before it.
        pub values_before: f64,
        /// Milliseconds from the heal until every one of those values had reached every checked
        /// node (`NaN`: not converged).
        pub converged_after_ms: f64,
    }
}

/// The broadcast checker's report.
#[derive(Debug, Clone, PartialEq)]
pub struct BroadcastReport {
    /// The figures.
    pub summary: BroadcastSummary,
    /// Milliseconds from a value's hand-out to a node learning it, over every node and value
    /// learned (`None` before anything was learned).
    pub latency: Option<Metrics>,
    /// The first [`BroadcastReport::MISSING_LISTED`] pairs missing, by value then slot.
    pub missing: Vec<MissingValue>,
    /// Each heal since the workload started.
    pub heals: Vec<HealRecord>,
}

impl BroadcastReport {
    /// The most missing pairs a report lists (`summary.missing` counts them all).
    pub const MISSING_LISTED: usize = 1000;
}

code_table! {
    /// What disturbed the nodes' steps, for the sync checker.
    pub enum Disturbance {
        /// A node's clock started drifting (or drifts at another rate).
        Drift = "drift",
        /// A partition cut the mesh.
        Partition = "partition",
        /// A partition healed.
        Heal = "heal",
        /// A node crashed.
        Crash = "crash",
        /// A node restarted.
        Restart = "restart",
    }
}

record! {
    /// The sync checker's figures.
    pub struct SyncSummary {
        /// Ticks watched.
        pub ticks: f64,
        /// Of those, ticks at which the running nodes' steps spread over more than `maxStepSkew`.
        pub ticks_out_of_sync: f64,
        /// The widest spread of the running nodes' steps at a tick.
        pub max_spread: f64,
        /// The network's `maxStepSkew`.
        pub max_step_skew: f64,
        /// Disturbances seen.
        pub disturbances: f64,
        /// The longest time a disturbance took to settle, in ms (`NaN`: none settled).
        pub longest_settle_ms: f64,
        /// Disturbances still unsettled at the report.
        pub unsettled: f64,
        /// Times a node synced to the step a liar (a `step-skew` node) stamped.
        pub liar_drags: f64,
        /// Nodes a liar dragged at least once.
        pub dragged_nodes: f64,
    }
}

record! {
    /// One disturbance and how the steps settled after it.
    pub struct DisturbanceRecord {
        /// What happened (a `Disturbance` code).
        pub kind: f64,
        /// When, in ms.
        pub at_ms: f64,
        /// The node it happened to (`NONE` for a partition or heal).
        pub node: f64,
        /// The widest spread of the steps from then until the next disturbance.
        pub max_spread: f64,
        /// Milliseconds until the spread was within `maxStepSkew` at every later tick up to the
        /// next disturbance or the report (0: it never left it; `NaN`: still out of it).
        pub settled_after_ms: f64,
    }
}

/// The sync checker's report.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncReport {
    /// The figures.
    pub summary: SyncSummary,
    /// Each disturbance, in time order.
    pub disturbances: Vec<DisturbanceRecord>,
}
