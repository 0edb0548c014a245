//! What an experiment can measure at the end of a run, by name: `stats.<field>` (the engine's
//! totals), `broadcast.<field>`, `latency.<field>` and `sync.<field>` (the workload checkers'
//! figures), and `tick.<field>` (how the nodes stood at the last tick). The fields are the
//! records' own, as JavaScript names them, so the names have one owner: the records.

use crate::boundary::layouts::TickTail;
use crate::boundary::typescript::camel;
use crate::boundary::Layout;
use crate::distribution::Metrics;
use crate::error::MeshError;
use crate::sim::engine::{SimStats, Simulation};
use crate::sim::workload::{BroadcastSummary, SyncSummary};

/// The groups of measures, for error messages.
pub const MEASURE_GROUPS: &str = "stats.<field>, broadcast.<field>, latency.<field>, sync.<field> or tick.<field> (the fields of SimulationStats, BroadcastSummary, Metrics, SyncSummary and TickStats' node counts)";

/// A group of measures: its prefix and its record's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Stats,
    Broadcast,
    Latency,
    Sync,
    Tick,
}

impl Group {
    /// Every group.
    const ALL: [Group; 5] = [Group::Stats, Group::Broadcast, Group::Latency, Group::Sync, Group::Tick];

    /// The prefix of its measures' names.
    fn prefix(self) -> &'static str {
        match self {
            Group::Stats => "stats",
            Group::Broadcast => "broadcast",
            Group::Latency => "latency",
            Group::Sync => "sync",
            Group::Tick => "tick",
        }
    }

    /// Its record's fields.
    fn fields(self) -> &'static [crate::boundary::Field] {
        match self {
            Group::Stats => SimStats::FIELDS,
            Group::Broadcast => BroadcastSummary::FIELDS,
            Group::Latency => Metrics::FIELDS,
            Group::Sync => SyncSummary::FIELDS,
            Group::Tick => TickTail::FIELDS,
        }
    }
}

/// One measure: a field of a group's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// Its name, as given.
    pub name: String,
    group: Group,
    field: usize,
}

impl Measure {
    /// The measure called `name` (given as `field`), or `ERR_UNKNOWN_NAME` naming `field`.
    pub fn parse(field: &str, name: &str) -> Result<Self, MeshError> {
        let found = name.split_once('.').and_then(|(prefix, key)| {
            let group = Group::ALL.into_iter().find(|g| g.prefix() == prefix)?;
            let index = group.fields().iter().position(|f| camel(f.name) == key)?;
            Some(Measure { name: name.to_owned(), group, field: index })
        });
        found.ok_or_else(|| MeshError::UnknownName {
            field: field.to_owned(),
            allowed: MEASURE_GROUPS,
            got: name.to_owned(),
        })
    }

    /// The values of `measures` in the simulation `sim` that has run (`NaN` for a checker not
    /// running, or a figure with nothing to measure).
    pub fn read_all(measures: &[Measure], sim: &mut Simulation) -> Vec<f64> {
        let report = sim.workload_report();
        let last_tick = sim.drain_tick_stats().next_back();
        let (mut stats, mut broadcast, mut latency, mut sync, mut tick) = Default::default();
        sim.stats().write(&mut stats);
        if let Some(report) = &report.broadcast {
            report.summary.write(&mut broadcast);
            if let Some(metrics) = &report.latency {
                metrics.write(&mut latency);
            }
        }
        if let Some(report) = &report.sync {
            report.summary.write(&mut sync);
        }
        if let Some(last) = &last_tick {
            TickTail::from(last).write(&mut tick);
        }
        let value = |m: &Measure| {
            let record: &Vec<f64> = match m.group {
                Group::Stats => &stats,
                Group::Broadcast => &broadcast,
                Group::Latency => &latency,
                Group::Sync => &sync,
                Group::Tick => &tick,
            };
            record.get(m.field).copied().unwrap_or(f64::NAN)
        };
        measures.iter().map(value).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_are_named_by_their_records_fields() {
        for name in [
            "stats.delivered",
            "stats.bytesSent",
            "broadcast.messagesPerValue",
            "latency.p99",
            "sync.liarDrags",
            "tick.maxStep",
        ] {
            assert_eq!(Measure::parse("measure[0]", name).unwrap().name, name);
        }
        for name in ["delivered", "stats.nope", "latency", "stats.bytes_sent", ""] {
            let err = Measure::parse("measure[3]", name).unwrap_err();
            assert_eq!((err.code(), err.field()), ("ERR_UNKNOWN_NAME", "measure[3]"), "{name}");
        }
    }
}
