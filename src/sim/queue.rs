//! The event queue: transfers in arrival-time order, equal times in scheduling (FIFO) order.

use std::collections::BTreeMap;

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
    /// Microseconds it spends on the link (for progress; saturates at about 71 minutes).
    pub delay_us: u32,
    /// Whether a byzantine relay altered the payload on the way.
    pub tampered: bool,
}

/// A transfer due at `time` (32 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    time: u64,
    transfer: Transfer,
}

/// A placeholder transfer for buffers about to be overwritten.
const EMPTY: Transfer = Transfer { message: 0, from: 0, to: 0, hops: 0, delay_us: 0, tampered: false };

/// Width of one time bucket in microseconds.
const BUCKET_US: u64 = 64;
/// Buckets on the wheel: transfers due within 1024 x 64 us (about 65 ms) of the active bucket.
const WHEEL: usize = 1024;

/// Transfers ordered by arrival time, then by when they were scheduled.
///
/// A calendar queue. Transfers due in the active 64 µs bucket sit in a vector sorted by time and
/// read from a cursor; later ones are appended to their bucket on a 1024-slot wheel (or, beyond
/// it, to an ordered overflow map) in scheduling order, and a bucket is sorted by time (a stable
/// counting sort over its 64 possible times) only when time reaches it. The order is exactly that of one heap on (time, scheduling order),
/// but each operation touches small, cache-resident structures.
#[derive(Debug, Clone)]
pub struct EventQueue {
    active: Vec<Entry>,
    sorted: Vec<Entry>,
    cursor: usize,
    active_bucket: u64,
    wheel: Vec<Vec<Entry>>,
    occupied: [u64; WHEEL / 64],
    overflow: BTreeMap<u64, Vec<Entry>>,
    /// Emptied buffers, handed to wheel slots as they fill, so buffers exist only for the
    /// buckets in use (not one per slot).
    pool: Vec<Vec<Entry>>,
    len: usize,
}

impl Default for EventQueue {
    fn default() -> Self {
        Self {
            active: Vec::new(),
            sorted: Vec::new(),
            cursor: 0,
            active_bucket: 0,
            wheel: vec![Vec::new(); WHEEL],
            occupied: [0; WHEEL / 64],
            overflow: BTreeMap::new(),
            pool: Vec::new(),
            len: 0,
        }
    }
}

impl EventQueue {
    /// Schedules `transfer` to arrive at `time` (never before the last popped time).
    pub fn push(&mut self, time: u64, transfer: Transfer) {
        let entry = Entry { time, transfer };
        self.len += 1;
        let bucket = time / BUCKET_US;
        if bucket <= self.active_bucket {
            // After every entry due at the same time or earlier: FIFO among equal times.
            let at = self.cursor + self.active[self.cursor..].partition_point(|e| e.time <= time);
            self.active.insert(at, entry);
        } else if bucket - self.active_bucket < WHEEL as u64 {
            let slot = bucket as usize % WHEEL;
            self.occupied[slot / 64] |= 1 << (slot % 64);
            let entries = &mut self.wheel[slot];
            if entries.capacity() == 0 {
                *entries = self.pool.pop().unwrap_or_default();
            }
            entries.push(entry);
        } else {
            self.overflow.entry(bucket).or_default().push(entry);
        }
    }

    /// The nearest occupied wheel bucket after the active one.
    fn next_wheel_bucket(&self) -> Option<u64> {
        let start = (self.active_bucket as usize + 1) % WHEEL;
        (0..=WHEEL / 64).find_map(|i| {
            let word_index = (start / 64 + i) % (WHEEL / 64);
            let mut word = self.occupied[word_index];
            if i == 0 {
                word &= u64::MAX << (start % 64);
            }
            if i == WHEEL / 64 {
                word &= !(u64::MAX << (start % 64));
            }
            (word != 0).then(|| {
                let slot = word_index * 64 + word.trailing_zeros() as usize;
                self.active_bucket + ((slot + WHEEL - start) % WHEEL) as u64 + 1
            })
        })
    }

