//! The command line's arguments, as clap reads them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Runs data-mesh scenarios and experiments natively, on every core.
#[derive(Debug, Parser)]
#[command(name = "data-mesh", version)]
pub struct Cli {
    /// No progress bar (it is also hidden when standard error is not a terminal).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs one scenario; prints its trace hash, engine statistics and workload report as JSON.
    Run(RunArgs),
    /// Runs an experiment (or a scenario with --seeds, --vary, ...) on every core.
    Sweep(SweepArgs),
    /// Combines shard outputs of one experiment into the summary a single sweep gives.
    Merge(MergeArgs),
}

/// `data-mesh run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The scenario document (JSON).
    pub scenario: PathBuf,
    /// Milliseconds of virtual time to run (default: the scenario's duration).
    #[arg(long, allow_negative_numbers = true)]
    pub until: Option<f64>,
    /// The seed (default: the scenario's options.seed).
    #[arg(long, allow_negative_numbers = true)]
    pub seed: Option<f64>,
    /// Writes the trace there, one JSON line per event (as exportTrace gives it).
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
}

/// `data-mesh sweep`.
#[derive(Debug, Args)]
pub struct SweepArgs {
    /// An experiment document ({ scenario, vary, seeds, until, measure }) or a scenario document.
    pub input: PathBuf,
    /// The seeds: a count (100: seeds 1 to 100) or a range (1..1000, both ends included).
    #[arg(long)]
    pub seeds: Option<String>,
    /// A varied scenario path, with values (options.links.loss=0,0.05,0.1) or a range
    /// (workload.rate=10..50:10); repeat for a cross product. Replaces the document's vary.
    #[arg(long, value_name = "PATH=VALUES")]
    pub vary: Vec<String>,
    /// Milliseconds of virtual time each run lasts (default: the scenario's duration).
    #[arg(long, allow_negative_numbers = true)]
    pub until: Option<f64>,
    /// A measure (stats.delivered, broadcast.missing, latency.p50, ...); repeat for more.
    #[arg(long, value_name = "NAME")]
    pub measure: Vec<String>,
    /// Runs at once (default: every core).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Runs only the k-th of n deterministic shares of the runs (k/n, 1 <= k <= n).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Where the records and the summary go.
    #[command(flatten)]
    pub outputs: OutputArgs,
}

/// `data-mesh merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The shard outputs (JSON lines written by sweep --out).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where the records and the summary go.
    #[command(flatten)]
    pub outputs: OutputArgs,
}

/// Where a sweep or a merge writes the records and the summary (each left out: not written).
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Writes each run's record there, one JSON line each, in run order.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Writes the records there as CSV.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Writes the summary of each point there, one JSON line each.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
}
