//! Unicast: one receiver, judged at once in an instant network, else carried over the one link
//! like any transfer and never relayed; bad targets are typed errors that change nothing.

use super::*;

/// A ring of `n` nodes with 1 ms links and the given ttl.
fn ring(n: usize, ttl: u32) -> Simulation {
    let mut sim = sim_with(SimConfig { link: fixed(1.0), ttl, ..SimConfig::default() }, n);
    sim.set_topology(Topology::Ring).unwrap();
    sim
}

/// Each node's (sent, received, rejected) counters, by slot.
fn counters(sim: &Simulation, n: u32) -> Vec<(u64, u64, u64)> {
    (0..n)
        .map(|s| sim.network().counters(s).map_or((0, 0, 0), |c| (c.sent, c.received, c.rejected)))
        .collect()
}

#[test]
fn an_instant_unicast_is_judged_at_once_by_its_receiver_alone() {
    let mut sim = sim_with(SimConfig { record_trace: true, ..SimConfig::default() }, 4);
    sim.create_node(&NodeConfig { node_id: "other".into(), seed: 3, phase_reset_interval: 100 }).unwrap();
    sim.set_listening(2, true);
    let sent = sim.send_to(0, 2, b"").unwrap();
    assert!(sent.instant && !sent.unanimous);
    assert_eq!((sent.message, sent.deliveries), (1, &[Delivery::Accepted(2)][..]));
    let rejected = sim.send_to(1, 4, b"").unwrap();
    assert_eq!(rejected.deliveries, [Delivery::Rejected { receiver: 4, expected: 3 }]);
    assert_eq!(counters(&sim, 5), [(1, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 0), (0, 0, 1)]);
    let s = *sim.stats();
    let totals = (s.sent, s.delivered, s.accepted, s.rejected, s.completed, s.reach);
    assert_eq!(totals, (2, 2, 1, 1, 2, 2), "counted as messages with one receiver each");
    let kinds: Vec<_> = sim.drain_trace().iter().map(|e| (e.kind, e.message, e.from)).collect();
    assert_eq!(kinds, [(TraceKind::Send, 1, 0), (TraceKind::Send, 2, 1)], "traced as instant sends");
    assert_eq!(sim.drain_events().count(), 0, "nothing is left for a run to report");
}

#[test]
fn a_scheduled_unicast_goes_over_its_one_link_and_arrives_after_the_latency() {
    let mut sim = sim_with(SimConfig { link: fixed(5.0), ..SimConfig::default() }, 3);
    for slot in 0..3 {
        sim.set_listening(slot, true);
    }
    let sent = sim.send_to(0, 2, b"").unwrap();
    assert!(!sent.instant && sent.deliveries.is_empty());
    assert_eq!(outlooks(&sim), [(0, 2, Outlook::Accepted)], "one transfer, on the link 0 -> 2");
    sim.run_until(4_999);
    assert!(arrivals(&mut sim).is_empty(), "nothing before 5 ms");
    sim.run_until(5_000);
    let arrival = Arrival {
        message: 1,
        from: 0,
        hops: 1,
        delivery: Delivery::Accepted(2),
        synced: None,
        tampered: false,
        refusal: None,
        unicast: true,
    };
    assert_eq!(arrivals(&mut sim), [arrival]);
    sim.broadcast(0).unwrap();
    sim.run_until(10_000);
    assert!(arrivals(&mut sim).iter().all(|a| !a.unicast), "a broadcast's arrivals are no unicast");
    assert_eq!(counters(&sim, 3), [(2, 0, 0), (0, 1, 0), (0, 2, 0)]);
    let s = *sim.stats();
    assert_eq!((s.sent, s.delivered, s.completed, s.reach), (2, 3, 2, 3));
}

#[test]
fn a_unicast_is_never_relayed_whatever_the_ttl_or_fanout() {
    for fanout in [0, 1] {
        let mut sim = ring(6, 5);
        sim.config.fanout = fanout;
        sim.send_to(0, 1, b"").unwrap();
        sim.run(10);
        let s = *sim.stats();
        assert_eq!((s.delivered, s.forwarded, s.duplicates, s.reach), (1, 0, 0, 1), "fanout {fanout}");
        assert_eq!(counters(&sim, 6)[1..], [(0, 1, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)]);
        sim.broadcast(0).unwrap();
        sim.run(10);
        assert!(sim.stats().forwarded > 0, "the same ring relays a broadcast");
    }
}

