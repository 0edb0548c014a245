//! Real message authentication beside the pattern: HMAC-SHA256 with a shared mesh key, or an
//! ed25519 key pair per node, over one canonical encoding; and per-sender replay windows.
//!
//! The pattern is a checksum anyone can compute after one message; these are the checks that an
//! outsider cannot pass (HMAC) and that also tell which insider signed (ed25519). Nothing here
//! encrypts: payloads stay readable.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::error::MeshError;

/// How a network authenticates its messages besides the pattern.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AuthMode {
    /// The pattern only (the seed's behaviour).
    #[default]
    None,
    /// HMAC-SHA256 with one mesh key shared by every member: stops outsiders.
    Hmac,
    /// An ed25519 key pair per node, public keys registered in the network: also tells which
    /// member signed.
    Ed25519,
}

/// The mode names the options accept.
pub const AUTH_MODES: &str = "\"none\", \"hmac\", \"ed25519\"";

impl AuthMode {
    /// Every mode, weakest first.
    pub const ALL: [AuthMode; 3] = [AuthMode::None, AuthMode::Hmac, AuthMode::Ed25519];

    /// The mode's name in options.
    pub fn name(self) -> &'static str {
        match self {
            AuthMode::None => "none",
            AuthMode::Hmac => "hmac",
            AuthMode::Ed25519 => "ed25519",
        }
    }

    /// The mode with this name; another name is an `ERR_UNKNOWN_NAME` naming `field`.
    pub fn from_name(field: &str, name: &str) -> Result<Self, MeshError> {
        match Self::ALL.into_iter().find(|mode| mode.name() == name) {
            Some(mode) => Ok(mode),
            None => Err(MeshError::UnknownName {
                field: field.to_owned(),
                allowed: AUTH_MODES,
                got: name.to_owned(),
            }),
        }
    }
}

/// The first bytes of every canonical encoding (a domain separator with the format version).
pub const CANONICAL_PREFIX: &[u8] = b"data-mesh/v1";

/// The bytes a tag or signature covers:
/// `"data-mesh/v1"`, then the sender id as a big-endian u32 length and its UTF-8 bytes, the step,
/// the pattern value and the sequence number as big-endian u64, and the payload as a big-endian
/// u32 length and its bytes.
pub fn canonical_bytes(
    sender_id: &str,
    global_step: u64,
    pattern_value: u64,
    sequence: u64,
    payload: &[u8],
) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(CANONICAL_PREFIX.len() + 36 + sender_id.len() + payload.len());
    bytes.extend_from_slice(CANONICAL_PREFIX);
    bytes.extend_from_slice(&(sender_id.len() as u32).to_be_bytes());
    bytes.extend_from_slice(sender_id.as_bytes());
    for number in [global_step, pattern_value, sequence] {
        bytes.extend_from_slice(&number.to_be_bytes());
    }
    bytes.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

/// A shared mesh key for HMAC-SHA256: exactly 32 bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct MeshKey([u8; 32]);

impl std::fmt::Debug for MeshKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MeshKey(..)")
    }
}

/// The key length HMAC mode requires.
pub const MESH_KEY_BYTES: usize = 32;

impl MeshKey {
    /// A key from its bytes; any length but 32 is an `ERR_BAD_KEY` naming `field`.
    pub fn new(field: &str, bytes: &[u8]) -> Result<Self, MeshError> {
        let key: [u8; MESH_KEY_BYTES] = bytes.try_into().map_err(|_| MeshError::BadKey {
            field: field.to_owned(),
            problem: format!("an HMAC mesh key must be {MESH_KEY_BYTES} bytes, got {}", bytes.len()),
        })?;
        Ok(Self(key))
    }

    /// A key derived from a simulation seed, so that replays stay exact.
    pub fn from_seed(seed: u64) -> Self {
        Self(derive(b"data-mesh/hmac-key", seed, ""))
    }

    /// The HMAC-SHA256 tag of `bytes`.
    pub fn tag(&self, bytes: &[u8]) -> [u8; 32] {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(bytes);
        mac.finalize().into_bytes().into()
    }

