//! A node's configuration and the compact state the network keeps for it.

use crate::error::MeshError;
use crate::validate::{non_empty, positive_integer, safe_integer};

/// A validated node configuration: `{ nodeId, seed, phaseResetInterval }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeConfig {
    /// The node's id, unique within its network.
    pub node_id: String,
    /// The pattern seed.
    pub seed: u64,
    /// Steps between phase resets.
    pub phase_reset_interval: u64,
}

impl NodeConfig {
    /// Validates a configuration given as untyped values.
    pub fn new(node_id: &str, seed: f64, phase_reset_interval: f64) -> Result<Self, MeshError> {
        Ok(Self {
            node_id: non_empty("nodeId", node_id)?.to_owned(),
            seed: safe_integer("seed", seed)?,
            phase_reset_interval: positive_integer("phaseResetInterval", phase_reset_interval)?,
        })
    }
}

/// A node's message counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NodeCounters {
    /// Messages this node broadcast.
    pub sent: u64,
    /// Messages this node accepted.
    pub received: u64,
    /// Messages this node rejected (pattern mismatch or malformed).
    pub rejected: u64,
}

/// The state of one node inside a network: 48 bytes besides the id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NodeState {
    pub(crate) global_step: u64,
    pub(crate) counters: NodeCounters,
    pub(crate) pattern: u32,
    pub(crate) alive: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_every_field() {
        let ok = NodeConfig::new("a", 7.0, 100.0).unwrap();
        assert_eq!((ok.seed, ok.phase_reset_interval), (7, 100));
        assert_eq!(NodeConfig::new("", 7.0, 100.0).unwrap_err().field(), "nodeId");
        assert_eq!(NodeConfig::new("a", -7.0, 100.0).unwrap_err().field(), "seed");
        assert_eq!(NodeConfig::new("a", 7.0, 0.0).unwrap_err().field(), "phaseResetInterval");
    }

    #[test]
    fn node_state_stays_small() {
        assert!(std::mem::size_of::<NodeState>() <= 48);
    }
}
