//! Experiments: points, seeds and runs by number; every refusal before a run; summaries that do
//! not depend on how the runs were split or the order they came back in.

use serde_json::json;

use super::*;

/// A small flooding ring with loss, a broadcast workload, and 300 ms of virtual time.
fn scenario() -> serde_json::Value {
    json!({
        "version": 1,
        "options": { "links": { "latency": 10, "loss": 0.1 }, "topology": "ring" },
        "nodes": { "count": 6 },
        "protocol": "flood",
        "workload": { "kind": "broadcast", "rate": 50, "duration": 200 },
        "duration": 300
    })
}

/// An experiment over `scenario()` varying loss and ttl, with 3 seeds.
fn experiment() -> Experiment {
    Experiment::from_value(&json!({
        "scenario": scenario(),
        "vary": [
            { "path": "options.links.loss", "values": [0, 0.3] },
            { "path": "protocol", "values": ["flood", "none"] }
        ],
        "seeds": { "from": 10, "to": 12 },
        "measure": ["broadcast.missing", "broadcast.messagesPerValue", "latency.p50", "stats.lost", "sync.ticks"]
    }))
    .unwrap()
}

#[test]
fn points_are_the_cross_product_and_runs_go_point_by_point_seed_by_seed() {
    let e = experiment();
    assert_eq!((e.point_count(), e.run_count()), (4, 12));
    assert_eq!(
        e.point(1).values,
        [("options.links.loss".into(), json!(0)), ("protocol".into(), json!("none"))]
    );
    assert_eq!(e.point(2).values[0].1, json!(0.3));
    let record = e.run(4);
    assert_eq!((record.point, record.seed), (1, 11));
    let doc = e.scenario_for(&e.point(1), 11).unwrap();
    assert_eq!((doc["options"]["seed"].clone(), doc["protocol"].clone()), (json!(11), json!("none")));
}

#[test]
fn a_run_measures_what_the_scenario_alone_gives_with_that_seed() {
    let e = experiment();
    let record = e.run(7);
    let mut sim =
        crate::sim::scenario::Scenario::parse(&e.scenario_for(&e.point(2), 11).unwrap().to_string())
            .unwrap()
            .build()
            .unwrap();
    sim.run_until(300_000);
    let report = sim.workload_report().broadcast.unwrap();
    assert_eq!(record.trace_hash, sim.trace().hash());
    assert_eq!(record.measures[..2], [report.summary.missing, report.summary.messages_per_value]);
    assert_eq!(record.measures[3], sim.stats().lost as f64);
    assert!(record.measures[4].is_nan(), "no sync workload: nothing to measure");
    assert_eq!(record.error, None);
}

#[test]
fn records_read_back_from_their_json_lines() {
    let record = experiment().run(3);
    let line = record.to_json();
    assert!(line.contains("\"sync.ticks\":null"), "{line}");
    let back = RunRecord::from_json("line 1", &line).unwrap();
    assert_eq!(format!("{back:?}"), format!("{record:?}"));
    let err = RunRecord::from_json("line 2", "{\"format\": 2}").unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_INVALID_TYPE", "line 2"));
}

#[test]
fn summaries_do_not_depend_on_the_split_or_the_order_of_the_runs() {
    let e = experiment();
    let all: Vec<RunRecord> = (0..e.run_count()).map(|run| e.run(run)).collect();
    let mut sharded: Vec<RunRecord> = Vec::new();
    for k in (1..=3).rev() {
        let shard = Shard::parse(&format!("{k}/3")).unwrap();
        sharded.extend((0..e.run_count()).filter(|&run| shard.holds(run)).map(|run| e.run(run)));
    }
    assert_eq!(sharded.len(), all.len());
    let (a, b) = (summarise(&all), summarise(&sharded));
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    assert_eq!(a.len(), 4);
    let missing = |point: usize| a[point].measures[0].1.mean;
    assert_eq!(missing(0), 0.0, "a lossless flood misses nothing");
    assert!(missing(3) > missing(2), "without relaying, more is missing");
    assert_eq!((a[0].runs, a[0].errors, a[0].measures[0].1.count), (3, 0, 3.0));
    assert!(a[0].to_json().contains("\"ci95Low\""));
}

