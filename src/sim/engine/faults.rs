//! Faults: partitions (both ways or one way), pauses, crashes and restarts, byzantine behaviour
//! and clock drift.

use super::{EngineEvent, Simulation};
use crate::error::MeshError;
use crate::network::Slot;
use crate::sim::byzantine::Byzantine;
use crate::sim::trace::TraceKind;
use crate::sim::workload::Disturbance;
use crate::validate::number_in;

impl Simulation {
    /// Cuts every link between `group_a` and `group_b`, both ways, until [`Simulation::heal`]
    /// (replacing any partition before); other nodes are unaffected. Transfers already in flight
    /// across the cut are dropped on arrival.
    pub fn partition(&mut self, group_a: &[Slot], group_b: &[Slot]) -> Result<(), MeshError> {
        self.cut(group_a, group_b, false)
    }

    /// [`Simulation::partition`] one way: only transfers from `group_a` to `group_b` are cut;
    /// `group_b` still reaches `group_a`.
    pub fn partition_one_way(&mut self, group_a: &[Slot], group_b: &[Slot]) -> Result<(), MeshError> {
        self.cut(group_a, group_b, true)
    }

    /// Partitions `group_a` from `group_b` (live slots), `one_way` or both ways.
    fn cut(&mut self, group_a: &[Slot], group_b: &[Slot], one_way: bool) -> Result<(), MeshError> {
        for &slot in group_a.iter().chain(group_b) {
            self.network.counters(slot)?;
        }
        self.links.partition(self.network.slot_count(), group_a, group_b, one_way);
        self.note_disturbance(Disturbance::Partition, None);
        Ok(())
    }

    /// Ends the partition.
    pub fn heal(&mut self) {
        self.links.heal();
        self.note_heal();
    }

    /// Whether a partition cuts transfers from `from` to `to`.
    pub fn is_cut(&self, from: Slot, to: Slot) -> bool {
        self.links.is_cut(from, to)
    }

    /// Crashes a live node: it neither sends, receives, relays nor ticks until restarted. A
    /// paused node's pause ends, and what it held is dropped.
    pub fn crash(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        if !self.nodes.is_crashed(slot) {
            self.timers.void_node(slot);
            self.timers.release(slot, self.clock.now());
            self.note_down(slot, true);
        }
        self.nodes.crash(slot);
        self.release_held(slot);
        Ok(())
    }

    /// Restarts a crashed node, keeping its step or resetting it to 0 (see [`SimConfig`]).
    pub fn restart(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        if self.nodes.restart(slot) {
            if !self.config.restart_keeps_step {
                self.network.sync(slot, 0.0)?;
            }
            self.note_disturbance(Disturbance::Restart, Some(slot));
        }
        Ok(())
    }

    /// Whether the live node `slot` is crashed.
    pub fn is_crashed(&self, slot: Slot) -> bool {
        self.nodes.is_crashed(slot)
    }

    /// Pauses a live node: until [`Simulation::resume`] it neither ticks, relays nor sends
    /// (`ERR_NODE_PAUSED`), and what reaches it is held, unjudged. Fails with `ERR_NODE_CRASHED`
    /// for a crashed node and `ERR_NODE_PAUSED` for a paused one.
    pub fn pause(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        if self.nodes.is_crashed(slot) {
            return Err(MeshError::NodeCrashed { node_id: self.network.node_id(slot).to_owned() });
        }
        self.refuse_paused("nodeId", slot)?;
        self.nodes.pause(slot);
        self.trace_now(TraceKind::Pause, 0, slot, slot);
        Ok(())
    }

    /// Resumes a paused node: it handles what it held now, in arrival order (judging, reporting
    /// and relaying each as on arrival), then runs as before. Fails with `ERR_NODE_NOT_PAUSED`
    /// for a node that is not paused.
    pub fn resume(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        if !self.nodes.resume(slot) {
            return Err(MeshError::NodeNotPaused { node_id: self.network.node_id(slot).to_owned() });
        }
        self.trace_now(TraceKind::Resume, 0, slot, slot);
        self.timers.release(slot, self.clock.now());
        self.release_held(slot);
        Ok(())
    }

    /// Crashes (`crashed`) or restarts the live node `slot` for the engine itself (churn, a
    /// scenario's event), telling the owner when that changed a node that runs its protocol.
    pub(super) fn set_crashed(&mut self, slot: Slot, crashed: bool) -> Result<(), MeshError> {
        let changed = self.nodes.is_crashed(slot) != crashed;
        if crashed {
            self.crash(slot)?;
        } else {
            self.restart(slot)?;
        }
        if changed {
            self.tell_host(slot, crashed);
        }
        Ok(())
    }

    /// Tells the owner that the engine itself (churn, a scenario's event) crashed or restarted
    /// `slot`, when it runs the owner's protocol: reported as an event, and the run stops at the
    /// end of the moment, so the protocol hears of it then. (The owner's own calls need no telling.)
    fn tell_host(&mut self, slot: Slot, crashed: bool) {
        if self.nodes.is_hosted(slot) {
            self.events.push(EngineEvent::Lifecycle { node: slot, crashed });
            self.host_due = true;
        }
    }

    /// Whether the live node `slot` is paused.
    pub fn is_paused(&self, slot: Slot) -> bool {
        self.nodes.is_paused(slot)
    }

    /// `ERR_NODE_PAUSED` naming `field` when `slot` is paused: it cannot send.
    pub(super) fn refuse_paused(&self, field: &str, slot: Slot) -> Result<(), MeshError> {
        if self.nodes.is_paused(slot) {
            let node_id = self.network.node_id(slot).to_owned();
            return Err(MeshError::NodePaused { field: field.to_owned(), node_id });
        }
        Ok(())
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
        self.note_disturbance(Disturbance::Drift, Some(slot));
        Ok(())
    }
}
