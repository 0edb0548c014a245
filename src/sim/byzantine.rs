//! Byzantine nodes: the ways a node can lie or misbehave, set per node.

use crate::error::MeshError;
use crate::message::Stamp;
use crate::pattern::PatternGenerator;
use crate::shape::{Field, NameOr, Named, Shape};
use crate::sim::defaults::SKEW;
use crate::validate::safe_integer;

/// How a node misbehaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Byzantine {
    /// Stamps a wrong pattern value.
    WrongPattern,
    /// Sends the last message it accepted again (same id, stamp and sender) instead of its own.
    Replay,
    /// Claims to be someone else: the node with this id, an id no node has, or (None) a random
    /// other live node each time.
    ForgedSender(Option<String>),
    /// Lies about its step: stamps its step plus this many, with the pattern right for that step.
    StepSkew(u64),
    /// Alters the payload of messages it relays.
    Tamper,
    /// Relays nothing.
    BlackHole,
    /// Not a member of the mesh: holds no mesh key and no registered key pair, so its messages
    /// carry no valid tag or signature (the pattern it can still compute).
    Outsider,
}

/// The byzantine kinds `setByzantine` and scenarios accept.
pub const BYZANTINE_KINDS: &str =
    "\"wrong-pattern\", \"replay\", \"forged-sender\", \"step-skew\", \"tamper\", \"black-hole\", \"outsider\"";

/// A byzantine behaviour as JavaScript spells it: a kind, or `{ kind, as?, skew? }`.
pub type ByzantineOptions = NameOr<ByzantineSpec>;

/// A byzantine kind with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct ByzantineSpec {
    /// One of [`BYZANTINE_KINDS`].
    pub kind: String,
    /// For `forged-sender`: the id to claim (left out: a random other live node).
    pub claim: Option<String>,
    /// For `step-skew`: how far ahead to lie (left out: [`SKEW`]).
    pub skew: Option<f64>,
}

impl Shape for ByzantineSpec {
    fn read(field: &Field<'_>) -> Result<Self, MeshError> {
        let mut o = field.object()?;
        let spec = Self { kind: o.read("kind"), claim: o.read("as"), skew: o.read(SKEW.name) };
        o.end(spec)
    }
}

impl Named for ByzantineSpec {
    const EXPECTED: &'static str = "a byzantine kind or { kind, ... }";

    fn named(kind: &str) -> Self {
        Self { kind: kind.to_owned(), claim: None, skew: None }
    }
}

impl ByzantineOptions {
    /// The behaviour, checked; `field` names it in errors.
    pub fn to_byzantine(&self, field: &str) -> Result<Byzantine, MeshError> {
        let spec = self.spec();
        Ok(match spec.kind.as_str() {
            "wrong-pattern" => Byzantine::WrongPattern,
            "replay" => Byzantine::Replay,
            "forged-sender" => Byzantine::ForgedSender(spec.claim),
            "step-skew" => Byzantine::StepSkew(safe_integer(SKEW.name, spec.skew.unwrap_or(SKEW.default))?),
            "tamper" => Byzantine::Tamper,
            "black-hole" => Byzantine::BlackHole,
            "outsider" => Byzantine::Outsider,
            other => {
                return Err(MeshError::UnknownName {
                    field: format!("{field}.kind"),
                    allowed: BYZANTINE_KINDS,
                    got: other.to_owned(),
                })
            }
        })
    }
}

impl Byzantine {
    /// The stamp this node sends instead of its honest `stamp` (`pattern` is its own).
    pub fn falsify(&self, stamp: Stamp, pattern: &PatternGenerator) -> Stamp {
        match *self {
            // Pattern values are digits, so the next digit (mod 10) always differs.
            Byzantine::WrongPattern => Stamp { pattern_value: (stamp.pattern_value + 1) % 10, ..stamp },
            Byzantine::StepSkew(skew) => {
                let step = stamp.global_step.saturating_add(skew).min(crate::validate::MAX_SAFE_INTEGER);
                Stamp { global_step: step, pattern_value: pattern.value_at(step) }
            }
            _ => stamp,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lies_change_the_stamp_as_described() {
        let pattern = PatternGenerator::new(7, 100).unwrap();
        let honest = Stamp { global_step: 1, pattern_value: 4 };
        assert_eq!(Byzantine::WrongPattern.falsify(honest, &pattern).pattern_value, 5);
        let skewed = Byzantine::StepSkew(1000).falsify(honest, &pattern);
        assert_eq!(skewed, Stamp { global_step: 1001, pattern_value: pattern.value_at(1001) });
        assert_eq!(Byzantine::Tamper.falsify(honest, &pattern), honest);
        let nine = Stamp { global_step: 0, pattern_value: 9 };
        assert_eq!(Byzantine::WrongPattern.falsify(nine, &pattern).pattern_value, 0);
    }

    #[test]
    fn options_name_kinds_and_parameters() {
        let kind = |s: &str| ByzantineOptions::Name(s.into()).to_byzantine("byzantine");
        assert_eq!(kind("replay"), Ok(Byzantine::Replay));
        assert_eq!(kind("step-skew"), Ok(Byzantine::StepSkew(1000)));
        assert_eq!(kind("liar").unwrap_err().field(), "byzantine.kind");
        let spec = ByzantineSpec { kind: "forged-sender".into(), claim: Some("ghost".into()), skew: None };
        assert_eq!(
            ByzantineOptions::Spec(spec).to_byzantine("b"),
            Ok(Byzantine::ForgedSender(Some("ghost".into())))
        );
        let spec = ByzantineSpec { kind: "step-skew".into(), claim: None, skew: Some(-3.0) };
        assert_eq!(ByzantineOptions::Spec(spec).to_byzantine("b").unwrap_err().field(), "skew");
    }
}