#[test]
fn bad_experiments_are_refused_before_any_run_naming_the_field() {
    let with = |changes: serde_json::Value| {
        let mut doc = json!({ "scenario": scenario(), "measure": ["stats.delivered"] });
        for (key, value) in changes.as_object().unwrap() {
            doc[key] = value.clone();
        }
        Experiment::from_value(&doc).map(drop).unwrap_err()
    };
    let cases = [
        (
            json!({ "vary": [{ "path": "options.nope.loss", "values": [1] }] }),
            "ERR_INVALID_SCENARIO",
            "point 0 (options.nope.loss=1): options.nope",
        ),
        (json!({ "vary": [{ "path": "events.0.at", "values": [1] }] }), "ERR_INVALID_TYPE", "vary[0].path"),
        (
            json!({ "vary": [{ "path": "workload.rate", "values": [10, -1] }] }),
            "ERR_INVALID_SCENARIO",
            "point 1 (workload.rate=-1): workload.rate",
        ),
        (
            json!({ "vary": [{ "path": "workload.rate", "values": [] }] }),
            "ERR_INVALID_TYPE",
            "vary[0].values",
        ),
        (
            json!({ "vary": [{ "path": "workload.rate", "range": { "from": 5, "to": 1 } }] }),
            "ERR_OUT_OF_RANGE",
            "vary[0].range",
        ),
        (
            json!({ "vary": [{ "path": "workload.rate", "range": { "from": 1, "to": 5, "step": 0 } }] }),
            "ERR_OUT_OF_RANGE",
            "vary[0].range",
        ),
        (json!({ "vary": [{ "path": "workload.rate" }] }), "ERR_INVALID_TYPE", "vary[0]"),
        (json!({ "seeds": 0 }), "ERR_NOT_POSITIVE", "seeds"),
        (json!({ "seeds": { "from": -1, "to": 3 } }), "ERR_NEGATIVE", "seeds"),
        (json!({ "seeds": { "from": 1, "to": 1e16 } }), "ERR_UNSAFE_INTEGER", "seeds"),
        (json!({ "seeds": { "from": 5, "to": 3 } }), "ERR_OUT_OF_RANGE", "seeds"),
        (json!({ "measure": ["stats.nope"] }), "ERR_UNKNOWN_NAME", "measure[0]"),
        (json!({ "until": -5 }), "ERR_OUT_OF_RANGE", "until"),
        (json!({ "scenario": null }), "ERR_INVALID_TYPE", "scenario"),
        (json!({ "extra": 1 }), "ERR_INVALID_TYPE", "experiment.extra"),
    ];
    for (changes, code, field) in cases {
        let err = with(changes.clone());
        assert_eq!((err.code(), err.field()), (code, field), "{changes}: {err}");
    }
    let mut no_duration = scenario();
    no_duration.as_object_mut().unwrap().remove("duration");
    let err = Experiment::from_value(&json!({ "scenario": no_duration, "measure": [] })).unwrap_err();
    assert_eq!(err.field(), "until");
    for bad in ["0/3", "4/3", "a/b", "3", "1/0"] {
        assert_eq!(Shard::parse(bad).unwrap_err().field(), "shard", "{bad}");
    }
}

#[test]
fn a_range_gives_clean_decimal_values() {
    let e = Experiment::from_value(&json!({
        "scenario": scenario(),
        "vary": [{ "path": "options.links.loss", "range": { "from": 0, "to": 0.3, "step": 0.05 } }],
        "measure": []
    }))
    .unwrap();
    let values: Vec<f64> = (0..e.point_count()).map(|i| e.point(i).values[0].1.as_f64().unwrap()).collect();
    assert_eq!(values, [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
}

#[test]
fn a_document_from_javascript_is_the_same_experiment_as_its_text() {
    let text = json!({ "scenario": scenario(), "vary": [{ "path": "workload.rate", "values": [10, 20] }], "measure": [] });
    // JavaScript hands every number over as a float.
    fn floats(value: &serde_json::Value) -> serde_json::Value {
        match value {
            serde_json::Value::Number(n) => json!(n.as_f64().unwrap()),
            serde_json::Value::Array(items) => serde_json::Value::Array(items.iter().map(floats).collect()),
            serde_json::Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), floats(v))).collect(),
            other => other.clone(),
        }
    }
    let (a, b) = (Experiment::from_value(&text).unwrap(), Experiment::from_value(&floats(&text)).unwrap());
    assert_eq!(a.id(), b.id());
    assert_eq!(a.run(1).to_json(), b.run(1).to_json());
    assert!(a.run(1).to_json().contains("\"values\":{\"workload.rate\":20}"), "{}", a.run(1).to_json());
}
