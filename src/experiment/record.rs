//! One run's record, as a line of JSON: which experiment, run, point and seed, the varied values,
//! the measures (NaN written as null), the trace hash, or the error the run met.

use serde_json::{json, Map, Value};

use super::plan::{Experiment, Point};
use crate::boundary::json::json_number;
use crate::error::MeshError;

/// `lines`, each followed by a newline.
pub fn joined_lines(lines: impl IntoIterator<Item = String>) -> String {
    lines.into_iter().fold(String::new(), |mut out, line| {
        out.push_str(&line);
        out.push('\n');
        out
    })
}

/// The version of the record format.
pub const EXPERIMENT_FORMAT: u32 = 1;

/// What one run gave.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRecord {
    /// The experiment's id.
    pub experiment: String,
    /// The run's number.
    pub run: u64,
    /// Its point's number.
    pub point: u64,
    /// Its seed.
    pub seed: u64,
    /// Each varied path and its value.
    pub values: Vec<(String, Value)>,
    /// The measures' names.
    pub names: Vec<String>,
    /// Their values, in the same order (`NaN`: nothing to measure).
    pub measures: Vec<f64>,
    /// The run's trace hash (empty when it failed).
    pub trace_hash: String,
    /// What went wrong, when the run could not be built.
    pub error: Option<String>,
}

impl RunRecord {
    /// The record of run `run` of `experiment` (at `point`, with `seed`), before it ran.
    pub fn new(experiment: &Experiment, run: u64, point: &Point, seed: u64) -> Self {
        Self {
            experiment: experiment.id().to_owned(),
            run,
            point: point.index,
            seed,
            values: point.values.clone(),
            names: experiment.measure_names(),
            measures: Vec::new(),
            trace_hash: String::new(),
            error: None,
        }
    }

    /// The record as one line of JSON.
    pub fn to_json(&self) -> String {
        let values: Map<String, Value> = self.values.iter().cloned().collect();
        let measures: Map<String, Value> =
            self.names.iter().cloned().zip(self.measures.iter().map(|&v| json_number(v))).collect();
        let mut line = json!({
            "format": EXPERIMENT_FORMAT,
            "experiment": self.experiment,
            "run": self.run,
            "point": self.point,
            "seed": self.seed,
            "values": values,
            "measures": measures,
            "traceHash": self.trace_hash,
        });
        if let Some(error) = &self.error {
            line["error"] = json!(error);
        }
        line.to_string()
    }

    /// Reads a line [`RunRecord::to_json`] wrote; `ERR_INVALID_TYPE` naming `field` otherwise.
    pub fn from_json(field: &str, line: &str) -> Result<Self, MeshError> {
        let bad =
            |problem: &str| MeshError::BadShape { field: field.to_owned(), problem: problem.to_owned() };
        let value: Value =
            serde_json::from_str(line).map_err(|err| bad(&format!("not a JSON line: {err}")))?;
        if value.get("format").and_then(Value::as_u64) != Some(u64::from(EXPERIMENT_FORMAT)) {
            return Err(bad("not a run record of format 1"));
        }
        let text = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| bad(&format!("{key} must be a string")))
        };
        let whole = |key: &str| {
            value
                .get(key)
                .and_then(Value::as_u64)
                .ok_or_else(|| bad(&format!("{key} must be a whole number")))
        };
        let object = |key: &str| {
            value.get(key).and_then(Value::as_object).ok_or_else(|| bad(&format!("{key} must be an object")))
        };
        let measures = object("measures")?;
        Ok(Self {
            experiment: text("experiment")?,
            run: whole("run")?,
            point: whole("point")?,
            seed: whole("seed")?,
            values: object("values")?.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            names: measures.keys().cloned().collect(),
            measures: measures.values().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect(),
            trace_hash: text("traceHash")?,
            error: value.get("error").and_then(Value::as_str).map(str::to_owned),
        })
    }
}
