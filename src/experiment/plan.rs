//! A checked experiment: its points (the cross product of the varied values), its seeds, and
//! one run by its number.

use serde_json::{Map, Value};

use super::measures::Measure;
use super::record::RunRecord;
use super::spec::{ExperimentOptions, SeedsOptions, VaryOptions};
use crate::boundary::json::{json_number, normalized};
use crate::error::{JsNumber, MeshError};
use crate::shape::read_shape;
use crate::sim::engine::Simulation;
use crate::sim::link::to_micros;
use crate::sim::scenario::Scenario;
use crate::validate::{positive_integer, safe_integer, until_or_duration, MAX_SAFE_INTEGER};

/// The most values a range may give.
const MAX_RANGE_VALUES: f64 = 1e6;

/// A checked experiment.
#[derive(Debug, Clone)]
pub struct Experiment {
    /// The scenario every run starts from.
    scenario: Value,
    /// Each varied path, split into keys, with its values.
    vary: Vec<(String, Vec<Value>)>,
    /// The first seed and how many.
    first_seed: u64,
    seeds: u64,
    /// How long each run lasts.
    until_us: u64,
    /// What each run measures in the core.
    measures: Vec<Measure>,
    /// The names of the measures taken outside the core (a JavaScript function each), whose
    /// values follow the core's in each record.
    outside: Vec<String>,
    /// A hash of all of the above: records of one experiment carry it.
    id: String,
}

/// One parameter point: its number and the value of each varied path.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Its number (points count up with the last varied path fastest).
    pub index: u64,
    /// Each varied path and its value at this point.
    pub values: Vec<(String, Value)>,
}

/// A deterministic k-th share of an experiment's runs: those whose number is k - 1 modulo n.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which share, from 1.
    pub k: u64,
    /// Of how many.
    pub n: u64,
}

impl Shard {
    /// Reads `k/n` with 1 <= k <= n; `ERR_OUT_OF_RANGE` naming `shard` otherwise.
    pub fn parse(text: &str) -> Result<Self, MeshError> {
        let parsed =
            text.split_once('/').and_then(|(k, n)| Some((k.trim().parse().ok()?, n.trim().parse().ok()?)));
        match parsed {
            Some((k, n)) if (1..=n).contains(&k) => Ok(Self { k, n }),
            _ => Err(MeshError::BadShape {
                field: "shard".into(),
                problem: format!("must be k/n with 1 <= k <= n (such as 2/4), got \"{text}\""),
            }),
        }
    }

    /// Whether run `run` is in this share.
    pub fn holds(self, run: u64) -> bool {
        run % self.n == self.k - 1
    }
}

