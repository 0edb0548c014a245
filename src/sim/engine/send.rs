//! Sending: a broadcast delivered at once in an instant network, else its first transfers
//! scheduled on the links (a unicast's too: see `unicast.rs`); and the fan-out every relay uses.

use super::authenticity::Credentials;
use super::messages::MessageRecord;
use super::seen::SeenSet;
use super::{Proof, Sender, SimBroadcast, Simulation};
use crate::error::MeshError;
use crate::message::{message_size, Stamp};
use crate::network::{Broadcast, Sighting, Slot};
use crate::sim::byzantine::Byzantine;
use crate::sim::link::Transit;
use crate::sim::queue::Transfer;
use crate::sim::topology::Topology;
use crate::sim::trace::{TraceEvent, TraceKind};

impl Simulation {
    /// Sends a message from a live node: delivered at once in instant mode, else scheduled. It
    /// has no payload: its size is the header's.
    pub fn broadcast(&mut self, sender: Slot) -> Result<SimBroadcast<'_>, MeshError> {
        self.broadcast_carrying(sender, &[])
    }

    /// Sends a message carrying `payload` (the bytes its tag or signature covers, in the
    /// authenticated modes; see [`crate::auth::canonical_bytes`]), sized by it
    /// ([`message_size`]).
    pub fn broadcast_carrying(
        &mut self,
        sender: Slot,
        payload: &[u8],
    ) -> Result<SimBroadcast<'_>, MeshError> {
        self.broadcast_sized(sender, payload, message_size(payload))
    }

    /// [`Simulation::broadcast_carrying`] for a message of `size` bytes, which links with a
    /// bandwidth take time to put on the wire and the byte statistics count (an instant network
    /// sizes nothing).
    pub fn broadcast_sized(
        &mut self,
        sender: Slot,
        payload: &[u8],
        size: u32,
    ) -> Result<SimBroadcast<'_>, MeshError> {
        self.send(sender, false, payload, size)
    }

    /// Sends a message from a live node (`ERR_NODE_PAUSED` from a paused one); an engine-made one
    /// is tracked only when someone may hear of it (a node listens, or a watcher flags it).
    pub(super) fn send(
        &mut self,
        sender: Slot,
        engine_made: bool,
        payload: &[u8],
        size: u32,
    ) -> Result<SimBroadcast<'_>, MeshError> {
        self.refresh_topology();
        if self.is_instant() {
            return self.send_instant(sender, None);
        }
        if self.is_crashed(sender) {
            return self.send_nowhere(sender);
        }
        self.refuse_paused("nodeId", sender)?;
        self.send_scheduled(sender, None, engine_made, payload, size)
    }

    /// The seed's broadcast: every other live node judges the message at once (or only
    /// `unicast_to`, for a unicast).
    pub(super) fn send_instant(
        &mut self,
        sender: Slot,
        unicast_to: Option<Slot>,
    ) -> Result<SimBroadcast<'_>, MeshError> {
        let skew_limit = self.skew_limit();
        let Broadcast { message, stamp, deliveries, anomalies, unanimous } = match unicast_to {
            Some(receiver) => self.network.unicast(sender, receiver, skew_limit)?,
            None => self.network.broadcast(sender, skew_limit)?,
        };
        // Counted with its deliveries, so only traced (and `deliveries` still borrows the network).
        self.ledger.count_instant(1, deliveries);
        self.ledger.trace_sends(self.clock.now(), sender, message, 1);
        let sender = Sender::Node(sender);
        Ok(SimBroadcast {
            message,
            sender,
            stamp,
            deliveries,
            anomalies,
            sequence: 0,
            proof: Proof::None,
            instant: true,
            unanimous,
        })
    }

    /// A crashed node's broadcast or unicast: it goes nowhere, and is counted and traced as such.
    pub(super) fn send_nowhere(&mut self, sender: Slot) -> Result<SimBroadcast<'_>, MeshError> {
        let stamp = Stamp {
            global_step: self.network.global_step(sender)?,
            pattern_value: self.network.pattern_value(sender)?,
        };
        self.trace_now(TraceKind::Crashed, 0, sender, sender);
        Ok(SimBroadcast {
            message: 0,
            sender: Sender::Node(sender),
            stamp,
            deliveries: &[],
            anomalies: &[],
            sequence: 0,
            proof: Proof::None,
            instant: false,
            unanimous: false,
        })
    }

    /// A send over the links: the message (as a byzantine sender falsifies it, of `size` bytes) is
    /// shown to watchers, recorded, and fanned out to the sender's neighbours, or to `unicast_to`
    /// alone.
    pub(super) fn send_scheduled(
        &mut self,
        sender: Slot,
        unicast_to: Option<Slot>,
        engine_made: bool,
        payload: &[u8],
        size: u32,
    ) -> Result<SimBroadcast<'_>, MeshError> {
        let honest = self.network.stamp(sender)?;
        let (message, stamp, claimed, replayed) = self.lie(sender, honest);
        let (credentials, verified) = self.vouch(sender, &claimed, stamp, payload, replayed);
        let (sequence, proof) = (credentials.sequence, credentials.proof.clone());
        let sighting = Sighting {
            claim: claimed.as_claim(),
            message,
            stamp,
            skew_limit: self.skew_limit(),
            authentic: verified.unwrap_or(true),
        };
        self.anomalies = self.network.classify_for_watchers(sighting).to_vec();
        self.trace_now(TraceKind::Send, message, sender, sender);
        let tracked = !engine_made || self.nodes.anyone_listening() || !self.anomalies.is_empty();
        let record = MessageRecord {
            id: message,
            credentials,
            verified,
            tracked,
            sender: claimed.clone(),
            unicast: unicast_to.is_some(),
            stamp,
            size,
            in_flight: 0,
            reached: 0,
            seen: SeenSet::new(sender),
        };
        let index = self.messages.add(record);
        match unicast_to {
            Some(to) => self.forward(index, sender, to, 1, false, self.clock.now()),
            None => self.fan_out(index, sender, None, 1, false, self.clock.now()),
        }
        self.complete_if_done(index);
        Ok(SimBroadcast {
            message,
            sender: claimed,
            stamp,
            deliveries: &[],
            anomalies: &self.anomalies,
            sequence,
            proof,
            instant: false,
            unanimous: false,
        })
    }

    /// The id, stamp and claimed sender `sender` sends instead of a new honest message, when it
    /// is byzantine; for a replay, also the old message's credentials.
    fn lie(&mut self, sender: Slot, honest: Stamp) -> (u64, Stamp, Sender, Option<Credentials>) {
        match self.nodes.byzantine(sender) {
            Some(Byzantine::Replay) => {
                if let Some(heard) = self.nodes.heard(sender) {
                    let old = heard.credentials.clone();
                    return (heard.message, heard.stamp, heard.sender.clone(), Some(old));
                }
                (self.network.new_message_id(), honest, Sender::Node(sender), None)
            }
            Some(Byzantine::ForgedSender(claim)) => {
                let claimed = match claim {
                    Some(name) => self
                        .network
                        .find(name)
                        .map_or_else(|| Sender::Unknown(name.as_str().into()), Sender::Node),
                    None => self.random_other(sender).map_or(Sender::Node(sender), Sender::Node),
                };
                (self.network.new_message_id(), honest, claimed, None)
            }
            Some(lie) => {
                let lie = lie.clone();
                let stamp = match self.network.pattern(sender) {
                    Ok(pattern) => lie.falsify(honest, pattern),
                    Err(_) => honest,
                };
                (self.network.new_message_id(), stamp, Sender::Node(sender), None)
            }
            None => (self.network.new_message_id(), honest, Sender::Node(sender), None),
        }
    }

    /// A random live node other than `slot`.
    fn random_other(&mut self, slot: Slot) -> Option<Slot> {
        let others: Vec<Slot> = self.network.live_slots().filter(|&s| s != slot).collect();
        (!others.is_empty()).then(|| others[self.rng.below(others.len() as u32) as usize])
    }

    /// Schedules transfers of message `index` from `node`, leaving at `now_us`, to its
    /// neighbours (all, or `fanout` random ones), except `except`; each arrives at hop `hops`,
    /// `tampered` or not.
    pub(super) fn fan_out(
        &mut self,
        index: u32,
        node: Slot,
        except: Option<Slot>,
        hops: u32,
        tampered: bool,
        now_us: u64,
    ) {
        let mut targets = std::mem::take(&mut self.scratch);
        self.relay_targets(&mut targets, node, except);
        let (message, size) = self.messages.get(index).map_or((0, 0), |m| (m.id, m.size));
        let event = TraceEvent { time_us: now_us, kind: TraceKind::Lost, message, from: node, to: node };
        let scheduled = if self.links.plain(&self.config.link) {
            self.ledger.count_bytes_sent(size, targets.len());
            self.transmit_plain(&targets, event, index, hops, tampered)
        } else {
            let mut scheduled = 0;
            for &to in &targets {
                scheduled += self.transmit_checked(TraceEvent { to, ..event }, index, size, hops, tampered);
            }
            scheduled
        };
        self.messages.count_in_flight(index, scheduled);
        self.scratch = targets;
    }

    /// Schedules one transfer of message `index` from `node` to `to`, leaving at `now_us`, to
    /// arrive at hop `hops`, `tampered` or not. The checked path serves every link, plain ones
    /// included.
    pub(super) fn forward(
        &mut self,
        index: u32,
        node: Slot,
        to: Slot,
        hops: u32,
        tampered: bool,
        now_us: u64,
    ) {
        let (message, size) = self.messages.get(index).map_or((0, 0), |m| (m.id, m.size));
        let event = TraceEvent { time_us: now_us, kind: TraceKind::Lost, message, from: node, to };
        let copies = self.transmit_checked(event, index, size, hops, tampered);
        self.messages.count_in_flight(index, copies);
    }

    /// Fills `targets` with the neighbours `node` relays to, except `except`: all of them, or
    /// `fanout` random ones (gossip).
    fn relay_targets(&mut self, targets: &mut Vec<Slot>, node: Slot, except: Option<Slot>) {
        targets.clear();
        if self.config.topology == Topology::Full {
            targets.extend(self.network.live_slots().filter(|&s| s != node && Some(s) != except));
        } else {
            let neighbours = self.links.adjacency().neighbours(node).iter().copied();
            targets.extend(neighbours.filter(|&s| Some(s) != except));
        }
        let fanout = self.config.fanout as usize;
        if fanout > 0 && fanout < targets.len() {
            for i in 0..fanout {
                let j = i + self.rng.below((targets.len() - i) as u32) as usize;
                targets.swap(i, j);
            }
            targets.truncate(fanout);
        }
    }

    /// [`Simulation::transmit`] to each of `targets` over plain links (see
    /// [`super::links::Links::plain`]), the flood's common case. It draws from a local copy of
    /// the generator, which the loop keeps in registers (its address is never taken), and is
    /// inlined so that the draws and queue pushes inline into the loop.
    #[inline(always)]
    fn transmit_plain(
        &mut self,
        targets: &[Slot],
        event: TraceEvent,
        index: u32,
        hops: u32,
        tampered: bool,
    ) -> u32 {
        let link = self.config.link;
        let mut rng = self.rng.clone();
        let mut scheduled = 0;
        for &to in targets {
            let transit = link.transit(&mut rng);
            scheduled += self.transmit(transit, TraceEvent { to, ..event }, index, hops, tampered);
        }
        self.rng = rng;
        scheduled
    }

    /// [`Simulation::transmit`] of message `index` (`size` bytes) over a link that a partition may
    /// cut, an override may set, a queue limit may fill, or a bandwidth may make wait for the
    /// wire. Out of line, so that a plain flood's loop stays small.
    #[inline(never)]
    fn transmit_checked(
        &mut self,
        event: TraceEvent,
        index: u32,
        size: u32,
        hops: u32,
        tampered: bool,
    ) -> u32 {
        let TraceEvent { time_us, from, to, .. } = event;
        let spec = match self.links.admit(from, to, &self.config.link) {
            Ok(spec) => spec,
            Err(refused) => {
                self.ledger.note(TraceEvent { kind: refused, ..event });
                return 0;
            }
        };
        self.ledger.count_bytes_sent(size, 1);
        let transit = spec.transit(&mut self.rng).after(self.links.serialize(from, to, &spec, size, time_us));
        let copies = self.transmit(transit, event, index, hops, tampered);
        self.links.carry(from, to, &spec, copies);
        copies
    }

    /// Queues the copies of message `index` that `transit` says arrive over the link `event`
    /// names (from, to), at hop `hops`, or traces and counts the loss. Returns how many copies it
    /// queued.
    #[inline(always)]
    fn transmit(
        &mut self,
        transit: Transit,
        event: TraceEvent,
        index: u32,
        hops: u32,
        tampered: bool,
    ) -> u32 {
        let Transit::Arrives { delay_us, duplicate_us } = transit else {
            self.ledger.note(event);
            return 0;
        };
        let TraceEvent { time_us, from, to, .. } = event;
        let transfer = Transfer { message: index, from, to, hops, delay_us: 0, tampered };
        self.messages.queue_copies(time_us, transfer, delay_us, duplicate_us)
    }
}
