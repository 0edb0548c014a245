//! The `RawNetwork` methods behind workloads: `MeshNetwork.startWorkload`, `workloadReport` and
//! a protocol's `ctx.learn`.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use super::shape::read_js;
use crate::boundary::layouts::WorkloadReportHead;
use crate::sim::workload::WorkloadOptions;
use crate::validate::safe_integer;

#[wasm_bindgen]
impl RawNetwork {
    /// Starts a workload (`{ kind: 'broadcast', rate, duration, start?, from? }` or
    /// `{ kind: 'sync', start? }`); throws naming the `workload.*` field at fault.
    #[wasm_bindgen(js_name = startWorkload)]
    pub fn start_workload(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "unknown")] workload: JsValue,
    ) -> JsResult<()> {
        let options: WorkloadOptions = read_js(&workload, "workload")?;
        js(self.inner.start_workload(&options))
    }

    /// The checkers' report: a `WorkloadReportHead` and what it says follows.
    #[wasm_bindgen(js_name = workloadReport)]
    pub fn workload_report(&self) -> Vec<f64> {
        let report = self.inner.workload_report();
        let broadcast = report.broadcast.as_ref();
        let mut out = Vec::new();
        WorkloadReportHead {
            broadcast: f64::from(u8::from(broadcast.is_some())),
            latency: f64::from(u8::from(broadcast.is_some_and(|b| b.latency.is_some()))),
            missing_count: broadcast.map_or(0, |b| b.missing.len()) as f64,
            heal_count: broadcast.map_or(0, |b| b.heals.len()) as f64,
            sync: f64::from(u8::from(report.sync.is_some())),
            disturbance_count: report.sync.as_ref().map_or(0, |s| s.disturbances.len()) as f64,
        }
        .write(&mut out);
        if let Some(b) = broadcast {
            b.summary.write(&mut out);
            if let Some(latency) = &b.latency {
                latency.write(&mut out);
            }
            b.missing.iter().for_each(|m| m.write(&mut out));
            b.heals.iter().for_each(|h| h.write(&mut out));
        }
        if let Some(s) = &report.sync {
            s.summary.write(&mut out);
            s.disturbances.iter().for_each(|d| d.write(&mut out));
        }
        out
    }

    /// The live node `slot` learned the broadcast workload's value `value` now; returns whether
    /// that was news. Throws naming `value` for one that is not a whole number from 0.
    #[wasm_bindgen(js_name = learnValue)]
    pub fn learn_value(&mut self, slot: u32, value: f64) -> JsResult<bool> {
        let value = js(safe_integer("value", value))?;
        js(self.inner.learn_value(slot, value))
    }
}
