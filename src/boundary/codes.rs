//! The code tables that cross the boundary and are not owned by a core type (the others are
//! declared with `code_table!` where they live: anomaly kinds, trace kinds, outlooks, refusals).

use super::{code_table, CodeTable};

code_table! {
    /// A node's status in `nodeStates()`.
    pub enum NodeStatus {
        /// The node was removed.
        Removed = "removed",
        /// The node is live and running.
        Online = "online",
        /// The node is live and crashed.
        Crashed = "crashed",
        /// The node is live and paused: it holds what arrives until resumed.
        Paused = "paused",
    }
}

code_table! {
    /// The kinds of event in the report `run`, `runUntil` and `step` write.
    pub enum DrainEvent {
        /// A message arrived at a listening node.
        Arrived = "arrived",
        /// The engine sent a message (traffic or a scenario event).
        Sent = "sent",
        /// A message has nothing left in flight.
        Completed = "completed",
        /// A timer fired or was dropped.
        Timer = "timer",
        /// The engine crashed or restarted a node that runs a protocol.
        Lifecycle = "lifecycle",
        /// The broadcast workload handed a value to a node that runs a protocol.
        Offered = "offered",
    }
}

code_table! {
    /// What a bulk protocol's handler may ask for (`BulkOpRecord.kind`).
    pub enum BulkOpKind {
        /// Send an arrival's message on to every neighbour but the one it came from.
        Relay = "relay",
        /// Send an arrival's message on to one neighbour.
        Forward = "forward",
        /// Set a bulk timer.
        Timer = "timer",
    }
}

code_table! {
    /// The stable machine-readable `code` of every error data-mesh throws.
    pub enum ErrorCode {
        /// A value of the wrong type (or shape).
        InvalidType = "ERR_INVALID_TYPE",
        /// NaN or an infinity where a finite number is needed.
        NotFinite = "ERR_NOT_FINITE",
        /// A fraction where a whole number is needed.
        NotInteger = "ERR_NOT_INTEGER",
        /// A negative number where none is allowed.
        Negative = "ERR_NEGATIVE",
        /// A whole number beyond 2^53 - 1.
        UnsafeInteger = "ERR_UNSAFE_INTEGER",
        /// Zero or less where a positive number is needed.
        NotPositive = "ERR_NOT_POSITIVE",
        /// An empty string or list where one is needed.
        Empty = "ERR_EMPTY",
        /// A string with a lone UTF-16 surrogate.
        NotWellFormed = "ERR_NOT_WELL_FORMED",
        /// A node id that is already taken.
        DuplicateNodeId = "ERR_DUPLICATE_NODE_ID",
        /// A handle of a removed node.
        NodeRemoved = "ERR_NODE_REMOVED",
        /// A size beyond what the library supports.
        TooLarge = "ERR_TOO_LARGE",
        /// `endTimer` for a timer that is not running.
        TimerNotStarted = "ERR_TIMER_NOT_STARTED",
        /// A number outside its allowed range.
        OutOfRange = "ERR_OUT_OF_RANGE",
        /// A name that is none of the allowed ones.
        UnknownName = "ERR_UNKNOWN_NAME",
        /// A node id that no live node has.
        UnknownNode = "ERR_UNKNOWN_NODE",
        /// A scenario document that breaks a rule.
        InvalidScenario = "ERR_INVALID_SCENARIO",
        /// A key of the wrong length or for the wrong auth mode.
        BadKey = "ERR_BAD_KEY",
        /// A method of an object after `free()` (thrown by the facade).
        ObjectFreed = "ERR_OBJECT_FREED",
        /// A call before `await init()` in a browser (thrown by the facade).
        NotInitialized = "ERR_NOT_INITIALIZED",
        /// A unicast to a node the sender has no link to (itself, or no neighbour).
        NotLinked = "ERR_NOT_LINKED",
        /// A paused node asked to send, or to pause again.
        NodePaused = "ERR_NODE_PAUSED",
        /// A crashed node asked to pause.
        NodeCrashed = "ERR_NODE_CRASHED",
        /// `resume` of a node that is not paused.
        NodeNotPaused = "ERR_NODE_NOT_PAUSED",
        /// A setting that does not apply to this network (a sync workload without the global tick).
        NotApplicable = "ERR_NOT_APPLICABLE",
    }
}

