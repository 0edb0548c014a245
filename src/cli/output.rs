//! What a sweep or a merge writes: the records as JSON lines and CSV, the summary of each point
//! as JSON lines, and the summary table on standard output.

use serde_json::Value;

use super::args::OutputArgs;
use super::failure::Failure;
use super::files::{joined_lines, print, write_text};
use super::table::summary_table;
use crate::experiment::{summarise, RunRecord};

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

/// The records as CSV: run, point, seed, each varied path, each measure, traceHash, error.
pub fn records_csv(records: &[RunRecord]) -> String {
    let Some(first) = records.first() else { return String::new() };
    let header = ["run", "point", "seed"]
        .into_iter()
        .map(str::to_owned)
        .chain(first.values.iter().map(|(path, _)| path.clone()))
        .chain(first.names.iter().cloned())
        .chain(["traceHash".to_owned(), "error".to_owned()]);
    let rows = records.iter().map(|r| {
        [r.run, r.point, r.seed]
            .into_iter()
            .map(|n| n.to_string())
            .chain(r.values.iter().map(|(_, value)| value_cell(value)))
            .chain(r.measures.iter().map(|&v| if v.is_nan() { String::new() } else { v.to_string() }))
            .chain([r.trace_hash.clone(), r.error.clone().unwrap_or_default()])
    });
    joined_lines(std::iter::once(csv_line(header)).chain(rows.map(csv_line)))
}

/// A varied value as a cell: a string as itself, anything else as JSON.
fn value_cell(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

/// Cells as one CSV line, quoted where they hold a comma, a quote or a line break.
fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let quoted = cells.map(|cell| {
        if cell.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell
        }
    });
    quoted.collect::<Vec<_>>().join(",")
}