#[test]
fn a_target_the_sender_cannot_reach_is_a_typed_error_that_changes_nothing() {
    let mut sim = ring(5, 1);
    sim.remove_node(4).unwrap(); // the ring is drawn again over n0..n3
    let hash = sim.trace().hash();
    let not_linked = sim.send_to(0, 2, b"").unwrap_err();
    assert_eq!((not_linked.code(), not_linked.field()), ("ERR_NOT_LINKED", "toNodeId"));
    assert_eq!(
        not_linked.to_string(),
        "toNodeId must name a neighbour of \"n0\" (see neighbours()), got \"n2\""
    );
    let itself = sim.send_to(0, 0, b"").unwrap_err();
    assert_eq!((itself.code(), itself.field()), ("ERR_NOT_LINKED", "toNodeId"));
    assert!(itself.to_string().ends_with("got \"n0\" (the sender itself)"));
    let removed = sim.send_to(0, 4, b"").unwrap_err();
    assert_eq!((removed.code(), removed.field()), ("ERR_UNKNOWN_NODE", "toNodeId"));
    assert!(removed.to_string().ends_with("\"n4\""));
    assert_eq!(sim.send_to(0, 40, b"").unwrap_err().code(), "ERR_UNKNOWN_NODE", "a slot never used");
    assert_eq!(sim.send_to(4, 0, b"").unwrap_err().code(), "ERR_NODE_REMOVED", "a removed sender");
    assert_eq!((sim.stats().sent, sim.in_flight(), sim.trace().hash()), (0, 0, hash), "nothing happened");
    assert_eq!(counters(&sim, 4), [(0, 0, 0); 4]);
    assert_eq!(sim.send_to(0, 3, b"").unwrap().message, 1, "a neighbour; no id was used before");

    let mut sim = sim_with(SimConfig::default(), 3);
    assert!(sim.send_to(0, 2, b"").is_ok(), "everyone is linked in a full mesh");
    sim.disconnect(0, 2).unwrap();
    assert_eq!(sim.send_to(0, 2, b"").unwrap_err().code(), "ERR_NOT_LINKED", "once the links are explicit");
    assert_eq!(sim.send_to(2, 1, b"").unwrap().message, 2);
}

#[test]
fn links_partitions_and_crashes_treat_a_unicast_as_any_transfer() {
    let mut sim = sim_with(SimConfig { link: fixed(1.0), ..SimConfig::default() }, 3);
    sim.partition(&[0], &[1]).unwrap();
    sim.send_to(0, 1, b"").unwrap();
    sim.send_to(0, 2, b"").unwrap();
    sim.run(1);
    let s = *sim.stats();
    assert_eq!((s.partitioned, s.delivered), (1, 1), "cut across the partition only");
    sim.heal();
    sim.crash(2).unwrap();
    assert_eq!(sim.send_to(2, 0, b"").unwrap().message, 0, "a crashed sender sends nothing");
    sim.send_to(0, 2, b"").unwrap();
    sim.run(1);
    assert_eq!((sim.stats().crashed, sim.stats().delivered), (2, 1), "nothing from or to a crashed node");
    sim.restart(2).unwrap();
    sim.set_default_link(LinkSpec { loss: 1.0, ..fixed(1.0) }).unwrap();
    sim.send_to(0, 1, b"").unwrap();
    assert_eq!((sim.stats().lost, sim.stats().completed), (1, 4), "lost on its link, and so completed");
}

