//! The `RawNetwork` methods behind the facade's `MeshNode`: one node, addressed by slot.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use crate::boundary::codes::verdict::{ACCEPTED, MALFORMED};
use crate::boundary::layouts::NodeStats;
use crate::message::Verdict;
use crate::network::Reception;

#[wasm_bindgen]
impl RawNetwork {
    /// The node's id (also after removal).
    #[wasm_bindgen(js_name = nodeId)]
    pub fn node_id(&self, slot: u32) -> String {
        self.inner.network().node_id(slot).to_owned()
    }

    /// The node's current global step.
    #[wasm_bindgen(js_name = globalStep)]
    pub fn global_step(&self, slot: u32) -> JsResult<f64> {
        js(self.inner.network().global_step(slot)).map(|s| s as f64)
    }

    /// The node's pattern value at its current step.
    #[wasm_bindgen(js_name = patternValue)]
    pub fn pattern_value(&self, slot: u32) -> JsResult<f64> {
        js(self.inner.network().pattern_value(slot)).map(|v| v as f64)
    }

    /// The node's seed.
    #[wasm_bindgen(js_name = nodeSeed)]
    pub fn node_seed(&self, slot: u32) -> JsResult<f64> {
        js(self.inner.network().pattern(slot)).map(|pattern| pattern.seed() as f64)
    }

    /// The node's phase-reset interval.
    #[wasm_bindgen(js_name = nodePhaseResetInterval)]
    pub fn node_phase_reset_interval(&self, slot: u32) -> JsResult<f64> {
        js(self.inner.network().pattern(slot)).map(|pattern| pattern.phase_reset_interval() as f64)
    }

    /// The node's message counters: one `NodeStats` record.
    pub fn counters(&self, slot: u32) -> JsResult<Vec<f64>> {
        let c = js(self.inner.network().counters(slot))?;
        let mut out = Vec::with_capacity(NodeStats::LEN);
        NodeStats { messages_sent: c.sent, messages_received: c.received, messages_rejected: c.rejected }
            .write(&mut out);
        Ok(out)
    }

    /// Sets the node's step; returns it.
    pub fn sync(&mut self, slot: u32, target_step: f64) -> JsResult<f64> {
        js(self.inner.network_mut().sync(slot, target_step)).map(|s| s as f64)
    }

    /// Validates a message handed to the node: -1 when accepted, -2 when malformed (a bad step),
    /// else the value the node expected.
    pub fn receive(&mut self, slot: u32, global_step: f64, pattern_value: f64) -> JsResult<f64> {
        Ok(match js(self.inner.network_mut().receive(slot, global_step, pattern_value))? {
            Reception::Checked(Verdict::Accepted) => ACCEPTED,
            Reception::Checked(Verdict::Mismatch { expected }) => expected as f64,
            Reception::Malformed(_) => MALFORMED,
        })
    }

    /// Counts a message of the wrong shape as rejected by the node; returns -2 (malformed).
    #[wasm_bindgen(js_name = rejectMalformed)]
    pub fn reject_malformed(&mut self, slot: u32) -> JsResult<f64> {
        js(self.inner.network_mut().reject_malformed(slot)).map(|()| MALFORMED)
    }

    /// Throws `ERR_NODE_REMOVED` unless the node is live.
    #[wasm_bindgen(js_name = assertAlive)]
    pub fn assert_alive(&self, slot: u32) -> JsResult<()> {
        js(self.inner.network().global_step(slot)).map(drop)
    }
}
