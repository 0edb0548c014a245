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

/// A pending timer as it waits in the queue, with everything deciding whether it fires, so that
/// firing reads the queue in order rather than a table at random (a million timers' table is far
/// bigger than the cache). Its entry number is its id, reused by a later timer once it fired or
/// was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pending {
    /// How many timers were set before it.
    order: u64,
    /// The bits of a bulk timer's tag, or [`NO_TAG`].
    tag: u64,
    /// Its entry: its id; [`NO_ENTRY`] for a bulk timer (it cannot be cancelled, and its owner
    /// never hears of it by id).
    entry: u32,
    /// Its node, or [`NETWORK`].
    owner: u32,
}

/// The `tag` of a timer that is not a bulk timer: a NaN, never the bits of a (finite) tag.
const NO_TAG: u64 = u64::MAX;

impl Pending {
    /// The bulk timer's tag, or `None`.
    fn tag(&self) -> Option<f64> {
        (self.tag != NO_TAG).then(|| f64::from_bits(self.tag))
    }
}

/// The `owner` of a network timer.
const NETWORK: u32 = u32::MAX;

/// The `entry` of a bulk timer: none.
const NO_ENTRY: u32 = u32::MAX;

/// The pending timers, and what decides whether each one still fires.
///
/// A timer's id is its entry's number: small, and reused from the run after the timer fired or
/// was dropped (the owner of the callbacks tells a later timer from an earlier one). Cancelled timers and those of a node
/// that crashed or was removed since they were set stay queued until they are due,
/// where they are dropped unfired: cancelling and crashing cost O(1) however many are pending.
#[derive(Debug, Default)]
pub(super) struct Timers {
    /// The pending timers by due time, earliest (then first set) first.
    queue: TimerQueue<Pending>,
    /// By entry, one bit each: whether its timer is pending and not cancelled.
    armed: Vec<u64>,
    /// Entries ever used.
    entries: u32,
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
    /// Timers of paused nodes that came due, in the order they came due.
    held: Vec<Pending>,
    /// The timers done with since the last drain, in order: (id, whether it fired or was dropped).
    done: Vec<(u64, bool)>,
}

impl Timers {
    /// Sets a timer of `owner` due at `time_us`; returns its id.
    pub(super) fn set(&mut self, time_us: u64, owner: TimerOwner) -> u64 {
        let entry = self.free.pop().unwrap_or_else(|| {
            self.entries += 1;
            if self.armed.len() * 64 < self.entries as usize {
                self.armed.push(0);
            }
            self.entries - 1
        });
        self.arm(entry, true);
        self.enqueue(time_us, NO_TAG, entry, owner.unwrap_or(NETWORK));
        u64::from(entry)
    }

    /// Sets a bulk timer of node `slot` due at `time_us`, which fires with `tag`.
    pub(super) fn set_bulk(&mut self, time_us: u64, slot: Slot, tag: f64) {
        self.enqueue(time_us, tag.to_bits(), NO_ENTRY, slot);
    }

    /// Queues a new timer due at `time_us`, numbered in the order timers are set.
    fn enqueue(&mut self, time_us: u64, tag: u64, entry: u32, owner: u32) {
        self.queue.push(time_us, Pending { order: self.set, tag, entry, owner });
        self.set += 1;
    }

    /// Cancels the pending timer `id` (an id not pending names no timer or a later one).
    pub(super) fn cancel(&mut self, id: u64) {
        if let Ok(entry) = u32::try_from(id) {
            if entry < self.entries {
                self.arm(entry, false);
            }
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
        while let Some((time_us, pending)) = self.queue.peek() {
            if self.is_live(&pending) {
                return Some(time_us);
            }
            self.queue.pop();
            self.finish(&pending, false);
        }
        None
    }

    /// Takes every timer due at `time_us` (the next due time): a network timer fires, a node's
    /// meets the `fate` of its node. Records each for [`Timers::drain_done`] (but bulk timers)
    /// and tells `fired` the id (for a bulk timer, the count of timers set before it), owner
    /// (`u32::MAX` for the network) and bulk tag of each that fires; returns whether any did.
    pub(super) fn fire_due(
        &mut self,
        time_us: u64,
        fate: impl Fn(Slot) -> Fate,
        mut fired: impl FnMut(u64, u32, Option<f64>),
    ) -> bool {
        let mut any = false;
        while let Some(pending) = self.queue.pop_due(time_us) {
            let fate = match self.is_live(&pending) {
                false => Fate::Drop,
                true if pending.owner == NETWORK => Fate::Fire,
                true => fate(pending.owner),
            };
            match fate {
                Fate::Fire => {
                    any = true;
                    fired(self.finish(&pending, true), pending.owner, pending.tag());
                }
                Fate::Hold => self.held.push(pending),
                Fate::Drop => {
                    self.finish(&pending, false);
                }
            }
        }
        any
    }

    /// Makes the timers `slot` held while paused due at `time_us` (it resumed), in the order
    /// they came due; those its crash or removal voided meanwhile are dropped.
    pub(super) fn release(&mut self, slot: Slot, time_us: u64) {
        let held = std::mem::take(&mut self.held);
        for pending in held {
            if pending.owner != slot {
                self.held.push(pending);
            } else if self.is_live(&pending) {
                self.queue.push(time_us, pending);
            } else {
                self.finish(&pending, false);
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
            + self.armed.capacity() * 8
            + (self.free.capacity() + self.released.capacity()) * 4
            + self.voided_before.capacity() * 8
            + self.held.capacity() * std::mem::size_of::<Pending>()
            + self.done.capacity() * 16
    }

    /// Sets or clears the armed bit of `entry`.
    fn arm(&mut self, entry: u32, armed: bool) {
        let (word, bit) = ((entry / 64) as usize, 1u64 << (entry % 64));
        if armed {
            self.armed[word] |= bit;
        } else {
            self.armed[word] &= !bit;
        }
    }

    /// Whether `pending` is armed (a bulk timer always is) and not voided by its node's crash
    /// or removal.
    fn is_live(&self, pending: &Pending) -> bool {
        let entry = pending.entry;
        let armed = entry == NO_ENTRY || self.armed[(entry / 64) as usize] & (1 << (entry % 64)) != 0;
        armed
            && (pending.owner == NETWORK
                || self.voided_before.get(pending.owner as usize).is_none_or(|&v| pending.order >= v))
    }

    /// Is done with `pending` (it `fired`, or was dropped), freeing its entry for a later timer;
    /// returns its id (for a bulk timer, the count of timers set before it). Its owner hears of
    /// it unless it is a bulk timer.
    fn finish(&mut self, pending: &Pending, fired: bool) -> u64 {
        if pending.entry == NO_ENTRY {
            return pending.order;
        }
        self.arm(pending.entry, false);
        self.released.push(pending.entry);
        let id = u64::from(pending.entry);
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
        timers.fire_due(time, fate, |_, _, _| {});
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
