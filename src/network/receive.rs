//! Messages handed to a node from outside the network (`MeshNode.receive`).

use super::{Network, Slot};
use crate::error::MeshError;
use crate::message::{parse_step, verify, Verdict};

/// What a node concluded about a message handed to `receive`.
#[derive(Debug, Clone, PartialEq)]
pub enum Reception {
    /// The message was well formed and validated.
    Checked(Verdict),
    /// The message broke a rule (negative or fractional step, ...).
    Malformed(MeshError),
}

impl Network {
    /// Validates a message handed to a live node from outside the network.
    pub fn receive(
        &mut self,
        slot: Slot,
        global_step: f64,
        pattern_value: f64,
    ) -> Result<Reception, MeshError> {
        let pattern = self.live_node(slot)?.pattern;
        let reception = match parse_step(global_step) {
            Ok(step) => Reception::Checked(verify(&self.patterns[pattern as usize], step, pattern_value)),
            Err(err) => Reception::Malformed(err),
        };
        let counters = &mut self.nodes[slot as usize].counters;
        match reception {
            Reception::Checked(Verdict::Accepted) => counters.received += 1,
            _ => counters.rejected += 1,
        }
        Ok(reception)
    }

    /// Counts a message a live node refused before validation (a field of the wrong type).
    pub fn reject_malformed(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.live_node_mut(slot)?.counters.rejected += 1;
        Ok(())
    }
}
