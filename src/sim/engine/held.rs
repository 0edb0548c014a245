//! The transfers held for paused nodes: what reached each one while it was paused, in arrival
//! order, to be handled when it resumes (or dropped when it crashes or is removed).

use std::collections::BTreeMap;

use crate::network::Slot;
use crate::sim::queue::Transfer;

/// The held transfers of each paused node that has any, oldest first.
#[derive(Debug, Default)]
pub(super) struct Held {
    /// The transfers by receiver; no list is empty.
    by_node: BTreeMap<Slot, Vec<Transfer>>,
}

impl Held {
    /// Holds `transfer` for its receiver, after those held before it.
    pub(super) fn hold(&mut self, transfer: Transfer) {
        self.by_node.entry(transfer.to).or_default().push(transfer);
    }

    /// Takes the transfers held for `slot`, in arrival order.
    pub(super) fn take(&mut self, slot: Slot) -> Vec<Transfer> {
        self.by_node.remove(&slot).unwrap_or_default()
    }

    /// Bytes of heap held by the lists.
    pub(super) fn heap_bytes(&self) -> usize {
        self.by_node.values().map(|held| held.capacity() * std::mem::size_of::<Transfer>()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transfer(message: u32, to: Slot) -> Transfer {
        Transfer { message, from: 0, to, hops: 1, delay_us: 0, tampered: false }
    }

    #[test]
    fn transfers_are_held_per_receiver_in_arrival_order_and_taken_once() {
        let mut held = Held::default();
        for (message, to) in [(1, 2), (2, 3), (3, 2)] {
            held.hold(transfer(message, to));
        }
        assert!(held.heap_bytes() > 0);
        assert_eq!(held.take(2), [transfer(1, 2), transfer(3, 2)]);
        assert_eq!(held.take(2), [], "taken");
        assert_eq!(held.take(3), [transfer(2, 3)]);
        assert_eq!(held.heap_bytes(), 0);
    }
}
