//! Option objects from JavaScript, read as JSON values so that every key is checked.
//!
//! `serde_wasm_bindgen` reads only the fields a struct knows, so a misspelt option would pass
//! unnoticed. Converting to a `serde_json::Value` first lets `deny_unknown_fields` see every key,
//! and the same code then reads options from JavaScript and scenarios from JSON text.

use js_sys::{Array, Object, Reflect};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use super::errors::{describe, js, JsResult};
use crate::sim::options::read_shape;

/// Reads a `T` from a JavaScript value, naming the path of a bad field under `root`.
pub(crate) fn read_js<T: DeserializeOwned>(value: &JsValue, root: &str) -> JsResult<T> {
    js(read_shape(to_json(value), root))
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
