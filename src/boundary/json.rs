//! Records as JSON (the command line's reports, an experiment's records and summaries): a
//! record's numbers as an object keyed by its fields' JavaScript names, each number written as
//! `JSON.stringify` writes it: whole numbers without a fraction, NaN and infinities as null.

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

/// `value` with every number written as [`json_number`] writes it: a document read from JSON text
/// (whole numbers as integers) and the same document from JavaScript (every number a float) then
/// print, hash and compare alike.
pub fn normalized(value: &Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or_else(|| value.clone(), json_number),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), normalized(v))).collect()),
        other => other.clone(),
    }
}
