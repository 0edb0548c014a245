//! `RawObserver`: the binding of [`crate::Observer`] behind the facade's `MeshObserver`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use crate::boundary::codes::verdict;
use crate::boundary::layouts::{write_counts, SenderTotals, StatisticsTotals};
use crate::boundary::CodeTable;
use crate::message::Verdict;
use crate::observer::{AnomalyKind, Observer, SharedObserver};
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

    /// The counts over every message: a `StatisticsTotals` record, then the anomalies of each kind.
    pub fn statistics(&self) -> Vec<f64> {
        let stats = self.inner.borrow().statistics();
        let mut out = Vec::with_capacity(StatisticsTotals::LEN + AnomalyKind::ALL.len());
        let (total, valid, anomalies) = (stats.total, stats.valid, stats.anomalies);
        StatisticsTotals { total, valid, anomalies, success_rate: stats.success_rate }.write(&mut out);
        write_counts(&stats.anomalies_by_kind, &mut out);
        out
    }

    /// Every sender id counted so far, in the order of `senderStatistics` (as Rust orders strings;
    /// a lone surrogate is written `\u{XXXX}`, see `senderKey`).
    #[wasm_bindgen(js_name = senderIds)]
    pub fn sender_ids(&self) -> Vec<String> {
        self.inner.borrow().statistics().by_sender.into_keys().collect()
    }

    /// Each sender's counts, in the order of `senderIds`: a `SenderTotals` record, then its
    /// anomalies of each kind.
    #[wasm_bindgen(js_name = senderStatistics)]
    pub fn sender_statistics(&self) -> Vec<f64> {
        let stats = self.inner.borrow().statistics();
        let mut out =
            Vec::with_capacity(stats.by_sender.len() * (SenderTotals::LEN + AnomalyKind::ALL.len()));
        for sender in stats.by_sender.values() {
            let (total, valid, anomalies) = (sender.total, sender.valid, sender.anomalies);
            SenderTotals { total, valid, anomalies, trust: sender.trust }.write(&mut out);
            write_counts(&sender.anomalies_by_kind, &mut out);
        }
        out
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
