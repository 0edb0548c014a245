//! A scenario's script: actions due at set times, run in time order.

use std::collections::BTreeMap;

use crate::network::Slot;
use crate::sim::byzantine::Byzantine;

/// Something a scenario makes happen at a given time.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptAction {
    /// A node broadcasts, carrying the payload of scenario event `payload`.
    Broadcast {
        /// The sender.
        sender: Slot,
        /// The scenario event whose `data` the message carries.
        payload: u32,
        /// That `data` as the bytes a tag or signature covers (`JSON.stringify`'s text, see
        /// [`crate::payload`]).
        bytes: Box<[u8]>,
    },
    /// Cut the links between two groups, both ways.
    Partition(Vec<Slot>, Vec<Slot>),
    /// Cut the links from the first group to the second only.
    PartitionOneWay(Vec<Slot>, Vec<Slot>),
    /// End the partition.
    Heal,
    /// Crash a node.
    Crash(Slot),
    /// Restart a node.
    Restart(Slot),
    /// Pause a node.
    Pause(Slot),
    /// Resume a paused node.
    Resume(Slot),
    /// Link two nodes.
    Connect(Slot, Slot),
    /// Unlink two nodes.
    Disconnect(Slot, Slot),
    /// Make a node byzantine, or honest again.
    SetByzantine(Slot, Option<Byzantine>),
    /// Set a node's step.
    Sync(Slot, u64),
}

/// The actions still to run, by time.
///
/// Actions run in time order, and those due at one time in the order they were scheduled: each
/// is filed under its time and the count of actions scheduled before it.
#[derive(Debug, Default)]
pub(super) struct Script {
    /// The actions by time and scheduling order.
    actions: BTreeMap<(u64, u64), ScriptAction>,
    /// How many actions were ever scheduled.
    scheduled: u64,
}

impl Script {
    /// Schedules `action` at `time_us`, after anything already scheduled for that time.
    pub(super) fn schedule(&mut self, time_us: u64, action: ScriptAction) {
        self.actions.insert((time_us, self.scheduled), action);
        self.scheduled += 1;
    }

    /// When the next action is due.
    pub(super) fn next_time(&self) -> Option<u64> {
        self.actions.first_key_value().map(|(&(time, _), _)| time)
    }

    /// Takes the next action.
    pub(super) fn pop(&mut self) -> Option<ScriptAction> {
        self.actions.pop_first().map(|(_, action)| action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_run_in_time_order_and_in_scheduling_order_at_one_time() {
        let mut script = Script::default();
        script.schedule(20, ScriptAction::Crash(1));
        script.schedule(10, ScriptAction::Heal);
        script.schedule(20, ScriptAction::Restart(1));
        assert_eq!((script.next_time(), script.pop()), (Some(10), Some(ScriptAction::Heal)));
        script.schedule(20, ScriptAction::Crash(2));
        let rest: Vec<ScriptAction> = std::iter::from_fn(|| script.pop()).collect();
        assert_eq!(rest, [ScriptAction::Crash(1), ScriptAction::Restart(1), ScriptAction::Crash(2)]);
        assert_eq!(script.next_time(), None);
    }
}
