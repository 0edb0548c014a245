//! The `RawNetwork` methods behind protocols written in JavaScript: a node that runs one, and
//! the seed of its random source.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;

#[wasm_bindgen]
impl RawNetwork {
    /// Makes the live node `slot` run a JavaScript protocol: its arrivals are reported, a run
    /// stops after each moment in which it got one, and the engine never relays for it.
    #[wasm_bindgen(js_name = setHosted)]
    pub fn set_hosted(&mut self, slot: u32) -> JsResult<()> {
        js(self.inner.set_hosted(slot))
    }

    /// Whether a restarted node keeps its step (and its protocol its state).
    #[wasm_bindgen(js_name = restartKeepsStep)]
    pub fn restart_keeps_step(&self) -> bool {
        self.inner.config().restart_keeps_step
    }

    /// The seed of the random source of the protocol `slot` runs, as four 32-bit words (from the
    /// network's seed and the slot alone).
    #[wasm_bindgen(js_name = protocolSeed)]
    pub fn protocol_seed(&self, slot: u32) -> Vec<u32> {
        let seed = self.inner.protocol_seed(slot);
        let mix = seed.rotate_left(32) ^ 0xD1B5_4A32_D192_ED03;
        vec![seed as u32, (seed >> 32) as u32, mix as u32, (mix >> 32) as u32]
    }
}
