//! Unicast: a message from one node to one other node. In an instant network its receiver judges
//! it at once; else it goes over the single link between the two, like any transfer, and its
//! receiver never relays it.

use super::{SimBroadcast, Simulation};
use crate::error::MeshError;
use crate::message::message_size;
use crate::network::Slot;
use crate::sim::topology::Topology;

impl Simulation {
    /// Sends a message from the live node `sender` to the live node `receiver` alone, carrying
    /// `payload` (the bytes its tag or signature covers, in the authenticated modes). It is
    /// stamped, signed, lied about by a byzantine sender and classified by watchers as a
    /// broadcast is. Fails, changing nothing, when the sender is not live (`ERR_NODE_REMOVED`),
    /// the receiver is not live (`ERR_UNKNOWN_NODE`), or the receiver is the sender or, in a
    /// topology other than the full mesh, not its neighbour (`ERR_NOT_LINKED`); both name
    /// `toNodeId`; or when the sender is paused (`ERR_NODE_PAUSED` naming `nodeId`).
    pub fn send_to(
        &mut self,
        sender: Slot,
        receiver: Slot,
        payload: &[u8],
    ) -> Result<SimBroadcast<'_>, MeshError> {
        self.send_to_sized(sender, receiver, payload, message_size(payload))
    }

    /// [`Simulation::send_to`] for a message of `size` bytes (see
    /// [`Simulation::broadcast_sized`]).
    pub fn send_to_sized(
        &mut self,
        sender: Slot,
        receiver: Slot,
        payload: &[u8],
        size: u32,
    ) -> Result<SimBroadcast<'_>, MeshError> {
        self.refresh_topology();
        self.network.check_unicast(sender, receiver)?;
        if !self.linked(sender, receiver) {
            return Err(self.network.not_linked(sender, receiver));
        }
        if self.is_instant() {
            return self.send_instant(sender, Some(receiver));
        }
        if self.is_crashed(sender) {
            return self.send_nowhere(sender);
        }
        self.refuse_paused("nodeId", sender)?;
        self.send_scheduled(sender, Some(receiver), false, payload, size)
    }

    /// Whether `a` and `b` are linked: in a full mesh always, else by the topology's graph (the
    /// rule for a unicast and a bulk protocol's forward).
    pub(super) fn linked(&self, a: Slot, b: Slot) -> bool {
        self.config.topology == Topology::Full || self.links.adjacency().has(a, b)
    }
}
