//! `new MeshNetwork(options)`: the options object as JavaScript (and scenario files) spell it.
//!
//! Reading checks the shape (types and keys, see [`crate::shape`]); [`NetworkOptions::to_config`]
//! then fills in what was left out from the declared defaults ([`crate::sim::defaults`]) and
//! checks every rule, naming the field that breaks one.

use serde_json::Value;

use crate::auth::AuthMode;
use crate::error::MeshError;
use crate::shape::{Field, Fields, NameOr, Named, Shape};
use crate::sim::defaults::*;
use crate::sim::engine::SimConfig;
use crate::sim::latency::{Latency, LATENCY_KINDS};
use crate::sim::link::LinkSpec;
use crate::sim::topology::{Topology, TOPOLOGY_KINDS};
use crate::validate::{positive_integer, safe_integer};

/// The options of a network, as given (`None`: left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkOptions {
    /// RNG seed.
    pub seed: Option<f64>,
    /// Milliseconds per tick.
    pub tick_interval: Option<f64>,
    /// Whether each tick advances every running node's step.
    pub global_tick: Option<bool>,
    /// Default link behaviour.
    pub links: Option<LinkOptions>,
    /// Topology.
    pub topology: Option<TopologyOptions>,
    /// Maximum links a message travels.
    pub ttl: Option<f64>,
    /// Neighbours each relay sends to, 0 for all.
    pub fanout: Option<f64>,
    /// Whether a restarted node keeps its step.
    pub restart_keeps_step: Option<bool>,
    /// Whether to keep trace events for export.
    pub record_trace: Option<bool>,
    /// Whether nodes sync to valid messages ahead of them.
    pub auto_sync: Option<bool>,
    /// The largest step distance tolerated from the tick count, and followed by autoSync.
    pub max_step_skew: Option<f64>,
    /// Probability that each running node broadcasts on each tick.
    pub traffic: Option<f64>,
    /// Per-tick crash and restart probabilities.
    pub churn: Option<ChurnOptions>,
    /// `"none"`, `"hmac"` or `"ed25519"`.
    pub auth: Option<String>,
}

impl Shape for NetworkOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let options = Self {
            seed: o.read(SEED.name),
            tick_interval: o.read(TICK_INTERVAL.name),
            global_tick: o.read(GLOBAL_TICK.name),
            links: o.read(LINKS.name),
            topology: o.read(TOPOLOGY.name),
            ttl: o.read(TTL.name),
            fanout: o.read(FANOUT.name),
            restart_keeps_step: o.read(RESTART_KEEPS_STEP.name),
            record_trace: o.read(RECORD_TRACE.name),
            auto_sync: o.read(AUTO_SYNC.name),
            max_step_skew: o.read(MAX_STEP_SKEW.name),
            traffic: o.read(TRAFFIC.name),
            churn: o.read(CHURN.name),
            auth: o.read(AUTH.name),
        };
        o.end(options)
    }
}

/// Random crashes and restarts on each tick.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChurnOptions {
    /// Probability that a running node crashes on a tick.
    pub crash: Option<f64>,
    /// Probability that a crashed node restarts on a tick.
    pub restart: Option<f64>,
}

impl Shape for ChurnOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let churn = Self { crash: o.read(CRASH.name), restart: o.read(RESTART.name) };
        o.end(churn)
    }
}

/// The options of `partition(groupA, groupB, options)`, as given (`None`: left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartitionOptions {
    /// `true`: cut only what `groupA` sends to `groupB` (default: both ways).
    pub one_way: Option<bool>,
}

impl Shape for PartitionOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let options = Self { one_way: o.read("oneWay") };
        o.end(options)
    }
}

/// The options of `broadcast(data, options)` and `send(to, data, options)`, as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SendOptions {
    /// The message's size in bytes, instead of its payload's plus the header.
    pub size: Option<f64>,
}

impl Shape for SendOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let options = Self { size: o.read("size") };
        o.end(options)
    }
}

impl SendOptions {
    /// The size the sender set, checked (a whole number of bytes that fits 32 bits), if any.
    pub fn size(&self) -> Result<Option<u32>, MeshError> {
        self.size.map(|size| u32_setting("options.size", size, safe_integer)).transpose()
    }
}

