//! Summaries per parameter point: for every measure, count, mean, standard deviation, min, p5,
//! p50, p95, max and a 95 % confidence interval of the mean (Student's t). Records are taken in
//! run order whatever order they came in, so the summary is the same for any split of the runs.

use serde_json::{json, Map, Value};
use statrs::distribution::{ContinuousCDF, StudentsT};

use super::record::RunRecord;
use crate::boundary::json::record_json;
use crate::boundary::record;

record! {
    /// One measure at one point, over the runs that measured it (`NaN` where there are too few).
    pub struct MeasureSummary {
        /// Runs with a value.
        pub count: f64,
        /// Their mean.
        pub mean: f64,
        /// Their sample standard deviation.
        pub std: f64,
        /// The smallest.
        pub min: f64,
        /// The 5th percentile (linear between the closest ranks).
        pub p5: f64,
        /// The median.
        pub p50: f64,
        /// The 95th percentile.
        pub p95: f64,
        /// The largest.
        pub max: f64,
        /// The low end of the 95 % confidence interval of the mean.
        pub ci95_low: f64,
        /// Its high end.
        pub ci95_high: f64,
    }
}

/// What the runs of one point gave.
#[derive(Debug, Clone, PartialEq)]
pub struct PointSummary {
    /// The point's number.
    pub point: u64,
    /// Its varied values.
    pub values: Vec<(String, Value)>,
    /// Its runs.
    pub runs: u64,
    /// Of those, runs that failed.
    pub errors: u64,
    /// Each measure's summary, in the experiment's order.
    pub measures: Vec<(String, MeasureSummary)>,
}

impl PointSummary {
    /// The summary as one line of JSON (`NaN` written as null).
    pub fn to_json(&self) -> String {
        let measures: Map<String, Value> = (self.measures.iter())
            .map(|(name, summary)| {
                let mut numbers = Vec::new();
                summary.write(&mut numbers);
                (name.clone(), Value::Object(record_json::<MeasureSummary>(&numbers)))
            })
            .collect();
        let values: Map<String, Value> = self.values.iter().cloned().collect();
        json!({ "point": self.point, "values": values, "runs": self.runs, "errors": self.errors, "measures": measures })
            .to_string()
    }
}

/// The summary of each point the records cover, in point order.
pub fn summarise(records: &[RunRecord]) -> Vec<PointSummary> {
    let mut sorted: Vec<&RunRecord> = records.iter().collect();
    sorted.sort_unstable_by_key(|r| r.run);
    let mut points: Vec<PointSummary> = Vec::new();
    let mut samples: Vec<Vec<Vec<f64>>> = Vec::new();
    for record in sorted {
        if points.last().is_none_or(|p| p.point != record.point) {
            if let Some(at) = points.iter().position(|p| p.point == record.point) {
                // Runs of one point are contiguous in run order; a stray one joins its point.
                let point = &mut points[at];
                add(point, &mut samples[at], record);
                continue;
            }
            points.push(PointSummary {
                point: record.point,
                values: record.values.clone(),
                runs: 0,
                errors: 0,
                measures: record.names.iter().map(|n| (n.clone(), MeasureSummary::default())).collect(),
            });
            samples.push(vec![Vec::new(); record.names.len()]);
        }
        let at = points.len() - 1;
        add(&mut points[at], &mut samples[at], record);
    }
    for (point, samples) in points.iter_mut().zip(samples) {
        for ((_, summary), values) in point.measures.iter_mut().zip(samples) {
            *summary = describe(values);
        }
    }
    points.sort_unstable_by_key(|p| p.point);
    points
}

/// Counts `record` into `point` and its measures' `samples`.
fn add(point: &mut PointSummary, samples: &mut [Vec<f64>], record: &RunRecord) {
    point.runs += 1;
    point.errors += u64::from(record.error.is_some());
    for (sample, &value) in samples.iter_mut().zip(&record.measures) {
        if !value.is_nan() {
            sample.push(value);
        }
    }
}

/// The summary of `values` (taken in the order given).
fn describe(mut values: Vec<f64>) -> MeasureSummary {
    let n = values.len();
    if n == 0 {
        return MeasureSummary { count: 0.0, ..nan() };
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let std = if n > 1 {
        (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt()
    } else {
        f64::NAN
    };
    let half = match StudentsT::new(0.0, 1.0, (n - 1) as f64) {
        Ok(t) if n > 1 => t.inverse_cdf(0.975) * std / (n as f64).sqrt(),
        _ => f64::NAN,
    };
    values.sort_unstable_by(f64::total_cmp);
    let percentile = |p: f64| {
        let h = (n - 1) as f64 * p;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(n - 1);
        values[lo] + (h - lo as f64) * (values[hi] - values[lo])
    };
    MeasureSummary {
        count: n as f64,
        mean,
        std,
        min: values[0],
        p5: percentile(0.05),
        p50: percentile(0.5),
        p95: percentile(0.95),
        max: values[n - 1],
        ci95_low: mean - half,
        ci95_high: mean + half,
    }
}

/// A summary of nothing.
fn nan() -> MeasureSummary {
    let n = f64::NAN;
    MeasureSummary {
        count: n,
        mean: n,
        std: n,
        min: n,
        p5: n,
        p50: n,
        p95: n,
        max: n,
        ci95_low: n,
        ci95_high: n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_gives_the_textbook_figures() {
        let s = describe((1..=10).map(f64::from).collect());
        assert_eq!((s.count, s.mean, s.min, s.max, s.p50), (10.0, 5.5, 1.0, 10.0, 5.5));
        assert!((s.std - 3.027_650_354).abs() < 1e-8, "{}", s.std);
        assert!((s.p5 - 1.45).abs() < 1e-12 && (s.p95 - 9.55).abs() < 1e-12);
        // t(0.975, 9) = 2.262157: 5.5 ± 2.262157 × 3.02765 / √10.
        assert!((s.ci95_high - 7.665_857).abs() < 1e-5, "{}", s.ci95_high);
        assert!((s.ci95_low - 3.334_143).abs() < 1e-5, "{}", s.ci95_low);
        let one = describe(vec![4.0]);
        assert_eq!((one.count, one.mean, one.p95), (1.0, 4.0, 4.0));
        assert!(one.std.is_nan() && one.ci95_low.is_nan());
        assert_eq!(describe(Vec::new()).count, 0.0);
    }
}
