//! Engine behaviour and fidelity, by theme; the helpers every theme builds its networks with.

use super::*;
use crate::auth::AuthMode;
use crate::message::Stamp;
use crate::network::Delivery;
use crate::observer::{AnomalyKind, SharedObserver};
use crate::sim::byzantine::Byzantine;
use crate::sim::latency::Latency;
use crate::sim::link::LinkSpec;

mod activity;
mod auth;
mod bandwidth;
mod bulk;
mod determinism;
mod faults;
mod flooding;
mod hosted;
mod in_flight;
mod links;
mod pauses;
mod timers;
mod timing;
mod unicast;
mod workloads;

pub(super) fn node(id: &str) -> NodeConfig {
    NodeConfig { node_id: id.into(), seed: 7, phase_reset_interval: 100 }
}

pub(super) fn sim_with(config: SimConfig, n: usize) -> Simulation {
    let mut sim = Simulation::new(config).unwrap();
    for i in 0..n {
        sim.create_node(&node(&format!("n{i}"))).unwrap();
    }
    sim
}

/// The arrivals among the events drained from `sim`.
pub(super) fn arrivals(sim: &mut Simulation) -> Vec<Arrival> {
    sim.drain_events()
        .filter_map(|e| match e {
            EngineEvent::Arrived(a) => Some(a),
            _ => None,
        })
        .collect()
}

pub(super) fn fixed(ms: f64) -> LinkSpec {
    LinkSpec { latency: Latency::Fixed { ms }, ..LinkSpec::default() }
}

/// The outlook of each transfer in flight, by (from, to).
pub(super) fn outlooks(sim: &Simulation) -> Vec<(Slot, Slot, Outlook)> {
    let mut all: Vec<_> = sim.transfers().map(|t| (t.from, t.to, t.outlook)).collect();
    all.sort_by_key(|t| (t.0, t.1));
    all
}

/// A full mesh with 1 ms links, the global tick on, one watching observer, and `n` nodes.
pub(super) fn watched(n: usize, config: SimConfig) -> (Simulation, SharedObserver) {
    let mut sim = sim_with(SimConfig { link: fixed(1.0), global_tick: true, tick_ms: 10.0, ..config }, n);
    let observer = watch(&mut sim);
    (sim, observer)
}

/// Starts an observer of seed 7 and interval 100 watching `sim`.
pub(super) fn watch(sim: &mut Simulation) -> SharedObserver {
    let pattern = crate::pattern::PatternGenerator::new(7, 100).unwrap();
    let observer = std::rc::Rc::new(std::cell::RefCell::new(crate::observer::Observer::new(pattern)));
    sim.network_mut().watch(observer.clone());
    observer
}

pub(super) fn kinds(anomalies: &[WatcherAnomaly]) -> Vec<AnomalyKind> {
    anomalies.iter().map(|a| a.kind).collect()
}
