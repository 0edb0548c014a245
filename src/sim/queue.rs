//! The event queue: transfers in arrival-time order, equal times in scheduling (FIFO) order.

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
    /// Microseconds it spends on the link (for progress; saturates at about 71 minutes).
    pub delay_us: u32,
    /// Whether a byzantine relay altered the payload on the way.
    pub tampered: bool,
}

/// A transfer in a bucket, 24 bytes: its time is kept as the microseconds into the bucket (under
/// 1024), which fit beside the tampered flag.
#[derive(Debug, Clone, Copy)]
struct Entry {
    message: u32,
    from: u32,
    to: u32,
    hops: u32,
    delay_us: u32,
    /// The offset into the bucket shifted left once, the tampered flag in bit 0.
    offset_tampered: u32,
}

impl Entry {
    /// `transfer`, due `offset` microseconds into its bucket.
    fn new(offset: u64, transfer: Transfer) -> Self {
        let Transfer { message, from, to, hops, delay_us, tampered } = transfer;
        Self {
            message,
            from,
            to,
            hops,
            delay_us,
            offset_tampered: (offset as u32) << 1 | u32::from(tampered),
        }
    }

    /// Microseconds into the bucket.
    fn offset(&self) -> u64 {
        u64::from(self.offset_tampered >> 1)
    }

    /// The transfer itself.
    fn transfer(&self) -> Transfer {
        let Entry { message, from, to, hops, delay_us, offset_tampered } = *self;
        Transfer { message, from, to, hops, delay_us, tampered: offset_tampered & 1 != 0 }
    }
}

/// A transfer scheduled into the active bucket (or before it) after that bucket was sorted:
/// ordered by time, then by when it was scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Late {
    time: u64,
    order: u64,
    transfer: Transfer,
}

impl Ord for Late {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (other.time, other.order).cmp(&(self.time, self.order))
    }
}

impl PartialOrd for Late {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A placeholder transfer for buffers about to be overwritten.
const EMPTY: Transfer = Transfer { message: 0, from: 0, to: 0, hops: 0, delay_us: 0, tampered: false };

/// Width of one time bucket in microseconds (about a millisecond).
const BUCKET_US: u64 = 1024;
/// Buckets on the wheel: transfers due within 64 x 1024 us (about 65 ms) of the active bucket.
const WHEEL: usize = 64;
/// Below this many entries a bucket is sorted by comparison; above, by counting its times.
const COUNTING_SORT_FROM: usize = 2048;

/// Transfers ordered by arrival time, then by when they were scheduled.
///
/// A calendar queue. Transfers due in later buckets (about 1 ms each) are appended to their
/// bucket on a 64-slot wheel (or, beyond it, to an ordered overflow map) in scheduling order, so
/// a flood writes to a few sequential streams; a bucket is stably sorted by time only when time
/// reaches it, and is then read from a cursor. Transfers scheduled into the active bucket after
/// that go to a small heap on (time, scheduling order), merged on the way out: all of them were
/// scheduled after every sorted entry, so the sorted entry wins a tie. The order is exactly that
/// of one heap on (time, scheduling order), but almost every operation is an append or a read.
#[derive(Debug, Clone)]
pub struct EventQueue {
    active: Vec<Entry>,
    sorted: Vec<Entry>,
    /// Where each of a bucket's times starts in the sorted bucket (counting sort).
    starts: Box<[u32; BUCKET_US as usize + 1]>,
    cursor: usize,
    active_bucket: u64,
    late: BinaryHeap<Late>,
    late_order: u64,
    handed_out: u64,
    wheel: Vec<Vec<Entry>>,
    occupied: u64,
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
            starts: Box::new([0; BUCKET_US as usize + 1]),
            cursor: 0,
            active_bucket: 0,
            late: BinaryHeap::new(),
            late_order: 0,
            handed_out: 0,
            wheel: vec![Vec::new(); WHEEL],
            occupied: 0,
            overflow: BTreeMap::new(),
            pool: Vec::new(),
            len: 0,
        }
    }
}

impl EventQueue {
    /// Schedules `transfer` to arrive at `time` (never before the last popped time).
    #[inline(always)]
    pub fn push(&mut self, time: u64, transfer: Transfer) {
        let bucket = time / BUCKET_US;
        let ahead = bucket.wrapping_sub(self.active_bucket);
        if self.len > 0 && ahead > 0 && ahead < WHEEL as u64 {
            // The common case: a later bucket on the wheel.
            self.len += 1;
            self.append_to_wheel(bucket, Entry::new(time - bucket * BUCKET_US, transfer));
        } else {
            self.push_elsewhere(time, transfer);
        }
    }

    /// Appends `entry` to the wheel slot of `bucket`, a bucket on the wheel.
    #[inline(always)]
    fn append_to_wheel(&mut self, bucket: u64, entry: Entry) {
        let slot = bucket as usize % WHEEL;
        self.occupied |= 1 << slot;
        let entries = &mut self.wheel[slot];
        if entries.capacity() == 0 {
            *entries = self.pool.pop().unwrap_or_default();
        }
        entries.push(entry);
    }

