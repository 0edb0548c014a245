//! Scenarios: building, running, and refusing bad documents by naming the part at fault.
use super::*;

const SMALL: &str = r#"{
    "version": 1,
    "name": "small",
    "options": {"links": {"latency": 5}, "topology": "ring", "ttl": 2},
    "nodes": {"count": 6, "prefix": "n"},
    "links": [{"between": ["n0", "n1"], "latency": 50}],
    "byzantine": {"n3": "wrong-pattern"},
    "drift": {"n4": -0.5},
    "events": [
        {"at": 10, "broadcast": "n0", "data": {"temperature": 21}},
        {"at": 20, "partition": [["n0", "n1", "n2"], ["n3", "n4", "n5"]]},
        {"at": 30, "broadcast": "n3"},
        {"at": 100, "heal": true},
        {"at": 110, "crash": "n5"}
    ]
}"#;

#[test]
fn a_scenario_builds_its_network_and_runs_its_events() {
    let scenario = Scenario::parse(SMALL).unwrap();
    assert_eq!(scenario.name.as_deref(), Some("small"));
    let mut sim = scenario.build().unwrap();
    assert_eq!(sim.network().live_count(), 6);
    assert_eq!(sim.neighbours(0), [1, 5]);
    sim.run_until(200_000);
    let stats = *sim.stats();
    assert_eq!(stats.sent, 2);
    assert!(stats.partitioned > 0 && sim.is_crashed(5));
    assert!(stats.delivered > 0);
}

#[test]
fn a_scenario_pauses_resumes_and_cuts_one_way() {
    let scenario = r#"{
        "version": 1,
        "options": {"links": {"latency": 5}, "topology": "ring", "ttl": 3},
        "nodes": {"count": 4, "prefix": "n"},
        "events": [
            {"at": 0, "partition": [["n0"], ["n1"]], "oneWay": true},
            {"at": 0, "pause": "n3"},
            {"at": 10, "broadcast": "n0"},
            {"at": 10, "broadcast": "n1"},
            {"at": 50, "resume": "n3"}
        ]
    }"#;
    let mut sim = Scenario::parse(scenario).unwrap().build().unwrap();
    sim.run_until(40_000);
    assert!(sim.is_paused(3) && sim.is_cut(0, 1) && !sim.is_cut(1, 0));
    let stats = *sim.stats();
    assert_eq!((stats.partitioned, stats.delivered), (1, 2), "n0 -> n1 is cut, n1 -> n0 is not; n3 holds");
    sim.run_until(100_000);
    assert!(!sim.is_paused(3));
    // n3 takes both messages on resuming and relays n0's on to n2, which relays it to n1.
    assert_eq!(sim.stats().delivered, 6);
}

#[test]
fn nodes_left_out_settings_take_their_declared_defaults() {
    let configs = |nodes: serde_json::Value| {
        let scenario = serde_json::json!({ "version": 1, "nodes": nodes }).to_string();
        Scenario::parse(&scenario).unwrap().node_configs().unwrap()
    };
    let mut spelled = crate::sim::defaults::tests::object(crate::sim::defaults::SCENARIO_NODE_SETTINGS);
    spelled.as_object_mut().unwrap().insert("count".into(), 2.into());
    assert_eq!(configs(serde_json::json!({ "count": 2 })), configs(spelled));
    assert_eq!(configs(serde_json::json!({ "count": 1 }))[0].node_id, "node-0");
    let listed = configs(serde_json::json!([{ "nodeId": "node-0" }]));
    assert_eq!(listed, configs(serde_json::json!({ "count": 1 })));
}

#[test]
fn a_document_whose_numbers_are_all_floats_reads_as_its_text_does() {
    // What the wasm binding reads: JSON.parse's value, every number a float.
    let mut floats: Value = serde_json::from_str(SMALL).unwrap();
    fn to_floats(value: &mut Value) {
        match value {
            Value::Number(n) => *value = Value::from(n.as_f64().unwrap()),
            Value::Array(items) => items.iter_mut().for_each(to_floats),
            Value::Object(map) => map.values_mut().for_each(to_floats),
            _ => {}
        }
    }
    to_floats(&mut floats);
    assert_eq!(floats["version"], Value::from(1.0));
    assert_eq!(read_shape::<Scenario>(&floats, "").unwrap(), Scenario::parse(SMALL).unwrap());
}

#[test]
fn the_same_scenario_gives_the_same_trace() {
    let run = || {
        let mut sim = Scenario::parse(SMALL).unwrap().build().unwrap();
        sim.run_until(500_000);
        sim.trace().hash()
    };
    assert_eq!(run(), run());
}

