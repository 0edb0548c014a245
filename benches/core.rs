//! Criterion benchmarks of the core workloads, natively (the same ones `npm run bench` runs in wasm).
use std::cell::RefCell;
use std::hint::black_box;
use std::rc::Rc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use data_mesh::sim::engine::{BulkOp, SimConfig, Simulation};
use data_mesh::sim::latency::Latency;
use data_mesh::sim::link::LinkSpec;
use data_mesh::sim::topology::Topology;
use data_mesh::{Network, NodeConfig, Observer, PatternGenerator};

fn config(id: String, seed: u64) -> NodeConfig {
    NodeConfig { node_id: id, seed, phase_reset_interval: 100 }
}

fn pattern(c: &mut Criterion) {
    let p = PatternGenerator::new(7, 100).unwrap();
    let mut group = c.benchmark_group("pattern");
    group.throughput(Throughput::Elements(1_000_000));
    group.bench_function("value_at per call", |b| {
        b.iter(|| (0..1_000_000u64).fold(0, |acc, s| acc + p.value_at(black_box(s))))
    });
    let mut out = vec![0.0; 1_000_000];
    group.bench_function("fill_values bulk", |b| b.iter(|| p.fill_values(black_box(123), &mut out)));
    group.finish();
}

fn broadcast(c: &mut Criterion) {
    let mut group = c.benchmark_group("broadcast (deliveries)");
    for size in [4u32, 100, 1000] {
        let mut net = Network::new();
        for i in 0..size {
            net.create_node(&config(format!("node-{i}"), 7)).unwrap();
        }
        group.throughput(Throughput::Elements(u64::from(size - 1)));
        group.bench_function(format!("to {size} nodes"), |b| {
            let mut sender = 0;
            b.iter(|| {
                sender = (sender + 1) % size;
                net.broadcast(sender, None).unwrap().deliveries.len()
            })
        });
    }
    group.finish();
}

fn observer(c: &mut Criterion) {
    let p = PatternGenerator::new(7, 100).unwrap();
    let mut group = c.benchmark_group("observer (messages)");
    let mut obs = Observer::new(p.clone());
    let keys: Vec<u32> = (0..50).map(|i| obs.sender_key(&format!("sender-{i}"))).collect();
    let messages: Vec<(u32, u64, f64)> = (0..10_000u64)
        .map(|i| (keys[i as usize % 50], i, if i % 100 == 0 { 0.0 } else { p.value_at(i) as f64 }))
        .collect();
    group.throughput(Throughput::Elements(messages.len() as u64));
    group.bench_function("observe, 1% wrong", |b| {
        b.iter(|| {
            messages.iter().filter(|&&(k, s, v)| obs.observe(k, s, v) == data_mesh::Verdict::Accepted).count()
        })
    });

    let mut net = Network::new();
    net.create_node(&config("honest".into(), 7)).unwrap();
    net.create_node(&config("liar".into(), 3)).unwrap();
    net.watch(Rc::new(RefCell::new(Observer::new(p.clone()))));
    // The honest node (slot 0) sends 99 messages in 100, the liar (slot 1) the rest.
    let senders: Vec<u32> = (0..10_000u32).map(|i| u32::from(i % 100 == 0)).collect();
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("watching a network, 1% from a liar", |b| {
        b.iter(|| senders.iter().map(|&s| net.broadcast(s, None).unwrap().anomalies.len()).sum::<usize>())
    });

    // The same traffic in batches of 10k through the engine (as the wasm facade sends it).
    let mut sim = Simulation::new(SimConfig::default()).unwrap();
    sim.create_node(&config("honest".into(), 7)).unwrap();
    sim.create_node(&config("liar".into(), 3)).unwrap();
    sim.network_mut().watch(Rc::new(RefCell::new(Observer::new(p))));
    group.bench_function("watching a network, batches of 10k, 1% from a liar", |b| {
        b.iter(|| sim.broadcast_batch(&senders).unwrap().map_or(0, |batch| batch.anomalies.len()))
    });
    group.finish();
}

/// Flooding on 100k nodes of degree 8 with latency on: one message floods the whole graph.
fn flooding(c: &mut Criterion) {
    let nodes: u32 = std::env::var("FLOOD_NODES").map_or(100_000, |v| v.parse().unwrap());
    let link = LinkSpec { latency: Latency::Uniform { min: 5.0, max: 15.0 }, ..LinkSpec::default() };
    let mut sim = Simulation::new(SimConfig { link, ttl: 64, ..SimConfig::default() }).unwrap();
    for i in 0..nodes {
        sim.create_node(&config(format!("n{i}"), 7)).unwrap();
    }
    sim.set_topology(Topology::RandomRegular { degree: 8 }).unwrap();
    let mut probe = 0;
    sim.broadcast(probe).unwrap();
    sim.run(100_000);
    let per_flood = sim.stats().delivered + sim.stats().duplicates;
    let mut group = c.benchmark_group("engine (transfers)");
    group.sample_size(10);
    group.throughput(Throughput::Elements(per_flood));
    group.bench_function("flood 100k nodes, degree 8, latency 5-15 ms", |b| {
        b.iter(|| {
            probe = (probe + 7919) % nodes;
            sim.broadcast(probe).unwrap();
            sim.run(100_000);
        })
    });
    group.finish();
    let bytes = sim.network().heap_bytes() + sim.heap_bytes();
    println!(
        "engine memory: {:.1} bytes per node ({} nodes, degree 8, links included)",
        bytes as f64 / f64::from(nodes),
        nodes
    );
}

/// 1M bulk timers on 100k nodes, each set again as it fires (1-1000 ms), handled as a bulk
/// protocol's owner would: the engine's share of `timers-1m` in `benches/wasm.bench.mjs`.
fn bulk_timers(c: &mut Criterion) {
    let mut sim = Simulation::new(SimConfig::default()).unwrap();
    let nodes = 100_000u32;
    for i in 0..nodes {
        sim.create_node(&config(format!("n{i}"), 7)).unwrap();
    }
    sim.set_bulk_protocol().unwrap();
    let mut random = 1u64;
    let mut delay = move || {
        random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
        (1 + (random >> 8) % 1000) * 1000
    };
    for slot in 0..nodes {
        for tag in 0..10 {
            sim.set_bulk_timer(slot, delay(), f64::from(tag)).unwrap();
        }
    }
    let mut ops = Vec::new();
    let mut span = || {
        let mut fired = 0;
        let until = sim.now_us() + 100_000;
        sim.run_until(until);
        while let Some(to) = sim.paused_until() {
            ops.clear();
            let timers = sim.bulk_batch().1;
            fired += timers.len() as u64;
            ops.extend(timers.iter().map(|t| BulkOp::Timer { node: t.node, delay_us: delay(), tag: t.tag }));
            sim.apply_bulk(&ops).unwrap();
            sim.run_until(to);
        }
        fired
    };
    span();
    let per_span = span();
    let mut group = c.benchmark_group("engine (bulk timers)");
    group.sample_size(10);
    group.throughput(Throughput::Elements(per_span));
    group.bench_function("1M bulk timers on 100k nodes, 100 ms of firing", |b| b.iter(&mut span));
    group.finish();
}

criterion_group!(benches, pattern, broadcast, observer, flooding, bulk_timers);
criterion_main!(benches);
