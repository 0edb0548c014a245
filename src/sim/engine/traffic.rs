//! What the engine does by itself: traffic and churn on each tick, and a scenario's scripted
//! actions at their times.

use super::{Arrival, EngineEvent, EngineSend, Payload, ScriptAction, SimBroadcast, Simulation};
use crate::error::MeshError;
use crate::message::message_size;
use crate::network::{Delivery, Slot};

impl Simulation {
    /// Schedules `action` at `time_us` (after anything already scheduled for that time).
    pub fn schedule(&mut self, time_us: u64, action: ScriptAction) {
        self.script.schedule(time_us, action);
    }

    /// Runs the next scripted action. An action whose node is gone by then, or in a state it does
    /// not apply to (a broadcast from a paused node, a pause of a crashed one, a resume of one not
    /// paused), does nothing.
    pub(super) fn run_script(&mut self) {
        let Some(action) = self.script.pop() else { return };
        let _gone: Result<(), MeshError> = match action {
            ScriptAction::Broadcast { sender, payload, bytes } => {
                self.engine_broadcast(sender, Payload::Event(payload), &bytes);
                Ok(())
            }
            ScriptAction::Partition(a, b) => self.partition(&a, &b),
            ScriptAction::PartitionOneWay(a, b) => self.partition_one_way(&a, &b),
            ScriptAction::Heal => {
                self.heal();
                Ok(())
            }
            ScriptAction::Crash(slot) => self.set_crashed(slot, true),
            ScriptAction::Restart(slot) => self.set_crashed(slot, false),
            ScriptAction::Pause(slot) => self.pause(slot),
            ScriptAction::Resume(slot) => self.resume(slot),
            ScriptAction::Connect(a, b) => self.connect(a, b).map(drop),
            ScriptAction::Disconnect(a, b) => self.disconnect(a, b).map(drop),
            ScriptAction::SetByzantine(slot, behaviour) => self.set_byzantine(slot, behaviour),
            ScriptAction::Sync(slot, step) => self.network.sync(slot, step as f64).map(drop),
        };
    }

    /// On a tick: each live node not crashed (paused ones too) crashes, and each crashed one
    /// restarts, with the churn probabilities.
    pub(super) fn churn(&mut self) {
        let (crash, restart) = self.config.churn;
        if crash == 0.0 && restart == 0.0 {
            return;
        }
        for slot in 0..self.network.slot_count() as Slot {
            if !self.network.is_alive(slot) {
                continue;
            }
            // Churn only touches live nodes, so neither call can fail.
            if self.nodes.is_crashed(slot) {
                if self.rng.chance(restart) {
                    let _ = self.set_crashed(slot, false);
                }
            } else if self.rng.chance(crash) {
                let _ = self.set_crashed(slot, true);
            }
        }
    }

    /// On a tick: each running node (not crashed or paused) broadcasts with the traffic
    /// probability.
    pub(super) fn make_traffic(&mut self) {
        let rate = self.config.traffic;
        if rate == 0.0 {
            return;
        }
        for slot in 0..self.network.slot_count() as Slot {
            if self.nodes.is_running(slot) && self.rng.chance(rate) {
                self.engine_broadcast(slot, Payload::None, &[]);
            }
        }
    }

    /// A broadcast the engine makes `sender` send, carrying `payload` (as `bytes`); reported to
    /// the owner when someone may hear of it.
    pub(super) fn engine_broadcast(&mut self, sender: Slot, payload: Payload, bytes: &[u8]) {
        let listening = self.nodes.anyone_listening();
        let Ok(sent) = self.send(sender, true, bytes, message_size(bytes)) else { return };
        let SimBroadcast {
            message,
            sender: claimed,
            stamp,
            deliveries,
            anomalies,
            sequence,
            proof,
            instant,
            ..
        } = sent;
        let carried = match payload {
            Payload::Value(value) if message != 0 => Some(value),
            _ => None,
        };
        let delivered_at_once = !deliveries.is_empty();
        let heard: Vec<Delivery> =
            if listening || carried.is_some() { deliveries.to_vec() } else { Vec::new() };
        let anomalies = anomalies.to_vec();
        if let Some(value) = carried {
            self.carry_value(message, value, &heard);
        }
        if message == 0 || (!listening && anomalies.is_empty()) {
            return;
        }
        // A scheduled message whose every transfer was lost completed inside `send`: its
        // completion must follow the send.
        let completed_now = matches!(self.events.last(), Some(EngineEvent::Completed(id)) if *id == message);
        if completed_now {
            self.events.pop();
        }
        let done = completed_now || delivered_at_once || instant;
        self.events.push(EngineEvent::Sent(EngineSend {
            message,
            sender,
            claimed,
            stamp,
            payload,
            anomalies,
            sequence,
            proof,
        }));
        for delivery in heard {
            let receiver = match delivery {
                Delivery::Accepted(slot) | Delivery::Rejected { receiver: slot, .. } => slot,
            };
            if self.nodes.is_listening(receiver) {
                let arrival = Arrival {
                    message,
                    from: sender,
                    hops: 1,
                    delivery,
                    synced: None,
                    tampered: false,
                    refusal: None,
                    unicast: false,
                };
                self.events.push(EngineEvent::Arrived(arrival));
                // A node that runs its owner's protocol hears of it at this moment.
                self.host_due |= self.nodes.is_hosted(receiver);
            }
        }
        if done {
            self.events.push(EngineEvent::Completed(message));
        }
    }
}