/// A link's behaviour, as given (`None`: left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkOptions {
    /// Milliseconds, or a distribution.
    pub latency: Option<LatencyOptions>,
    /// Extra uniform delay in `0 ..= jitter` ms.
    pub jitter: Option<f64>,
    /// Loss probability.
    pub loss: Option<f64>,
    /// Duplication probability.
    pub duplicate: Option<f64>,
    /// Messages in flight per link before new ones drop (0: unlimited).
    pub queue_limit: Option<f64>,
    /// Bytes per second in each direction (0: unlimited).
    pub bandwidth: Option<f64>,
}

impl LinkOptions {
    /// Reads the link fields of an object that may hold other keys too (a scenario's link
    /// override); the caller ends the object.
    pub fn read_from(o: &mut Fields<'_>) -> Self {
        Self {
            latency: o.read(LATENCY.name),
            jitter: o.read(JITTER.name),
            loss: o.read(LOSS.name),
            duplicate: o.read(DUPLICATE.name),
            queue_limit: o.read(QUEUE_LIMIT.name),
            bandwidth: o.read(BANDWIDTH.name),
        }
    }
}

impl Shape for LinkOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let link = Self::read_from(&mut o);
        o.end(link)
    }
}

/// A latency: a fixed number of milliseconds, or a named distribution.
#[derive(Debug, Clone, PartialEq)]
pub enum LatencyOptions {
    /// Fixed milliseconds.
    Fixed(f64),
    /// `{ kind, ms | min, max | mean, std | mean }`.
    Distribution(DistributionOptions),
}

impl Shape for LatencyOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        match field.value() {
            Some(Value::Number(_)) => field.number().map(Self::Fixed),
            Some(Value::Object(_)) => field.as_one(|f| f.read().map(Self::Distribution)),
            _ => Err(field.wrong("a number of milliseconds or { kind, ... }")),
        }
    }
}

/// A named latency distribution and its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct DistributionOptions {
    /// `fixed`, `uniform`, `normal` or `exponential`.
    pub kind: String,
    /// Fixed latency.
    pub ms: Option<f64>,
    /// Uniform lower bound.
    pub min: Option<f64>,
    /// Uniform upper bound.
    pub max: Option<f64>,
    /// Normal or exponential mean.
    pub mean: Option<f64>,
    /// Normal standard deviation.
    pub std: Option<f64>,
}

impl Shape for DistributionOptions {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let distribution = Self {
            kind: o.read("kind"),
            ms: o.read("ms"),
            min: o.read("min"),
            max: o.read("max"),
            mean: o.read("mean"),
            std: o.read("std"),
        };
        o.end(distribution)
    }
}

/// A topology: a name, or `{ kind, ...parameters }`.
pub type TopologyOptions = NameOr<TopologySpec>;

/// A named topology and its parameters (left out: [`TOPOLOGY_PARAMETERS`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopologySpec {
    /// One of [`TOPOLOGY_KINDS`].
    pub kind: String,
    /// Grid width.
    pub columns: Option<f64>,
    /// Erdős–Rényi link probability.
    pub p: Option<f64>,
    /// Links per node (random-regular, small-world).
    pub degree: Option<f64>,
    /// Small-world rewiring probability.
    pub beta: Option<f64>,
    /// Scale-free links per new node.
    pub m: Option<f64>,
}

impl Shape for TopologySpec {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let spec = Self {
            kind: o.read("kind"),
            columns: o.read(COLUMNS.name),
            p: o.read(P.name),
            degree: o.read(DEGREE.name),
            beta: o.read(BETA.name),
            m: o.read(M.name),
        };
        o.end(spec)
    }
}

impl Named for TopologySpec {
    const EXPECTED: &'static str = "a topology name or { kind, ... }";

    fn named(kind: &str) -> Self {
        Self { kind: kind.to_owned(), ..Self::default() }
    }
}

