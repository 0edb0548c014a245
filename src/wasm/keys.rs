//! The `RawNetwork` methods behind the facade's key management and authenticated `receive`.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use crate::auth::AuthMode;
use crate::boundary::codes::{code_of, verdict};
use crate::message::{parse_step, Stamp};
use crate::network::Slot;
use crate::sim::engine::{Claimed, Refusal, Sender};
use crate::validate::safe_integer;

#[wasm_bindgen]
impl RawNetwork {
    /// Whether the network authenticates its messages (auth other than "none").
    pub fn authenticated(&self) -> bool {
        self.inner.config().auth != AuthMode::None
    }

    /// Replaces the HMAC mesh key (32 bytes; the network's auth must be "hmac").
    #[wasm_bindgen(js_name = setMeshKey)]
    pub fn set_mesh_key(&mut self, key: &[u8]) -> JsResult<()> {
        js(self.inner.set_mesh_key(key))
    }

    /// Gives node `slot` the ed25519 key pair of a 32-byte secret (auth "ed25519").
    #[wasm_bindgen(js_name = setNodeSecret)]
    pub fn set_node_secret(&mut self, slot: u32, secret: &[u8]) -> JsResult<()> {
        js(self.inner.set_node_secret(slot, secret))
    }

    /// Registers node `slot`'s ed25519 public key (32 bytes) for a key pair kept outside.
    #[wasm_bindgen(js_name = setPublicKey)]
    pub fn set_public_key(&mut self, slot: u32, public: &[u8]) -> JsResult<()> {
        js(self.inner.set_public_key(slot, public))
    }

    /// Node `slot`'s ed25519 public key, or `undefined` (no ed25519, or no such node).
    #[wasm_bindgen(js_name = publicKey)]
    pub fn public_key(&self, slot: u32) -> Option<Vec<u8>> {
        self.inner.public_key(slot).map(Vec::from)
    }

    /// Checks a message handed to node `slot` in an authenticated network: its tag or signature
    /// over the canonical encoding, its sequence number against the node's replay window, then
    /// its pattern. Returns -1 accepted, -2 malformed, -3 bad signature, -4 unknown sender, -5
    /// replay, or the value the node expected.
    #[wasm_bindgen(js_name = receiveSigned)]
    #[allow(clippy::too_many_arguments)]
    pub fn receive_signed(
        &mut self,
        slot: u32,
        global_step: f64,
        pattern_value: f64,
        sender_id: &str,
        sequence: f64,
        payload: &[u8],
        proof: &[u8],
    ) -> JsResult<f64> {
        let Ok(step) = parse_step(global_step) else {
            // A malformed step: `receive` counts it and the facade says why.
            return self.receive(slot, global_step, pattern_value);
        };
        self.assert_alive(slot)?;
        let network = self.inner.network();
        let sender = network.find(sender_id).map_or_else(|| Sender::Unknown(sender_id.into()), Sender::Node);
        // The encoding holds whole numbers only: no other value can carry a valid proof.
        let whole =
            safe_integer("patternValue", pattern_value).ok().zip(safe_integer("sequence", sequence).ok());
        let refusal = match whole.map(|(value, sequence)| {
            let stamp = Stamp { global_step: step, pattern_value: value };
            self.inner.refusal_of(slot as Slot, Claimed { sender: &sender, stamp, sequence, payload, proof })
        }) {
            Some(None) => return self.receive(slot, global_step, pattern_value),
            None => verdict::REFUSED - code_of(Refusal::BadSignature),
            Some(Some(refusal)) => verdict::REFUSED - code_of(refusal),
        };
        js(self.inner.network_mut().reject_malformed(slot))?;
        Ok(refusal)
    }
}

/// The bytes a tag or signature of a message covers (see [`crate::auth::canonical_bytes`]);
/// every number must be a safe integer >= 0.
#[wasm_bindgen(js_name = canonicalBytes)]
pub fn canonical_bytes(
    sender_id: &str,
    global_step: f64,
    pattern_value: f64,
    sequence: f64,
    payload: &[u8],
) -> JsResult<Vec<u8>> {
    let global_step = js(safe_integer("globalStep", global_step))?;
    let pattern_value = js(safe_integer("patternValue", pattern_value))?;
    let sequence = js(safe_integer("sequence", sequence))?;
    Ok(crate::auth::canonical_bytes(sender_id, global_step, pattern_value, sequence, payload))
}
