//! The event trace: every engine event folded into a portable hash, and optionally kept for export.

use serde::Serialize;

use crate::boundary::code_table;
use xxhash_rust::xxh3::{xxh3_64_with_seed, Xxh3Default};

code_table! {
    /// What happened to a message (or to the clock) at one moment.
    pub enum TraceKind {
        /// A node sent a new message.
        Send = "send",
        /// A message arrived and the receiver's pattern accepted it.
        Accept = "accept",
        /// A message arrived and the receiver's pattern rejected it.
        Reject = "reject",
        /// A message arrived at a node that had already seen it.
        Duplicate = "duplicate",
        /// A node passed a message on to a neighbour.
        Forward = "forward",
        /// The link lost the message, or the owner dropped it in flight.
        Lost = "lost",
        /// A partition cut the link.
        Partitioned = "partitioned",
        /// The sender or the receiver was crashed.
        Crashed = "crashed",
        /// The link's queue was full.
        QueueFull = "queue-full",
        /// The global tick advanced every node's step.
        Tick = "tick",
        /// A node was paused (`from` and `to` are the node).
        Pause = "pause",
        /// A paused node resumed (`from` and `to` are the node); what it held follows.
        Resume = "resume",
        /// A message reached a paused node, which holds it until it resumes.
        Held = "held",
        /// A timer fired (`message`: its id; `from` and `to`: its node, or 4294967295 for the
        /// network's).
        Timer = "timer",
    }
}

/// One trace entry (one JSON line when exported).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceEvent {
    /// Virtual time in microseconds.
    pub time_us: u64,
    /// What happened.
    pub kind: TraceKind,
    /// The message's id (0 for ticks).
    pub message: u64,
    /// The node the message came from (the sender for `send`).
    pub from: u32,
    /// The node it went to (the sender for `send`).
    pub to: u32,
}

/// Entries hashed together once this many are pending.
const BLOCK_ENTRIES: usize = 32;
/// Bytes one entry takes in the hashed stream.
const ENTRY_BYTES: usize = 24;
/// The most sends one hashed entry stands for.
const MAX_RUN: u64 = u32::MAX as u64;

/// Sends from one node at one moment with consecutive ids, not yet hashed: they become one entry.
#[derive(Debug, Clone, Copy)]
struct SendRun {
    time_us: u64,
    sender: u32,
    first_message: u64,
    count: u64,
}

impl SendRun {
    /// The run's hashed entry: like one send event's, with the count in place of `to`.
    fn words(&self) -> [u64; 3] {
        [
            self.time_us,
            self.first_message << 4 | TraceKind::Send as u64,
            u64::from(self.sender) | self.count << 32,
        ]
    }
}

/// The xxh3 state and the block of entries not yet fed to it.
struct Blocks {
    hasher: Xxh3Default,
    block: [u8; BLOCK_ENTRIES * ENTRY_BYTES],
    pending: usize,
}

impl Blocks {
    /// Adds one 24-byte entry to the block, hashing the block when it is full.
    #[inline(always)]
    fn entry(&mut self, words: [u64; 3]) {
        write_entry(&mut self.block, self.pending, words);
        self.pending += 1;
        if self.pending == BLOCK_ENTRIES {
            self.hasher.update(&self.block);
            self.pending = 0;
        }
    }

    /// The hash of every entry so far, then `last` if given: the xxh3 of the entries not yet in
    /// a full block, seeded with the xxh3 digest of the full blocks.
    fn digest(&self, last: Option<[u64; 3]>) -> u64 {
        let mut tail = self.block;
        let mut entries = self.pending;
        if let Some(words) = last {
            // At most BLOCK_ENTRIES - 1 entries are pending, so there is room for one more.
            write_entry(&mut tail, entries, words);
            entries += 1;
        }
        xxh3_64_with_seed(&tail[..entries * ENTRY_BYTES], self.hasher.digest())
    }
}

/// Writes entry number `index` of a block, little-endian.
#[inline(always)]
fn write_entry(block: &mut [u8; BLOCK_ENTRIES * ENTRY_BYTES], index: usize, words: [u64; 3]) {
    let at = index * ENTRY_BYTES;
    for (i, word) in words.iter().enumerate() {
        block[at + 8 * i..at + 8 * i + 8].copy_from_slice(&word.to_le_bytes());
    }
}

/// Folds events into an xxh3 hash, keeping them too when recording is on.
///
/// Each entry is 24 bytes in the hashed stream (time, then `message << 4 | kind`, then `from`
/// and `to`), little-endian on every platform. Consecutive sends from one node at one moment
/// with consecutive ids (up to 2^32 - 1 of them) make one entry whose `to` is their count, so a
/// batch of sends hashes in one step and exactly as the same sends one by one. Entries are
/// gathered in blocks of 32, and full blocks stream into an xxh3 hasher (with SIMD in wasm), much
/// cheaper than one small update per entry; the hash is the xxh3 of the entries after the last
/// full block, seeded with the digest of the full blocks.
pub struct Trace {
    blocks: Blocks,
    run: Option<SendRun>,
    events: u64,
    recorded: Option<Vec<TraceEvent>>,
}

impl std::fmt::Debug for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trace").field("events", &self.events).field("hash", &self.hash()).finish()
    }
}

impl Trace {
    /// An empty trace; `record` keeps every event for [`Trace::to_json_lines`].
    pub fn new(record: bool) -> Self {
        Self {
            blocks: Blocks {
                hasher: Xxh3Default::new(),
                block: [0; BLOCK_ENTRIES * ENTRY_BYTES],
                pending: 0,
            },
            run: None,
            events: 0,
            recorded: record.then(Vec::new),
        }
    }

