//! Time: the instant default, latency, ticks and their order against transfers and scripted
//! actions, and the tick log.

use super::*;

#[test]
fn the_default_is_the_seeds_instant_full_mesh() {
    let mut sim = sim_with(SimConfig::default(), 4);
    assert!(sim.is_instant());
    let b = sim.broadcast(1).unwrap();
    assert_eq!(b.deliveries, &[Delivery::Accepted(0), Delivery::Accepted(2), Delivery::Accepted(3)]);
    assert_eq!((b.message, sim.in_flight(), sim.stats().delivered), (1, 0, 3));
}

#[test]
fn latency_delays_delivery_until_run_reaches_it() {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), ..SimConfig::default() }, 3);
    for slot in 0..3 {
        sim.set_listening(slot, true);
    }
    let b = sim.broadcast(0).unwrap();
    assert!(b.deliveries.is_empty());
    sim.run_until(9_999);
    assert_eq!((sim.stats().delivered, sim.in_flight()), (0, 2));
    sim.run_until(10_000);
    let events: Vec<EngineEvent> = sim.drain_events().collect();
    let arrived = events.iter().filter_map(|e| match e {
        EngineEvent::Arrived(a) => Some(a.delivery),
        _ => None,
    });
    assert_eq!(arrived.collect::<Vec<_>>(), [Delivery::Accepted(1), Delivery::Accepted(2)]);
    assert_eq!(events.last(), Some(&EngineEvent::Completed(1)));
    assert_eq!(sim.now_us(), 10_000);
}

#[test]
fn the_global_tick_moves_patterns_with_time_and_ties_run_the_tick_first() {
    let config = SimConfig { global_tick: true, tick_ms: 10.0, link: fixed(10.0), ..SimConfig::default() };
    let mut sim = sim_with(config, 2);
    let stamp = sim.broadcast(0).unwrap().stamp;
    assert_eq!(stamp.global_step, 0);
    sim.run(1);
    // The tick at 10 ms runs before the arrival at 10 ms, so node 1 is at step 1 when the message
    // arrives; validation uses the message's own step, so the stamp still matches.
    assert_eq!((sim.stats().accepted, sim.network().global_step(1).unwrap()), (1, 1));
    assert!(sim.step(), "with the global tick on there is always a next tick");
    assert_eq!(sim.now_us(), 20_000);
}

#[test]
fn scripted_actions_run_at_their_time_before_transfers_due_then() {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), ..SimConfig::default() }, 3);
    sim.set_listening(1, true);
    sim.schedule(5_000, ScriptAction::Broadcast { sender: 0, payload: 7, bytes: Box::default() });
    sim.schedule(15_000, ScriptAction::Crash(2));
    sim.schedule(15_000, ScriptAction::Partition(vec![0], vec![1]));
    sim.run_until(4_999);
    assert_eq!(sim.stats().sent, 0);
    sim.run_until(15_000);
    // Sent at 5 ms, due at 15 ms: the crash and the partition run first, so nothing arrives.
    assert_eq!((sim.stats().crashed, sim.stats().partitioned, sim.stats().delivered), (1, 1, 0));
    let first = sim.drain_events().next();
    assert!(matches!(
        first,
        Some(EngineEvent::Sent(EngineSend { payload: Payload::Event(7), sender: 0, .. }))
    ));
    assert!(!sim.step(), "the script is done");
}

#[test]
fn each_tick_logs_totals_and_the_spread_of_steps() {
    let config = SimConfig { global_tick: true, tick_ms: 10.0, record_trace: true, ..SimConfig::default() };
    let mut sim = sim_with(config, 3);
    sim.set_drift(2, 1.0).unwrap();
    sim.crash(1).unwrap();
    sim.broadcast(0).unwrap();
    sim.run(3);
    let log: Vec<TickStats> = sim.drain_tick_stats().collect();
    assert_eq!(
        log.iter().map(|t| (t.tick, t.time_ms)).collect::<Vec<_>>(),
        [(1, 10.0), (2, 20.0), (3, 30.0)]
    );
    let last = log[2];
    assert_eq!((last.online, last.crashed, last.min_step, last.max_step), (2, 1, 3, 6));
    assert_eq!((last.totals.sent, last.totals.crashed), (1, 1));
    assert_eq!(sim.drain_tick_stats().count(), 0, "drained");
    let kinds: Vec<TraceKind> = sim.drain_trace().iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            TraceKind::Send,
            TraceKind::Crashed,
            TraceKind::Accept,
            TraceKind::Tick,
            TraceKind::Tick,
            TraceKind::Tick
        ]
    );
    assert!(sim.drain_trace().is_empty() && !sim.trace().to_json_lines().contains("send"));
}
