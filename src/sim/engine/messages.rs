//! The messages in flight: each one's record (what it claims, who has it, how many of its
//! transfers are still on their way) and the queue of those transfers.

use std::collections::BTreeMap;

use super::authenticity::Credentials;
use super::nodes::Heard;
use super::seen::SeenSet;
use crate::message::Stamp;
use crate::network::{Claim, Slot};
use crate::sim::queue::{EventQueue, Transfer};

/// Who a message claims to be from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    /// A node of the network (the sender, or the node a forger claims to be).
    Node(Slot),
    /// An id no node of the network has.
    Unknown(Box<str>),
}

impl Sender {
    /// The claim as watchers see it.
    pub fn as_claim(&self) -> Claim<'_> {
        match self {
            Sender::Node(slot) => Claim::Node(*slot),
            Sender::Unknown(name) => Claim::Unknown(name),
        }
    }

    /// The node claimed, when it is one of the network's.
    pub fn slot(&self) -> Option<Slot> {
        match self {
            Sender::Node(slot) => Some(*slot),
            Sender::Unknown(_) => None,
        }
    }
}

/// A message in the engine: who sent it, what it claims, and who has it.
#[derive(Debug)]
pub(super) struct MessageRecord {
    /// The message's id.
    pub(super) id: u64,
    /// Its sequence number, proof and payload.
    pub(super) credentials: Credentials,
    /// Whether an untampered copy's proof checks out, once a receiver has checked it.
    pub(super) verified: Option<bool>,
    /// Whether the owner knows the message (it sent it, or heard of it as an engine send), and
    /// so hears of its arrivals and completion.
    pub(super) tracked: bool,
    /// Who it claims to be from.
    pub(super) sender: Sender,
    /// Whether it was sent to one node (`send_to`): its receiver never relays it.
    pub(super) unicast: bool,
    /// Its step and pattern value.
    pub(super) stamp: Stamp,
    /// Its size in bytes (see [`crate::message::message_size`]), for bandwidth and statistics.
    pub(super) size: u32,
    /// Its transfers still on their way.
    pub(super) in_flight: u32,
    /// Nodes it reached (first arrivals).
    pub(super) reached: u32,
    /// The nodes that have it, the sender included.
    pub(super) seen: SeenSet,
}

impl MessageRecord {
    /// What a replaying node that accepts the message keeps of it, to send it again.
    pub(super) fn heard(&self) -> Heard {
        Heard {
            message: self.id,
            stamp: self.stamp,
            sender: self.sender.clone(),
            credentials: self.credentials.clone(),
        }
    }
}

/// What vouches for a message besides its pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proof {
    /// Nothing (the seed's mode).
    None,
    /// An HMAC-SHA256 tag.
    Tag([u8; 32]),
    /// An ed25519 signature.
    Signature([u8; 64]),
    /// Bytes that are no valid tag or signature (an outsider's).
    Garbage,
}

/// What an outsider attaches: bytes of a signature's length that verify under no key.
const GARBAGE: [u8; 64] = [0; 64];

impl Proof {
    /// The tag or signature as bytes (none for `None`).
    pub fn bytes(&self) -> &[u8] {
        match self {
            Proof::None => &[],
            Proof::Tag(tag) => tag,
            Proof::Signature(signature) => signature,
            Proof::Garbage => &GARBAGE,
        }
    }
}

/// The messages in flight, by index, and the queue of their transfers.
///
/// A message is added with nothing in flight; each transfer queued for it is counted on its
/// record ([`Messages::count_in_flight`], after the transfers are queued) and counted off as it
/// arrives. [`Messages::take_done`] removes a record once nothing of it is left in flight, and
/// its index serves a later message: an index is only ever held by one message in flight, and
/// every queued transfer names a message still in the table.
#[derive(Debug, Default)]
pub(super) struct Messages {
    /// The records by index (`None`: free).
    records: Vec<Option<MessageRecord>>,
    /// The free indices, the last freed first.
    free: Vec<u32>,
    /// Every transfer in flight, in arrival order.
    queue: EventQueue,
    /// Copies in flight the owner dropped (see [`super::Simulation::drop_in_flight`]), by
    /// message index and receiver: that many of the message's next arrivals there are lost.
    /// While it is empty, arrivals need not look.
    doomed: BTreeMap<(u32, Slot), u32>,
}

impl Messages {
    /// Adds `record`; returns its index.
    pub(super) fn add(&mut self, record: MessageRecord) -> u32 {
        match self.free.pop() {
            Some(index) => {
                self.records[index as usize] = Some(record);
                index
            }
            None => {
                self.records.push(Some(record));
                (self.records.len() - 1) as u32
            }
        }
    }

    /// The record of message `index`, while it is in flight.
    #[inline(always)]
    pub(super) fn get(&self, index: u32) -> Option<&MessageRecord> {
        self.records.get(index as usize).and_then(Option::as_ref)
    }

    /// The record of message `index`, to change, while it is in flight.
    #[inline(always)]
    pub(super) fn get_mut(&mut self, index: u32) -> Option<&mut MessageRecord> {
        self.records.get_mut(index as usize).and_then(Option::as_mut)
    }

    /// Queues `transfer` to arrive `delay_us` after `now_us`, and a duplicate copy
    /// `duplicate_us` after it if there is one; returns how many copies it queued.
    #[inline(always)]
    pub(super) fn queue_copies(
        &mut self,
        now_us: u64,
        transfer: Transfer,
        delay_us: u64,
        duplicate_us: Option<u64>,
    ) -> u32 {
        let copy = |delay: u64| Transfer { delay_us: u32::try_from(delay).unwrap_or(u32::MAX), ..transfer };
        self.queue.push(now_us.saturating_add(delay_us), copy(delay_us));
        let Some(duplicate_us) = duplicate_us else { return 1 };
        self.queue.push(now_us.saturating_add(duplicate_us), copy(duplicate_us));
        2
    }

