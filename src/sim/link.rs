//! What a link does to a message: delay it, lose it, duplicate it, refuse it when full, or take
//! time to put it on the wire (its bandwidth).

use crate::error::MeshError;
use crate::sim::latency::Latency;
use crate::sim::rng::SimRng;
use crate::validate::{duration_ms, number_in, probability};

/// The behaviour of a link (the network-wide default, or an override for one pair of nodes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkSpec {
    /// Latency before jitter. Default: 0 ms.
    pub latency: Latency,
    /// Extra delay drawn uniformly from `0 ..= jitter` ms. Default: 0.
    pub jitter: f64,
    /// Probability that a message is lost. Default: 0.
    pub loss: f64,
    /// Probability that a delivered message arrives a second time. Default: 0.
    pub duplicate: f64,
    /// Messages a link holds in flight before it drops new ones; 0 means unlimited. Default: 0.
    pub queue_limit: u32,
    /// Bytes per second the link puts on the wire in each direction; 0 means unlimited. Default: 0.
    pub bandwidth: f64,
}

impl Default for LinkSpec {
    /// An instant link: every field at its declared default ([`crate::sim::defaults::LINK_OPTIONS`]).
    fn default() -> Self {
        use crate::sim::defaults::{BANDWIDTH, DUPLICATE, JITTER, LATENCY, LOSS, QUEUE_LIMIT};
        Self {
            latency: Latency::Fixed { ms: LATENCY.default },
            jitter: JITTER.default,
            loss: LOSS.default,
            duplicate: DUPLICATE.default,
            queue_limit: QUEUE_LIMIT.default as u32,
            bandwidth: BANDWIDTH.default,
        }
    }
}

/// The fate of one message on one link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Transit {
    /// Lost on the way.
    Lost,
    /// Arrives after `delay_us` microseconds, and a second copy after `duplicate_us` when set.
    Arrives {
        /// Microseconds until it arrives.
        delay_us: u64,
        /// Microseconds until a duplicate arrives, when the link duplicated it.
        duplicate_us: Option<u64>,
    },
}

impl Transit {
    /// The same fate, `wait_us` later (a copy that waited for the wire).
    pub fn after(self, wait_us: u64) -> Transit {
        match self {
            Transit::Lost => Transit::Lost,
            Transit::Arrives { delay_us, duplicate_us } => Transit::Arrives {
                delay_us: delay_us.saturating_add(wait_us),
                duplicate_us: duplicate_us.map(|us| us.saturating_add(wait_us)),
            },
        }
    }
}

impl LinkSpec {
    /// Checks every field; `field` prefixes the names in errors, such as `links`.
    pub fn validate(&self, field: &str) -> Result<(), MeshError> {
        duration_ms(&format!("{field}.jitter"), self.jitter)?;
        probability(&format!("{field}.loss"), self.loss)?;
        probability(&format!("{field}.duplicate"), self.duplicate)?;
        let rule = "a number of bytes per second, 0 (unlimited) or more";
        number_in(&format!("{field}.bandwidth"), self.bandwidth, 0.0, f64::MAX, rule)?;
        Ok(())
    }

    /// Whether the link delivers every message at once, exactly once.
    pub fn is_instant(&self) -> bool {
        self.latency.is_zero()
            && self.jitter == 0.0
            && self.loss == 0.0
            && self.duplicate == 0.0
            && self.bandwidth == 0.0
    }

    /// Microseconds the link takes to put a message of `size` bytes on the wire: `size /
    /// bandwidth` seconds, rounded up (0 without a bandwidth; saturates at `u64::MAX`).
    pub fn serialization_us(&self, size: u32) -> u64 {
        if self.bandwidth == 0.0 {
            return 0;
        }
        libm::ceil(f64::from(size) * 1e6 / self.bandwidth) as u64
    }

    /// Draws the fate of one message. Draws happen in a fixed order (loss, latency, jitter,
    /// duplicate) and only for the features in use, so adding none changes no other draw.
    #[inline(always)]
    pub fn transit(&self, rng: &mut SimRng) -> Transit {
        if rng.chance(self.loss) {
            return Transit::Lost;
        }
        let delay_us = self.delay_us(rng);
        let duplicate_us = if rng.chance(self.duplicate) { Some(self.delay_us(rng)) } else { None };
        Transit::Arrives { delay_us, duplicate_us }
    }

    #[inline(always)]
    fn delay_us(&self, rng: &mut SimRng) -> u64 {
        let mut ms = self.latency.sample(rng);
        if self.jitter > 0.0 {
            ms += self.jitter * rng.unit();
        }
        to_micros(ms)
    }
}