    /// [`EventQueue::push`] into an empty queue, the active bucket or beyond the wheel.
    #[inline(never)]
    fn push_elsewhere(&mut self, time: u64, transfer: Transfer) {
        let bucket = time / BUCKET_US;
        if self.len == 0 && bucket > self.active_bucket + 1 {
            // Idle since the active bucket: start the wheel just before this bucket, so that
            // transfers after a long pause go on the wheel rather than to the overflow map.
            self.active_bucket = bucket - 1;
            self.active.clear();
            self.cursor = 0;
        }
        self.len += 1;
        if bucket <= self.active_bucket {
            self.late_order += 1;
            self.late.push(Late { time, order: self.late_order, transfer });
        } else if bucket - self.active_bucket < WHEEL as u64 {
            self.append_to_wheel(bucket, Entry::new(time - bucket * BUCKET_US, transfer));
        } else {
            let pool = &mut self.pool;
            let entries = self.overflow.entry(bucket).or_insert_with(|| pool.pop().unwrap_or_default());
            entries.push(Entry::new(time - bucket * BUCKET_US, transfer));
        }
    }

    /// The nearest occupied wheel bucket after the active one.
    fn next_wheel_bucket(&self) -> Option<u64> {
        let start = (self.active_bucket as usize + 1) % WHEEL;
        let word = self.occupied.rotate_right(start as u32);
        (word != 0).then(|| self.active_bucket + 1 + u64::from(word.trailing_zeros()))
    }

