//! A set of node slots as one bit per slot, growing as needed.

use crate::network::Slot;

/// A set of slots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct SlotBits(Vec<u64>);

impl SlotBits {
    /// The set of the slots below `slots` that `member` says.
    pub(super) fn from_fn(slots: usize, member: impl Fn(Slot) -> bool) -> Self {
        let mut set = Self(vec![0; slots.div_ceil(64)]);
        for slot in (0..slots as Slot).filter(|&slot| member(slot)) {
            set.insert(slot);
        }
        set
    }

    /// Adds `slot`; false when it was there already.
    #[inline]
    pub(super) fn insert(&mut self, slot: Slot) -> bool {
        let (word, bit) = (slot as usize / 64, 1u64 << (slot % 64));
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        let fresh = self.0[word] & bit == 0;
        self.0[word] |= bit;
        fresh
    }

    /// Removes `slot`.
    pub(super) fn remove(&mut self, slot: Slot) {
        if let Some(word) = self.0.get_mut(slot as usize / 64) {
            *word &= !(1u64 << (slot % 64));
        }
    }

    /// Whether `slot` is there.
    #[inline]
    pub(super) fn contains(&self, slot: Slot) -> bool {
        self.0.get(slot as usize / 64).is_some_and(|word| word & (1u64 << (slot % 64)) != 0)
    }

    /// How many slots there are.
    pub(super) fn len(&self) -> usize {
        self.0.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// The slots of `of` that are not here, in order.
    pub(super) fn missing_from<'a>(&'a self, of: &'a SlotBits) -> impl Iterator<Item = Slot> + 'a {
        of.0.iter().enumerate().flat_map(move |(i, &word)| {
            let mut lacking = word & !self.0.get(i).copied().unwrap_or(0);
            std::iter::from_fn(move || {
                (lacking != 0).then(|| {
                    let bit = lacking.trailing_zeros();
                    lacking &= lacking - 1;
                    (i * 64) as Slot + bit
                })
            })
        })
    }

    /// How many slots of `of` are not here.
    pub(super) fn count_missing_from(&self, of: &SlotBits) -> usize {
        let lacking =
            |(i, &word): (usize, &u64)| (word & !self.0.get(i).copied().unwrap_or(0)).count_ones() as usize;
        of.0.iter().enumerate().map(lacking).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_go_in_once_come_out_and_the_missing_ones_are_listed_in_order() {
        let mut seen = SlotBits::default();
        assert!(seen.insert(3) && seen.insert(130) && !seen.insert(3));
        assert!(seen.contains(130) && !seen.contains(4) && !seen.contains(9999));
        let all = SlotBits::from_fn(200, |slot| slot % 50 == 0 || slot == 3);
        assert_eq!(all.len(), 5);
        assert_eq!(seen.missing_from(&all).collect::<Vec<_>>(), [0, 50, 100, 150]);
        assert_eq!(seen.count_missing_from(&all), 4);
        seen.remove(3);
        assert_eq!(seen.count_missing_from(&all), 5);
    }
}
