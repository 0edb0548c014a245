//! Workloads: values handed out at their rate and learned by acceptance (built-in relaying) or
//! by a protocol's word; the broadcast checker's figures; the sync checker's disturbances.

use super::*;
use crate::sim::workload::{Disturbance, WorkloadOptions};

/// A broadcast workload of `rate` values per second for `duration` ms.
fn broadcast(rate: f64, duration: f64) -> WorkloadOptions {
    WorkloadOptions {
        kind: "broadcast".into(),
        rate: Some(rate),
        duration: Some(duration),
        ..WorkloadOptions::default()
    }
}

/// A ring of `n` nodes flooding over 10 ms links (ttl `n`).
fn ring(n: usize) -> Simulation {
    let config =
        SimConfig { link: fixed(10.0), topology: Topology::Ring, ttl: n as u32, ..SimConfig::default() };
    sim_with(config, n)
}

#[test]
fn values_handed_out_reach_every_node_of_a_flooding_ring_and_cost_what_the_flood_costs() {
    let mut sim = ring(6);
    sim.start_workload(&broadcast(100.0, 100.0)).unwrap();
    sim.run_until(500_000);
    let report = sim.workload_report().broadcast.unwrap();
    let s = report.summary;
    assert_eq!((s.values, s.unplaced, s.checked_nodes, s.expected), (10.0, 0.0, 6.0, 60.0));
    assert_eq!((s.missing, s.complete), (0.0, 1.0));
    // A flood on a ring of 6: each value goes two ways round (2 + 2 + 2 copies), and the far
    // node relays the first copy it gets on to the node the second came from (1 duplicate).
    assert_eq!(s.messages, sim.stats().copies() as f64);
    assert_eq!(s.messages_per_value, 7.0);
    let latency = report.latency.unwrap();
    // Each value: the origin at 0 ms, two nodes at 10, two at 20, the far one at 30.
    assert_eq!((latency.count, latency.min, latency.max, latency.p50), (60, 0.0, 30.0, 10.0));
    assert!(report.missing.is_empty() && report.heals.is_empty());
}

#[test]
fn an_instant_network_learns_at_once_and_counts_each_delivery() {
    let mut sim = sim_with(SimConfig::default(), 4);
    assert!(sim.is_instant());
    sim.start_workload(&broadcast(1000.0, 5.0)).unwrap();
    sim.run_until(10_000);
    let report = sim.workload_report().broadcast.unwrap();
    assert_eq!((report.summary.values, report.summary.missing), (5.0, 0.0));
    assert_eq!((report.summary.messages_per_value, report.latency.unwrap().max), (3.0, 0.0));
}

#[test]
fn values_cut_off_by_a_partition_are_missing_where_they_did_not_reach() {
    let mut sim = ring(4);
    sim.start_workload(&WorkloadOptions { from: Some(vec!["n0".into()]), ..broadcast(100.0, 50.0) }).unwrap();
    sim.partition(&[0, 1], &[2, 3]).unwrap();
    sim.run_until(200_000);
    sim.heal();
    sim.run_until(300_000);
    let report = sim.workload_report().broadcast.unwrap();
    assert_eq!(
        (report.summary.values, report.summary.missing),
        (5.0, 10.0),
        "5 values never reached n2 and n3"
    );
    assert_eq!(report.missing.len(), 10);
    assert_eq!((report.missing[0].value, report.missing[0].node, report.missing[1].node), (0.0, 2.0, 3.0));
    assert_eq!(report.heals.len(), 1);
    assert!(report.summary.converged_after_heal_ms.is_nan(), "the flood never makes up for the loss");
    assert!(report.heals[0].converged_after_ms.is_nan());
    assert_eq!((report.heals[0].at_ms, report.heals[0].values_before), (200.0, 5.0));
}

