//! One-way partitions, and paused nodes: what they hold, when they handle it, and what they refuse.

use super::*;
use crate::sim::trace::TraceKind;

/// A full mesh of `n` nodes over 10 ms links, every node listening, the trace recorded.
fn listening(n: usize, config: SimConfig) -> Simulation {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), record_trace: true, ..config }, n);
    for slot in 0..n as Slot {
        sim.set_listening(slot, true);
    }
    sim
}

#[test]
fn a_one_way_partition_cuts_one_direction_and_its_outlooks_say_so() {
    let mut sim = listening(4, SimConfig::default());
    sim.partition_one_way(&[0, 1], &[2, 3]).unwrap();
    assert!(!sim.is_instant() && sim.is_cut(0, 2) && sim.is_cut(1, 3));
    assert!(!sim.is_cut(2, 0) && !sim.is_cut(3, 1) && !sim.is_cut(0, 1));
    sim.broadcast(2).unwrap();
    sim.broadcast(0).unwrap();
    assert_eq!(
        outlooks(&sim),
        [
            (0, 1, Outlook::Accepted),
            (2, 0, Outlook::Accepted),
            (2, 1, Outlook::Accepted),
            (2, 3, Outlook::Accepted)
        ],
        "node 0's copies to 2 and 3 were refused at the send"
    );
    sim.run_until(20_000);
    let stats = *sim.stats();
    assert_eq!((stats.delivered, stats.partitioned), (3 + 1, 2));
    // Copies already in flight when a one-way cut starts are dropped on arrival only that way.
    sim.heal();
    sim.broadcast(0).unwrap();
    sim.broadcast(2).unwrap();
    sim.partition_one_way(&[2], &[0]).unwrap();
    assert_eq!(
        outlooks(&sim)[..3],
        [(0, 1, Outlook::Accepted), (0, 2, Outlook::Accepted), (0, 3, Outlook::Accepted)]
    );
    assert_eq!(
        outlooks(&sim)[3..],
        [(2, 0, Outlook::Dropped), (2, 1, Outlook::Accepted), (2, 3, Outlook::Accepted)]
    );
    sim.run_until(40_000);
    assert_eq!((sim.stats().delivered, sim.stats().partitioned), (4 + 5, 3));
}

#[test]
fn a_two_way_partition_still_cuts_both_ways_after_a_one_way_one() {
    let mut sim = listening(2, SimConfig::default());
    sim.partition_one_way(&[0], &[1]).unwrap();
    sim.partition(&[0], &[1]).unwrap();
    assert!(sim.is_cut(0, 1) && sim.is_cut(1, 0));
}

#[test]
fn a_paused_node_holds_what_arrives_and_handles_it_in_arrival_order_on_resume() {
    let config = SimConfig { topology: Topology::Ring, ttl: 3, ..SimConfig::default() };
    let mut sim = listening(4, config);
    sim.set_topology(Topology::Ring).unwrap();
    sim.pause(2).unwrap();
    assert!(sim.is_paused(2) && !sim.is_crashed(2) && !sim.is_instant());
    let first = sim.broadcast(1).unwrap().message; // reaches 2 at 10 ms
    let second = sim.broadcast(3).unwrap().message; // reaches 2 at 10 ms, after the first
    sim.run_until(100_000);
    let before = *sim.stats();
    assert_eq!(before.delivered, 4, "0 got both, and 3 and 1 each other's through 0; nothing at 2");
    assert_eq!((before.duplicates, before.crashed, before.partitioned), (0, 0, 0), "nothing dropped");
    assert_eq!(sim.network().counters(2).unwrap().received, 0);
    assert!(arrivals(&mut sim).iter().all(|a| a.delivery != Delivery::Accepted(2)));
    // Both messages wait at 2, then the relays of each through 0 (neither message has completed).
    assert_eq!(before.completed, 0);
    sim.resume(2).unwrap();
    let now = sim.now_us();
    let at_two: Vec<(u64, Slot)> = arrivals(&mut sim)
        .iter()
        .filter(|a| a.delivery == Delivery::Accepted(2))
        .map(|a| (a.message, a.from))
        .collect();
    assert_eq!(at_two, [(first, 1), (second, 3)], "judged at the resume, in arrival order");
    let trace = sim.drain_trace();
    let resumed = trace.iter().position(|e| e.kind == TraceKind::Resume).unwrap();
    assert!(trace[resumed + 1..].iter().all(|e| e.time_us == now));
    assert_eq!(trace[resumed + 1].kind, TraceKind::Accept);
    // The relays held at 2 were duplicates; 2 relays both messages on to where they came from
    // not, where they are duplicates too.
    sim.run_until(now + 20_000);
    assert_eq!(sim.stats().delivered, 6);
    assert_eq!(sim.stats().forwarded, before.forwarded + 2);
    assert_eq!(sim.stats().completed, 2);
}

