//! The native command line, run as a process: `run` gives the core's trace hash and trace,
//! `sweep` gives the same files with 1 or 2 jobs, shards merged give the unsharded summary, and
//! every bad argument or file is a clear error with exit code 2 (usage) or 1 (input).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use data_mesh::sim::scenario::Scenario;

/// A fresh directory for one test's files.
fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("data-mesh-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with `args` in `dir`.
fn cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_data-mesh")).args(args).current_dir(dir).output().unwrap()
}

/// Runs the binary and expects success; returns its standard output.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = cli(dir, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text of `dir/name`.
fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// A small flooding ring with a broadcast workload, 300 ms long.
const SCENARIO: &str = r#"{
  "version": 1,
  "options": { "links": { "latency": 10, "loss": 0.1 }, "topology": "ring" },
  "nodes": { "count": 6 },
  "protocol": "flood",
  "workload": { "kind": "broadcast", "rate": 50, "duration": 200 },
  "duration": 300
}"#;

/// An experiment over `SCENARIO`: 2 losses by 2 protocols, 5 seeds.
fn experiment() -> String {
    format!(
        r#"{{ "scenario": {SCENARIO},
  "vary": [{{ "path": "options.links.loss", "values": [0, 0.3] }}, {{ "path": "protocol", "values": ["flood", "none"] }}],
  "seeds": 5,
  "measure": ["broadcast.missing", "latency.p50", "stats.lost"] }}"#
    )
}

/// The partition-heal scenario bundled with the package.
const PARTITION_HEAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/scenarios/partition-heal.json");

