//! The engine's state of each node: running, paused, crashed or removed, listened to or not, and
//! its faults (byzantine behaviour, a drifting clock, the last message a replayer heard).

use std::collections::BTreeMap;

use super::authenticity::Credentials;
use super::ledger::Census;
use super::Sender;
use crate::message::Stamp;
use crate::network::{Network, Slot};
use crate::sim::byzantine::Byzantine;

/// The node is crashed: it neither sends, receives, relays nor ticks.
const CRASHED: u8 = 1;
/// The node was removed from the network.
const REMOVED: u8 = 2;
/// The node's owner hears of its arrivals.
const LISTENING: u8 = 4;
/// The node has an entry in [`Nodes::faults`].
const FAULTY: u8 = 8;
/// The node is paused: it neither sends, handles arrivals (they are held), relays nor ticks.
const PAUSED: u8 = 16;
/// The node runs its owner's protocol: the owner hears of its arrivals and relays for it.
const HOSTED: u8 = 32;

/// Sets (`on`) or clears `bit` in a slot's `flags`, keeping `count` (of the slots with it set)
/// right; returns whether it was set before.
fn switch(flags: &mut u8, count: &mut usize, bit: u8, on: bool) -> bool {
    let was = *flags & bit != 0;
    if was != on {
        *flags ^= bit;
        *count = if on { *count + 1 } else { *count - 1 };
    }
    was
}

/// A drifting node's clock: `rate` extra steps per tick, and the fraction carried over.
#[derive(Debug, Clone, Copy)]
struct Drift {
    /// Extra steps per tick, in `-1 ..= 10`.
    rate: f64,
    /// The fraction of a step carried to the next tick.
    carry: f64,
}

impl Drift {
    /// The steps of one tick: 1 plus the rate plus what was carried, in whole steps; the
    /// fraction left is carried to the next tick.
    fn steps(&mut self) -> u64 {
        let total = 1.0 + self.rate + self.carry;
        let whole = libm::floor(total);
        self.carry = total - whole;
        whole as u64
    }
}

/// The last message a replaying node accepted: what its replay resends.
#[derive(Debug, Clone)]
pub(super) struct Heard {
    /// The message's id.
    pub(super) message: u64,
    /// Its step and pattern value.
    pub(super) stamp: Stamp,
    /// Who it claims to be from.
    pub(super) sender: Sender,
    /// Its sequence number, proof and payload.
    pub(super) credentials: Credentials,
}

/// What sets a node apart from an honest one with an exact clock; never all `None` in the table.
#[derive(Debug, Default)]
struct Faults {
    /// How the node lies, if it does.
    byzantine: Option<Byzantine>,
    /// How its clock drifts, if it does.
    drift: Option<Drift>,
    /// The last message it accepted as a replayer.
    heard: Option<Heard>,
}

impl Faults {
    /// Whether the node has no fault left.
    fn is_empty(&self) -> bool {
        self.byzantine.is_none() && self.drift.is_none() && self.heard.is_none()
    }
}

/// Per-node engine state, indexed by slot.
///
/// Every fact is kept once. One byte per slot holds what the hot paths read (crashed, removed,
/// listening, paused, and whether the node has faults); the faults themselves are in a map of the
/// few nodes that have any. The methods keep these invariants: [`FAULTY`] is set exactly for the
/// slots in `faults`, whose entries are never empty; a removed slot is neither crashed, paused nor
/// faulty; no slot is both crashed and paused; `crashed`, `paused`, `listening` and `byzantine`
/// count the slots crashed, paused, listening and with a byzantine behaviour.
#[derive(Debug, Default)]
pub(super) struct Nodes {
    /// Each slot's [`CRASHED`], [`REMOVED`], [`LISTENING`], [`FAULTY`] and [`PAUSED`] bits.
    flags: Vec<u8>,
    /// The faults of the nodes that have any.
    faults: BTreeMap<Slot, Faults>,
    /// Slots crashed.
    crashed: usize,
    /// Slots paused.
    paused: usize,
    /// Slots listening.
    listening: usize,
    /// Slots with a byzantine behaviour.
    byzantine: usize,
}

impl Nodes {
    /// Adds the state of a new slot: running, not listening, no faults.
    pub(super) fn add(&mut self) {
        self.flags.push(0);
    }

