//! A radix heap: items by due time, in insertion order at equal times (the timer queue keeps the
//! timers due beyond its wheel here).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Items keyed by due time.
///
/// Bucket 0 holds the items due at the last key spread to it, in insertion order; bucket `i` those
/// whose key differs from it first in bit `i - 1`. When bucket 0 runs out, the lowest non-empty
/// bucket is spread over the buckets below it around its smallest key. Every move is an append
/// in order, so items due together keep their insertion order, and each item moves at most once
/// per bit of its distance from the last key: no item is ever compared with the whole queue, and
/// the buffers are read and written in sequence (a binary heap of a million timers spends its
/// time waiting for cache misses).
///
/// Looking at the earliest item spreads a bucket too, which moves the last key ahead to that
/// item's before it is taken. An item pushed with a key below the last key (after such a look)
/// goes to a small heap of early items, which come out first: every key there is below every
/// bucket's, and early items keep their insertion order among themselves. Timers set for before
/// the next one due are rare, so that heap stays small.
#[derive(Debug)]
pub(super) struct RadixHeap<T> {
    /// The 65 buckets.
    buckets: Vec<Vec<(u64, T)>>,
    /// Items due before the key of bucket 0, by key and insertion count.
    early: BinaryHeap<Reverse<(u64, u64, T)>>,
    /// Items ever pushed to `early`.
    early_count: u64,
    /// How many items of bucket 0 were taken already.
    taken: usize,
    /// The key of bucket 0's items.
    last: u64,
}

impl<T> Default for RadixHeap<T> {
    fn default() -> Self {
        Self {
            buckets: (0..65).map(|_| Vec::new()).collect(),
            early: BinaryHeap::new(),
            early_count: 0,
            taken: 0,
            last: 0,
        }
    }
}

impl<T: Copy + Ord> RadixHeap<T> {
    /// Queues `item` due at `key`.
    pub(super) fn push(&mut self, key: u64, item: T) {
        if key < self.last {
            self.early_count += 1;
            self.early.push(Reverse((key, self.early_count, item)));
            return;
        }
        let bucket = self.bucket(key);
        self.buckets[bucket].push((key, item));
    }

    /// The earliest item and its key, without taking it: an early one (every key there is below
    /// every bucket's), else the next of bucket 0.
    pub(super) fn peek(&mut self) -> Option<(u64, T)> {
        if let Some(&Reverse((key, _, item))) = self.early.peek() {
            return Some((key, item));
        }
        let filled = self.taken < self.buckets[0].len() || self.spread();
        filled.then(|| self.buckets[0][self.taken])
    }

    /// Takes the earliest item (the first queued among the earliest).
    pub(super) fn pop(&mut self) -> Option<(u64, T)> {
        let top = self.peek()?;
        if self.early.pop().is_none() {
            self.taken += 1;
        }
        Some(top)
    }

    /// Bytes of heap held.
    pub(super) fn heap_bytes(&self) -> usize {
        self.buckets.iter().map(Vec::capacity).sum::<usize>() * std::mem::size_of::<(u64, T)>()
            + self.buckets.capacity() * std::mem::size_of::<Vec<(u64, T)>>()
            + self.early.capacity() * std::mem::size_of::<Reverse<(u64, u64, T)>>()
    }

    /// The bucket of `key` (at least the last key): 0 when it is the last key, else one more than
    /// the highest bit in which they differ.
    fn bucket(&self, key: u64) -> usize {
        64 - (key ^ self.last).leading_zeros() as usize
    }

    /// Refills the used-up bucket 0 from the lowest non-empty bucket; false when none is left.
    fn spread(&mut self) -> bool {
        self.buckets[0].clear();
        self.taken = 0;
        let Some(lowest) = (1..self.buckets.len()).find(|&b| !self.buckets[b].is_empty()) else {
            return false;
        };
        let items = std::mem::take(&mut self.buckets[lowest]);
        self.last = items.iter().map(|&(key, _)| key).min().unwrap_or(self.last);
        for &(key, item) in &items {
            let bucket = self.bucket(key);
            self.buckets[bucket].push((key, item));
        }
        // Keep the emptied buffer for the next items of that bucket.
        let mut emptied = items;
        emptied.clear();
        self.buckets[lowest] = emptied;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    #[test]
    fn matches_a_heap_on_time_then_insertion_order() {
        let mut rng = crate::sim::rng::SimRng::new(5);
        let mut queue = RadixHeap::default();
        let mut reference = BinaryHeap::new();
        let mut now = 0;
        for order in 0..50_000u32 {
            // Coarse delays make many ties; some are due at once, some far ahead.
            let delay = match order % 5 {
                0 => 0,
                1 => u64::from(rng.below(1 << 30)),
                _ => u64::from(rng.below(2_000)) / 50 * 50,
            };
            queue.push(now + delay, order);
            reference.push(Reverse((now + delay, order)));
            if order % 2 == 0 {
                let popped = queue.pop();
                assert_eq!(popped, reference.pop().map(|Reverse(x)| x));
                now = popped.map_or(now, |(key, _)| key);
                // A look ahead, as the engine's run loop takes before timers are set.
                queue.peek();
            }
        }
        while let Some(Reverse(expected)) = reference.pop() {
            assert_eq!(queue.pop(), Some(expected));
        }
        assert_eq!(queue.pop(), None);
    }

    #[test]
    fn an_item_pushed_after_a_look_ahead_still_comes_out_first() {
        let mut queue = RadixHeap::default();
        for (key, item) in [(10_000, 0), (29_677_062, 1), (450_994, 2)] {
            queue.push(key, item);
        }
        assert_eq!(queue.pop(), Some((10_000, 0)));
        assert_eq!(queue.peek(), Some((450_994, 2)), "looking ahead spreads the next bucket");
        queue.push(160_000, 3);
        queue.push(160_000, 4);
        queue.push(450_994, 5);
        let order: Vec<_> = std::iter::from_fn(|| queue.pop()).collect();
        assert_eq!(order, [(160_000, 3), (160_000, 4), (450_994, 2), (450_994, 5), (29_677_062, 1)]);
    }

    #[test]
    fn a_key_before_the_last_popped_comes_out_first() {
        let mut queue = RadixHeap::default();
        queue.push(10, 'a');
        queue.push(20, 'b');
        assert_eq!(queue.pop(), Some((10, 'a')));
        queue.push(3, 'c');
        assert_eq!((queue.pop(), queue.pop(), queue.pop()), (Some((3, 'c')), Some((20, 'b')), None));
    }
}