    /// Whether `tag` is the tag of `bytes` (compared in constant time; any length but 32 fails).
    pub fn verify(&self, bytes: &[u8], tag: &[u8]) -> bool {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(bytes);
        mac.verify_slice(tag).is_ok()
    }
}

/// A node's ed25519 key pair.
#[derive(Clone)]
pub struct NodeKey(SigningKey);

impl std::fmt::Debug for NodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NodeKey(public {:02x?})", &self.public()[..4])
    }
}

impl NodeKey {
    /// A key pair from a 32-byte secret; any other length is an `ERR_BAD_KEY` naming `field`.
    pub fn new(field: &str, secret: &[u8]) -> Result<Self, MeshError> {
        let secret: [u8; 32] = secret.try_into().map_err(|_| MeshError::BadKey {
            field: field.to_owned(),
            problem: format!("an ed25519 secret key must be 32 bytes, got {}", secret.len()),
        })?;
        Ok(Self(SigningKey::from_bytes(&secret)))
    }

    /// The key pair of node `node_id` derived from a simulation seed, so that replays stay exact.
    pub fn from_seed(seed: u64, node_id: &str) -> Self {
        Self(SigningKey::from_bytes(&derive(b"data-mesh/ed25519", seed, node_id)))
    }

    /// The public key (32 bytes).
    pub fn public(&self) -> [u8; 32] {
        self.0.verifying_key().to_bytes()
    }

    /// The signature of `bytes` (64 bytes).
    pub fn sign(&self, bytes: &[u8]) -> [u8; 64] {
        self.0.sign(bytes).to_bytes()
    }
}

/// An ed25519 public key from its 32 bytes; another length, or bytes that are no curve point,
/// are an `ERR_BAD_KEY` naming `field`.
pub fn public_key(field: &str, bytes: &[u8]) -> Result<[u8; 32], MeshError> {
    let problem = |problem: String| MeshError::BadKey { field: field.to_owned(), problem };
    let key: [u8; 32] = bytes
        .try_into()
        .map_err(|_| problem(format!("an ed25519 public key must be 32 bytes, got {}", bytes.len())))?;
    VerifyingKey::from_bytes(&key).map_err(|_| problem("the bytes are not an ed25519 public key".into()))?;
    Ok(key)
}

/// Whether `signature` is `public`'s signature of `bytes`; a malformed key or signature (wrong
/// length, not a curve point) is simply not valid.
pub fn verify_signature(public: &[u8], bytes: &[u8], signature: &[u8]) -> bool {
    let Ok(public) = <[u8; 32]>::try_from(public) else { return false };
    let Ok(key) = VerifyingKey::from_bytes(&public) else { return false };
    let Ok(signature) = Signature::from_slice(signature) else { return false };
    key.verify(bytes, &signature).is_ok()
}

/// 32 bytes from SHA-256 of a label, a seed and a name.
fn derive(label: &[u8], seed: u64, name: &str) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(label);
    hash.update(seed.to_be_bytes());
    hash.update(name.as_bytes());
    hash.finalize().into()
}

/// What a replay window thinks of a sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Not seen before (and recorded now).
    Fresh,
    /// Seen before: a replay.
    Replayed,
    /// Older than the window remembers: treated as a replay.
    TooOld,
}

/// The sequence numbers seen from one sender: the highest, and a 64-wide bitmap below it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplayWindow {
    highest: Option<u64>,
    seen: u64,
}

/// How many sequence numbers below the highest a window remembers.
pub const REPLAY_WINDOW: u64 = 64;

