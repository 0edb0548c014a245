//! Virtual timers: callbacks the owner of the nodes asked for at a virtual time, kept here as ids
//! in due order (the owner keeps the callbacks).
//!
//! A timer belongs to a node or to the whole network. It fires at its time, among other timers
//! due then in the order they were set; a node's timer fires only if the node is running then and
//! has not crashed or been removed since the timer was set.

use super::timer_queue::TimerQueue;
use crate::network::Slot;

/// Who a timer belongs to: a node, or the network (`None`).
pub type TimerOwner = Option<Slot>;

/// What happens to a node's timer that comes due, by the node's state then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fate {
    /// The node is running: the timer fires.
    Fire,
    /// The node is paused: the timer waits for its resume.
    Hold,
    /// The node is crashed or removed: the timer is dropped.
    Drop,
}

/// A timer's entry; its number is the timer's id, reused by a later timer once it fired or was
/// dropped.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Its node, or [`NETWORK`].
    owner: u32,
    /// Whether it is pending and not cancelled.
    armed: bool,
    /// How many timers were set before it.
    order: u64,
}

/// The `owner` of a network timer.
const NETWORK: u32 = u32::MAX;

/// The pending timers, and what decides whether each one still fires.
///
/// A timer's id is its entry's number: small, and reused from the run after the timer fired or
/// was dropped (the owner of the callbacks tells a later timer from an earlier one). Cancelled timers and those of a node
/// that crashed or was removed since they were set stay queued until they are due,
/// where they are dropped unfired: cancelling and crashing cost O(1) however many are pending.
#[derive(Debug, Default)]
pub(super) struct Timers {
    /// The entries of pending timers by due time, earliest (then first set) first.
    queue: TimerQueue<u32>,
    /// Every timer's entry, by entry number.
    entries: Vec<Entry>,
    /// Entries free for reuse, the last freed on top: a timer set after the one that just fired
    /// gets its entry, still in cache here and in the facade's tables.
    free: Vec<u32>,
    /// Entries of timers done with since the last run began: free only from the next run on, once
    /// the owner has heard of them (else a callback could get the id of a timer that fired with
    /// it and whose callback has not run yet).
    released: Vec<u32>,
    /// Timers ever set.
    set: u64,
    /// By node slot: the count of timers set before its last crash or removal (those of it never fire).
    voided_before: Vec<u64>,
    /// Timers of paused nodes that came due, as (node, entry), in the order they came due.
    held: Vec<(Slot, u32)>,
    /// The timers done with since the last drain, in order: (id, whether it fired or was dropped).
    done: Vec<(u64, bool)>,
}

impl Timers {
    /// Sets a timer of `owner` due at `time_us`; returns its id.
    pub(super) fn set(&mut self, time_us: u64, owner: TimerOwner) -> u64 {
        let owner = owner.unwrap_or(NETWORK);
        let entry = match self.free.pop() {
            Some(entry) => entry,
            None => {
                self.entries.push(Entry { owner, armed: false, order: 0 });
                (self.entries.len() - 1) as u32
            }
        };
        let slot = &mut self.entries[entry as usize];
        (slot.owner, slot.armed, slot.order) = (owner, true, self.set);
        self.queue.push(time_us, entry);
        self.set += 1;
        u64::from(entry)
    }

    /// Cancels the pending timer `id` (an id not pending names no timer or a later one).
    pub(super) fn cancel(&mut self, id: u64) {
        if let Some(entry) = usize::try_from(id).ok().and_then(|id| self.entries.get_mut(id)) {
            entry.armed = false;
        }
    }

    /// Voids every pending timer of `slot` (it crashed or was removed).
    pub(super) fn void_node(&mut self, slot: Slot) {
        let at = slot as usize;
        if self.voided_before.len() <= at {
            self.voided_before.resize(at + 1, 0);
        }
        self.voided_before[at] = self.set;
    }

    /// When the next timer that may fire is due (dropping the cancelled and voided ones on top).
    pub(super) fn next_time(&mut self) -> Option<u64> {
        while let Some((time_us, entry)) = self.queue.peek() {
            if self.is_live(entry) {
                return Some(time_us);
            }
            self.queue.pop();
            self.finish(entry, false);
        }
        None
    }

    /// Takes every timer due at `time_us` (the next due time): a network timer fires, a node's
    /// meets the `fate` of its node. Records each for [`Timers::drain_done`] and tells `fired`
    /// the id and owner (`u32::MAX` for the network) of each that fires; returns whether any did.
    pub(super) fn fire_due(
        &mut self,
        time_us: u64,
        fate: impl Fn(Slot) -> Fate,
        mut fired: impl FnMut(u64, u32),
    ) -> bool {
        let before = self.done.len();
        while let Some((due_us, entry)) = self.queue.peek() {
            if due_us != time_us {
                break;
            }
            self.queue.pop();
            let owner = self.entries[entry as usize].owner;
            let fate = match self.is_live(entry) {
                false => Fate::Drop,
                true if owner == NETWORK => Fate::Fire,
                true => fate(owner),
            };
            match fate {
                Fate::Fire => fired(self.finish(entry, true), owner),
                Fate::Hold => self.held.push((owner, entry)),
                Fate::Drop => {
                    self.finish(entry, false);
                }
            }
        }
        self.done[before..].iter().any(|&(_, fired)| fired)
    }

