//! The records of the reports and typed arrays the bindings hand to JavaScript.
//!
//! A report is a `Float64Array` view of wasm memory: a header record, then lists of records whose
//! lengths the header gives. Every code field holds a position in a [`super::CodeTable`], and
//! [`super::codes::NONE`] (-1) stands for "none".

use std::collections::BTreeMap;

use super::{record, CodeTable, Field};

record! {
    /// The head of a broadcast's report, followed by `rejectedCount` [`Rejection`]s, then one
    /// [`WatcherAnomalyRecord`] per watcher anomaly up to the report's end.
    pub struct BroadcastStamp {
        /// The step the message carries.
        global_step,
        /// The pattern value it carries.
        pattern_value,
        /// Its id (0: a scheduled message from a crashed sender, which sent nothing).
        message_id,
        /// 1 when every live node not listed as rejecting accepted it at once; 0 when it is scheduled.
        instant,
        /// The slot of the node it claims to be from, or `NONE` for an id no node has (`claimedName`).
        claimed_slot,
        /// How many rejections follow.
        rejected_count,
        /// 1 when no observer watches and every live node accepted it at once: until the next
        /// other call into the network, the sender's broadcasts may wait in JavaScript and be
        /// sent as one `broadcastBatch`, to the same effect.
        unanimous,
    }
}

record! {
    /// The report of a unicast (`send`), followed by one [`WatcherAnomalyRecord`] per watcher
    /// anomaly up to the report's end.
    pub struct UnicastReport {
        /// The step the message carries.
        global_step,
        /// The pattern value it carries.
        pattern_value,
        /// Its id (0: a scheduled message from a crashed sender, which sent nothing).
        message_id,
        /// 1 when its receiver judged it at once; 0 when it is scheduled.
        instant,
        /// The slot of the node it claims to be from, or `NONE` for an id no node has (`claimedName`).
        claimed_slot,
        /// The receiver's slot.
        receiver,
        /// The value the receiver expected when it rejected it at once, else `NONE`.
        expected,
    }
}

record! {
    /// A receiver that rejected a message: the value its own pattern expected.
    pub struct Rejection {
        /// The receiver's slot.
        slot,
        /// The pattern value it expected.
        expected,
    }
}

record! {
    /// An anomaly a watching observer flagged in a message.
    pub struct WatcherAnomalyRecord {
        /// The observer's index in the network's watch order.
        watcher,
        /// The anomaly's code (`ANOMALY_KINDS`).
        kind,
        /// The value it expected (the pattern value, or the tick count for a step skew).
        expected,
    }
}

record! {
    /// The head of a batch's report, followed by `groupCount` [`BatchGroup`]s.
    pub struct BatchHead {
        /// The id of the batch's first message; message `i` has id `firstMessageId + i`.
        first_message_id,
        /// How many groups follow.
        group_count,
    }
}

record! {
    /// The messages of one sender in a batch (all with the same outcome), followed by
    /// `rejectedCount` [`Rejection`]s and `anomalyCount` [`WatcherAnomalyRecord`]s.
    pub struct BatchGroup {
        /// The sender's slot.
        sender_slot,
        /// The step its messages carry.
        global_step,
        /// The pattern value they carry.
        pattern_value,
        /// How many rejections follow.
        rejected_count,
        /// How many watcher anomalies follow the rejections.
        anomaly_count,
    }
}

record! {
    /// The head of the report `run`, `runUntil` and `step` write, followed by `eventCount`
    /// events, each a record chosen by its first number (`DRAIN_EVENTS`), then the bulk
    /// protocol's batch: `bulkArrivals` [`BulkArrivalRecord`]s and `bulkTimers` [`BulkTimerRecord`]s.
    pub struct DrainHead {
        /// How many events follow.
        event_count,
        /// When timers fired and the run stopped at their time: the time in microseconds it was
        /// running to (go on with `resumeUntil` once their callbacks ran), else -1.
        paused_until,
        /// How many first arrivals the bulk protocol has to handle.
        bulk_arrivals,
        /// How many of its bulk timers fired.
        bulk_timers,
    }
}

record! {
    /// A first arrival the bulk protocol handles: its node accepted the message.
    pub struct BulkArrivalRecord {
        /// When it arrived, in milliseconds of virtual time.
        time_ms,
        /// The receiver's slot.
        node,
        /// The slot it came from over the last link.
        from,
        /// Links from its sender (1 for a copy straight from it).
        hops,
        /// The message's id.
        message_id,
    }
}

record! {
    /// A bulk timer that fired (at the time the run stopped).
    pub struct BulkTimerRecord {
        /// Its node's slot.
        node,
        /// The number it was set with.
        tag,
    }
}