#[test]
fn byzantine_senders_lie_in_a_unicast_and_watchers_classify_it() {
    let (mut sim, observer) = watched(3, SimConfig::default());
    sim.set_listening(1, true);
    sim.set_byzantine(0, Some(Byzantine::WrongPattern)).unwrap();
    let sent = sim.send_to(0, 1, b"").unwrap();
    assert_eq!(sent.stamp, Stamp { global_step: 0, pattern_value: 8 });
    assert_eq!(kinds(sent.anomalies), [AnomalyKind::PatternMismatch]);
    sim.set_byzantine(0, Some(Byzantine::ForgedSender(Some("ghost".into())))).unwrap();
    let sent = sim.send_to(0, 1, b"").unwrap();
    assert_eq!(
        (&sent.sender, kinds(sent.anomalies)),
        (&Sender::Unknown("ghost".into()), vec![AnomalyKind::UnknownSender])
    );
    sim.run_until(1_000);
    let verdicts: Vec<_> = arrivals(&mut sim).iter().map(|a| (a.delivery, a.unicast)).collect();
    let rejected = Delivery::Rejected { receiver: 1, expected: 7 };
    assert_eq!(verdicts, [(rejected, true), (Delivery::Accepted(1), true)]);
    assert_eq!(observer.borrow().statistics().total, 2, "the watcher counted both sends");
}

#[test]
fn an_authenticated_unicast_is_signed_like_a_broadcast_and_verified_by_its_receiver() {
    for auth in [AuthMode::Hmac, AuthMode::Ed25519] {
        let mut sim = sim_with(SimConfig { auth, ..SimConfig::default() }, 3);
        sim.set_listening(2, true);
        assert_eq!(sim.broadcast_carrying(0, b"one").unwrap().sequence, 1);
        let sent = sim.send_to(0, 2, b"two").unwrap();
        let proof_length = if auth == AuthMode::Hmac { 32 } else { 64 };
        assert_eq!((sent.sequence, sent.proof.bytes().len()), (2, proof_length), "{auth:?}");
        sim.set_byzantine(1, Some(Byzantine::Outsider)).unwrap();
        sim.send_to(1, 2, b"three").unwrap();
        sim.run(1);
        let refusals: Vec<_> = arrivals(&mut sim).iter().map(|a| (a.message, a.refusal, a.unicast)).collect();
        assert_eq!(
            refusals,
            [(1, None, false), (2, None, true), (3, Some(Refusal::BadSignature), true)],
            "{auth:?}"
        );
    }
}

/// The unicast scenario `tests/shared/unicast.mjs` runs in Node and Chromium (all three must
/// give [`PINNED_UNICAST_HASH`]): each node in turn sends to its next neighbour on the ring, and
/// every third round it also broadcasts.
fn unicast_run(sim: &mut Simulation) -> String {
    for round in 0..40u32 {
        let sender = round % 8;
        sim.send_to(sender, (sender + 1) % 8, b"").unwrap();
        if round % 3 == 0 {
            sim.broadcast(sender).unwrap();
        }
        sim.run(1);
    }
    sim.run(50);
    sim.trace().hash()
}

#[test]
fn the_unicast_trace_hash_is_deterministic_and_the_same_in_wasm() {
    let options = r#"{"seed": 9, "ttl": 5, "topology": "ring", "tickInterval": 10,
        "links": {"latency": {"kind": "normal", "mean": 12, "std": 4}, "loss": 0.1, "duplicate": 0.1}}"#;
    let options: crate::sim::options::NetworkOptions =
        crate::shape::read_shape(&serde_json::from_str(options).unwrap(), "").unwrap();
    let config = options.to_config().unwrap();
    let mut sim = sim_with(config.clone(), 8);
    let hash = unicast_run(&mut sim);
    let s = *sim.stats();
    assert!(
        s.lost > 0 && s.duplicates > 0 && s.forwarded > 0,
        "loss, duplicates and relayed broadcasts: {s:?}"
    );
    assert_eq!(hash, unicast_run(&mut sim_with(config.clone(), 8)), "the same run, the same hash");
    let reseeded = unicast_run(&mut sim_with(SimConfig { seed: 10, ..config.clone() }, 8));
    assert_ne!(hash, reseeded, "another seed, another run");
    assert_eq!(hash, PINNED_UNICAST_HASH);
}

const PINNED_UNICAST_HASH: &str = "dce50b94f6821c24";
