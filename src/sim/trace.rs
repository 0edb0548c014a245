//! The event trace: every engine event folded into a portable hash, and optionally kept for export.

use serde::Serialize;
use xxhash_rust::xxh64::Xxh64;

/// What happened to a message (or to the clock) at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TraceKind {
    /// A node sent a new message.
    Send,
    /// A message arrived and the receiver's pattern accepted it.
    Accept,
    /// A message arrived and the receiver's pattern rejected it.
    Reject,
    /// A message arrived at a node that had already seen it.
    Duplicate,
    /// A node passed a message on to a neighbour.
    Forward,
    /// The link lost the message.
    Lost,
    /// A partition cut the link.
    Partitioned,
    /// The sender or the receiver was crashed.
    Crashed,
    /// The link's queue was full.
    QueueFull,
    /// The global tick advanced every node's step.
    Tick,
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

/// Events hashed together once this many are pending.
const BLOCK_EVENTS: usize = 32;
/// Bytes one event takes in the hashed stream.
const EVENT_BYTES: usize = 24;

/// Folds events into an xxh64 hash, keeping them too when recording is on.
///
/// Each event is 24 bytes in the hashed stream (time, then `message << 4 | kind`, then `from`
/// and `to`), little-endian on every platform; events are gathered in blocks of 32 and hashed a
/// block at a time, which is much cheaper than one small update per event.
#[derive(Clone)]
pub struct Trace {
    hasher: Xxh64,
    block: [u8; BLOCK_EVENTS * EVENT_BYTES],
    pending: usize,
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
            hasher: Xxh64::new(0),
            block: [0; BLOCK_EVENTS * EVENT_BYTES],
            pending: 0,
            events: 0,
            recorded: record.then(Vec::new),
        }
    }

    /// Adds one event.
    #[inline]
    pub fn push(&mut self, event: TraceEvent) {
        let at = self.pending * EVENT_BYTES;
        let words = [
            event.time_us,
            event.message << 4 | event.kind as u64,
            u64::from(event.from) | u64::from(event.to) << 32,
        ];
        for (i, word) in words.iter().enumerate() {
            self.block[at + 8 * i..at + 8 * i + 8].copy_from_slice(&word.to_le_bytes());
        }
        self.pending += 1;
        if self.pending == BLOCK_EVENTS {
            self.hasher.update(&self.block);
            self.pending = 0;
        }
        self.events += 1;
        if let Some(recorded) = &mut self.recorded {
            recorded.push(event);
        }
    }

    /// The hash of every event so far, as 16 hex digits.
    pub fn hash(&self) -> String {
        let mut hasher = self.hasher.clone();
        hasher.update(&self.block[..self.pending * EVENT_BYTES]);
        format!("{:016x}", hasher.digest())
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
            t.push(event(5, TraceKind::Send));
            t.push(event(9, TraceKind::Accept));
        }
        c.push(event(5, TraceKind::Send));
        c.push(event(9, TraceKind::Reject));
        assert_eq!(a.hash(), b.hash());
        assert_ne!(a.hash(), c.hash());
        assert_eq!(a.len(), 2);
        assert_eq!(
            b.to_json_lines().lines().next().unwrap(),
            r#"{"timeUs":5,"kind":"send","message":1,"from":0,"to":1}"#
        );
        assert_eq!(a.to_json_lines(), "");
    }
}
