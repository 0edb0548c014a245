//! Engine behaviour and fidelity: instant default, time order, flooding reach, faults, determinism.

use super::*;
use crate::sim::latency::Latency;
use std::collections::VecDeque;

pub(super) fn node(id: &str) -> NodeConfig {
    NodeConfig { node_id: id.into(), seed: 7, phase_reset_interval: 100 }
}

pub(super) fn sim_with(config: SimConfig, n: usize) -> Simulation {
    let mut sim = Simulation::new(config).unwrap();
    for i in 0..n {
        sim.create_node(&node(&format!("n{i}"))).unwrap();
    }
    sim
}

/// The arrivals among the events drained from `sim`.
fn arrivals(sim: &mut Simulation) -> Vec<Arrival> {
    sim.drain_events()
        .filter_map(|e| match e {
            EngineEvent::Arrived(a) => Some(a),
            _ => None,
        })
        .collect()
}

pub(super) fn fixed(ms: f64) -> LinkSpec {
    LinkSpec { latency: Latency::Fixed { ms }, ..LinkSpec::default() }
}

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
fn transfers_in_flight_report_their_progress() {
    let mut sim =
        sim_with(SimConfig { link: fixed(10.0), topology: Topology::Ring, ..SimConfig::default() }, 4);
    sim.set_topology(Topology::Ring).unwrap();
    sim.broadcast(0).unwrap();
    sim.run_until(2_500);
    let mut transfers: Vec<_> = sim.transfers().map(|t| (t.from, t.to, t.progress, t.outlook)).collect();
    transfers.sort_by_key(|t| t.1);
    assert_eq!(transfers, [(0, 1, 0.25, Outlook::Accepted), (0, 3, 0.25, Outlook::Accepted)]);
}

/// The outlook of each transfer in flight, by (from, to).
pub(super) fn outlooks(sim: &Simulation) -> Vec<(Slot, Slot, Outlook)> {
    let mut all: Vec<_> = sim.transfers().map(|t| (t.from, t.to, t.outlook)).collect();
    all.sort_by_key(|t| (t.0, t.1));
    all
}

#[test]
fn transfers_foresee_rejection_by_pattern_and_drops_by_crash_cut_or_duplicate() {
    let mut sim =
        sim_with(SimConfig { link: fixed(10.0), topology: Topology::Ring, ..SimConfig::default() }, 4);
    sim.set_byzantine(0, Some(Byzantine::WrongPattern)).unwrap();
    sim.broadcast(0).unwrap();
    assert_eq!(outlooks(&sim), [(0, 1, Outlook::Rejected), (0, 3, Outlook::Rejected)]);

    let mut sim =
        sim_with(SimConfig { link: fixed(10.0), topology: Topology::Ring, ..SimConfig::default() }, 4);
    sim.broadcast(0).unwrap();
    sim.crash(1).unwrap();
    sim.partition(&[0], &[2, 3]).unwrap();
    assert_eq!(outlooks(&sim), [(0, 1, Outlook::Dropped), (0, 3, Outlook::Dropped)]);

    // A triangle whose 1-2 link is slow: both relays between 1 and 2 reach nodes that have it.
    let mut sim = sim_with(SimConfig { link: fixed(5.0), ttl: 2, ..SimConfig::default() }, 3);
    sim.set_edges(&[(0, 1), (1, 2), (0, 2)]).unwrap();
    sim.set_link(1, 2, fixed(20.0)).unwrap();
    sim.broadcast(0).unwrap();
    sim.run_until(10_000);
    assert_eq!(outlooks(&sim), [(1, 2, Outlook::Dropped), (2, 1, Outlook::Dropped)]);
}

/// Nodes within `ttl` links of `from` (not counting it), by breadth-first search.
fn bfs_reach(sim: &mut Simulation, from: Slot, ttl: u32) -> usize {
    let mut depth = vec![u32::MAX; sim.network().slot_count()];
    depth[from as usize] = 0;
    let mut queue = VecDeque::from([from]);
    while let Some(a) = queue.pop_front() {
        for b in sim.neighbours(a) {
            if depth[b as usize] == u32::MAX && depth[a as usize] < ttl {
                depth[b as usize] = depth[a as usize] + 1;
                queue.push_back(b);
            }
        }
    }
    depth.iter().filter(|&&d| d != u32::MAX && d > 0).count()
}

