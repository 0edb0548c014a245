//! A message from one node to one other node (`MeshNode.send`), judged at once by its receiver.

use super::{Broadcast, Claim, Network, Sighting, Slot};
use crate::error::MeshError;

/// The argument that names a unicast's target, as errors report it.
pub const TO_NODE_ID: &str = "toNodeId";

impl Network {
    /// Checks that `sender` is a live node and `receiver` another one: `ERR_NODE_REMOVED` for the
    /// sender, else `ERR_UNKNOWN_NODE` (not live) or `ERR_NOT_LINKED` (the sender itself) naming
    /// [`TO_NODE_ID`].
    pub fn check_unicast(&self, sender: Slot, receiver: Slot) -> Result<(), MeshError> {
        self.live_node(sender)?;
        if !self.is_alive(receiver) {
            let node_id = match self.node_id(receiver) {
                "" => format!("#{receiver}"),
                id => id.to_owned(),
            };
            return Err(MeshError::UnknownNode { field: TO_NODE_ID.into(), node_id });
        }
        if receiver == sender {
            return Err(self.not_linked(sender, receiver));
        }
        Ok(())
    }

    /// The `ERR_NOT_LINKED` error for a unicast from `sender` to `receiver`.
    pub fn not_linked(&self, sender: Slot, receiver: Slot) -> MeshError {
        MeshError::NotLinked {
            field: TO_NODE_ID.into(),
            sender: self.node_id(sender).to_owned(),
            target: self.node_id(receiver).to_owned(),
        }
    }

    /// Stamps a message from `sender` and validates it for `receiver` alone (checked as
    /// [`Network::check_unicast`] says, changing nothing on error); watchers classify it like a
    /// broadcast. The report has one delivery, and is never unanimous.
    pub fn unicast(
        &mut self,
        sender: Slot,
        receiver: Slot,
        skew_limit: Option<(u64, u64)>,
    ) -> Result<Broadcast<'_>, MeshError> {
        self.check_unicast(sender, receiver)?;
        let stamp = self.stamp(sender)?;
        let message = self.new_message_id();
        let delivery = self.accept(receiver, stamp)?;
        self.deliveries.clear();
        self.deliveries.push(delivery);
        let claim = Claim::Node(sender);
        self.classify_for_watchers(Sighting { claim, message, stamp, skew_limit, authentic: true });
        Ok(Broadcast {
            message,
            stamp,
            deliveries: &self.deliveries,
            anomalies: &self.anomalies,
            unanimous: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Delivery;
    use crate::node::NodeConfig;

    fn network(seeds: &[u64]) -> Network {
        let mut net = Network::new();
        for (i, &seed) in seeds.iter().enumerate() {
            let config = NodeConfig { node_id: format!("n{i}"), seed, phase_reset_interval: 100 };
            net.create_node(&config).unwrap();
        }
        net
    }

    #[test]
    fn a_unicast_is_judged_and_counted_by_its_receiver_alone() {
        let mut net = network(&[7, 7, 7, 3]);
        let report = net.unicast(0, 2, None).unwrap();
        assert_eq!(
            (report.message, report.deliveries, report.unanimous),
            (1, &[Delivery::Accepted(2)][..], false)
        );
        let report = net.unicast(0, 3, None).unwrap();
        assert_eq!(report.deliveries, [Delivery::Rejected { receiver: 3, expected: 3 }]);
        let counters: Vec<_> = (0..4).map(|s| net.counters(s).unwrap()).collect();
        assert_eq!(
            counters.iter().map(|c| (c.sent, c.received, c.rejected)).collect::<Vec<_>>(),
            [(2, 0, 0), (0, 0, 0), (0, 1, 0), (0, 0, 1)]
        );
    }

    #[test]
    fn a_bad_target_is_a_typed_error_naming_to_node_id_and_changes_nothing() {
        let mut net = network(&[7, 7, 7]);
        net.remove_node(2).unwrap();
        let removed = net.unicast(0, 2, None).unwrap_err();
        assert_eq!((removed.code(), removed.field()), ("ERR_UNKNOWN_NODE", TO_NODE_ID));
        assert_eq!(removed.to_string(), "toNodeId names no live node of this network: \"n2\"");
        assert_eq!(
            net.unicast(0, 9, None).unwrap_err().to_string(),
            "toNodeId names no live node of this network: \"#9\""
        );
        let itself = net.unicast(1, 1, None).unwrap_err();
        assert_eq!((itself.code(), itself.field()), ("ERR_NOT_LINKED", TO_NODE_ID));
        assert!(itself.to_string().ends_with("got \"n1\" (the sender itself)"), "{itself}");
        assert_eq!(net.unicast(2, 0, None).unwrap_err().code(), "ERR_NODE_REMOVED", "a removed sender");
        assert_eq!(net.counters(0).unwrap().sent + net.counters(1).unwrap().sent, 0, "nothing was sent");
        assert_eq!(net.new_message_id(), 1, "no id was used");
    }
}
