//! What the fuzz targets share: the bounds that keep one execution fast, and the invariants
//! checked after every call (a broken one panics, which libFuzzer reports as a crash).
#![deny(missing_docs)]

use data_mesh::sim::engine::Simulation;
use std::cell::RefCell;
use std::rc::Rc;

use data_mesh::{
    MeshError, Network, NodeConfig, Observer, PatternGenerator, SharedObserver, Slot, Statistics,
};

/// The most node slots a fuzzed network or scenario may use, so that one execution stays fast.
pub const MAX_NODES: usize = 48;

/// The most moments (ticks or transfer times) a fuzzed simulation runs per call.
pub const MAX_STEPS: usize = 200;

/// Every refusal has an error code and a message. (Its field may be empty: an unknown key `""`
/// is named by its own empty path.)
pub fn check_error(err: &MeshError) {
    assert!(!err.code().is_empty(), "an error without a code: {err:?}");
    assert!(!err.to_string().is_empty(), "an error without a message: {err:?}");
}

/// Checks a call's error, if it failed, and hands back its value.
pub fn checked<T>(result: Result<T, MeshError>) -> Option<T> {
    result.inspect_err(check_error).ok()
}

/// What a sequence of calls has made: the live nodes it expects, and the observers it watches with.
#[derive(Default)]
pub struct Made {
    /// Nodes created and not removed.
    pub live: usize,
    /// Every observer made, watching or not.
    observers: Vec<SharedObserver>,
}

impl Made {
    /// Creates node `n{id}` with `create`, unless `slots` (the slots in use) reached [`MAX_NODES`].
    pub fn node(
        &mut self,
        slots: usize,
        (id, seed, interval): (u8, u16, u8),
        create: impl FnOnce(&NodeConfig) -> Result<Slot, MeshError>,
    ) {
        if slots < MAX_NODES {
            let config = NodeConfig::new(&format!("n{id}"), f64::from(seed), f64::from(interval));
            if checked(config.and_then(|c| create(&c))).is_some() {
                self.live += 1;
            }
        }
    }

    /// Counts a node removed, if `removal` succeeded.
    pub fn removal(&mut self, removal: Result<(), MeshError>) {
        if checked(removal).is_some() {
            self.live -= 1;
        }
    }

    /// A new observer of the pattern `(seed, interval)` to watch with, if the pattern is valid.
    pub fn observer(&mut self, seed: u16, interval: u8) -> Option<SharedObserver> {
        let pattern = checked(PatternGenerator::new(u64::from(seed), u64::from(interval)))?;
        let observer = Rc::new(RefCell::new(Observer::new(pattern)));
        self.observers.push(observer.clone());
        Some(observer)
    }

    /// Every observer's counts add up.
    pub fn check_observers(&self) {
        for observer in &self.observers {
            check_statistics(&observer.borrow().statistics());
        }
    }
}

/// The live count agrees with the live slots, which are slots of the network.
pub fn check_network(network: &Network, expected_live: usize) {
    let live = network.live_slots().count();
    assert_eq!(network.live_count(), live, "live_count disagrees with live_slots");
    assert_eq!(live, expected_live, "live nodes differ from those created and not removed");
    assert!(live <= network.slot_count());
}

/// An observer's counts add up and its rates are in 0..=1.
pub fn check_statistics(stats: &Statistics) {
    assert_eq!(stats.total, stats.valid + stats.anomalies);
    assert!((0.0..=1.0).contains(&stats.success_rate), "success rate {}", stats.success_rate);
    for (sender, record) in &stats.by_sender {
        assert_eq!(record.total, record.valid + record.anomalies, "{sender}");
        assert!((0.0..=1.0).contains(&record.trust), "{sender}: trust {}", record.trust);
    }
}

/// The simulation's network is consistent, its clock did not go back, and its tick statistics
/// are finite.
pub fn check_simulation(sim: &mut Simulation, expected_live: usize, earlier_us: u64) {
    check_network(sim.network(), expected_live);
    assert!(sim.now_us() >= earlier_us, "the clock went back");
    let live = sim.network().live_count() as u64;
    for tick in sim.drain_tick_stats() {
        assert!(tick.time_ms.is_finite() && tick.time_ms >= 0.0, "tick time {}", tick.time_ms);
        assert!(u64::from(tick.online) + u64::from(tick.crashed) <= live, "census {tick:?}");
    }
}

/// Runs at most [`MAX_STEPS`] moments of the simulation.
pub fn run_briefly(sim: &mut Simulation) {
    for _ in 0..MAX_STEPS {
        if !sim.step() {
            break;
        }
    }
}
