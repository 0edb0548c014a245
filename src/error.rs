//! The one error type of the core: every rule a caller can break, with a stable code.

use std::fmt;

use crate::boundary::codes::ErrorCode;
use crate::boundary::CodeTable;

/// Which JavaScript error class an error is thrown as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// A value of the wrong type, or an object used after it stopped being valid.
    Type,
    /// A value of the right type outside the allowed range.
    Range,
}

/// A number printed the way JavaScript prints it (`NaN`, `Infinity`, `3`, `1.5`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JsNumber(pub f64);

impl fmt::Display for JsNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            v if v.is_nan() => f.write_str("NaN"),
            v if v == f64::INFINITY => f.write_str("Infinity"),
            v if v == f64::NEG_INFINITY => f.write_str("-Infinity"),
            v => {
                let mut text = String::new();
                crate::payload::write_number(&mut text, v);
                f.write_str(&text)
            }
        }
    }
}

/// Everything a caller of the mesh can get wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MeshError {
    /// A field holds a value of the wrong type.
    #[error("{field} must be {expected}, got {got}")]
    WrongType {
        /// The field's name as JavaScript callers spell it.
        field: String,
        /// What the field must be.
        expected: String,
        /// What the caller passed, described.
        got: String,
    },
    /// A number that is NaN or infinite.
    #[error("{field} must be a finite number, got {value}")]
    NotFinite {
        /// The field's name.
        field: &'static str,
        /// The value passed.
        value: JsNumber,
    },
    /// A number with a fractional part where an integer is required.
    #[error("{field} must be an integer, got {value}")]
    NotInteger {
        /// The field's name.
        field: &'static str,
        /// The value passed.
        value: JsNumber,
    },
    /// A negative number where zero or more is required.
    #[error("{field} must not be negative, got {value}")]
    Negative {
        /// The field's name.
        field: &'static str,
        /// The value passed.
        value: JsNumber,
    },
    /// An integer above `Number.MAX_SAFE_INTEGER`.
    #[error("{field} must be at most 9007199254740991 (Number.MAX_SAFE_INTEGER), got {value}")]
    UnsafeInteger {
        /// The field's name.
        field: &'static str,
        /// The value passed.
        value: JsNumber,
    },
    /// Zero or a negative number where at least 1 is required.
    #[error("{field} must be an integer of at least 1, got {value}")]
    NotPositive {
        /// The field's name.
        field: &'static str,
        /// The value passed.
        value: JsNumber,
    },
    /// An empty string or list where a non-empty one is required.
    #[error("{field} must not be empty")]
    Empty {
        /// The field's name.
        field: &'static str,
    },
    /// A string with a lone UTF-16 surrogate, which would not survive conversion to text.
    #[error("{field} must be a well-formed string (it contains a lone UTF-16 surrogate)")]
    NotWellFormed {
        /// The field's name.
        field: &'static str,
    },
    /// A second node with an id the network already has.
    #[error("nodeId \"{node_id}\" is already used by a node of this network")]
    DuplicateNodeId {
        /// The id that is taken.
        node_id: String,
    },
    /// A node used after `removeNode`.
    #[error("node \"{node_id}\" was removed from its network and can no longer be used")]
    NodeRemoved {
        /// The removed node's id.
        node_id: String,
    },
    /// A request for more memory than the module can allocate.
    #[error("{field} is too large: {value} values do not fit in memory")]
    TooLarge {
        /// The field's name.
        field: &'static str,
        /// The value passed.
        value: JsNumber,
    },
    /// A simulation setting outside its allowed range (a loss rate above 1, a negative latency).
    #[error("{field} must be {rule}, got {value}")]
    OutOfRange {
        /// The setting's path, such as `links.loss`.
        field: String,
        /// The rule, such as `a number in [0, 1]`.
        rule: &'static str,
        /// The value passed.
        value: JsNumber,
    },
    /// A name that is not one of the known ones (a topology, a distribution, a fault kind).
    #[error("{field} must be one of {allowed}, got \"{got}\"")]
    UnknownName {
        /// The setting's path, such as `topology.kind`.
        field: String,
        /// The known names, listed.
        allowed: &'static str,
        /// The name passed.
        got: String,
    },
    /// A reference to a node the network does not have (an edge, a partition group).
    #[error("{field} names no live node of this network: \"{node_id}\"")]
    UnknownNode {
        /// The setting's path, such as `edges[3]`.
        field: String,
        /// The id that matched no node.
        node_id: String,
    },
    /// Options or a scenario of the wrong shape: a field of the wrong type, or one not known.
    #[error("{field}: {problem}")]
    BadShape {
        /// Where the problem is, such as `links.loss`.
        field: String,
        /// What is wrong there.
        problem: String,
    },
    /// A key of the wrong length or form (a mesh key, a secret key).
    #[error("{field}: {problem}")]
    BadKey {
        /// Where the key was given, such as `auth.key`.
        field: String,
        /// What is wrong with it.
        problem: String,
    },
    /// A scenario that is not valid JSON or not of the documented shape.
    #[error("{field}: {problem}")]
    InvalidScenario {
        /// Where in the scenario the problem is, such as `faults[2].at`.
        field: String,
        /// What is wrong there.
        problem: String,
    },
    /// A setting that does not apply to this network (a sync workload without the global tick).
    #[error("{field}: {problem}")]
    NotApplicable {
        /// The setting, such as `workload.kind`.
        field: String,
        /// Why it does not apply.
        problem: String,
    },
    /// `endTimer` for a timer that is not running.
    #[error("no timer named \"{name}\" is running: call startTimer(\"{name}\") first")]
    TimerNotStarted {
        /// The timer's name.
        name: String,
    },
    /// A unicast to a node the sender has no link to: itself, or a node that is not its
    /// neighbour in a topology other than the full mesh.
    #[error(
        "{field} must name a neighbour of \"{sender}\" (see neighbours()), got \"{target}\"{}",
        if .sender == .target { " (the sender itself)" } else { "" }
    )]
    NotLinked {
        /// The argument naming the target, such as `toNodeId`.
        field: String,
        /// The sending node's id.
        sender: String,
        /// The target's id.
        target: String,
    },
    /// A paused node asked to send, or to pause again.
    #[error("node \"{node_id}\" is paused: it cannot send or be paused again until resume()")]
    NodePaused {
        /// The argument naming the node, such as `nodeId` or `senders[2]`.
        field: String,
        /// The paused node's id.
        node_id: String,
    },
    /// A crashed node asked to pause.
    #[error("node \"{node_id}\" is crashed: it cannot be paused (restart it first)")]
    NodeCrashed {
        /// The crashed node's id.
        node_id: String,
    },
    /// `resume` of a node that is not paused.
    #[error("node \"{node_id}\" is not paused: only a paused node can be resumed")]
    NodeNotPaused {
        /// The node's id.
        node_id: String,
    },
}

