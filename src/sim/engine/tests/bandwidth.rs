//! Links with a bandwidth: the time a message takes to go on the wire, queueing per direction,
//! and the bytes the statistics count.

use super::*;
use crate::message::HEADER_BYTES;
use crate::sim::trace::TraceKind;

/// `n` nodes joined in a line (0-1, 1-2, ...) by links of 10 ms and `bandwidth` bytes per second,
/// the trace recorded.
fn line(n: usize, bandwidth: f64) -> Simulation {
    let link = LinkSpec { bandwidth, ..fixed(10.0) };
    let mut sim = sim_with(SimConfig { link, record_trace: true, ..SimConfig::default() }, n);
    let edges: Vec<(Slot, Slot)> = (1..n as Slot).map(|i| (i - 1, i)).collect();
    sim.set_edges(&edges).unwrap();
    sim
}

/// When each first arrival was accepted, as (time in µs, message, from, to).
fn accepted(sim: &mut Simulation) -> Vec<(u64, u64, Slot, Slot)> {
    let trace = sim.drain_trace();
    trace
        .iter()
        .filter(|e| e.kind == TraceKind::Accept)
        .map(|e| (e.time_us, e.message, e.from, e.to))
        .collect()
}

#[test]
fn a_message_waits_size_over_bandwidth_then_travels_the_latency() {
    let mut sim = line(2, 1000.0);
    assert!(!sim.is_instant(), "a bandwidth makes a link take time");
    sim.broadcast_sized(0, &[], 100).unwrap();
    sim.run_until(1_000_000);
    assert_eq!(
        accepted(&mut sim),
        [(110_000, 1, 0, 1)],
        "100 B at 1000 B/s is 100 ms, then 10 ms of latency"
    );
    sim.broadcast_carrying(1, &[0; 68]).unwrap();
    let now = sim.now_us();
    sim.run_until(now + 1_000_000);
    assert_eq!(accepted(&mut sim), [(now + 110_000, 2, 1, 0)], "68 payload bytes plus the 32 of the header");
}

#[test]
fn messages_queue_first_in_first_out_per_direction_and_the_directions_are_independent() {
    let mut sim = line(2, 1000.0);
    for size in [100, 50, 10] {
        sim.broadcast_sized(0, &[], size).unwrap();
    }
    sim.broadcast_sized(1, &[], 20).unwrap();
    sim.run_until(60_000);
    sim.broadcast_sized(0, &[], 1).unwrap(); // queued behind the first three, which end at 160 ms
    sim.run_until(1_000_000);
    assert_eq!(
        accepted(&mut sim),
        [(30_000, 4, 1, 0), (110_000, 1, 0, 1), (160_000, 2, 0, 1), (170_000, 3, 0, 1), (171_000, 5, 0, 1)],
        "0 -> 1 one after another (100, 150, 160, 161 ms on the wire); 1 -> 0 at once (20 ms)"
    );
    sim.broadcast_sized(0, &[], 1).unwrap();
    let now = sim.now_us();
    sim.run_until(now + 1_000_000);
    assert_eq!(accepted(&mut sim), [(now + 11_000, 6, 0, 1)], "an idle direction starts at once");
}

#[test]
fn a_link_override_with_a_bandwidth_slows_only_that_link() {
    let mut sim = line(3, 0.0);
    sim.set_link(1, 2, LinkSpec { bandwidth: 100.0, ..fixed(10.0) }).unwrap();
    sim.broadcast_sized(1, &[], 50).unwrap();
    sim.run_until(1_000_000);
    assert_eq!(accepted(&mut sim), [(10_000, 1, 1, 0), (510_000, 1, 1, 2)], "500 ms on the slow link only");
}

#[test]
fn statistics_count_the_bytes_put_on_links_and_delivered() {
    // A line of 3 with ttl 2: node 0's message goes 0 -> 1, and 1 relays it to 2.
    let link = fixed(1.0);
    let mut sim = sim_with(SimConfig { link, ttl: 2, ..SimConfig::default() }, 3);
    sim.set_edges(&[(0, 1), (1, 2)]).unwrap();
    sim.broadcast_carrying(0, &[1, 2, 3]).unwrap();
    sim.run_until(10_000);
    let size = u64::from(HEADER_BYTES) + 3;
    assert_eq!((sim.stats().bytes_sent, sim.stats().bytes_delivered), (2 * size, 2 * size));
    sim.broadcast_sized(2, &[], 1000).unwrap();
    sim.run_until(20_000);
    assert_eq!((sim.stats().bytes_sent, sim.stats().bytes_delivered), (2 * size + 2000, 2 * size + 2000));
    // A lost copy was put on the link; a partition's refused one was not; a duplicate is delivered once.
    let mut lossy = sim_with(SimConfig { link: LinkSpec { loss: 1.0, ..link }, ..SimConfig::default() }, 3);
    lossy.partition(&[0], &[2]).unwrap();
    lossy.broadcast_sized(0, &[], 10).unwrap();
    lossy.run_until(10_000);
    assert_eq!((lossy.stats().bytes_sent, lossy.stats().bytes_delivered), (10, 0));
    let mut twice =
        sim_with(SimConfig { link: LinkSpec { duplicate: 1.0, ..link }, ..SimConfig::default() }, 2);
    twice.broadcast_sized(0, &[], 10).unwrap();
    twice.run_until(10_000);
    assert_eq!(
        (twice.stats().bytes_sent, twice.stats().bytes_delivered, twice.stats().duplicates),
        (10, 10, 1)
    );
}

#[test]
fn engine_traffic_is_header_sized_and_an_instant_network_sizes_nothing() {
    let config = SimConfig { link: fixed(1.0), traffic: 1.0, tick_ms: 10.0, ..SimConfig::default() };
    let mut sim = sim_with(config, 2);
    sim.run(1);
    sim.run_until(sim.now_us() + 5_000);
    let header = u64::from(HEADER_BYTES);
    assert_eq!(
        (sim.stats().sent, sim.stats().bytes_sent, sim.stats().bytes_delivered),
        (2, 2 * header, 2 * header)
    );
    let mut instant = sim_with(SimConfig::default(), 3);
    instant.broadcast_sized(0, &[], 500).unwrap();
    assert_eq!(
        (instant.stats().delivered, instant.stats().bytes_sent, instant.stats().bytes_delivered),
        (2, 0, 0)
    );
}
