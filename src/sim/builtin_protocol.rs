//! The built-in relaying named as a protocol, as a scenario's `protocol` spells it: `"none"`
//! (nodes never relay), `"flood"` (each relays to every neighbour) or `"gossip"` (each relays to
//! `fanout` random neighbours), as a name or `{ name, fanout?, ttl? }`. It sets the network's
//! `fanout`, which the scenario's options then must leave out, and its `ttl` (the protocol's, else
//! the options', else [`RELAY_TTL`]).

use crate::error::MeshError;
use crate::shape::{Field, NameOr, Named, Shape};
use crate::sim::options::NetworkOptions;

/// The built-in protocols.
pub const BUILTIN_PROTOCOLS: &str = "\"none\", \"flood\", \"gossip\"";

/// The fanout of `"gossip"` when left out.
pub const GOSSIP_FANOUT: f64 = 3.0;

/// The `ttl` of `"flood"` and `"gossip"` when neither the protocol nor the options give one: far
/// enough for any topology the scenario's nodes form in practice (the network's own default, 1,
/// relays nothing).
pub const RELAY_TTL: f64 = 64.0;

/// A built-in protocol as given: a name, or `{ name, ...parameters }`.
pub type ProtocolChoice = NameOr<ProtocolSpec>;

/// A built-in protocol and its parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProtocolSpec {
    /// One of [`BUILTIN_PROTOCOLS`].
    pub name: String,
    /// Neighbours each relay goes to (`"gossip"` only).
    pub fanout: Option<f64>,
    /// Links a message may travel (`"flood"` and `"gossip"`).
    pub ttl: Option<f64>,
}

impl Shape for ProtocolSpec {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let spec = Self { name: o.read("name"), fanout: o.read("fanout"), ttl: o.read("ttl") };
        o.end(spec)
    }
}

impl Named for ProtocolSpec {
    const EXPECTED: &'static str = "a protocol name or { name, ... }";

    fn named(name: &str) -> Self {
        Self { name: name.to_owned(), ..Self::default() }
    }
}

impl ProtocolChoice {
    /// `options` with the protocol's relaying set (checked with the other options later).
    pub fn apply(&self, options: &mut NetworkOptions) -> Result<(), MeshError> {
        let spec = self.spec();
        let conflict = |key: &str| MeshError::InvalidScenario {
            field: format!("options.{key}"),
            problem: format!("the scenario's protocol sets {key}: give it there (protocol.{key})"),
        };
        if options.fanout.is_some() {
            return Err(conflict("fanout"));
        }
        if spec.ttl.is_some() && options.ttl.is_some() {
            return Err(conflict("ttl"));
        }
        let misplaced = |key: &str| MeshError::InvalidScenario {
            field: format!("protocol.{key}"),
            problem: format!("the protocol \"{}\" takes no {key}", spec.name),
        };
        match spec.name.as_str() {
            "none" => {
                if let Some(key) =
                    [("fanout", spec.fanout), ("ttl", spec.ttl)].iter().find(|(_, v)| v.is_some())
                {
                    return Err(misplaced(key.0));
                }
                options.ttl = Some(1.0);
            }
            "flood" => {
                if spec.fanout.is_some() {
                    return Err(misplaced("fanout"));
                }
                options.fanout = Some(0.0);
            }
            "gossip" => {
                let fanout = spec.fanout.unwrap_or(GOSSIP_FANOUT);
                if fanout < 1.0 {
                    return Err(MeshError::OutOfRange {
                        field: "protocol.fanout".into(),
                        rule: "a whole number of neighbours from 1",
                        value: crate::error::JsNumber(fanout),
                    });
                }
                options.fanout = Some(fanout);
            }
            other => {
                return Err(MeshError::UnknownName {
                    field: "protocol.name".into(),
                    allowed: BUILTIN_PROTOCOLS,
                    got: other.to_owned(),
                })
            }
        }
        if spec.name != "none" {
            options.ttl = spec.ttl.or(options.ttl).or(Some(RELAY_TTL));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The options `protocol` (as JSON) makes of `options`.
    fn applied(protocol: serde_json::Value, options: NetworkOptions) -> Result<NetworkOptions, MeshError> {
        let choice: ProtocolChoice = crate::shape::read_shape(&protocol, "protocol")?;
        let mut options = options;
        choice.apply(&mut options).map(|()| options)
    }

    #[test]
    fn named_relaying_sets_fanout_and_a_ttl_that_relays() {
        let flood = applied(serde_json::json!("flood"), NetworkOptions::default()).unwrap();
        assert_eq!((flood.fanout, flood.ttl), (Some(0.0), Some(RELAY_TTL)));
        let given = NetworkOptions { ttl: Some(5.0), ..NetworkOptions::default() };
        assert_eq!(applied(serde_json::json!("gossip"), given).unwrap().ttl, Some(5.0), "the options' ttl");
        let gossip =
            applied(serde_json::json!({ "name": "gossip", "ttl": 9 }), NetworkOptions::default()).unwrap();
        assert_eq!((gossip.fanout, gossip.ttl), (Some(GOSSIP_FANOUT), Some(9.0)));
        assert_eq!(applied(serde_json::json!("none"), NetworkOptions::default()).unwrap().ttl, Some(1.0));
    }
}
