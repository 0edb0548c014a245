//! What a sweep or a merge writes: the records as JSON lines and CSV, the summary of each point
//! as JSON lines, and the summary table on standard output.

use super::args::OutputArgs;
use super::failure::Failure;
use super::files::{print, write_text};
use super::table::summary_table;
use crate::experiment::{joined_lines, records_csv, summarise, RunRecord};

/// Writes `records` (in run order) and their summary where `outputs` says, and prints the table.
pub fn finish(records: &[RunRecord], outputs: &OutputArgs) -> Result<(), Failure> {
    if let Some(path) = &outputs.out {
        write_text(path, &joined_lines(records.iter().map(RunRecord::to_json)))?;
    }
    if let Some(path) = &outputs.csv {
        write_text(path, &records_csv(records))?;
    }
    let summaries = summarise(records);
    if let Some(path) = &outputs.summary {
        write_text(path, &joined_lines(summaries.iter().map(|s| s.to_json())))?;
    }
    print(&summary_table(&summaries))
}
