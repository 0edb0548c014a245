//! The seed's deterministic pattern: digit collapse of seed^n, reset every interval steps.
//!
//! With `k = step mod phaseResetInterval`, the value is the seed itself when `k = 0`, and otherwise
//! the digit collapse of `(value at k-1) * seed`. Because the digit collapse of a product equals the
//! collapse of the product of the collapses, the values for `k >= 1` are the collapses of
//! `d^(k+1)` with `d` the collapse of the seed: a sequence that repeats with a period dividing 6.
//! [`PatternGenerator`] keeps those six values and answers any step in O(1).

use crate::error::MeshError;
use crate::validate::{positive_integer, safe_integer, MAX_SAFE_INTEGER};

/// The length of the table that holds one full cycle of the sequence after a reset.
const CYCLE: usize = 6;

/// The digit collapse (digital root) of `n`: its digit sum, repeated down to one digit.
pub fn digit_collapse(n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        1 + (n - 1) % 9
    }
}

/// Computes the pattern value of any step for one seed and phase-reset interval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternGenerator {
    seed: u64,
    interval: u64,
    cycle: [u8; CYCLE],
}

impl PatternGenerator {
    /// A generator for `seed` (0 ..= 2^53-1) that resets every `phase_reset_interval` (>= 1) steps.
    pub fn new(seed: u64, phase_reset_interval: u64) -> Result<Self, MeshError> {
        let seed = safe_integer("seed", seed as f64)?;
        let interval = positive_integer("phaseResetInterval", phase_reset_interval as f64)?;
        let root = digit_collapse(seed);
        let mut cycle = [0u8; CYCLE];
        let mut value = root;
        for slot in &mut cycle {
            value = digit_collapse(value * root);
            *slot = value as u8;
        }
        Ok(Self { seed, interval, cycle })
    }

    /// A generator from untyped numbers, validated with the rules of the JavaScript API.
    pub fn from_numbers(seed: f64, phase_reset_interval: f64) -> Result<Self, MeshError> {
        let seed = safe_integer("seed", seed)?;
        let interval = positive_integer("phaseResetInterval", phase_reset_interval)?;
        Self::new(seed, interval)
    }

    /// The seed, which is also the value at every phase reset.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The number of steps between phase resets.
    pub fn phase_reset_interval(&self) -> u64 {
        self.interval
    }

    /// The smallest period of the values between resets (1, 2, 3 or 6).
    pub fn period(&self) -> u64 {
        [1, 2, 3]
            .into_iter()
            .find(|&p| (p..CYCLE).all(|i| self.cycle[i] == self.cycle[i - p]))
            .unwrap_or(CYCLE) as u64
    }

    /// The pattern value at `step`, in O(1).
    #[inline]
    pub fn value_at(&self, step: u64) -> u64 {
        match step % self.interval {
            0 => self.seed,
            k => u64::from(self.cycle[((k - 1) % CYCLE as u64) as usize]),
        }
    }

    /// The pattern value at a step given as an untyped number, validated first.
    pub fn value_at_number(&self, step: f64) -> Result<u64, MeshError> {
        safe_integer("step", step).map(|step| self.value_at(step))
    }

    /// Writes the values of `out.len()` consecutive steps from `start` into `out`.
    ///
    /// Fails when the last step would pass 2^53-1.
    pub fn fill_values(&self, start: u64, out: &mut [f64]) -> Result<(), MeshError> {
        let last = start as f64 + out.len().saturating_sub(1) as f64;
        if start > MAX_SAFE_INTEGER || last > MAX_SAFE_INTEGER as f64 {
            safe_integer("startStep + count - 1", last)?;
        }
        let seed = self.seed as f64;
        let cycle = self.cycle.map(f64::from);
        let mut k = start % self.interval;
        let mut index = if k == 0 { 0 } else { ((k - 1) % CYCLE as u64) as usize };
        for slot in out {
            if k == 0 {
                *slot = seed;
                index = 0;
            } else {
                *slot = cycle[index];
                index = if index == CYCLE - 1 { 0 } else { index + 1 };
            }
            k += 1;
            if k == self.interval {
                k = 0;
            }
        }
        Ok(())
    }
}

