//! Option objects from JavaScript, read as JSON values so that every key is checked.
//!
//! The JavaScript value becomes a `serde_json::Value`, which the core's readers
//! ([`crate::shape`]) walk key by key: a misspelt option is refused, and the same code reads
//! options from JavaScript and scenarios from JSON text.

use js_sys::{Array, Object, Reflect};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use super::errors::{describe, js, JsResult};
use crate::shape::{read_shape, Shape};

/// Reads a `T` from a JavaScript value, naming the path of a bad field under `root`.
pub(crate) fn read_js<T: Shape>(value: &JsValue, root: &str) -> JsResult<T> {
    js(read_shape(&to_json(value), root))
}

/// The value as JSON. A number that is not finite, and anything JSON cannot hold (functions,
/// symbols, bigints), becomes a description string, so reading it as a number fails with an
/// error that names the field and says what was there.
fn to_json(value: &JsValue) -> Value {
    if value.is_null() || value.is_undefined() {
        Value::Null
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = value.as_f64() {
        serde_json::Number::from_f64(n).map_or_else(|| Value::String(describe(value)), Value::Number)
    } else if let Some(s) = value.as_string() {
        Value::String(s)
    } else if Array::is_array(value) {
        Value::Array(Array::from(value).iter().map(|item| to_json(&item)).collect())
    } else if value.is_object() && !value.is_function() {
        let object: &Object = value.unchecked_ref();
        let mut map = Map::new();
        for key in Object::keys(object).iter() {
            if let Some(name) = key.as_string() {
                let item = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
                map.insert(name, to_json(&item));
            }
        }
        Value::Object(map)
    } else {
        Value::String(describe(value))
    }
}
