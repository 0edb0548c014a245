//! The bulk protocol: first arrivals handed over in look-ahead windows, relays and forwards at
//! each arrival's own time, bulk timers, and what it refuses.

use super::*;

/// Links of 5-15 ms (a 5 ms look-ahead), ttl 64, `n` nodes on a random 4-regular graph.
fn graph(n: usize, seed: u64) -> Simulation {
    let link = LinkSpec { latency: Latency::Uniform { min: 5.0, max: 15.0 }, ..LinkSpec::default() };
    let mut sim = sim_with(SimConfig { link, ttl: 64, seed, ..SimConfig::default() }, n);
    sim.set_topology(Topology::RandomRegular { degree: 4 }).unwrap();
    sim
}

/// Runs `sim` to `until_us`, handling every batch with `handle` (which returns the batch's
/// ops); returns the batches' arrivals, batch by batch, with the time each batch was handed over.
fn run_bulk(
    sim: &mut Simulation,
    until_us: u64,
    mut handle: impl FnMut(&[FirstArrival], &[BulkTimer]) -> Vec<BulkOp>,
) -> Vec<(u64, Vec<FirstArrival>)> {
    let mut batches = Vec::new();
    sim.run_until(until_us);
    while let Some(to) = sim.paused_until() {
        let (arrivals, timers) = sim.bulk_batch();
        let ops = handle(arrivals, timers);
        batches.push((sim.now_us(), arrivals.to_vec()));
        sim.apply_bulk(&ops).unwrap();
        sim.run_until(to);
    }
    batches
}

/// A relay of every arrival of a batch.
fn relay_all(arrivals: &[FirstArrival], _: &[BulkTimer]) -> Vec<BulkOp> {
    (0..arrivals.len() as u32).map(|arrival| BulkOp::Relay { arrival }).collect()
}

#[test]
fn relaying_every_first_arrival_floods_as_the_engine_does_in_windows_of_the_least_latency() {
    let mut engine = graph(300, 4);
    engine.broadcast(0).unwrap();
    engine.run_until(10_000_000);
    let mut bulk = graph(300, 4);
    bulk.set_bulk_protocol().unwrap();
    bulk.broadcast(0).unwrap();
    let batches = run_bulk(&mut bulk, 10_000_000, relay_all);
    // Every node relays once to all its neighbours but the sender: the same transfers, reach
    // and duplicates, though the random draws come in another order.
    let counts = |s: &SimStats| (s.delivered, s.duplicates, s.reach, s.completed, s.forwarded);
    assert_eq!(counts(bulk.stats()), counts(engine.stats()));
    assert_eq!(bulk.stats().reach, 299);
    assert!(batches.len() > 3, "{} batches", batches.len());
    for (stopped, arrivals) in &batches {
        let first = arrivals[0].time_us;
        assert!(arrivals.iter().all(|a| a.time_us >= first && a.time_us < first + 5_000), "one window");
        assert!(*stopped < first + 5_000);
    }
    // Relays leave at their arrival's time: every later batch starts a latency after some
    // arrival of an earlier one.
    let firsts: Vec<u64> = batches.iter().map(|(_, a)| a[0].time_us).collect();
    assert!(firsts.windows(2).all(|w| w[1] >= w[0] + 5_000));
    let again = {
        let mut sim = graph(300, 4);
        sim.set_bulk_protocol().unwrap();
        sim.broadcast(0).unwrap();
        run_bulk(&mut sim, 10_000_000, relay_all);
        sim.trace().hash()
    };
    assert_eq!(bulk.trace().hash(), again, "same seed, same protocol: same trace");
}

#[test]
fn forwards_go_to_one_neighbour_and_the_ttl_and_black_holes_hold() {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), ttl: 2, ..SimConfig::default() }, 4);
    sim.set_edges(&[(0, 1), (1, 2), (2, 3), (0, 2)]).unwrap();
    sim.set_bulk_protocol().unwrap();
    sim.broadcast(0).unwrap();
    let batches = run_bulk(&mut sim, 1_000_000, |arrivals, _| {
        arrivals
            .iter()
            .enumerate()
            .filter(|(_, a)| a.node == 1)
            .map(|(i, _)| BulkOp::Forward { arrival: i as u32, to: 2 })
            .chain(
                arrivals
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.node == 2)
                    .map(|(i, _)| BulkOp::Relay { arrival: i as u32 }),
            )
            .collect()
    });
    let got: Vec<Vec<(Slot, Slot, u32)>> =
        batches.iter().map(|(_, a)| a.iter().map(|a| (a.from, a.node, a.hops)).collect()).collect();
    // 0 reaches 1 and 2 at 10 ms; 2 relays to 1 and 3 at hop 2; 1's forward to 2 is a duplicate;
    // 3 at hop 2 may not relay (ttl 2).
    assert_eq!(got, [vec![(0, 1, 1), (0, 2, 1)], vec![(2, 3, 2)]]);
    assert_eq!(sim.stats().completed, 1);

    let mut holes = sim_with(SimConfig { link: fixed(10.0), ttl: 8, ..SimConfig::default() }, 3);
    holes.set_edges(&[(0, 1), (1, 2)]).unwrap();
    holes.set_byzantine(1, Some(Byzantine::BlackHole)).unwrap();
    holes.set_bulk_protocol().unwrap();
    holes.broadcast(0).unwrap();
    run_bulk(&mut holes, 1_000_000, relay_all);
    assert_eq!((holes.stats().reach, holes.stats().swallowed), (1, 1));
}

