//! The `RawNetwork` method behind the facade's `MeshNode.send`: a message to one node.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use super::errors::{js, to_js, well_formed, JsResult};
use super::network::{keep_credentials, push_anomalies, RawNetwork};
use crate::boundary::codes::{NEEDS_SIZE, NONE};
use crate::boundary::layouts::UnicastReport;
use crate::error::MeshError;
use crate::network::{Delivery, TO_NODE_ID};

#[wasm_bindgen]
impl RawNetwork {
    /// Sends one message from `slot` to the live node `toNodeId` alone, carrying `payload` (the
    /// bytes its tag or signature covers; read the proof with `lastSequence` and `lastProof`), of
    /// `size` bytes (`NONE`: as for `broadcast`, which may return `NEEDS_SIZE`).
    /// Writes a [`UnicastReport`] and its watcher anomalies into the report buffer and returns
    /// how many numbers it wrote. When `instant` is 1 the receiver judged it at once; when 0 it
    /// is scheduled and arrives during `run`. Throws `ERR_UNKNOWN_NODE` or `ERR_NOT_LINKED`
    /// naming `toNodeId` for a target the sender cannot reach.
    pub fn unicast(
        &mut self,
        slot: u32,
        to_node_id: &JsString,
        payload: &[u8],
        size: f64,
    ) -> JsResult<usize> {
        let target = well_formed(TO_NODE_ID, to_node_id)?;
        let receiver = self.inner.network().find(&target).ok_or_else(|| {
            to_js(MeshError::UnknownNode { field: TO_NODE_ID.into(), node_id: target.clone() })
        })?;
        self.unicast_slot(slot, receiver, payload, size)
    }

    /// [`RawNetwork::unicast`] to the node in slot `receiver`, which the caller found by its id
    /// (no id crosses into wasm): the facade's path for an id it knows. Throws as `unicast` does
    /// when that node is no longer live or not linked.
    #[wasm_bindgen(js_name = unicastSlot)]
    pub fn unicast_slot(&mut self, slot: u32, receiver: u32, payload: &[u8], size: f64) -> JsResult<usize> {
        let Some(size) = self.size_for(payload, size) else { return Ok(NEEDS_SIZE) };
        let report = js(self.inner.send_to_sized(slot, receiver, payload, size))?;
        let claimed_slot = keep_credentials(&mut self.last_proof, &mut self.claimed_name, &report);
        let expected = match report.deliveries.first() {
            Some(Delivery::Rejected { expected, .. }) => *expected as f64,
            _ => NONE,
        };
        let buffer = &mut self.report;
        buffer.clear();
        UnicastReport {
            global_step: report.stamp.global_step as f64,
            pattern_value: report.stamp.pattern_value as f64,
            message_id: report.message as f64,
            instant: f64::from(u8::from(report.instant)),
            claimed_slot,
            receiver: f64::from(receiver),
            expected,
        }
        .write(buffer);
        push_anomalies(buffer, report.anomalies);
        Ok(buffer.len())
    }
}