    /// Makes the earliest non-empty bucket the active one, once the active one is used up.
    fn refill(&mut self) {
        if self.cursor < self.active.len() || !self.late.is_empty() {
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
        self.occupied &= !(1 << slot);
        let used = std::mem::replace(&mut self.active, std::mem::take(&mut self.wheel[slot]));
        self.recycle(used);
        // Entries that overflowed were scheduled before any that went on the wheel for the same
        // bucket, so they come first.
        if let Some(mut far) = self.overflow.remove(&bucket) {
            far.append(&mut self.active);
            let emptied = std::mem::replace(&mut self.active, far);
            self.recycle(emptied);
        }
        self.sort_active();
    }

    /// Keeps an emptied buffer for a later bucket, up to one per wheel slot.
    fn recycle(&mut self, mut buffer: Vec<Entry>) {
        buffer.clear();
        if buffer.capacity() > 0 && self.pool.len() < WHEEL {
            self.pool.push(buffer);
        }
    }

    /// Stable sort of the active bucket by time: by comparison when it is small, else by
    /// counting its 1024 possible times.
    fn sort_active(&mut self) {
        if self.active.len() < COUNTING_SORT_FROM {
            self.active.sort_by_key(Entry::offset);
            return;
        }
        let starts = &mut self.starts;
        starts.fill(0);
        for e in &self.active {
            starts[e.offset() as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        // Every entry is overwritten below: only a longer buffer needs filling first.
        self.sorted.resize(self.active.len(), Entry::new(0, EMPTY));
        for e in &self.active {
            let at = &mut starts[e.offset() as usize];
            self.sorted[*at as usize] = *e;
            *at += 1;
        }
        std::mem::swap(&mut self.active, &mut self.sorted);
    }

    /// The arrival time of the earliest transfer.
    pub fn next_time(&mut self) -> Option<u64> {
        self.refill();
        let sorted = self.active.get(self.cursor).map(|e| self.active_bucket * BUCKET_US + e.offset());
        let late = self.late.peek().map(|l| l.time);
        match (sorted, late) {
            (Some(s), Some(l)) => Some(s.min(l)),
            (s, l) => s.or(l),
        }
    }

    /// Removes the earliest transfer if it arrives at or before `limit`.
    #[inline(always)]
    pub fn pop_until(&mut self, limit: u64) -> Option<(u64, Transfer)> {
        // Almost always the next entry of the sorted bucket, with no late arrival to merge.
        if let (Some(entry), true) = (self.active.get(self.cursor), self.late.is_empty()) {
            let time = self.active_bucket * BUCKET_US + entry.offset();
            if time > limit {
                return None;
            }
            self.len -= 1;
            self.cursor += 1;
            self.handed_out += 1;
            return Some((time, entry.transfer()));
        }
        self.pop_merged(limit)
    }

    /// [`EventQueue::pop_until`] once the sorted bucket is used up or late arrivals wait.
    #[inline(never)]
    fn pop_merged(&mut self, limit: u64) -> Option<(u64, Transfer)> {
        let time = self.next_time().filter(|&t| t <= limit)?;
        self.len -= 1;
        match self.active.get(self.cursor) {
            Some(entry) if self.active_bucket * BUCKET_US + entry.offset() == time => {
                self.cursor += 1;
                self.handed_out += 1;
                Some((time, entry.transfer()))
            }
            _ => self.late.pop().map(|l| (l.time, l.transfer)),
        }
    }

    /// How many transfers the sorted buckets have handed out so far, and the ones they hand out
    /// next, in order (so a caller can prepare for them ahead of time).
    pub fn upcoming(&self) -> (u64, impl ExactSizeIterator<Item = Transfer> + '_) {
        (self.handed_out, self.active[self.cursor..].iter().map(Entry::transfer))
    }

    /// Bytes of heap the queue's buffers hold (in use or kept for reuse).
    pub fn heap_bytes(&self) -> usize {
        let buffers = self.wheel.iter().chain(self.overflow.values()).chain(&self.pool);
        let entries =
            self.active.capacity() + self.sorted.capacity() + buffers.map(Vec::capacity).sum::<usize>();
        entries * std::mem::size_of::<Entry>()
            + self.late.capacity() * std::mem::size_of::<Late>()
            + std::mem::size_of_val(&*self.starts)
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
    pub fn iter(&self) -> impl Iterator<Item = (u64, Transfer)> + '_ {
        // Wheel slot s holds the one bucket after the active one that is s modulo WHEEL.
        let first = self.active_bucket + 1;
        let wheel = self.wheel.iter().enumerate().flat_map(move |(slot, entries)| {
            let bucket = first + (slot as u64 + WHEEL as u64 - first % WHEEL as u64) % WHEEL as u64;
            in_bucket(bucket, entries)
        });
        let overflow = self.overflow.iter().flat_map(move |(&bucket, entries)| in_bucket(bucket, entries));
        let late = self.late.iter().map(|l| (l.time, l.transfer));
        in_bucket(self.active_bucket, &self.active[self.cursor..]).chain(wheel).chain(overflow).chain(late)
    }
}

/// The transfers in `entries`, all of bucket `bucket`, with their times.
fn in_bucket(bucket: u64, entries: &[Entry]) -> impl Iterator<Item = (u64, Transfer)> + '_ {
    entries.iter().map(move |e| (bucket * BUCKET_US + e.offset(), e.transfer()))
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
    fn iter_gives_every_transfer_in_flight_with_its_time() {
        let mut q = EventQueue::default();
        // The active bucket, wheel buckets on both sides of the wheel's wrap, the overflow map,
        // and a late arrival into the active bucket.
        let times = [
            70 * BUCKET_US + 5,
            71 * BUCKET_US + 1023,
            100 * BUCKET_US,
            130 * BUCKET_US + 1,
            140 * BUCKET_US + 7,
            900 * BUCKET_US + 3,
        ];
        for (to, &time) in times.iter().enumerate() {
            q.push(time, Transfer { tampered: to % 2 == 0, ..transfer(to as u32) });
        }
        assert_eq!(q.pop_until(u64::MAX).map(|(t, x)| (t, x.to, x.tampered)), Some((times[0], 0, true)));
        q.push(times[0] + 10, transfer(9));
        let mut in_flight: Vec<(u64, u32, bool)> = q.iter().map(|(t, x)| (t, x.to, x.tampered)).collect();
        in_flight.sort();
        let mut expected: Vec<(u64, u32, bool)> =
            times.iter().enumerate().skip(1).map(|(to, &t)| (t, to as u32, to % 2 == 0)).collect();
        expected.push((times[0] + 10, 9, false));
        expected.sort();
        assert_eq!(in_flight, expected);
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
    fn a_crowded_bucket_and_late_arrivals_keep_time_then_fifo_order() {
        let mut rng = crate::sim::rng::SimRng::new(3);
        let mut q = EventQueue::default();
        let mut reference = BinaryHeap::new();
        // 5000 transfers in one future bucket (counting sort), then more into it once active.
        for order in 0..5_000u32 {
            let time = 10 * BUCKET_US + u64::from(rng.below(BUCKET_US as u32)) / 8 * 8;
            reference.push(Reverse((time, order)));
            q.push(time, transfer(order));
        }
        let (first, x) = q.pop_until(u64::MAX).unwrap();
        assert_eq!((first, x.to), reference.pop().unwrap().0);
        for order in 5_000..6_000u32 {
            let time = first + u64::from(rng.below(2 * BUCKET_US as u32)) / 8 * 8;
            reference.push(Reverse((time, order)));
            q.push(time, transfer(order));
        }
        assert_eq!(q.len(), reference.len());
        while let Some(Reverse(expected)) = reference.pop() {
            assert_eq!(q.pop_until(u64::MAX).map(|(t, x)| (t, x.to)), Some(expected));
        }
        assert!(q.is_empty());
    }

    #[test]
    fn bursts_after_long_pauses_reuse_a_bounded_set_of_buffers() {
        let mut rng = crate::sim::rng::SimRng::new(8);
        let mut q = EventQueue::default();
        let mut now = 0;
        for burst in 0..200u32 {
            for i in 0..500 {
                q.push(now + 5_000 + u64::from(rng.below(100_000)), transfer(burst * 500 + i));
            }
            let mut last = now;
            while let Some((t, _)) = q.pop_until(u64::MAX) {
                assert!(t >= last);
                last = t;
            }
            now = last + 10_000_000;
        }
        assert!(q.pool.len() <= WHEEL && q.overflow.is_empty(), "{} buffers kept", q.pool.len());
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
