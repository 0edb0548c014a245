//! The native command line (`data-mesh run | sweep | merge`): one scenario, an experiment on
//! every core or a shard of it, and shard outputs merged. Not built for wasm32.

mod args;
mod document;
mod failure;
mod files;
mod merge;
mod output;
mod progress;
mod report;
mod run;
mod sweep;
mod table;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};
pub use failure::Failure;

/// Runs the command line's command; prints a failure on standard error as `data-mesh: ...`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Run(args) => run::run(args),
        Command::Sweep(args) => sweep::sweep(args, cli.quiet),
        Command::Merge(args) => merge::merge(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("data-mesh: {failure}");
            failure.exit_code()
        }
    }
}
