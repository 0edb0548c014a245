//! data-mesh: a pattern-synchronized data mesh simulator.
//!
//! The core (this crate without the `wasm` module) is plain Rust with no WebAssembly in it:
//! [`pattern`], [`message`], [`node`], [`network`], [`observer`] and [`monitor`]. The `wasm`
//! module, compiled only for `wasm32`, exposes it to JavaScript as thin `Raw*` classes.
#![deny(missing_docs)]

pub mod auth;
pub mod boundary;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod distribution;
pub mod error;
pub mod experiment;
mod ids;
pub mod message;
pub mod monitor;
pub mod network;
pub mod node;
pub mod observer;
pub mod pattern;
pub mod payload;
pub mod shape;
pub mod sim;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use distribution::Metrics;
pub use error::{ErrorClass, MeshError};
pub use message::{Stamp, Verdict};
pub use monitor::PerformanceMonitor;
pub use network::{Broadcast, Delivery, Network, Reception, Slot, WatcherAnomaly};
pub use node::{NodeConfig, NodeCounters};
pub use observer::{Observer, SenderStatistics, SharedObserver, Statistics};
pub use pattern::PatternGenerator;
