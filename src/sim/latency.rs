//! Link latency distributions, sampled with portable maths (`libm`) so runs match across platforms.

use crate::error::MeshError;
use crate::sim::rng::SimRng;
use crate::validate::duration_ms;

/// How long a message spends on a link, in milliseconds, before jitter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Latency {
    /// Always `ms`.
    Fixed {
        /// The latency.
        ms: f64,
    },
    /// Uniform in `min ..= max`.
    Uniform {
        /// The shortest latency.
        min: f64,
        /// The longest latency.
        max: f64,
    },
    /// Normal with `mean` and standard deviation `std`; negative draws count as 0.
    Normal {
        /// The mean latency.
        mean: f64,
        /// The standard deviation.
        std: f64,
    },
    /// Exponential with `mean` (memoryless, heavy right tail).
    Exponential {
        /// The mean latency.
        mean: f64,
    },
}

impl Default for Latency {
    /// Instant delivery: `Fixed { ms: 0 }`.
    fn default() -> Self {
        Latency::Fixed { ms: 0.0 }
    }
}

/// The distribution names [`Latency::from_parts`] accepts.
pub const LATENCY_KINDS: &str = "\"fixed\", \"uniform\", \"normal\", \"exponential\"";

impl Latency {
    /// A validated distribution from its name and parameters (`a`, `b` as the kind needs them:
    /// fixed `ms`; uniform `min`, `max`; normal `mean`, `std`; exponential `mean`).
    /// `field` prefixes the names in errors, such as `links.latency`.
    pub fn from_parts(field: &str, kind: &str, a: f64, b: f64) -> Result<Self, MeshError> {
        let ms = |name: &str, value: f64| duration_ms(&format!("{field}.{name}"), value);
        match kind {
            "fixed" => Ok(Latency::Fixed { ms: ms("ms", a)? }),
            "uniform" => {
                let (min, max) = (ms("min", a)?, ms("max", b)?);
                if max < min {
                    return Err(MeshError::OutOfRange {
                        field: format!("{field}.max"),
                        rule: "at least latency.min",
                        value: crate::error::JsNumber(max),
                    });
                }
                Ok(Latency::Uniform { min, max })
            }
            "normal" => Ok(Latency::Normal { mean: ms("mean", a)?, std: ms("std", b)? }),
            "exponential" => Ok(Latency::Exponential { mean: ms("mean", a)? }),
            other => Err(MeshError::UnknownName {
                field: format!("{field}.kind"),
                allowed: LATENCY_KINDS,
                got: other.to_owned(),
            }),
        }
    }

    /// Whether every draw is exactly 0.
    pub fn is_zero(&self) -> bool {
        matches!(self, Latency::Fixed { ms } if *ms == 0.0)
    }

    /// The least latency a draw may give, in milliseconds.
    pub fn least_ms(&self) -> f64 {
        match *self {
            Latency::Fixed { ms } => ms,
            Latency::Uniform { min, .. } => min,
            Latency::Normal { .. } | Latency::Exponential { .. } => 0.0,
        }
    }

    /// One draw in milliseconds (never negative).
    #[inline(always)]
    pub fn sample(&self, rng: &mut SimRng) -> f64 {
        match *self {
            Latency::Fixed { ms } => ms,
            Latency::Uniform { min, max } => min + (max - min) * rng.unit(),
            // The draws happen here, inline, so that a caller's generator need not leave registers.
            Latency::Normal { .. } => {
                let first = rng.unit();
                self.curve(first, rng.unit())
            }
            Latency::Exponential { .. } => self.curve(rng.unit(), 0.0),
        }
    }

