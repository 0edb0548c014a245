//! Experiments: one scenario run over a cross product of varied parameters and a range of seeds,
//! each run measured, and the measures summarised per parameter point.
//!
//! An experiment is a JSON document (`{ scenario, vary, seeds, until, measure }`, see
//! docs/experiments.md) that [`Experiment::from_value`] checks as a whole before any run: every vary
//! path must name a place in the scenario, every point's scenario must build, every measure must
//! be known. Runs are numbered point by point, seed by seed; [`Experiment::run`] runs one by its
//! number, so any split of the numbers (threads, workers, shards on other machines) gives the same
//! records, and [`summarise`] gives the same summary whatever order they come back in.

mod csv;
mod measures;
mod plan;
mod record;
mod spec;
mod summary;

pub use csv::records_csv;
pub use measures::{Measure, MEASURE_GROUPS};
pub use plan::{Experiment, Point, Shard};
pub use record::{joined_lines, RunRecord, EXPERIMENT_FORMAT};
pub use spec::{ExperimentOptions, RangeOptions, SeedsOptions, VaryOptions};
pub use summary::{summarise, MeasureSummary, PointSummary};

#[cfg(test)]
mod tests;
