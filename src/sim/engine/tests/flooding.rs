//! Flooding and gossip: reach per TTL, one relay per node, fanout, and measured loss.

use super::*;
use std::collections::VecDeque;

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
