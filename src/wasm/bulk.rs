//! The `RawNetwork` methods behind `MeshNetwork.setBulkProtocol`: the bulk protocol's batch comes
//! at the end of a run's report, and what its handler asks for goes back as one list of ops with
//! the call that runs on.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use crate::boundary::codes::BulkOpKind;
use crate::boundary::layouts::BulkOpRecord;
use crate::boundary::CodeTable;
use crate::error::{JsNumber, MeshError};
use crate::sim::engine::BulkOp;
use crate::sim::link::to_micros;
use crate::validate::{duration_ms, number_in};

#[wasm_bindgen]
impl RawNetwork {
    /// Makes every node run the owner's bulk protocol (see `Simulation::set_bulk_protocol`).
    #[wasm_bindgen(js_name = setBulkProtocol)]
    pub fn set_bulk_protocol(&mut self) -> JsResult<()> {
        js(self.inner.set_bulk_protocol())
    }

    /// Throws `ERR_NOT_APPLICABLE` naming `protocol` when the network runs a bulk protocol (no
    /// node may then run a protocol of its own).
    #[wasm_bindgen(js_name = checkHostable)]
    pub fn check_hostable(&self) -> JsResult<()> {
        js(self.inner.check_hostable())
    }

    /// Sets a bulk timer of the live node `slot`, due `delayMs` from now, that fires with `tag`.
    #[wasm_bindgen(js_name = setBulkTimer)]
    pub fn set_bulk_timer(&mut self, slot: u32, delay_ms: f64, tag: f64) -> JsResult<()> {
        let delay_us = to_micros(js(duration_ms("delayMs", delay_ms))?);
        let tag = js(finite("tag", tag))?;
        js(self.inner.set_bulk_timer(slot, delay_us, tag))
    }

    /// Does the `ops` (one `BulkOpRecord` each) the bulk protocol's handler asked for the batch of
    /// the last report, then runs on to `untilUs` (the report's `pausedUntil`); writes the report
    /// and returns its length. Throws naming `ops[k].field` for an op that is not well formed or
    /// that the batch or network refuses: then nothing of `ops` is done and nothing runs.
    #[wasm_bindgen(js_name = resumeBulk)]
    pub fn resume_bulk(&mut self, ops: &[f64], until_us: f64) -> JsResult<usize> {
        let ops: Vec<BulkOp> =
            js(ops.chunks_exact(BulkOpRecord::LEN).enumerate().map(|(k, op)| read_op(k, op)).collect())?;
        js(self.inner.apply_bulk(&ops))?;
        self.resume_until(until_us)
    }
}

/// Op `k` of the list, its fields laid out as `BulkOpRecord` says. Field names are written out
/// only for an error: a batch may hold a million ops.
fn read_op(k: usize, op: &[f64]) -> Result<BulkOp, MeshError> {
    let name = |field: &str| format!("ops[{k}].{field}");
    let BulkOpRecord { kind, arrival, node, delay_ms, tag } = BulkOpRecord::read(op);
    let whole = |field: &str, value: f64| {
        let rule = "a whole number in [0, 4294967295] (a slot or a position in the batch)";
        let fits = value >= 0.0 && value <= f64::from(u32::MAX) && value.fract() == 0.0;
        fits.then_some(value as u32).ok_or_else(|| MeshError::OutOfRange {
            field: name(field),
            rule,
            value: JsNumber(value),
        })
    };
    let known = BulkOpKind::ALL.iter().copied().find(|known| f64::from(known.code()) == kind);
    let known = known.ok_or_else(|| MeshError::OutOfRange {
        field: name("kind"),
        rule: "a code of BULK_OPS",
        value: JsNumber(kind),
    })?;
    Ok(match known {
        BulkOpKind::Relay => BulkOp::Relay { arrival: whole("arrival", arrival)? },
        BulkOpKind::Forward => {
            BulkOp::Forward { arrival: whole("arrival", arrival)?, to: whole("node", node)? }
        }
        BulkOpKind::Timer => BulkOp::Timer {
            node: whole("node", node)?,
            delay_us: to_micros(named(duration_ms, delay_ms, || name("delayMs"))?),
            tag: named(finite, tag, || name("tag"))?,
        },
    })
}

/// `check` of `value`, the error naming the field `name()` gives (written out only on error).
fn named(
    check: fn(&str, f64) -> Result<f64, MeshError>,
    value: f64,
    name: impl FnOnce() -> String,
) -> Result<f64, MeshError> {
    check("", value).or_else(|_| check(&name(), value))
}

/// Any finite number.
fn finite(field: &str, value: f64) -> Result<f64, MeshError> {
    number_in(field, value, f64::MIN, f64::MAX, "a finite number")
}
