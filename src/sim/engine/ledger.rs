//! What the engine has done, kept three ways: running totals, the event trace, and a log of the
//! totals at each tick.

use std::collections::vec_deque::{Drain, VecDeque};

use super::Refusal;
use crate::boundary::record;
use crate::network::{Delivery, Slot};
use crate::sim::trace::{Trace, TraceEvent, TraceKind};

record! {
    /// Engine-wide counters (every field is a running total); also the record `stats()` and
    /// each row of `drainTickStats()` carry across the boundary.
    pub struct SimStats {
        /// Messages sent by nodes (relays not included).
        pub sent: u64,
        /// Transfers that reached a node that had not seen the message.
        pub delivered: u64,
        /// Deliveries the receiver's pattern accepted.
        pub accepted: u64,
        /// Deliveries the receiver's pattern rejected.
        pub rejected: u64,
        /// Transfers that reached a node that had already seen the message.
        pub duplicates: u64,
        /// Times a node relayed a message it accepted.
        pub forwarded: u64,
        /// Transfers the link lost.
        pub lost: u64,
        /// Transfers cut by a partition.
        pub partitioned: u64,
        /// Transfers from or to a crashed or removed node.
        pub crashed: u64,
        /// Transfers refused by a full link queue.
        pub queue_full: u64,
        /// Messages with nothing left in flight.
        pub completed: u64,
        /// Nodes reached, summed over completed messages (reach per message = this / completed).
        pub reach: u64,
        /// Deliveries of copies a byzantine relay tampered with.
        pub tampered: u64,
        /// Relays a black-hole node swallowed.
        pub swallowed: u64,
        /// Steps nodes synced to from messages ahead of them (`auto_sync`).
        pub synced: u64,
        /// Deliveries refused because the tag or signature did not check out.
        pub bad_signatures: u64,
        /// Deliveries refused because the claimed sender has no registered key.
        pub unknown_senders: u64,
        /// Deliveries refused as replays (a sequence number seen before).
        pub replays: u64,
        /// Bytes nodes put on links: each copy sent or relayed over a link, its message's size
        /// (a copy the link then loses too; none in an instant network, which sizes nothing).
        pub bytes_sent: u64,
        /// Bytes of the transfers counted under `delivered`.
        pub bytes_delivered: u64,
    }
}

impl SimStats {
    /// Copies of messages whose fate is known: delivered, duplicate, lost, cut by a partition,
    /// to or from a crashed node, or refused by a full queue.
    pub fn copies(&self) -> u64 {
        self.delivered + self.duplicates + self.lost + self.partitioned + self.crashed + self.queue_full
    }

    /// Counts `times` instant broadcasts, each judged by its receivers as `deliveries` says.
    fn count_instant(&mut self, times: u64, deliveries: &[Delivery]) {
        let reached = deliveries.len() as u64;
        let rejected = deliveries.iter().filter(|d| matches!(d, Delivery::Rejected { .. })).count() as u64;
        self.sent += times;
        self.completed += times;
        self.delivered += times * reached;
        self.reach += times * reached;
        self.accepted += times * (reached - rejected);
        self.rejected += times * rejected;
    }

    /// Adds one to the counter of what `kind` traces (a tick, a pause, a resume, a held arrival
    /// and a timer count nothing).
    #[inline(always)]
    fn count(&mut self, kind: TraceKind) {
        let counter = match kind {
            TraceKind::Send => &mut self.sent,
            TraceKind::Accept => &mut self.accepted,
            TraceKind::Reject => &mut self.rejected,
            TraceKind::Duplicate => &mut self.duplicates,
            TraceKind::Forward => &mut self.forwarded,
            TraceKind::Lost => &mut self.lost,
            TraceKind::Partitioned => &mut self.partitioned,
            TraceKind::Crashed => &mut self.crashed,
            TraceKind::QueueFull => &mut self.queue_full,
            TraceKind::Tick | TraceKind::Pause | TraceKind::Resume | TraceKind::Held | TraceKind::Timer => {
                return
            }
        };
        *counter += 1;
    }
}

/// The state of a simulation at one tick, for charts: running totals and node counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TickStats {
    /// The tick's number (1 for the first).
    pub tick: u64,
    /// Its virtual time in ms.
    pub time_ms: f64,
    /// The engine's running totals then.
    pub totals: SimStats,
    /// Live nodes that are not crashed (paused ones included).
    pub online: u32,
    /// Live nodes that are crashed.
    pub crashed: u32,
    /// The smallest step of a running node (0 when none runs).
    pub min_step: u64,
    /// The largest step of a running node.
    pub max_step: u64,
}

/// The most ticks kept for `drain_tick_stats`; older ones are dropped first.
const TICK_LOG_LIMIT: usize = 65_536;

/// How the live nodes stand at a tick: running and crashed ones, and the spread of the running
/// ones' steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Census {
    /// Live nodes that are not crashed (paused ones included).
    pub(super) online: u32,
    /// Live nodes that are crashed.
    pub(super) crashed: u32,
    /// The smallest step of a running node (0 when none runs).
    pub(super) min_step: u64,
    /// The largest step of a running node.
    pub(super) max_step: u64,
}

/// The engine's books: the running totals, the trace, and the totals at each of the last
/// [`TICK_LOG_LIMIT`] ticks.
///
/// Totals only grow. An event traced with [`Ledger::note`] is counted by the same call, under
/// the counter of its kind, so the trace and the totals cannot disagree; instant broadcasts are
/// counted by [`Ledger::count_instant`] and traced by [`Ledger::trace_sends`], since a batch
/// counts them per sender and traces them per run of one sender.
#[derive(Debug)]
pub(super) struct Ledger {
    /// The running totals.
    totals: SimStats,
    /// Every event, hashed (and kept when recording).
    trace: Trace,
    /// The totals at each of the last ticks, oldest first.
    ticks: VecDeque<TickStats>,
}

