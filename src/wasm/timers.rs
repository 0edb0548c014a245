//! The `RawNetwork` methods behind virtual timers: `MeshNode.setTimer` and `MeshNetwork.at`.
//! The engine keeps the timers as ids in due order; the facade keeps their callbacks.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use crate::sim::link::to_micros;
use crate::validate::{duration_ms, number_in, safe_integer};

/// The latest time a timer may be set for, in milliseconds (as for `runUntil`).
const LATEST_MS: f64 = 1e12;

#[wasm_bindgen]
impl RawNetwork {
    /// Sets a timer `delayMs` from now, of the live node `owner` (a slot) or of the network
    /// (`undefined`); returns its id. Throws naming `delayMs` for a delay that is not a number of
    /// milliseconds in [0, 1e12].
    #[wasm_bindgen(js_name = setTimer)]
    pub fn set_timer(&mut self, delay_ms: f64, owner: Option<u32>) -> JsResult<f64> {
        let delay_us = to_micros(js(duration_ms("delayMs", delay_ms))?);
        Ok(js(self.inner.set_timer(delay_us, owner))? as f64)
    }

    /// Sets a network timer at `timeMs` of virtual time; returns its id. Throws naming `timeMs`
    /// for a time before now or after 1e12.
    #[wasm_bindgen(js_name = setTimerAt)]
    pub fn set_timer_at(&mut self, time_ms: f64) -> JsResult<f64> {
        let now_ms = self.now();
        let time_ms = js(number_in("timeMs", time_ms, now_ms, LATEST_MS, "a time in ms from now to 1e12"))?;
        let delay_us = to_micros(time_ms).saturating_sub(self.inner.now_us());
        Ok(js(self.inner.set_timer(delay_us, None))? as f64)
    }

    /// Cancels the pending timer `id` (ids are reused: the facade cancels only pending ones).
    #[wasm_bindgen(js_name = cancelTimer)]
    pub fn cancel_timer(&mut self, id: f64) -> JsResult<()> {
        self.inner.cancel_timer(js(safe_integer("id", id))?);
        Ok(())
    }
}
