//! An experiment's records as CSV: one line per run with its run, point and seed numbers, each
//! varied value, each measure (empty for none), its trace hash and its error.

use serde_json::Value;

use super::record::{joined_lines, RunRecord};
use crate::boundary::json::json_number;

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
            .chain(r.measures.iter().map(|&v| number_cell(v)))
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

/// A measure as a cell: as JSON writes it (`22`, `0.5`), empty for none.
fn number_cell(v: f64) -> String {
    match json_number(v) {
        Value::Null => String::new(),
        number => number.to_string(),
    }
}
