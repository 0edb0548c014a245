//! The engine's record of a message in flight: its stamp, and which nodes already have it.

use crate::message::Stamp;
use crate::network::{Claim, Slot};

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
}

/// A message in the engine: who sent it, what it claims, and who has it.
#[derive(Debug)]
pub(super) struct MessageRecord {
    pub(super) id: u64,
    /// The sender's sequence number (authenticated modes; 0 otherwise).
    pub(super) sequence: u64,
    /// The tag or signature the message carries.
    pub(super) proof: Proof,
    /// The payload bytes the proof covers (authenticated modes; empty otherwise).
    pub(super) payload: Box<[u8]>,
    /// Whether an untampered copy's proof checks out, once a receiver has checked it.
    pub(super) verified: Option<bool>,
    /// Whether the owner knows the message (it sent it, or heard of it as an engine send), and
    /// so hears of its arrivals and completion.
    pub(super) tracked: bool,
    pub(super) sender: Sender,
    pub(super) stamp: Stamp,
    pub(super) in_flight: u32,
    pub(super) reached: u32,
    pub(super) seen: SeenSet,
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

/// The nodes that have a message: a short list, or a bitset once it spreads.
#[derive(Debug)]
pub(super) enum SeenSet {
    Few(Vec<u32>),
    Many(Vec<u64>),
}

/// Above this many nodes a message's seen set becomes a bitset.
const FEW: usize = 32;

impl SeenSet {
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