    /// A normal (Box-Muller, from two uniform draws) or exponential (from the first) draw, kept
    /// out of line so that the fixed and uniform draws inline without the library calls.
    #[inline(never)]
    fn curve(&self, first: f64, second: f64) -> f64 {
        match *self {
            Latency::Normal { mean, std } => {
                // 1 - first is in (0, 1], so the logarithm is finite.
                let radius = libm::sqrt(-2.0 * libm::log(1.0 - first));
                let angle = 2.0 * std::f64::consts::PI * second;
                (mean + std * radius * libm::cos(angle)).max(0.0)
            }
            Latency::Exponential { mean } => -mean * libm::log(1.0 - first),
            // `sample` draws these itself and never calls this; they are here to be total.
            Latency::Fixed { ms } => ms,
            Latency::Uniform { min, max } => min + (max - min) * first,
        }
    }

    /// The cumulative distribution function at `x` ms (used by the fidelity tests).
    pub fn cdf(&self, x: f64) -> f64 {
        match *self {
            Latency::Fixed { ms } => f64::from(u8::from(x >= ms)),
            Latency::Uniform { min, max } if max == min => f64::from(u8::from(x >= min)),
            Latency::Uniform { min, max } => ((x - min) / (max - min)).clamp(0.0, 1.0),
            Latency::Normal { .. } if x < 0.0 => 0.0,
            Latency::Normal { mean, std } => {
                0.5 * (1.0 + libm::erf((x - mean) / (std * std::f64::consts::SQRT_2)))
            }
            Latency::Exponential { mean } if x <= 0.0 || mean == 0.0 => f64::from(u8::from(x >= 0.0)),
            Latency::Exponential { mean } => 1.0 - libm::exp(-x / mean),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Kolmogorov-Smirnov statistic of `samples` against `dist`.
    fn ks_statistic(dist: &Latency, samples: &mut [f64]) -> f64 {
        samples.sort_by(f64::total_cmp);
        let n = samples.len() as f64;
        samples.iter().enumerate().fold(0.0, |d, (i, &x)| {
            let cdf = dist.cdf(x);
            d.max((cdf - i as f64 / n).abs()).max(((i + 1) as f64 / n - cdf).abs())
        })
    }

    #[test]
    fn draws_follow_each_distribution_by_the_kolmogorov_smirnov_test() {
        let n = 20_000;
        // The 99.9% critical value of the one-sample KS test is about 1.95 / sqrt(n).
        let critical = 1.95 / (n as f64).sqrt();
        let mut rng = SimRng::new(99);
        for dist in [
            Latency::Uniform { min: 10.0, max: 30.0 },
            Latency::Normal { mean: 50.0, std: 10.0 },
            Latency::Exponential { mean: 20.0 },
        ] {
            let mut samples: Vec<f64> = (0..n).map(|_| dist.sample(&mut rng)).collect();
            let d = ks_statistic(&dist, &mut samples);
            assert!(d < critical, "{dist:?}: D = {d} >= {critical}");
            // And the test can fail: the same draws against a shifted distribution.
            let shifted = match dist {
                Latency::Uniform { min, max } => Latency::Uniform { min: min + 2.0, max: max + 2.0 },
                Latency::Normal { mean, std } => Latency::Normal { mean: mean + 2.0, std },
                _ => Latency::Exponential { mean: 22.0 },
            };
            assert!(ks_statistic(&shifted, &mut samples) > critical, "{shifted:?} should be rejected");
        }
    }

    #[test]
    fn parts_are_validated_with_their_field_names() {
        assert_eq!(Latency::from_parts("l", "fixed", 5.0, 0.0), Ok(Latency::Fixed { ms: 5.0 }));
        let err = Latency::from_parts("links.latency", "gaussian", 1.0, 1.0).unwrap_err();
        assert_eq!((err.code(), err.field()), ("ERR_UNKNOWN_NAME", "links.latency.kind"));
        let err = Latency::from_parts("links.latency", "normal", -5.0, 1.0).unwrap_err();
        assert_eq!((err.code(), err.field()), ("ERR_OUT_OF_RANGE", "links.latency.mean"));
        let err = Latency::from_parts("l", "uniform", 5.0, 1.0).unwrap_err();
        assert_eq!(err.field(), "l.max");
        assert!(Latency::default().is_zero());
    }
}
