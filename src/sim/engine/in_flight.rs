//! Transfers in flight, for drawing: where each is, and how it would end if it arrived now; and
//! dropping a message's copies in flight.

use std::collections::BTreeMap;

use super::Simulation;
use crate::auth::AuthMode;
use crate::boundary::code_table;
use crate::message::Verdict;
use crate::network::Slot;
use crate::sim::queue::Transfer;

code_table! {
    /// How a transfer in flight ends if nothing changes before it arrives.
    pub enum Outlook {
        /// The receiver accepts it.
        Accepted = "accepted",
        /// The receiver refuses it: a wrong pattern, or (authenticated) a bad tag or signature.
        Rejected = "rejected",
        /// It is dropped: the receiver has it already, is down, or is across a partition, or the
        /// owner dropped it.
        Dropped = "dropped",
    }
}

/// One transfer in flight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InFlight {
    /// The message's id.
    pub message_id: u64,
    /// The node that sent it over the link.
    pub from: Slot,
    /// The node it travels to.
    pub to: Slot,
    /// How far along the link it is, 0 to 1.
    pub progress: f64,
    /// How it ends as things stand.
    pub outlook: Outlook,
}

impl Simulation {
    /// Each transfer in flight, in no particular order.
    pub fn transfers(&self) -> impl Iterator<Item = InFlight> + '_ {
        self.messages.queue().iter().map(move |(arrives, t)| {
            let left = arrives.saturating_sub(self.clock.now()) as f64;
            let progress = if t.delay_us == 0 { 1.0 } else { (1.0 - left / f64::from(t.delay_us)).max(0.0) };
            let message_id = self.messages.get(t.message).map_or(0, |record| record.id);
            InFlight { message_id, from: t.from, to: t.to, progress, outlook: self.outlook(&t) }
        })
    }

    /// Drops the copies of message `message_id` in flight, to `to` alone or to every receiver:
    /// each is lost when it arrives (traced and counted as `lost`). Returns how many copies it
    /// dropped (0 when none is in flight: it arrived already, or never was, or was dropped
    /// already).
    pub fn drop_in_flight(&mut self, message_id: u64, to: Option<Slot>) -> usize {
        let mut doomed: BTreeMap<(u32, Slot), u32> = BTreeMap::new();
        for (_, t) in self.messages.queue().iter() {
            let wanted = to.is_none_or(|to| to == t.to)
                && self.messages.get(t.message).is_some_and(|record| record.id == message_id);
            if wanted {
                *doomed.entry((t.message, t.to)).or_default() += 1;
            }
        }
        let newly =
            doomed.iter().map(|(&(index, receiver), &copies)| self.messages.doom(index, receiver, copies));
        newly.sum::<u32>() as usize
    }

    /// How `transfer` would end if it arrived now (a replay window's verdict is not foreseen).
    fn outlook(&self, transfer: &Transfer) -> Outlook {
        let to = transfer.to;
        let down = self.nodes.is_down(to);
        let Some(record) = self.messages.get(transfer.message) else { return Outlook::Dropped };
        if down
            || self.links.is_cut(transfer.from, to)
            || record.seen.contains(to)
            || self.messages.is_dropped(transfer.message, to)
        {
            return Outlook::Dropped;
        }
        // The proof was checked at the send (an unknown ed25519 sender fails it too); a tampered
        // copy never passes.
        let refused =
            self.keyring.mode() != AuthMode::None && (transfer.tampered || record.verified != Some(true));
        match self.network.judge(to, record.stamp) {
            Ok(Verdict::Accepted) if !refused => Outlook::Accepted,
            _ => Outlook::Rejected,
        }
    }
}