impl Experiment {
    /// Checks an experiment document: its parts, then every point's scenario (built once with
    /// the first seed), so that a bad point is refused before any run.
    pub fn from_value(value: &Value) -> Result<Self, MeshError> {
        let options: ExperimentOptions = read_shape(&normalized(value), "experiment")?;
        let Some(scenario) = options.scenario.clone().filter(Value::is_object) else {
            return Err(MeshError::BadShape {
                field: "scenario".into(),
                problem: "an experiment needs a scenario document (an object)".into(),
            });
        };
        let vary = (options.vary.iter().flatten().enumerate())
            .map(|(i, vary)| {
                let values = values_of(&format!("vary[{i}]"), vary)?;
                set_path(&mut scenario.clone(), &format!("vary[{i}].path"), &vary.path, values[0].clone())?;
                Ok((vary.path.clone(), values))
            })
            .collect::<Result<Vec<_>, MeshError>>()?;
        let (first_seed, seeds) = seeds_of(options.seeds.unwrap_or(SeedsOptions::Count(1.0)))?;
        let until =
            until_or_duration(options.until, scenario.get("duration").and_then(Value::as_f64), "until")?;
        let measures = (options.measure.iter().enumerate())
            .map(|(i, name)| Measure::parse(&format!("measure[{i}]"), name))
            .collect::<Result<Vec<_>, _>>()?;
        let canonical =
            serde_json::json!([scenario, vary, first_seed, seeds, until, options.measure]).to_string();
        let id = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(canonical.as_bytes()));
        let until_us = to_micros(until);
        let experiment =
            Self { scenario, vary, first_seed, seeds, until_us, measures, outside: Vec::new(), id };
        let points =
            experiment.vary.iter().try_fold(1u64, |n, (_, values)| n.checked_mul(values.len() as u64));
        match points.and_then(|p| p.checked_mul(seeds)) {
            Some(runs) if runs <= MAX_SAFE_INTEGER => {}
            _ => {
                return Err(MeshError::BadShape {
                    field: "vary".into(),
                    problem: "the points times the seeds must stay within 2^53 - 1 runs".into(),
                })
            }
        }
        for index in 0..experiment.point_count() {
            experiment.check_point(&experiment.point(index))?;
        }
        Ok(experiment)
    }

    /// Refuses a point whose scenario does not build, naming the point and the scenario's field.
    fn check_point(&self, point: &Point) -> Result<(), MeshError> {
        let built = self.scenario_for(point, self.first_seed).and_then(|doc| {
            let scenario: Scenario = read_shape(&doc, "")?;
            scenario.build().map(drop)
        });
        built.map_err(|err| {
            let shown =
                |value: &Value| value.as_f64().map_or_else(|| value.to_string(), |n| JsNumber(n).to_string());
            let values: Vec<String> =
                point.values.iter().map(|(path, value)| format!("{path}={}", shown(value))).collect();
            MeshError::InvalidScenario {
                field: format!("point {} ({}): {}", point.index, values.join(", "), err.field()),
                problem: err.to_string(),
            }
        })
    }

    /// The hash that names this experiment in its records.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Adds measures taken outside the core, named `names` (their values come with
    /// [`Experiment::finish`]); they name the experiment too (none: the same experiment).
    pub fn with_outside_measures(mut self, names: Vec<String>) -> Self {
        if names.is_empty() {
            return self;
        }
        let canonical = serde_json::json!([self.id, names]).to_string();
        self.id = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(canonical.as_bytes()));
        self.outside = names;
        self
    }

    /// The measures' names, in order: the core's, then those taken outside.
    pub fn measure_names(&self) -> Vec<String> {
        self.measures.iter().map(|m| m.name.clone()).chain(self.outside.iter().cloned()).collect()
    }

    /// How long each run lasts, in µs.
    pub fn until_us(&self) -> u64 {
        self.until_us
    }

    /// How many points.
    pub fn point_count(&self) -> u64 {
        self.vary.iter().map(|(_, values)| values.len() as u64).product()
    }

    /// How many runs: points times seeds.
    pub fn run_count(&self) -> u64 {
        self.point_count() * self.seeds
    }

    /// Point `index` (below `point_count()`).
    pub fn point(&self, index: u64) -> Point {
        let mut rest = index;
        let mut values = vec![(String::new(), Value::Null); self.vary.len()];
        for (i, (path, options)) in self.vary.iter().enumerate().rev() {
            let n = options.len() as u64;
            values[i] = (path.clone(), options[(rest % n) as usize].clone());
            rest /= n;
        }
        Point { index, values }
    }

    /// The scenario of `point` with seed `seed` (set as `options.seed`).
    pub fn scenario_for(&self, point: &Point, seed: u64) -> Result<Value, MeshError> {
        let mut doc = self.scenario.clone();
        for (i, (path, value)) in point.values.iter().enumerate() {
            set_path(&mut doc, &format!("vary[{i}].path"), path, value.clone())?;
        }
        set_path(&mut doc, "seed", "options.seed", Value::from(seed))?;
        Ok(doc)
    }

    /// The numbers of run `run`'s point and seed (below `run_count()`): point `run / seeds`, seed
    /// `run % seeds` from the first.
    pub fn point_and_seed_of(&self, run: u64) -> (u64, u64) {
        (run / self.seeds, self.first_seed + run % self.seeds)
    }

    /// Run `run`'s point and seed.
    fn point_and_seed(&self, run: u64) -> (Point, u64) {
        let (point, seed) = self.point_and_seed_of(run);
        (self.point(point), seed)
    }

    /// The scenario document of run `run`.
    pub fn scenario_of_run(&self, run: u64) -> Result<Value, MeshError> {
        let (point, seed) = self.point_and_seed(run);
        self.scenario_for(&point, seed)
    }

    /// Runs run `run` in the core: its record holds the measures and the trace hash, or the error
    /// it met (the measures taken outside the core read `NaN`).
    pub fn run(&self, run: u64) -> RunRecord {
        let built = self.scenario_of_run(run).and_then(|doc| read_shape::<Scenario>(&doc, "")?.build());
        match built {
            Ok(mut sim) => {
                sim.run_until(self.until_us);
                self.finish(run, &mut sim, &vec![f64::NAN; self.outside.len()])
            }
            Err(err) => self.fail(run, err.to_string()),
        }
    }

    /// The record of run `run` (its point, seed and varied values), before it ran.
    pub fn blank_record(&self, run: u64) -> RunRecord {
        let (point, seed) = self.point_and_seed(run);
        RunRecord::new(self, run, &point, seed)
    }

    /// The record of run `run`, which ran in `sim`, with the values `outside` of the measures
    /// taken outside the core (missing ones read `NaN`).
    pub fn finish(&self, run: u64, sim: &mut Simulation, outside: &[f64]) -> RunRecord {
        let mut record = self.blank_record(run);
        record.measures = Measure::read_all(&self.measures, sim);
        record.measures.extend((0..self.outside.len()).map(|i| outside.get(i).copied().unwrap_or(f64::NAN)));
        record.trace_hash = sim.trace().hash();
        record
    }

    /// The record of run `run`, which failed with `error`.
    pub fn fail(&self, run: u64, error: String) -> RunRecord {
        let mut record = self.blank_record(run);
        record.measures = vec![f64::NAN; record.names.len()];
        record.error = Some(error);
        record
    }
}

