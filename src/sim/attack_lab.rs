//! The attack lab: each byzantine kind against each authentication mode, measured as the share
//! of the attacker's deliveries that receivers turned away.

use crate::auth::AuthMode;
use crate::node::NodeConfig;
use crate::sim::byzantine::Byzantine;
use crate::sim::engine::{SimConfig, Simulation};
use crate::sim::latency::Latency;
use crate::sim::link::LinkSpec;
use crate::sim::topology::Topology;

/// An attack of the lab: its name in the README's matrix, and the behaviour that mounts it.
pub type Attack = (&'static str, fn() -> Byzantine);

/// The attacks the lab runs.
pub const ATTACKS: [Attack; 6] = [
    ("wrong pattern", || Byzantine::WrongPattern),
    ("forged sender (right pattern)", || Byzantine::ForgedSender(Some("n1".into()))),
    ("replay", || Byzantine::Replay),
    ("step skew", || Byzantine::StepSkew(1000)),
    ("payload tampering", || Byzantine::Tamper),
    ("outsider", || Byzantine::Outsider),
];

/// The share (0..1) of the attacker's deliveries that receivers refused or rejected, when node
/// `n0` mounts `attack` `messages` times in a network of 8 nodes authenticated by `mode`.
///
/// Tampering needs a relay, so that attack runs on a ring with honest `n1` sending and counts
/// only the copies `n0` altered; replay has `n1` send once first, then counts the resends.
pub fn detection_rate(mode: AuthMode, attack: Byzantine, messages: u32) -> f64 {
    let relay = attack == Byzantine::Tamper;
    let link = LinkSpec { latency: Latency::Fixed { ms: 1.0 }, ..LinkSpec::default() };
    let topology = if relay { Topology::Ring } else { Topology::Full };
    let config = SimConfig {
        seed: 11,
        auth: mode,
        link,
        topology,
        ttl: if relay { 8 } else { 1 },
        ..SimConfig::default()
    };
    let mut sim = Simulation::new(config).expect("the lab's settings are valid");
    for i in 0..8 {
        let node = NodeConfig { node_id: format!("n{i}"), seed: 7, phase_reset_interval: 100 };
        sim.create_node(&node).expect("distinct ids");
    }
    sim.set_byzantine(0, Some(attack.clone())).expect("n0 exists");
    if attack == Byzantine::Replay {
        sim.broadcast(1).expect("n1 exists");
        sim.run(1);
    }
    let before = *sim.stats();
    for _ in 0..messages {
        let sender = if relay { 1 } else { 0 };
        sim.broadcast(sender).expect("the sender exists");
        sim.run(1);
    }
    let after = *sim.stats();
    if relay {
        let tampered = (after.tampered - before.tampered) as f64;
        (after.bad_signatures - before.bad_signatures) as f64 / tampered.max(1.0)
    } else {
        let delivered = (after.delivered - before.delivered) as f64;
        (after.rejected - before.rejected) as f64 / delivered.max(1.0)
    }
}

/// The whole matrix: for each attack (rows, in [`ATTACKS`] order), the detection rate under each
/// mode (columns, in [`AuthMode::ALL`] order).
pub fn matrix(messages: u32) -> Vec<[f64; 3]> {
    ATTACKS
        .iter()
        .map(|(_, attack)| AuthMode::ALL.map(|mode| detection_rate(mode, attack(), messages)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_catches_what_it_should_and_nothing_else() {
        let matrix = matrix(20);
        let expected = [
            [1.0, 1.0, 1.0], // the pattern alone catches wrong patterns
            // Only signatures tell an insider forging another member's id; under hmac only the
            // impersonated node itself (1 receiver of 7) sees a message claiming to be its own.
            [0.0, 1.0 / 7.0, 1.0],
            [0.0, 1.0, 1.0], // sequence numbers under a tag or signature stop replays
            [0.0, 0.0, 0.0], // a lie about the step passes every receiver (the observer flags it)
            [0.0, 1.0, 1.0], // tags and signatures cover the payload
            [0.0, 1.0, 1.0], // an outsider has no key
        ];
        for (i, (name, _)) in ATTACKS.iter().enumerate() {
            assert_eq!(matrix[i], expected[i], "{name}: none / hmac / ed25519");
        }
    }
}
