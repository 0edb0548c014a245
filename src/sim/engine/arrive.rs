//! Arrivals: a transfer reaches its receiver, which holds it (paused), drops it (crashed, cut
//! off, or already has the message) or judges, reports and relays it; a message completes with
//! its last arrival.

use super::{Arrival, EngineEvent, FirstArrival, Refusal, Simulation};
use crate::message::Stamp;
use crate::network::{Delivery, Slot};
use crate::sim::byzantine::Byzantine;
use crate::sim::queue::Transfer;
use crate::sim::topology::Topology;
use crate::sim::trace::{TraceEvent, TraceKind};

impl Simulation {
    /// Counts and traces `transfer` as a duplicate when its receiver already has the message;
    /// else changes nothing and returns false. Only for a healthy network (no crashed or removed
    /// node, no partition, no link override or queue limit, no link load left to count down),
    /// where a duplicate needs nothing else: most transfers of a flood take this short path,
    /// which stays small enough to inline into the loop.
    #[inline(always)]
    pub(super) fn arrive_again(&mut self, transfer: &Transfer) -> bool {
        let Transfer { message: index, from, to, .. } = *transfer;
        let Some((message, done)) = self.messages.arrive_again(index, to) else { return false };
        let kind = TraceKind::Duplicate;
        self.ledger.note(TraceEvent { time_us: self.clock.now(), kind, message, from, to });
        if done {
            self.complete_if_done(index);
        }
        true
    }

    /// Delivers `transfer` off its link: a paused receiver holds it (unless a partition cuts it),
    /// else it lands.
    pub(super) fn arrive(&mut self, transfer: Transfer) {
        let Transfer { message: index, from, to, .. } = transfer;
        self.links.deliver(from, to);
        if self.messages.is_dropped(index, to) {
            self.lose_dropped(index, from, to);
            return;
        }
        let cut = self.links.is_cut(from, to);
        if !cut && self.nodes.is_paused(to) {
            self.hold(transfer);
            return;
        }
        self.land(transfer, cut);
    }

    /// Counts off and traces as lost a copy of message `index` from `from` that the owner dropped
    /// on its way to `to`.
    #[cold]
    fn lose_dropped(&mut self, index: u32, from: Slot, to: Slot) {
        self.messages.count_doomed_arrived(index, to);
        let message = self.messages.get(index).map_or(0, |record| record.id);
        self.trace_now(TraceKind::Lost, message, from, to);
        self.complete_if_done(index);
    }

    /// Keeps `transfer` for its paused receiver until it resumes, and traces it as held.
    #[cold]
    fn hold(&mut self, transfer: Transfer) {
        let message = self.messages.get(transfer.message).map_or(0, |record| record.id);
        self.trace_now(TraceKind::Held, message, transfer.from, transfer.to);
        self.held.hold(transfer);
    }

    /// Lands every transfer held for `slot`, in arrival order: judged now when it runs again,
    /// dropped when it crashed or was removed.
    pub(super) fn release_held(&mut self, slot: Slot) {
        for transfer in self.held.take(slot) {
            self.land(transfer, false);
        }
    }

    /// Lands `transfer` at its receiver: it is lost to a crash or (`cut`) a partition, a
    /// duplicate, or a first arrival.
    fn land(&mut self, transfer: Transfer, cut: bool) {
        let Transfer { message: index, from, to, hops, tampered, .. } = transfer;
        let slots = self.network.slot_count();
        let down = self.nodes.is_down(to);
        let Some(record) = self.messages.get_mut(index) else { return };
        record.in_flight -= 1;
        let (stamp, unicast, size) = (record.stamp, record.unicast, record.size);
        let event =
            TraceEvent { time_us: self.clock.now(), kind: TraceKind::Crashed, message: record.id, from, to };
        let dropped = if down {
            Some(TraceKind::Crashed)
        } else if cut {
            Some(TraceKind::Partitioned)
        } else if !record.seen.insert(to, slots) {
            Some(TraceKind::Duplicate)
        } else {
            record.reached += 1;
            None
        };
        match dropped {
            Some(kind) => self.ledger.note(TraceEvent { kind, ..event }),
            None => {
                let (delivery, refusal) = self.judge(to, index, stamp, tampered);
                let message = event.message;
                let arrival =
                    Arrival { message, from, hops, delivery, synced: None, tampered, refusal, unicast };
                self.receive(arrival, index, size, event);
            }
        }
        self.complete_if_done(index);
    }

