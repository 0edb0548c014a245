//! `RawExperiment`: the binding of [`crate::experiment::Experiment`] behind `runExperiment`. The
//! facade's workers run each run as a network of the run's scenario (so protocols and measures
//! written in JavaScript take part) and hand the network back here to be measured and recorded.

use serde_json::Value;
use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use super::shape::read_js;
use crate::error::MeshError;
use crate::experiment::{joined_lines, records_csv, summarise, Experiment, RunRecord};
use crate::validate::safe_integer;

/// A checked experiment.
#[wasm_bindgen]
pub struct RawExperiment {
    inner: Experiment,
}

#[wasm_bindgen]
impl RawExperiment {
    /// Checks an experiment document (the value `JSON.parse` gives for its text) with the names
    /// of the measures taken in JavaScript; throws naming the field at fault before any run.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "unknown")] document: JsValue,
        outside_measures: Vec<String>,
    ) -> JsResult<RawExperiment> {
        let inner = js(Experiment::from_value(&read_js::<Value>(&document, "experiment")?))?;
        Ok(RawExperiment { inner: inner.with_outside_measures(outside_measures) })
    }

    /// The point and the seed of run `run`.
    #[wasm_bindgen(js_name = pointAndSeed)]
    pub fn point_and_seed(&self, run: f64) -> JsResult<Vec<f64>> {
        let (point, seed) = self.inner.point_and_seed_of(js(self.run_number(run))?);
        Ok(vec![point as f64, seed as f64])
    }

    /// The measures' names, in record order.
    #[wasm_bindgen(js_name = measureNames)]
    pub fn measure_names(&self) -> Vec<String> {
        self.inner.measure_names()
    }

    /// The summary of each point (JSON lines) of the runs `rows` hold, each row `run, failed (0 or
    /// 1)` and then its measures in record order (`NaN` for none), in any order.
    pub fn summarise(&self, rows: &[f64]) -> JsResult<String> {
        let records = self.records(rows, &[], &[])?;
        Ok(joined_lines(summarise(&records).iter().map(|s| s.to_json())))
    }

    /// The records of `summarise`'s `rows` as CSV, in run order, with each run's trace hash and
    /// error (empty for none) by row.
    #[wasm_bindgen(js_name = recordsCsv)]
    pub fn records_csv(
        &self,
        rows: &[f64],
        trace_hashes: Vec<String>,
        errors: Vec<String>,
    ) -> JsResult<String> {
        let mut records = self.records(rows, &trace_hashes, &errors)?;
        records.sort_unstable_by_key(|r| r.run);
        Ok(records_csv(&records))
    }

    /// The records `rows` hold (see `summarise`), with the trace hashes and errors given by row.
    fn records(&self, rows: &[f64], trace_hashes: &[String], errors: &[String]) -> JsResult<Vec<RunRecord>> {
        let width = 2 + self.inner.measure_names().len();
        let mut records = Vec::with_capacity(rows.len() / width);
        for (i, row) in rows.chunks_exact(width).enumerate() {
            let mut record = self.inner.blank_record(js(self.run_number(row[0]))?);
            record.measures = row[2..].to_vec();
            record.trace_hash = trace_hashes.get(i).cloned().unwrap_or_default();
            let error = errors.get(i).filter(|e| !e.is_empty()).cloned();
            record.error = error.or_else(|| (row[1] != 0.0).then(String::new));
            records.push(record);
        }
        Ok(records)
    }

    /// The hash that names the experiment in its records.
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// How many runs.
    #[wasm_bindgen(js_name = runCount)]
    pub fn run_count(&self) -> f64 {
        self.inner.run_count() as f64
    }

    /// How long each run lasts, in ms.
    #[wasm_bindgen(js_name = untilMs)]
    pub fn until_ms(&self) -> f64 {
        self.inner.until_us() as f64 / 1000.0
    }

    /// The scenario document of run `run`, as JSON text.
    #[wasm_bindgen(js_name = scenarioOf)]
    pub fn scenario_of(&self, run: f64) -> JsResult<String> {
        let run = js(self.run_number(run))?;
        Ok(js(self.inner.scenario_of_run(run))?.to_string())
    }

    /// The record (a JSON line) of run `run`, which ran in `network`, with the values of the
    /// measures taken in JavaScript.
    #[wasm_bindgen(js_name = finishRun)]
    pub fn finish_run(&self, run: f64, network: &mut RawNetwork, outside: &[f64]) -> JsResult<String> {
        let run = js(self.run_number(run))?;
        Ok(self.inner.finish(run, &mut network.inner, outside).to_json())
    }

    /// Runs runs `from` to `to` (excluded) in the core alone: their records, a JSON line each
    /// (one string for the batch: one crossing, one allocation in JavaScript).
    #[wasm_bindgen(js_name = runsInCore)]
    pub fn runs_in_core(&self, from: f64, to: f64) -> JsResult<String> {
        let from = js(self.run_number(from))?;
        let to = js(safe_integer("to", to))?.clamp(from, self.inner.run_count());
        Ok(joined_lines((from..to).map(|run| self.inner.run(run).to_json())))
    }

    /// The record (a JSON line) of run `run`, which failed with `error`.
    #[wasm_bindgen(js_name = failRun)]
    pub fn fail_run(&self, run: f64, error: String) -> JsResult<String> {
        let run = js(self.run_number(run))?;
        Ok(self.inner.fail(run, error).to_json())
    }

    /// A run number below `runCount()`.
    fn run_number(&self, run: f64) -> Result<u64, MeshError> {
        let run = safe_integer("run", run)?;
        if run >= self.inner.run_count() {
            return Err(MeshError::OutOfRange {
                field: "run".into(),
                rule: "a run number below runCount()",
                value: crate::error::JsNumber(run as f64),
            });
        }
        Ok(run)
    }
}

/// The most workers an experiment's pool may have.
const MAX_WORKERS: f64 = 1024.0;

/// A pool size: a whole number of workers from 1 to 1024; throws naming `workers` otherwise.
#[wasm_bindgen(js_name = checkWorkers)]
pub fn check_workers(workers: f64) -> JsResult<u32> {
    let n = js(crate::validate::positive_integer("workers", workers))?;
    js(crate::validate::number_in(
        "workers",
        n as f64,
        1.0,
        MAX_WORKERS,
        "a whole number of workers from 1 to 1024",
    ))
    .map(|n| n as u32)
}
