//! `RawPerformanceMonitor`: the binding of [`crate::PerformanceMonitor`] on `performance.now()`.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::to_js_value;
use crate::monitor::PerformanceMonitor;

#[wasm_bindgen]
extern "C" {
    /// The high-resolution clock of browsers, workers and Node.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Named timers with count, mean, extremes and percentiles in milliseconds.
#[wasm_bindgen]
#[derive(Default)]
pub struct RawPerformanceMonitor {
    inner: PerformanceMonitor,
}

#[wasm_bindgen]
impl RawPerformanceMonitor {
    /// A monitor with no timers.
    #[wasm_bindgen(constructor)]
    pub fn new() -> RawPerformanceMonitor {
        RawPerformanceMonitor::default()
    }

    /// Starts (or restarts) the timer `name` now.
    #[wasm_bindgen(js_name = startTimer)]
    pub fn start_timer(&mut self, name: &str) {
        self.inner.start(name, performance_now());
    }

    /// Stops the timer `name`; returns the elapsed milliseconds.
    #[wasm_bindgen(js_name = endTimer)]
    pub fn end_timer(&mut self, name: &str) -> JsResult<f64> {
        js(self.inner.end(name, performance_now()))
    }

    /// Records a duration in milliseconds measured elsewhere.
    pub fn record(&mut self, name: &str, duration_ms: f64) {
        self.inner.record(name, duration_ms);
    }

    /// `{ count, avg, min, max, p50, p95, p99 }` for `name`, or `undefined` before its first duration.
    #[wasm_bindgen(js_name = getMetrics, unchecked_return_type = "{ count: number; avg: number; min: number; max: number; p50: number; p95: number; p99: number } | undefined")]
    pub fn get_metrics(&self, name: &str) -> JsResult<JsValue> {
        self.inner.metrics(name).map_or(Ok(JsValue::UNDEFINED), |m| to_js_value(&m))
    }

    /// The metrics of every timer, by name.
    #[wasm_bindgen(js_name = getAllMetrics, unchecked_return_type = "Map<string, { count: number; avg: number; min: number; max: number; p50: number; p95: number; p99: number }>")]
    pub fn get_all_metrics(&self) -> JsResult<JsValue> {
        to_js_value(&self.inner.all_metrics())
    }

    /// Forgets every timer.
    pub fn reset(&mut self) {
        self.inner.reset();
    }
}
