//! Criterion benchmarks of the core workloads, natively (the same ones `npm run bench` runs in wasm).
use std::cell::RefCell;
use std::hint::black_box;
use std::rc::Rc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
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
                net.broadcast(sender).unwrap().deliveries.len()
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
    net.watch(Rc::new(RefCell::new(Observer::new(p))));
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("watching a network, 1% from a liar", |b| {
        b.iter(|| {
            (0..10_000u32)
                .map(|i| net.broadcast(u32::from(i % 100 == 0)).unwrap().anomalies.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, pattern, broadcast, observer);
criterion_main!(benches);
