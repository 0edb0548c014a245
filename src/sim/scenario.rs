//! Scenarios: a whole simulation (options, nodes, links, faults, byzantine nodes, scripted
//! events) as one JSON document, loaded with `MeshNetwork.fromScenario(json)`.
//!
//! The format (version 1) is documented in docs/scenarios.md; [`Scenario::build`] checks every part
//! before it creates anything, so a bad scenario leaves nothing half-applied.

use serde_json::Value;

use crate::error::MeshError;
use crate::network::Slot;
use crate::node::NodeConfig;
use crate::shape::{read_shape, Entries, Field, Shape};
use crate::sim::builtin_protocol::ProtocolChoice;
use crate::sim::byzantine::ByzantineOptions;
use crate::sim::defaults::{NODE_INTERVAL, NODE_PREFIX, NODE_SEED};
use crate::sim::engine::{ScriptAction, Simulation};
use crate::sim::link::to_micros;
use crate::sim::options::{LinkOptions, NetworkOptions};
use crate::sim::workload::WorkloadOptions;
use crate::validate::{duration_ms, safe_integer};

/// The most nodes a scenario may create (node slots are 32-bit).
pub const MAX_SCENARIO_NODES: u64 = 10_000_000;

/// The only scenario format version so far.
pub const SCENARIO_VERSION: u32 = 1;

/// A scenario document.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Format version: 1.
    pub version: u32,
    /// A short name.
    pub name: Option<String>,
    /// What the scenario shows.
    pub description: Option<String>,
    /// Network options, as `new MeshNetwork(options)` takes them.
    pub options: Option<NetworkOptions>,
    /// The nodes: a count with a common configuration, or a list.
    pub nodes: Nodes,
    /// Exact links, replacing the topology: pairs of node ids.
    pub edges: Option<Vec<(String, String)>>,
    /// Link overrides for pairs of nodes.
    pub links: Option<Vec<LinkOverride>>,
    /// Byzantine behaviour by node id.
    pub byzantine: Option<Entries<ByzantineOptions>>,
    /// Clock drift rate by node id.
    pub drift: Option<Entries<f64>>,
    /// Actions at set times.
    pub events: Option<Vec<ScenarioEvent>>,
    /// How long the scenario is meant to run, in ms (for players; the network does not stop).
    pub duration: Option<f64>,
    /// The built-in relaying every node runs, by name (it sets `fanout` and `ttl`).
    pub protocol: Option<ProtocolChoice>,
    /// A workload, started before anything else happens (its checker sees the scenario's drift
    /// and byzantine nodes from time 0).
    pub workload: Option<WorkloadOptions>,
}

/// Checks the version before anything else: a document of another version (or not a scenario
/// at all) is an `ERR_INVALID_SCENARIO` naming `version`.
impl Shape for Scenario {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        // As a float: a document from JavaScript holds every number as one.
        let version = field.value().and_then(|value| value.get("version")).and_then(Value::as_f64);
        if version != Some(f64::from(SCENARIO_VERSION)) {
            return Err(MeshError::InvalidScenario {
                field: "version".into(),
                problem: format!("must be {SCENARIO_VERSION} (the only scenario format version)"),
            });
        }
        let mut o = field.object()?;
        o.get("version");
        let scenario = Self {
            version: SCENARIO_VERSION,
            name: o.read("name"),
            description: o.read("description"),
            options: o.read("options"),
            nodes: o.read("nodes"),
            edges: o.read("edges"),
            links: o.read("links"),
            byzantine: o.read("byzantine"),
            drift: o.read("drift"),
            events: o.read("events"),
            duration: o.read("duration"),
            protocol: o.read("protocol"),
            workload: o.read("workload"),
        };
        o.end(scenario)
    }
}