    /// Marks `slot` removed, dropping everything else about it.
    pub(super) fn remove(&mut self, slot: Slot) {
        self.set_listening(slot, false);
        self.restart(slot);
        self.resume(slot);
        if let Some(faults) = self.faults.remove(&slot) {
            self.byzantine -= usize::from(faults.byzantine.is_some());
        }
        self.flags[slot as usize] = REMOVED;
    }

    /// Bytes of heap held per slot (the faults of the few faulty nodes are not counted).
    pub(super) fn heap_bytes(&self) -> usize {
        self.flags.capacity()
    }

    /// Whether `slot`'s owner hears of its arrivals (any slot, removed ones included).
    pub(super) fn set_listening(&mut self, slot: Slot, listening: bool) {
        if let Some(flags) = self.flags.get_mut(slot as usize) {
            switch(flags, &mut self.listening, LISTENING, listening);
        }
    }

    /// Whether `slot`'s owner hears of its arrivals.
    pub(super) fn is_listening(&self, slot: Slot) -> bool {
        self.flags[slot as usize] & LISTENING != 0
    }

    /// Makes `slot` (a live node) run its owner's protocol: its arrivals are reported, never
    /// relayed by the engine.
    pub(super) fn set_hosted(&mut self, slot: Slot) {
        self.set_listening(slot, true);
        self.flags[slot as usize] |= HOSTED;
    }

    /// Whether any slot runs its owner's protocol.
    pub(super) fn any_hosted(&self) -> bool {
        self.flags.iter().any(|&flags| flags & HOSTED != 0)
    }

    /// Whether `slot` runs its owner's protocol.
    #[inline(always)]
    pub(super) fn is_hosted(&self, slot: Slot) -> bool {
        self.flags[slot as usize] & HOSTED != 0
    }

    /// Whether any node's owner hears of its arrivals.
    pub(super) fn anyone_listening(&self) -> bool {
        self.listening > 0
    }

    /// Crashes `slot` (a live node), which is then no longer paused; nothing changes when it is
    /// crashed already.
    pub(super) fn crash(&mut self, slot: Slot) {
        self.resume(slot);
        switch(&mut self.flags[slot as usize], &mut self.crashed, CRASHED, true);
    }

    /// Restarts `slot` (a live node); false, changing nothing, when it was not crashed.
    pub(super) fn restart(&mut self, slot: Slot) -> bool {
        switch(&mut self.flags[slot as usize], &mut self.crashed, CRASHED, false)
    }

    /// Whether `slot` is crashed (false for a slot never created).
    pub(super) fn is_crashed(&self, slot: Slot) -> bool {
        self.flags.get(slot as usize).is_some_and(|f| f & CRASHED != 0)
    }

    /// Pauses `slot` (a live node that is not crashed); nothing changes when it is paused already.
    pub(super) fn pause(&mut self, slot: Slot) {
        switch(&mut self.flags[slot as usize], &mut self.paused, PAUSED, true);
    }

    /// Resumes `slot`; false, changing nothing, when it was not paused.
    pub(super) fn resume(&mut self, slot: Slot) -> bool {
        switch(&mut self.flags[slot as usize], &mut self.paused, PAUSED, false)
    }

    /// Whether `slot` is paused (false for a slot never created).
    #[inline(always)]
    pub(super) fn is_paused(&self, slot: Slot) -> bool {
        self.flags.get(slot as usize).is_some_and(|f| f & PAUSED != 0)
    }

    /// Whether `slot` is crashed or removed: nothing reaches it.
    #[inline(always)]
    pub(super) fn is_down(&self, slot: Slot) -> bool {
        self.flags[slot as usize] & (CRASHED | REMOVED) != 0
    }

    /// Whether `slot` names a node created and not removed, as its flags alone say (no lookup in
    /// the network's node table).
    pub(super) fn is_live(&self, slot: Slot) -> bool {
        self.flags.get(slot as usize).is_some_and(|f| f & REMOVED == 0)
    }

    /// Whether `slot` names a node created and not removed, neither crashed nor paused.
    pub(super) fn is_running(&self, slot: Slot) -> bool {
        self.flags.get(slot as usize).is_some_and(|f| f & (CRASHED | REMOVED | PAUSED) == 0)
    }

    /// Whether every node runs: none is crashed or paused.
    pub(super) fn all_running(&self) -> bool {
        self.crashed == 0 && self.paused == 0
    }

