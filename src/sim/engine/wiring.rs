//! Who is linked to whom, and how each link behaves: the topology, explicit edges, the default
//! link and per-link overrides, as the simulation sets them.

use super::Simulation;
use crate::error::MeshError;
use crate::network::Slot;
use crate::sim::link::LinkSpec;
use crate::sim::topology::Topology;

impl Simulation {
    /// Generates `topology` over the live nodes (in creation order), replacing every link.
    pub fn set_topology(&mut self, topology: Topology) -> Result<(), MeshError> {
        topology.validate("topology")?;
        self.config.topology = topology;
        self.links.redraw();
        self.refresh_topology();
        Ok(())
    }

    /// Replaces every link with exactly `edges` (pairs of live slots); nothing changes on error.
    pub fn set_edges(&mut self, edges: &[(Slot, Slot)]) -> Result<(), MeshError> {
        for (i, &(a, b)) in edges.iter().enumerate() {
            if !self.network.is_alive(a) || !self.network.is_alive(b) {
                let slot = if self.network.is_alive(a) { b } else { a };
                let node_id = match self.network.node_id(slot) {
                    "" => format!("#{slot}"),
                    id => id.to_owned(),
                };
                return Err(MeshError::UnknownNode { field: format!("edges[{i}]"), node_id });
            }
        }
        self.links.set_edges(self.network.slot_count(), edges);
        self.config.topology = Topology::Edges;
        Ok(())
    }

    /// Draws a generated topology again if nodes came or went since it was last drawn.
    pub(super) fn refresh_topology(&mut self) {
        self.links.refresh(&self.config.topology, &self.network, &mut self.rng);
    }

    /// The links of the live node `slot` (every other live node in a full mesh).
    pub fn neighbours(&mut self, slot: Slot) -> Vec<Slot> {
        self.refresh_topology();
        if self.config.topology == Topology::Full {
            self.network.live_slots().filter(|&s| s != slot).collect()
        } else {
            self.links.adjacency().neighbours(slot).to_vec()
        }
    }

    /// A number that changes whenever any node's neighbours may have (see
    /// [`Simulation::neighbours`]): while it stays the same, so do they.
    pub fn wiring_generation(&mut self) -> u64 {
        self.refresh_topology();
        self.links.changes()
    }

    /// Links two live nodes (the topology becomes explicit edges).
    pub fn connect(&mut self, a: Slot, b: Slot) -> Result<bool, MeshError> {
        self.live_pair(a, b)?;
        self.make_explicit();
        Ok(self.links.link(a, b))
    }

    /// Unlinks two live nodes (the topology becomes explicit edges).
    pub fn disconnect(&mut self, a: Slot, b: Slot) -> Result<bool, MeshError> {
        self.live_pair(a, b)?;
        self.make_explicit();
        Ok(self.links.unlink(a, b))
    }

    /// `ERR_NODE_REMOVED` unless `a` and `b` are live nodes.
    fn live_pair(&self, a: Slot, b: Slot) -> Result<(), MeshError> {
        self.network.counters(a)?;
        self.network.counters(b).map(drop)
    }

    /// Freezes the current links as explicit edges (a full mesh becomes every pair).
    fn make_explicit(&mut self) {
        if self.config.topology == Topology::Full {
            self.config.topology = Topology::Random { p: 1.0 };
            self.links.redraw();
        }
        self.refresh_topology();
        self.config.topology = Topology::Edges;
    }

    /// Sets the behaviour of every link without an override (the `links` option), from now on;
    /// transfers already in flight keep their arrival times.
    pub fn set_default_link(&mut self, spec: LinkSpec) -> Result<(), MeshError> {
        spec.validate("links")?;
        self.config.link = spec;
        Ok(())
    }

    /// Sets the behaviour of the link between `a` and `b` (both directions).
    pub fn set_link(&mut self, a: Slot, b: Slot, spec: LinkSpec) -> Result<(), MeshError> {
        self.live_pair(a, b)?;
        spec.validate("link")?;
        self.links.set_override(a, b, spec);
        Ok(())
    }
}
