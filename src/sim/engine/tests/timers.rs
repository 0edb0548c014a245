//! Virtual timers: they stop a run at their time, before the transfers due then, fire in the
//! order set, never for a node that crashed or was removed since, and are part of the trace.

use super::*;

/// The ids of the timers that fired since the last drain.
fn fired(sim: &mut Simulation) -> Vec<u64> {
    sim.drain_timers().filter(|&(_, fired)| fired).map(|(id, _)| id).collect()
}

/// Runs `sim` to `time_us`, firing timers as a host would; returns each pause's (time, ids).
fn run_firing(sim: &mut Simulation, time_us: u64) -> Vec<(u64, Vec<u64>)> {
    let mut pauses = Vec::new();
    sim.run_until(time_us);
    while let Some(until) = sim.paused_until() {
        pauses.push((sim.now_us(), fired(sim)));
        sim.run_until(until);
    }
    pauses
}

#[test]
fn a_run_stops_at_each_timer_before_the_transfers_due_then() {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), record_trace: true, ..SimConfig::default() }, 2);
    sim.broadcast(0).unwrap();
    let network_timer = sim.set_timer(10_000, None).unwrap();
    let node_timer = sim.set_timer(4_000, Some(1)).unwrap();
    sim.run_until(50_000);
    assert_eq!((sim.paused_until(), sim.now_us()), (Some(50_000), 4_000));
    assert_eq!(fired(&mut sim), [node_timer]);
    sim.run_until(50_000);
    assert_eq!((sim.paused_until(), sim.now_us()), (Some(50_000), 10_000));
    assert_eq!(sim.stats().delivered, 0, "the arrival due with the timer waits for its callback");
    assert_eq!(fired(&mut sim), [network_timer]);
    sim.run_until(50_000);
    assert_eq!((sim.paused_until(), sim.now_us(), sim.stats().delivered), (None, 50_000, 1));
    let trace: Vec<_> = sim.drain_trace().iter().map(|e| (e.time_us, e.kind, e.message, e.to)).collect();
    assert_eq!(
        trace,
        [
            (0, TraceKind::Send, 1, 0),
            (4_000, TraceKind::Timer, node_timer, 1),
            (10_000, TraceKind::Timer, network_timer, u32::MAX),
            (10_000, TraceKind::Accept, 1, 1),
        ]
    );
}

#[test]
fn timers_due_together_fire_in_the_order_set_and_cancelled_ones_never() {
    let mut sim = sim_with(SimConfig::default(), 3);
    let ids: Vec<u64> = [(5, Some(2)), (3, None), (5, None), (5, Some(0))]
        .into_iter()
        .map(|(ms, owner)| sim.set_timer(ms * 1000, owner).unwrap())
        .collect();
    sim.cancel_timer(ids[2]);
    assert_eq!(run_firing(&mut sim, 9_000), [(3_000, vec![ids[1]]), (5_000, vec![ids[0], ids[3]])]);
    assert_eq!((sim.now_us(), sim.pending_timers()), (9_000, 0), "an instant network runs its timers too");
}

#[test]
fn a_node_that_crashed_or_left_since_its_timer_was_set_never_hears_of_it() {
    let mut sim = sim_with(SimConfig::default(), 4);
    let [crashed, restarted, removed, kept] =
        [0, 1, 2, 3].map(|slot| sim.set_timer(1_000, Some(slot)).unwrap());
    sim.crash(0).unwrap();
    sim.crash(1).unwrap();
    sim.restart(1).unwrap();
    let after_restart = sim.set_timer(1_000, Some(1)).unwrap();
    sim.remove_node(2).unwrap();
    sim.run_until(2_000);
    let done: Vec<(u64, bool)> = sim.drain_timers().collect();
    let expected =
        [(crashed, false), (restarted, false), (removed, false), (kept, true), (after_restart, true)];
    assert_eq!(done, expected, "the host hears of each dropped timer too, in order");
    assert!(sim.set_timer(1, Some(2)).is_err(), "a removed node sets no timer");
}

#[test]
fn a_paused_node_holds_its_timers_until_it_resumes() {
    let mut sim = sim_with(SimConfig::default(), 2);
    let held = sim.set_timer(1_000, Some(0)).unwrap();
    let other = sim.set_timer(2_000, Some(1)).unwrap();
    sim.pause(0).unwrap();
    assert_eq!(run_firing(&mut sim, 5_000), [(2_000, vec![other])], "held while paused");
    assert_eq!(sim.pending_timers(), 1);
    sim.resume(0).unwrap();
    assert_eq!(run_firing(&mut sim, 6_000), [(5_000, vec![held])], "due at the resume");
}

#[test]
fn step_runs_to_the_next_timer_and_timers_replay_into_the_same_trace_hash() {
    let run = || {
        let mut sim = sim_with(SimConfig { link: fixed(2.0), ..SimConfig::default() }, 3);
        sim.set_timer(1_500, Some(0)).unwrap();
        sim.broadcast(1).unwrap();
        assert!(sim.step());
        assert_eq!((sim.now_us(), fired(&mut sim).len()), (1_500, 1));
        assert!(sim.step() && !sim.step());
        sim.trace().hash()
    };
    assert_eq!(run(), run());
}