    /// Counts `copies` more transfers of message `index` on their way.
    pub(super) fn count_in_flight(&mut self, index: u32, copies: u32) {
        if let Some(record) = self.get_mut(index) {
            record.in_flight += copies;
        }
    }

    /// Marks the `copies` copies of message `index` on their way to `to` (every copy in flight
    /// there) dropped; returns how many of them were not marked already.
    pub(super) fn doom(&mut self, index: u32, to: Slot, copies: u32) -> u32 {
        copies - self.doomed.insert((index, to), copies).unwrap_or(0)
    }

    /// Whether the copy of message `index` arriving at `to` is one the owner dropped.
    #[inline(always)]
    pub(super) fn is_dropped(&self, index: u32, to: Slot) -> bool {
        !self.doomed.is_empty() && self.doomed.contains_key(&(index, to))
    }

    /// Counts off a dropped copy of message `index` that arrived at `to`.
    pub(super) fn count_doomed_arrived(&mut self, index: u32, to: Slot) {
        self.count_arrived(index);
        if let Some(left) = self.doomed.get_mut(&(index, to)) {
            *left -= 1;
            if *left == 0 {
                self.doomed.remove(&(index, to));
            }
        }
    }

    /// Counts off one copy of message `index` that arrived.
    pub(super) fn count_arrived(&mut self, index: u32) {
        if let Some(record) = self.get_mut(index) {
            record.in_flight -= 1;
        }
    }

    /// Removes and returns the record of message `index` if nothing of it is left in flight.
    pub(super) fn take_done(&mut self, index: u32) -> Option<MessageRecord> {
        let slot = self.records.get_mut(index as usize)?;
        if slot.as_ref()?.in_flight != 0 {
            return None;
        }
        self.free.push(index);
        slot.take()
    }

    /// Counts off an arriving transfer of message `index` at `to` if `to` has the message:
    /// then returns the message's id and whether nothing of it is left in flight; else changes
    /// nothing. Small, for the flood loop's duplicate path (taken only while no copy is dropped).
    #[inline(always)]
    pub(super) fn arrive_again(&mut self, index: u32, to: Slot) -> Option<(u64, bool)> {
        let record = self.get_mut(index)?;
        if !record.seen.contains(to) {
            return None;
        }
        record.in_flight -= 1;
        Some((record.id, record.in_flight == 0))
    }

    /// Whether no copy in flight is dropped (see [`Messages::doom`]).
    pub(super) fn none_doomed(&self) -> bool {
        self.doomed.is_empty()
    }

    /// The queue of transfers in flight.
    #[inline(always)]
    pub(super) fn queue(&self) -> &EventQueue {
        &self.queue
    }

    /// The arrival time of the earliest transfer.
    pub(super) fn next_time(&mut self) -> Option<u64> {
        self.queue.next_time()
    }

    /// Removes the earliest transfer if it arrives at or before `limit`.
    #[inline(always)]
    pub(super) fn pop_until(&mut self, limit: u64) -> Option<(u64, Transfer)> {
        self.queue.pop_until(limit)
    }

    /// Bytes of heap held: the queue's buffers and the table.
    pub(super) fn heap_bytes(&self) -> usize {
        self.queue.heap_bytes() + self.records.capacity() * std::mem::size_of::<Option<MessageRecord>>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: u64) -> MessageRecord {
        MessageRecord {
            id,
            credentials: Credentials { sequence: 0, proof: Proof::None, payload: Box::default() },
            verified: None,
            tracked: false,
            sender: Sender::Node(0),
            unicast: false,
            stamp: Stamp { global_step: 0, pattern_value: 7 },
            size: 0,
            in_flight: 0,
            reached: 0,
            seen: SeenSet::new(0),
        }
    }

    fn transfer(message: u32, to: Slot) -> Transfer {
        Transfer { message, from: 0, to, hops: 1, delay_us: 0, tampered: false }
    }

    #[test]
    fn a_message_is_done_when_its_last_transfer_arrived_and_its_index_is_reused() {
        let mut messages = Messages::default();
        let first = messages.add(record(1));
        let copies = messages.queue_copies(100, transfer(first, 1), 5, Some(9));
        messages.count_in_flight(first, copies);
        assert_eq!(messages.queue().len(), 2);
        assert!(messages.take_done(first).is_none(), "two copies on their way");
        let (at, t) = messages.pop_until(u64::MAX).unwrap();
        assert_eq!((at, t.delay_us), (105, 5));
        messages.get_mut(first).unwrap().seen.insert(1, 2);
        assert_eq!(messages.arrive_again(first, 1), Some((1, false)), "a duplicate of a known message");
        let (at, t) = messages.pop_until(u64::MAX).unwrap();
        assert_eq!((at, t.delay_us), (109, 9));
        assert_eq!(messages.arrive_again(first, 1), Some((1, true)));
        assert_eq!(messages.take_done(first).map(|m| m.id), Some(1));
        assert!(messages.get(first).is_none() && messages.take_done(first).is_none());
        assert_eq!(messages.add(record(2)), first, "the index serves the next message");
    }

    #[test]
    fn a_first_arrival_is_not_taken_for_a_duplicate() {
        let mut messages = Messages::default();
        let index = messages.add(record(1));
        messages.count_in_flight(index, 1);
        assert_eq!(messages.arrive_again(index, 3), None);
        assert_eq!(messages.get(index).unwrap().in_flight, 1, "nothing changed");
    }
}
