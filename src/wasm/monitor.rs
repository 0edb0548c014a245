//! `RawPerformanceMonitor`: the binding of [`crate::PerformanceMonitor`] on `performance.now()`.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use crate::distribution::Metrics;
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

    /// The `Metrics` record of `name`, or `undefined` before its first duration.
    #[wasm_bindgen(js_name = getMetrics)]
    pub fn get_metrics(&self, name: &str) -> Option<Vec<f64>> {
        self.inner.metrics(name).map(|metrics| {
            let mut out = Vec::with_capacity(Metrics::LEN);
            metrics.write(&mut out);
            out
        })
    }

    /// The names of every timer with a duration, in order (see `allMetrics`).
    #[wasm_bindgen(js_name = metricNames)]
    pub fn metric_names(&self) -> Vec<String> {
        self.inner.all_metrics().map(|(name, _)| name.to_owned()).collect()
    }

    /// The `Metrics` record of every timer, in the order of `metricNames`.
    #[wasm_bindgen(js_name = allMetrics)]
    pub fn all_metrics(&self) -> Vec<f64> {
        let mut out = Vec::new();
        for (_, metrics) in self.inner.all_metrics() {
            metrics.write(&mut out);
        }
        out
    }

    /// Forgets every timer.
    pub fn reset(&mut self) {
        self.inner.reset();
    }
}
