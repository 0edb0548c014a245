//! `RawPatternGenerator`: the binding of [`crate::PatternGenerator`].

use wasm_bindgen::prelude::*;

use super::errors::{js, to_js, JsResult};
use crate::error::{JsNumber, MeshError};
use crate::pattern::PatternGenerator;
use crate::validate::safe_integer;

/// Pattern values for one seed and interval.
#[wasm_bindgen]
pub struct RawPatternGenerator {
    inner: PatternGenerator,
}

#[wasm_bindgen]
impl RawPatternGenerator {
    /// A generator for `seed` and `phaseResetInterval`.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: f64, phase_reset_interval: f64) -> JsResult<RawPatternGenerator> {
        js(PatternGenerator::from_numbers(seed, phase_reset_interval))
            .map(|inner| RawPatternGenerator { inner })
    }

    /// The value at `step`.
    #[wasm_bindgen(js_name = computeValue)]
    pub fn compute_value(&self, step: f64) -> JsResult<f64> {
        js(self.inner.value_at_number(step)).map(|v| v as f64)
    }

    /// The values of `count` consecutive steps from `startStep`.
    #[wasm_bindgen(js_name = computeValues)]
    pub fn compute_values(&self, start_step: f64, count: f64) -> JsResult<Vec<f64>> {
        let start = js(safe_integer("startStep", start_step))?;
        let count = js(safe_integer("count", count))?;
        if count > 0 {
            js(safe_integer("startStep + count - 1", (start + count - 1) as f64))?;
        }
        let mut values = Vec::new();
        let too_large = MeshError::TooLarge { field: "count", value: JsNumber(count as f64) };
        let len = usize::try_from(count).map_err(|_| to_js(too_large.clone()))?;
        values.try_reserve_exact(len).map_err(|_| to_js(too_large))?;
        values.resize(len, 0.0);
        js(self.inner.fill_values(start, &mut values))?;
        Ok(values)
    }

    /// The seed.
    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> f64 {
        self.inner.seed() as f64
    }

    /// The phase-reset interval.
    #[wasm_bindgen(getter, js_name = phaseResetInterval)]
    pub fn phase_reset_interval(&self) -> f64 {
        self.inner.phase_reset_interval() as f64
    }

    /// The period of the values between resets (1, 2, 3 or 6).
    #[wasm_bindgen(getter)]
    pub fn period(&self) -> f64 {
        self.inner.period() as f64
    }
}
