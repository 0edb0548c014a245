//! Faults: partitions, crashes and restarts, byzantine behaviour and clock drift.

use super::Simulation;
use crate::error::MeshError;
use crate::network::Slot;
use crate::sim::byzantine::Byzantine;
use crate::validate::number_in;

impl Simulation {
    /// Cuts every link between `group_a` and `group_b` until [`Simulation::heal`]; other nodes
    /// are unaffected. Transfers already in flight across the cut are dropped on arrival.
    pub fn partition(&mut self, group_a: &[Slot], group_b: &[Slot]) -> Result<(), MeshError> {
        for &slot in group_a.iter().chain(group_b) {
            self.network.counters(slot)?;
        }
        self.links.partition(self.network.slot_count(), group_a, group_b);
        Ok(())
    }

    /// Ends the partition.
    pub fn heal(&mut self) {
        self.links.heal();
    }

    /// Whether a partition separates `a` and `b`.
    pub fn is_cut(&self, a: Slot, b: Slot) -> bool {
        self.links.is_cut(a, b)
    }

    /// Crashes a live node: it neither sends, receives, relays nor ticks until restarted.
    pub fn crash(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        self.nodes.crash(slot);
        Ok(())
    }

    /// Restarts a crashed node, keeping its step or resetting it to 0 (see [`SimConfig`]).
    pub fn restart(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        if self.nodes.restart(slot) && !self.config.restart_keeps_step {
            self.network.sync(slot, 0.0)?;
        }
        Ok(())
    }

    /// Whether the live node `slot` is crashed.
    pub fn is_crashed(&self, slot: Slot) -> bool {
        self.nodes.is_crashed(slot)
    }

    /// Makes a live node byzantine (or honest again with `None`).
    pub fn set_byzantine(&mut self, slot: Slot, behaviour: Option<Byzantine>) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        self.nodes.set_byzantine(slot, behaviour);
        Ok(())
    }

    /// Makes a live node's clock drift: `rate` extra steps per tick, in `-1 ..= 10` (-0.1 loses
    /// one tick in ten; -1 stops it; 0 is exact again).
    pub fn set_drift(&mut self, slot: Slot, rate: f64) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        let rate = number_in("rate", rate, -1.0, 10.0, "a number in [-1, 10]")?;
        self.nodes.set_drift(slot, rate);
        Ok(())
    }
}
