//! A distribution of durations: count, mean, extremes and percentiles, kept in an HDR histogram to
//! 3 significant digits (the percentiles; count, mean and extremes are exact). The performance
//! monitor's timers and the broadcast checker's latencies both keep one.

use hdrhistogram::Histogram;

use crate::boundary::record;

/// Durations are kept in the histogram as whole nanoseconds.
const NANOS_PER_MS: f64 = 1e6;

record! {
    /// Statistics of a distribution of durations, in milliseconds.
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

/// Durations recorded so far.
#[derive(Debug, Clone)]
pub struct Distribution {
    histogram: Histogram<u64>,
    sum: f64,
    min: f64,
    max: f64,
}

impl Default for Distribution {
    /// No durations yet.
    fn default() -> Self {
        let histogram = Histogram::new(3).expect("3 significant digits is a valid histogram precision");
        Self { histogram, sum: 0.0, min: f64::INFINITY, max: 0.0 }
    }
}

impl Distribution {
    /// Records a duration in ms (a negative one as 0).
    pub fn record(&mut self, duration_ms: f64) {
        let duration_ms = duration_ms.max(0.0);
        let nanos = (duration_ms * NANOS_PER_MS).round() as u64;
        if self.histogram.record(nanos).is_err() {
            self.histogram.saturating_record(nanos);
        }
        self.sum += duration_ms;
        self.min = self.min.min(duration_ms);
        self.max = self.max.max(duration_ms);
    }

    /// The statistics, or `None` before the first duration.
    pub fn metrics(&self) -> Option<Metrics> {
        let count = self.histogram.len();
        let percentile = |q: f64| {
            let nanos = self.histogram.median_equivalent(self.histogram.value_at_quantile(q));
            three_significant_digits(nanos) as f64 / NANOS_PER_MS
        };
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

/// `n` rounded to its 3 most significant decimal digits (in whole numbers, so the same on every
/// platform): the histogram's precision, so that equal durations read back as they were given.
fn three_significant_digits(n: u64) -> u64 {
    let mut scale = 1u64;
    while n / scale >= 1000 {
        scale *= 10;
    }
    (n + scale / 2) / scale * scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_follow_the_distribution() {
        let mut d = Distribution::default();
        for i in 1..=1000 {
            d.record(i as f64 / 100.0);
        }
        let s = d.metrics().unwrap();
        assert_eq!(s.count, 1000);
        assert!((s.avg - 5.005).abs() < 1e-9);
        assert_eq!((s.min, s.max), (0.01, 10.0));
        assert!((s.p50 - 5.0).abs() < 0.01, "{}", s.p50);
        assert!((s.p95 - 9.5).abs() < 0.01, "{}", s.p95);
        assert!((s.p99 - 9.9).abs() < 0.01, "{}", s.p99);
    }

    #[test]
    fn equal_durations_give_that_duration_exactly_and_nothing_gives_none() {
        let mut d = Distribution::default();
        assert_eq!(d.metrics(), None);
        for _ in 0..10 {
            d.record(250.0);
        }
        let s = d.metrics().unwrap();
        assert_eq!((s.p50, s.p99, s.max, s.avg), (250.0, 250.0, 250.0, 250.0));
    }

    #[test]
    fn percentiles_read_back_to_three_significant_digits() {
        assert_eq!(
            [0, 7, 999, 1000, 1004, 1005, 123_456, 9_998_336].map(three_significant_digits),
            [0, 7, 999, 1000, 1000, 1010, 123_000, 10_000_000]
        );
        let mut d = Distribution::default();
        for ms in [10.0, 10.0, 20.0, 30.0] {
            d.record(ms);
        }
        let s = d.metrics().unwrap();
        assert_eq!((s.p50, s.p95), (10.0, 30.0));
    }
}