    /// Adds one event (inlined: an event passed to a call in wasm goes through memory, where
    /// reading it back right after it was written stalls).
    #[inline(always)]
    pub fn push(&mut self, event: TraceEvent) {
        if event.kind == TraceKind::Send {
            debug_assert_eq!(event.from, event.to, "a send goes from its sender to itself");
            self.push_sends(event.time_us, event.from, event.message, 1);
            return;
        }
        if self.run.is_some() {
            self.end_run();
        }
        self.blocks.entry([
            event.time_us,
            event.message << 4 | event.kind as u64,
            u64::from(event.from) | u64::from(event.to) << 32,
        ]);
        self.events += 1;
        if let Some(recorded) = &mut self.recorded {
            recorded.push(event);
        }
    }

    /// Adds `count` send events from `sender` at `time_us`, with ids from `first_message` on.
    #[inline(never)]
    pub fn push_sends(&mut self, time_us: u64, sender: u32, first_message: u64, count: u64) {
        self.events += count;
        if let Some(recorded) = &mut self.recorded {
            let send =
                |message| TraceEvent { time_us, kind: TraceKind::Send, message, from: sender, to: sender };
            recorded.extend((first_message..first_message + count).map(send));
        }
        let (mut next, mut left) = (first_message, count);
        while left > 0 {
            match &mut self.run {
                Some(run)
                    if run.time_us == time_us
                        && run.sender == sender
                        && run.first_message + run.count == next
                        && run.count < MAX_RUN =>
                {
                    let taken = left.min(MAX_RUN - run.count);
                    run.count += taken;
                    next += taken;
                    left -= taken;
                }
                _ => {
                    self.end_run();
                    self.run = Some(SendRun { time_us, sender, first_message: next, count: 0 });
                }
            }
        }
    }

    /// Hashes the pending run of sends, if any, as one entry.
    #[cold]
    fn end_run(&mut self) {
        if let Some(run) = self.run.take() {
            self.blocks.entry(run.words());
        }
    }

    /// The hash of every event so far, as 16 hex digits.
    pub fn hash(&self) -> String {
        format!("{:016x}", self.blocks.digest(self.run.as_ref().map(SendRun::words)))
    }

    /// How many events were traced.
    pub fn len(&self) -> u64 {
        self.events
    }

    /// Whether no event was traced.
    pub fn is_empty(&self) -> bool {
        self.events == 0
    }

    /// Takes the events recorded since the last call (none unless recording is on). Drained
    /// events leave `to_json_lines`; the hash keeps them.
    pub fn drain_recorded(&mut self) -> Vec<TraceEvent> {
        self.recorded.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// The recorded events as JSON lines (empty unless recording was on).
    pub fn to_json_lines(&self) -> String {
        let mut out = String::new();
        for event in self.recorded.iter().flatten() {
            out.push_str(&serde_json::to_string(event).expect("trace events serialize"));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(time_us: u64, kind: TraceKind) -> TraceEvent {
        TraceEvent { time_us, kind, message: 1, from: 0, to: 1 }
    }

    #[test]
    fn equal_events_hash_equal_and_any_change_shows() {
        let (mut a, mut b, mut c) = (Trace::new(false), Trace::new(true), Trace::new(false));
        for t in [&mut a, &mut b] {
            t.push(event(5, TraceKind::Forward));
            t.push(event(9, TraceKind::Accept));
        }
        c.push(event(5, TraceKind::Forward));
        c.push(event(9, TraceKind::Reject));
        assert_eq!(a.hash(), b.hash());
        assert_ne!(a.hash(), c.hash());
        assert_eq!(a.len(), 2);
        assert_eq!(
            b.to_json_lines().lines().next().unwrap(),
            r#"{"timeUs":5,"kind":"forward","message":1,"from":0,"to":1}"#
        );
        assert_eq!(a.to_json_lines(), "");
    }

    #[test]
    fn a_run_of_sends_hashes_as_the_same_sends_one_by_one() {
        let send = |message| TraceEvent { time_us: 3, kind: TraceKind::Send, message, from: 2, to: 2 };
        let (mut singly, mut together) = (Trace::new(true), Trace::new(true));
        for message in 1..=5 {
            singly.push(send(message));
        }
        singly.push(event(3, TraceKind::Accept));
        together.push_sends(3, 2, 1, 2);
        together.push_sends(3, 2, 3, 3);
        together.push(event(3, TraceKind::Accept));
        assert_eq!(singly.hash(), together.hash());
        assert_eq!(singly.to_json_lines(), together.to_json_lines());
        assert_eq!(together.len(), 6);

        let mut gap = Trace::new(false);
        gap.push_sends(3, 2, 1, 2);
        gap.push_sends(3, 2, 4, 3);
        gap.push(event(3, TraceKind::Accept));
        let mut other_sender = Trace::new(false);
        other_sender.push_sends(3, 2, 1, 2);
        other_sender.push_sends(3, 1, 3, 3);
        other_sender.push(event(3, TraceKind::Accept));
        assert_ne!(gap.hash(), together.hash());
        assert_ne!(other_sender.hash(), together.hash());
    }

    #[test]
    fn a_run_longer_than_an_entry_holds_splits_the_same_however_it_is_sent() {
        let (mut one_call, mut two_calls) = (Trace::new(false), Trace::new(false));
        one_call.push_sends(0, 1, 1, MAX_RUN + 5);
        two_calls.push_sends(0, 1, 1, 7);
        two_calls.push_sends(0, 1, 8, MAX_RUN - 2);
        assert_eq!(one_call.hash(), two_calls.hash());
        let mut capped = Trace::new(false);
        capped.push_sends(0, 1, 1, MAX_RUN);
        assert_ne!(capped.hash(), one_call.hash());
    }
}
