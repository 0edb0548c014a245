//! The event queue: a min-heap on (time, scheduling order), so equal times keep FIFO order.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};

/// A message on its way over one link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transfer {
    /// The message's slot in the engine's message table.
    pub message: u32,
    /// The node that sent it over this link.
    pub from: u32,
    /// The node it arrives at.
    pub to: u32,
    /// Links travelled when it arrives (1 for a neighbour of the origin).
    pub hops: u32,
    /// When it left `from`, in microseconds.
    pub sent_at: u64,
}

/// A transfer due at `time`; `seq` breaks ties in scheduling order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    time: u64,
    seq: u64,
    transfer: Transfer,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and the earliest entry must come out first.
        (other.time, other.seq).cmp(&(self.time, self.seq))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Width of one time bucket in microseconds.
const BUCKET_US: u64 = 64;

/// Transfers ordered by arrival time, then by when they were scheduled.
///
/// A two-level calendar queue: transfers due in the current 64 µs bucket sit in a small binary
/// heap; later ones are appended, unsorted, to the vector of their bucket, and a bucket is
/// heapified only when time reaches it. The order is exactly that of one big heap on
/// (time, seq), but each operation touches a small, cache-resident structure.
#[derive(Debug, Default, Clone)]
pub struct EventQueue {
    active: BinaryHeap<Entry>,
    active_bucket: u64,
    later: BTreeMap<u64, Vec<Entry>>,
    spare: Vec<Entry>,
    len: usize,
    next_seq: u64,
}

impl EventQueue {
    /// Schedules `transfer` to arrive at `time` (never before the last popped time).
    pub fn push(&mut self, time: u64, transfer: Transfer) {
        let entry = Entry { time, seq: self.next_seq, transfer };
        self.next_seq += 1;
        self.len += 1;
        let bucket = time / BUCKET_US;
        if bucket <= self.active_bucket {
            self.active.push(entry);
        } else {
            let spare = &mut self.spare;
            self.later.entry(bucket).or_insert_with(|| std::mem::take(spare)).push(entry);
        }
    }

    /// Makes the earliest non-empty bucket the active one, when the active heap is empty.
    fn refill(&mut self) {
        if self.active.is_empty() {
            if let Some((bucket, entries)) = self.later.pop_first() {
                self.active_bucket = bucket;
                let mut emptied = std::mem::replace(&mut self.active, BinaryHeap::from(entries)).into_vec();
                emptied.clear();
                self.spare = emptied;
            }
        }
    }

    /// The arrival time of the earliest transfer.
    pub fn next_time(&mut self) -> Option<u64> {
        self.refill();
        self.active.peek().map(|e| e.time)
    }

    /// Removes the earliest transfer if it arrives at or before `limit`.
    pub fn pop_until(&mut self, limit: u64) -> Option<(u64, Transfer)> {
        if self.next_time()? > limit {
            return None;
        }
        self.len -= 1;
        self.active.pop().map(|e| (e.time, e.transfer))
    }

    /// How many transfers are in flight.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is in flight.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every transfer in flight with its arrival time, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &Transfer)> {
        self.active.iter().chain(self.later.values().flatten()).map(|e| (e.time, &e.transfer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transfer(to: u32) -> Transfer {
        Transfer { message: 0, from: 0, to, hops: 1, sent_at: 0 }
    }

    #[test]
    fn earliest_first_and_fifo_among_equal_times() {
        let mut q = EventQueue::default();
        for (time, to) in [(30, 1), (10, 2), (30, 3), (10, 4), (20, 5)] {
            q.push(time, transfer(to));
        }
        assert_eq!(q.pop_until(5), None);
        let order: Vec<(u64, u32)> =
            std::iter::from_fn(|| q.pop_until(100)).map(|(t, x)| (t, x.to)).collect();
        assert_eq!(order, [(10, 2), (10, 4), (20, 5), (30, 1), (30, 3)]);
        assert!(q.is_empty() && q.next_time().is_none());
    }
}