record! {
    /// One op of the list `resumeBulk` takes: what the bulk protocol's handler asked for.
    pub struct BulkOpRecord {
        /// The op's code (`BULK_OPS`).
        kind,
        /// The arrival's position in the batch (`relay`, `forward`).
        arrival,
        /// The node to forward to (`forward`) or whose timer to set (`timer`).
        node,
        /// The timer's delay in milliseconds (`timer`).
        delay_ms,
        /// The number the timer fires with (`timer`).
        tag,
    }
}

record! {
    /// The broadcast workload handed a value to a node that runs a protocol.
    pub struct OfferedEvent {
        /// The event's code (`offered`).
        kind,
        /// The node's slot.
        node,
        /// The value.
        value,
    }
}

record! {
    /// The head of `workloadReport()`: what follows it, in this order: a `BroadcastSummary`
    /// (when `broadcast` is 1), a `Metrics` of its latencies (when `latency` is 1), `missingCount`
    /// `MissingValue`s, `healCount` `HealRecord`s, then a `SyncSummary` (when `sync` is 1) and
    /// `disturbanceCount` `DisturbanceRecord`s.
    pub struct WorkloadReportHead {
        /// 1 when a broadcast workload runs.
        broadcast,
        /// 1 when its latencies follow (something was learned).
        latency,
        /// Missing pairs listed.
        missing_count,
        /// Heals listed.
        heal_count,
        /// 1 when a sync workload runs.
        sync,
        /// Disturbances listed.
        disturbance_count,
    }
}

record! {
    /// The engine (churn, a scenario's event) crashed or restarted a node that runs a protocol.
    pub struct LifecycleEvent {
        /// The event's code (`lifecycle`).
        kind,
        /// The node's slot.
        node,
        /// 1 when it crashed, 0 when it restarted.
        crashed,
    }
}

record! {
    /// A timer is done with (timer events come last in a report, in order): it fired, and the run
    /// stopped at its time for its callback to run; or it was dropped unfired (cancelled, voided
    /// by its node's crash or removal, or its node was down). Either way its id may be reused.
    pub struct TimerEvent {
        /// The event's code (`timer`).
        kind,
        /// The timer's id (from `setTimer`).
        timer_id,
        /// 1 when it fired, 0 when it was dropped.
        fired,
    }
}

record! {
    /// A scheduled message arrived at a node that listens.
    pub struct ArrivalEvent {
        /// The event's code (`arrived`).
        kind,
        /// The message's id.
        message_id,
        /// The slot it came from over the last link.
        from,
        /// The receiver's slot.
        receiver,
        /// The value the receiver expected when it rejected the pattern, else -1.
        expected,
        /// The step the receiver synced to (`autoSync`), else -1.
        synced_to,
        /// 1 when a byzantine relay tampered with this copy, else 0.
        tampered,
        /// Why an authenticated receiver refused it (`REFUSALS`), else -1.
        refusal,
        /// How many links it travelled.
        hops,
        /// 1 when it was sent to this node alone (`send`), 0 for a broadcast.
        unicast,
    }
}

record! {
    /// The engine sent a message, followed by `anomalyCount` [`WatcherAnomalyRecord`]s.
    pub struct SentEvent {
        /// The event's code (`sent`).
        kind,
        /// The message's id.
        message_id,
        /// The sender's slot.
        sender,
        /// The slot of the node it claims to be from, or `FIRST_UNKNOWN_CLAIM - i` for the id
        /// `claimedNames()[i]` that no node has.
        claimed_slot,
        /// The step it carries.
        global_step,
        /// The pattern value it carries.
        pattern_value,
        /// The index of the scenario event whose payload it carries, or -1 for none.
        payload,
        /// The broadcast workload's value it carries (its `data`), or -1 for none.
        value,
        /// The sender's sequence number (authenticated networks; 0 otherwise).
        sequence,
        /// How many bytes its tag or signature takes in `sentProofs()` (0 without authentication).
        proof_length,
        /// How many watcher anomalies follow.
        anomaly_count,
    }
}

record! {
    /// A message has nothing left in flight.
    pub struct CompletedEvent {
        /// The event's code (`completed`).
        kind,
        /// The message's id.
        message_id,
    }
}

record! {
    /// One node of `nodeStates()`, by slot.
    pub struct NodeStateRecord {
        /// Its status code (`NODE_STATUSES`).
        status,
        /// Its global step (0 when removed).
        global_step,
        /// Messages it sent.
        sent,
        /// Messages it accepted.
        received,
        /// Messages it rejected.
        rejected,
    }
}

record! {
    /// One transfer in flight in `transfers()`.
    pub struct TransferRecord {
        /// The slot it left.
        from,
        /// The slot it travels to.
        to,
        /// How far along the link it is, 0 to 1.
        progress,
        /// How it ends if nothing changes before it arrives (`OUTLOOKS`).
        outlook,
        /// The message's id (for `dropMessage`).
        message_id,
    }
}

