//! `data-mesh sweep`: an experiment's runs (or a shard's share) on a pool of threads, its records
//! kept in run order whatever order they finish in.

use rayon::prelude::*;

use super::args::SweepArgs;
use super::document::experiment_document;
use super::failure::Failure;
use super::files::read_json;
use super::output::finish;
use super::progress::bar;
use crate::experiment::{Experiment, RunRecord, Shard};

/// Runs the sweep `args` describes and writes what it gives.
pub fn sweep(args: &SweepArgs, quiet: bool) -> Result<(), Failure> {
    let shard =
        args.shard.as_deref().map(Shard::parse).transpose().map_err(|err| Failure::usage("--shard", &err))?;
    let doc = experiment_document(read_json(&args.input)?, args)?;
    let experiment =
        Experiment::from_value(&doc).map_err(|err| Failure::input(&source(args, err.field()), &err))?;
    let runs: Vec<u64> =
        (0..experiment.run_count()).filter(|&run| shard.is_none_or(|s| s.holds(run))).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .build()
        .map_err(|err| Failure::Input(format!("cannot start the threads: {err}")))?;
    let progress = bar(runs.len() as u64, quiet);
    let records: Vec<RunRecord> = pool.install(|| {
        runs.par_iter()
            .map(|&run| {
                let record = experiment.run(run);
                progress.inc(1);
                record
            })
            .collect()
    });
    progress.finish_and_clear();
    finish(&records, &args.outputs)
}

/// Where the part of the experiment named by `field` came from: the flag that gave it, else the
/// input file.
fn source(args: &SweepArgs, field: &str) -> String {
    let flags = [
        ("seeds", args.seeds.is_some(), "--seeds"),
        ("vary", !args.vary.is_empty(), "--vary"),
        ("until", args.until.is_some(), "--until"),
        ("measure", !args.measure.is_empty(), "--measure"),
    ];
    let flag = flags.iter().find(|(part, given, _)| *given && field.starts_with(part));
    flag.map_or_else(|| args.input.display().to_string(), |(_, _, flag)| (*flag).to_owned())
}