#[test]
fn a_scenario_names_its_protocol_and_workload_and_its_checker_reports() {
    let scenario = |protocol: &str| {
        format!(
            r#"{{
            "version": 1,
            "options": {{"seed": 3, "links": {{"latency": 10}}, "topology": "ring", "ttl": 8}},
            "nodes": {{"count": 8, "prefix": "n"}},
            "protocol": {protocol},
            "workload": {{"kind": "broadcast", "rate": 50, "duration": 200}}
        }}"#
        )
    };
    let run = |protocol: &str| {
        let mut sim = Scenario::parse(&scenario(protocol)).unwrap().build().unwrap();
        sim.run_until(1_000_000);
        sim.workload_report().broadcast.unwrap().summary
    };
    let (flood, none) = (run(r#""flood""#), run(r#""none""#));
    assert_eq!((flood.values, flood.missing, flood.messages_per_value), (10.0, 0.0, 9.0));
    assert_eq!(
        (none.messages_per_value, none.missing),
        (2.0, 50.0),
        "no relaying: only the 2 neighbours learn"
    );
    let gossip = run(r#"{"name": "gossip", "fanout": 1}"#);
    assert!(gossip.messages_per_value < flood.messages_per_value, "{gossip:?}");
    let err = Scenario::parse(&scenario(r#""push-pull""#)).unwrap().build().unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_UNKNOWN_NAME", "protocol.name"));
}

#[test]
fn bad_scenarios_name_the_part_at_fault() {
    let cases = [
        ("{", "ERR_INVALID_SCENARIO", "scenario"),
        (r#"{"version": 2, "nodes": []}"#, "ERR_INVALID_SCENARIO", "version"),
        (r#"{"nodes": []}"#, "ERR_INVALID_SCENARIO", "version"),
        (r#"{"version": 1, "nodes": [], "extra": 1}"#, "ERR_INVALID_TYPE", "extra"),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "options": {"links": {"loss": 7}}}"#,
            "ERR_OUT_OF_RANGE",
            "links.loss",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "edges": [["node-0", "x"]]}"#,
            "ERR_UNKNOWN_NODE",
            "edges[0]",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "byzantine": {"node-1": "evil"}}"#,
            "ERR_UNKNOWN_NAME",
            "byzantine.node-1.kind",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": -1, "heal": true}]}"#,
            "ERR_OUT_OF_RANGE",
            "events[0].at",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": 1}]}"#,
            "ERR_INVALID_SCENARIO",
            "events[0]",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": 1, "crash": "node-9"}]}"#,
            "ERR_UNKNOWN_NODE",
            "events[0].crash",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": 1, "heal": true, "oneWay": true}]}"#,
            "ERR_INVALID_SCENARIO",
            "events[0].oneWay",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": 1, "partition": [["node-0"], ["node-1"]], "oneWay": 1}]}"#,
            "ERR_INVALID_TYPE",
            "events[0].oneWay",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": 1, "pause": "node-9"}]}"#,
            "ERR_UNKNOWN_NODE",
            "events[0].pause",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": 1, "resume": 3}]}"#,
            "ERR_INVALID_TYPE",
            "events[0].resume",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "events": [{"at": 1, "pause": "node-0", "resume": "node-0"}]}"#,
            "ERR_INVALID_SCENARIO",
            "events[0]",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "protocol": "flood", "options": {"fanout": 2}}"#,
            "ERR_INVALID_SCENARIO",
            "options.fanout",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "protocol": {"name": "none", "ttl": 3}}"#,
            "ERR_INVALID_SCENARIO",
            "protocol.ttl",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "protocol": {"name": "gossip", "fanout": 0}}"#,
            "ERR_OUT_OF_RANGE",
            "protocol.fanout",
        ),
        (r#"{"version": 1, "nodes": {"count": 2}, "protocol": 7}"#, "ERR_INVALID_TYPE", "protocol"),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "workload": {"kind": "broadcast", "rate": 10}}"#,
            "ERR_INVALID_TYPE",
            "workload.duration",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "workload": {"kind": "broadcast", "rate": 10, "duration": 1000, "from": ["x"]}}"#,
            "ERR_UNKNOWN_NODE",
            "workload.from[0]",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "workload": {"kind": "sync"}}"#,
            "ERR_NOT_APPLICABLE",
            "workload.kind",
        ),
        (
            r#"{"version": 1, "nodes": {"count": 2}, "workload": {"kind": "sync", "every": 1}}"#,
            "ERR_INVALID_TYPE",
            "workload.every",
        ),
        (r#"{"version": 1, "nodes": [{"nodeId": "a"}, {"nodeId": "a"}]}"#, "ERR_DUPLICATE_NODE_ID", "nodeId"),
    ];
    for (json, code, field) in cases {
        let err = Scenario::parse(json).and_then(|s| s.build().map(drop)).unwrap_err();
        assert_eq!((err.code(), err.field()), (code, field), "{json}: {err}");
    }
}
