//! Nodes that run their owner's protocol: their arrivals are reported, the engine never relays
//! for them, and a run stops after each moment in which one got a message.

use super::*;

/// Who got each arrival drained from `sim`, and after how many hops.
fn receivers(sim: &mut Simulation) -> Vec<(Slot, u32)> {
    let receiver = |d: &Delivery| match *d {
        Delivery::Accepted(slot) | Delivery::Rejected { receiver: slot, .. } => slot,
    };
    arrivals(sim).iter().map(|a| (receiver(&a.delivery), a.hops)).collect()
}

/// A line a - b - c - d with 10 ms links and ttl 4, b hosted, everyone listening.
fn line() -> Simulation {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), ttl: 4, ..SimConfig::default() }, 4);
    sim.set_edges(&[(0, 1), (1, 2), (2, 3)]).unwrap();
    for slot in 0..4 {
        sim.set_listening(slot, true);
    }
    sim.set_hosted(1).unwrap();
    sim
}

#[test]
fn a_run_stops_after_the_moment_a_hosted_node_got_a_message_and_the_engine_does_not_relay_for_it() {
    let mut sim = line();
    sim.broadcast(0).unwrap();
    sim.run_until(100_000);
    assert_eq!((sim.paused_until(), sim.now_us()), (Some(100_000), 10_000), "stopped at b's arrival");
    assert_eq!(receivers(&mut sim), [(1, 1)]);
    sim.run_until(100_000);
    assert_eq!((sim.paused_until(), sim.now_us()), (None, 100_000));
    assert!(arrivals(&mut sim).is_empty(), "b relayed nothing: its protocol would");
    // What b's protocol sends goes on as usual; c (not hosted) relays it to d.
    sim.broadcast(1).unwrap();
    sim.run_until(200_000);
    assert_eq!(receivers(&mut sim), [(0, 1), (2, 1), (3, 2)]);
}

#[test]
fn hosting_needs_a_live_node_and_protocol_seeds_depend_on_seed_and_slot_alone() {
    let mut sim = line();
    sim.remove_node(3).unwrap();
    assert!(sim.set_hosted(3).is_err() && sim.set_hosted(9).is_err());
    let seeds = |seed| {
        let sim = sim_with(SimConfig { seed, ..SimConfig::default() }, 2);
        (sim.protocol_seed(0), sim.protocol_seed(1))
    };
    assert_eq!(seeds(5), seeds(5));
    assert_ne!(seeds(5), seeds(6));
    assert_ne!(seeds(5).0, seeds(5).1);
}

#[test]
fn a_scripted_crash_and_restart_of_a_hosted_node_are_reported_and_stop_the_run_then() {
    let mut sim = line();
    sim.schedule(20_000, ScriptAction::Crash(1));
    sim.schedule(30_000, ScriptAction::Restart(1));
    sim.schedule(40_000, ScriptAction::Crash(2));
    sim.run_until(100_000);
    assert_eq!((sim.paused_until(), sim.now_us()), (Some(100_000), 20_000));
    let events: Vec<EngineEvent> = sim.drain_events().collect();
    assert_eq!(events, [EngineEvent::Lifecycle { node: 1, crashed: true }]);
    sim.run_until(100_000);
    assert_eq!(sim.now_us(), 30_000);
    assert_eq!(sim.drain_events().collect::<Vec<_>>(), [EngineEvent::Lifecycle { node: 1, crashed: false }]);
    sim.run_until(100_000);
    assert_eq!(
        (sim.paused_until(), sim.drain_events().count()),
        (None, 0),
        "c runs no protocol: nobody is told"
    );
}
