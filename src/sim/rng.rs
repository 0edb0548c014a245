//! The simulation's one source of randomness: xoshiro256++ seeded from a `u64`.
//!
//! Every random choice of a simulation (loss, latency, duplication, topology, gossip) draws from
//! one [`SimRng`], in event order, so the same seed gives the same run on every platform.

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// A seeded, portable random number generator: xoshiro256++, which needs only 64-bit adds,
/// shifts and rotations, so it costs about the same in wasm as natively (a simulation is not a
/// place for a cryptographic generator; keys are derived with SHA-256 elsewhere).
#[derive(Debug, Clone)]
pub struct SimRng(Xoshiro256PlusPlus);

impl SimRng {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self(Xoshiro256PlusPlus::seed_from_u64(seed))
    }

    /// A uniform `u64`.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A uniform number in `[0, 1)` with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        // Through i64: 53 bits fit, and the signed conversion is one instruction everywhere.
        ((self.next_u64() >> 11) as i64) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `0 .. n` (`n` > 0), without modulo bias (Lemire's method).
    pub fn below(&mut self, n: u32) -> u32 {
        let n = u64::from(n);
        loop {
            let product = u64::from(self.0.next_u32()) * n;
            let low = product as u32 as u64;
            if low >= (1u64 << 32) % n {
                return (product >> 32) as u32;
            }
        }
    }

    /// True with probability `p` (no draw when `p` is 0, so lossless links cost nothing).
    pub fn chance(&mut self, p: f64) -> bool {
        p > 0.0 && self.unit() < p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_sequence() {
        let (mut a, mut b, mut c) = (SimRng::new(42), SimRng::new(42), SimRng::new(43));
        let first: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        assert_eq!(first, (0..8).map(|_| b.next_u64()).collect::<Vec<_>>());
        assert_ne!(first, (0..8).map(|_| c.next_u64()).collect::<Vec<_>>());
    }

    #[test]
    fn the_sequence_is_pinned_across_platforms() {
        // The trace hash depends on these bits: a crate update that changed them would show here.
        let mut rng = SimRng::new(7);
        assert_eq!(rng.below(1000), SimRng::new(7).below(1000));
        let draws: Vec<u32> = (0..4).map(|_| rng.below(100)).collect();
        assert_eq!(draws, PINNED_DRAWS);
    }

    const PINNED_DRAWS: [u32; 4] = [17, 71, 42, 96];

    #[test]
    fn below_and_unit_stay_in_range_and_cover_it() {
        let mut rng = SimRng::new(1);
        let mut seen = [0u32; 10];
        for _ in 0..10_000 {
            seen[rng.below(10) as usize] += 1;
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
        assert!(!rng.chance(0.0) && rng.chance(1.0));
    }
}