record! {
    /// One event of `drainTrace()`.
    pub struct TraceRecord {
        /// Virtual time in microseconds.
        time_us,
        /// What happened (`TRACE_KINDS`).
        kind,
        /// The message's id (0 for a tick).
        message_id,
        /// The slot the message came from (the sender for a send).
        from,
        /// The slot it went to (the sender for a send).
        to,
    }
}

record! {
    /// One attack of `attackLab()`: the share (0..1) of its deliveries receivers turned away.
    pub struct AttackLabRecord {
        /// With the pattern only.
        none,
        /// With HMAC-SHA256 tags.
        hmac,
        /// With ed25519 signatures.
        ed25519,
    }
}

record! {
    /// The start of a row of `drainTickStats()`: which tick it is. The running totals
    /// (`SimStats`) follow, then a [`TickTail`].
    pub struct TickHead {
        /// The tick's number (1 for the first).
        tick,
        /// Its virtual time in ms.
        time,
    }
}

record! {
    /// The end of a row of `drainTickStats()`: how the live nodes stood at the tick.
    pub struct TickTail {
        /// Live nodes that are not crashed (paused ones included).
        online,
        /// Live nodes that are crashed.
        crashed_nodes,
        /// The smallest step of a running node (0 when none runs).
        min_step,
        /// The largest step of a running node.
        max_step,
    }
}

impl From<&crate::sim::engine::TickStats> for TickTail {
    /// The node counts and the spread of steps of a tick's stats.
    fn from(t: &crate::sim::engine::TickStats) -> Self {
        TickTail {
            online: f64::from(t.online),
            crashed_nodes: f64::from(t.crashed),
            min_step: t.min_step as f64,
            max_step: t.max_step as f64,
        }
    }
}

record! {
    /// A node's message counters: the record `counters()` returns (`MeshNode.getStats()`).
    pub struct NodeStats {
        /// Messages the node broadcast.
        pub messages_sent: u64,
        /// Messages the node accepted.
        pub messages_received: u64,
        /// Messages the node rejected (pattern mismatch or malformed).
        pub messages_rejected: u64,
    }
}

record! {
    /// What an observer counted over every message: the record `statistics()` returns, followed
    /// by [`ANOMALIES_BY_KIND`] (the generated `StatisticsTotals` reads both).
    pub struct StatisticsTotals {
        /// Messages observed.
        pub total: u64,
        /// Messages that passed every check.
        pub valid: u64,
        /// Messages flagged as anomalies.
        pub anomalies: u64,
        /// `valid / total` in 0..1; 1 before any message.
        pub success_rate: f64,
    }
}

record! {
    /// One sender's counts with an observer: a row of `senderStatistics()` (one per id of
    /// `senderIds()`, in that order), followed by [`ANOMALIES_BY_KIND`] (the generated
    /// `SenderStatistics` reads both).
    pub struct SenderTotals {
        /// Messages observed.
        pub total: u64,
        /// Messages that passed every check.
        pub valid: u64,
        /// Messages flagged as anomalies.
        pub anomalies: u64,
        /// `valid / total` in 0..1 (1 before any message): the share of its messages that passed.
        pub trust: f64,
    }
}

/// The anomalies of each kind that follow a [`StatisticsTotals`] or a [`SenderTotals`]: one count
/// per code of `ANOMALY_KINDS` (see [`write_counts`]), read in JavaScript as the kinds with one.
pub const ANOMALIES_BY_KIND: Field =
    Field { name: "anomalies_by_kind", doc: "Anomalies of each kind (kinds with none are absent)." };

/// Appends one count per code of `C`, in code order (0 for a value `counts` lacks).
pub fn write_counts<C: CodeTable + Ord>(counts: &BTreeMap<C, u64>, out: &mut Vec<f64>) {
    out.extend(C::ALL.iter().map(|value| counts.get(value).map_or(0.0, |&count| count as f64)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::Layout;

    #[test]
    fn a_record_writes_its_fields_in_declared_order() {
        let mut out = vec![9.0];
        Rejection { slot: 3.0, expected: 42.0 }.write(&mut out);
        assert_eq!(out, [9.0, 3.0, 42.0]);
        assert_eq!(Rejection::LEN, 2);
        assert_eq!(Rejection::FIELDS[1].name, "expected");
    }

    #[test]
    fn counts_follow_the_code_order_with_zeros_for_absent_codes() {
        use crate::observer::AnomalyKind;
        let counts = BTreeMap::from([(AnomalyKind::BadSignature, 2), (AnomalyKind::PatternMismatch, 5)]);
        let mut out = Vec::new();
        write_counts(&counts, &mut out);
        assert_eq!(out, [5.0, 0.0, 0.0, 0.0, 0.0, 2.0]);
    }

    #[test]
    fn every_drain_event_starts_with_its_kind() {
        for fields in [ArrivalEvent::FIELDS, SentEvent::FIELDS, CompletedEvent::FIELDS] {
            assert_eq!(fields[0].name, "kind");
        }
    }
}