/// The values of `vary` (given as `field`): listed, or a range.
fn values_of(field: &str, vary: &VaryOptions) -> Result<Vec<Value>, MeshError> {
    if vary.path.is_empty() {
        return Err(MeshError::BadShape {
            field: format!("{field}.path"),
            problem: "a path of keys joined by dots".into(),
        });
    }
    let values = match (&vary.values, vary.range) {
        (Some(values), None) => values.clone(),
        (None, Some(range)) => {
            let step = range.step.unwrap_or(1.0);
            let count = ((range.to - range.from) / step + 1e-9).floor() + 1.0;
            if !(step > 0.0
                && count.is_finite()
                && (1.0..=MAX_RANGE_VALUES).contains(&count)
                && range.from.is_finite())
            {
                return Err(MeshError::OutOfRange {
                    field: format!("{field}.range"),
                    rule: "from <= to, finite, with a step above 0, giving at most 1e6 values",
                    value: JsNumber(count),
                });
            }
            // Each value to 12 significant digits: 0 + 6 × 0.05 is 0.3, not 0.30000000000000004.
            let clean = |v: f64| format!("{v:.11e}").parse::<f64>().unwrap_or(v);
            (0..count as u64).map(|i| json_number(clean(range.from + i as f64 * step))).collect()
        }
        _ => {
            return Err(MeshError::BadShape {
                field: field.to_owned(),
                problem: "give values or range (one of them)".into(),
            })
        }
    };
    if values.is_empty() {
        return Err(MeshError::BadShape {
            field: format!("{field}.values"),
            problem: "an empty list varies nothing".into(),
        });
    }
    Ok(values)
}

/// The first seed and how many, checked.
fn seeds_of(seeds: SeedsOptions) -> Result<(u64, u64), MeshError> {
    match seeds {
        SeedsOptions::Count(n) => Ok((1, positive_integer("seeds", n)?)),
        SeedsOptions::Range { from, to } => {
            let (from, to) = (safe_integer("seeds", from)?, safe_integer("seeds", to)?);
            if to < from {
                return Err(MeshError::OutOfRange {
                    field: "seeds".into(),
                    rule: "a range with from <= to",
                    value: JsNumber(to as f64),
                });
            }
            Ok((from, to - from + 1))
        }
    }
}

/// Sets the place `path` (keys joined by dots; array positions as numbers) names in `doc` to
/// `value`. Under `options` missing objects are made (the scenario's reader then refuses a key it
/// does not know); elsewhere the place's parent must exist (an object may lack the last key),
/// or the path names nothing: an error naming `field`.
fn set_path(doc: &mut Value, field: &str, path: &str, value: Value) -> Result<(), MeshError> {
    let nothing = || MeshError::BadShape {
        field: field.to_owned(),
        problem: format!("\"{path}\" names nothing in the scenario"),
    };
    let keys: Vec<&str> = path.split('.').collect();
    let (last, parents) = keys.split_last().ok_or_else(nothing)?;
    let make = keys[0] == "options";
    let mut at = doc;
    for key in parents {
        at = match at {
            Value::Object(map) => {
                if make && !map.contains_key(*key) {
                    map.insert((*key).to_owned(), Value::Object(Map::new()));
                }
                map.get_mut(*key).ok_or_else(nothing)?
            }
            Value::Array(items) => {
                key.parse::<usize>().ok().and_then(|i| items.get_mut(i)).ok_or_else(nothing)?
            }
            _ => return Err(nothing()),
        };
    }
    match at {
        Value::Object(map) => {
            map.insert((*last).to_owned(), value);
            Ok(())
        }
        Value::Array(items) => {
            let slot = last.parse::<usize>().ok().and_then(|i| items.get_mut(i)).ok_or_else(nothing)?;
            *slot = value;
            Ok(())
        }
        _ => Err(nothing()),
    }
}