#[test]
fn flooding_reach_for_each_ttl_equals_breadth_first_reach() {
    for topology in [Topology::RandomRegular { degree: 4 }, Topology::SmallWorld { degree: 4, beta: 0.1 }] {
        for ttl in 1..=8 {
            let mut sim = sim_with(SimConfig { link: fixed(5.0), ttl, seed: 3, ..SimConfig::default() }, 400);
            sim.set_topology(topology.clone()).unwrap();
            sim.broadcast(17).unwrap();
            sim.run(1_000);
            assert_eq!(sim.stats().reach as usize, bfs_reach(&mut sim, 17, ttl), "{topology:?}, ttl {ttl}");
            assert_eq!(sim.stats().completed, 1);
        }
    }
}

#[test]
fn flooding_relays_each_message_once_per_node_and_counts_duplicates() {
    let mut sim = sim_with(SimConfig { link: fixed(1.0), ttl: 10, ..SimConfig::default() }, 6);
    sim.set_topology(Topology::Ring).unwrap();
    sim.broadcast(0).unwrap();
    sim.run(100);
    let s = *sim.stats();
    assert_eq!((s.reach, s.delivered), (5, 5));
    // Node 3 is reached from both sides: one copy is a duplicate; 2 and 4 relay onto each other.
    assert_eq!(s.forwarded, 5);
    assert_eq!(s.duplicates, 2);
}

#[test]
fn gossip_relays_to_fanout_random_neighbours() {
    let mut sim = sim_with(SimConfig { link: fixed(1.0), ttl: 1, fanout: 3, ..SimConfig::default() }, 50);
    sim.set_topology(Topology::RandomRegular { degree: 10 }).unwrap();
    sim.broadcast(0).unwrap();
    assert_eq!(sim.in_flight(), 3);
}

#[test]
fn a_gossip_relay_draws_its_fanout_from_the_neighbours_it_did_not_hear_from() {
    // On a ring a relay has one neighbour besides its sender: with fanout 1 it must pick that
    // one, so a message walks one way round and never comes back as a duplicate.
    let mut sim = sim_with(SimConfig { link: fixed(1.0), ttl: 4, fanout: 1, ..SimConfig::default() }, 10);
    sim.set_topology(Topology::Ring).unwrap();
    for sender in 0..20 {
        sim.broadcast(sender % 10).unwrap();
        sim.run(100);
    }
    let s = *sim.stats();
    assert_eq!((s.delivered, s.duplicates), (20 * 4, 0));
}

#[test]
fn measured_loss_and_duplication_match_the_link_settings() {
    let link = LinkSpec { loss: 0.2, duplicate: 0.1, ..fixed(1.0) };
    let mut sim = sim_with(SimConfig { link, ..SimConfig::default() }, 2);
    for _ in 0..200_000 {
        sim.broadcast(0).unwrap();
    }
    sim.run(10);
    let s = *sim.stats();
    let loss = s.lost as f64 / 200_000.0;
    assert!((loss - 0.2).abs() < 0.01, "loss {loss}");
    let duplicated = s.duplicates as f64 / s.delivered as f64;
    assert!((duplicated - 0.1).abs() < 0.01, "duplicates {duplicated}");
    assert_eq!(s.delivered + s.lost, 200_000);
}

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
fn queue_limits_refuse_transfers_beyond_the_limit() {
    let link = LinkSpec { queue_limit: 2, ..fixed(5.0) };
    let mut sim = sim_with(SimConfig { link, ..SimConfig::default() }, 2);
    for _ in 0..5 {
        sim.broadcast(0).unwrap();
    }
    assert_eq!((sim.in_flight(), sim.stats().queue_full), (2, 3));
    sim.run(1);
    sim.broadcast(0).unwrap();
    assert_eq!(sim.in_flight(), 1, "the queue drains as transfers arrive");
}

