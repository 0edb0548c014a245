//! Links and topology: queue limits, overrides, explicit edges, generated topologies, settings.

use super::*;

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
    assert!(sim.links.unloaded(), "left counted on links: {:?}", sim.links);
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

/// Asserts that the wiring generation of `sim` moved from `last` because of `what`; keeps the new one.
fn assert_moved(sim: &mut Simulation, last: &mut u64, what: &str) {
    let now = sim.wiring_generation();
    assert_ne!(now, *last, "{what} moves it");
    *last = now;
}

#[test]
fn the_wiring_generation_moves_whenever_a_nodes_neighbours_may_have_and_only_then() {
    let mut sim = sim_with(SimConfig { link: fixed(5.0), ..SimConfig::default() }, 4);
    let mut last = sim.wiring_generation();
    sim.set_topology(Topology::Ring).unwrap();
    assert_moved(&mut sim, &mut last, "a new topology");
    let before = sim.neighbours(0);
    sim.broadcast(0).unwrap();
    sim.run(1);
    sim.set_default_link(fixed(7.0)).unwrap();
    assert_eq!(
        (sim.wiring_generation(), sim.neighbours(0)),
        (last, before),
        "sends, runs and link settings do not"
    );
    sim.create_node(&node("n4")).unwrap();
    assert_moved(&mut sim, &mut last, "a node added to a generated topology (drawn again)");
    sim.connect(0, 2).unwrap();
    assert_moved(&mut sim, &mut last, "connect");
    sim.disconnect(0, 2).unwrap();
    assert_moved(&mut sim, &mut last, "disconnect");
    sim.set_edges(&[(0, 1)]).unwrap();
    assert_moved(&mut sim, &mut last, "explicit edges");
    sim.remove_node(1).unwrap();
    assert_moved(&mut sim, &mut last, "a removal");
    sim.set_topology(Topology::Full).unwrap();
    assert_moved(&mut sim, &mut last, "a full mesh");
    sim.create_node(&node("n5")).unwrap();
    assert_moved(&mut sim, &mut last, "a node joining the full mesh");
}
