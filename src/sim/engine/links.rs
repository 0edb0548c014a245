//! The links between nodes: the graph, per-link overrides, a partition (both ways or one way),
//! the copies queued on links with a queue limit, and when each direction of a link with a
//! bandwidth is free to put the next message on the wire.

use std::collections::BTreeMap;

use crate::network::{Network, Slot};
use crate::sim::link::{to_micros, LinkSpec};
use crate::sim::rng::SimRng;
use crate::sim::topology::{Adjacency, Topology};
use crate::sim::trace::TraceKind;

/// The key of the link between `a` and `b` (links go both ways).
fn key(a: Slot, b: Slot) -> (Slot, Slot) {
    (a.min(b), a.max(b))
}

/// A partition: each slot's side, and which way it cuts.
#[derive(Debug)]
struct Partition {
    /// Each slot's side (0: in no group; 1 and 2: the two sides).
    groups: Vec<u8>,
    /// Whether only transfers from side 1 to side 2 are cut (else both ways are).
    one_way: bool,
}

/// Who is linked to whom, and how each link behaves beyond the default (the topology and the
/// default link are settings, kept in [`super::SimConfig`] and passed in).
///
/// The methods keep these invariants: once `stale` is false, `adjacency` is the graph of the
/// current topology (a generated one is drawn again, lazily, after nodes came or went); a
/// partition has a group for every slot (0: in no group; 1 and 2: the two sides); `load` counts
/// the copies queued on each link that had a queue limit when they were sent, and holds no zero.
#[derive(Debug, Default)]
pub(super) struct Links {
    /// Each slot's neighbours.
    adjacency: Adjacency,
    /// Whether the topology must be drawn again before the graph is used.
    stale: bool,
    /// How links that do not behave as the default one behave, by link.
    overrides: BTreeMap<(Slot, Slot), LinkSpec>,
    /// The partition, while there is one.
    partition: Option<Partition>,
    /// Copies queued on links with a queue limit, by link.
    load: BTreeMap<(Slot, Slot), u32>,
    /// When each direction (from, to) of a link with a bandwidth has put its last message on the
    /// wire, in microseconds.
    busy: BTreeMap<(Slot, Slot), u64>,
    /// How many times who is linked to whom changed (nodes came or went, the graph was drawn
    /// or edited).
    changes: u64,
}

impl Links {
    /// Makes room for a new slot, which has no links yet; a generated topology is drawn again.
    pub(super) fn add_node(&mut self, topology: &Topology) {
        self.changes += 1;
        self.stale |= topology.is_generated();
        if let Some(partition) = &mut self.partition {
            partition.groups.push(0);
        }
    }

    /// Drops the links of a removed slot; a generated topology is drawn again.
    pub(super) fn remove_node(&mut self, slot: Slot, topology: &Topology) {
        self.adjacency.isolate(slot);
        self.changes += 1;
        self.stale |= topology.is_generated();
    }

    /// Has the graph drawn again from the topology at the next [`Links::refresh`].
    pub(super) fn redraw(&mut self) {
        self.stale = true;
    }

    /// Draws `topology` again over the live nodes of `network` if it is due.
    pub(super) fn refresh(&mut self, topology: &Topology, network: &Network, rng: &mut SimRng) {
        if !self.stale {
            return;
        }
        self.stale = false;
        self.changes += 1;
        let live: Vec<Slot> = network.live_slots().collect();
        let graph = topology.generate(live.len(), rng);
        self.adjacency = graph.placed_on(&live, network.slot_count());
    }

    /// Replaces the graph with exactly `edges` over `slots` slots.
    pub(super) fn set_edges(&mut self, slots: usize, edges: &[(Slot, Slot)]) {
        self.adjacency = Adjacency::from_edges(slots, edges.iter().copied());
        self.stale = false;
        self.changes += 1;
    }

    /// How many times who is linked to whom changed: the same count, the same neighbours
    /// (once the graph is drawn again when due: see [`Links::refresh`]).
    pub(super) fn changes(&self) -> u64 {
        self.changes
    }

    /// The graph (not drawn again here: see [`Links::refresh`]).
    #[inline(always)]
    pub(super) fn adjacency(&self) -> &Adjacency {
        &self.adjacency
    }

    /// Links `a` and `b`; false when they were linked already.
    pub(super) fn link(&mut self, a: Slot, b: Slot) -> bool {
        self.changes += 1;
        self.adjacency.link(a, b)
    }

    /// Unlinks `a` and `b`; false when they were not linked.
    pub(super) fn unlink(&mut self, a: Slot, b: Slot) -> bool {
        self.changes += 1;
        self.adjacency.unlink(a, b)
    }

    /// Sets how the link between `a` and `b` behaves, instead of the default.
    pub(super) fn set_override(&mut self, a: Slot, b: Slot, spec: LinkSpec) {
        self.overrides.insert(key(a, b), spec);
    }