impl Ledger {
    /// Empty books; `record_trace` keeps every trace event for export.
    pub(super) fn new(record_trace: bool) -> Self {
        Self { totals: SimStats::default(), trace: Trace::new(record_trace), ticks: VecDeque::new() }
    }

    /// The running totals.
    pub(super) fn totals(&self) -> &SimStats {
        &self.totals
    }

    /// The trace.
    pub(super) fn trace(&self) -> &Trace {
        &self.trace
    }

    /// Takes the trace events recorded since the last call.
    pub(super) fn drain_trace(&mut self) -> Vec<TraceEvent> {
        self.trace.drain_recorded()
    }

    /// Takes the tick statistics logged since the last call.
    pub(super) fn drain_ticks(&mut self) -> Drain<'_, TickStats> {
        self.ticks.drain(..)
    }

    /// Traces `event` and counts it under its kind.
    #[inline(always)]
    pub(super) fn note(&mut self, event: TraceEvent) {
        self.totals.count(event.kind);
        self.trace.push(event);
    }

    /// Counts `times` instant broadcasts, each judged by its receivers as `deliveries` says.
    pub(super) fn count_instant(&mut self, times: u64, deliveries: &[Delivery]) {
        self.totals.count_instant(times, deliveries);
    }

    /// Traces `count` sends from `sender` at `time_us`, with ids from `first_message` on.
    pub(super) fn trace_sends(&mut self, time_us: u64, sender: Slot, first_message: u64, count: u64) {
        self.trace.push_sends(time_us, sender, first_message, count);
    }

    /// Counts a first arrival (a delivery) of `size` bytes, `tampered` or not, and the
    /// receiver's `refusal`.
    pub(super) fn count_delivery(&mut self, size: u32, tampered: bool, refusal: Option<Refusal>) {
        self.totals.delivered += 1;
        self.totals.bytes_delivered += u64::from(size);
        self.totals.tampered += u64::from(tampered);
        match refusal {
            Some(Refusal::BadSignature) => self.totals.bad_signatures += 1,
            Some(Refusal::UnknownSender) => self.totals.unknown_senders += 1,
            Some(Refusal::Replay) => self.totals.replays += 1,
            None => {}
        }
    }

    /// Counts `copies` copies of `size` bytes put on links.
    pub(super) fn count_bytes_sent(&mut self, size: u32, copies: usize) {
        self.totals.bytes_sent += u64::from(size) * copies as u64;
    }

    /// Counts a relay a black hole swallowed.
    pub(super) fn count_swallowed(&mut self) {
        self.totals.swallowed += 1;
    }

    /// Counts a step a node synced to.
    pub(super) fn count_synced(&mut self) {
        self.totals.synced += 1;
    }

    /// Counts a message with nothing left in flight, which reached `reached` nodes.
    pub(super) fn count_completed(&mut self, reached: u32) {
        self.totals.completed += 1;
        self.totals.reach += u64::from(reached);
    }

    /// Logs tick number `tick` at `time_us` with the totals now, dropping the oldest beyond the
    /// limit.
    pub(super) fn log_tick(&mut self, tick: u64, time_us: u64, census: Census) {
        if self.ticks.len() == TICK_LOG_LIMIT {
            self.ticks.pop_front();
        }
        let Census { online, crashed, min_step, max_step } = census;
        let time_ms = time_us as f64 / 1000.0;
        self.ticks.push_back(TickStats {
            tick,
            time_ms,
            totals: self.totals,
            online,
            crashed,
            min_step,
            max_step,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: TraceKind) -> TraceEvent {
        TraceEvent { time_us: 5, kind, message: 1, from: 0, to: 1 }
    }

    #[test]
    fn each_noted_event_is_traced_and_counted_under_its_kind() {
        let mut ledger = Ledger::new(true);
        let kinds =
            [TraceKind::Accept, TraceKind::Lost, TraceKind::Lost, TraceKind::Tick, TraceKind::QueueFull];
        for kind in kinds {
            ledger.note(event(kind));
        }
        let t = *ledger.totals();
        assert_eq!((t.accepted, t.lost, t.queue_full, t.sent), (1, 2, 1, 0));
        assert_eq!(ledger.trace().len(), 5, "a tick is traced, though it counts nothing");
        assert_eq!(ledger.drain_trace().len(), 5);
    }

    #[test]
    fn the_tick_log_keeps_the_latest_ticks_with_the_totals_then() {
        let mut ledger = Ledger::new(false);
        let census = Census { online: 2, crashed: 1, min_step: 3, max_step: 4 };
        for tick in 1..=TICK_LOG_LIMIT as u64 + 2 {
            ledger.note(event(TraceKind::Duplicate));
            ledger.log_tick(tick, tick * 1500, census);
        }
        let log: Vec<TickStats> = ledger.drain_ticks().collect();
        assert_eq!(log.len(), TICK_LOG_LIMIT);
        assert_eq!((log[0].tick, log[0].time_ms, log[0].totals.duplicates), (3, 4.5, 3));
        assert_eq!((log[0].online, log[0].crashed, log[0].min_step, log[0].max_step), (2, 1, 3, 4));
        assert_eq!(ledger.drain_ticks().count(), 0, "drained");
    }
}