#[test]
fn a_queue_limit_lifted_while_transfers_are_queued_still_counts_every_arrival_out() {
    // A ring of 4: node 2 hears the flood from both sides at once, and node 3 hears node 2's
    // relay after it had the message: two duplicates.
    let link = LinkSpec { queue_limit: 5, ..fixed(5.0) };
    let mut sim = sim_with(SimConfig { link, ttl: 3, ..SimConfig::default() }, 4);
    sim.set_topology(Topology::Ring).unwrap();
    sim.broadcast(0).unwrap();
    // Lifted after nodes 1 and 3 relayed under the limit, before those relays arrive.
    sim.run_until(9_999);
    sim.set_default_link(fixed(5.0)).unwrap();
    sim.run(1);
    assert_eq!((sim.stats().delivered, sim.stats().duplicates), (3, 2));
    assert!(sim.link_load.is_empty(), "left counted on links: {:?}", sim.link_load);
    // With a limit back, every link starts empty again: the same flood with a limit of 2 (node 2
    // relays to 3 while 3's copy to 2 is on that link) refuses nothing.
    sim.set_default_link(LinkSpec { queue_limit: 2, ..fixed(5.0) }).unwrap();
    sim.broadcast(0).unwrap();
    sim.run(1);
    assert_eq!(sim.stats().queue_full, 0);
}

#[test]
fn per_link_overrides_and_connect_disconnect_change_paths() {
    let mut sim = sim_with(SimConfig { link: fixed(1.0), ..SimConfig::default() }, 3);
    sim.set_link(0, 2, fixed(50.0)).unwrap();
    sim.broadcast(0).unwrap();
    sim.run_until(2_000);
    assert_eq!(sim.stats().delivered, 1);
    sim.run_until(50_000);
    assert_eq!(sim.stats().delivered, 2);
    assert!(sim.disconnect(0, 2).unwrap());
    assert_eq!(sim.neighbours(0), [1]);
    assert!(sim.connect(0, 2).unwrap() && !sim.connect(0, 2).unwrap());
    assert_eq!(sim.set_link(0, 9, fixed(1.0)).unwrap_err().code(), "ERR_NODE_REMOVED");
}

