//! The simulation engine: virtual time, links, topologies, flooding and faults over a [`Network`].
//!
//! [`Network`]: crate::network::Network

pub mod attack_lab;
pub mod builtin_protocol;
pub mod byzantine;
pub mod defaults;
pub mod engine;
pub mod latency;
pub mod link;
pub mod options;
pub mod queue;
pub mod rng;
pub mod scenario;
pub mod topology;
pub mod trace;
pub mod workload;
