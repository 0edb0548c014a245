//! A message's pattern stamp and the verdict of checking it against a receiver's pattern.

use crate::error::MeshError;
use crate::pattern::PatternGenerator;
use crate::validate::safe_integer;

/// The bytes every message counts besides its payload (sender, step, pattern value, sequence and
/// framing), for link bandwidth and byte statistics.
pub const HEADER_BYTES: u32 = 32;

/// The size in bytes of a message carrying `payload`: its header plus the payload.
pub fn message_size(payload: &[u8]) -> u32 {
    HEADER_BYTES.saturating_add(u32::try_from(payload.len()).unwrap_or(u32::MAX))
}

/// The step and pattern value a sender stamps on a broadcast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The sender's global step when it broadcast.
    pub global_step: u64,
    /// The sender's pattern value at that step.
    pub pattern_value: u64,
}

/// What a validator concluded about one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The pattern value matches the validator's own pattern at the message's step.
    Accepted,
    /// The pattern value differs from the one the validator computes.
    Mismatch {
        /// The value the validator's pattern gives at the message's step.
        expected: u64,
    },
}

/// A message's step as received from outside: must be a safe non-negative integer.
pub fn parse_step(global_step: f64) -> Result<u64, MeshError> {
    safe_integer("globalStep", global_step)
}

/// Checks a received pattern value (any number) against `pattern` at `step`.
#[inline]
pub fn verify(pattern: &PatternGenerator, step: u64, received: f64) -> Verdict {
    let expected = pattern.value_at(step);
    if expected as f64 == received {
        Verdict::Accepted
    } else {
        Verdict::Mismatch { expected }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_against_the_receivers_pattern() {
        let p = PatternGenerator::new(7, 100).unwrap();
        assert_eq!(verify(&p, 0, 7.0), Verdict::Accepted);
        assert_eq!(verify(&p, 0, 9.0), Verdict::Mismatch { expected: 7 });
        assert_eq!(verify(&p, 1, f64::NAN), Verdict::Mismatch { expected: 4 });
        assert_eq!(verify(&p, 2, 1.5), Verdict::Mismatch { expected: 1 });
    }

    #[test]
    fn steps_must_be_safe_non_negative_integers() {
        assert_eq!(parse_step(5.0), Ok(5));
        assert_eq!(parse_step(-1.0).unwrap_err().code(), "ERR_NEGATIVE");
        assert_eq!(parse_step(0.5).unwrap_err().field(), "globalStep");
    }
}
