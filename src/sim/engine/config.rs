//! The engine's settings: one struct, every field with a default, checked as a whole.

use crate::auth::AuthMode;
use crate::error::MeshError;
use crate::sim::link::LinkSpec;
use crate::sim::options::NetworkOptions;
use crate::sim::topology::Topology;
use crate::validate::number_in;

/// Engine settings. Every field has a default, listed on the field (declared in
/// [`crate::sim::defaults`]).
#[derive(Debug, Clone, PartialEq)]
pub struct SimConfig {
    /// Seed of the one RNG behind every random choice. Default: 0.
    pub seed: u64,
    /// Length of one tick in milliseconds (`run(ticks)` and the global tick). Default: 100.
    pub tick_ms: f64,
    /// Whether every tick adds 1 to each running node's `globalStep`. Default: false.
    pub global_tick: bool,
    /// The behaviour of every link without an override. Default: instant and lossless.
    pub link: LinkSpec,
    /// Who is linked to whom. Default: [`Topology::Full`]. A generated topology is drawn over the
    /// live nodes, and drawn again whenever nodes were added or removed since.
    pub topology: Topology,
    /// How many links a message may travel; above 1 nodes relay what they accept (except in a
    /// full mesh, where everyone is a direct neighbour). Default: 1.
    pub ttl: u32,
    /// Neighbours a node relays to: 0 for all (flooding), k for k random ones (gossip). Default: 0.
    pub fanout: u32,
    /// Whether a restarted node keeps its step (else it restarts at 0). Default: true.
    pub restart_keeps_step: bool,
    /// Whether to keep every trace event for export (the hash is always kept). Default: false.
    pub record_trace: bool,
    /// Whether a node that accepts a message from a step ahead of its own syncs to it (at most
    /// `max_step_skew` ahead). Default: false.
    pub auto_sync: bool,
    /// How far a step may be from the tick count before watchers flag a step skew, and the
    /// furthest `auto_sync` follows. Default: 10.
    pub max_step_skew: u64,
    /// Probability that each running node broadcasts on each tick (engine-made traffic; its
    /// messages carry no payload). Ticks happen for traffic and churn even without the global
    /// tick. Default: 0.
    pub traffic: f64,
    /// Probabilities that, on each tick, a running node crashes and a crashed node restarts.
    /// Default: 0 and 0.
    pub churn: (f64, f64),
    /// How messages are authenticated besides the pattern (keys derived from `seed`). Default:
    /// none.
    pub auth: AuthMode,
}

impl Default for SimConfig {
    /// The settings of `new MeshNetwork()`: every option left out, at its declared default
    /// ([`crate::sim::defaults`]).
    fn default() -> Self {
        NetworkOptions::default().to_config().expect("the declared defaults follow every rule")
    }
}

impl SimConfig {
    /// Checks every field (the topology is checked when it is applied to the nodes).
    pub fn validate(&self) -> Result<(), MeshError> {
        number_in("tickInterval", self.tick_ms, 0.001, 1e12, "a number of milliseconds in [0.001, 1e12]")?;
        number_in("ttl", f64::from(self.ttl), 1.0, f64::from(u32::MAX), "an integer of at least 1")?;
        self.link.validate("links")?;
        crate::validate::probability("traffic", self.traffic)?;
        crate::validate::probability("churn.crash", self.churn.0)?;
        crate::validate::probability("churn.restart", self.churn.1)?;
        self.topology.validate("topology")
    }
}
