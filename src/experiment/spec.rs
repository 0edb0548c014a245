//! An experiment as JSON spells it: `{ scenario, vary?, seeds?, until?, measure }`.

use serde_json::Value;

use crate::error::MeshError;
use crate::shape::{Field, Shape};

/// An experiment as given (`None`: left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExperimentOptions {
    /// The scenario document every run starts from.
    pub scenario: Option<Value>,
    /// The parameters to vary: their cross product makes the points.
    pub vary: Option<Vec<VaryOptions>>,
    /// The seeds each point runs with: a count (1 to n) or `{ from, to }` (left out: 1).
    pub seeds: Option<SeedsOptions>,
    /// Milliseconds of virtual time each run lasts (left out: the scenario's `duration`).
    pub until: Option<f64>,
    /// What to measure at the end of each run (see [`super::MEASURE_GROUPS`]).
    pub measure: Vec<String>,
}

impl Shape for ExperimentOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let options = Self {
            scenario: o.read("scenario"),
            vary: o.read("vary"),
            seeds: o.read("seeds"),
            until: o.read("until"),
            measure: o.read("measure"),
        };
        o.end(options)
    }
}

/// One varied parameter: a path into the scenario and its values, listed or as a range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VaryOptions {
    /// Keys joined by dots (`options.links.loss`, `workload.rate`).
    pub path: String,
    /// The values, in order.
    pub values: Option<Vec<Value>>,
    /// Or the numbers `from`, `from + step`, ... up to `to`.
    pub range: Option<RangeOptions>,
}

impl Shape for VaryOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let values = o.get("values");
        let values = match values.value() {
            None | Some(Value::Null) => None,
            Some(Value::Array(items)) => Some(items.clone()),
            Some(_) => return Err(values.wrong("an array of values")),
        };
        let vary = Self { path: o.read("path"), values, range: o.read("range") };
        o.end(vary)
    }
}

/// Numbers from `from` to `to` (included when a whole number of steps away) by `step`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RangeOptions {
    /// The first number.
    pub from: f64,
    /// The last number at most.
    pub to: f64,
    /// The distance between two numbers (left out: 1).
    pub step: Option<f64>,
}

impl Shape for RangeOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let range = Self { from: o.read("from"), to: o.read("to"), step: o.read("step") };
        o.end(range)
    }
}

/// The seeds: a count `n` (seeds 1 to n) or `{ from, to }`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SeedsOptions {
    /// Seeds 1 to n.
    Count(f64),
    /// Seeds `from` to `to`, both included.
    Range {
        /// The first seed.
        from: f64,
        /// The last seed.
        to: f64,
    },
}

impl Shape for SeedsOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        match field.value() {
            Some(Value::Number(_)) => field.number().map(Self::Count),
            Some(Value::Object(_)) => {
                let mut o = field.object()?;
                let seeds = Self::Range { from: o.read("from"), to: o.read("to") };
                o.end(seeds)
            }
            _ => Err(field.wrong("a count of seeds or { from, to }")),
        }
    }
}
