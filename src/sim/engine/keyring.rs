//! The keys of an authenticated network: derived from the simulation seed, or supplied by the
//! user; each sender's sequence counter and each receiver's replay windows; and the rules that
//! make and check proofs.

use std::collections::BTreeMap;

use super::{Claimed, Proof, Refusal, Sender};
use crate::auth::{canonical_bytes, verify_signature, AuthMode, Freshness, MeshKey, NodeKey, ReplayWindow};
use crate::error::MeshError;
use crate::message::Stamp;
use crate::network::Slot;

/// The keys, sequence numbers and replay windows of an authenticated network.
///
/// A network without authentication keeps nothing per node; an hmac network keeps one mesh key
/// and, per node, its id number; an ed25519 network keeps besides each node's registered public
/// key and, while the simulator holds it, its signing key. A proof is over the canonical bytes
/// of the claimed id, the stamp, the sequence number and the payload; the caller names the
/// claimed id, since a node's id lives in the network.
#[derive(Debug, Default)]
pub(super) struct Keyring {
    /// How messages are authenticated.
    mode: AuthMode,
    /// The key every member tags and checks with (hmac mode only).
    mesh_key: Option<MeshKey>,
    /// Each node's signing key, when the simulator holds it (ed25519 mode only; empty otherwise).
    secrets: Vec<Option<NodeKey>>,
    /// Each node's registered public key (ed25519 mode only; empty otherwise).
    publics: Vec<Option<[u8; 32]>>,
    /// Every id ever claimed (by a node or a forger), numbered as first seen. Sequence numbers
    /// and replay windows follow the id, not the slot: a removed node's old messages, or those of
    /// a new node with the same id, meet the same windows.
    ids: BTreeMap<Box<str>, u32>,
    /// Each slot's id number.
    slot_ids: Vec<u32>,
    /// The last sequence number sent under each id number.
    sequences: Vec<u64>,
    /// Per receiver slot and claimed id number.
    windows: BTreeMap<(Slot, u32), ReplayWindow>,
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

    /// Registers a new node (its key pair in ed25519 mode, derived from `seed` and its id); a
    /// network without authentication keeps nothing per node.
    pub(super) fn add_node(&mut self, seed: u64, node_id: &str) {
        if self.mode == AuthMode::None {
            return;
        }
        let id = self.id_number(node_id);
        self.slot_ids.push(id);
        if self.mode == AuthMode::Ed25519 {
            let secret = NodeKey::from_seed(seed, node_id);
            self.publics.push(Some(secret.public()));
            self.secrets.push(Some(secret));
        }
    }

