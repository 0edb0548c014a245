//! The experiment document a sweep runs: an experiment file, or a scenario file made into one,
//! with the command line's flags in place of the parts they give.

use serde_json::{json, Map, Value};

use super::args::SweepArgs;
use super::failure::Failure;
use crate::error::MeshError;

/// What a sweep measures when neither the document nor `--measure` says.
pub const DEFAULT_MEASURES: [&str; 3] = ["stats.sent", "stats.delivered", "stats.lost"];

/// The experiment document of `input` (an experiment, or a scenario: one without a `scenario`
/// key) with the flags of `args` in place of the parts they give.
pub fn experiment_document(input: Value, args: &SweepArgs) -> Result<Value, Failure> {
    let mut doc = match input {
        Value::Object(map) if map.contains_key("scenario") => map,
        scenario => Map::from_iter([("scenario".to_owned(), scenario)]),
    };
    if let Some(seeds) = &args.seeds {
        doc.insert("seeds".into(), seeds_of(seeds)?);
    }
    if !args.vary.is_empty() {
        let vary = args.vary.iter().map(|flag| vary_of(flag)).collect::<Result<Vec<_>, _>>()?;
        doc.insert("vary".into(), Value::Array(vary));
    }
    if let Some(until) = args.until {
        doc.insert("until".into(), json!(until));
    }
    if !args.measure.is_empty() {
        doc.insert("measure".into(), json!(args.measure));
    } else if !doc.contains_key("measure") {
        doc.insert("measure".into(), json!(DEFAULT_MEASURES));
    }
    Ok(Value::Object(doc))
}

/// `--seeds`: a count (`100`) or a range (`1..1000`).
fn seeds_of(text: &str) -> Result<Value, Failure> {
    let bad = || {
        let problem =
            format!("must be a count (such as 100) or a range from..to (such as 1..1000), got \"{text}\"");
        Failure::usage("--seeds", &MeshError::BadShape { field: "seeds".into(), problem })
    };
    match text.split_once("..") {
        Some((from, to)) => {
            Ok(json!({ "from": number(from).ok_or_else(bad)?, "to": number(to).ok_or_else(bad)? }))
        }
        None => Ok(json!(number(text).ok_or_else(bad)?)),
    }
}

/// `--vary`: `path=v1,v2,...` (each value as JSON, else as a string) or `path=from..to[:step]`.
fn vary_of(flag: &str) -> Result<Value, Failure> {
    let bad =
        |problem: String| Failure::usage("--vary", &MeshError::BadShape { field: "vary".into(), problem });
    let Some((path, values)) = flag.split_once('=') else {
        return Err(bad(format!(
            "must be path=v1,v2,... or path=from..to:step (such as options.links.loss=0,0.05), got \"{flag}\""
        )));
    };
    let path = path.trim();
    if let Some((from, rest)) = values.split_once("..") {
        let bad_range =
            || bad(format!("a range must be from..to or from..to:step in numbers, got \"{values}\""));
        let (to, step) = rest.split_once(':').map_or((rest, None), |(to, step)| (to, Some(step)));
        let mut range =
            json!({ "from": number(from).ok_or_else(bad_range)?, "to": number(to).ok_or_else(bad_range)? });
        if let Some(step) = step {
            range["step"] = json!(number(step).ok_or_else(bad_range)?);
        }
        return Ok(json!({ "path": path, "range": range }));
    }
    let values: Vec<Value> = if values.trim().is_empty() {
        Vec::new()
    } else {
        values
            .split(',')
            .map(|v| serde_json::from_str(v.trim()).unwrap_or_else(|_| json!(v.trim())))
            .collect()
    };
    Ok(json!({ "path": path, "values": values }))
}

/// `text` as a number, or `None`.
fn number(text: &str) -> Option<f64> {
    text.trim().parse().ok()
}
