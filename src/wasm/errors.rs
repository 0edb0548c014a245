//! Turns core errors into JavaScript `TypeError`/`RangeError` objects with `code` and `field`.

use js_sys::{Error, RangeError, Reflect, TypeError};
use wasm_bindgen::prelude::*;

use crate::error::{ErrorClass, MeshError};

/// The result type of every fallible binding method.
pub(crate) type JsResult<T> = Result<T, JsValue>;

/// The JavaScript error for `err`: its class, message, `code` and `field`.
pub(crate) fn to_js(err: MeshError) -> JsValue {
    let message = err.to_string();
    let error: Error = match err.class() {
        ErrorClass::Type => TypeError::new(&message).into(),
        ErrorClass::Range => RangeError::new(&message).into(),
    };
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &"code".into(), &err.code().into());
    let _ = Reflect::set(&error, &"field".into(), &err.field().into());
    error.into()
}

/// Maps a core result into a binding result.
pub(crate) fn js<T>(result: Result<T, MeshError>) -> JsResult<T> {
    result.map_err(to_js)
}

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray(value)`, with what it throws caught (it throws for a revoked proxy): an
    /// exception thrown through wasm would leave the object being called borrowed for good.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// How a JavaScript value reads in an error message ("a string", "undefined", "NaN", ...).
pub(crate) fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(s) = value.as_string() {
        format!("the string {s:?}")
    } else if let Some(n) = value.as_f64() {
        format!("the number {}", crate::error::JsNumber(n))
    } else if let Some(b) = value.as_bool() {
        format!("the boolean {b}")
    } else if value.is_function() {
        "a function".into()
    } else if value.is_bigint() {
        "a bigint".into()
    } else if value.is_symbol() {
        "a symbol".into()
    } else if is_array(value).unwrap_or(false) {
        "an array".into()
    } else {
        "an object".into()
    }
}

/// The text of `value`, unless it holds a lone surrogate (which `String` would replace with U+FFFD,
/// merging distinct ids).
pub(crate) fn well_formed(field: &'static str, value: &js_sys::JsString) -> JsResult<String> {
    if value.is_valid_utf16() {
        Ok(value.into())
    } else {
        Err(to_js(MeshError::NotWellFormed { field }))
    }
}

/// The error for a value of the wrong type in `field`.
pub(crate) fn wrong_type(field: &str, expected: &str, value: &JsValue) -> MeshError {
    MeshError::WrongType { field: field.to_owned(), expected: expected.to_owned(), got: describe(value) }
}

/// The `ERR_INVALID_TYPE` error for `value` in `field`, which must be `expected` (the facade throws it).
#[wasm_bindgen(js_name = invalidTypeError, unchecked_return_type = "TypeError")]
pub fn invalid_type_error(
    field: &str,
    expected: &str,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> JsValue {
    to_js(wrong_type(field, expected, &value))
}

/// The `ERR_INVALID_SCENARIO` error for scenario text `JSON.parse` refused with `problem` (the facade throws it).
#[wasm_bindgen(js_name = notJsonError, unchecked_return_type = "Error")]
pub fn not_json_error(problem: &str) -> JsValue {
    to_js(crate::sim::scenario::not_json(problem))
}

/// The `ERR_UNKNOWN_NODE` error for `nodeId` in `field` (the worker's facade throws it).
#[wasm_bindgen(js_name = unknownNodeError, unchecked_return_type = "RangeError")]
pub fn unknown_node_error(field: &str, node_id: &str) -> JsValue {
    to_js(MeshError::UnknownNode { field: field.to_owned(), node_id: node_id.to_owned() })
}
