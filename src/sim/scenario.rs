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
mod tests;
