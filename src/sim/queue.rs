//! The event queue: a min-heap on (time, scheduling order), so equal times keep FIFO order.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

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

/// Transfers ordered by arrival time, then by when they were scheduled.
#[derive(Debug, Default, Clone)]
pub struct EventQueue {
    heap: BinaryHeap<Entry>,
    next_seq: u64,
}

impl EventQueue {
    /// Schedules `transfer` to arrive at `time`.
    pub fn push(&mut self, time: u64, transfer: Transfer) {
        self.heap.push(Entry { time, seq: self.next_seq, transfer });
        self.next_seq += 1;
    }

    /// The arrival time of the earliest transfer.
    pub fn next_time(&self) -> Option<u64> {
        self.heap.peek().map(|e| e.time)
    }

    /// Removes the earliest transfer if it arrives at or before `limit`.
    pub fn pop_until(&mut self, limit: u64) -> Option<(u64, Transfer)> {
        if self.heap.peek()?.time > limit {
            return None;
        }
        self.heap.pop().map(|e| (e.time, e.transfer))
    }

    /// How many transfers are in flight.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether nothing is in flight.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    /// Every transfer in flight with its arrival time, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &Transfer)> {
        self.heap.iter().map(|e| (e.time, &e.transfer))
    }

    /// Drops every transfer in flight.
    pub fn clear(&mut self) {
        self.heap.clear();
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
