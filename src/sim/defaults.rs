//! The settings a caller may leave out, each declared once with its default: the option readers
//! fall back to these (so `SimConfig::default()` is the options read from nothing), and
//! `gen-boundary` writes them into `src/js/generated/defaults.ts` (`NETWORK_OPTION_DEFAULTS` and
//! the others), to which the facade's types and the docs refer.

/// A setting a caller may leave out: its name as JavaScript spells it, its value when left out
/// (as JavaScript writes it) and what it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setting<T> {
    /// The key.
    pub name: &'static str,
    /// The value when the key is left out.
    pub default: T,
    /// What it holds (the generated constant's doc).
    pub doc: &'static str,
}

/// A setting of any type, as a table lists it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    /// A number.
    Number(Setting<f64>),
    /// A boolean.
    Flag(Setting<bool>),
    /// A string.
    Text(Setting<&'static str>),
    /// An object whose keys are settings in turn (its default: theirs).
    Group(Setting<&'static [Entry]>),
}

impl Entry {
    /// The setting's key.
    pub fn name(&self) -> &'static str {
        match self {
            Entry::Number(s) => s.name,
            Entry::Flag(s) => s.name,
            Entry::Text(s) => s.name,
            Entry::Group(s) => s.name,
        }
    }

    /// What the setting holds.
    pub fn doc(&self) -> &'static str {
        match self {
            Entry::Number(s) => s.doc,
            Entry::Flag(s) => s.doc,
            Entry::Text(s) => s.doc,
            Entry::Group(s) => s.doc,
        }
    }
}

