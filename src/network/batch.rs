//! Many broadcasts in one call. A broadcast does not move its sender's step, so the messages one
//! sender sends in a batch are alike but for their ids: each sender's share is stamped, judged by
//! every receiver and classified by every watcher once, and counted once per message.

use std::ops::Range;

use super::{Claim, Delivery, Network, Sighting, Slot, WatcherAnomaly};
use crate::error::MeshError;
use crate::message::Stamp;

/// Marks a slot with no group in [`Scratch::group_of`].
const NO_GROUP: u32 = u32::MAX;

/// One sender's share of a batch: every message in it carries `stamp`, so each receiver and
/// watcher judged them alike, and each entry of `deliveries` and `anomalies` holds for every one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchGroup {
    /// The sending node.
    pub sender: Slot,
    /// How many messages of the batch it sent.
    pub messages: u64,
    /// The id of its first message in the batch.
    pub first_message: u64,
    /// The step and pattern value it stamped.
    pub stamp: Stamp,
    /// Its entries in [`Batch::deliveries`]: one per other live node, in creation order.
    pub deliveries: Range<usize>,
    /// Its entries in [`Batch::anomalies`], in watch order.
    pub anomalies: Range<usize>,
}

/// Everything a batch did, borrowed from buffers the network reuses. Message `i` of the batch has
/// id `first_message + i` and belongs to the group of its sender.
#[derive(Debug, PartialEq, Eq)]
pub struct Batch<'a> {
    /// The id of the batch's first message.
    pub first_message: u64,
    /// One group per distinct sender, in the order of their first message.
    pub groups: &'a [BatchGroup],
    /// The groups' deliveries.
    pub deliveries: &'a [Delivery],
    /// The groups' watcher anomalies.
    pub anomalies: &'a [WatcherAnomaly],
}

/// Buffers a batch reuses.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The group of each slot during a batch, else [`NO_GROUP`].
    group_of: Vec<u32>,
    groups: Vec<BatchGroup>,
}

impl Scratch {
    /// Bytes of heap the buffers hold.
    pub(super) fn heap_bytes(&self) -> usize {
        self.group_of.capacity() * std::mem::size_of::<u32>()
            + self.groups.capacity() * std::mem::size_of::<BatchGroup>()
    }

    /// Groups `senders` by sender in first-send order, each with its message count and first id,
    /// a run of one sender at a time; stops at the first slot beyond `slot_count` and returns it.
    fn group(&mut self, senders: &[Slot], slot_count: usize, first_message: u64) -> Option<Slot> {
        self.groups.clear();
        if self.group_of.len() < slot_count {
            self.group_of.resize(slot_count, NO_GROUP);
        }
        let mut beyond = None;
        let mut id = first_message;
        for run in senders.chunk_by(|a, b| a == b) {
            let sender = run[0];
            let Some(group) = self.group_of.get_mut(sender as usize) else {
                beyond = Some(sender);
                break;
            };
            if *group == NO_GROUP {
                *group = self.groups.len() as u32;
                self.groups.push(BatchGroup {
                    sender,
                    messages: 0,
                    first_message: id,
                    stamp: Stamp { global_step: 0, pattern_value: 0 },
                    deliveries: 0..0,
                    anomalies: 0..0,
                });
            }
            self.groups[*group as usize].messages += run.len() as u64;
            id += run.len() as u64;
        }
        for group in &self.groups {
            self.group_of[group.sender as usize] = NO_GROUP;
        }
        beyond
    }
}