#[test]
fn a_node_that_crashes_is_no_longer_checked_and_values_go_to_running_nodes_only() {
    let mut sim = ring(4);
    sim.start_workload(&broadcast(100.0, 100.0)).unwrap();
    sim.crash(3).unwrap();
    sim.run_until(500_000);
    let s = sim.workload_report().broadcast.unwrap().summary;
    assert_eq!((s.checked_nodes, s.values), (3.0, 10.0));
    // n3 was the bridge between n2 and n0 on the ring: values still go round the other way.
    assert_eq!(s.missing, 0.0);
    sim.start_workload(&WorkloadOptions { from: Some(vec!["n3".into()]), ..broadcast(100.0, 20.0) }).unwrap();
    sim.run_until(600_000);
    let s = sim.workload_report().broadcast.unwrap().summary;
    assert_eq!((s.values, s.unplaced), (0.0, 2.0), "a fresh checker; n3 could take none");
    assert!(s.messages_per_value.is_nan());
}

#[test]
fn a_node_running_its_owners_protocol_is_offered_values_and_learns_what_the_protocol_says() {
    let mut sim = ring(3);
    sim.set_hosted(0).unwrap();
    sim.start_workload(&WorkloadOptions { from: Some(vec!["n0".into()]), ..broadcast(100.0, 10.0) }).unwrap();
    sim.run_until(100_000);
    assert_eq!(sim.paused_until(), Some(100_000), "stopped for the protocol");
    let offered: Vec<_> = sim.drain_events().collect();
    assert_eq!(offered, [EngineEvent::Offered { node: 0, value: 0 }]);
    sim.run_until(100_000);
    assert_eq!(sim.learn_value(1, 0), Ok(true));
    assert_eq!(sim.learn_value(1, 0), Ok(false), "once");
    assert_eq!(sim.learn_value(1, 9), Ok(false), "never handed out");
    let report = sim.workload_report().broadcast.unwrap();
    assert_eq!(
        (report.summary.missing, report.summary.messages),
        (1.0, 0.0),
        "n2 never heard; nothing was sent"
    );
    assert_eq!(sim.learn_value(99, 0).unwrap_err().code(), "ERR_NODE_REMOVED");
}

#[test]
fn bad_workloads_name_the_field_and_change_nothing() {
    let mut sim = ring(3);
    let cases = [
        (
            WorkloadOptions { kind: "flood".into(), ..WorkloadOptions::default() },
            "ERR_UNKNOWN_NAME",
            "workload.kind",
        ),
        (broadcast(0.0, 10.0), "ERR_OUT_OF_RANGE", "workload.rate"),
        (broadcast(f64::NAN, 10.0), "ERR_OUT_OF_RANGE", "workload.rate"),
        (broadcast(10.0, 1.0), "ERR_OUT_OF_RANGE", "workload.duration"),
        (broadcast(1e6, 1e9), "ERR_OUT_OF_RANGE", "workload.duration"),
        (WorkloadOptions { rate: None, ..broadcast(1.0, 1.0) }, "ERR_INVALID_TYPE", "workload.rate"),
        (
            WorkloadOptions { start: Some(-1.0), ..broadcast(1.0, 1000.0) },
            "ERR_OUT_OF_RANGE",
            "workload.start",
        ),
        (WorkloadOptions { from: Some(vec![]), ..broadcast(1.0, 1000.0) }, "ERR_EMPTY", "workload.from"),
        (
            WorkloadOptions { from: Some(vec!["n0".into(), "x".into()]), ..broadcast(1.0, 1000.0) },
            "ERR_UNKNOWN_NODE",
            "workload.from[1]",
        ),
        (
            WorkloadOptions { kind: "sync".into(), ..WorkloadOptions::default() },
            "ERR_NOT_APPLICABLE",
            "workload.kind",
        ),
        (
            WorkloadOptions { kind: "sync".into(), rate: Some(1.0), ..WorkloadOptions::default() },
            "ERR_INVALID_TYPE",
            "workload.rate",
        ),
    ];
    for (options, code, field) in cases {
        let err = sim.start_workload(&options).unwrap_err();
        assert_eq!((err.code(), err.field()), (code, field), "{options:?}: {err}");
    }
    assert_eq!(sim.workload_report(), WorkloadReport { broadcast: None, sync: None });
}