/// Declares each setting as a constant.
macro_rules! settings {
    ($( $(#[doc = $doc:literal])* $constant:ident: $ty:ty = $name:literal, $default:expr; )*) => {
        $(
            $(#[doc = $doc])*
            pub const $constant: Setting<$ty> =
                Setting { name: $name, default: $default, doc: concat!($($doc),*) };
        )*
    };
}

settings! {
    /// Seed of the one RNG behind every random choice.
    SEED: f64 = "seed", 0.0;
    /// Milliseconds per tick (`run(ticks)` and the global tick).
    TICK_INTERVAL: f64 = "tickInterval", 100.0;
    /// Whether each tick adds 1 to every running node's step.
    GLOBAL_TICK: bool = "globalTick", false;
    /// The behaviour of every link without a `setLink` override: instant.
    LINKS: &'static [Entry] = "links", LINK_OPTIONS;
    /// Who is linked to whom.
    TOPOLOGY: &'static str = "topology", "full";
    /// How many links a message may travel.
    TTL: f64 = "ttl", 1.0;
    /// Neighbours a node relays to: 0 for all (flooding).
    FANOUT: f64 = "fanout", 0.0;
    /// Whether a restarted node keeps its step.
    RESTART_KEEPS_STEP: bool = "restartKeepsStep", true;
    /// Whether to keep every trace event for `exportTrace()`.
    RECORD_TRACE: bool = "recordTrace", false;
    /// Whether a node syncs to a valid message from a step ahead.
    AUTO_SYNC: bool = "autoSync", false;
    /// The largest step distance from the tick count that watchers accept and `autoSync` follows.
    MAX_STEP_SKEW: f64 = "maxStepSkew", 10.0;
    /// Probability that each running node broadcasts on each tick.
    TRAFFIC: f64 = "traffic", 0.0;
    /// Per-tick crash and restart probabilities: none.
    CHURN: &'static [Entry] = "churn", CHURN_OPTIONS;
    /// Authentication besides the pattern.
    AUTH: &'static str = "auth", "none";

    /// Milliseconds on the link (a fixed latency).
    LATENCY: f64 = "latency", 0.0;
    /// Extra delay drawn uniformly from 0 to `jitter` ms.
    JITTER: f64 = "jitter", 0.0;
    /// Probability that a message is lost.
    LOSS: f64 = "loss", 0.0;
    /// Probability that a message arrives twice.
    DUPLICATE: f64 = "duplicate", 0.0;
    /// Messages a link holds in flight before it drops new ones; 0 is unlimited.
    QUEUE_LIMIT: f64 = "queueLimit", 0.0;
    /// Bytes per second a link puts on the wire in each direction; 0 is unlimited.
    BANDWIDTH: f64 = "bandwidth", 0.0;

    /// Probability that a running node crashes on a tick.
    CRASH: f64 = "crash", 0.0;
    /// Probability that a crashed node restarts on a tick.
    RESTART: f64 = "restart", 0.0;

    /// Grid width; 0 for the ceiling of the square root of the node count.
    COLUMNS: f64 = "columns", 0.0;
    /// Erdős–Rényi link probability.
    P: f64 = "p", 0.1;
    /// Links per node (random-regular, small-world).
    DEGREE: f64 = "degree", 4.0;
    /// Small-world rewiring probability.
    BETA: f64 = "beta", 0.1;
    /// Scale-free links per new node.
    M: f64 = "m", 2.0;

    /// How far ahead a `step-skew` node lies about its step.
    SKEW: f64 = "skew", 1000.0;

    /// The id prefix of a scenario's counted nodes (ids `node-0`, `node-1`, ...).
    NODE_PREFIX: &'static str = "prefix", "node-";
    /// A scenario node's seed.
    NODE_SEED: f64 = "seed", 7.0;
    /// A scenario node's phase reset interval.
    NODE_INTERVAL: f64 = "phaseResetInterval", 100.0;
}

/// The options of `new MeshNetwork(options)`, in the order the docs list them.
pub const NETWORK_OPTIONS: &[Entry] = &[
    Entry::Number(SEED),
    Entry::Number(TICK_INTERVAL),
    Entry::Flag(GLOBAL_TICK),
    Entry::Group(LINKS),
    Entry::Text(TOPOLOGY),
    Entry::Number(TTL),
    Entry::Number(FANOUT),
    Entry::Flag(RESTART_KEEPS_STEP),
    Entry::Flag(RECORD_TRACE),
    Entry::Flag(AUTO_SYNC),
    Entry::Number(MAX_STEP_SKEW),
    Entry::Number(TRAFFIC),
    Entry::Group(CHURN),
    Entry::Text(AUTH),
];

/// A link's behaviour (the `links` option, `setLinks`, `setLink`, a scenario's link overrides).
pub const LINK_OPTIONS: &[Entry] = &[
    Entry::Number(LATENCY),
    Entry::Number(JITTER),
    Entry::Number(LOSS),
    Entry::Number(DUPLICATE),
    Entry::Number(QUEUE_LIMIT),
    Entry::Number(BANDWIDTH),
];

/// The `churn` option.
pub const CHURN_OPTIONS: &[Entry] = &[Entry::Number(CRASH), Entry::Number(RESTART)];

/// The parameters of a topology (each used by the kinds named in its doc).
pub const TOPOLOGY_PARAMETERS: &[Entry] =
    &[Entry::Number(COLUMNS), Entry::Number(P), Entry::Number(DEGREE), Entry::Number(BETA), Entry::Number(M)];

/// The parameters of a byzantine behaviour that have a default.
pub const BYZANTINE_PARAMETERS: &[Entry] = &[Entry::Number(SKEW)];

/// A scenario's nodes: `{ count, prefix?, seed?, phaseResetInterval? }` or a list of
/// `{ nodeId, seed?, phaseResetInterval? }`.
pub const SCENARIO_NODE_SETTINGS: &[Entry] =
    &[Entry::Text(NODE_PREFIX), Entry::Number(NODE_SEED), Entry::Number(NODE_INTERVAL)];

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::{json, Map, Value};

    use super::*;
    use crate::shape::{read_shape, Shape};
    use crate::sim::byzantine::ByzantineOptions;
    use crate::sim::engine::SimConfig;
    use crate::sim::link::LinkSpec;
    use crate::sim::options::{ChurnOptions, LinkOptions, NetworkOptions, TopologyOptions};
    use crate::sim::scenario::Nodes;

    /// The defaults of `entries` as JavaScript passes them: what the generated constants hold.
    pub(crate) fn object(entries: &[Entry]) -> Value {
        let mut map = Map::new();
        for entry in entries {
            let value = match entry {
                Entry::Number(setting) => Value::from(setting.default),
                Entry::Flag(setting) => Value::from(setting.default),
                Entry::Text(setting) => Value::from(setting.default),
                Entry::Group(setting) => object(setting.default),
            };
            map.insert(entry.name().to_owned(), value);
        }
        Value::Object(map)
    }

    /// The keys of `entries`, as an unknown-key error lists them.
    fn names(entries: &[Entry]) -> String {
        entries.iter().map(Entry::name).collect::<Vec<_>>().join(", ")
    }

    /// The keys the reader of `T` knows, from the error it gives for an unknown one in `value`.
    fn known_keys<T: Shape + std::fmt::Debug>(mut value: Value) -> String {
        value.as_object_mut().unwrap().insert("unknown".into(), json!(0));
        let message = read_shape::<T>(&value, "x").unwrap_err().to_string();
        message.split("(the keys are ").nth(1).unwrap().trim_end_matches(')').to_owned()
    }

    #[test]
    fn the_generated_defaults_read_back_as_the_default_config() {
        let options: NetworkOptions = read_shape(&object(NETWORK_OPTIONS), "").unwrap();
        assert_eq!(options.to_config(), Ok(SimConfig::default()));
        let link: LinkOptions = read_shape(&object(LINK_OPTIONS), "links").unwrap();
        assert_eq!(link.to_spec("links"), Ok(LinkSpec::default()));
        let config = SimConfig::default();
        assert_eq!((config.seed, config.tick_ms, config.ttl, config.max_step_skew), (0, 100.0, 1, 10));
        assert!(config.link.is_instant() && config.restart_keeps_step && !config.global_tick);
    }

    #[test]
    fn each_reader_knows_exactly_the_declared_keys() {
        assert_eq!(known_keys::<NetworkOptions>(json!({})), names(NETWORK_OPTIONS));
        assert_eq!(known_keys::<LinkOptions>(json!({})), names(LINK_OPTIONS));
        assert_eq!(known_keys::<ChurnOptions>(json!({})), names(CHURN_OPTIONS));
        let topology = known_keys::<TopologyOptions>(json!({"kind": "ring"}));
        assert_eq!(topology, format!("kind, {}", names(TOPOLOGY_PARAMETERS)));
        let byzantine = known_keys::<ByzantineOptions>(json!({"kind": "step-skew"}));
        assert_eq!(byzantine, format!("kind, as, {}", names(BYZANTINE_PARAMETERS)));
        assert_eq!(
            known_keys::<Nodes>(json!({"count": 1})),
            format!("count, {}", names(SCENARIO_NODE_SETTINGS))
        );
    }

    #[test]
    fn parameters_left_out_take_their_declared_defaults() {
        let kinds =
            ["full", "ring", "grid", "random", "random-regular", "small-world", "scale-free", "edges"];
        for kind in kinds {
            let mut spec = object(TOPOLOGY_PARAMETERS);
            spec.as_object_mut().unwrap().insert("kind".into(), json!(kind));
            let spelled: TopologyOptions = read_shape(&spec, "topology").unwrap();
            let named = TopologyOptions::Name(kind.to_owned());
            assert_eq!(named.to_topology(), spelled.to_topology(), "{kind}");
        }
        let mut spec = object(BYZANTINE_PARAMETERS);
        spec.as_object_mut().unwrap().insert("kind".into(), json!("step-skew"));
        let spelled: ByzantineOptions = read_shape(&spec, "behaviour").unwrap();
        let named = ByzantineOptions::Name("step-skew".into());
        assert_eq!(named.to_byzantine("behaviour"), spelled.to_byzantine("behaviour"));
    }
}