/// The nodes of a scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Nodes {
    /// `count` nodes named `prefix0, prefix1, ...`, sharing seed and interval (left out:
    /// [`NODE_PREFIX`], [`NODE_SEED`], [`NODE_INTERVAL`]).
    Count {
        /// How many.
        count: f64,
        /// Id prefix.
        prefix: Option<String>,
        /// Shared seed.
        seed: Option<f64>,
        /// Shared interval.
        phase_reset_interval: Option<f64>,
    },
    /// Each node's configuration.
    List(Vec<NodeEntry>),
}

impl Default for Nodes {
    /// No nodes.
    fn default() -> Self {
        Nodes::List(Vec::new())
    }
}

impl Shape for Nodes {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        field.as_one(|field| match field.value() {
            Some(Value::Object(_)) => {
                let mut o = field.object()?;
                let nodes = Self::Count {
                    count: o.read("count"),
                    prefix: o.read(NODE_PREFIX.name),
                    seed: o.read(NODE_SEED.name),
                    phase_reset_interval: o.read(NODE_INTERVAL.name),
                };
                o.end(nodes)
            }
            Some(Value::Array(_)) => field.read().map(Self::List),
            _ => Err(field.wrong("{ count, ... } or an array of nodes")),
        })
    }
}

/// One node of a listed scenario (seed and interval left out: [`NODE_SEED`], [`NODE_INTERVAL`]).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeEntry {
    /// The node's id.
    pub node_id: String,
    /// Its seed.
    pub seed: Option<f64>,
    /// Its interval.
    pub phase_reset_interval: Option<f64>,
}

impl Shape for NodeEntry {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let node = Self {
            node_id: o.read("nodeId"),
            seed: o.read(NODE_SEED.name),
            phase_reset_interval: o.read(NODE_INTERVAL.name),
        };
        o.end(node)
    }
}

/// The behaviour of the link between two nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkOverride {
    /// The two nodes.
    pub between: (String, String),
    /// What the link does (as in the `links` option), beside `between` in the same object.
    pub link: LinkOptions,
}

impl Shape for LinkOverride {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let link = Self { between: o.read("between"), link: LinkOptions::read_from(&mut o) };
        o.end(link)
    }
}

/// An action at a time; exactly one action field is set.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioEvent {
    /// When, in ms of virtual time.
    pub at: f64,
    /// A node that broadcasts `data`.
    pub broadcast: Option<String>,
    /// The payload bytes of a broadcast: its `data` (any JSON, which the network hands to
    /// handlers as parsed) as `JSON.stringify` writes it. A `null` is a payload (the bytes
    /// `null`), unlike a missing one.
    pub data: Option<Vec<u8>>,
    /// Two groups to cut apart.
    pub partition: Option<(Vec<String>, Vec<String>)>,
    /// `true` cuts only the partition's first group off from its second (beside `partition`).
    pub one_way: Option<bool>,
    /// `true` ends the partition.
    pub heal: Option<bool>,
    /// A node to crash.
    pub crash: Option<String>,
    /// A node to restart.
    pub restart: Option<String>,
    /// A node to pause.
    pub pause: Option<String>,
    /// A paused node to resume.
    pub resume: Option<String>,
    /// Two nodes to link.
    pub connect: Option<(String, String)>,
    /// Two nodes to unlink.
    pub disconnect: Option<(String, String)>,
    /// A node and its new behaviour (`null`: honest).
    pub byzantine: Option<(String, Option<ByzantineOptions>)>,
    /// A node and the step to set.
    pub sync: Option<(String, f64)>,
}

impl Shape for ScenarioEvent {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let event = Self {
            at: o.read("at"),
            broadcast: o.read("broadcast"),
            data: o.get("data").value().map(crate::payload::json_payload),
            partition: o.read("partition"),
            one_way: o.read("oneWay"),
            heal: o.read("heal"),
            crash: o.read("crash"),
            restart: o.read("restart"),
            pause: o.read("pause"),
            resume: o.read("resume"),
            connect: o.read("connect"),
            disconnect: o.read("disconnect"),
            byzantine: o.read("byzantine"),
            sync: o.read("sync"),
        };
        o.end(event)
    }
}