/// The pattern value at `step` as the seed's spec says, taken literally: from the seed at the last
/// reset, multiply by the seed and sum the decimal digits down to one digit, once per step. Slow;
/// the reference the fast [`PatternGenerator`] is checked against.
pub fn literal_value(seed: u64, interval: u64, step: u64) -> u64 {
    fn collapse(mut n: u128) -> u128 {
        while n >= 10 {
            let mut sum = 0;
            while n > 0 {
                sum += n % 10;
                n /= 10;
            }
            n = sum;
        }
        n
    }
    let mut value = u128::from(seed);
    for _ in 0..step % interval {
        value = collapse(value * u128::from(seed));
    }
    value as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seed_seven_gives_seven_four_one() {
        let p = PatternGenerator::new(7, 100).unwrap();
        let values: Vec<u64> = (0..7).map(|s| p.value_at(s)).collect();
        assert_eq!(values, [7, 4, 1, 7, 4, 1, 7]);
        assert_eq!(p.value_at(100), 7, "phase reset at the interval");
        assert_eq!(p.value_at(101), 4);
        assert_eq!(p.period(), 3);
    }

    #[test]
    fn reset_returns_the_seed_itself_not_its_collapse() {
        let p = PatternGenerator::new(1234, 10).unwrap();
        assert_eq!(p.value_at(0), 1234);
        assert_eq!(p.value_at(20), 1234);
        assert_eq!(p.value_at(1), literal_value(1234, 10, 1));
    }

    #[test]
    fn edge_seeds() {
        let zero = PatternGenerator::new(0, 5).unwrap();
        assert!((0..20).all(|s| zero.value_at(s) == 0));
        let one = PatternGenerator::new(1, 5).unwrap();
        assert!((0..20).all(|s| one.value_at(s) == 1));
        let three = PatternGenerator::new(3, 50).unwrap();
        assert_eq!((0..4).map(|s| three.value_at(s)).collect::<Vec<_>>(), [3, 9, 9, 9]);
        let two = PatternGenerator::new(2, 50).unwrap();
        assert_eq!(two.period(), 6);
    }

    #[test]
    fn interval_one_always_gives_the_seed() {
        let p = PatternGenerator::new(7, 1).unwrap();
        assert!((0..10).all(|s| p.value_at(s) == 7));
    }

    #[test]
    fn largest_step_and_seed_are_answered() {
        let p = PatternGenerator::new(MAX_SAFE_INTEGER, MAX_SAFE_INTEGER).unwrap();
        assert_eq!(p.value_at(MAX_SAFE_INTEGER), MAX_SAFE_INTEGER);
        assert_eq!(p.value_at(MAX_SAFE_INTEGER - 1), literal_value(MAX_SAFE_INTEGER, 1_000, 6));
    }

    #[test]
    fn rejects_out_of_range_config() {
        assert_eq!(PatternGenerator::new(MAX_SAFE_INTEGER + 1, 5).unwrap_err().code(), "ERR_UNSAFE_INTEGER");
        assert_eq!(PatternGenerator::new(7, 0).unwrap_err().code(), "ERR_NOT_POSITIVE");
        assert_eq!(PatternGenerator::from_numbers(-7.0, 5.0).unwrap_err().field(), "seed");
        assert_eq!(PatternGenerator::from_numbers(7.0, 2.5).unwrap_err().field(), "phaseResetInterval");
    }

    #[test]
    fn bulk_fill_matches_single_values_across_resets() {
        let p = PatternGenerator::new(7, 10).unwrap();
        let mut out = vec![0.0; 35];
        p.fill_values(13, &mut out).unwrap();
        let single: Vec<f64> = (13..48).map(|s| p.value_at(s) as f64).collect();
        assert_eq!(out, single);
    }

    #[test]
    fn bulk_fill_refuses_to_pass_the_safe_range() {
        let p = PatternGenerator::new(7, 10).unwrap();
        let mut out = vec![0.0; 2];
        assert!(p.fill_values(MAX_SAFE_INTEGER - 1, &mut out).is_ok());
        let mut out = vec![0.0; 3];
        assert_eq!(p.fill_values(MAX_SAFE_INTEGER - 1, &mut out).unwrap_err().code(), "ERR_UNSAFE_INTEGER");
    }

    proptest! {
        #[test]
        fn constant_time_value_equals_iterating_from_the_last_reset(
            seed in 0u64..=MAX_SAFE_INTEGER,
            interval in 1u64..=200,
            step in 0u64..=MAX_SAFE_INTEGER,
        ) {
            let p = PatternGenerator::new(seed, interval).unwrap();
            prop_assert_eq!(p.value_at(step), literal_value(seed, interval, step));
        }

        #[test]
        fn small_seeds_match_the_reference_for_every_step_of_a_cycle(seed in 0u64..100, step in 0u64..1_000) {
            let p = PatternGenerator::new(seed, 97).unwrap();
            prop_assert_eq!(p.value_at(step), literal_value(seed, 97, step));
        }

        #[test]
        fn bulk_fill_equals_single_values(seed in 0u64..1_000, interval in 1u64..40, start in 0u64..10_000, len in 0usize..100) {
            let p = PatternGenerator::new(seed, interval).unwrap();
            let mut out = vec![0.0; len];
            p.fill_values(start, &mut out).unwrap();
            for (i, v) in out.iter().enumerate() {
                prop_assert_eq!(*v, p.value_at(start + i as u64) as f64);
            }
        }
    }
}
