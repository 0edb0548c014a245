//! Faults: partitions, crashes, byzantine nodes and drifting clocks.

use super::*;

#[test]
fn a_partition_delivers_nothing_across_it_until_healed() {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), ..SimConfig::default() }, 4);
    sim.broadcast(0).unwrap(); // in flight to 1, 2, 3 when the partition starts
    sim.partition(&[0, 1], &[2, 3]).unwrap();
    assert!(!sim.is_instant() && sim.is_cut(1, 3) && !sim.is_cut(0, 1));
    sim.run(1);
    assert_eq!((sim.stats().delivered, sim.stats().partitioned), (1, 2));
    for _ in 0..100 {
        sim.broadcast(2).unwrap();
    }
    sim.run(1);
    assert_eq!(sim.stats().partitioned, 2 + 200, "nothing crosses, even scheduled");
    sim.heal();
    sim.broadcast(2).unwrap();
    sim.run(1);
    assert_eq!(sim.stats().delivered, 1 + 100 + 3);
}

#[test]
fn crashed_nodes_neither_send_nor_receive_and_restart_as_configured() {
    for keeps in [true, false] {
        let config =
            SimConfig { global_tick: true, restart_keeps_step: keeps, tick_ms: 10.0, ..SimConfig::default() };
        let mut sim = sim_with(config, 3);
        sim.crash(2).unwrap();
        assert!(!sim.is_instant() && sim.is_crashed(2));
        sim.run(5);
        assert_eq!(sim.network().global_step(0).unwrap(), 5);
        assert_eq!(sim.network().global_step(2).unwrap(), 0, "a crashed node does not tick");
        sim.broadcast(0).unwrap();
        sim.broadcast(2).unwrap();
        sim.run(1);
        assert_eq!((sim.stats().delivered, sim.stats().crashed), (1, 2));
        sim.network_mut().sync(2, 40.0).unwrap();
        sim.restart(2).unwrap();
        assert_eq!(sim.network().global_step(2).unwrap(), if keeps { 40 } else { 0 });
        assert!(sim.is_instant());
    }
}

#[test]
fn byzantine_senders_are_classified_by_a_watching_observer() {
    let (mut sim, observer) = watched(4, SimConfig::default());
    assert!(kinds(sim.broadcast(0).unwrap().anomalies).is_empty(), "honest");
    sim.set_byzantine(1, Some(Byzantine::WrongPattern)).unwrap();
    assert_eq!(kinds(sim.broadcast(1).unwrap().anomalies), [AnomalyKind::PatternMismatch]);
    sim.set_byzantine(2, Some(Byzantine::StepSkew(50))).unwrap();
    let b = sim.broadcast(2).unwrap();
    assert_eq!((kinds(b.anomalies), b.stamp.global_step), (vec![AnomalyKind::StepSkew], 50));
    sim.set_byzantine(3, Some(Byzantine::ForgedSender(Some("ghost".into())))).unwrap();
    let b = sim.broadcast(3).unwrap();
    assert_eq!(
        (kinds(b.anomalies), b.sender.clone()),
        (vec![AnomalyKind::UnknownSender], Sender::Unknown("ghost".into()))
    );
    sim.set_byzantine(3, Some(Byzantine::ForgedSender(Some("n0".into())))).unwrap();
    let b = sim.broadcast(3).unwrap();
    assert_eq!(
        (kinds(b.anomalies), b.sender.clone()),
        (vec![], Sender::Node(0)),
        "impersonation passes the pattern"
    );
    sim.run(1);
    let stats = observer.borrow().statistics();
    assert_eq!(stats.by_sender["ghost"].anomalies, 1);
    assert_eq!(stats.anomalies_by_kind.len(), 3);
    // Receivers check only the pattern: the step-skewed and forged messages are accepted.
    assert_eq!((sim.stats().accepted, sim.stats().rejected), (4 * 3, 3));
}