/// What a receive or observe call returns besides the expected value of a pattern mismatch
/// (expected values are never negative, so these never collide with one).
pub mod verdict {
    /// The message was accepted.
    pub const ACCEPTED: f64 = -1.0;
    /// The message was malformed.
    pub const MALFORMED: f64 = -2.0;
    /// The first refusal code of `receiveSigned`: refusal `r` returns `REFUSED - code(r)`.
    pub const REFUSED: f64 = -3.0;
    /// Every verdict by name, for the generated TypeScript.
    pub const ALL: [(&str, f64, &str); 3] = [
        ("accepted", ACCEPTED, "The message was accepted."),
        ("malformed", MALFORMED, "The message was malformed."),
        ("refused", REFUSED, "An authenticated receive refused it: refusal `r` returns `refused - code(r)`."),
    ];
}

/// The value in the report for "none" in a field that otherwise holds a code, slot or step; also
/// the size a caller passes for a message it has not sized.
pub const NONE: f64 = -1.0;

/// What `broadcast` and `unicast` return, sending nothing, when a scheduled network needs the size
/// of a message the caller did not size (it then sizes it and calls again).
pub const NEEDS_SIZE: usize = u32::MAX as usize;

/// An engine-made send's `claimedSlot` for the first id no node has (`claimedNames()[0]`); the
/// `i`-th such id is `FIRST_UNKNOWN_CLAIM - i`.
pub const FIRST_UNKNOWN_CLAIM: f64 = -2.0;

/// The `claimedSlot` of the `index`-th claimed id that no node has.
pub fn unknown_claim(index: usize) -> f64 {
    FIRST_UNKNOWN_CLAIM - index as f64
}

/// A code as the number a report carries.
pub fn code_of<C: CodeTable>(value: C) -> f64 {
    f64::from(value.code())
}

/// An optional code as the number a report carries ([`NONE`] when absent).
pub fn code_or_none<C: CodeTable>(value: Option<C>) -> f64 {
    value.map_or(NONE, code_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observer::AnomalyKind;
    use crate::sim::engine::{Outlook, Refusal};
    use crate::sim::trace::TraceKind;

    fn codes_are_positions<C: CodeTable + std::fmt::Debug>() {
        for (i, &value) in C::ALL.iter().enumerate() {
            assert_eq!(usize::from(value.code()), i, "{value:?}");
        }
    }

    #[test]
    fn every_code_is_its_position_in_all() {
        codes_are_positions::<NodeStatus>();
        codes_are_positions::<DrainEvent>();
        codes_are_positions::<BulkOpKind>();
        codes_are_positions::<ErrorCode>();
        codes_are_positions::<Outlook>();
        codes_are_positions::<Refusal>();
        codes_are_positions::<AnomalyKind>();
        codes_are_positions::<TraceKind>();
        // The engine casts these to numbers directly.
        assert_eq!(Outlook::Dropped as u8, Outlook::Dropped.code());
        assert_eq!(TraceKind::Held as u8, TraceKind::Held.code());
        assert!(TraceKind::ALL.len() <= 16, "a trace kind fits the 4 bits a hashed entry has for it");
    }

    #[test]
    fn a_code_table_serializes_as_its_name() {
        assert_eq!(serde_json::to_string(&TraceKind::QueueFull).unwrap(), "\"queue-full\"");
        assert_eq!(serde_json::to_string(&AnomalyKind::StepSkew).unwrap(), "\"step-skew\"");
    }
}
