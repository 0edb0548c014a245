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
