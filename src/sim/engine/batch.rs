//! Many broadcasts in one call, for an instant network.

use super::Simulation;
use crate::error::MeshError;
use crate::network::{Batch, Slot};

impl Simulation {
    /// Broadcasts one message from each of `senders`, in order, as that many
    /// [`Simulation::broadcast`] calls would (see [`crate::network::Network::broadcast_batch`]);
    /// `None`, sending nothing, when the network is not instant and messages must go one by one;
    /// then fails with `ERR_NODE_PAUSED` naming `senders[i]` when sender `i` is paused, so that
    /// none is sent.
    pub fn broadcast_batch(&mut self, senders: &[Slot]) -> Result<Option<Batch<'_>>, MeshError> {
        self.refresh_topology();
        if !self.is_instant() {
            if !self.nodes.none_paused() {
                if let Some(i) = senders.iter().position(|&sender| self.nodes.is_paused(sender)) {
                    self.refuse_paused(&format!("senders[{i}]"), senders[i])?;
                }
            }
            return Ok(None);
        }
        let skew_limit = self.skew_limit();
        let batch = self.network.broadcast_batch(senders, skew_limit)?;
        for group in batch.groups {
            self.ledger.count_instant(group.messages, &batch.deliveries[group.deliveries.clone()]);
        }
        let mut message = batch.first_message;
        for run in senders.chunk_by(|a, b| a == b) {
            self.ledger.trace_sends(self.clock.now(), run[0], message, run.len() as u64);
            message += run.len() as u64;
        }
        Ok(Some(batch))
    }
}

#[cfg(test)]
mod tests {
    use crate::sim::engine::tests::{fixed, node, sim_with};
    use crate::sim::engine::SimConfig;

    #[test]
    fn a_batch_traces_and_counts_like_single_broadcasts() {
        // Runs of one sender (2, 2 and 0, 0, 0) fold into one trace entry each, as single sends do.
        let senders = [2, 2, 0, 0, 0, 2, 1, 2];
        let mut singly = sim_with(SimConfig::default(), 3);
        let mut batched = sim_with(SimConfig::default(), 3);
        for sim in [&mut singly, &mut batched] {
            sim.create_node(&crate::node::NodeConfig { seed: 3, ..node("liar") }).unwrap();
        }
        for &sender in &senders {
            singly.broadcast(sender).unwrap();
        }
        let batch = batched.broadcast_batch(&senders).unwrap().expect("an instant network");
        assert_eq!(batch.groups.len(), 3);
        assert_eq!(batched.trace().hash(), singly.trace().hash());
        assert_eq!(batched.stats(), singly.stats());
        assert_eq!(batched.stats().rejected, 8, "the liar rejects every message");
    }

    #[test]
    fn a_broadcast_is_unanimous_when_every_live_node_accepts_it_and_nobody_watches() {
        let mut sim = sim_with(SimConfig::default(), 3);
        assert!(sim.broadcast(1).unwrap().unanimous, "three honest nodes of one pattern");
        let liar = sim.create_node(&crate::node::NodeConfig { seed: 3, ..node("liar") }).unwrap();
        assert!(!sim.broadcast(0).unwrap().unanimous, "the liar rejects it");
        assert!(!sim.broadcast(liar).unwrap().unanimous, "everyone rejects the liar");
        sim.remove_node(liar).unwrap();
        assert!(sim.broadcast(0).unwrap().unanimous);
        let pattern = crate::pattern::PatternGenerator::new(7, 100).unwrap();
        let observer = std::rc::Rc::new(std::cell::RefCell::new(crate::observer::Observer::new(pattern)));
        sim.network_mut().watch(observer);
        assert!(!sim.broadcast(0).unwrap().unanimous, "a watcher must see each message at once");
        let mut scheduled = sim_with(SimConfig { link: fixed(5.0), ..SimConfig::default() }, 3);
        assert!(!scheduled.broadcast(0).unwrap().unanimous, "a scheduled message is judged later");
    }

    #[test]
    fn a_simulated_network_sends_nothing_in_a_batch() {
        let config = SimConfig { link: fixed(5.0), ..SimConfig::default() };
        let mut sim = sim_with(config, 3);
        assert_eq!(sim.broadcast_batch(&[0, 1]), Ok(None));
        assert_eq!((sim.stats().sent, sim.network().counters(0).unwrap().sent), (0, 0));
    }
}
