//! Records as JSON for `run`'s report: a record's numbers as an object keyed by its fields'
//! JavaScript names, written as `JSON.stringify` writes them: whole numbers without a fraction,
//! NaN and infinities as null.

use serde_json::{Map, Value};

use crate::boundary::typescript::camel;
use crate::boundary::Layout;
use crate::validate::MAX_SAFE_INTEGER;

/// `v` as a JSON number (a whole one within 2^53 as an integer), or null when it is NaN or
/// infinite.
pub fn json_number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() <= MAX_SAFE_INTEGER as f64 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

/// The numbers of an `L` record (as its `write` gives them) as a JSON object.
pub fn record_json<L: Layout>(numbers: &[f64]) -> Map<String, Value> {
    L::FIELDS.iter().zip(numbers).map(|(field, &v)| (camel(field.name), json_number(v))).collect()
}
