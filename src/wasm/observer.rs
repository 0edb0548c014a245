//! `RawObserver`: the binding of [`crate::Observer`] behind the facade's `MeshObserver`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::to_js_value;
use crate::boundary::codes::verdict;
use crate::message::Verdict;
use crate::observer::{Observer, SharedObserver};
use crate::pattern::PatternGenerator;

/// The text of a JS string, with each lone surrogate written as `\u{XXXX}` instead of U+FFFD.
fn lossless_text(value: &JsString) -> String {
    if value.is_valid_utf16() {
        return value.into();
    }
    let units: Vec<u16> = value.iter().collect();
    char::decode_utf16(units)
        .map(|unit| {
            unit.map_or_else(|lone| format!("\\u{{{:04X}}}", lone.unpaired_surrogate()), String::from)
        })
        .collect()
}

/// An observer, shareable with the networks it watches.
#[wasm_bindgen]
pub struct RawObserver {
    pub(super) inner: SharedObserver,
}

#[wasm_bindgen]
impl RawObserver {
    /// An observer validating with `seed` and `phaseResetInterval`.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: f64, phase_reset_interval: f64) -> JsResult<RawObserver> {
        let pattern = js(PatternGenerator::from_numbers(seed, phase_reset_interval))?;
        Ok(RawObserver { inner: Rc::new(RefCell::new(Observer::new(pattern))) })
    }

    /// The small number that stands for `senderId` in `observe`. Ids with lone UTF-16 surrogates
    /// stay distinct: each lone surrogate is kept as the escape `\u{XXXX}` in the statistics.
    #[wasm_bindgen(js_name = senderKey)]
    pub fn sender_key(&self, sender_id: &JsString) -> u32 {
        self.inner.borrow_mut().sender_key(&lossless_text(sender_id))
    }

    /// Validates a message: -1 when valid, -2 when its step is malformed, else the expected value.
    pub fn observe(&self, sender_key: u32, global_step: f64, pattern_value: f64) -> f64 {
        match self.inner.borrow_mut().observe_number(sender_key, global_step, pattern_value) {
            Ok(Verdict::Accepted) => verdict::ACCEPTED,
            Ok(Verdict::Mismatch { expected }) => expected as f64,
            Err(_) => verdict::MALFORMED,
        }
    }

    /// Counts a message of the wrong shape as an anomaly (for its sender when known).
    #[wasm_bindgen(js_name = observeMalformed)]
    pub fn observe_malformed(&self, sender_key: Option<u32>) {
        self.inner.borrow_mut().observe_malformed(sender_key);
    }

    /// `{ total, valid, anomalies, successRate, bySender, anomaliesByKind }`, each sender with its
    /// trust and anomalies by kind.
    #[wasm_bindgen(
        unchecked_return_type = "{ total: number; valid: number; anomalies: number; successRate: number; bySender: Map<string, { total: number; valid: number; anomalies: number; trust: number; anomaliesByKind: Map<string, number> }>; anomaliesByKind: Map<string, number> }"
    )]
    pub fn statistics(&self) -> JsResult<JsValue> {
        to_js_value(&self.inner.borrow().statistics())
    }

    /// The observer's seed.
    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> f64 {
        self.inner.borrow().pattern().seed() as f64
    }

    /// The observer's phase-reset interval.
    #[wasm_bindgen(getter, js_name = phaseResetInterval)]
    pub fn phase_reset_interval(&self) -> f64 {
        self.inner.borrow().pattern().phase_reset_interval() as f64
    }
}