impl NetworkOptions {
    /// The engine settings these options ask for, the options left out at their defaults,
    /// every rule checked.
    pub fn to_config(&self) -> Result<SimConfig, MeshError> {
        let churn = self.churn.clone().unwrap_or_default();
        let config = SimConfig {
            seed: safe_integer(SEED.name, self.seed.unwrap_or(SEED.default))?,
            tick_ms: self.tick_interval.unwrap_or(TICK_INTERVAL.default),
            global_tick: self.global_tick.unwrap_or(GLOBAL_TICK.default),
            link: self.links.clone().unwrap_or_default().to_spec(LINKS.name)?,
            topology: match &self.topology {
                Some(topology) => topology.to_topology()?,
                None => TopologyOptions::Name(TOPOLOGY.default.to_owned()).to_topology()?,
            },
            ttl: u32_setting(TTL.name, self.ttl.unwrap_or(TTL.default), positive_integer)?,
            fanout: u32_setting(FANOUT.name, self.fanout.unwrap_or(FANOUT.default), safe_integer)?,
            restart_keeps_step: self.restart_keeps_step.unwrap_or(RESTART_KEEPS_STEP.default),
            record_trace: self.record_trace.unwrap_or(RECORD_TRACE.default),
            auto_sync: self.auto_sync.unwrap_or(AUTO_SYNC.default),
            max_step_skew: safe_integer(
                MAX_STEP_SKEW.name,
                self.max_step_skew.unwrap_or(MAX_STEP_SKEW.default),
            )?,
            auth: AuthMode::from_name(AUTH.name, self.auth.as_deref().unwrap_or(AUTH.default))?,
            traffic: self.traffic.unwrap_or(TRAFFIC.default),
            churn: (churn.crash.unwrap_or(CRASH.default), churn.restart.unwrap_or(RESTART.default)),
        };
        config.validate()?;
        Ok(config)
    }
}

/// An integer setting that must also fit in 32 bits.
fn u32_setting(
    field: &'static str,
    value: f64,
    rule: fn(&'static str, f64) -> Result<u64, MeshError>,
) -> Result<u32, MeshError> {
    let number = rule(field, value)?;
    u32::try_from(number).map_err(|_| MeshError::OutOfRange {
        field: field.to_owned(),
        rule: "at most 4294967295",
        value: crate::error::JsNumber(value),
    })
}

impl LinkOptions {
    /// The link behaviour, checked; `field` names it in errors (`links`, `link`). Fields left
    /// out are instant.
    pub fn to_spec(&self, field: &str) -> Result<LinkSpec, MeshError> {
        self.to_spec_over(LinkSpec::default(), field)
    }

    /// The link behaviour with the fields left out taken from `base`, checked.
    pub fn to_spec_over(&self, base: LinkSpec, field: &str) -> Result<LinkSpec, MeshError> {
        let latency = match &self.latency {
            None => base.latency,
            Some(LatencyOptions::Fixed(ms)) => {
                Latency::from_parts(&format!("{field}.latency"), "fixed", *ms, 0.0)?
            }
            Some(LatencyOptions::Distribution(d)) => {
                // Each kind's two parameters by name (the second unused by one-parameter kinds).
                let ((a_name, a), (b_name, b)) = match d.kind.as_str() {
                    "fixed" => (("ms", d.ms), ("", Some(0.0))),
                    "uniform" => (("min", d.min), ("max", d.max)),
                    "normal" => (("mean", d.mean), ("std", d.std)),
                    "exponential" => (("mean", d.mean), ("", Some(0.0))),
                    other => {
                        return Err(MeshError::UnknownName {
                            field: format!("{field}.latency.kind"),
                            allowed: LATENCY_KINDS,
                            got: other.to_owned(),
                        })
                    }
                };
                let missing = |name: &str| MeshError::BadShape {
                    field: format!("{field}.latency.{name}"),
                    problem: format!("a \"{}\" latency needs this number", d.kind),
                };
                let a = a.ok_or_else(|| missing(a_name))?;
                let b = b.ok_or_else(|| missing(b_name))?;
                Latency::from_parts(&format!("{field}.latency"), &d.kind, a, b)?
            }
        };
        let queue_limit = match self.queue_limit {
            None => base.queue_limit,
            Some(v) if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) => v as u32,
            Some(v) => {
                return Err(MeshError::OutOfRange {
                    field: format!("{field}.queueLimit"),
                    rule: "an integer in [0, 4294967295]",
                    value: crate::error::JsNumber(v),
                })
            }
        };
        let spec = LinkSpec {
            latency,
            jitter: self.jitter.unwrap_or(base.jitter),
            loss: self.loss.unwrap_or(base.loss),
            duplicate: self.duplicate.unwrap_or(base.duplicate),
            queue_limit,
            bandwidth: self.bandwidth.unwrap_or(base.bandwidth),
        };
        spec.validate(field)?;
        Ok(spec)
    }
}

