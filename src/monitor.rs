//! The performance monitor: named timers whose durations feed count, mean, extremes and percentiles.
//!
//! The core never reads a clock: callers pass the current time in milliseconds (the JavaScript
//! binding passes `performance.now()`).

use std::collections::BTreeMap;

use hdrhistogram::Histogram;

use crate::boundary::record;
use crate::error::MeshError;

/// Durations are kept in the histogram as whole nanoseconds, to 3 significant digits.
const NANOS_PER_MS: f64 = 1e6;

record! {
    /// Statistics of one timer, in milliseconds.
    pub struct Metrics {
        /// How many durations were recorded.
        pub count: u64,
        /// Their mean.
        pub avg: f64,
        /// The shortest.
        pub min: f64,
        /// The longest.
        pub max: f64,
        /// The median (to 3 significant digits).
        pub p50: f64,
        /// The 95th percentile (to 3 significant digits).
        pub p95: f64,
        /// The 99th percentile (to 3 significant digits).
        pub p99: f64,
    }
}

#[derive(Debug, Clone)]
struct Timer {
    started_at: Option<f64>,
    histogram: Histogram<u64>,
    sum: f64,
    min: f64,
    max: f64,
}

impl Timer {
    fn new() -> Self {
        let histogram = Histogram::new(3).expect("3 significant digits is a valid histogram precision");
        Self { started_at: None, histogram, sum: 0.0, min: f64::INFINITY, max: 0.0 }
    }

    fn record(&mut self, duration_ms: f64) {
        let duration_ms = duration_ms.max(0.0);
        let nanos = (duration_ms * NANOS_PER_MS).round() as u64;
        if self.histogram.record(nanos).is_err() {
            self.histogram.saturating_record(nanos);
        }
        self.sum += duration_ms;
        self.min = self.min.min(duration_ms);
        self.max = self.max.max(duration_ms);
    }

    fn metrics(&self) -> Option<Metrics> {
        let count = self.histogram.len();
        let percentile = |q: f64| self.histogram.value_at_quantile(q) as f64 / NANOS_PER_MS;
        (count > 0).then(|| Metrics {
            count,
            avg: self.sum / count as f64,
            min: self.min,
            max: self.max,
            p50: percentile(0.50).clamp(self.min, self.max),
            p95: percentile(0.95).clamp(self.min, self.max),
            p99: percentile(0.99).clamp(self.min, self.max),
        })
    }
}

/// Named timers, ordered by name.
#[derive(Debug, Clone, Default)]
pub struct PerformanceMonitor {
    timers: BTreeMap<String, Timer>,
}

impl PerformanceMonitor {
    /// A monitor with no timers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts (or restarts) the timer `name` at `now_ms`.
    pub fn start(&mut self, name: &str, now_ms: f64) {
        self.timers.entry(name.to_owned()).or_insert_with(Timer::new).started_at = Some(now_ms);
    }

    /// Stops the running timer `name` at `now_ms`, records and returns the duration in ms.
    pub fn end(&mut self, name: &str, now_ms: f64) -> Result<f64, MeshError> {
        let timer = self.timers.get_mut(name);
        let Some((timer, started)) = timer.and_then(|t| t.started_at.take().map(|s| (t, s))) else {
            return Err(MeshError::TimerNotStarted { name: name.to_owned() });
        };
        let duration = (now_ms - started).max(0.0);
        timer.record(duration);
        Ok(duration)
    }

    /// Records a duration measured elsewhere under `name`.
    pub fn record(&mut self, name: &str, duration_ms: f64) {
        self.timers.entry(name.to_owned()).or_insert_with(Timer::new).record(duration_ms);
    }

    /// The statistics of `name`, or `None` before its first recorded duration.
    pub fn metrics(&self, name: &str) -> Option<Metrics> {
        self.timers.get(name).and_then(Timer::metrics)
    }

    /// The statistics of every timer with at least one duration, in name order.
    pub fn all_metrics(&self) -> impl Iterator<Item = (&str, Metrics)> + '_ {
        self.timers.iter().filter_map(|(name, t)| t.metrics().map(|m| (name.as_str(), m)))
    }

    /// Forgets every timer.
    pub fn reset(&mut self) {
        self.timers.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_with_the_clock_it_is_given() {
        let mut m = PerformanceMonitor::new();
        m.start("pattern-computation", 10.0);
        assert_eq!(m.end("pattern-computation", 12.5), Ok(2.5));
        let stats = m.metrics("pattern-computation").unwrap();
        assert_eq!((stats.count, stats.avg, stats.min, stats.max), (1, 2.5, 2.5, 2.5));
        assert_eq!(stats.p50, 2.5);
    }

    #[test]
    fn percentiles_follow_the_distribution() {
        let mut m = PerformanceMonitor::new();
        for i in 1..=1000 {
            m.record("op", i as f64 / 100.0);
        }
        let s = m.metrics("op").unwrap();
        assert_eq!(s.count, 1000);
        assert!((s.avg - 5.005).abs() < 1e-9);
        assert_eq!((s.min, s.max), (0.01, 10.0));
        assert!((s.p50 - 5.0).abs() < 0.01, "{}", s.p50);
        assert!((s.p95 - 9.5).abs() < 0.01, "{}", s.p95);
        assert!((s.p99 - 9.9).abs() < 0.01, "{}", s.p99);
    }

    #[test]
    fn ending_a_timer_that_is_not_running_is_an_error() {
        let mut m = PerformanceMonitor::new();
        assert_eq!(m.end("x", 1.0).unwrap_err().code(), "ERR_TIMER_NOT_STARTED");
        m.start("x", 1.0);
        m.end("x", 2.0).unwrap();
        assert!(m.end("x", 3.0).is_err(), "a timer ends once per start");
    }

    #[test]
    fn unknown_names_have_no_metrics_and_reset_forgets() {
        let mut m = PerformanceMonitor::new();
        assert_eq!(m.metrics("none"), None);
        m.start("started-only", 0.0);
        assert_eq!(m.metrics("started-only"), None);
        m.record("a", 1.0);
        assert_eq!(m.all_metrics().map(|(name, _)| name).collect::<Vec<_>>(), ["a"]);
        m.reset();
        assert_eq!(m.all_metrics().count(), 0);
    }

    #[test]
    fn clocks_going_backwards_record_zero() {
        let mut m = PerformanceMonitor::new();
        m.start("x", 5.0);
        assert_eq!(m.end("x", 4.0), Ok(0.0));
    }
}
