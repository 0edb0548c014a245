//! The keys of an authenticated network: derived from the simulation seed, or supplied by the
//! user; plus each sender's sequence counter and each receiver's replay windows.

use std::collections::BTreeMap;

use super::messages::Sender;
use super::Simulation;
use crate::auth::{public_key, AuthMode, Freshness, MeshKey, NodeKey, ReplayWindow};
use crate::error::MeshError;
use crate::network::Slot;

/// The keys, sequence numbers and replay windows of an authenticated network.
#[derive(Debug, Default)]
pub(super) struct Keyring {
    mode: AuthMode,
    pub(super) mesh_key: Option<MeshKey>,
    /// Each node's signing key, when the simulator holds it (ed25519 mode only; empty otherwise).
    pub(super) secrets: Vec<Option<NodeKey>>,
    /// Each node's registered public key (ed25519 mode only; empty otherwise).
    pub(super) publics: Vec<Option<[u8; 32]>>,
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
    pub(super) fn sender_number(&mut self, sender: &Sender) -> u32 {
        match sender {
            Sender::Node(slot) => self.slot_ids[*slot as usize],
            Sender::Unknown(name) => self.id_number(name),
        }
    }

    /// The next sequence number under `sender`'s id.
    pub(super) fn next_sequence(&mut self, sender: &Sender) -> u64 {
        let number = self.sender_number(sender) as usize;
        self.sequences[number] += 1;
        self.sequences[number]
    }

    /// Whether `receiver` sees `sequence` from `sender` for the first time (and records it).
    pub(super) fn fresh(&mut self, receiver: Slot, sender: &Sender, sequence: u64) -> bool {
        let number = self.sender_number(sender);
        self.windows.entry((receiver, number)).or_default().check(sequence) == Freshness::Fresh
    }

    /// `ERR_BAD_KEY` naming `field` unless the network's mode is `mode`.
    fn require(&self, field: &str, mode: AuthMode) -> Result<(), MeshError> {
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
}

impl Simulation {
    /// Replaces the derived HMAC mesh key with `key` (32 bytes; `auth` must be `"hmac"`).
    pub fn set_mesh_key(&mut self, key: &[u8]) -> Result<(), MeshError> {
        self.keyring.require("key", AuthMode::Hmac)?;
        self.keyring.mesh_key = Some(MeshKey::new("key", key)?);
        Ok(())
    }

    /// Gives node `slot` the ed25519 key pair of the 32-byte `secret` (`auth` must be
    /// `"ed25519"`); its public key is registered with it.
    pub fn set_node_secret(&mut self, slot: Slot, secret: &[u8]) -> Result<(), MeshError> {
        self.keyring.require("secretKey", AuthMode::Ed25519)?;
        self.network.global_step(slot)?;
        let key = NodeKey::new("secretKey", secret)?;
        self.keyring.publics[slot as usize] = Some(key.public());
        self.keyring.secrets[slot as usize] = Some(key);
        Ok(())
    }

    /// Registers `public` (32 bytes) as node `slot`'s ed25519 public key, for a key pair kept
    /// outside the simulator: messages the app signs for it verify; the simulator can no longer
    /// sign for it (its own broadcasts carry no valid signature).
    pub fn set_public_key(&mut self, slot: Slot, public: &[u8]) -> Result<(), MeshError> {
        self.keyring.require("publicKey", AuthMode::Ed25519)?;
        self.network.global_step(slot)?;
        self.keyring.publics[slot as usize] = Some(public_key("publicKey", public)?);
        self.keyring.secrets[slot as usize] = None;
        Ok(())
    }

    /// Node `slot`'s registered ed25519 public key (ed25519 mode).
    pub fn public_key(&self, slot: Slot) -> Option<[u8; 32]> {
        self.keyring.publics.get(slot as usize).copied().flatten()
    }
}
