//! Authentication in the engine: senders attach a tag or signature over the canonical encoding
//! with a sequence number; the proof is checked once per message, at the send (the result is
//! shared by every untampered copy), and receivers keep a replay window per sender.

use super::messages::{Proof, Sender};
use super::Simulation;
use crate::auth::{canonical_bytes, verify_signature, AuthMode};
use crate::message::Stamp;
use crate::network::Slot;

/// Why a receiver refused a message before looking at its pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The tag or signature does not check out (forged, tampered, or from an outsider).
    BadSignature,
    /// The claimed sender has no registered key (ed25519 mode).
    UnknownSender,
    /// A sequence number this receiver has already seen from that sender, or one too old.
    Replay,
}

/// A message as a receiver checks it: what it claims, and what vouches for it.
#[derive(Debug, Clone, Copy)]
pub struct Claimed<'a> {
    /// The sender it claims.
    pub sender: &'a Sender,
    /// Its step and pattern value.
    pub stamp: Stamp,
    /// The sender's sequence number.
    pub sequence: u64,
    /// The payload bytes the tag or signature covers.
    pub payload: &'a [u8],
    /// The tag or signature.
    pub proof: &'a [u8],
}

impl Simulation {
    /// The sequence number and proof for a new message from `sender` claiming `claimed` and
    /// carrying `payload` (an outsider has no key, so its proof is garbage), and whether the proof
    /// checks out, as [`Simulation::authentic`] would find, known from how it was made. Sequence
    /// numbers follow the claimed id: a forger continues its victim's sequence, as an insider who
    /// has seen the victim's traffic would, so no replay window gives it away.
    pub(super) fn prove(
        &mut self,
        sender: Slot,
        claimed: &Sender,
        stamp: Stamp,
        outsider: bool,
        payload: &[u8],
    ) -> (u64, Proof, bool) {
        if self.keyring.mode() == AuthMode::None {
            return (0, Proof::None, true);
        }
        let sequence = self.keyring.next_sequence(claimed);
        if outsider {
            return (sequence, Proof::Garbage, false);
        }
        let bytes = canonical_bytes(
            self.claimed_id(claimed),
            stamp.global_step,
            stamp.pattern_value,
            sequence,
            payload,
        );
        let secret = self.keyring.secrets.get(sender as usize).and_then(Option::as_ref);
        let (proof, authentic) = match (&self.keyring.mesh_key, secret) {
            // The one mesh key both tags and checks.
            (Some(key), _) => (Proof::Tag(key.tag(&bytes)), true),
            // A signature checks out when the claimed sender's registered key is the signer's.
            (None, Some(key)) => {
                (Proof::Signature(key.sign(&bytes)), self.signer_key(claimed) == Some(key.public()))
            }
            (None, None) => (Proof::Garbage, false),
        };
        (sequence, proof, authentic)
    }

    fn claimed_id<'a>(&'a self, claimed: &'a Sender) -> &'a str {
        match claimed {
            Sender::Node(slot) => self.network.node_id(*slot),
            Sender::Unknown(name) => name,
        }
    }

    /// Why receiver `to` refuses its copy of message `index` (`tampered` or not), if it does.
    /// An untampered copy shares the check made at the send; a tampered copy's payload differs
    /// from the one that was signed, so its proof is checked against the altered bytes.
    pub(super) fn refusal(&mut self, to: Slot, index: u32, tampered: bool) -> Option<Refusal> {
        if self.keyring.mode() == AuthMode::None {
            return None;
        }
        let record = self.messages.get(index)?;
        let authentic = if tampered {
            let altered = tampered_payload(&record.payload);
            let claimed = Claimed {
                sender: &record.sender,
                stamp: record.stamp,
                sequence: record.sequence,
                payload: &altered,
                proof: record.proof.bytes(),
            };
            self.authentic(claimed)
        } else {
            record.verified == Some(true)
        };
        let record = self.messages.get(index)?;
        let (sender, sequence) = (record.sender.clone(), record.sequence);
        self.judge_freshness(to, &sender, sequence, authentic)
    }

    /// Why receiver `to` refuses a message handed to it from outside the simulator, if it does.
    pub fn refusal_of(&mut self, to: Slot, claimed: Claimed<'_>) -> Option<Refusal> {
        if self.keyring.mode() == AuthMode::None {
            return None;
        }
        let authentic = self.authentic(claimed);
        self.judge_freshness(to, claimed.sender, claimed.sequence, authentic)
    }

    /// The refusal of a message whose proof is `authentic` or not: an unknown sender (ed25519),
    /// a bad proof, a reflection of the receiver's own message, or a sequence seen before.
    fn judge_freshness(
        &mut self,
        to: Slot,
        sender: &Sender,
        sequence: u64,
        authentic: bool,
    ) -> Option<Refusal> {
        if self.keyring.mode() == AuthMode::Ed25519 && self.signer_key(sender).is_none() {
            return Some(Refusal::UnknownSender);
        }
        if !authentic {
            return Some(Refusal::BadSignature);
        }
        // A node never receives its own messages: one that claims to come from the receiver
        // itself is a reflection of something it sent.
        let fresh = *sender != Sender::Node(to) && self.keyring.fresh(to, sender, sequence);
        (!fresh).then_some(Refusal::Replay)
    }

    /// The registered public key of the sender a message claims (ed25519 mode).
    fn signer_key(&self, sender: &Sender) -> Option<[u8; 32]> {
        match sender {
            Sender::Node(slot) => self.public_key(*slot),
            Sender::Unknown(_) => None,
        }
    }

    /// Whether a message's proof checks out against the key of the sender it claims.
    pub(super) fn authentic(&self, claimed: Claimed<'_>) -> bool {
        let Claimed { sender, stamp, sequence, payload, proof } = claimed;
        let bytes = canonical_bytes(
            self.claimed_id(sender),
            stamp.global_step,
            stamp.pattern_value,
            sequence,
            payload,
        );
        match self.keyring.mode() {
            AuthMode::None => true,
            AuthMode::Hmac => self.keyring.mesh_key.as_ref().is_some_and(|key| key.verify(&bytes, proof)),
            AuthMode::Ed25519 => {
                self.signer_key(sender).is_some_and(|key| verify_signature(&key, &bytes, proof))
            }
        }
    }
}

/// The payload a tampering relay passes on: the original with its last byte changed (or one
/// byte added to an empty one).
fn tampered_payload(payload: &[u8]) -> Vec<u8> {
    let mut altered = payload.to_vec();
    match altered.last_mut() {
        Some(byte) => *byte ^= 0x20,
        None => altered.push(b'!'),
    }
    altered
}
