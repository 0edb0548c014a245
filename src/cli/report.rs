//! What `run` prints: a simulation's trace hash, engine statistics and workload report as JSON,
//! in the field names the JavaScript facade gives them.

use serde_json::{json, Value};

use crate::boundary::json::{json_number, record_json};
use crate::boundary::{CodeTable, Layout};
use crate::distribution::Metrics;
use crate::sim::engine::{SimStats, Simulation};
use crate::sim::workload::{
    BroadcastReport, BroadcastSummary, Disturbance, DisturbanceRecord, HealRecord, SyncReport, SyncSummary,
};

/// The report of `sim` after its run, with the seed and milliseconds it ran.
pub fn run_report(sim: &Simulation, seed: Option<f64>, until_ms: f64) -> Value {
    let report = sim.workload_report();
    json!({
        "seed": seed.map(json_number),
        "until": json_number(until_ms),
        "traceHash": sim.trace().hash(),
        "stats": object::<SimStats>(|out| sim.stats().write(out)),
        "workload": {
            "broadcast": report.broadcast.as_ref().map(|b| broadcast_json(sim, b)),
            "sync": report.sync.as_ref().map(|s| sync_json(sim, s)),
        },
    })
}

/// A broadcast checker's report, as `workloadReport().broadcast` gives it.
fn broadcast_json(sim: &Simulation, report: &BroadcastReport) -> Value {
    let missing: Vec<Value> = (report.missing.iter())
        .map(|m| json!({ "value": json_number(m.value), "nodeId": sim.network().node_id(m.node as u32) }))
        .collect();
    let heals: Vec<Value> = report.heals.iter().map(|h| object::<HealRecord>(|out| h.write(out))).collect();
    json!({
        "summary": object::<BroadcastSummary>(|out| report.summary.write(out)),
        "latency": report.latency.as_ref().map(|l| object::<Metrics>(|out| l.write(out))),
        "missing": missing,
        "heals": heals,
    })
}

/// A sync checker's report, as `workloadReport().sync` gives it (nodes by id, kinds by name).
fn sync_json(sim: &Simulation, report: &SyncReport) -> Value {
    let disturbances: Vec<Value> = (report.disturbances.iter())
        .map(|d| {
            let mut numbers = Vec::new();
            d.write(&mut numbers);
            let mut record = record_json::<DisturbanceRecord>(&numbers);
            record.insert("kind".into(), json!(Disturbance::ALL.get(d.kind as usize).map(|k| k.name())));
            record.remove("node");
            let node = (d.node >= 0.0).then(|| sim.network().node_id(d.node as u32));
            record.insert("nodeId".into(), json!(node));
            Value::Object(record)
        })
        .collect();
    json!({
        "summary": object::<SyncSummary>(|out| report.summary.write(out)),
        "disturbances": disturbances,
    })
}

/// A record's numbers (as its `write` gives them) as a JSON object of its fields.
fn object<L: Layout>(write: impl FnOnce(&mut Vec<f64>)) -> Value {
    let mut numbers = Vec::new();
    write(&mut numbers);
    Value::Object(record_json::<L>(&numbers))
}