#[test]
fn bad_ops_are_refused_whole_naming_the_op_and_a_batch_left_unapplied_is_dropped() {
    let mut sim = sim_with(SimConfig { link: fixed(10.0), ..SimConfig::default() }, 4);
    sim.set_edges(&[(0, 1), (1, 2), (2, 3)]).unwrap();
    sim.set_bulk_protocol().unwrap();
    sim.broadcast(0).unwrap();
    sim.run_until(1_000_000);
    assert_eq!(sim.bulk_batch().0.len(), 1);
    let relay = BulkOp::Relay { arrival: 0 };
    let error = sim.apply_bulk(&[relay, BulkOp::Relay { arrival: 1 }]).unwrap_err();
    assert_eq!((error.code(), error.field()), ("ERR_OUT_OF_RANGE", "ops[1].arrival"));
    let error = sim.apply_bulk(&[BulkOp::Forward { arrival: 0, to: 3 }]).unwrap_err();
    assert_eq!((error.code(), error.field()), ("ERR_NOT_LINKED", "ops[0].node"));
    assert!(error.to_string().contains("\"n1\"") && error.to_string().contains("\"n3\""), "{error}");
    let error = sim.apply_bulk(&[BulkOp::Timer { node: 9, delay_us: 1, tag: 0.0 }]).unwrap_err();
    assert_eq!(error.code(), "ERR_NODE_REMOVED");
    assert_eq!(sim.bulk_batch().0.len(), 1, "nothing was done");
    assert_eq!(sim.stats().forwarded, 0);
    // Not applied: the next run drops it, and the message completes.
    sim.run_until(2_000_000);
    assert_eq!((sim.paused_until(), sim.stats().completed, sim.stats().reach), (None, 1, 1));
}

#[test]
fn bulk_timers_fire_with_their_tags_apart_from_the_owners_timers() {
    let mut sim = sim_with(SimConfig { record_trace: true, ..SimConfig::default() }, 3);
    assert_eq!(sim.set_bulk_timer(0, 5, 1.0).unwrap_err().code(), "ERR_NOT_APPLICABLE");
    sim.set_bulk_protocol().unwrap();
    sim.set_bulk_timer(2, 3_000, 7.5).unwrap();
    sim.set_bulk_timer(0, 3_000, -1.0).unwrap();
    sim.set_bulk_timer(1, 3_000, 2.0).unwrap();
    let own = sim.set_timer(3_000, Some(1)).unwrap();
    sim.pause(1).unwrap();
    sim.run_until(10_000);
    assert_eq!((sim.paused_until(), sim.now_us()), (Some(10_000), 3_000));
    let fired = sim.bulk_batch().1.to_vec();
    assert_eq!(
        fired,
        [BulkTimer { node: 2, tag: 7.5 }, BulkTimer { node: 0, tag: -1.0 }],
        "1 is paused: held"
    );
    assert_eq!(sim.drain_timers().collect::<Vec<_>>(), [], "the owner hears of its own timers only");
    sim.apply_bulk(&[BulkOp::Timer { node: 2, delay_us: 0, tag: 3.0 }]).unwrap();
    sim.run_until(10_000);
    assert_eq!(
        (sim.now_us(), sim.bulk_batch().1),
        (3_000, &[BulkTimer { node: 2, tag: 3.0 }][..]),
        "due now"
    );
    sim.apply_bulk(&[]).unwrap();
    sim.crash(2).unwrap();
    sim.set_bulk_timer(2, 1_000, 4.0).unwrap();
    sim.resume(1).unwrap();
    sim.run_until(10_000);
    assert_eq!(sim.bulk_batch().1, &[BulkTimer { node: 1, tag: 2.0 }], "released at the resume");
    assert_eq!(sim.drain_timers().collect::<Vec<_>>(), [(own, true)]);
    sim.apply_bulk(&[]).unwrap();
    sim.run_until(10_000);
    assert_eq!((sim.paused_until(), sim.now_us()), (None, 10_000), "a crashed node's timer is dropped");
    let fires: Vec<_> =
        sim.drain_trace().iter().filter(|e| e.kind == TraceKind::Timer).map(|e| (e.message, e.to)).collect();
    assert_eq!(
        fires,
        [(0, 2), (1, 0), (4, 2), (2, 1), (own, 1)],
        "a bulk timer traced with the count of timers set before it, the owner's with its id"
    );
}

#[test]
fn a_bulk_protocol_and_protocols_of_single_nodes_exclude_each_other() {
    let mut sim = sim_with(SimConfig::default(), 2);
    sim.set_hosted(1).unwrap();
    let error = sim.set_bulk_protocol().unwrap_err();
    assert_eq!((error.code(), error.field()), ("ERR_NOT_APPLICABLE", "protocol"));
    let mut sim = sim_with(SimConfig::default(), 2);
    sim.set_bulk_protocol().unwrap();
    assert_eq!(sim.set_hosted(1).unwrap_err().code(), "ERR_NOT_APPLICABLE");
    assert!(!sim.is_instant(), "a full mesh under a bulk protocol schedules its broadcasts");
}

#[test]
fn a_bulk_flood_traces_the_hash_pinned_in_node_and_chromium() {
    // tests/shared/bulk.mjs pins the same hash for the same network flooded by a JS bulk protocol.
    let mut sim = graph(200, 3);
    sim.set_bulk_protocol().unwrap();
    sim.broadcast(0).unwrap();
    run_bulk(&mut sim, 100_000_000, relay_all);
    assert_eq!((sim.trace().hash(), sim.stats().reach), ("994a96f8bee360ac".to_owned(), 199));
}