impl TopologyOptions {
    /// The topology, checked; parameters left out take their defaults ([`TOPOLOGY_PARAMETERS`]).
    pub fn to_topology(&self) -> Result<Topology, MeshError> {
        let spec = self.spec();
        let count = |name: &'static str, value: Option<f64>, default: f64| {
            u32_setting(name, value.unwrap_or(default), safe_integer)
        };
        let topology = match spec.kind.as_str() {
            "full" => Topology::Full,
            "ring" => Topology::Ring,
            "grid" => Topology::Grid { columns: count("topology.columns", spec.columns, COLUMNS.default)? },
            "random" => Topology::Random { p: spec.p.unwrap_or(P.default) },
            "random-regular" => {
                Topology::RandomRegular { degree: count("topology.degree", spec.degree, DEGREE.default)? }
            }
            "small-world" => Topology::SmallWorld {
                degree: count("topology.degree", spec.degree, DEGREE.default)?,
                beta: spec.beta.unwrap_or(BETA.default),
            },
            "scale-free" => Topology::ScaleFree { m: count("topology.m", spec.m, M.default)? },
            "edges" => Topology::Edges,
            other => {
                return Err(MeshError::UnknownName {
                    field: "topology.kind".to_owned(),
                    allowed: TOPOLOGY_KINDS,
                    got: other.to_owned(),
                })
            }
        };
        topology.validate("topology")?;
        Ok(topology)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<SimConfig, MeshError> {
        crate::shape::read_shape::<NetworkOptions>(&serde_json::from_str(json).unwrap(), "")?.to_config()
    }

    #[test]
    fn no_options_give_the_defaults() {
        assert_eq!(parse("{}").unwrap(), SimConfig::default());
    }

    #[test]
    fn every_option_is_read() {
        let config = parse(
            r#"{"seed": 42, "tickInterval": 10, "globalTick": true, "ttl": 5, "fanout": 3,
                "restartKeepsStep": false, "recordTrace": true, "autoSync": true, "maxStepSkew": 5,
                "links": {"latency": {"kind": "normal", "mean": 20, "std": 5}, "jitter": 2,
                          "loss": 0.1, "duplicate": 0.01, "queueLimit": 8, "bandwidth": 1e6},
                "topology": {"kind": "small-world", "degree": 6, "beta": 0.2}}"#,
        )
        .unwrap();
        assert_eq!(
            (config.seed, config.tick_ms, config.global_tick, config.ttl, config.fanout),
            (42, 10.0, true, 5, 3)
        );
        assert!(!config.restart_keeps_step && config.record_trace && config.auto_sync);
        assert_eq!(config.max_step_skew, 5);
        assert_eq!(config.link.latency, Latency::Normal { mean: 20.0, std: 5.0 });
        assert_eq!((config.link.jitter, config.link.loss, config.link.queue_limit), (2.0, 0.1, 8));
        assert_eq!(config.link.bandwidth, 1e6);
        assert_eq!(config.topology, Topology::SmallWorld { degree: 6, beta: 0.2 });
        assert_eq!(
            parse(r#"{"links": {"latency": 15}, "topology": "ring"}"#).unwrap().link.latency,
            Latency::Fixed { ms: 15.0 }
        );
    }

