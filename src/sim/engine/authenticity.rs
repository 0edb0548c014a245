//! Authentication in the engine: senders attach a tag or signature over the canonical encoding
//! with a sequence number; the proof is checked once per message, at the send (the result is
//! shared by every untampered copy), and receivers keep a replay window per sender. The rules
//! are the [`super::keyring::Keyring`]'s; this is how the simulation applies them.

use super::messages::{Proof, Sender};
use super::Simulation;
use crate::auth::{public_key, AuthMode, MeshKey, NodeKey};
use crate::boundary::code_table;
use crate::error::MeshError;
use crate::message::Stamp;
use crate::network::{Network, Slot};
use crate::sim::byzantine::Byzantine;

code_table! {
    /// Why a receiver refused a message before looking at its pattern.
    pub enum Refusal {
        /// The tag or signature does not check out (forged, tampered, or from an outsider).
        BadSignature = "bad-signature",
        /// The claimed sender has no registered key (ed25519 mode).
        UnknownSender = "unknown-sender",
        /// A sequence number this receiver has already seen from that sender, or one too old.
        Replay = "replay",
    }
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

/// What vouches for a message besides its pattern: the sender's sequence number, the proof, and
/// the payload the proof covers (empty without authentication).
#[derive(Debug, Clone)]
pub(super) struct Credentials {
    /// The sender's sequence number (0 without authentication).
    pub(super) sequence: u64,
    /// The tag or signature.
    pub(super) proof: Proof,
    /// The payload bytes the proof covers.
    pub(super) payload: Box<[u8]>,
}

impl Credentials {
    /// The message a receiver checks: these credentials on a message claiming `sender` and
    /// `stamp`.
    pub(super) fn claim<'a>(&'a self, sender: &'a Sender, stamp: Stamp) -> Claimed<'a> {
        let Credentials { sequence, proof, payload } = self;
        Claimed { sender, stamp, sequence: *sequence, payload, proof: proof.bytes() }
    }
}

/// The id a message claims: the claimed node's, or the name a forger made up.
fn claimed_id<'a>(network: &'a Network, claimed: &'a Sender) -> &'a str {
    match claimed {
        Sender::Node(slot) => network.node_id(*slot),
        Sender::Unknown(name) => name,
    }
}

impl Simulation {
    /// Replaces the derived HMAC mesh key with `key` (32 bytes; `auth` must be `"hmac"`).
    pub fn set_mesh_key(&mut self, key: &[u8]) -> Result<(), MeshError> {
        self.keyring.require("key", AuthMode::Hmac)?;
        self.keyring.set_mesh_key(MeshKey::new("key", key)?);
        Ok(())
    }

    /// Gives node `slot` the ed25519 key pair of the 32-byte `secret` (`auth` must be
    /// `"ed25519"`); its public key is registered with it.
    pub fn set_node_secret(&mut self, slot: Slot, secret: &[u8]) -> Result<(), MeshError> {
        self.keyring.require("secretKey", AuthMode::Ed25519)?;
        self.network.global_step(slot)?;
        self.keyring.set_node_key(slot, NodeKey::new("secretKey", secret)?);
        Ok(())
    }

    /// Registers `public` (32 bytes) as node `slot`'s ed25519 public key, for a key pair kept
    /// outside the simulator: messages the app signs for it verify; the simulator can no longer
    /// sign for it (its own broadcasts carry no valid signature).
    pub fn set_public_key(&mut self, slot: Slot, public: &[u8]) -> Result<(), MeshError> {
        self.keyring.require("publicKey", AuthMode::Ed25519)?;
        self.network.global_step(slot)?;
        self.keyring.set_public_key(slot, public_key("publicKey", public)?);
        Ok(())
    }

    /// Node `slot`'s registered ed25519 public key (ed25519 mode).
    pub fn public_key(&self, slot: Slot) -> Option<[u8; 32]> {
        self.keyring.public_key(slot)
    }

    /// The credentials of a message `sender` sends claiming `claimed` and `stamp`: new ones for
    /// `payload`, or `replayed` ones a replayer resends; and whether its proof checks out (`None`
    /// without authentication). A fresh proof is known good or bad as it is made; a replayed one
    /// is checked, since keys may have changed since it was heard. Checked once, here: watchers
    /// and every receiver of an untampered copy share the result.
    pub(super) fn vouch(
        &mut self,
        sender: Slot,
        claimed: &Sender,
        stamp: Stamp,
        payload: &[u8],
        replayed: Option<Credentials>,
    ) -> (Credentials, Option<bool>) {
        let (credentials, known) = match replayed {
            Some(old) => (old, None),
            None => {
                let unauthenticated = self.keyring.mode() == AuthMode::None;
                let payload: Box<[u8]> = if unauthenticated { Box::default() } else { payload.into() };
                let outsider = self.nodes.byzantine(sender) == Some(&Byzantine::Outsider);
                let id = claimed_id(&self.network, claimed);
                let (sequence, proof, authentic) =
                    self.keyring.prove(sender, claimed, id, stamp, outsider, &payload);
                (Credentials { sequence, proof, payload }, Some(authentic))
            }
        };
        let check = credentials.claim(claimed, stamp);
        let id = claimed_id(&self.network, claimed);
        debug_assert!(
            known.is_none_or(|authentic| authentic == self.keyring.authentic(check, id)),
            "a proof is known good or bad as it is made"
        );
        let verified = (self.keyring.mode() != AuthMode::None)
            .then(|| known.unwrap_or_else(|| self.keyring.authentic(check, id)));
        (credentials, verified)
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
            let altered = tampered_payload(&record.credentials.payload);
            let claimed =
                Claimed { payload: &altered, ..record.credentials.claim(&record.sender, record.stamp) };
            self.keyring.authentic(claimed, claimed_id(&self.network, &record.sender))
        } else {
            record.verified == Some(true)
        };
        self.keyring.refusal(to, &record.sender, record.credentials.sequence, authentic)
    }

    /// Why receiver `to` refuses a message handed to it from outside the simulator, if it does.
    pub fn refusal_of(&mut self, to: Slot, claimed: Claimed<'_>) -> Option<Refusal> {
        if self.keyring.mode() == AuthMode::None {
            return None;
        }
        let authentic = self.keyring.authentic(claimed, claimed_id(&self.network, claimed.sender));
        self.keyring.refusal(to, claimed.sender, claimed.sequence, authentic)
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