/// Eight nodes in a full mesh over 1 ms links, ticking every 10 ms with autoSync, a sync
/// workload watching.
fn synced(config: SimConfig) -> Simulation {
    let config = SimConfig {
        link: fixed(1.0),
        global_tick: true,
        tick_ms: 10.0,
        auto_sync: true,
        max_step_skew: 2,
        traffic: 0.5,
        ..config
    };
    let mut sim = sim_with(config, 8);
    sim.start_workload(&WorkloadOptions { kind: "sync".into(), ..WorkloadOptions::default() }).unwrap();
    sim
}

#[test]
fn a_restart_from_step_0_throws_a_node_out_of_reach_of_auto_sync_until_it_is_synced() {
    let mut sim = synced(SimConfig { restart_keeps_step: false, ..SimConfig::default() });
    sim.run_until(500_000);
    sim.crash(5).unwrap();
    sim.run_until(505_000);
    sim.restart(5).unwrap();
    sim.run_until(1_000_000);
    let report = sim.workload_report().sync.unwrap();
    let kinds: Vec<f64> = report.disturbances.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [Disturbance::Crash as u8 as f64, Disturbance::Restart as u8 as f64]);
    assert_eq!(report.disturbances[0].settled_after_ms, 0.0, "a crash alone spreads nothing");
    let restart = &report.disturbances[1];
    assert_eq!((restart.at_ms, restart.node), (505.0, 5.0));
    assert!(restart.max_spread > 2.0, "n5 started again from step 0: {restart:?}");
    // autoSync follows a step at most maxStepSkew ahead: n5 is too far behind to catch up.
    assert!(restart.settled_after_ms.is_nan(), "{restart:?}");
    assert_eq!((report.summary.unsettled, report.summary.max_step_skew), (1.0, 2.0));
    let step = sim.network().global_step(0).unwrap();
    sim.network_mut().sync(5, step as f64).unwrap();
    sim.run_until(1_500_000);
    let report = sim.workload_report().sync.unwrap();
    assert_eq!(report.disturbances[1].settled_after_ms, 505.0, "in sync again at the tick of 1010 ms");
    assert_eq!(report.summary.ticks, 150.0);
    assert_eq!(report.summary.ticks_out_of_sync, 50.0, "the ticks of 510 to 1000 ms");
}

#[test]
fn a_liar_drags_the_nodes_that_sync_to_its_stamps() {
    let mut sim = synced(SimConfig::default());
    sim.set_byzantine(0, Some(Byzantine::StepSkew(2))).unwrap();
    sim.run_until(300_000);
    let s = sim.workload_report().sync.unwrap().summary;
    assert!(s.liar_drags > 0.0 && s.dragged_nodes > 0.0 && s.dragged_nodes <= 7.0, "{s:?}");
    let mut honest = synced(SimConfig::default());
    honest.run_until(300_000);
    let s = honest.workload_report().sync.unwrap().summary;
    assert_eq!((s.liar_drags, s.dragged_nodes, s.ticks_out_of_sync), (0.0, 0.0, 0.0));
}

#[test]
fn drift_and_a_partition_are_disturbances_and_a_drifting_node_never_settles_without_sync() {
    let mut sim = synced(SimConfig { auto_sync: false, ..SimConfig::default() });
    sim.partition(&[0, 1], &[2]).unwrap();
    sim.set_drift(3, 0.5).unwrap();
    sim.run_until(1_000_000);
    let report = sim.workload_report().sync.unwrap();
    let kinds: Vec<f64> = report.disturbances.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [Disturbance::Partition as u8 as f64, Disturbance::Drift as u8 as f64]);
    assert!(report.disturbances[1].settled_after_ms.is_nan());
    assert_eq!(report.summary.unsettled, 1.0);
}

#[test]
fn the_same_seed_gives_the_same_reports() {
    let run = || {
        let mut sim = sim_with(
            SimConfig {
                seed: 9,
                link: LinkSpec { loss: 0.2, ..fixed(5.0) },
                topology: Topology::Ring,
                ttl: 6,
                ..SimConfig::default()
            },
            6,
        );
        sim.start_workload(&broadcast(200.0, 100.0)).unwrap();
        sim.run_until(400_000);
        (sim.workload_report(), sim.trace().hash())
    };
    let (a, b) = (run(), run());
    // Compared as printed: NaN figures are equal then.
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    assert!(a.0.broadcast.unwrap().summary.missing > 0.0, "loss leaves gaps");
}
