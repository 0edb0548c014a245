//! The timer queue: items by due time, in insertion order at equal times. A timing wheel holds
//! what is due within about a second, in slots of 4096 µs; a radix heap holds the rest.

use super::chunked_lists::ChunkedLists;
use super::radix_heap::RadixHeap;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Bits of a key below its slot's number: a slot spans 4096 keys (µs).
const SLOT_BITS: u32 = 12;
/// Slots in the wheel, from the open one on.
const SLOTS: usize = 256;

/// Items keyed by due time.
///
/// The wheel holds the items of the open slot and of the `SLOTS - 1` slots after it (a key's
/// slot is `key >> SLOT_BITS`), slot `s` at position `s % SLOTS`, each in insertion order: a push
/// is an append, and a slot's items are sorted by key (stably, keeping insertion order among
/// equal keys) only when it opens and only if they came out of order. A few hundred slots take
/// every push (a thousand write streams thrash the cache where a few hundred do not), and the
/// items sit in chunks shared by all slots, so the wheel holds about what it queues. Items due later wait in the radix heap and move to the wheel, in
/// their order, as soon as the open slot comes within a wheel of their slot (so before any item
/// pushed after that, which keeps insertion order among equal keys).
///
/// An item pushed for the open slot or before it, once it is open, goes to a small heap of late
/// items by key and insertion count: the next item is the earlier of that heap's first and the
/// open slot's next (the slot's at equal keys: it was pushed first).
#[derive(Debug)]
pub(super) struct TimerQueue<T> {
    /// The slots' items, by position.
    wheel: ChunkedLists<(u64, T)>,
    /// One bit per position: whether it holds items.
    filled: Vec<u64>,
    /// One bit per position: whether its items may be out of key order.
    unsorted: Vec<u64>,
    /// The open slot's number: its items are in order, the first `taken` of them taken.
    open: u64,
    /// How many items of the open slot were taken already.
    taken: usize,
    /// Items pushed for the open slot or before it since it opened, by key and insertion count.
    late: BinaryHeap<Reverse<(u64, u64, T)>>,
    /// Items ever pushed to `late`.
    late_count: u64,
    /// Items due in a slot beyond the wheel.
    far: RadixHeap<T>,
    /// Items queued.
    len: usize,
}

impl<T: Copy> Default for TimerQueue<T> {
    fn default() -> Self {
        Self {
            wheel: ChunkedLists::new(SLOTS),
            filled: vec![0; SLOTS / 64],
            unsorted: vec![0; SLOTS / 64],
            open: 0,
            taken: 0,
            late: BinaryHeap::new(),
            late_count: 0,
            far: RadixHeap::default(),
            len: 0,
        }
    }
}

impl<T: Copy + Ord> TimerQueue<T> {
    /// Queues `item` due at `key`.
    pub(super) fn push(&mut self, key: u64, item: T) {
        self.len += 1;
        let slot = key >> SLOT_BITS;
        if slot <= self.open {
            self.late_count += 1;
            self.late.push(Reverse((key, self.late_count, item)));
        } else if slot - self.open < SLOTS as u64 {
            self.append(key, item);
        } else {
            self.far.push(key, item);
        }
    }

    /// The earliest item and its key, without taking it.
    pub(super) fn peek(&mut self) -> Option<(u64, T)> {
        self.earliest().map(|(key, item, _)| (key, item))
    }

    /// Takes the earliest item (the first queued among the earliest).
    pub(super) fn pop(&mut self) -> Option<(u64, T)> {
        let (key, item, late) = self.earliest()?;
        self.take(late);
        Some((key, item))
    }

    /// Takes the earliest item if it is due at `key`.
    pub(super) fn pop_due(&mut self, key: u64) -> Option<T> {
        let (due, item, late) = self.earliest()?;
        (due == key).then(|| {
            self.take(late);
            item
        })
    }

    /// Items queued.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Bytes of heap held.
    pub(super) fn heap_bytes(&self) -> usize {
        self.wheel.heap_bytes()
            + (self.filled.capacity() + self.unsorted.capacity()) * 8
            + self.late.capacity() * std::mem::size_of::<Reverse<(u64, u64, T)>>()
            + self.far.heap_bytes()
    }

    /// Appends `item` due at `key` to its slot in the wheel (not the open one).
    fn append(&mut self, key: u64, item: T) {
        let at = position(key >> SLOT_BITS);
        if self.wheel.push(at, (key, item)).is_some_and(|(last, _)| last > key) {
            set_bit(&mut self.unsorted, at, true);
        }
        set_bit(&mut self.filled, at, true);
    }

    /// Opens the next slot that holds items, the open one being used up: moves the items of
    /// the radix heap that come within a wheel of it, and sorts it if need be. False when no item
    /// is left.
    fn turn(&mut self) -> bool {
        let at = position(self.open);
        self.wheel.clear(at);
        self.taken = 0;
        set_bit(&mut self.filled, at, false);
        let in_wheel = self.next_filled(at).map(|ahead| self.open + ahead as u64);
        let in_far = self.far.peek().map(|(key, _)| key >> SLOT_BITS);
        let Some(next) = in_wheel.into_iter().chain(in_far).min() else {
            return false;
        };
        self.open = next;
        while let Some((key, item)) = self.far.peek() {
            if (key >> SLOT_BITS) - next >= SLOTS as u64 {
                break;
            }
            self.far.pop();
            self.append(key, item);
        }
        let at = position(next);
        if bit(&self.unsorted, at) {
            self.wheel.sort_by_key(at, |&(key, _)| key);
            set_bit(&mut self.unsorted, at, false);
        }
        true
    }

