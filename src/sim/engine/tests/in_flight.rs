//! Transfers in flight: their progress and how each would end.

use super::*;

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

#[test]
fn dropped_copies_are_lost_on_arrival_one_receiver_or_all_and_the_message_completes() {
    let ring = || {
        let config = SimConfig { link: fixed(10.0), ttl: 1, record_trace: true, ..SimConfig::default() };
        let mut sim = sim_with(config, 4);
        sim.set_topology(Topology::Ring).unwrap();
        sim
    };
    let mut sim = ring();
    let id = sim.broadcast(0).unwrap().message;
    assert!(sim.transfers().all(|t| t.message_id == id));
    assert_eq!(sim.drop_in_flight(id, Some(3)), 1);
    assert_eq!(sim.drop_in_flight(id, Some(3)), 0, "dropped already: nothing more to drop");
    assert_eq!(sim.drop_in_flight(id + 7, None), 0, "no copy of another id in flight");
    assert_eq!(outlooks(&sim), [(0, 1, Outlook::Accepted), (0, 3, Outlook::Dropped)]);
    sim.run_until(20_000);
    let s = sim.stats();
    assert_eq!((s.delivered, s.lost, s.completed, s.reach), (1, 1, 1, 1));
    let trace = sim.drain_trace();
    let lost: Vec<_> =
        trace.iter().filter(|e| e.kind == TraceKind::Lost).map(|e| (e.time_us, e.from, e.to)).collect();
    assert_eq!(lost, [(10_000, 0, 3)], "traced as lost at its arrival time");
    assert_eq!(sim.drop_in_flight(id, None), 0, "nothing left in flight");

    let mut all = ring();
    let id = all.broadcast(0).unwrap().message;
    assert_eq!(all.drop_in_flight(id, None), 2);
    all.run_until(20_000);
    assert_eq!((all.stats().delivered, all.stats().lost, all.stats().completed), (0, 2, 1));
    // The same drop at the same moment replays to the same trace.
    let mut again = ring();
    let id = again.broadcast(0).unwrap().message;
    again.drop_in_flight(id, None);
    again.run_until(20_000);
    assert_eq!(again.trace().hash(), all.trace().hash());
}
