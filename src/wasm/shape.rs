//! Option objects from JavaScript, read as JSON values so that every key is checked.
//!
//! The JavaScript value becomes a `serde_json::Value`, which the core's readers
//! ([`crate::shape`]) walk key by key: a misspelt option is refused, and the same code reads
//! options from JavaScript and scenarios from JSON text.

use js_sys::{Array, Object, Reflect};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use super::errors::{describe, is_array, js, JsResult};
use crate::error::MeshError;
use crate::shape::{read_shape, Field, Shape};

/// How deep a value may nest: a deeper one is refused before it can exhaust wasm's stack (a trap
/// there breaks every later call, even on new objects). Options nest three levels; 128 is what
/// serde_json allowed scenario text, so a scenario's event data may nest as deep as it could.
const MAX_DEPTH: usize = 128;

/// How many values (objects, arrays and what they hold) a value may have: bounds the time spent on
/// an object whose properties share or cycle back to one object many times (2^128 visits at 128
/// levels of `{ a: o, b: o }`; 100 000 take about 0.2 s). Options have a few dozen values, a big
/// scenario some thousands.
const MAX_VALUES: usize = 100_000;

#[wasm_bindgen]
extern "C" {
    // The readers of arrays and keys that may run a proxy's traps, with what they throw caught: an
    // exception thrown through wasm would leave the network it was reading for borrowed for good.
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn array_from(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(object: &JsValue) -> Result<Array, JsValue>;
}

/// Reads a `T` from a JavaScript value, naming the path of a bad field under `root`.
pub(crate) fn read_js<T: Shape>(value: &JsValue, root: &str) -> JsResult<T> {
    let too_big =
        |problem| MeshError::BadShape { field: Field::root(&Value::Null, root).path().to_owned(), problem };
    let mut values = MAX_VALUES;
    let json = to_json(value, MAX_DEPTH, &mut values).map_err(too_big);
    js(json.and_then(|json| read_shape(&json, root)))
}

/// The value as JSON. A number that is not finite, and anything JSON cannot hold (functions,
/// symbols, bigints), becomes a description string, so reading it as a number fails with an
/// error that names the field and says what was there. Fails, saying which limit it passed, when
/// arrays and objects nest more than `depth` levels or hold more than `values` values in all.
fn to_json(value: &JsValue, depth: usize, values: &mut usize) -> Result<Value, String> {
    *values = values.checked_sub(1).ok_or_else(|| format!("made of more than {MAX_VALUES} values"))?;
    let nested = || depth.checked_sub(1).ok_or_else(|| format!("nested deeper than {MAX_DEPTH} levels"));
    Ok(if value.is_null() || value.is_undefined() {
        Value::Null
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = value.as_f64() {
        serde_json::Number::from_f64(n).map_or_else(|| Value::String(describe(value)), Value::Number)
    } else if let Some(s) = value.as_string() {
        Value::String(s)
    } else if is_array(value).map_err(unreadable)? {
        let depth = nested()?;
        Value::Array(
            array_from(value)
                .map_err(unreadable)?
                .iter()
                .map(|item| to_json(&item, depth, values))
                .collect::<Result<_, _>>()?,
        )
    } else if value.is_object() && !value.is_function() {
        let depth = nested()?;
        let object: &Object = value.unchecked_ref();
        let mut map = Map::new();
        for key in object_keys(object).map_err(unreadable)?.iter() {
            if let Some(name) = key.as_string() {
                let item = Reflect::get(object, &key).map_err(unreadable)?;
                map.insert(name, to_json(&item, depth, values)?);
            }
        }
        Value::Object(map)
    } else {
        Value::String(describe(value))
    })
}

/// The problem with a value whose reading threw (a getter, a proxy's trap).
fn unreadable(_thrown: JsValue) -> String {
    "could not be read: a getter or proxy trap threw".to_owned()
}
