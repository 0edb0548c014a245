//! Authentication with user keys and messages from outside the simulator: tags and signatures
//! over the canonical encoding with the payload, replay windows, and the watcher's verdicts.

use super::*;
use crate::auth::{canonical_bytes, MeshKey, NodeKey};

/// `n` nodes `n0, n1, ...` in a network authenticated by `auth`, with instant links.
fn network(auth: AuthMode, n: usize) -> Simulation {
    sim_with(SimConfig { auth, ..SimConfig::default() }, n)
}

/// Step 3 of seed 7: 7, 4, 1, 7.
const STAMP: Stamp = Stamp { global_step: 3, pattern_value: 7 };

fn claim<'a>(sender: &'a Sender, sequence: u64, payload: &'a [u8], proof: &'a [u8]) -> Claimed<'a> {
    Claimed { sender, stamp: STAMP, sequence, payload, proof }
}

#[test]
fn a_user_mesh_key_tags_messages_from_outside_and_covers_the_payload() {
    let mut sim = network(AuthMode::Hmac, 2);
    let key = [9u8; 32];
    sim.set_mesh_key(&key).unwrap();
    let bytes = canonical_bytes("n0", 3, 7, 1, b"{\"t\":1}");
    let tag = MeshKey::new("key", &key).unwrap().tag(&bytes);
    let n0 = Sender::Node(0);
    assert_eq!(sim.refusal_of(1, claim(&n0, 1, b"{\"t\":1}", &tag)), None, "the app's tag verifies");
    assert_eq!(sim.refusal_of(1, claim(&n0, 1, b"{\"t\":1}", &tag)), Some(Refusal::Replay), "once");
    assert_eq!(
        sim.refusal_of(1, claim(&n0, 2, b"{\"t\":2}", &tag)),
        Some(Refusal::BadSignature),
        "payload changed"
    );
    let derived = MeshKey::from_seed(0).tag(&canonical_bytes("n0", 3, 7, 2, b""));
    assert_eq!(
        sim.refusal_of(1, claim(&n0, 2, b"", &derived)),
        Some(Refusal::BadSignature),
        "the old key is gone"
    );
    assert_eq!(
        sim.refusal_of(1, claim(&n0, 2, b"", &tag[..31])),
        Some(Refusal::BadSignature),
        "malformed tag"
    );
    // A member's tag vouches for any id, even one no node has; its sequence is still tracked.
    let ghost = Sender::Unknown("ghost".into());
    let tag = MeshKey::new("key", &key).unwrap().tag(&canonical_bytes("ghost", 3, 7, 5, b""));
    assert_eq!(sim.refusal_of(1, claim(&ghost, 5, b"", &tag)), None);
    assert_eq!(sim.refusal_of(1, claim(&ghost, 5, b"", &tag)), Some(Refusal::Replay));
    assert_eq!(sim.refusal_of(0, claim(&ghost, 5, b"", &tag)), None, "windows are per receiver");
}

#[test]
fn keys_of_the_wrong_mode_or_length_are_typed_errors_and_change_nothing() {
    let mut sim = network(AuthMode::Hmac, 1);
    assert_eq!(sim.set_mesh_key(&[1; 16]).unwrap_err().code(), "ERR_BAD_KEY");
    let err = sim.set_node_secret(0, &[1; 32]).unwrap_err();
    assert_eq!((err.code(), err.field()), ("ERR_BAD_KEY", "secretKey"));
    assert!(err.to_string().contains("\"ed25519\""), "{err}");
    let mut sim = network(AuthMode::Ed25519, 1);
    let before = sim.public_key(0);
    assert_eq!(sim.set_mesh_key(&[1; 32]).unwrap_err().field(), "key");
    assert_eq!(sim.set_public_key(0, &[1; 31]).unwrap_err().code(), "ERR_BAD_KEY");
    assert_eq!(sim.set_node_secret(0, &[1; 33]).unwrap_err().code(), "ERR_BAD_KEY");
    assert_eq!(sim.set_node_secret(5, &[1; 32]).unwrap_err().code(), "ERR_NODE_REMOVED");
    assert_eq!(sim.public_key(0), before);
    assert_eq!(network(AuthMode::None, 1).set_mesh_key(&[0; 32]).unwrap_err().code(), "ERR_BAD_KEY");
}

#[test]
fn a_registered_public_key_verifies_what_the_app_signs_and_tells_who_signed() {
    let mut sim = network(AuthMode::Ed25519, 3);
    let app = NodeKey::new("secretKey", &[42; 32]).unwrap();
    sim.set_public_key(2, &app.public()).unwrap();
    assert_eq!(sim.public_key(2), Some(app.public()));
    let n2 = Sender::Node(2);
    let signature = app.sign(&canonical_bytes("n2", 3, 7, 1, b"hi"));
    assert_eq!(sim.refusal_of(0, claim(&n2, 1, b"hi", &signature)), None);
    // n1's own key signs as n2: the signature is n1's, so it fails against n2's key.
    let forged = NodeKey::from_seed(0, "n1").sign(&canonical_bytes("n2", 3, 7, 2, b"hi"));
    assert_eq!(sim.refusal_of(0, claim(&n2, 2, b"hi", &forged)), Some(Refusal::BadSignature));
    let ghost = Sender::Unknown("ghost".into());
    assert_eq!(sim.refusal_of(0, claim(&ghost, 1, b"", &signature)), Some(Refusal::UnknownSender));
    // The simulator no longer holds n2's secret, so what it sends for n2 fails.
    sim.broadcast_carrying(2, b"x").unwrap();
    sim.run_until(1);
    assert_eq!(sim.stats().bad_signatures, 2);
    // A secret the user supplies signs n0's broadcasts, payload included.
    sim.set_node_secret(0, &[7; 32]).unwrap();
    let sent = sim.broadcast_carrying(0, b"payload").unwrap();
    let (sequence, proof) = (sent.sequence, sent.proof.clone());
    let bytes = canonical_bytes("n0", 0, 7, sequence, b"payload");
    assert!(crate::auth::verify_signature(
        &NodeKey::new("k", &[7; 32]).unwrap().public(),
        &bytes,
        proof.bytes()
    ));
    sim.run_until(2);
    assert_eq!((sim.stats().bad_signatures, sim.stats().accepted), (2, 2));
}