impl MeshError {
    /// The stable machine-readable code, set as `error.code` in JavaScript.
    pub fn code(&self) -> &'static str {
        self.error_code().name()
    }

    /// The error's code.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            Self::WrongType { .. } | Self::BadShape { .. } => ErrorCode::InvalidType,
            Self::NotFinite { .. } => ErrorCode::NotFinite,
            Self::NotInteger { .. } => ErrorCode::NotInteger,
            Self::Negative { .. } => ErrorCode::Negative,
            Self::UnsafeInteger { .. } => ErrorCode::UnsafeInteger,
            Self::NotPositive { .. } => ErrorCode::NotPositive,
            Self::Empty { .. } => ErrorCode::Empty,
            Self::NotWellFormed { .. } => ErrorCode::NotWellFormed,
            Self::DuplicateNodeId { .. } => ErrorCode::DuplicateNodeId,
            Self::NodeRemoved { .. } => ErrorCode::NodeRemoved,
            Self::TooLarge { .. } => ErrorCode::TooLarge,
            Self::TimerNotStarted { .. } => ErrorCode::TimerNotStarted,
            Self::OutOfRange { .. } => ErrorCode::OutOfRange,
            Self::UnknownName { .. } => ErrorCode::UnknownName,
            Self::UnknownNode { .. } => ErrorCode::UnknownNode,
            Self::InvalidScenario { .. } => ErrorCode::InvalidScenario,
            Self::BadKey { .. } => ErrorCode::BadKey,
            Self::NotLinked { .. } => ErrorCode::NotLinked,
            Self::NodePaused { .. } => ErrorCode::NodePaused,
            Self::NodeCrashed { .. } => ErrorCode::NodeCrashed,
            Self::NodeNotPaused { .. } => ErrorCode::NodeNotPaused,
            Self::NotApplicable { .. } => ErrorCode::NotApplicable,
        }
    }

    /// The field the error is about, set as `error.field` in JavaScript.
    pub fn field(&self) -> &str {
        match self {
            Self::WrongType { field, .. } => field,
            Self::NotFinite { field, .. }
            | Self::NotInteger { field, .. }
            | Self::Negative { field, .. }
            | Self::UnsafeInteger { field, .. }
            | Self::NotPositive { field, .. }
            | Self::TooLarge { field, .. }
            | Self::Empty { field }
            | Self::NotWellFormed { field } => field,
            Self::DuplicateNodeId { .. }
            | Self::NodeRemoved { .. }
            | Self::NodeCrashed { .. }
            | Self::NodeNotPaused { .. } => "nodeId",
            Self::TimerNotStarted { .. } => "name",
            Self::OutOfRange { field, .. }
            | Self::UnknownName { field, .. }
            | Self::UnknownNode { field, .. }
            | Self::InvalidScenario { field, .. }
            | Self::BadShape { field, .. }
            | Self::BadKey { field, .. }
            | Self::NotLinked { field, .. }
            | Self::NodePaused { field, .. }
            | Self::NotApplicable { field, .. } => field,
        }
    }

    /// The JavaScript error class this error is thrown as.
    pub fn class(&self) -> ErrorClass {
        match self {
            Self::WrongType { .. } | Self::NodeRemoved { .. } | Self::BadShape { .. } => ErrorClass::Type,
            _ => ErrorClass::Range,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::JsNumber;

    #[test]
    fn numbers_in_messages_read_as_javascript_prints_them() {
        let printed =
            [f64::NAN, f64::NEG_INFINITY, 3.0, -1.5, 1e21, 1e300, 1e-7].map(|v| JsNumber(v).to_string());
        assert_eq!(printed, ["NaN", "-Infinity", "3", "-1.5", "1e+21", "1e+300", "1e-7"]);
    }
}
