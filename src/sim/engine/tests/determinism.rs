//! Determinism: the same seed gives the same trace, natively and in wasm.

use super::*;

/// The settings of the busy scenario: small world, variable latency, loss, duplication, flooding.
fn busy_config(seed: u64) -> SimConfig {
    let link = LinkSpec {
        latency: Latency::Normal { mean: 20.0, std: 5.0 },
        jitter: 2.0,
        loss: 0.05,
        duplicate: 0.02,
        queue_limit: 0,
        bandwidth: 0.0,
    };
    let topology = Topology::SmallWorld { degree: 6, beta: 0.2 };
    SimConfig { seed, link, topology, ttl: 4, global_tick: true, tick_ms: 10.0, ..SimConfig::default() }
}

/// Runs the busy scenario on 200 nodes, with a partition for the second half of the broadcasts.
fn busy_run(config: SimConfig) -> (String, SimStats) {
    let mut sim = sim_with(config, 200);
    for round in 0..20u32 {
        sim.broadcast(round * 7 % 200).unwrap();
        if round == 10 {
            sim.partition(&(0..100).collect::<Vec<_>>(), &(100..200).collect::<Vec<_>>()).unwrap();
        }
        sim.run(3);
    }
    sim.heal();
    sim.run(100);
    (sim.trace().hash(), *sim.stats())
}

#[test]
fn the_same_seed_gives_the_same_trace_and_another_seed_does_not() {
    let (a, stats) = busy_run(busy_config(42));
    assert_eq!(a, busy_run(busy_config(42)).0);
    assert_ne!(a, busy_run(busy_config(43)).0);
    assert!(stats.delivered > 1000 && stats.lost > 0 && stats.partitioned > 0 && stats.duplicates > 0);
}

/// The scenario `tests/shared/simulation.mjs` runs in Node and Chromium: all three must give
/// [`PINNED_TRACE_HASH`], which proves the trace is the same natively and in wasm.
#[test]
fn the_trace_hash_is_the_same_natively_and_in_wasm() {
    let options = r#"{"seed": 42, "tickInterval": 10, "globalTick": true, "ttl": 4,
        "links": {"latency": {"kind": "normal", "mean": 20, "std": 5}, "jitter": 2, "loss": 0.05, "duplicate": 0.02},
        "topology": {"kind": "small-world", "degree": 6, "beta": 0.2}}"#;
    let options: crate::sim::options::NetworkOptions =
        crate::shape::read_shape(&serde_json::from_str(options).unwrap(), "").unwrap();
    let config = options.to_config().unwrap();
    assert_eq!(config, busy_config(42), "the options spell the busy scenario");
    assert_eq!(busy_run(config).0, PINNED_TRACE_HASH);
}

const PINNED_TRACE_HASH: &str = "228da17d144285f4";