#[test]
fn run_prints_the_cores_trace_hash_stats_and_report_and_writes_its_trace() {
    let dir = dir("run");
    let out = ok(&dir, &["run", PARTITION_HEAL, "--seed", "9", "--until", "1500", "--trace", "trace.jsonl"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(PARTITION_HEAL).unwrap()).unwrap();
    doc["options"]["seed"] = 9.into();
    doc["options"]["recordTrace"] = true.into();
    let mut sim = Scenario::parse(&doc.to_string()).unwrap().build().unwrap();
    sim.run_until(1_500_000);
    assert_eq!(report["traceHash"], sim.trace().hash());
    assert_eq!(report["stats"]["delivered"], sim.stats().delivered);
    assert_eq!((report["seed"].clone(), report["until"].clone()), (9.into(), 1500.into()));
    assert_eq!(report["workload"], serde_json::json!({ "broadcast": null, "sync": null }));
    assert_eq!(read(&dir, "trace.jsonl"), sim.trace().to_json_lines());
    assert!(!read(&dir, "trace.jsonl").is_empty());

    std::fs::write(dir.join("ring.json"), SCENARIO).unwrap();
    let report: serde_json::Value = serde_json::from_str(&ok(&dir, &["run", "ring.json"])).unwrap();
    let broadcast = &report["workload"]["broadcast"];
    assert_eq!(broadcast["summary"]["values"], 10, "{report}");
    assert_eq!(broadcast["latency"]["p50"], 10);
    assert!(broadcast["missing"].as_array().unwrap().iter().all(|m| m["nodeId"].is_string()));
}

#[test]
fn sweeps_give_the_same_files_with_one_job_or_two_and_shards_merge_into_the_same_summary() {
    let dir = dir("sweep");
    std::fs::write(dir.join("experiment.json"), experiment()).unwrap();
    let sweep = |jobs: &str, name: &str, shard: Option<&str>| {
        let (out, csv, summary) =
            (format!("{name}.jsonl"), format!("{name}.csv"), format!("{name}-summary.jsonl"));
        let mut args = vec![
            "sweep",
            "experiment.json",
            "--jobs",
            jobs,
            "--out",
            &out,
            "--csv",
            &csv,
            "--summary",
            &summary,
        ];
        args.extend(shard.iter().flat_map(|s| ["--shard", *s]));
        ok(&dir, &args)
    };
    let table = sweep("1", "one", None);
    assert_eq!(sweep("2", "two", None), table);
    for file in
        ["jsonl", "csv"].map(|ext| format!("{{}}.{ext}")).iter().chain([&"{}-summary.jsonl".to_owned()])
    {
        assert_eq!(read(&dir, &file.replace("{}", "one")), read(&dir, &file.replace("{}", "two")), "{file}");
    }
    let records = read(&dir, "one.jsonl");
    assert_eq!(records.lines().count(), 20);
    assert!(records.lines().enumerate().all(|(i, line)| line.contains(&format!("\"run\":{i},"))));
    let csv = read(&dir, "one.csv");
    assert_eq!(
        csv.lines().next().unwrap(),
        "run,point,seed,options.links.loss,protocol,broadcast.missing,latency.p50,stats.lost,traceHash,error"
    );
    assert!(csv.lines().nth(6).unwrap().starts_with("5,1,1,0,none,"), "{csv}");
    assert!(table.contains("broadcast.missing") && table.lines().count() == 13, "{table}");

    sweep("2", "shard2", Some("2/2"));
    sweep("1", "shard1", Some("1/2"));
    assert_eq!(read(&dir, "shard1.jsonl").lines().count(), 10);
    let merged = ok(
        &dir,
        &["merge", "shard2.jsonl", "shard1.jsonl", "--summary", "merged.jsonl", "--out", "all.jsonl"],
    );
    assert_eq!(merged, table);
    assert_eq!(read(&dir, "merged.jsonl"), read(&dir, "one-summary.jsonl"));
    assert_eq!(read(&dir, "all.jsonl"), records);
}

#[test]
fn a_scenario_file_with_flags_makes_the_experiment() {
    let dir = dir("flags");
    let args =
        ["--seeds", "3..5", "--vary", "options.links.loss=0,0.05,0.1", "--until", "400", "--jobs", "2"];
    let mut with = vec!["sweep", PARTITION_HEAL, "--out", "results.jsonl"];
    with.extend(args);
    ok(&dir, &with);
    let records = read(&dir, "results.jsonl");
    assert_eq!(records.lines().count(), 9);
    let last: serde_json::Value = serde_json::from_str(records.lines().last().unwrap()).unwrap();
    assert_eq!((last["seed"].clone(), last["values"]["options.links.loss"].clone()), (5.into(), 0.1.into()));
    assert_eq!(
        last["measures"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["stats.sent", "stats.delivered", "stats.lost"]
    );

    std::fs::write(dir.join("ring.json"), SCENARIO).unwrap();
    ok(
        &dir,
        &[
            "sweep",
            "ring.json",
            "--vary",
            "workload.rate=10..30:10",
            "--measure",
            "broadcast.values",
            "--out",
            "r.jsonl",
        ],
    );
    let values: Vec<String> =
        read(&dir, "r.jsonl").lines().map(|l| l.split("\"values\":").nth(1).unwrap().to_owned()).collect();
    assert_eq!(values.len(), 3);
    assert!(values[2].starts_with("{\"workload.rate\":30}"), "{values:?}");
}

#[test]
fn bad_arguments_and_files_are_clear_errors_with_their_exit_code() {
    let dir = dir("errors");
    std::fs::write(dir.join("experiment.json"), experiment()).unwrap();
    std::fs::write(dir.join("other.json"), experiment().replace("\"seeds\": 5", "\"seeds\": 4")).unwrap();
    std::fs::write(dir.join("bad.json"), "{ not json").unwrap();
    std::fs::write(dir.join("no-seeds.json"), experiment().replace("\"seeds\": 5", "\"seeds\": 0")).unwrap();
    ok(&dir, &["sweep", "experiment.json", "--out", "a.jsonl"]);
    ok(&dir, &["sweep", "other.json", "--out", "b.jsonl"]);
    let cases: [(&[&str], i32, &str); 18] = [
        (&["sweep", "experiment.json", "--seeds", "1..x"], 2, "--seeds: seeds: must be a count"),
        (
            &["sweep", "experiment.json", "--seeds", "5..3"],
            1,
            "--seeds: seeds must be a range with from <= to",
        ),
        (&["sweep", "experiment.json", "--seeds", "0"], 1, "--seeds: seeds must be an integer of at least 1"),
        (&["sweep", "no-seeds.json"], 1, "no-seeds.json: seeds must be an integer of at least 1"),
        (&["sweep", "experiment.json", "--until", "-5"], 1, "--until: until must be"),
        (
            &["sweep", "experiment.json", "--vary", "options.links.loss"],
            2,
            "--vary: vary: must be path=v1,v2",
        ),
        (&["sweep", "experiment.json", "--vary", "options.links.loss=1..x"], 2, "a range must be from..to"),
        (
            &["sweep", "experiment.json", "--vary", "links.loss=0,1"],
            1,
            "--vary: vary[0].path: \"links.loss\" names nothing",
        ),
        (
            &["sweep", "experiment.json", "--vary", "workload.rate=5..1"],
            1,
            "vary[0].range must be from <= to",
        ),
        (
            &["sweep", "experiment.json", "--vary", "workload.rate=10,-1"],
            1,
            "point 1 (workload.rate=-1): workload.rate",
        ),
        (
            &["sweep", "experiment.json", "--measure", "stats.nope"],
            1,
            "--measure: measure[0] must be one of stats.<field>",
        ),
        (&["sweep", "experiment.json", "--shard", "3/2"], 2, "--shard: shard: must be k/n with 1 <= k <= n"),
        (&["sweep", "experiment.json", "--jobs", "0"], 2, "--jobs"),
        (&["sweep", "missing.json"], 1, "cannot read missing.json"),
        (&["sweep", "bad.json"], 1, "bad.json: document: not valid JSON"),
        (&["merge", "a.jsonl", "b.jsonl"], 1, "b.jsonl:1: record: a run of experiment"),
        (&["merge", "a.jsonl", "a.jsonl"], 1, "a.jsonl:1: record: run 0 is already in a.jsonl:1"),
        (&["merge", "experiment.json"], 1, "experiment.json:1: record: not a JSON line"),
    ];
    for (args, code, message) in cases {
        let out = cli(&dir, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    let out = cli(&dir, &["run", "experiment.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("experiment.json: version: must be 1"));
    let out = cli(&dir, &["run", PARTITION_HEAL, "--seed", "-1"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("seed must not be negative"), "{out:?}");
    assert_eq!(cli(&dir, &["merge"]).status.code(), Some(2));
}
