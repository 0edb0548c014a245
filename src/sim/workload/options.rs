//! A workload as JavaScript and scenarios spell it (`{ kind: 'broadcast', rate, duration, ... }`
//! or `{ kind: 'sync' }`), and the checked spec the engine runs.

use crate::error::MeshError;
use crate::network::Slot;
use crate::shape::{Field, Shape};
use crate::sim::link::to_micros;
use crate::validate::{duration_ms, number_in};

/// The workload kinds.
pub const WORKLOAD_KINDS: &str = "\"broadcast\", \"sync\"";

/// What errors call a workload: `workload.rate`, `workload.from[2]`.
const ROOT: &str = "workload";

/// The most values one broadcast workload hands out.
pub const MAX_WORKLOAD_VALUES: u64 = 10_000_000;

/// A workload as given (`None`: left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkloadOptions {
    /// One of [`WORKLOAD_KINDS`].
    pub kind: String,
    /// Values handed out per second of virtual time (broadcast).
    pub rate: Option<f64>,
    /// Milliseconds of virtual time during which values are handed out (broadcast).
    pub duration: Option<f64>,
    /// When the workload starts, in ms of virtual time (left out: now).
    pub start: Option<f64>,
    /// The nodes values are handed to, each value to one of them at random (left out: any
    /// running node).
    pub from: Option<Vec<String>>,
}

impl Shape for WorkloadOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let options = Self {
            kind: o.read("kind"),
            rate: o.read("rate"),
            duration: o.read("duration"),
            start: o.read("start"),
            from: o.read("from"),
        };
        o.end(options)
    }
}

/// A checked broadcast workload.
#[derive(Debug, Clone, PartialEq)]
pub struct BroadcastSpec {
    /// When the first value is handed out, in µs.
    pub start_us: u64,
    /// Values per second.
    pub rate: f64,
    /// How many values are handed out.
    pub values: u32,
    /// The nodes values are handed to (`None`: any running node).
    pub from: Option<Vec<Slot>>,
}

impl BroadcastSpec {
    /// When value `value` is handed out, in µs: `value / rate` seconds after the start.
    pub fn time_of(&self, value: u32) -> u64 {
        self.start_us.saturating_add((f64::from(value) * 1e6 / self.rate).round() as u64)
    }
}

/// A checked workload.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkloadSpec {
    /// Values handed out at a rate, and the broadcast checker.
    Broadcast(BroadcastSpec),
    /// The sync checker, from `start_us` on.
    Sync {
        /// When it starts watching, in µs.
        start_us: u64,
    },
}

impl WorkloadOptions {
    /// The checked spec, naming fields under `workload` (`workload.rate`); `now_us` is the start
    /// left out, and `slot` finds the live node of an id (naming the field when there is none).
    pub fn to_spec(
        &self,
        now_us: u64,
        slot: &dyn Fn(String, &str) -> Result<Slot, MeshError>,
    ) -> Result<WorkloadSpec, MeshError> {
        let start_us = match self.start {
            Some(ms) => to_micros(duration_ms(&format!("{ROOT}.start"), ms)?),
            None => now_us,
        };
        match self.kind.as_str() {
            "broadcast" => self.broadcast(start_us, slot).map(WorkloadSpec::Broadcast),
            "sync" => {
                for (key, given) in [
                    ("rate", self.rate.is_some()),
                    ("duration", self.duration.is_some()),
                    ("from", self.from.is_some()),
                ] {
                    if given {
                        return Err(MeshError::BadShape {
                            field: format!("{ROOT}.{key}"),
                            problem: "a sync workload takes only kind and start".into(),
                        });
                    }
                }
                Ok(WorkloadSpec::Sync { start_us })
            }
            other => Err(MeshError::UnknownName {
                field: format!("{ROOT}.kind"),
                allowed: WORKLOAD_KINDS,
                got: other.to_owned(),
            }),
        }
    }

    /// The checked broadcast workload.
    fn broadcast(
        &self,
        start_us: u64,
        slot: &dyn Fn(String, &str) -> Result<Slot, MeshError>,
    ) -> Result<BroadcastSpec, MeshError> {
        let required = |key: &str, value: Option<f64>| {
            value.ok_or_else(|| MeshError::BadShape {
                field: format!("{ROOT}.{key}"),
                problem: "a broadcast workload needs rate and duration".into(),
            })
        };
        let rate_field = format!("{ROOT}.rate");
        let rate = number_in(
            &rate_field,
            required("rate", self.rate)?,
            0.0,
            1e6,
            "a number of values per second in (0, 1e6]",
        )?;
        if rate == 0.0 {
            return Err(MeshError::OutOfRange {
                field: rate_field,
                rule: "a number of values per second in (0, 1e6]",
                value: crate::error::JsNumber(rate),
            });
        }
        let duration_field = format!("{ROOT}.duration");
        let duration = duration_ms(&duration_field, required("duration", self.duration)?)?;
        let values = (rate * duration / 1000.0).floor();
        if !(1.0..=MAX_WORKLOAD_VALUES as f64).contains(&values) {
            return Err(MeshError::OutOfRange {
                field: duration_field,
                rule: "long enough for one value at the rate, and at most 10 000 000 values (rate × duration / 1000)",
                value: crate::error::JsNumber(duration),
            });
        }
        let from = match &self.from {
            None => None,
            Some(ids) if ids.is_empty() => return Err(MeshError::Empty { field: "workload.from" }),
            Some(ids) => Some(
                ids.iter()
                    .enumerate()
                    .map(|(i, id)| slot(format!("{ROOT}.from[{i}]"), id))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        Ok(BroadcastSpec { start_us, rate, values: values as u32, from })
    }
}
