//! Scenario text: parsed, and when it is a scenario of at most `MAX_NODES` nodes, built and run
//! for at most `MAX_STEPS` moments. Parsing and building either succeed or name the field at fault.
#![no_main]

use data_mesh::sim::scenario::{Nodes, Scenario};
use data_mesh_fuzz::{check_simulation, checked, run_briefly, MAX_NODES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some(scenario) = checked(Scenario::parse(text)) else { return };
    let nodes = match &scenario.nodes {
        Nodes::Count { count, .. } => *count,
        Nodes::List(list) => list.len() as f64,
    };
    if nodes > MAX_NODES as f64 {
        return;
    }
    let Some(mut sim) = checked(scenario.build()) else { return };
    let live = sim.network().live_count();
    run_briefly(&mut sim);
    check_simulation(&mut sim, live, 0);
});
