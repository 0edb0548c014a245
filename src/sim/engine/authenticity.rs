//! Authentication in the engine: senders attach a tag or signature over the canonical encoding
//! with a sequence number; receivers check it once per message (the result is shared by every
//! untampered copy) and keep a replay window per sender.

use std::collections::BTreeMap;

use super::messages::{MessageRecord, Proof, Sender};
use super::Simulation;
use crate::auth::{canonical_bytes, verify_signature, AuthMode, Freshness, MeshKey, NodeKey, ReplayWindow};
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

/// The keys, sequence numbers and replay windows of an authenticated network.
#[derive(Debug, Default)]
pub(super) struct Keyring {
    mode: AuthMode,
    mesh_key: Option<MeshKey>,
    node_keys: Vec<Option<NodeKey>>,
    sequences: Vec<u64>,
    windows: BTreeMap<(Slot, Slot), ReplayWindow>,
}

impl Keyring {
    /// The keyring of a network in `mode`, keys derived from `seed`.
    pub(super) fn new(mode: AuthMode, seed: u64) -> Self {
        let mesh_key = (mode == AuthMode::Hmac).then(|| MeshKey::from_seed(seed));
        Self { mode, mesh_key, ..Self::default() }
    }

    /// The mode the keys serve.
    pub(super) fn mode(&self) -> AuthMode {
        self.mode
    }

    /// Registers a new node (its key pair in ed25519 mode, derived from `seed` and its id).
    pub(super) fn add_node(&mut self, seed: u64, node_id: &str) {
        self.sequences.push(0);
        self.node_keys.push((self.mode == AuthMode::Ed25519).then(|| NodeKey::from_seed(seed, node_id)));
    }
}

impl Simulation {
    /// The sequence number and proof for a new message from `sender` claiming `claimed` (an
    /// outsider has no key, so its proof is garbage). A forger continues its victim's sequence,
    /// as an insider who has seen the victim's traffic would, so no replay window gives it away.
    pub(super) fn prove(
        &mut self,
        sender: Slot,
        claimed: &Sender,
        stamp: Stamp,
        outsider: bool,
    ) -> (u64, Proof) {
        if self.keyring.mode == AuthMode::None {
            return (0, Proof::None);
        }
        let counter = match claimed {
            Sender::Node(slot) => *slot,
            Sender::Unknown(_) => sender,
        };
        let sequence = {
            let next = &mut self.keyring.sequences[counter as usize];
            *next += 1;
            *next
        };
        if outsider {
            return (sequence, Proof::Garbage);
        }
        let bytes =
            canonical_bytes(self.claimed_id(claimed), stamp.global_step, stamp.pattern_value, sequence, &[]);
        let proof = match (&self.keyring.mesh_key, &self.keyring.node_keys[sender as usize]) {
            (Some(key), _) => Proof::Tag(key.tag(&bytes)),
            (None, Some(key)) => Proof::Signature(key.sign(&bytes)),
            (None, None) => Proof::Garbage,
        };
        (sequence, proof)
    }

    fn claimed_id<'a>(&'a self, claimed: &'a Sender) -> &'a str {
        match claimed {
            Sender::Node(slot) => self.network.node_id(*slot),
            Sender::Unknown(name) => name,
        }
    }

    /// Why receiver `to` refuses its copy of message `index` (`tampered` or not), if it does.
    pub(super) fn refusal(&mut self, to: Slot, index: u32, tampered: bool) -> Option<Refusal> {
        if self.keyring.mode == AuthMode::None {
            return None;
        }
        let record = self.messages[index as usize].as_ref()?;
        if self.keyring.mode == AuthMode::Ed25519 && matches!(record.sender, Sender::Unknown(_)) {
            return Some(Refusal::UnknownSender);
        }
        let valid = if tampered {
            false
        } else if let Some(known) = record.verified {
            known
        } else {
            let valid = self.verify(record);
            if let Some(record) = self.messages[index as usize].as_mut() {
                record.verified = Some(valid);
            }
            valid
        };
        if !valid {
            return Some(Refusal::BadSignature);
        }
        let (claimed, sequence) = {
            let record = self.messages[index as usize].as_ref()?;
            let Sender::Node(slot) = record.sender else { return None };
            (slot, record.sequence)
        };
        // A node never receives its own messages: one that claims to come from the receiver
        // itself is a reflection of something it sent.
        if claimed == to {
            return Some(Refusal::Replay);
        }
        match self.keyring.windows.entry((to, claimed)).or_default().check(sequence) {
            Freshness::Fresh => None,
            Freshness::Replayed | Freshness::TooOld => Some(Refusal::Replay),
        }
    }

    /// Whether a message's proof checks out against the key of the sender it claims.
    fn verify(&self, record: &MessageRecord) -> bool {
        let stamp = record.stamp;
        let bytes = canonical_bytes(
            self.claimed_id(&record.sender),
            stamp.global_step,
            stamp.pattern_value,
            record.sequence,
            &[],
        );
        match (&record.proof, &record.sender) {
            (Proof::Tag(tag), _) => self.keyring.mesh_key.as_ref().is_some_and(|key| key.verify(&bytes, tag)),
            (Proof::Signature(signature), Sender::Node(slot)) => self.keyring.node_keys[*slot as usize]
                .as_ref()
                .is_some_and(|key| verify_signature(&key.public(), &bytes, signature)),
            _ => false,
        }
    }
}