/// The settings of the busy scenario: small world, variable latency, loss, duplication, flooding.
fn busy_config(seed: u64) -> SimConfig {
    let link = LinkSpec {
        latency: Latency::Normal { mean: 20.0, std: 5.0 },
        jitter: 2.0,
        loss: 0.05,
        duplicate: 0.02,
        queue_limit: 0,
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

#[test]
fn bad_settings_are_refused_with_their_field() {
    let bad = SimConfig { link: LinkSpec { loss: 2.0, ..LinkSpec::default() }, ..SimConfig::default() };
    assert_eq!(Simulation::new(bad).unwrap_err().field(), "links.loss");
    let bad = SimConfig { tick_ms: 0.0, ..SimConfig::default() };
    assert_eq!(Simulation::new(bad).unwrap_err().field(), "tickInterval");
    let bad = SimConfig { topology: Topology::Random { p: 2.0 }, ..SimConfig::default() };
    assert_eq!(Simulation::new(bad).unwrap_err().field(), "topology.p");
    let mut sim = sim_with(SimConfig::default(), 3);
    let err = sim.set_topology(Topology::SmallWorld { degree: 5, beta: 0.0 }).unwrap_err();
    assert_eq!(err.field(), "topology.degree");
    assert_eq!(sim.config().topology, Topology::Full, "nothing half-applied");
    let err = sim.set_edges(&[(0, 1), (1, 7)]).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_UNKNOWN_NODE", "edges[1]"));
    assert_eq!(sim.neighbours(0), [1, 2], "still the full mesh");
}

#[test]
fn a_generated_topology_follows_the_nodes_and_hand_edits_stop_that() {
    let mut sim =
        sim_with(SimConfig { topology: Topology::Ring, link: fixed(1.0), ..SimConfig::default() }, 4);
    assert_eq!(sim.neighbours(0), [1, 3]);
    sim.create_node(&node("n4")).unwrap();
    assert_eq!(sim.neighbours(0), [1, 4], "the ring grew");
    sim.remove_node(4).unwrap();
    assert_eq!(sim.neighbours(0), [1, 3]);
    sim.set_edges(&[(0, 2)]).unwrap();
    sim.create_node(&node("n5")).unwrap();
    assert_eq!((sim.neighbours(0), sim.neighbours(5)), (vec![2], vec![]));
    assert_eq!(sim.config().topology, Topology::Edges);
}

/// The scenario `tests/shared/simulation.mjs` runs in Node and Chromium: all three must give
/// [`PINNED_TRACE_HASH`], which proves the trace is the same natively and in wasm.
#[test]
fn the_trace_hash_is_the_same_natively_and_in_wasm() {
    let options = r#"{"seed": 42, "tickInterval": 10, "globalTick": true, "ttl": 4,
        "links": {"latency": {"kind": "normal", "mean": 20, "std": 5}, "jitter": 2, "loss": 0.05, "duplicate": 0.02},
        "topology": {"kind": "small-world", "degree": 6, "beta": 0.2}}"#;
    let options: crate::sim::options::NetworkOptions =
        crate::sim::options::read_shape(&mut serde_json::Deserializer::from_str(options), "").unwrap();
    let config = options.to_config().unwrap();
    assert_eq!(config, busy_config(42), "the options spell the busy scenario");
    assert_eq!(busy_run(config).0, PINNED_TRACE_HASH);
}

const PINNED_TRACE_HASH: &str = "228da17d144285f4";

/// A full mesh with 1 ms links, the global tick on, one watching observer, and `n` nodes.
fn watched(n: usize, config: SimConfig) -> (Simulation, crate::observer::SharedObserver) {
    let mut sim = sim_with(SimConfig { link: fixed(1.0), global_tick: true, tick_ms: 10.0, ..config }, n);
    let observer = watch(&mut sim);
    (sim, observer)
}

/// Starts an observer of seed 7 and interval 100 watching `sim`.
pub(super) fn watch(sim: &mut Simulation) -> crate::observer::SharedObserver {
    let pattern = crate::pattern::PatternGenerator::new(7, 100).unwrap();
    let observer = std::rc::Rc::new(std::cell::RefCell::new(crate::observer::Observer::new(pattern)));
    sim.network_mut().watch(observer.clone());
    observer
}

pub(super) fn kinds(anomalies: &[WatcherAnomaly]) -> Vec<AnomalyKind> {
    anomalies.iter().map(|a| a.kind).collect()
}

use crate::auth::AuthMode;
use crate::observer::AnomalyKind;
use crate::sim::byzantine::Byzantine;

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
    assert!(matches!(first, Some(EngineEvent::Sent(EngineSend { payload: Some(7), sender: 0, .. }))));
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

#[test]
fn the_default_link_can_change_while_running() {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), ..SimConfig::default() }, 2);
    sim.broadcast(0).unwrap();
    sim.set_default_link(LinkSpec { loss: 1.0, ..fixed(1.0) }).unwrap();
    sim.broadcast(0).unwrap();
    sim.run_until(20_000);
    assert_eq!(
        (sim.stats().delivered, sim.stats().lost),
        (1, 1),
        "the first keeps its 10 ms; the second is lost"
    );
    let bad = LinkSpec { loss: 3.0, ..LinkSpec::default() };
    assert_eq!(sim.set_default_link(bad).unwrap_err().field(), "links.loss");
    assert!(!sim.is_instant());
    sim.set_default_link(LinkSpec::default()).unwrap();
    assert!(sim.is_instant(), "instant links make the network instant again");
}

#[test]
fn authenticated_networks_refuse_bad_proofs_once_per_message_and_honest_traffic_passes() {
    for auth in [AuthMode::Hmac, AuthMode::Ed25519] {
        let config =
            SimConfig { auth, link: fixed(1.0), topology: Topology::Ring, ttl: 4, ..SimConfig::default() };
        let mut sim = sim_with(config, 6);
        assert!(!sim.is_instant(), "authentication runs on the scheduled path");
        for round in 0..12 {
            sim.broadcast(round % 6).unwrap();
            sim.run(1);
        }
        let s = *sim.stats();
        assert_eq!((s.rejected, s.bad_signatures, s.replays, s.unknown_senders), (0, 0, 0, 0), "{auth:?}");
        assert_eq!(s.accepted, 12 * 5, "{auth:?}: every node gets every honest message once");
        sim.set_byzantine(2, Some(Byzantine::ForgedSender(Some("ghost".into())))).unwrap();
        sim.broadcast(2).unwrap();
        sim.run(1);
        let s = *sim.stats();
        match auth {
            AuthMode::Ed25519 => assert_eq!(s.unknown_senders, 2, "no key is registered for ghost"),
            _ => assert_eq!(s.unknown_senders, 0, "a member's tag vouches for any id"),
        }
    }
}