    /// Makes the timers `slot` held while paused due at `time_us` (it resumed), in the order
    /// they came due; those its crash or removal voided meanwhile are dropped.
    pub(super) fn release(&mut self, slot: Slot, time_us: u64) {
        let held = std::mem::take(&mut self.held);
        for (owner, entry) in held {
            if owner != slot {
                self.held.push((owner, entry));
            } else if self.is_live(entry) {
                self.queue.push(time_us, entry);
            } else {
                self.finish(entry, false);
            }
        }
    }

    /// Frees the entries of the timers done with before this run (their owner has heard of them).
    pub(super) fn recycle(&mut self) {
        self.free.append(&mut self.released);
    }

    /// The timers done with since the last call, in order: each id, and whether it fired (else
    /// it was dropped unfired: cancelled, or voided, or its node was down).
    pub(super) fn drain_done(&mut self) -> std::vec::Drain<'_, (u64, bool)> {
        self.done.drain(..)
    }

    /// Timers set and not yet fired or dropped (cancelled and voided ones included until they
    /// are due; held ones included).
    pub(super) fn len(&self) -> usize {
        self.queue.len() + self.held.len()
    }

    /// Bytes of heap held.
    pub(super) fn heap_bytes(&self) -> usize {
        self.queue.heap_bytes()
            + self.entries.capacity() * std::mem::size_of::<Entry>()
            + (self.free.capacity() + self.released.capacity()) * 4
            + self.voided_before.capacity() * 8
            + self.held.capacity() * 8
            + self.done.capacity() * 16
    }

    /// Whether the timer of `entry` is armed and not voided by its node's crash or removal.
    fn is_live(&self, entry: u32) -> bool {
        let entry = self.entries[entry as usize];
        entry.armed
            && (entry.owner == NETWORK
                || self.voided_before.get(entry.owner as usize).is_none_or(|&v| entry.order >= v))
    }

    /// Is done with the timer of `entry` (it `fired`, or was dropped), freeing the entry for a
    /// later timer; returns its id.
    fn finish(&mut self, entry: u32, fired: bool) -> u64 {
        self.entries[entry as usize].armed = false;
        self.released.push(entry);
        let id = u64::from(entry);
        self.done.push((id, fired));
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fires the timers due next (nodes in `paused` hold theirs, those in `down` drop theirs);
    /// returns the time and each timer done with, as (id, fired).
    fn fire(timers: &mut Timers, paused: &[Slot], down: &[Slot]) -> Option<(u64, Vec<(u64, bool)>)> {
        let time = timers.next_time()?;
        let fate = |slot| {
            if paused.contains(&slot) {
                Fate::Hold
            } else if down.contains(&slot) {
                Fate::Drop
            } else {
                Fate::Fire
            }
        };
        timers.fire_due(time, fate, |_, _| {});
        Some((time, timers.drain_done().collect()))
    }

    #[test]
    fn timers_fire_by_time_then_in_the_order_set() {
        let mut timers = Timers::default();
        let ids: Vec<u64> = [(30, Some(1)), (10, None), (30, None), (10, Some(2))]
            .into_iter()
            .map(|(time, owner)| timers.set(time, owner))
            .collect();
        assert_eq!(ids, [0, 1, 2, 3], "new entries");
        assert_eq!(fire(&mut timers, &[], &[]), Some((10, vec![(1, true), (3, true)])));
        assert_eq!(fire(&mut timers, &[], &[]), Some((30, vec![(0, true), (2, true)])));
        assert_eq!(fire(&mut timers, &[], &[]), None);
    }

    #[test]
    fn cancelled_and_voided_timers_are_dropped_unfired_and_their_ids_reused() {
        let mut timers = Timers::default();
        let a = timers.set(5, Some(0));
        let b = timers.set(5, Some(1));
        let c = timers.set(7, None);
        timers.cancel(b);
        timers.void_node(0);
        let d = timers.set(9, Some(0));
        assert_eq!(fire(&mut timers, &[], &[]), Some((7, vec![(a, false), (b, false), (c, true)])));
        assert_eq!(fire(&mut timers, &[], &[]), Some((9, vec![(d, true)])), "set after the crash: it fires");
        assert_eq!(timers.len(), 0);
        assert_eq!(timers.set(10, None), 4, "no entry is reused before the next run");
        timers.recycle();
        assert_eq!(timers.set(10, None), d, "then the last entry freed is");
    }

    #[test]
    fn a_node_down_at_the_due_time_drops_its_timer_and_a_paused_one_holds_it_until_resumed() {
        let mut timers = Timers::default();
        let down = timers.set(4, Some(3));
        let held = timers.set(4, Some(5));
        let network = timers.set(4, None);
        let voided = timers.set(4, Some(6));
        assert_eq!(fire(&mut timers, &[5, 6], &[3]), Some((4, vec![(down, false), (network, true)])));
        assert_eq!(timers.len(), 2, "two held");
        timers.void_node(6);
        timers.release(6, 8);
        timers.release(5, 9);
        assert_eq!(timers.drain_done().collect::<Vec<_>>(), [(voided, false)], "voided while held: dropped");
        assert_eq!(fire(&mut timers, &[], &[]), Some((9, vec![(held, true)])), "due at the resume");
    }
}