/// Milliseconds as whole microseconds (the engine's clock unit), rounded to nearest with halves
/// up; negative and NaN durations give 0, and +∞ or anything from 2^64 µs on gives `u64::MAX`.
///
/// Exact like `round` for every non-negative duration (below 2^53 µs the fraction left by the
/// truncating cast has no rounding error; from 2^53 on every value is whole), but built on signed
/// casts, an instruction each natively and in wasm, where `round` and `trunc` may be library
/// calls and unsigned casts take a dozen instructions.
#[inline]
pub fn to_micros(ms: f64) -> u64 {
    const EXACT: f64 = (1u64 << 53) as f64;
    let us = ms * 1000.0;
    if !(us > 0.0 && us < EXACT) {
        // Whole already (2^53 and above), or not positive, or NaN: the saturating cast gives
        // the value, u64::MAX beyond it, and 0 for the rest.
        return us as u64;
    }
    let whole = us as i64;
    (whole + i64::from(us - whole as f64 >= 0.5)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_micros_rounds_like_round_halves_up() {
        let mut rng = SimRng::new(4);
        for _ in 0..100_000 {
            let ms = rng.unit() * 100.0;
            assert_eq!(to_micros(ms), libm::round(ms * 1000.0) as u64, "{ms}");
        }
        for (ms, us) in [
            (0.0005, 1),
            (0.0015, 2),
            (0.0004999, 0),
            (2.5, 2500),
            (0.0, 0),
            (-1.0, 0),
            (f64::NAN, 0),
            (f64::INFINITY, u64::MAX),
            (1e30, u64::MAX),
            (1e16, 10_000_000_000_000_000_000),
        ] {
            assert_eq!(to_micros(ms), us, "{ms}");
        }
    }

    #[test]
    fn measured_loss_is_within_a_point_of_the_configured_rate_over_a_million_sends() {
        let link = LinkSpec { loss: 0.3, ..LinkSpec::default() };
        let mut rng = SimRng::new(5);
        let lost = (0..1_000_000).filter(|_| link.transit(&mut rng) == Transit::Lost).count();
        let rate = lost as f64 / 1e6;
        assert!((rate - 0.3).abs() < 0.01, "measured {rate}");
    }

    #[test]
    fn jitter_and_duplicates_follow_their_settings() {
        let link = LinkSpec {
            latency: Latency::Fixed { ms: 10.0 },
            jitter: 2.0,
            duplicate: 0.5,
            ..LinkSpec::default()
        };
        let mut rng = SimRng::new(6);
        let mut duplicates = 0;
        for _ in 0..10_000 {
            let Transit::Arrives { delay_us, duplicate_us } = link.transit(&mut rng) else { panic!("lost") };
            assert!((10_000..=12_000).contains(&delay_us));
            duplicates += usize::from(duplicate_us.is_some());
        }
        assert!((4_500..5_500).contains(&duplicates), "{duplicates}");
    }

    #[test]
    fn every_field_is_checked() {
        assert!(LinkSpec::default().validate("links").is_ok() && LinkSpec::default().is_instant());
        let bad = LinkSpec { loss: 1.5, ..LinkSpec::default() };
        assert_eq!(bad.validate("links").unwrap_err().field(), "links.loss");
        let bad = LinkSpec { jitter: -1.0, ..LinkSpec::default() };
        assert_eq!(bad.validate("links").unwrap_err().field(), "links.jitter");
        let bad = LinkSpec { duplicate: f64::NAN, ..LinkSpec::default() };
        assert_eq!(bad.validate("x").unwrap_err().field(), "x.duplicate");
        for bandwidth in [-1.0, f64::NAN, f64::INFINITY] {
            let bad = LinkSpec { bandwidth, ..LinkSpec::default() };
            let err = bad.validate("links").unwrap_err();
            assert_eq!((err.code(), err.field()), ("ERR_OUT_OF_RANGE", "links.bandwidth"));
        }
        assert!(!LinkSpec { bandwidth: 1.0, ..LinkSpec::default() }.is_instant());
    }

    #[test]
    fn a_bandwidth_takes_size_over_bandwidth_rounded_up_to_the_microsecond() {
        let link = LinkSpec { bandwidth: 1000.0, ..LinkSpec::default() };
        assert_eq!(link.serialization_us(100), 100_000, "100 bytes at 1000 B/s: 0.1 s");
        assert_eq!(LinkSpec { bandwidth: 3e6, ..link }.serialization_us(1), 1, "a third of a µs rounds up");
        assert_eq!(LinkSpec::default().serialization_us(u32::MAX), 0, "unlimited");
        assert_eq!(LinkSpec { bandwidth: 1e-300, ..link }.serialization_us(1), u64::MAX, "saturates");
        let later = Transit::Arrives { delay_us: 5, duplicate_us: Some(7) }.after(10);
        assert_eq!(later, Transit::Arrives { delay_us: 15, duplicate_us: Some(17) });
        assert_eq!(Transit::Lost.after(10), Transit::Lost);
    }
}