#[test]
fn a_replaying_node_resends_the_last_message_it_accepted_and_the_observer_flags_it() {
    let (mut sim, _) = watched(3, SimConfig::default());
    sim.set_byzantine(2, Some(Byzantine::Replay)).unwrap();
    let first = sim.broadcast(0).unwrap().message;
    sim.run(1);
    let replay = sim.broadcast(2).unwrap();
    assert_eq!((replay.message, replay.sender.clone()), (first, Sender::Node(0)));
    assert_eq!(kinds(replay.anomalies), [AnomalyKind::Replay]);
    sim.run(1);
    assert_eq!(sim.stats().accepted, 2 + 2, "the pattern alone accepts a replay");
}

#[test]
fn black_holes_swallow_relays_and_tamperers_mark_what_they_relay() {
    let config = SimConfig { link: fixed(1.0), ttl: 5, ..SimConfig::default() };
    let mut sim = sim_with(config.clone(), 5);
    sim.set_edges(&[(0, 1), (1, 2), (2, 3), (3, 4)]).unwrap();
    sim.set_byzantine(2, Some(Byzantine::BlackHole)).unwrap();
    sim.broadcast(0).unwrap();
    sim.run(10);
    assert_eq!((sim.stats().reach, sim.stats().swallowed), (2, 1), "nothing gets past node 2");

    let mut sim = sim_with(config, 5);
    sim.set_edges(&[(0, 1), (1, 2), (2, 3), (3, 4)]).unwrap();
    sim.set_byzantine(1, Some(Byzantine::Tamper)).unwrap();
    for slot in 0..5 {
        sim.set_listening(slot, true);
    }
    sim.broadcast(0).unwrap();
    sim.run(10);
    let tampered: Vec<bool> = arrivals(&mut sim).iter().map(|a| a.tampered).collect();
    assert_eq!(tampered, [false, true, true, true]);
    assert_eq!(sim.stats().tampered, 3);
}

#[test]
fn drift_moves_clocks_apart_and_auto_sync_catches_up_within_the_skew_limit() {
    let config = SimConfig { auto_sync: true, max_step_skew: 5, ..SimConfig::default() };
    let (mut sim, _) = watched(3, config);
    sim.set_drift(1, -0.5).unwrap();
    sim.set_drift(2, 1.0).unwrap();
    sim.run(10);
    let steps: Vec<u64> = (0..3).map(|s| sim.network().global_step(s).unwrap()).collect();
    assert_eq!(steps, [10, 5, 20]);
    assert_eq!(sim.set_drift(0, -2.0).unwrap_err().field(), "rate");
    // Node 0 (step 10) broadcasts: node 1 (step 5) is 5 behind and follows; node 2 is ahead.
    for slot in 0..3 {
        sim.set_listening(slot, true);
    }
    sim.broadcast(0).unwrap();
    sim.run_until(sim.now_us() + 1_000);
    let synced: Vec<Option<u64>> = arrivals(&mut sim).iter().map(|a| a.synced).collect();
    assert_eq!(synced, [Some(10), None]);
    // Node 2 (step 20) is 10 ahead of node 0: beyond the limit, nobody follows it.
    sim.broadcast(2).unwrap();
    sim.run_until(sim.now_us() + 1_000);
    assert!(arrivals(&mut sim).iter().all(|a| a.synced.is_none()));
    assert_eq!(sim.stats().synced, 1);
    // A message from within the limit that fails the pattern is rejected, and nobody follows it.
    sim.network_mut().sync(2, 13.0).unwrap();
    sim.set_byzantine(2, Some(Byzantine::WrongPattern)).unwrap();
    sim.broadcast(2).unwrap();
    sim.run_until(sim.now_us() + 1_000);
    let heard = arrivals(&mut sim);
    let rejected_unsynced =
        heard.iter().all(|a| matches!(a.delivery, Delivery::Rejected { .. }) && a.synced.is_none());
    assert!(heard.len() == 2 && rejected_unsynced, "{heard:?}");
    assert_eq!(sim.stats().synced, 1);
}
