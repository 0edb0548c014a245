//! Workloads in the engine: handing out a broadcast workload's values when they fall due, and
//! telling the checkers what happens (learning, crashes, removals, heals, partitions, drift,
//! restarts, ticks and a liar's drags).

use super::{EngineEvent, Payload, Simulation};
use crate::error::MeshError;
use crate::network::{Delivery, Slot};
use crate::sim::byzantine::Byzantine;
use crate::sim::workload::{
    BroadcastChecker, BroadcastReport, Disturbance, SyncChecker, SyncReport, WorkloadOptions, WorkloadSpec,
};

/// How many random picks a hand-out tries before it lists the running nodes to pick from.
const PICKS: u32 = 64;

/// The checkers of the workloads running.
#[derive(Debug, Default)]
pub(super) struct Checkers {
    /// The broadcast workload's.
    broadcast: Option<Box<BroadcastChecker>>,
    /// The sync workload's, and when it starts watching (in µs).
    sync: Option<(Box<SyncChecker>, u64)>,
}

impl Checkers {
    /// When the broadcast workload's next value is due.
    pub(super) fn next_due(&self) -> Option<u64> {
        self.broadcast.as_ref().and_then(|checker| checker.next_due())
    }

    /// The sync checker, once it watches (from its start on).
    fn sync_at(&mut self, now_us: u64) -> Option<&mut SyncChecker> {
        self.sync.as_mut().filter(|(_, start)| now_us >= *start).map(|(checker, _)| checker.as_mut())
    }
}

/// What the checkers report.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkloadReport {
    /// The broadcast checker's report, when a broadcast workload runs.
    pub broadcast: Option<BroadcastReport>,
    /// The sync checker's report, when a sync workload runs.
    pub sync: Option<SyncReport>,
}

impl Simulation {
    /// Starts a workload (replacing one of the same kind, checker and all). A broadcast workload
    /// hands its values out when they fall due, each to a running node of its `from` list (any
    /// running node without one) picked at random: a node that relays by the built-in rules
    /// broadcasts it, and every node that accepts the message learns the value; a node that runs
    /// its owner's protocol is handed it as an [`EngineEvent::Offered`] (the run stops at the end
    /// of that moment) and learns what its protocol says ([`Simulation::learn_value`]). A sync
    /// workload needs the global tick (`ERR_NOT_APPLICABLE` naming `workload.kind` without it).
    pub fn start_workload(&mut self, options: &WorkloadOptions) -> Result<(), MeshError> {
        let slot = |field: String, id: &str| {
            self.network.find(id).ok_or_else(|| MeshError::UnknownNode { field, node_id: id.to_owned() })
        };
        match options.to_spec(self.clock.now(), &slot)? {
            WorkloadSpec::Broadcast(spec) => {
                self.checkers.broadcast = Some(Box::new(BroadcastChecker::new(spec, self.ledger.totals())));
            }
            WorkloadSpec::Sync { start_us } => {
                if !self.config.global_tick {
                    return Err(MeshError::NotApplicable {
                        field: "workload.kind".into(),
                        problem: "a sync workload needs the global tick (globalTick: true)".into(),
                    });
                }
                self.checkers.sync = Some((Box::new(SyncChecker::new(self.config.max_step_skew)), start_us));
            }
        }
        Ok(())
    }

    /// What the checkers of the workloads running report now.
    pub fn workload_report(&self) -> WorkloadReport {
        WorkloadReport {
            broadcast: self.checkers.broadcast.as_ref().map(|checker| checker.report(self.ledger.totals())),
            sync: self.checkers.sync.as_ref().map(|(checker, _)| checker.report()),
        }
    }

    /// The live node `slot` (which runs its owner's protocol) learned the broadcast workload's
    /// value `value` now; returns whether that is news (false for a value not handed out, or
    /// without a broadcast workload).
    pub fn learn_value(&mut self, slot: Slot, value: u64) -> Result<bool, MeshError> {
        self.network.counters(slot)?;
        let (Some(checker), Ok(value)) = (self.checkers.broadcast.as_mut(), u32::try_from(value)) else {
            return Ok(false);
        };
        Ok(checker.learn(slot, value, self.clock.now()))
    }

