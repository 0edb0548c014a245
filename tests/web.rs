//! wasm-bindgen tests of the binding layer, run in Node and (with WASM_BINDGEN_USE_BROWSER=1)
//! in headless Chromium by `npm test`.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use data_mesh::boundary::codes::{NEEDS_SIZE, NONE};
use data_mesh::boundary::layouts::{
    write_counts, BroadcastStamp, DrainHead, NodeStats, Rejection, SenderTotals, StatisticsTotals,
    UnicastReport, WatcherAnomalyRecord,
};
use data_mesh::observer::AnomalyKind;
use data_mesh::wasm::errors::invalid_type_error;
use data_mesh::wasm::message::message_problem;
use data_mesh::wasm::monitor::RawPerformanceMonitor;
use data_mesh::wasm::network::RawNetwork;
use data_mesh::wasm::observer::RawObserver;
use data_mesh::wasm::pattern::RawPatternGenerator;
use js_sys::{Object, RangeError, Reflect, TypeError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn prop(value: &JsValue, name: &str) -> JsValue {
    Reflect::get(value, &name.into()).expect("readable property")
}

fn code(err: &JsValue) -> String {
    prop(err, "code").as_string().expect("errors carry a string code")
}

/// The numbers of a broadcast's report: `stamp`, then `rest`.
fn stamp_report(stamp: BroadcastStamp, rest: &[f64]) -> Vec<f64> {
    let mut out = Vec::new();
    stamp.write(&mut out);
    out.extend_from_slice(rest);
    out
}

/// A broadcast stamp of message 1 from slot `from`, instant: step, pattern value and rejections as given.
fn stamp(
    global_step: f64,
    pattern_value: f64,
    from: f64,
    rejected_count: f64,
    unanimous: f64,
) -> BroadcastStamp {
    BroadcastStamp {
        global_step,
        pattern_value,
        message_id: 1.0,
        instant: 1.0,
        claimed_slot: from,
        rejected_count,
        unanimous,
    }
}

/// The `NodeStats` record of a node that sent, accepted and rejected that many messages.
fn node_stats(messages_sent: u64, messages_received: u64, messages_rejected: u64) -> Vec<f64> {
    let mut out = Vec::new();
    NodeStats { messages_sent, messages_received, messages_rejected }.write(&mut out);
    out
}

fn network(ids: &[&str]) -> RawNetwork {
    let mut net = RawNetwork::new();
    for id in ids {
        net.create_node(&(*id).into(), 7.0, 100.0).expect("valid node");
    }
    net
}

#[wasm_bindgen_test]
fn broadcast_packs_stamp_and_receivers_in_creation_order() {
    let mut net = network(&["a", "b", "c"]);
    net.create_node(&"liar".into(), 3.0, 100.0).unwrap();
    net.sync(0, 1.0).unwrap();
    // step 1, pattern 4, message 1, instant, from slot 0, one rejection (so not unanimous): the
    // liar (slot 3) expected 9.
    let mut rejection = Vec::new();
    Rejection { slot: 3.0, expected: 9.0 }.write(&mut rejection);
    let expected = stamp_report(stamp(1.0, 4.0, 0.0, 1.0, 0.0), &rejection);
    assert_eq!(net.broadcast(0, NONE), expected.len());
    assert_eq!(net.last_report(), expected);
    assert_eq!(net.counters(0).unwrap(), node_stats(1, 0, 0));
    assert_eq!(net.counters(3).unwrap(), node_stats(0, 0, 1));
    assert_eq!((net.node_seed(3).unwrap(), net.node_phase_reset_interval(3).unwrap()), (3.0, 100.0));
}

#[wasm_bindgen_test]
fn the_report_buffer_is_readable_through_wasm_memory() {
    let mut net = network(&["a", "b"]);
    let written = net.broadcast(0, NONE);
    let memory: js_sys::WebAssembly::Memory = data_mesh::wasm::wasm_memory().unchecked_into();
    let view = js_sys::Float64Array::new_with_byte_offset_and_length(
        &memory.buffer(),
        net.report_ptr() as u32,
        written as u32,
    );
    assert_eq!(view.to_vec(), stamp_report(stamp(0.0, 7.0, 0.0, 0.0, 1.0), &[]), "unanimous");
    assert!(net.report_capacity() >= written);
}

#[wasm_bindgen_test]
fn watcher_anomalies_follow_the_receivers() {
    let mut net = network(&["a"]);
    net.create_node(&"liar".into(), 3.0, 100.0).unwrap();
    let observer = RawObserver::new(7.0, 100.0).unwrap();
    assert_eq!(net.watch(&observer), 0);
    assert_eq!(net.watch(&observer), 0, "watching twice is one watcher");
    assert!(net.broadcast(1, NONE) > 0);
    // The liar's message: rejected by "a" (slot 0) and flagged by watcher 0 as a pattern
    // mismatch (kind 0), both expecting 7.
    let mut rest = Vec::new();
    Rejection { slot: 0.0, expected: 7.0 }.write(&mut rest);
    WatcherAnomalyRecord { watcher: 0.0, kind: 0.0, expected: 7.0 }.write(&mut rest);
    assert_eq!(net.last_report(), stamp_report(stamp(0.0, 3.0, 1.0, 1.0, 0.0), &rest));
    assert_eq!(net.unwatch(&observer), Some(0));
    assert_eq!(net.unwatch(&observer), None);
}

#[wasm_bindgen_test]
fn a_batch_reports_one_group_per_sender_and_a_simulated_network_declines_it() {
    let mut net = network(&["a"]);
    net.create_node(&"liar".into(), 3.0, 100.0).unwrap();
    let observer = RawObserver::new(7.0, 100.0).unwrap();
    net.watch(&observer);
    assert_eq!(net.broadcast_batch(&[1, 0, 1]).unwrap(), Some(19));
    // Messages 1-3; the liar's two (step 0, value 3): rejected by slot 0 (expected 7), flagged
    // as a pattern mismatch by watcher 0; then a's one: rejected by the liar (slot 1, expected 3).
    let liar = [1.0, 0.0, 3.0, 1.0, 1.0, 0.0, 7.0, 0.0, 0.0, 7.0];
    let honest = [0.0, 0.0, 7.0, 1.0, 0.0, 1.0, 3.0];
    assert_eq!(net.last_report(), [&[1.0, 2.0][..], &liar, &honest].concat());
    assert_eq!(code(&net.broadcast_batch(&[0, 5]).unwrap_err()), "ERR_NODE_REMOVED");
    let mut simulated =
        RawNetwork::with_options(js_sys::JSON::parse(r#"{"topology":"ring"}"#).unwrap()).unwrap();
    simulated.create_node(&"a".into(), 7.0, 100.0).unwrap();
    assert_eq!(simulated.broadcast_batch(&[0]).unwrap(), None);
    assert_eq!(simulated.counters(0).unwrap(), node_stats(0, 0, 0), "nothing was sent");
}

#[wasm_bindgen_test]
fn a_scheduled_network_reports_arrivals_when_it_runs() {
    let options =
        js_sys::JSON::parse(r#"{"seed": 5, "links": {"latency": 10}, "topology": "ring"}"#).unwrap();
    let mut net = RawNetwork::with_options(options).unwrap();
    for id in ["a", "b", "c", "d"] {
        net.create_node(&id.into(), 7.0, 100.0).unwrap();
    }
    net.set_listening(1, true);
    assert_eq!(net.broadcast(0, NONE), NEEDS_SIZE, "a scheduled network asks for an unsized message's size");
    assert_eq!(net.counters(0).unwrap(), node_stats(0, 0, 0), "and sends nothing meanwhile");
    assert!(net.broadcast(0, 40.0) > 0);
    assert_eq!(
        net.last_report()[2..6],
        [1.0, 0.0, 0.0, 0.0],
        "message 1, scheduled, from slot 0, no rejections yet"
    );
    assert_eq!(net.run_until(9.0).unwrap(), DrainHead::LEN, "no events yet");
    assert_eq!(net.run_until(10.0).unwrap(), DrainHead::LEN + 12);
    // Two events, not paused for timers (-1), no bulk batch: message 1 arrives at listening node b
    // (slot 1) from a (slot 0), accepted, no sync, untampered, not refused, after 1 hop, broadcast
    // (code 0); then message 1 completes (code 2).
    let events = [0.0, 1.0, 0.0, 1.0, -1.0, -1.0, 0.0, -1.0, 1.0, 0.0, 2.0, 1.0];
    assert_eq!(net.last_report(), drain_report(2.0, &events));
    assert_eq!((net.now(), net.neighbours(0).unwrap()), (10.0, vec![1, 3]));
    assert_eq!(net.trace_hash().len(), 16);
}

/// The numbers of a run's report with `event_count` events (`events`), not paused, no bulk batch.
fn drain_report(event_count: f64, events: &[f64]) -> Vec<f64> {
    let mut out = Vec::new();
    DrainHead { event_count, paused_until: -1.0, bulk_arrivals: 0.0, bulk_timers: 0.0 }.write(&mut out);
    out.extend_from_slice(events);
    out
}

/// The numbers of a unicast's report: its fields in order, then `rest`.
fn unicast_report(fields: [f64; 7], rest: &[f64]) -> Vec<f64> {
    let [global_step, pattern_value, message_id, instant, claimed_slot, receiver, expected] = fields;
    let mut out = Vec::new();
    UnicastReport { global_step, pattern_value, message_id, instant, claimed_slot, receiver, expected }
        .write(&mut out);
    out.extend_from_slice(rest);
    out
}

#[wasm_bindgen_test]
fn a_unicast_reports_its_one_receiver_and_a_bad_target_throws_naming_to_node_id() {
    let mut net = network(&["a", "b"]);
    net.create_node(&"liar".into(), 3.0, 100.0).unwrap();
    let observer = RawObserver::new(7.0, 100.0).unwrap();
    net.watch(&observer);
    // Step 0, value 7, message 1, instant, from slot 0, to slot 1, accepted (expected -1).
    assert_eq!(net.unicast(0, &"b".into(), &[], NONE).unwrap(), UnicastReport::LEN);
    assert_eq!(net.last_report(), unicast_report([0.0, 7.0, 1.0, 1.0, 0.0, 1.0, -1.0], &[]));
    // The liar's message to a: rejected by a (expected 7) and flagged by watcher 0.
    let mut anomaly = Vec::new();
    WatcherAnomalyRecord { watcher: 0.0, kind: 0.0, expected: 7.0 }.write(&mut anomaly);
    net.unicast(2, &"a".into(), &[], NONE).unwrap();
    assert_eq!(net.last_report(), unicast_report([0.0, 3.0, 2.0, 1.0, 2.0, 0.0, 7.0], &anomaly));
    assert_eq!(net.counters(1).unwrap(), node_stats(0, 1, 0), "b accepted one");
    assert_eq!(net.counters(2).unwrap(), node_stats(1, 0, 0), "the liar sent one and heard none");
    for (target, expected) in [("ghost", "ERR_UNKNOWN_NODE"), ("a", "ERR_NOT_LINKED")] {
        let err = net.unicast(0, &target.into(), &[], NONE).unwrap_err();
        assert!(err.is_instance_of::<RangeError>());
        assert_eq!((code(&err), prop(&err, "field")), (expected.into(), "toNodeId".into()));
    }

    let options = js_sys::JSON::parse(r#"{"links": {"latency": 3}, "topology": "ring", "ttl": 4}"#).unwrap();
    let mut ring = RawNetwork::with_options(options).unwrap();
    for id in ["a", "b", "c", "d"] {
        ring.create_node(&id.into(), 7.0, 100.0).unwrap();
    }
    ring.set_listening(1, true);
    assert_eq!(ring.unicast(0, &"b".into(), &[], NONE).unwrap(), NEEDS_SIZE, "scheduled: size it first");
    assert_eq!(code(&ring.unicast(0, &"c".into(), &[], 40.0).unwrap_err()), "ERR_NOT_LINKED");
    ring.unicast(0, &"b".into(), &[], 40.0).unwrap();
    assert_eq!(ring.last_report(), unicast_report([0.0, 7.0, 1.0, 0.0, 0.0, 1.0, -1.0], &[]), "scheduled");
    assert_eq!(ring.run_until(3.0).unwrap(), DrainHead::LEN + 12);
    // Two events, not paused for timers; message 1 arrives at b from a after 1 hop, as a unicast
    // (1), and completes.
    let events = [0.0, 1.0, 0.0, 1.0, -1.0, -1.0, 0.0, -1.0, 1.0, 1.0, 2.0, 1.0];
    assert_eq!(ring.last_report(), drain_report(2.0, &events));
}

#[wasm_bindgen_test]
fn bad_options_throw_typed_errors_naming_the_field() {
    let options = js_sys::JSON::parse(r#"{"links": {"loss": 2}}"#).unwrap();
    let err = RawNetwork::with_options(options).err().unwrap();
    assert_eq!(
        (code(&err), prop(&err, "field").as_string().unwrap()),
        ("ERR_OUT_OF_RANGE".into(), "links.loss".into())
    );
    let options = js_sys::JSON::parse(r#"{"seed": "x"}"#).unwrap();
    let err = RawNetwork::with_options(options).err().unwrap();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    assert_eq!(prop(&err, "field").as_string().unwrap(), "seed");
}

#[wasm_bindgen_test]
fn errors_are_typed_js_errors_with_code_and_field() {
    let mut net = network(&["a"]);
    let err = net.create_node(&"b".into(), -1.0, 100.0).unwrap_err();
    assert!(err.is_instance_of::<RangeError>());
    assert_eq!(code(&err), "ERR_NEGATIVE");
    assert_eq!(prop(&err, "field"), "seed");
    assert_eq!(prop(&err, "message"), "seed must not be negative, got -1");

    let err = net.create_node(&"a".into(), 7.0, 100.0).unwrap_err();
    assert_eq!(code(&err), "ERR_DUPLICATE_NODE_ID");

    net.remove_node(0).unwrap();
    assert_eq!(net.broadcast(0, NONE), 0, "a refused broadcast writes no report");
    let err = net.take_error();
    assert!(err.is_instance_of::<TypeError>());
    assert_eq!(code(&err), "ERR_NODE_REMOVED");
    assert!(net.create_node(&"c".into(), 7.0, 100.0).is_ok(), "the network keeps working");
}

#[wasm_bindgen_test]
fn type_checks_describe_what_was_passed() {
    let err = invalid_type_error("seed", "a number", JsValue::from_str("7"));
    assert!(err.is_instance_of::<TypeError>());
    assert_eq!(prop(&err, "message"), "seed must be a number, got the string \"7\"");
    assert_eq!(prop(&err, "field"), "seed");
    let err = invalid_type_error("config", "an object", JsValue::NULL);
    assert_eq!(code(&err), "ERR_INVALID_TYPE");
    assert_eq!(prop(&err, "message"), "config must be an object, got null");
    let err = invalid_type_error("callback", "a function", Object::new().into());
    assert_eq!(prop(&err, "message"), "callback must be a function, got an object");
}

#[wasm_bindgen_test]
fn receive_codes_and_message_problems() {
    let mut net = network(&["a"]);
    assert_eq!(net.receive(0, 0.0, 7.0).unwrap(), -1.0);
    assert_eq!(net.receive(0, 0.0, 9.0).unwrap(), 7.0);
    assert_eq!(net.receive(0, -1.0, 7.0).unwrap(), -2.0);
    let message = Object::new();
    Reflect::set(&message, &"senderId".into(), &"x".into()).unwrap();
    Reflect::set(&message, &"globalStep".into(), &2.5.into()).unwrap();
    Reflect::set(&message, &"patternValue".into(), &1.into()).unwrap();
    assert_eq!(
        message_problem(message.clone().into()).as_deref(),
        Some("globalStep must be an integer, got 2.5")
    );
    Reflect::set(&message, &"globalStep".into(), &2.into()).unwrap();
    assert_eq!(message_problem(message.into()), None);
    assert_eq!(message_problem(JsValue::NULL).as_deref(), Some("message must be an object, got null"));
}

#[wasm_bindgen_test]
fn observer_statistics_are_records_followed_by_a_count_per_anomaly_kind() {
    let observer = RawObserver::new(7.0, 100.0).unwrap();
    let key = observer.sender_key(&"s".into());
    assert_eq!(observer.observe(key, 0.0, 7.0), -1.0);
    assert_eq!(observer.observe(key, 0.0, 9.0), 7.0);
    assert_eq!(observer.observe(key, 0.5, 9.0), -2.0);
    let by_kind = BTreeMap::from([(AnomalyKind::PatternMismatch, 1), (AnomalyKind::InvalidMessage, 1)]);
    let (mut totals, mut sender) = (Vec::new(), Vec::new());
    StatisticsTotals { total: 3, valid: 1, anomalies: 2, success_rate: 1.0 / 3.0 }.write(&mut totals);
    write_counts(&by_kind, &mut totals);
    SenderTotals { total: 3, valid: 1, anomalies: 2, trust: 1.0 / 3.0 }.write(&mut sender);
    write_counts(&by_kind, &mut sender);
    assert_eq!(observer.statistics(), totals);
    assert_eq!(observer.sender_ids(), ["s"]);
    assert_eq!(observer.sender_statistics(), sender, "the only sender has every message");
}

#[wasm_bindgen_test]
fn sender_ids_with_lone_surrogates_stay_distinct() {
    let observer = RawObserver::new(7.0, 100.0).unwrap();
    let lone_high = js_sys::JsString::from_char_code1(0xD800);
    let lone_low = js_sys::JsString::from_char_code1(0xDC00);
    let replacement = js_sys::JsString::from("\u{FFFD}");
    let keys =
        [observer.sender_key(&lone_high), observer.sender_key(&lone_low), observer.sender_key(&replacement)];
    assert_eq!(keys, [0, 1, 2]);
    assert_eq!(observer.sender_key(&js_sys::JsString::from_char_code1(0xD800)), 0);
    assert_eq!(observer.sender_ids(), ["\\u{D800}", "\\u{DC00}", "\u{FFFD}"]);
}

#[wasm_bindgen_test]
fn pattern_values_single_and_bulk() {
    let pattern = RawPatternGenerator::new(7.0, 100.0).unwrap();
    assert_eq!(pattern.compute_value(101.0).unwrap(), 4.0);
    assert_eq!(pattern.compute_values(99.0, 4.0).unwrap(), vec![7.0, 7.0, 4.0, 1.0]);
    assert_eq!(pattern.period(), 3.0);
    assert_eq!(code(&pattern.compute_value(-1.0).unwrap_err()), "ERR_NEGATIVE");
}

#[wasm_bindgen_test]
fn monitor_times_with_performance_now() {
    let mut monitor = RawPerformanceMonitor::new();
    monitor.start_timer("t");
    let elapsed = monitor.end_timer("t").unwrap();
    assert!(elapsed >= 0.0);
    let metrics = monitor.get_metrics("t").unwrap();
    assert_eq!(metrics.len(), data_mesh::Metrics::LEN);
    assert_eq!(metrics[0], 1.0, "the count comes first");
    assert!(monitor.get_metrics("none").is_none());
    assert_eq!(monitor.metric_names(), ["t"]);
    assert_eq!(monitor.all_metrics(), metrics);
    assert_eq!(code(&monitor.end_timer("t").unwrap_err()), "ERR_TIMER_NOT_STARTED");
}
