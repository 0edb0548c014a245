//! `data-mesh run`: one scenario, to its duration or `--until`, with its report on standard
//! output and, with `--trace`, its trace as JSON lines.

use super::args::RunArgs;
use super::failure::Failure;
use super::files::{print, read_json, write_text};
use super::report::run_report;
use crate::error::MeshError;
use crate::shape::read_shape;
use crate::sim::link::to_micros;
use crate::sim::scenario::Scenario;
use crate::validate::until_or_duration;

/// Runs the scenario `args` names and prints its report.
pub fn run(args: &RunArgs) -> Result<(), Failure> {
    let refuse = |err: MeshError| Failure::input(&args.scenario.display(), &err);
    let mut scenario: Scenario = read_shape(&read_json(&args.scenario)?, "").map_err(refuse)?;
    let options = scenario.options.get_or_insert_with(Default::default);
    if args.seed.is_some() {
        options.seed = args.seed;
    }
    if args.trace.is_some() {
        options.record_trace = Some(true);
    }
    let seed = options.seed;
    let until = until_or_duration(args.until, scenario.duration, "--until").map_err(refuse)?;
    let mut sim = scenario.build().map_err(refuse)?;
    sim.run_until(to_micros(until));
    if let Some(path) = &args.trace {
        write_text(path, &sim.trace().to_json_lines())?;
    }
    let report = run_report(&sim, seed, until);
    print(&format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default()))
}