    #[test]
    fn bad_options_name_their_field() {
        let cases = [
            (r#"{"topolgy": "ring"}"#, "ERR_INVALID_TYPE", "topolgy"),
            (r#"{"seed": "7"}"#, "ERR_INVALID_TYPE", "seed"),
            (r#"{"seed": -1}"#, "ERR_NEGATIVE", "seed"),
            (r#"{"links": {"loss": 1.5}}"#, "ERR_OUT_OF_RANGE", "links.loss"),
            (r#"{"links": {"latency": -5}}"#, "ERR_OUT_OF_RANGE", "links.latency.ms"),
            (
                r#"{"links": {"latency": {"kind": "gamma", "mean": 1}}}"#,
                "ERR_UNKNOWN_NAME",
                "links.latency.kind",
            ),
            (
                r#"{"links": {"latency": {"kind": "uniform", "min": 1}}}"#,
                "ERR_INVALID_TYPE",
                "links.latency.max",
            ),
            (r#"{"topology": "hypercube"}"#, "ERR_UNKNOWN_NAME", "topology.kind"),
            (r#"{"topology": {"kind": "random", "p": 2}}"#, "ERR_OUT_OF_RANGE", "topology.p"),
            (r#"{"ttl": 0}"#, "ERR_NOT_POSITIVE", "ttl"),
            (r#"{"tickInterval": 0}"#, "ERR_OUT_OF_RANGE", "tickInterval"),
            (r#"{"fanout": 1e10}"#, "ERR_OUT_OF_RANGE", "fanout"),
            (
                r#"{"links": {"latency": {"kind": "fixed", "ms": 1, "extra": 2}}}"#,
                "ERR_INVALID_TYPE",
                "links.latency",
            ),
            (r#"{"traffic": 2}"#, "ERR_OUT_OF_RANGE", "traffic"),
            (r#"{"links": {"latency": {"kind": "gamma"}}}"#, "ERR_UNKNOWN_NAME", "links.latency.kind"),
            (r#"{"links": {"queueLimit": 1.5}}"#, "ERR_OUT_OF_RANGE", "links.queueLimit"),
            (r#"{"links": {"latency": 1e300}}"#, "ERR_OUT_OF_RANGE", "links.latency.ms"),
            (r#"{"churn": {"crash": 0.1, "restart": -1}}"#, "ERR_OUT_OF_RANGE", "churn.restart"),
            (r#"{"links": {"bandwidth": -1}}"#, "ERR_OUT_OF_RANGE", "links.bandwidth"),
            (r#"{"links": {"bandwidth": "fast"}}"#, "ERR_INVALID_TYPE", "links.bandwidth"),
        ];
        for (json, code, field) in cases {
            let err = parse(json).unwrap_err();
            assert_eq!((err.code(), err.field()), (code, field), "{json}: {err}");
        }
    }

    #[test]
    fn send_options_read_a_size_that_fits_32_bits() {
        let size = |json: &str| {
            let options: Option<SendOptions> =
                crate::shape::read_shape(&serde_json::from_str(json).unwrap(), "options")?;
            options.unwrap_or_default().size()
        };
        assert_eq!(size("null"), Ok(None));
        assert_eq!(size(r#"{"size": 1500}"#), Ok(Some(1500)));
        assert_eq!(size(r#"{"size": 0}"#), Ok(Some(0)));
        for (json, code, field) in [
            (r#"{"size": -1}"#, "ERR_NEGATIVE", "options.size"),
            (r#"{"size": 1.5}"#, "ERR_NOT_INTEGER", "options.size"),
            (r#"{"size": 4294967296}"#, "ERR_OUT_OF_RANGE", "options.size"),
            (r#"{"size": "big"}"#, "ERR_INVALID_TYPE", "options.size"),
            (r#"{"bytes": 1}"#, "ERR_INVALID_TYPE", "options.bytes"),
            ("[]", "ERR_INVALID_TYPE", "options"),
        ] {
            let err = size(json).unwrap_err();
            assert_eq!((err.code(), err.field()), (code, field), "{json}: {err}");
        }
    }

    #[test]
    fn partition_options_read_one_way_and_nothing_else() {
        let read = |json: &str| {
            crate::shape::read_shape::<Option<PartitionOptions>>(
                &serde_json::from_str(json).unwrap(),
                "options",
            )
        };
        assert_eq!(read("null").unwrap(), None);
        assert_eq!(read(r#"{"oneWay": true}"#).unwrap().unwrap().one_way, Some(true));
        assert_eq!(read("{}").unwrap(), Some(PartitionOptions::default()));
        for (json, field) in [
            (r#"{"oneWay": 1}"#, "options.oneWay"),
            (r#"{"oneway": true}"#, "options.oneway"),
            ("7", "options"),
        ] {
            let err = read(json).unwrap_err();
            assert_eq!((err.code(), err.field()), ("ERR_INVALID_TYPE", field), "{json}: {err}");
        }
    }
}