    /// Makes the earliest non-empty bucket the active one, once the active one is used up.
    fn refill(&mut self) {
        if self.cursor < self.active.len() {
            return;
        }
        let bucket = match (self.next_wheel_bucket(), self.overflow.first_key_value()) {
            (Some(w), Some((&o, _))) => w.min(o),
            (Some(w), None) => w,
            (None, Some((&o, _))) => o,
            (None, None) => return,
        };
        self.active_bucket = bucket;
        self.cursor = 0;
        // The wheel slot of the earliest bucket holds that bucket or nothing (any other bucket
        // in it would be earlier). Its buffer becomes the active one; the used-up active buffer
        // goes back to the pool.
        let slot = bucket as usize % WHEEL;
        self.occupied[slot / 64] &= !(1 << (slot % 64));
        let mut used = std::mem::replace(&mut self.active, std::mem::take(&mut self.wheel[slot]));
        used.clear();
        if used.capacity() > 0 {
            self.pool.push(used);
        }
        // Entries that overflowed were scheduled before any that went on the wheel for the same
        // bucket, so they come first.
        if let Some(mut far) = self.overflow.remove(&bucket) {
            far.append(&mut self.active);
            self.active = far;
        }
        self.sort_active();
    }

    /// Stable counting sort of the active bucket on the 64 possible times within it.
    fn sort_active(&mut self) {
        let base = self.active_bucket * BUCKET_US;
        let mut starts = [0usize; BUCKET_US as usize + 1];
        for e in &self.active {
            starts[(e.time - base) as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        self.sorted.clear();
        self.sorted.resize(self.active.len(), Entry { time: 0, transfer: EMPTY });
        for e in &self.active {
            let at = &mut starts[(e.time - base) as usize];
            self.sorted[*at] = *e;
            *at += 1;
        }
        std::mem::swap(&mut self.active, &mut self.sorted);
    }

    /// The arrival time of the earliest transfer.
    pub fn next_time(&mut self) -> Option<u64> {
        self.refill();
        self.active.get(self.cursor).map(|e| e.time)
    }

    /// Removes the earliest transfer if it arrives at or before `limit`.
    pub fn pop_until(&mut self, limit: u64) -> Option<(u64, Transfer)> {
        if self.next_time()? > limit {
            return None;
        }
        let entry = self.active[self.cursor];
        self.cursor += 1;
        self.len -= 1;
        Some((entry.time, entry.transfer))
    }

    /// The transfers left in the active bucket, in order, and a number that changes whenever
    /// another bucket becomes active (so a caller can prepare each bucket once).
    pub fn active_bucket(&self) -> (u64, impl Iterator<Item = &Transfer>) {
        (self.active_bucket, self.active[self.cursor..].iter().map(|e| &e.transfer))
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
        let later = self.wheel.iter().chain(self.overflow.values()).flatten();
        self.active[self.cursor..].iter().chain(later).map(|e| (e.time, &e.transfer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    fn transfer(to: u32) -> Transfer {
        Transfer { message: 0, from: 0, to, hops: 1, delay_us: 0, tampered: false }
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

    #[test]
    fn matches_a_plain_heap_across_the_wheel_and_its_overflow() {
        let mut rng = crate::sim::rng::SimRng::new(9);
        let mut q = EventQueue::default();
        let mut reference = BinaryHeap::new();
        let mut now = 0;
        for round in 0..20_000u32 {
            // Coarse times make many ties; some land beyond the wheel, some in the active bucket.
            let span = if round % 7 == 0 { 500_000 } else { 20_000 };
            let time = now + u64::from(rng.below(span)) / 16 * 16;
            reference.push(Reverse((time, round)));
            q.push(time, transfer(round));
            if round % 3 == 0 {
                let (t, x) = q.pop_until(u64::MAX).unwrap();
                assert_eq!((t, x.to), reference.pop().unwrap().0);
                now = t;
            }
        }
        while let Some(Reverse(expected)) = reference.pop() {
            assert_eq!(q.pop_until(u64::MAX).map(|(t, x)| (t, x.to)), Some(expected));
        }
        assert!(q.is_empty());
    }
}
