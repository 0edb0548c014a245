//! Which nodes already have a message.

/// The nodes that have a message: a short list, or a bitset once it spreads.
#[derive(Debug)]
pub(super) enum SeenSet {
    /// Up to [`FEW`] slots, in the order they were added.
    Few(Vec<u32>),
    /// One bit per slot.
    Many(Vec<u64>),
}

/// Above this many nodes a message's seen set becomes a bitset.
const FEW: usize = 32;

impl SeenSet {
    /// The set of `first` alone (a message's sender).
    pub(super) fn new(first: u32) -> Self {
        SeenSet::Few(vec![first])
    }

    /// Whether `slot` is there.
    pub(super) fn contains(&self, slot: u32) -> bool {
        match self {
            SeenSet::Few(list) => list.contains(&slot),
            SeenSet::Many(bits) => {
                bits.get(slot as usize / 64).is_some_and(|word| word & (1 << (slot % 64)) != 0)
            }
        }
    }

    /// Adds `slot`; false when it was already there.
    pub(super) fn insert(&mut self, slot: u32, slots: usize) -> bool {
        match self {
            SeenSet::Few(list) if list.contains(&slot) => false,
            SeenSet::Few(list) if list.len() < FEW => {
                list.push(slot);
                true
            }
            SeenSet::Few(list) => {
                let mut bits = vec![0u64; slots.div_ceil(64).max(slot as usize / 64 + 1)];
                for &s in list.iter() {
                    bits[s as usize / 64] |= 1 << (s % 64);
                }
                *self = SeenSet::Many(bits);
                self.insert(slot, slots)
            }
            SeenSet::Many(bits) => {
                let (word, bit) = (slot as usize / 64, 1u64 << (slot % 64));
                if word >= bits.len() {
                    bits.resize(word + 1, 0);
                }
                let fresh = bits[word] & bit == 0;
                bits[word] |= bit;
                fresh
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seen_set_takes_each_node_once_before_and_after_it_becomes_a_bitset() {
        let mut seen = SeenSet::new(3);
        assert!(!seen.insert(3, 100) && seen.contains(3) && !seen.contains(4));
        for slot in 10..10 + FEW as u32 {
            assert!(seen.insert(slot, 100));
        }
        assert!(matches!(seen, SeenSet::Many(_)), "grown past {FEW}");
        assert!(seen.contains(3) && seen.contains(10 + FEW as u32 - 1) && !seen.contains(99));
        assert!(!seen.insert(12, 100) && seen.insert(99, 100) && seen.contains(99));
        assert!(seen.insert(500, 100) && seen.contains(500), "a slot beyond the size it was made for");
    }
}
