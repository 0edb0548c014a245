//! `data-mesh merge`: shard outputs read back, checked to be of one experiment with no run twice,
//! and summarised as one sweep would be.

use std::collections::HashMap;

use super::args::MergeArgs;
use super::failure::Failure;
use super::files::read_text;
use super::output::finish;
use crate::error::MeshError;
use crate::experiment::RunRecord;

/// Merges the files `args` names and writes what they give.
pub fn merge(args: &MergeArgs) -> Result<(), Failure> {
    let mut records: Vec<RunRecord> = Vec::new();
    let mut seen: HashMap<u64, String> = HashMap::new();
    let mut experiment: Option<(String, String)> = None;
    for path in &args.inputs {
        let text = read_text(path)?;
        for (i, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
            let at = format!("{}:{}", path.display(), i + 1);
            let refuse = |problem: String| {
                Failure::input(&at, &MeshError::BadShape { field: "record".into(), problem })
            };
            let record = RunRecord::from_json("record", line).map_err(|err| Failure::input(&at, &err))?;
            match &experiment {
                None => experiment = Some((record.experiment.clone(), at.clone())),
                Some((id, first)) if *id != record.experiment => {
                    return Err(refuse(format!(
                        "a run of experiment {}, but {first} is of experiment {id}: merge the shards of one experiment",
                        record.experiment
                    )))
                }
                Some(_) => {}
            }
            if let Some(earlier) = seen.insert(record.run, at.clone()) {
                return Err(refuse(format!("run {} is already in {earlier}: each run once", record.run)));
            }
            records.push(record);
        }
    }
    records.sort_by_key(|r| r.run);
    finish(&records, &args.outputs)
}
