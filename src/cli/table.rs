//! The summary table a sweep or a merge prints: a row per point and measure, columns aligned.

use crate::experiment::PointSummary;

/// The summaries as an aligned text table.
pub fn summary_table(summaries: &[PointSummary]) -> String {
    let Some(first) = summaries.first() else { return "no runs\n".to_owned() };
    let mut rows: Vec<Vec<String>> = vec![["point"]
        .into_iter()
        .map(str::to_owned)
        .chain(first.values.iter().map(|(path, _)| path.clone()))
        .chain(
            ["runs", "errors", "measure", "count", "mean", "std", "min", "p5", "p50", "p95", "max", "ci95"]
                .map(str::to_owned),
        )
        .collect()];
    for point in summaries {
        for (name, s) in &point.measures {
            let row = [point.point.to_string()]
                .into_iter()
                .chain(point.values.iter().map(|(_, value)| value.to_string()))
                .chain([point.runs.to_string(), point.errors.to_string(), name.clone()])
                .chain([s.count, s.mean, s.std, s.min, s.p5, s.p50, s.p95, s.max].map(number))
                .chain([format!("{}..{}", number(s.ci95_low), number(s.ci95_high))]);
            rows.push(row.collect());
        }
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|i| rows.iter().map(|row| row[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(cell, &w)| format!("{cell:>w$}")).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// A figure for the table: whole numbers as they are, others to 4 decimals, NaN as a dash.
fn number(v: f64) -> String {
    if v.is_nan() {
        "-".to_owned()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v:.4}")
    }
}