    /// Cuts every link between `group_a` and `group_b` (slots below `slots`), both ways or, with
    /// `one_way`, only from `group_a` to `group_b`, replacing any partition before.
    pub(super) fn partition(&mut self, slots: usize, group_a: &[Slot], group_b: &[Slot], one_way: bool) {
        let mut groups = vec![0u8; slots];
        for &slot in group_a {
            groups[slot as usize] = 1;
        }
        for &slot in group_b {
            groups[slot as usize] = 2;
        }
        self.partition = Some(Partition { groups, one_way });
    }

    /// Ends the partition.
    pub(super) fn heal(&mut self) {
        self.partition = None;
    }

    /// Whether the partition cuts transfers from `from` to `to`: both are in a group, not the
    /// same one, and (one way) `from` is on the side cut off from the other.
    pub(super) fn is_cut(&self, from: Slot, to: Slot) -> bool {
        self.partition.as_ref().is_some_and(|p| {
            let (x, y) = (p.groups[from as usize], p.groups[to as usize]);
            if p.one_way {
                x == 1 && y == 2
            } else {
                x != 0 && y != 0 && x != y
            }
        })
    }

    /// Whether every link behaves as the default one and none is cut.
    pub(super) fn uniform(&self) -> bool {
        self.partition.is_none() && self.overrides.is_empty()
    }

    /// Whether a transfer needs no per-link lookup: every link is the default one `default`,
    /// without a queue limit or bandwidth, and no partition cuts any.
    pub(super) fn plain(&self, default: &LinkSpec) -> bool {
        self.uniform() && default.queue_limit == 0 && default.bandwidth == 0.0
    }

    /// The shortest time any transfer takes, in microseconds: the least latency of the default
    /// link `default` and of every override (jitter and the wire only add to it).
    pub(super) fn least_latency_us(&self, default: &LinkSpec) -> u64 {
        let least = |spec: &LinkSpec| to_micros(spec.latency.least_ms());
        self.overrides.values().map(least).fold(least(default), u64::min)
    }

    /// Whether no copy is counted on any link.
    pub(super) fn unloaded(&self) -> bool {
        self.load.is_empty()
    }

    /// How the link from `from` to `to` behaves (`default` unless overridden), if it takes a
    /// copy now; else why not: a partition cuts it, or its queue is full.
    pub(super) fn admit(&self, from: Slot, to: Slot, default: &LinkSpec) -> Result<LinkSpec, TraceKind> {
        if self.is_cut(from, to) {
            return Err(TraceKind::Partitioned);
        }
        let key = key(from, to);
        let spec = self.overrides.get(&key).copied().unwrap_or(*default);
        if spec.queue_limit > 0 && self.load.get(&key).copied().unwrap_or(0) >= spec.queue_limit {
            return Err(TraceKind::QueueFull);
        }
        Ok(spec)
    }

    /// Counts `copies` queued on the link from `from` to `to`, which behaves as `spec`, if it
    /// has a queue limit.
    pub(super) fn carry(&mut self, from: Slot, to: Slot, spec: &LinkSpec, copies: u32) {
        if spec.queue_limit > 0 && copies > 0 {
            *self.load.entry(key(from, to)).or_default() += copies;
        }
    }

    /// Puts a message of `size` bytes on the wire from `from` to `to` (a link that behaves as
    /// `spec`) at `now_us`, after every message sent that way before it (first in, first out; the
    /// other direction is independent); returns the microseconds it waits and takes, after which
    /// it travels the link's latency. 0, keeping nothing, without a bandwidth.
    pub(super) fn serialize(&mut self, from: Slot, to: Slot, spec: &LinkSpec, size: u32, now_us: u64) -> u64 {
        if spec.bandwidth == 0.0 {
            return 0;
        }
        let free = self.busy.entry((from, to)).or_default();
        *free = (*free).max(now_us).saturating_add(spec.serialization_us(size));
        *free - now_us
    }

    /// Counts down a copy arriving over the link from `from` to `to`, if copies are counted on it
    /// (they still are when its queue limit was lifted after they were sent).
    pub(super) fn deliver(&mut self, from: Slot, to: Slot) {
        let key = key(from, to);
        if let Some(load) = self.load.get_mut(&key) {
            *load -= 1;
            if *load == 0 {
                self.load.remove(&key);
            }
        }
    }

