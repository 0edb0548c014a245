//! Workloads and their checkers.
//!
//! A broadcast workload hands numbered values to nodes at a steady rate; its checker reports
//! whether every value reached every node that stayed up (and which are missing where), the
//! messages and bytes per value, the latency from a value's hand-out to each node learning it,
//! and how long after each heal the mesh converged. A sync workload watches the seed's own
//! concern: after drift, a partition, a heal, a crash or a restart, how long until every live
//! node's step is back within `maxStepSkew` of the others, and how often a liar dragged a node.
//!
//! The checkers are fed by the engine (`engine/workload.rs`): a node that runs the built-in
//! relaying learns a value when it accepts the message carrying it; a node that runs its
//! owner's protocol learns it when the protocol says so.

/// Microseconds per millisecond, for the reports' times.
const US_PER_MS: f64 = 1000.0;

mod broadcast;
mod options;
mod report;
mod slot_bits;
mod sync;

pub use broadcast::BroadcastChecker;
pub use options::{BroadcastSpec, WorkloadOptions, WorkloadSpec, MAX_WORKLOAD_VALUES, WORKLOAD_KINDS};
pub use report::{
    BroadcastReport, BroadcastSummary, Disturbance, DisturbanceRecord, HealRecord, MissingValue, SyncReport,
    SyncSummary,
};
pub use sync::SyncChecker;