    /// How the live node `to` judges its copy of message `index` stamped `stamp`: refused before
    /// its pattern is looked at (authenticated modes), or as its pattern says.
    fn judge(&mut self, to: Slot, index: u32, stamp: Stamp, tampered: bool) -> (Delivery, Option<Refusal>) {
        let refusal = self.refusal(to, index, tampered);
        // The receiver is live, so neither call can fail.
        let delivery = match refusal {
            Some(_) => {
                let _ = self.network.reject_malformed(to);
                Delivery::Rejected { receiver: to, expected: 0 }
            }
            None => self.network.accept(to, stamp).unwrap_or(Delivery::Accepted(to)),
        };
        (delivery, refusal)
    }

    /// Counts and traces a first arrival of message `index` (of `size` bytes), lets the receiver
    /// sync and remember it, reports it to a listening receiver, and relays it (as the receiver's
    /// behaviour allows; a unicast never, nor a node that runs its owner's protocol: the protocol
    /// relays).
    fn receive(&mut self, mut arrival: Arrival, index: u32, size: u32, event: TraceEvent) {
        let Arrival { hops, delivery, tampered, refusal, unicast, .. } = arrival;
        let to = event.to;
        self.ledger.count_delivery(size, tampered, refusal);
        let accepted = matches!(delivery, Delivery::Accepted(_));
        let kind = if accepted { TraceKind::Accept } else { TraceKind::Reject };
        self.ledger.note(TraceEvent { kind, ..event });
        let behaviour = self.nodes.byzantine(to).cloned();
        let hosted = self.nodes.is_hosted(to);
        if accepted {
            if !hosted {
                self.note_accepted(to, event.message);
            }
            arrival.synced = self.follow(to, index);
            if behaviour == Some(Byzantine::Replay) {
                if let Some(heard) = self.messages.get(index).map(|record| record.heard()) {
                    self.nodes.remember(to, heard);
                }
            }
        }
        let tracked = self.messages.get(index).is_some_and(|m| m.tracked);
        if tracked && self.nodes.is_listening(to) {
            self.events.push(EngineEvent::Arrived(arrival));
            self.host_due |= hosted;
        }
        if !accepted || hosted {
            return;
        }
        if self.bulk.is_on() {
            self.hand_to_bulk(event, index, hops, tampered);
        } else if !unicast && hops < self.config.ttl && self.config.topology != Topology::Full {
            self.relay(behaviour, &FirstArrival::new(event, index, hops, tampered), None);
        }
    }

    /// Sends on the message of `arrival` at its time, as its node's `behaviour` allows (a black
    /// hole swallows it, a tamperer alters it): to every neighbour (or `fanout` random ones) but
    /// the one it came from, or (`to`) to that neighbour alone. The caller checked the ttl.
    #[inline(always)]
    pub(super) fn relay(&mut self, behaviour: Option<Byzantine>, arrival: &FirstArrival, to: Option<Slot>) {
        let FirstArrival { time_us, node, from, hops, message_id, index, tampered } = *arrival;
        if behaviour == Some(Byzantine::BlackHole) {
            self.ledger.count_swallowed();
            return;
        }
        let kind = TraceKind::Forward;
        self.ledger.note(TraceEvent { time_us, kind, message: message_id, from, to: node });
        let tamper = tampered || behaviour == Some(Byzantine::Tamper);
        match to {
            None => self.fan_out(index, node, Some(from), hops + 1, tamper, time_us),
            Some(to) => self.forward(index, node, to, hops + 1, tamper, time_us),
        }
    }

    /// With `auto_sync`: moves `node` to the step of message `index` when it is ahead, but by
    /// no more than `max_step_skew`; returns the new step.
    fn follow(&mut self, node: Slot, index: u32) -> Option<u64> {
        if !self.config.auto_sync {
            return None;
        }
        let record = self.messages.get(index)?;
        let (step, sender) = (record.stamp.global_step, record.sender.slot());
        let own = self.network.global_step(node).ok()?;
        if step <= own || step - own > self.config.max_step_skew {
            return None;
        }
        self.network.sync(node, step as f64).ok()?;
        self.ledger.count_synced();
        self.note_synced(node, sender);
        Some(step)
    }

    /// Completes message `index` if nothing of it is left in flight: counts it, and tells the
    /// owner when it tracks the message.
    pub(super) fn complete_if_done(&mut self, index: u32) {
        if let Some(record) = self.messages.take_done(index) {
            self.ledger.count_completed(record.reached);
            if record.tracked {
                self.events.push(EngineEvent::Completed(record.id));
            }
        }
    }
}