/// The error for scenario text that is not JSON, with the parser's `problem`.
pub fn not_json(problem: &str) -> MeshError {
    MeshError::InvalidScenario { field: "scenario".into(), problem: format!("not valid JSON: {problem}") }
}

impl Scenario {
    /// Parses a scenario from JSON text; a bad document is an `ERR_INVALID_SCENARIO` (bad JSON,
    /// unknown version) or the error of the field at fault.
    pub fn parse(json: &str) -> Result<Self, MeshError> {
        let value: Value = serde_json::from_str(json).map_err(|err| not_json(&err.to_string()))?;
        read_shape(&value, "")
    }

    /// A simulation set up as the scenario says, its events scheduled.
    pub fn build(&self) -> Result<Simulation, MeshError> {
        let mut options = self.options.clone().unwrap_or_default();
        if let Some(protocol) = &self.protocol {
            protocol.apply(&mut options)?;
        }
        let mut sim = Simulation::new(options.to_config()?)?;
        for node in self.node_configs()? {
            sim.create_node(&node)?;
        }
        if let Some(workload) = &self.workload {
            sim.start_workload(workload)?;
        }
        let slot = |sim: &Simulation, field: String, id: &str| {
            sim.network().find(id).ok_or_else(|| MeshError::UnknownNode { field, node_id: id.to_owned() })
        };
        if let Some(edges) = &self.edges {
            let mut pairs = Vec::with_capacity(edges.len());
            for (i, (a, b)) in edges.iter().enumerate() {
                pairs.push((slot(&sim, format!("edges[{i}]"), a)?, slot(&sim, format!("edges[{i}]"), b)?));
            }
            sim.set_edges(&pairs)?;
        }
        for (i, link) in self.links.iter().flatten().enumerate() {
            let field = format!("links[{i}]");
            let (a, b) =
                (slot(&sim, field.clone(), &link.between.0)?, slot(&sim, field.clone(), &link.between.1)?);
            sim.set_link(a, b, link.link.to_spec(&field)?)?;
        }
        for (id, behaviour) in self.byzantine.iter().flat_map(|b| &b.0) {
            let field = format!("byzantine.{id}");
            let node = slot(&sim, field.clone(), id)?;
            sim.set_byzantine(node, Some(behaviour.to_byzantine(&field)?))?;
        }
        for (id, rate) in self.drift.iter().flat_map(|d| &d.0) {
            let node = slot(&sim, format!("drift.{id}"), id)?;
            sim.set_drift(node, *rate)?;
        }
        for (i, event) in self.events.iter().flatten().enumerate() {
            let field = format!("events[{i}]");
            let at = to_micros(duration_ms(&format!("{field}.at"), event.at)?);
            let action = event.action(&sim, &field, i as u32, &slot)?;
            sim.schedule(at, action);
        }
        Ok(sim)
    }

    fn node_configs(&self) -> Result<Vec<NodeConfig>, MeshError> {
        match &self.nodes {
            Nodes::Count { count, prefix, seed, phase_reset_interval } => {
                let count = safe_integer("nodes.count", *count)?;
                if count > MAX_SCENARIO_NODES {
                    return Err(MeshError::TooLarge {
                        field: "nodes.count",
                        value: crate::error::JsNumber(count as f64),
                    });
                }
                let prefix = prefix.as_deref().unwrap_or(NODE_PREFIX.default);
                (0..count)
                    .map(|i| {
                        NodeConfig::new(
                            &format!("{prefix}{i}"),
                            seed.unwrap_or(NODE_SEED.default),
                            phase_reset_interval.unwrap_or(NODE_INTERVAL.default),
                        )
                    })
                    .collect()
            }
            Nodes::List(nodes) => nodes
                .iter()
                .map(|n| {
                    NodeConfig::new(
                        &n.node_id,
                        n.seed.unwrap_or(NODE_SEED.default),
                        n.phase_reset_interval.unwrap_or(NODE_INTERVAL.default),
                    )
                })
                .collect(),
        }
    }
}