impl Network {
    /// Broadcasts one message from each of `senders` (live nodes, repeats allowed), in order, as
    /// that many [`Network::broadcast`] calls would: the same ids, counters, verdicts and watcher
    /// statistics. Fails before sending anything if a sender is not live.
    pub fn broadcast_batch(
        &mut self,
        senders: &[Slot],
        skew_limit: Option<(u64, u64)>,
    ) -> Result<Batch<'_>, MeshError> {
        let first_message = self.last_message + 1;
        let mut scratch = std::mem::take(&mut self.batch);
        let beyond = scratch.group(senders, self.nodes.len(), first_message);
        // Groups are in first-send order, so the first removed sender among them comes first in
        // the batch too, before any slot beyond the network.
        let refused = scratch.groups.iter().map(|g| g.sender).find(|&s| !self.is_alive(s)).or(beyond);
        if let Some(sender) = refused {
            self.batch = scratch;
            return Err(self.not_live(sender));
        }
        self.last_message += senders.len() as u64;
        self.deliveries.clear();
        self.anomalies.clear();
        for group in &mut scratch.groups {
            group.stamp = self.stamp_times(group.sender, group.messages)?;
            let start = self.deliveries.len();
            self.judge_receivers(group.sender, group.stamp, group.messages);
            group.deliveries = start..self.deliveries.len();
            let start = self.anomalies.len();
            // Watchers only see ids this network handed out, all below the batch's: none is a replay.
            let sighting = Sighting {
                claim: Claim::Node(group.sender),
                message: group.first_message,
                stamp: group.stamp,
                skew_limit,
                authentic: true,
            };
            self.classify_times(sighting, group.messages);
            group.anomalies = start..self.anomalies.len();
        }
        for watcher in &mut self.watchers {
            watcher.last_message = watcher.last_message.max(self.last_message);
        }
        self.batch = scratch;
        Ok(Batch {
            first_message,
            groups: &self.batch.groups,
            deliveries: &self.deliveries,
            anomalies: &self.anomalies,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::node::NodeConfig;
    use crate::observer::{AnomalyKind, Observer, SharedObserver};
    use crate::pattern::PatternGenerator;

    /// Nodes a, b (seed 7), liar (seed 3) and c (seed 7, at step 250), watched by a seed-7
    /// observer.
    fn watched() -> (Network, SharedObserver) {
        let mut net = Network::new();
        for (id, seed) in [("a", 7), ("b", 7), ("liar", 3), ("c", 7)] {
            net.create_node(&NodeConfig { node_id: id.into(), seed, phase_reset_interval: 100 }).unwrap();
        }
        net.sync(3, 250.0).unwrap();
        let observer = Rc::new(RefCell::new(Observer::new(PatternGenerator::new(7, 100).unwrap())));
        net.watch(observer.clone());
        (net, observer)
    }

    /// What one message did: id, stamp, deliveries and anomalies.
    type Outcome = (u64, Stamp, Vec<Delivery>, Vec<WatcherAnomaly>);

    #[test]
    fn a_batch_does_what_the_same_broadcasts_one_by_one_do() {
        let senders: Vec<Slot> = (0..300u32).map(|i| (i * i + 3 * i) % 11 % 4).collect();
        let skew = Some((0, 100));
        let (mut one_by_one, seen_singly) = watched();
        let singly: Vec<Outcome> = senders
            .iter()
            .map(|&s| {
                let b = one_by_one.broadcast(s, skew).unwrap();
                (b.message, b.stamp, b.deliveries.to_vec(), b.anomalies.to_vec())
            })
            .collect();

        let (mut batched, seen_batched) = watched();
        let batch = batched.broadcast_batch(&senders, skew).unwrap();
        assert_eq!(
            batch.groups.iter().map(|g| g.sender).collect::<Vec<_>>(),
            [0, 2, 3, 1],
            "first-send order"
        );
        let together: Vec<Outcome> = senders
            .iter()
            .enumerate()
            .map(|(i, &s)| {
                let g = batch.groups.iter().find(|g| g.sender == s).unwrap();
                let id = batch.first_message + i as u64;
                (
                    id,
                    g.stamp,
                    batch.deliveries[g.deliveries.clone()].to_vec(),
                    batch.anomalies[g.anomalies.clone()].to_vec(),
                )
            })
            .collect();
        assert_eq!(together, singly);
        assert!(together.iter().any(|o| o.3.iter().any(|a| a.kind == AnomalyKind::PatternMismatch)));
        assert!(together.iter().any(|o| o.3.iter().any(|a| a.kind == AnomalyKind::StepSkew)));
        for slot in 0..4 {
            assert_eq!(batched.counters(slot), one_by_one.counters(slot), "counters of slot {slot}");
        }
        assert_eq!(seen_batched.borrow().statistics(), seen_singly.borrow().statistics());
        assert_eq!(batched.new_message_id(), one_by_one.new_message_id());
        // Later single broadcasts are not mistaken for replays.
        assert!(batched.broadcast(0, skew).unwrap().anomalies.is_empty());
    }

    #[test]
    fn a_batch_with_a_removed_sender_sends_nothing() {
        let (mut net, observer) = watched();
        net.remove_node(1).unwrap();
        let err = net.broadcast_batch(&[0, 1, 0], None).unwrap_err();
        assert_eq!(err, MeshError::NodeRemoved { node_id: "b".into() });
        let no_such = MeshError::NodeRemoved { node_id: "#9 (no such node)".into() };
        assert_eq!(net.broadcast_batch(&[0, 9, 1], None).unwrap_err(), no_such);
        assert_eq!(
            net.broadcast_batch(&[0, 1, 9], None).unwrap_err(),
            err,
            "the first refused sender is named"
        );
        assert_eq!(net.counters(0).unwrap().sent, 0);
        assert_eq!(observer.borrow().statistics().total, 0);
        assert_eq!(net.new_message_id(), 1, "no id was used");
        let batch = net.broadcast_batch(&[], None).unwrap();
        assert!(batch.groups.is_empty());
        let batch = net.broadcast_batch(&[2, 2], None).unwrap();
        assert_eq!((batch.first_message, batch.groups[0].messages), (2, 2));
        assert_eq!(net.counters(0).unwrap().rejected, 2, "the network is usable after the refusal");
    }
}