#[test]
fn a_watching_observer_flags_bad_signatures_and_keeps_trust_per_sender() {
    let mut sim = network(AuthMode::Hmac, 3);
    let observer = watch(&mut sim);
    assert!(sim.broadcast(0).unwrap().anomalies.is_empty());
    sim.set_byzantine(1, Some(Byzantine::Outsider)).unwrap();
    assert_eq!(kinds(sim.broadcast(1).unwrap().anomalies), [AnomalyKind::BadSignature]);
    sim.run_until(1);
    assert_eq!(sim.stats().bad_signatures, 2, "receivers refuse it too (verified once, at the send)");
    let stats = observer.borrow().statistics();
    assert_eq!((stats.by_sender["n0"].trust, stats.by_sender["n1"].trust), (1.0, 0.0));
}

#[test]
fn replay_windows_follow_the_id_so_a_removed_nodes_old_messages_stay_spent() {
    let mut sim = network(AuthMode::Hmac, 2);
    let sent = sim.broadcast(0).unwrap();
    let (stamp, sequence, proof) = (sent.stamp, sent.sequence, sent.proof.clone());
    sim.run_until(1);
    sim.remove_node(0).unwrap();
    let gone = Sender::Unknown("n0".into());
    let resent = Claimed { sender: &gone, stamp, sequence, payload: b"", proof: proof.bytes() };
    assert_eq!(sim.refusal_of(1, resent), Some(Refusal::Replay), "after removal");
    let again = sim.create_node(&node("n0")).unwrap();
    let back = Sender::Node(again);
    let resent = Claimed { sender: &back, ..resent };
    assert_eq!(sim.refusal_of(1, resent), Some(Refusal::Replay), "after the id came back");
    // The new n0 continues the id's sequence, so its own messages are fresh.
    assert_eq!(sim.broadcast(again).unwrap().sequence, 2);
    sim.run_until(2);
    assert_eq!((sim.stats().accepted, sim.stats().replays), (2, 0));
}

#[test]
fn transfers_foresee_that_an_outsiders_message_is_refused_even_with_no_watcher() {
    let mut sim = sim_with(SimConfig { auth: AuthMode::Hmac, link: fixed(5.0), ..SimConfig::default() }, 2);
    sim.broadcast(0).unwrap();
    sim.set_byzantine(1, Some(Byzantine::Outsider)).unwrap();
    sim.broadcast(1).unwrap();
    assert_eq!(outlooks(&sim), [(0, 1, Outlook::Accepted), (1, 0, Outlook::Rejected)]);
}

#[test]
fn only_an_authenticated_network_keeps_key_state_per_node() {
    let per_node = |auth| {
        let mut sim = network(auth, 1000);
        let before = sim.heap_bytes();
        for i in 0..1000 {
            sim.create_node(&node(&format!("extra-{i}"))).unwrap();
        }
        (sim.heap_bytes() - before) / 1000
    };
    assert!(per_node(AuthMode::None) < 8, "flags only: {} B", per_node(AuthMode::None));
    assert!(per_node(AuthMode::Hmac) >= 40, "ids, sequence numbers: {} B", per_node(AuthMode::Hmac));
}

#[test]
fn authenticated_networks_refuse_bad_proofs_once_per_message_and_honest_traffic_passes() {
    for auth in [AuthMode::Hmac, AuthMode::Ed25519] {
        let config =
            SimConfig { auth, link: fixed(1.0), topology: Topology::Ring, ttl: 4, ..SimConfig::default() };
        let mut sim = sim_with(config, 6);
        assert!(!sim.is_instant(), "authentication runs on the scheduled path");
        for round in 0..12 {
            sim.broadcast(round % 6).unwrap();
            sim.run(1);
        }
        let s = *sim.stats();
        assert_eq!((s.rejected, s.bad_signatures, s.replays, s.unknown_senders), (0, 0, 0, 0), "{auth:?}");
        assert_eq!(s.accepted, 12 * 5, "{auth:?}: every node gets every honest message once");
        sim.set_byzantine(2, Some(Byzantine::ForgedSender(Some("ghost".into())))).unwrap();
        sim.broadcast(2).unwrap();
        sim.run(1);
        let s = *sim.stats();
        match auth {
            AuthMode::Ed25519 => assert_eq!(s.unknown_senders, 2, "no key is registered for ghost"),
            _ => assert_eq!(s.unknown_senders, 0, "a member's tag vouches for any id"),
        }
    }
}
