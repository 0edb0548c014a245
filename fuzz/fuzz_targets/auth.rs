//! Arbitrary bytes through the authentication code: the canonical encoding has its documented
//! layout; a tag or signature verifies for the bytes it was made for and not for others; keys,
//! tags and signatures of any length or content are refused or fail, never panic; a replay
//! window never calls a sequence number fresh twice; and a JSON payload is written as JSON.
#![no_main]

use arbitrary::Arbitrary;
use data_mesh::auth::{
    canonical_bytes, public_key, verify_signature, Freshness, MeshKey, NodeKey, ReplayWindow,
    CANONICAL_PREFIX,
};
use data_mesh::payload::json_payload;
use data_mesh_fuzz::checked;
use libfuzzer_sys::fuzz_target;

/// One message and the keys, tags and signatures thrown at it.
#[derive(Debug, Arbitrary)]
struct Input<'a> {
    sender_id: &'a str,
    global_step: u64,
    pattern_value: u64,
    sequence: u64,
    payload: &'a [u8],
    key: &'a [u8],
    tag: &'a [u8],
    public: &'a [u8],
    signature: &'a [u8],
    flip: usize,
    sequences: Vec<u64>,
}

fuzz_target!(|input: Input<'_>| {
    let bytes = canonical_bytes(
        input.sender_id,
        input.global_step,
        input.pattern_value,
        input.sequence,
        input.payload,
    );
    let id_len = input.sender_id.len();
    assert_eq!(bytes.len(), CANONICAL_PREFIX.len() + 4 + id_len + 24 + 4 + input.payload.len());
    assert!(bytes.starts_with(CANONICAL_PREFIX));
    assert!(bytes.ends_with(input.payload));
    let mut flipped = bytes.clone();
    let at = input.flip % flipped.len();
    flipped[at] ^= 1;

    if let Some(key) = checked(MeshKey::new("meshKey", input.key)) {
        let tag = key.tag(&bytes);
        assert!(key.verify(&bytes, &tag));
        assert!(!key.verify(&flipped, &tag));
        assert_eq!(key.verify(&bytes, input.tag), input.tag == tag);
    }
    if let Some(node) = checked(NodeKey::new("secretKey", input.key)) {
        let signature = node.sign(&bytes);
        assert!(verify_signature(&node.public(), &bytes, &signature));
        assert!(!verify_signature(&node.public(), &flipped, &signature));
    }
    if checked(public_key("publicKey", input.public)).is_none() {
        assert!(!verify_signature(input.public, &bytes, input.signature));
    }
    verify_signature(input.public, &bytes, input.signature);

    let mut window = ReplayWindow::default();
    let mut fresh = std::collections::HashSet::new();
    for sequence in input.sequences {
        if window.check(sequence) == Freshness::Fresh {
            assert!(fresh.insert(sequence), "sequence {sequence} fresh twice");
        }
    }

    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(input.payload) {
        let written = json_payload(&value);
        assert!(serde_json::from_slice::<serde_json::Value>(&written).is_ok(), "{value} wrote bad JSON");
    }
});
