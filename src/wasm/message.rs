//! Reading a message object that failed the facade's fast shape check, to say what is wrong.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use super::errors::wrong_type;
use crate::error::MeshError;
use crate::message::parse_step;

fn field(message: &JsValue, name: &str) -> Result<JsValue, MeshError> {
    Reflect::get(message, &name.into()).map_err(|_| MeshError::WrongType {
        field: name.to_owned(),
        expected: "a readable field".into(),
        got: "a getter that threw".into(),
    })
}

fn problem(message: &JsValue) -> Result<(), MeshError> {
    if !message.is_object() {
        return Err(wrong_type("message", "an object", message));
    }
    let sender = field(message, "senderId")?;
    if sender.as_string().is_none() {
        return Err(wrong_type("senderId", "a string", &sender));
    }
    let step = field(message, "globalStep")?;
    let step = step.as_f64().ok_or_else(|| wrong_type("globalStep", "a number", &step))?;
    parse_step(step)?;
    let pattern = field(message, "patternValue")?;
    pattern.as_f64().ok_or_else(|| wrong_type("patternValue", "a number", &pattern))?;
    Ok(())
}

/// Why `message` is malformed (a missing or wrong-typed field, a negative or fractional step),
/// or `undefined` when it is well formed.
#[wasm_bindgen(js_name = messageProblem)]
pub fn message_problem(#[wasm_bindgen(unchecked_param_type = "unknown")] message: JsValue) -> Option<String> {
    problem(&message).err().map(|err| err.to_string())
}