    /// Hands out the broadcast workload's value due now (see [`Simulation::start_workload`]).
    pub(super) fn hand_out(&mut self) {
        let Some(checker) = self.checkers.broadcast.as_mut() else { return };
        let (network, nodes) = (&self.network, &self.nodes);
        let running = |slot: Slot| nodes.is_running(slot);
        // The candidates by position: the `from` list, or every slot (never listed out).
        let from = checker.from();
        let count = from.map_or(network.slot_count(), <[Slot]>::len);
        let candidate = |i: usize| from.map_or(i as Slot, |from| from[i]);
        let picked = (count > 0)
            .then(|| {
                (0..PICKS).map(|_| candidate(self.rng.below(count as u32) as usize)).find(|&s| running(s))
            })
            .flatten()
            .or_else(|| {
                let up: Vec<Slot> = (0..count).map(candidate).filter(|&s| running(s)).collect();
                (!up.is_empty()).then(|| up[self.rng.below(up.len() as u32) as usize])
            });
        let Some(origin) = picked else {
            checker.unplaced();
            return;
        };
        let now = self.clock.now();
        let value = checker.hand_out(origin, now, network.slot_count(), running);
        if self.nodes.is_hosted(origin) {
            self.events.push(EngineEvent::Offered { node: origin, value });
            self.host_due = true;
        } else {
            self.engine_broadcast(origin, Payload::Value(value), value.to_string().as_bytes());
        }
    }

    /// Message `message` carries the broadcast workload's `value`; `delivered` judged it at once
    /// (an instant network), and those of them that accepted it and relay by the built-in rules
    /// learn the value now.
    pub(super) fn carry_value(&mut self, message: u64, value: u32, delivered: &[Delivery]) {
        let now = self.clock.now();
        let Some(checker) = self.checkers.broadcast.as_mut() else { return };
        checker.carried_by(message, value);
        for delivery in delivered {
            if let Delivery::Accepted(slot) = *delivery {
                if !self.nodes.is_hosted(slot) {
                    checker.learn(slot, value, now);
                }
            }
        }
    }

    /// `slot`, which relays by the built-in rules, accepted message `message` now.
    #[inline]
    pub(super) fn note_accepted(&mut self, slot: Slot, message: u64) {
        if let Some(checker) = self.checkers.broadcast.as_mut() {
            checker.accepted(slot, message, self.clock.now());
        }
    }

    /// `slot` crashed or was removed now.
    pub(super) fn note_down(&mut self, slot: Slot, crashed: bool) {
        if let Some(checker) = self.checkers.broadcast.as_mut() {
            checker.node_down(slot);
        }
        if crashed {
            self.note_disturbance(Disturbance::Crash, Some(slot));
        }
    }

    /// The partition healed now.
    pub(super) fn note_heal(&mut self) {
        let now = self.clock.now();
        if let Some(checker) = self.checkers.broadcast.as_mut() {
            checker.healed(now);
        }
        self.note_disturbance(Disturbance::Heal, None);
    }

    /// `kind` happened now (to `node`), for the sync checker.
    pub(super) fn note_disturbance(&mut self, kind: Disturbance, node: Option<Slot>) {
        let now = self.clock.now();
        if let Some(checker) = self.checkers.sync_at(now) {
            checker.disturbed(kind, now, node);
        }
    }

    /// A tick ran now, with the running nodes' steps from `min_step` to `max_step`.
    pub(super) fn note_tick(&mut self, min_step: u64, max_step: u64) {
        let now = self.clock.now();
        if let Some(checker) = self.checkers.sync_at(now) {
            checker.tick(now, max_step - min_step);
        }
    }

    /// `node` synced to the step of a message claimed by `sender`: a drag when that is a liar.
    pub(super) fn note_synced(&mut self, node: Slot, sender: Option<Slot>) {
        let now = self.clock.now();
        let liar = sender.is_some_and(|s| matches!(self.nodes.byzantine(s), Some(Byzantine::StepSkew(_))));
        if let (true, Some(checker)) = (liar, self.checkers.sync_at(now)) {
            checker.dragged(node);
        }
    }
}
