//! What the engine does by itself on ticks: traffic and churn.

use super::*;

#[test]
fn traffic_makes_nodes_send_on_ticks_and_reports_sends_only_when_heard() {
    let config = SimConfig {
        global_tick: true,
        tick_ms: 10.0,
        traffic: 0.5,
        link: fixed(1.0),
        ..SimConfig::default()
    };
    let mut sim = sim_with(config.clone(), 100);
    sim.run(100);
    let sent = sim.stats().sent as f64;
    assert!((sent - 5_000.0).abs() < 300.0, "{sent} sends, about 100 nodes x 100 ticks x 0.5");
    assert_eq!(sim.drain_events().count(), 0, "nobody listens: nothing to report");

    let mut sim = sim_with(config, 3);
    sim.set_listening(1, true);
    sim.run(4);
    let events: Vec<EngineEvent> = sim.drain_events().collect();
    let sends = events.iter().filter(|e| matches!(e, EngineEvent::Sent(_))).count() as u64;
    let completions = events.iter().filter(|e| matches!(e, EngineEvent::Completed(_))).count() as u64;
    assert_eq!(sends, sim.stats().sent);
    assert!(sends > 0 && completions <= sends);
    let first_send = events.iter().position(|e| matches!(e, EngineEvent::Sent(_))).unwrap();
    assert!(
        !events[..first_send].iter().any(|e| matches!(e, EngineEvent::Arrived(_))),
        "a send comes before its arrivals"
    );
}

#[test]
fn churn_crashes_and_restarts_nodes_at_the_configured_rates() {
    let config = SimConfig { global_tick: true, churn: (0.1, 0.5), ..SimConfig::default() };
    let mut sim = sim_with(config, 1000);
    sim.run(50);
    let crashed = (0..1000).filter(|&s| sim.is_crashed(s)).count() as f64;
    // The steady state of a two-state chain: crash / (crash + restart) = 1/6 of the nodes.
    assert!((crashed - 1000.0 / 6.0).abs() < 40.0, "{crashed} crashed");
    let bad = SimConfig { churn: (1.5, 0.0), ..SimConfig::default() };
    assert_eq!(Simulation::new(bad).unwrap_err().field(), "churn.crash");
}