/// Finds the live node with an id, naming `field` when there is none.
type SlotOf = dyn Fn(&Simulation, String, &str) -> Result<Slot, MeshError>;

impl ScenarioEvent {
    /// The one action this event holds.
    fn action(
        &self,
        sim: &Simulation,
        field: &str,
        index: u32,
        slot: &SlotOf,
    ) -> Result<ScriptAction, MeshError> {
        let id = |name: &str, node: &str| slot(sim, format!("{field}.{name}"), node);
        let ids =
            |name: &str, nodes: &[String]| nodes.iter().map(|n| id(name, n)).collect::<Result<Vec<_>, _>>();
        let mut actions = Vec::new();
        if let Some(sender) = &self.broadcast {
            let bytes = self.data.clone().unwrap_or_default();
            let sender = id("broadcast", sender)?;
            actions.push(ScriptAction::Broadcast { sender, payload: index, bytes: bytes.into() });
        }
        if let Some((a, b)) = &self.partition {
            let (a, b) = (ids("partition", a)?, ids("partition", b)?);
            let one_way = self.one_way == Some(true);
            actions.push(if one_way {
                ScriptAction::PartitionOneWay(a, b)
            } else {
                ScriptAction::Partition(a, b)
            });
        } else if self.one_way.is_some() {
            return Err(MeshError::InvalidScenario {
                field: format!("{field}.oneWay"),
                problem: "oneWay goes beside partition, in the same event".into(),
            });
        }
        if self.heal == Some(true) {
            actions.push(ScriptAction::Heal);
        }
        if let Some(node) = &self.crash {
            actions.push(ScriptAction::Crash(id("crash", node)?));
        }
        if let Some(node) = &self.restart {
            actions.push(ScriptAction::Restart(id("restart", node)?));
        }
        if let Some(node) = &self.pause {
            actions.push(ScriptAction::Pause(id("pause", node)?));
        }
        if let Some(node) = &self.resume {
            actions.push(ScriptAction::Resume(id("resume", node)?));
        }
        if let Some((a, b)) = &self.connect {
            actions.push(ScriptAction::Connect(id("connect", a)?, id("connect", b)?));
        }
        if let Some((a, b)) = &self.disconnect {
            actions.push(ScriptAction::Disconnect(id("disconnect", a)?, id("disconnect", b)?));
        }
        if let Some((node, behaviour)) = &self.byzantine {
            let behaviour =
                behaviour.as_ref().map(|b| b.to_byzantine(&format!("{field}.byzantine"))).transpose()?;
            actions.push(ScriptAction::SetByzantine(id("byzantine", node)?, behaviour));
        }
        if let Some((node, step)) = &self.sync {
            actions.push(ScriptAction::Sync(id("sync", node)?, safe_integer("sync", *step)?));
        }
        match actions.len() {
            1 => Ok(actions.remove(0)),
            n => Err(MeshError::InvalidScenario {
                field: field.to_owned(),
                problem: format!(
                    "an event holds exactly one of broadcast, partition, heal, crash, restart, pause, resume, connect, disconnect, byzantine, sync (this one has {n})"
                ),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(
            (stats.partitioned, stats.delivered),
            (1, 2),
            "n0 -> n1 is cut, n1 -> n0 is not; n3 holds"
        );
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
            (
                r#"{"version": 1, "nodes": [{"nodeId": "a"}, {"nodeId": "a"}]}"#,
                "ERR_DUPLICATE_NODE_ID",
                "nodeId",
            ),
        ];
        for (json, code, field) in cases {
            let err = Scenario::parse(json).and_then(|s| s.build().map(drop)).unwrap_err();
            assert_eq!((err.code(), err.field()), (code, field), "{json}: {err}");
        }
    }
}