    /// Bytes of heap held, counting each map entry as its key and value plus two words.
    pub(super) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.secrets.capacity() * size_of::<Option<NodeKey>>()
            + self.publics.capacity() * size_of::<Option<[u8; 32]>>()
            + self.slot_ids.capacity() * 4
            + self.sequences.capacity() * 8
            + self.ids.keys().map(|id| id.len() + size_of::<(Box<str>, u32)>() + 16).sum::<usize>()
            + self.windows.len() * (size_of::<((Slot, u32), ReplayWindow)>() + 16)
    }

    /// `ERR_BAD_KEY` naming `field` unless the network's mode is `mode`.
    pub(super) fn require(&self, field: &str, mode: AuthMode) -> Result<(), MeshError> {
        if self.mode == mode {
            return Ok(());
        }
        Err(MeshError::BadKey {
            field: field.to_owned(),
            problem: format!(
                "this key is for auth \"{}\", and the network's auth is \"{}\"",
                mode.name(),
                self.mode.name()
            ),
        })
    }

    /// Replaces the mesh key (hmac mode).
    pub(super) fn set_mesh_key(&mut self, key: MeshKey) {
        self.mesh_key = Some(key);
    }

    /// Gives node `slot` the key pair of `key`, registering its public key (ed25519 mode).
    pub(super) fn set_node_key(&mut self, slot: Slot, key: NodeKey) {
        self.publics[slot as usize] = Some(key.public());
        self.secrets[slot as usize] = Some(key);
    }

    /// Registers `public` as node `slot`'s public key, for a key pair kept elsewhere: the
    /// simulator no longer holds a signing key for it (ed25519 mode).
    pub(super) fn set_public_key(&mut self, slot: Slot, public: [u8; 32]) {
        self.publics[slot as usize] = Some(public);
        self.secrets[slot as usize] = None;
    }

    /// Node `slot`'s registered public key (ed25519 mode).
    pub(super) fn public_key(&self, slot: Slot) -> Option<[u8; 32]> {
        self.publics.get(slot as usize).copied().flatten()
    }

    /// The sequence number and proof for a new message signed by `signer` that claims to be from
    /// `claimed` (whose id is `claimed_id`) and carries `stamp` and `payload`, and whether the
    /// proof checks out, as [`Keyring::authentic`] would find, known from how it was made. An
    /// outsider has no key, so its proof is garbage. Sequence numbers follow the claimed id: a
    /// forger continues its victim's sequence, as an insider who has seen the victim's traffic
    /// would, so no replay window gives it away.
    pub(super) fn prove(
        &mut self,
        signer: Slot,
        claimed: &Sender,
        claimed_id: &str,
        stamp: Stamp,
        outsider: bool,
        payload: &[u8],
    ) -> (u64, Proof, bool) {
        if self.mode == AuthMode::None {
            return (0, Proof::None, true);
        }
        let sequence = self.next_sequence(claimed);
        if outsider {
            return (sequence, Proof::Garbage, false);
        }
        let bytes = canonical_bytes(claimed_id, stamp.global_step, stamp.pattern_value, sequence, payload);
        let secret = self.secrets.get(signer as usize).and_then(Option::as_ref);
        let (proof, authentic) = match (&self.mesh_key, secret) {
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

    /// Whether a message's proof checks out against the key of the sender it claims (whose id is
    /// `claimed_id`).
    pub(super) fn authentic(&self, claimed: Claimed<'_>, claimed_id: &str) -> bool {
        let Claimed { sender, stamp, sequence, payload, proof } = claimed;
        let bytes = canonical_bytes(claimed_id, stamp.global_step, stamp.pattern_value, sequence, payload);
        match self.mode {
            AuthMode::None => true,
            AuthMode::Hmac => self.mesh_key.as_ref().is_some_and(|key| key.verify(&bytes, proof)),
            AuthMode::Ed25519 => {
                self.signer_key(sender).is_some_and(|key| verify_signature(&key, &bytes, proof))
            }
        }
    }

    /// Why receiver `to` refuses a message from `sender` with `sequence` whose proof is
    /// `authentic` or not, if it does: an unknown sender (ed25519), a bad proof, a reflection of
    /// the receiver's own message, or a sequence seen before (which the receiver's window then
    /// records).
    pub(super) fn refusal(
        &mut self,
        to: Slot,
        sender: &Sender,
        sequence: u64,
        authentic: bool,
    ) -> Option<Refusal> {
        if self.mode == AuthMode::Ed25519 && self.signer_key(sender).is_none() {
            return Some(Refusal::UnknownSender);
        }
        if !authentic {
            return Some(Refusal::BadSignature);
        }
        // A node never receives its own messages: one that claims to come from the receiver
        // itself is a reflection of something it sent.
        let fresh = *sender != Sender::Node(to) && self.fresh(to, sender, sequence);
        (!fresh).then_some(Refusal::Replay)
    }

    /// The registered public key of the sender a message claims (ed25519 mode).
    fn signer_key(&self, sender: &Sender) -> Option<[u8; 32]> {
        match sender {
            Sender::Node(slot) => self.public_key(*slot),
            Sender::Unknown(_) => None,
        }
    }

    /// The number of id `name`, given one when first seen.
    fn id_number(&mut self, name: &str) -> u32 {
        if let Some(&number) = self.ids.get(name) {
            return number;
        }
        let number = self.sequences.len() as u32;
        self.ids.insert(name.into(), number);
        self.sequences.push(0);
        number
    }

    /// The id number of a claimed sender: the slot's, or the named id's.
    fn sender_number(&mut self, sender: &Sender) -> u32 {
        match sender {
            Sender::Node(slot) => self.slot_ids[*slot as usize],
            Sender::Unknown(name) => self.id_number(name),
        }
    }

    /// The next sequence number under `sender`'s id.
    fn next_sequence(&mut self, sender: &Sender) -> u64 {
        let number = self.sender_number(sender) as usize;
        self.sequences[number] += 1;
        self.sequences[number]
    }

    /// Whether `receiver` sees `sequence` from `sender` for the first time (and records it).
    fn fresh(&mut self, receiver: Slot, sender: &Sender, sequence: u64) -> bool {
        let number = self.sender_number(sender);
        self.windows.entry((receiver, number)).or_default().check(sequence) == Freshness::Fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAMP: Stamp = Stamp { global_step: 3, pattern_value: 7 };

    /// A keyring in `mode` with nodes `n0`, `n1` and `n2`.
    fn keyring(mode: AuthMode) -> Keyring {
        let mut keyring = Keyring::new(mode, 5);
        for id in ["n0", "n1", "n2"] {
            keyring.add_node(5, id);
        }
        keyring
    }

    /// Proves a message signed by `signer` claiming `claimed` (named `id`); checks it at `to`.
    fn send(keyring: &mut Keyring, signer: Slot, claimed: &Sender, id: &str, to: Slot) -> Option<Refusal> {
        let (sequence, proof, known) = keyring.prove(signer, claimed, id, STAMP, false, b"data");
        let check =
            Claimed { sender: claimed, stamp: STAMP, sequence, payload: b"data", proof: proof.bytes() };
        let authentic = keyring.authentic(check, id);
        assert_eq!(known, authentic, "a proof is known good or bad as it is made");
        keyring.refusal(to, claimed, sequence, authentic)
    }

    #[test]
    fn without_authentication_nothing_is_kept_and_everything_checks_out() {
        let mut keyring = keyring(AuthMode::None);
        assert_eq!(keyring.prove(0, &Sender::Node(0), "n0", STAMP, false, b""), (0, Proof::None, true));
        assert_eq!(keyring.heap_bytes(), 0);
    }

    #[test]
    fn a_proof_covers_the_claim_and_each_sequence_passes_once_per_receiver() {
        for mode in [AuthMode::Hmac, AuthMode::Ed25519] {
            let mut keyring = keyring(mode);
            let n0 = Sender::Node(0);
            let (sequence, proof, _) = keyring.prove(0, &n0, "n0", STAMP, false, b"data");
            let check =
                Claimed { sender: &n0, stamp: STAMP, sequence, payload: b"data", proof: proof.bytes() };
            assert!(keyring.authentic(check, "n0"), "{mode:?}");
            assert!(!keyring.authentic(Claimed { payload: b"datA", ..check }, "n0"), "{mode:?}: payload");
            assert!(!keyring.authentic(Claimed { sequence: 9, ..check }, "n0"), "{mode:?}: sequence");
            assert_eq!(keyring.refusal(1, &n0, sequence, true), None);
            assert_eq!(keyring.refusal(1, &n0, sequence, true), Some(Refusal::Replay), "{mode:?}");
            assert_eq!(keyring.refusal(2, &n0, sequence, true), None, "{mode:?}: windows are per receiver");
            assert_eq!(keyring.refusal(0, &n0, 7, true), Some(Refusal::Replay), "{mode:?}: its own message");
            assert_eq!(keyring.prove(1, &n0, "n0", STAMP, false, b"").0, 2, "{mode:?}: the id's sequence");
        }
    }

    #[test]
    fn forgers_and_outsiders_are_caught_as_each_mode_can() {
        let ghost = Sender::Unknown("ghost".into());
        let mut hmac = keyring(AuthMode::Hmac);
        assert_eq!(send(&mut hmac, 1, &Sender::Node(0), "n0", 2), None, "a member's tag vouches for any id");
        assert_eq!(send(&mut hmac, 1, &ghost, "ghost", 2), None);
        let mut ed25519 = keyring(AuthMode::Ed25519);
        assert_eq!(send(&mut ed25519, 1, &Sender::Node(0), "n0", 2), Some(Refusal::BadSignature));
        assert_eq!(send(&mut ed25519, 1, &ghost, "ghost", 2), Some(Refusal::UnknownSender));
        ed25519.set_public_key(1, [9; 32]);
        assert_eq!(
            send(&mut ed25519, 1, &Sender::Node(1), "n1", 2),
            Some(Refusal::BadSignature),
            "key given away"
        );
        ed25519.set_node_key(1, NodeKey::from_seed(8, "n1"));
        assert_eq!(send(&mut ed25519, 1, &Sender::Node(1), "n1", 2), None);
        let (sequence, proof, known) = hmac.prove(0, &Sender::Node(0), "n0", STAMP, true, b"");
        assert_eq!((sequence, proof, known), (2, Proof::Garbage, false), "an outsider");
    }
}
