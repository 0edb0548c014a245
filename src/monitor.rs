//! The performance monitor: named timers whose durations feed count, mean, extremes and percentiles.
//!
//! The core never reads a clock: callers pass the current time in milliseconds (the JavaScript
//! binding passes `performance.now()`).

use std::collections::BTreeMap;

use crate::distribution::{Distribution, Metrics};
use crate::error::MeshError;

/// A named timer: when it was started (if running) and the durations it recorded.
#[derive(Debug, Clone, Default)]
struct Timer {
    started_at: Option<f64>,
    durations: Distribution,
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
        self.timers.entry(name.to_owned()).or_default().started_at = Some(now_ms);
    }

    /// Stops the running timer `name` at `now_ms`, records and returns the duration in ms.
    pub fn end(&mut self, name: &str, now_ms: f64) -> Result<f64, MeshError> {
        let timer = self.timers.get_mut(name);
        let Some((timer, started)) = timer.and_then(|t| t.started_at.take().map(|s| (t, s))) else {
            return Err(MeshError::TimerNotStarted { name: name.to_owned() });
        };
        let duration = (now_ms - started).max(0.0);
        timer.durations.record(duration);
        Ok(duration)
    }

    /// Records a duration measured elsewhere under `name`.
    pub fn record(&mut self, name: &str, duration_ms: f64) {
        self.timers.entry(name.to_owned()).or_default().durations.record(duration_ms);
    }

    /// The statistics of `name`, or `None` before its first recorded duration.
    pub fn metrics(&self, name: &str) -> Option<Metrics> {
        self.timers.get(name).and_then(|t| t.durations.metrics())
    }

    /// The statistics of every timer with at least one duration, in name order.
    pub fn all_metrics(&self) -> impl Iterator<Item = (&str, Metrics)> + '_ {
        self.timers.iter().filter_map(|(name, t)| t.durations.metrics().map(|m| (name.as_str(), m)))
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
