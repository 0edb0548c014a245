//! The keys of an authenticated network: derived from the simulation seed, or supplied by the
//! user; plus each sender's sequence counter and each receiver's replay windows.

use std::collections::BTreeMap;

use super::Simulation;
use crate::auth::{public_key, AuthMode, Freshness, MeshKey, NodeKey, ReplayWindow};
use crate::error::MeshError;
use crate::network::Slot;

/// The keys, sequence numbers and replay windows of an authenticated network.
#[derive(Debug, Default)]
pub(super) struct Keyring {
    mode: AuthMode,
    pub(super) mesh_key: Option<MeshKey>,
    /// Each node's signing key, when the simulator holds it (ed25519 mode).
    pub(super) secrets: Vec<Option<NodeKey>>,
    /// Each node's registered public key (ed25519 mode).
    pub(super) publics: Vec<Option<[u8; 32]>>,
    pub(super) sequences: Vec<u64>,
    /// Ids no node has, numbered as they are first claimed (for their replay windows).
    strangers: BTreeMap<Box<str>, u64>,
    /// Per receiver and sender (a slot, or `STRANGER` plus a stranger's number).
    windows: BTreeMap<(Slot, u64), ReplayWindow>,
}

/// Where strangers' numbers start among the senders of the replay windows (above every slot).
const STRANGER: u64 = 1 << 32;

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
        let secret = (self.mode == AuthMode::Ed25519).then(|| NodeKey::from_seed(seed, node_id));
        self.publics.push(secret.as_ref().map(NodeKey::public));
        self.secrets.push(secret);
    }

    /// Whether `receiver` sees `sequence` from `sender` (a slot) for the first time.
    pub(super) fn fresh_from_node(&mut self, receiver: Slot, sender: Slot, sequence: u64) -> bool {
        self.fresh(receiver, u64::from(sender), sequence)
    }

    /// Whether `receiver` sees `sequence` from the id `name`, which no node has, for the first
    /// time.
    pub(super) fn fresh_from_stranger(&mut self, receiver: Slot, name: &str, sequence: u64) -> bool {
        let next = STRANGER + self.strangers.len() as u64;
        let sender = *self.strangers.entry(name.into()).or_insert(next);
        self.fresh(receiver, sender, sequence)
    }

    fn fresh(&mut self, receiver: Slot, sender: u64, sequence: u64) -> bool {
        self.windows.entry((receiver, sender)).or_default().check(sequence) == Freshness::Fresh
    }

    /// `ERR_BAD_KEY` naming `field` unless the network's mode is `mode`.
    fn require(&self, field: &str, mode: AuthMode) -> Result<(), MeshError> {
        if self.mode == mode {
            return Ok(());
        }
        let name = |mode| match mode {
            AuthMode::None => "none",
            AuthMode::Hmac => "hmac",
            AuthMode::Ed25519 => "ed25519",
        };
        Err(MeshError::BadKey {
            field: field.to_owned(),
            problem: format!(
                "this key is for auth \"{}\", and the network's auth is \"{}\"",
                name(mode),
                name(self.mode)
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
