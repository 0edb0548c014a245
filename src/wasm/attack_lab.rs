//! `attackLab`: the attack lab's detection matrix, measured in wasm.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use crate::boundary::layouts::AttackLabRecord;
use crate::sim::attack_lab::{matrix, ATTACKS};
use crate::validate::number_in;

/// The most attacks per cell `attackLab` runs in one call.
const MAX_MESSAGES: u32 = 100_000;

/// The share of each attack's deliveries that receivers turned away, after `messages` attacks
/// per cell: one [`AttackLabRecord`] per attack (row names from `attackNames`).
#[wasm_bindgen(js_name = attackLab)]
pub fn attack_lab(messages: f64) -> JsResult<Vec<f64>> {
    js(crate::validate::positive_integer("messages", messages))?;
    // Refused, not clamped: a caller asking for more would be told less silently.
    let rule = "at most 100000 (each cell runs that many attacks)";
    let messages = js(number_in("messages", messages, 1.0, f64::from(MAX_MESSAGES), rule))? as u32;
    let mut out = Vec::new();
    for [none, hmac, ed25519] in matrix(messages) {
        AttackLabRecord { none, hmac, ed25519 }.write(&mut out);
    }
    Ok(out)
}

/// The attacks of `attackLab`'s rows, in order.
#[wasm_bindgen(js_name = attackNames)]
pub fn attack_names() -> Vec<String> {
    ATTACKS.iter().map(|(name, _)| (*name).to_owned()).collect()
}