    /// Whether no node is paused.
    pub(super) fn none_paused(&self) -> bool {
        self.paused == 0
    }

    /// Whether no node has a byzantine behaviour.
    pub(super) fn all_honest(&self) -> bool {
        self.byzantine == 0
    }

    /// The byzantine behaviour of `slot`, if it has one.
    #[inline(always)]
    pub(super) fn byzantine(&self, slot: Slot) -> Option<&Byzantine> {
        self.faults_of(slot)?.byzantine.as_ref()
    }

    /// Makes `slot` byzantine, or honest again with `None` (which also forgets what it heard).
    pub(super) fn set_byzantine(&mut self, slot: Slot, behaviour: Option<Byzantine>) {
        let has = behaviour.is_some();
        let had = self.change_faults(slot, |faults| {
            if !has {
                faults.heard = None;
            }
            std::mem::replace(&mut faults.byzantine, behaviour).is_some()
        });
        self.byzantine = self.byzantine + usize::from(has) - usize::from(had);
    }

    /// Makes `slot`'s clock drift by `rate` extra steps per tick (exact again with 0).
    pub(super) fn set_drift(&mut self, slot: Slot, rate: f64) {
        let drift = (rate != 0.0).then_some(Drift { rate, carry: 0.0 });
        self.change_faults(slot, |faults| faults.drift = drift);
    }

    /// The last message the replaying node `slot` accepted.
    pub(super) fn heard(&self, slot: Slot) -> Option<&Heard> {
        self.faults_of(slot)?.heard.as_ref()
    }

    /// Remembers `heard` as the last message the byzantine node `slot` accepted.
    pub(super) fn remember(&mut self, slot: Slot, heard: Heard) {
        self.change_faults(slot, |faults| faults.heard = Some(heard));
    }

    /// The steps `slot` advances on a tick: none when crashed or paused, else one, or as its clock
    /// drifts.
    pub(super) fn tick_steps(&mut self, slot: Slot) -> Option<u64> {
        let flags = self.flags[slot as usize];
        if flags & (CRASHED | PAUSED) != 0 {
            return None;
        }
        if flags & FAULTY == 0 {
            return Some(1);
        }
        let drift = self.faults.get_mut(&slot).and_then(|faults| faults.drift.as_mut());
        Some(drift.map_or(1, Drift::steps))
    }

    /// Reads `slot`'s state byte, so that a coming arrival finds it in cache (see
    /// [`super::warm::Warmer`]).
    #[inline(always)]
    pub(super) fn warm(&self, slot: Slot) -> u64 {
        u64::from(self.flags.get(slot as usize).copied().unwrap_or(0))
    }

    /// How the live nodes of `network` stand: not crashed (running or paused) and crashed, and
    /// the steps of those not crashed.
    pub(super) fn census(&self, network: &Network) -> Census {
        let (mut online, mut crashed, mut min_step, mut max_step) = (0u32, 0u32, u64::MAX, 0u64);
        for slot in 0..network.slot_count() as Slot {
            if !network.is_alive(slot) {
                continue;
            }
            let step = network.touch(slot);
            if self.is_crashed(slot) {
                crashed += 1;
            } else {
                online += 1;
                min_step = min_step.min(step);
                max_step = max_step.max(step);
            }
        }
        let min_step = if online == 0 { 0 } else { min_step };
        Census { online, crashed, min_step, max_step }
    }

    /// The faults of `slot`, if it has any.
    #[inline(always)]
    fn faults_of(&self, slot: Slot) -> Option<&Faults> {
        if self.flags[slot as usize] & FAULTY == 0 {
            return None;
        }
        self.faults.get(&slot)
    }