    /// Takes the earliest item, a late one or not.
    fn take(&mut self, late: bool) {
        self.len -= 1;
        if late {
            self.late.pop();
        } else {
            self.taken += 1;
        }
    }

    /// The earliest item, its key, and whether it is a late one; turns to the next slot while
    /// the open one is used up.
    fn earliest(&mut self) -> Option<(u64, T, bool)> {
        loop {
            let next = self.wheel.get(position(self.open), self.taken);
            let late = self.late.peek().map(|&Reverse((key, _, item))| (key, item));
            match (next, late) {
                (Some((key, item)), Some(late)) if key <= late.0 => return Some((key, item, false)),
                (_, Some((key, item))) => return Some((key, item, true)),
                (Some((key, item)), None) => return Some((key, item, false)),
                (None, None) if self.turn() => {}
                (None, None) => return None,
            }
        }
    }

    /// How many positions after `at` (1 to `SLOTS - 1`, going round) the next one holding
    /// items is, if any (`at` holds none).
    fn next_filled(&self, at: usize) -> Option<usize> {
        let (mut from, mut ahead) = ((at + 1) % SLOTS, 1);
        while ahead < SLOTS {
            let word = self.filled[from / 64] >> (from % 64);
            if word != 0 {
                let found = ahead + word.trailing_zeros() as usize;
                return (found < SLOTS).then_some(found);
            }
            let skip = 64 - from % 64;
            ahead += skip;
            from = (from + skip) % SLOTS;
        }
        None
    }
}

/// The wheel position of slot `slot`.
fn position(slot: u64) -> usize {
    (slot % SLOTS as u64) as usize
}

/// Bit `at` of `bits`.
fn bit(bits: &[u64], at: usize) -> bool {
    bits[at / 64] & (1 << (at % 64)) != 0
}

/// Sets bit `at` of `bits` to `value`.
fn set_bit(bits: &mut [u64], at: usize, value: bool) {
    let mask = 1 << (at % 64);
    if value {
        bits[at / 64] |= mask;
    } else {
        bits[at / 64] &= !mask;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pushes 50 000 items due `delay(order, draw)` from the last popped key, popping one every
    /// other push and looking ahead after each pop (as the engine's run loop does); checks every
    /// pop against a binary heap on (key, insertion order).
    fn matches_a_heap(delay: impl Fn(u32, u64) -> u64) {
        let mut rng = crate::sim::rng::SimRng::new(9);
        let mut queue = TimerQueue::default();
        let mut reference = BinaryHeap::new();
        let mut now = 0;
        for order in 0..50_000u32 {
            let key = now + delay(order, u64::from(rng.below(1 << 30)));
            queue.push(key, order);
            reference.push(Reverse((key, order)));
            if order % 2 == 0 {
                let popped = queue.pop();
                assert_eq!(popped, reference.pop().map(|Reverse(x)| x));
                now = popped.map_or(now, |(key, _)| key);
                queue.peek();
            }
        }
        assert_eq!(queue.len(), reference.len());
        while let Some(Reverse(expected)) = reference.pop() {
            assert_eq!(queue.pop(), Some(expected));
        }
        assert_eq!((queue.pop(), queue.len()), (None, 0));
    }

    #[test]
    fn whole_milliseconds_come_out_by_time_then_insertion_order() {
        matches_a_heap(|_, draw| (1 + draw % 1000) * 1000);
    }

    #[test]
    fn microseconds_due_in_the_open_slot_come_out_in_order() {
        matches_a_heap(|order, draw| if order % 3 == 0 { 0 } else { draw % 3_000 });
    }

    #[test]
    fn keys_beyond_the_wheel_move_to_it_in_order() {
        // Far keys in few values, so that some are equal to keys pushed later into the wheel.
        matches_a_heap(|order, draw| match order % 4 {
            0 => draw % 64 * 400_000,
            1 => draw,
            _ => draw % 2_000_000 / 1024 * 1024,
        });
    }

    #[test]
    fn a_key_before_the_open_slot_comes_out_first() {
        let mut queue = TimerQueue::default();
        queue.push(10, 'a');
        queue.push(5_000, 'b');
        queue.push(3_000_000, 'c');
        assert_eq!(queue.pop(), Some((10, 'a')));
        assert_eq!(queue.peek(), Some((5_000, 'b')), "looking ahead opens the next slot");
        queue.push(20, 'd');
        queue.push(5_000, 'e');
        let order: Vec<_> = std::iter::from_fn(|| queue.pop()).collect();
        assert_eq!(order, [(20, 'd'), (5_000, 'b'), (5_000, 'e'), (3_000_000, 'c')]);
    }
}