impl ReplayWindow {
    /// Checks `sequence` and records it when fresh (as IPsec's anti-replay window does).
    pub fn check(&mut self, sequence: u64) -> Freshness {
        let Some(highest) = self.highest else {
            self.highest = Some(sequence);
            self.seen = 1;
            return Freshness::Fresh;
        };
        if sequence > highest {
            let shift = sequence - highest;
            self.seen = if shift >= REPLAY_WINDOW { 0 } else { self.seen << shift };
            self.seen |= 1;
            self.highest = Some(sequence);
            return Freshness::Fresh;
        }
        let age = highest - sequence;
        if age >= REPLAY_WINDOW {
            return Freshness::TooOld;
        }
        let bit = 1u64 << age;
        if self.seen & bit != 0 {
            return Freshness::Replayed;
        }
        self.seen |= bit;
        Freshness::Fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn the_canonical_encoding_and_the_hmac_match_an_independent_implementation() {
        // Expected values computed with Python's struct and hmac modules from the README's spec.
        let bytes = canonical_bytes("sensor-001", 5, 1, 1, br#"{"t":1}"#);
        assert_eq!(
            hex(&bytes),
            "646174612d6d6573682f76310000000a73656e736f722d30303100000000000000050000000000000001\
             0000000000000001000000077b2274223a317d"
        );
        let key = MeshKey::new("key", &(0..32).collect::<Vec<u8>>()).unwrap();
        let tag = key.tag(&bytes);
        assert_eq!(hex(&tag), "27ea315be1ae49de4513c86a2093124956465adb76a20839407a009b8e3e0c78");
        assert!(key.verify(&bytes, &tag));
        assert!(
            !key.verify(&canonical_bytes("sensor-001", 5, 1, 2, br#"{"t":1}"#), &tag),
            "another sequence"
        );
        assert!(!key.verify(&bytes, &tag[..31]), "a short tag");
        assert!(!MeshKey::from_seed(1).verify(&bytes, &tag), "another key");
    }

    #[test]
    fn keys_of_the_wrong_length_are_typed_errors() {
        let err = MeshKey::new("auth.key", &[1; 16]).unwrap_err();
        assert_eq!((err.code(), err.field()), ("ERR_BAD_KEY", "auth.key"));
        assert_eq!(NodeKey::new("secret", &[0; 31]).unwrap_err().code(), "ERR_BAD_KEY");
        assert_eq!(public_key("publicKey", &[0; 33]).unwrap_err().field(), "publicKey");
        let mut not_a_point = NodeKey::from_seed(1, "a").public();
        while VerifyingKey::from_bytes(&not_a_point).is_ok() {
            not_a_point[0] = not_a_point[0].wrapping_add(1);
        }
        let err = public_key("publicKey", &not_a_point).unwrap_err();
        assert!(err.to_string().contains("not an ed25519 public key"), "{err}");
        assert_eq!(
            public_key("k", &NodeKey::from_seed(1, "a").public()),
            Ok(NodeKey::from_seed(1, "a").public())
        );
    }

    #[test]
    fn signatures_tell_which_node_signed_and_catch_any_change() {
        let alice = NodeKey::from_seed(7, "alice");
        let mallory = NodeKey::from_seed(7, "mallory");
        assert_eq!(alice.public(), NodeKey::from_seed(7, "alice").public(), "derived keys are stable");
        assert_ne!(alice.public(), NodeKey::from_seed(8, "alice").public());
        let bytes = canonical_bytes("alice", 3, 7, 1, b"hello");
        let signature = alice.sign(&bytes);
        assert!(verify_signature(&alice.public(), &bytes, &signature));
        assert!(!verify_signature(&mallory.public(), &bytes, &signature), "not mallory's");
        assert!(!verify_signature(&alice.public(), &canonical_bytes("alice", 3, 7, 1, b"hellO"), &signature));
        let forged = mallory.sign(&bytes);
        assert!(!verify_signature(&alice.public(), &bytes, &forged), "mallory cannot sign as alice");
        assert!(!verify_signature(&alice.public(), &bytes, &signature[..63]), "malformed");
        assert!(!verify_signature(&[0; 5], &bytes, &signature), "malformed key");
    }

    #[test]
    fn the_replay_window_accepts_each_sequence_once_within_its_width() {
        let mut window = ReplayWindow::default();
        assert_eq!(window.check(10), Freshness::Fresh);
        assert_eq!(window.check(10), Freshness::Replayed);
        assert_eq!(window.check(8), Freshness::Fresh, "late but new");
        assert_eq!(window.check(8), Freshness::Replayed);
        assert_eq!(window.check(200), Freshness::Fresh);
        assert_eq!(window.check(137), Freshness::Fresh, "just inside the window");
        assert_eq!(window.check(136), Freshness::TooOld);
        assert_eq!(window.check(10), Freshness::TooOld);
        assert_eq!(window.check(201), Freshness::Fresh);
        assert_eq!(window.check(200), Freshness::Replayed);
    }
}
