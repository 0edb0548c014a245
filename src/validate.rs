//! Rules that turn untyped JavaScript numbers and strings into the core's typed values.

use crate::error::{JsNumber, MeshError};

/// The largest integer a JavaScript number holds exactly: 2^53 - 1.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A non-negative safe integer (seeds, steps): finite, whole, 0 ..= 2^53-1.
pub fn safe_integer(field: &'static str, value: f64) -> Result<u64, MeshError> {
    let number = JsNumber(value);
    if !value.is_finite() {
        Err(MeshError::NotFinite { field, value: number })
    } else if value.fract() != 0.0 {
        Err(MeshError::NotInteger { field, value: number })
    } else if value < 0.0 {
        Err(MeshError::Negative { field, value: number })
    } else if value > MAX_SAFE_INTEGER as f64 {
        Err(MeshError::UnsafeInteger { field, value: number })
    } else {
        Ok(value as u64)
    }
}

/// A safe integer of at least 1 (intervals, counts).
pub fn positive_integer(field: &'static str, value: f64) -> Result<u64, MeshError> {
    if value.is_finite() && value.fract() == 0.0 && value < 1.0 {
        return Err(MeshError::NotPositive { field, value: JsNumber(value) });
    }
    safe_integer(field, value)
}

/// A finite number in `min ..= max` (a simulation setting); `rule` describes the range.
pub fn number_in(field: &str, value: f64, min: f64, max: f64, rule: &'static str) -> Result<f64, MeshError> {
    if value.is_finite() && (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(MeshError::OutOfRange { field: field.to_owned(), rule, value: JsNumber(value) })
    }
}

/// A probability: a finite number in `0 ..= 1`.
pub fn probability(field: &str, value: f64) -> Result<f64, MeshError> {
    number_in(field, value, 0.0, 1.0, "a number in [0, 1]")
}

/// A duration in milliseconds: finite, not negative, and at most 1e12 (about 31 years, so that
/// virtual time in microseconds never overflows).
pub fn duration_ms(field: &str, value: f64) -> Result<f64, MeshError> {
    number_in(field, value, 0.0, 1e12, "a number of milliseconds in [0, 1e12]")
}

/// How long a run goes: `until` when given, else the scenario's `duration`, checked as a duration
/// named `until`; `ERR_INVALID_TYPE` naming `until` when there is neither (`flag`: how the caller
/// spells the option, `until` or `--until`).
pub fn until_or_duration(until: Option<f64>, duration: Option<f64>, flag: &str) -> Result<f64, MeshError> {
    match until.or(duration) {
        Some(ms) => duration_ms("until", ms),
        None => Err(MeshError::BadShape {
            field: "until".into(),
            problem: format!("give {flag}, or a scenario with a duration"),
        }),
    }
}

/// A non-empty string.
pub fn non_empty<'a>(field: &'static str, value: &'a str) -> Result<&'a str, MeshError> {
    if value.is_empty() {
        Err(MeshError::Empty { field })
    } else {
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simulation_settings_name_their_field_and_rule() {
        assert_eq!(probability("links.loss", 0.25), Ok(0.25));
        let err = probability("links.loss", 1.5).unwrap_err();
        assert_eq!((err.code(), err.field()), ("ERR_OUT_OF_RANGE", "links.loss"));
        assert_eq!(err.to_string(), "links.loss must be a number in [0, 1], got 1.5");
        assert_eq!(duration_ms("links.latency.mean", -1.0).unwrap_err().code(), "ERR_OUT_OF_RANGE");
        assert!(duration_ms("x", f64::NAN).is_err() && duration_ms("x", f64::INFINITY).is_err());
    }

    #[test]
    fn accepts_the_whole_safe_range() {
        assert_eq!(safe_integer("seed", 0.0), Ok(0));
        assert_eq!(safe_integer("seed", -0.0), Ok(0));
        assert_eq!(safe_integer("seed", 9_007_199_254_740_991.0), Ok(MAX_SAFE_INTEGER));
    }

    #[test]
    fn names_the_rule_each_bad_number_breaks() {
        let code = |v: f64| safe_integer("seed", v).unwrap_err().code();
        assert_eq!(code(f64::NAN), "ERR_NOT_FINITE");
        assert_eq!(code(f64::INFINITY), "ERR_NOT_FINITE");
        assert_eq!(code(1.5), "ERR_NOT_INTEGER");
        assert_eq!(code(-1.0), "ERR_NEGATIVE");
        assert_eq!(code(9_007_199_254_740_992.0), "ERR_UNSAFE_INTEGER");
    }

    #[test]
    fn messages_name_the_field_and_value_as_javascript_prints_them() {
        let err = safe_integer("globalStep", -2.5).unwrap_err();
        assert_eq!(err.to_string(), "globalStep must be an integer, got -2.5");
        let err = safe_integer("seed", f64::NEG_INFINITY).unwrap_err();
        assert_eq!(err.to_string(), "seed must be a finite number, got -Infinity");
    }

    #[test]
    fn interval_must_be_at_least_one() {
        assert_eq!(positive_integer("phaseResetInterval", 1.0), Ok(1));
        for bad in [0.0, -3.0] {
            let err = positive_integer("phaseResetInterval", bad).unwrap_err();
            assert_eq!(err.code(), "ERR_NOT_POSITIVE");
            assert!(err.to_string().starts_with("phaseResetInterval must be an integer of at least 1"));
        }
        assert_eq!(positive_integer("phaseResetInterval", 0.5).unwrap_err().code(), "ERR_NOT_INTEGER");
    }

    #[test]
    fn a_run_goes_until_the_given_time_else_the_scenarios_duration() {
        assert_eq!(until_or_duration(Some(5.0), Some(9.0), "until").unwrap(), 5.0);
        assert_eq!(until_or_duration(None, Some(9.0), "until").unwrap(), 9.0);
        let neither = until_or_duration(None, None, "--until").unwrap_err();
        assert_eq!(
            (neither.code(), neither.to_string()),
            ("ERR_INVALID_TYPE", "until: give --until, or a scenario with a duration".into())
        );
        let bad = until_or_duration(None, Some(-1.0), "until").unwrap_err();
        assert_eq!((bad.code(), bad.field()), ("ERR_OUT_OF_RANGE", "until"));
    }

    #[test]
    fn empty_strings_are_refused() {
        assert_eq!(non_empty("nodeId", "a"), Ok("a"));
        assert_eq!(non_empty("nodeId", "").unwrap_err().to_string(), "nodeId must not be empty");
    }
}