    /// Bytes of heap held: the graph and the partition.
    pub(super) fn heap_bytes(&self) -> usize {
        self.adjacency.heap_bytes() + self.partition.as_ref().map_or(0, |p| p.groups.capacity())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::latency::Latency;

    #[test]
    fn a_partition_cuts_only_links_between_its_two_sides() {
        let mut links = Links::default();
        links.partition(5, &[0, 1], &[2, 3], false);
        links.add_node(&Topology::Full);
        assert!(links.is_cut(0, 2) && links.is_cut(3, 1));
        assert!(!links.is_cut(0, 1) && !links.is_cut(2, 3), "same side");
        assert!(!links.is_cut(0, 4) && !links.is_cut(5, 2), "in no group, the new slot too");
        assert!(!links.uniform());
        links.heal();
        assert!(!links.is_cut(0, 2) && links.uniform());
    }

    #[test]
    fn a_one_way_partition_cuts_only_from_the_first_side_to_the_second() {
        let mut links = Links::default();
        links.partition(5, &[0, 1], &[2, 3], true);
        links.add_node(&Topology::Full);
        assert!(links.is_cut(0, 2) && links.is_cut(1, 3));
        assert!(!links.is_cut(2, 0) && !links.is_cut(3, 1), "the other way is open");
        assert!(
            !links.is_cut(0, 1) && !links.is_cut(4, 2) && !links.is_cut(0, 5),
            "same side, or in no group"
        );
        assert_eq!(links.admit(2, 0, &LinkSpec::default()), Ok(LinkSpec::default()));
        assert_eq!(links.admit(0, 2, &LinkSpec::default()), Err(TraceKind::Partitioned));
        links.partition(5, &[0, 1], &[2, 3], false);
        assert!(links.is_cut(2, 0), "a new partition replaces it");
    }

    #[test]
    fn a_queue_limit_refuses_copies_beyond_it_until_they_arrive() {
        let mut links = Links::default();
        let limited = LinkSpec { queue_limit: 2, ..LinkSpec::default() };
        assert!(!links.plain(&limited) && links.plain(&LinkSpec::default()));
        let spec = links.admit(0, 1, &limited).unwrap();
        links.carry(0, 1, &spec, 2);
        assert_eq!(links.admit(1, 0, &limited), Err(TraceKind::QueueFull), "both directions share it");
        links.deliver(1, 0);
        assert!(links.admit(0, 1, &limited).is_ok() && !links.unloaded());
        links.deliver(0, 1);
        assert!(links.unloaded(), "no zero is kept");
        links.deliver(0, 1);
        assert!(links.unloaded(), "an uncounted arrival changes nothing");
    }

    #[test]
    fn each_direction_puts_messages_on_the_wire_one_after_another() {
        let mut links = Links::default();
        let spec = LinkSpec { bandwidth: 1000.0, ..LinkSpec::default() };
        assert!(!links.plain(&spec));
        assert_eq!(links.serialize(0, 1, &spec, 100, 0), 100_000, "100 bytes at 1000 B/s");
        assert_eq!(links.serialize(0, 1, &spec, 50, 20_000), 130_000, "waits for the first, then 50 ms");
        assert_eq!(links.serialize(1, 0, &spec, 10, 20_000), 10_000, "the other direction is free");
        assert_eq!(links.serialize(0, 1, &spec, 10, 500_000), 10_000, "free again once done");
        assert_eq!(links.serialize(0, 1, &LinkSpec::default(), 10, 0), 0, "no bandwidth, no wait");
    }

    #[test]
    fn an_override_sets_one_link_and_a_cut_refuses_before_it() {
        let mut links = Links::default();
        let slow = LinkSpec { latency: Latency::Fixed { ms: 50.0 }, ..LinkSpec::default() };
        links.set_override(2, 1, slow);
        assert_eq!(links.admit(1, 2, &LinkSpec::default()), Ok(slow));
        assert_eq!(links.admit(0, 2, &LinkSpec::default()), Ok(LinkSpec::default()));
        assert!(!links.uniform());
        links.partition(3, &[1], &[2], false);
        assert_eq!(links.admit(1, 2, &LinkSpec::default()), Err(TraceKind::Partitioned));
    }

    #[test]
    fn a_generated_topology_is_drawn_again_only_after_nodes_came_or_went() {
        let mut network = Network::new();
        for i in 0..4 {
            let config = crate::NodeConfig { node_id: format!("n{i}"), seed: 7, phase_reset_interval: 100 };
            network.create_node(&config).unwrap();
        }
        let mut rng = SimRng::new(1);
        let mut links = Links::default();
        links.redraw();
        links.refresh(&Topology::Ring, &network, &mut rng);
        assert_eq!(links.adjacency().neighbours(0), [1, 3]);
        links.set_edges(4, &[(0, 2)]);
        links.refresh(&Topology::Ring, &network, &mut rng);
        assert_eq!(links.adjacency().neighbours(0), [2], "explicit edges are kept");
        links.add_node(&Topology::Ring);
        links.refresh(&Topology::Ring, &network, &mut rng);
        assert_eq!(links.adjacency().neighbours(0), [1, 3], "drawn again");
    }
}
