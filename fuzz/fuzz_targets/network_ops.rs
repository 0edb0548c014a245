//! Random operation sequences on the core instant [`Network`]: nodes created and removed, single
//! and batched broadcasts, unicasts, messages received from outside, syncs and watching
//! observers. After every call the live count matches what was created and removed, every
//! broadcast reaches every other live node, and the observers' counts add up.
#![no_main]

use arbitrary::Arbitrary;
use data_mesh::{Network, Slot};
use data_mesh_fuzz::{check_network, checked, Made};
use libfuzzer_sys::fuzz_target;

/// One call on the network; slots are taken modulo a little more than the slot count, so that
/// most name a node and some name none.
#[derive(Debug, Arbitrary)]
enum Op {
    Create { id: u8, seed: u16, interval: u8 },
    Remove(u8),
    Broadcast(u8),
    Batch(Vec<u8>),
    Unicast(u8, u8),
    Receive(u8, f64, f64),
    Sync(u8, f64),
    Advance(u8, u64),
    Watch { seed: u16, interval: u8 },
    Unwatch(u8),
}

fuzz_target!(|ops: Vec<Op>| {
    let mut network = Network::new();
    let mut made = Made::default();
    for op in ops {
        let slot = |network: &Network, n: u8| Slot::from(n) % (network.slot_count() as Slot + 2);
        match op {
            Op::Create { id, seed, interval } => {
                made.node(network.slot_count(), (id, seed, interval), |c| network.create_node(c));
            }
            Op::Remove(n) => made.removal(network.remove_node(slot(&network, n))),
            Op::Broadcast(n) => {
                if let Some(sent) = checked(network.broadcast(slot(&network, n), None)) {
                    assert_eq!(sent.deliveries.len(), made.live - 1);
                }
            }
            Op::Batch(senders) => {
                let senders: Vec<Slot> = senders.iter().map(|&n| slot(&network, n)).collect();
                if let Some(batch) = checked(network.broadcast_batch(&senders, None)) {
                    assert_eq!(batch.deliveries.len(), batch.groups.len() * made.live.saturating_sub(1));
                    let messages: u64 = batch.groups.iter().map(|g| g.messages).sum();
                    assert_eq!(messages, senders.len() as u64);
                }
            }
            Op::Unicast(a, b) => {
                let (a, b) = (slot(&network, a), slot(&network, b));
                if let Some(sent) = checked(network.unicast(a, b, None)) {
                    assert_eq!(sent.deliveries.len(), 1);
                }
            }
            Op::Receive(n, step, value) => {
                checked(network.receive(slot(&network, n), step, value));
            }
            Op::Sync(n, step) => {
                checked(network.sync(slot(&network, n), step));
            }
            Op::Advance(n, by) => network.advance(slot(&network, n), by),
            Op::Watch { seed, interval } => {
                if let Some(observer) = made.observer(seed, interval) {
                    network.watch(observer);
                }
            }
            Op::Unwatch(index) => network.unwatch(usize::from(index)),
        }
        check_network(&network, made.live);
        made.check_observers();
    }
});