    /// Applies `change` to `slot`'s faults, keeping the entry and its flag only while it holds
    /// something.
    fn change_faults<T>(&mut self, slot: Slot, change: impl FnOnce(&mut Faults) -> T) -> T {
        let faults = self.faults.entry(slot).or_default();
        let result = change(faults);
        if faults.is_empty() {
            self.faults.remove(&slot);
            self.flags[slot as usize] &= !FAULTY;
        } else {
            self.flags[slot as usize] |= FAULTY;
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::engine::Proof;

    fn nodes(n: usize) -> Nodes {
        let mut nodes = Nodes::default();
        (0..n).for_each(|_| nodes.add());
        nodes
    }

    #[test]
    fn crashes_and_listeners_are_counted_once_each() {
        let mut nodes = nodes(3);
        nodes.crash(1);
        nodes.crash(1);
        nodes.set_listening(2, true);
        nodes.set_listening(2, true);
        assert!(!nodes.all_running() && nodes.anyone_listening());
        assert!(nodes.is_crashed(1) && nodes.is_down(1) && !nodes.is_crashed(7));
        assert!(nodes.restart(1) && !nodes.restart(1) && nodes.all_running());
        nodes.set_listening(2, false);
        assert!(!nodes.anyone_listening());
    }

    #[test]
    fn removing_a_node_drops_its_crash_listening_and_faults() {
        let mut nodes = nodes(2);
        nodes.crash(0);
        nodes.set_listening(0, true);
        nodes.set_byzantine(0, Some(Byzantine::BlackHole));
        nodes.set_drift(0, 0.5);
        nodes.pause(1);
        nodes.remove(0);
        nodes.remove(1);
        assert!(nodes.all_running() && !nodes.anyone_listening() && nodes.all_honest());
        assert!(!nodes.is_paused(1) && nodes.none_paused());
        assert!(nodes.is_down(0) && !nodes.is_crashed(0) && nodes.faults.is_empty());
        assert_eq!(nodes.tick_steps(0), Some(1), "a removed slot is left to the network, which skips it");
    }

    #[test]
    fn a_pause_is_counted_once_ends_with_a_resume_or_a_crash_and_stops_the_clock() {
        let mut nodes = nodes(3);
        nodes.pause(1);
        nodes.pause(1);
        assert!(nodes.is_paused(1) && !nodes.is_down(1));
        assert!(!nodes.all_running() && !nodes.none_paused() && !nodes.is_paused(9));
        assert_eq!(nodes.tick_steps(1), None, "a paused node does not tick");
        assert!(nodes.resume(1) && !nodes.resume(1) && nodes.all_running());
        assert_eq!(nodes.tick_steps(1), Some(1));
        nodes.pause(2);
        nodes.crash(2);
        assert!(nodes.is_crashed(2) && !nodes.is_paused(2) && nodes.none_paused(), "a crash ends the pause");
    }

    #[test]
    fn faults_are_kept_only_while_a_node_has_any() {
        let mut nodes = nodes(2);
        nodes.set_byzantine(1, Some(Byzantine::Replay));
        nodes.set_byzantine(1, Some(Byzantine::Replay));
        let heard = Heard {
            message: 4,
            stamp: Stamp { global_step: 1, pattern_value: 2 },
            sender: Sender::Node(0),
            credentials: Credentials { sequence: 0, proof: Proof::None, payload: Box::default() },
        };
        nodes.remember(1, heard);
        nodes.set_byzantine(1, Some(Byzantine::BlackHole));
        assert_eq!(nodes.heard(1).map(|h| h.message), Some(4), "a new behaviour keeps what it heard");
        assert_eq!((nodes.byzantine, nodes.byzantine(1)), (1, Some(&Byzantine::BlackHole)));
        nodes.set_drift(1, 1.0);
        nodes.set_byzantine(1, None);
        assert!(nodes.all_honest() && nodes.heard(1).is_none() && nodes.flags[1] & FAULTY != 0);
        nodes.set_drift(1, 0.0);
        assert!(nodes.faults.is_empty() && nodes.flags[1] & FAULTY == 0);
        nodes.set_byzantine(0, None);
        assert!(nodes.faults.is_empty() && nodes.all_honest());
    }

    #[test]
    fn a_drifting_clock_carries_its_fraction_and_a_crashed_one_stands_still() {
        let mut nodes = nodes(3);
        nodes.set_drift(0, -0.5);
        nodes.set_drift(1, 0.25);
        nodes.crash(2);
        let steps = |nodes: &mut Nodes, slot| (0..4).map(|_| nodes.tick_steps(slot)).collect::<Vec<_>>();
        assert_eq!(steps(&mut nodes, 0), [Some(0), Some(1), Some(0), Some(1)]);
        assert_eq!(steps(&mut nodes, 1), [Some(1), Some(1), Some(1), Some(2)]);
        assert_eq!(steps(&mut nodes, 2), [None; 4]);
    }
}