#[test]
fn a_paused_node_does_not_tick_send_or_take_traffic() {
    let config = SimConfig { global_tick: true, tick_ms: 10.0, ..SimConfig::default() };
    let mut sim = listening(3, config.clone());
    sim.pause(1).unwrap();
    sim.run(5);
    let steps: Vec<u64> = (0..3).map(|s| sim.network().global_step(s).unwrap()).collect();
    assert_eq!(steps, [5, 0, 5], "its step stands still");
    let err = sim.broadcast(1).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_NODE_PAUSED", "nodeId"));
    let err = sim.send_to(1, 0, &[]).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_NODE_PAUSED", "nodeId"));
    let err = sim.broadcast_batch(&[0, 0, 1]).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_NODE_PAUSED", "senders[2]"));
    assert_eq!(sim.stats().sent, 0, "a refused batch sends nothing");
    sim.resume(1).unwrap();
    sim.run(1);
    assert_eq!(sim.network().global_step(1).unwrap(), 1, "it ticks again");

    let mut busy = sim_with(SimConfig { traffic: 1.0, ..config }, 3);
    busy.pause(0).unwrap();
    busy.run(4);
    assert_eq!((busy.stats().sent, busy.network().counters(0).unwrap().sent), (8, 0));
}

#[test]
fn pausing_and_resuming_in_the_wrong_state_are_typed_errors_naming_the_node() {
    let mut sim = listening(3, SimConfig::default());
    sim.crash(0).unwrap();
    let err = sim.pause(0).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_NODE_CRASHED", "nodeId"));
    sim.pause(1).unwrap();
    let err = sim.pause(1).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_NODE_PAUSED", "nodeId"));
    assert!(err.to_string().contains("\"n1\""), "{err}");
    let err = sim.resume(2).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_NODE_NOT_PAUSED", "nodeId"));
    sim.remove_node(2).unwrap();
    assert_eq!(sim.pause(2).unwrap_err().code(), "ERR_NODE_REMOVED");
    assert_eq!(sim.resume(2).unwrap_err().code(), "ERR_NODE_REMOVED");
    assert!(sim.is_paused(1) && !sim.is_paused(0) && !sim.is_paused(2));
}

#[test]
fn crashing_or_removing_a_paused_node_drops_what_it_held() {
    for remove in [false, true] {
        let mut sim = listening(3, SimConfig::default());
        sim.pause(2).unwrap();
        sim.broadcast(0).unwrap();
        sim.broadcast(1).unwrap();
        sim.run_until(50_000);
        assert_eq!((sim.stats().delivered, sim.stats().completed), (2, 0));
        if remove {
            sim.remove_node(2).unwrap();
        } else {
            sim.crash(2).unwrap();
            assert!(sim.is_crashed(2) && !sim.is_paused(2));
        }
        let stats = *sim.stats();
        assert_eq!((stats.crashed, stats.completed, stats.delivered), (2, 2, 2), "remove: {remove}");
        if !remove {
            sim.restart(2).unwrap();
            assert!(!sim.is_crashed(2) && !sim.is_paused(2), "restarted, it runs as before");
        }
    }
}

#[test]
fn pauses_resumes_and_held_arrivals_are_traced() {
    let mut sim = listening(2, SimConfig::default());
    sim.pause(1).unwrap();
    let message = sim.broadcast(0).unwrap().message;
    sim.run_until(10_000);
    sim.resume(1).unwrap();
    let kinds: Vec<(TraceKind, u64, Slot, Slot)> =
        sim.drain_trace().iter().map(|e| (e.kind, e.message, e.from, e.to)).collect();
    assert_eq!(
        kinds,
        [
            (TraceKind::Pause, 0, 1, 1),
            (TraceKind::Send, message, 0, 0),
            (TraceKind::Held, message, 0, 1),
            (TraceKind::Resume, 0, 1, 1),
            (TraceKind::Accept, message, 0, 1),
        ]
    );
    let stats = *sim.stats();
    assert_eq!((stats.sent, stats.delivered, stats.accepted, stats.completed), (1, 1, 1, 1));
}
