//! What the engine tells the owner of the nodes: what a broadcast did, and after a run the sends it
//! made, arrivals and completions.

use super::{Proof, Refusal, Sender};
use crate::message::Stamp;
use crate::network::{Delivery, Slot, WatcherAnomaly};

/// One thing that happened during a run that the owner of the nodes (the JS facade) acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineEvent {
    /// The engine made a node send (traffic, or a scenario's scripted broadcast).
    Sent(EngineSend),
    /// A message reached a listening node.
    Arrived(Arrival),
    /// A message has nothing left in flight.
    Completed(u64),
    /// The broadcast workload handed `value` to `node`, which runs its owner's protocol.
    Offered {
        /// The node.
        node: Slot,
        /// The value.
        value: u32,
    },
    /// The engine (churn, a scenario's event) crashed (`crashed`) or restarted a node that runs
    /// its owner's protocol.
    Lifecycle {
        /// The node.
        node: Slot,
        /// Whether it crashed (else it restarted).
        crashed: bool,
    },
}

/// What an engine-made message carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// Nothing (traffic).
    None,
    /// The `data` of a scenario's event (its index).
    Event(u32),
    /// A broadcast workload's value.
    Value(u32),
}

/// A message the engine made a node send; reported when someone may hear of it (a node is
/// listening, or a watcher flagged it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineSend {
    /// The message's id.
    pub message: u64,
    /// The node that sent it.
    pub sender: Slot,
    /// Who it claims to be from.
    pub claimed: Sender,
    /// Its step and pattern value.
    pub stamp: Stamp,
    /// What it carries.
    pub payload: Payload,
    /// What watching observers flagged.
    pub anomalies: Vec<WatcherAnomaly>,
    /// The sender's sequence number (authenticated modes; 0 otherwise).
    pub sequence: u64,
    /// The tag or signature the message carries.
    pub proof: Proof,
}

/// What a broadcast did.
#[derive(Debug, PartialEq, Eq)]
pub struct SimBroadcast<'a> {
    /// The message's id (ids count up from 1; a replay reuses an old one; 0: nothing was sent).
    pub message: u64,
    /// Who the message claims to be from (a forger's victim, or the sender).
    pub sender: Sender,
    /// The step and pattern value the sender stamped.
    pub stamp: Stamp,
    /// Instant mode: one entry per other live node. Scheduled mode: empty (see `run_until`).
    pub deliveries: &'a [Delivery],
    /// Anomalies flagged by watching observers.
    pub anomalies: &'a [WatcherAnomaly],
    /// The sender's sequence number (authenticated modes; 0 otherwise).
    pub sequence: u64,
    /// The tag or signature the message carries.
    pub proof: Proof,
    /// Whether every other live node judged it at once (the seed's broadcast), rather than it
    /// being scheduled.
    pub instant: bool,
    /// Whether it was instant and unanimous ([`crate::network::Broadcast::unanimous`]).
    pub unanimous: bool,
}

/// A delivery to a node whose owner asked to hear about them (see [`super::Simulation::set_listening`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    /// The message's id.
    pub message: u64,
    /// The node it came from over the last link.
    pub from: Slot,
    /// Links it travelled.
    pub hops: u32,
    /// What the receiver concluded.
    pub delivery: Delivery,
    /// The step the receiver synced to (`auto_sync`).
    pub synced: Option<u64>,
    /// Whether a byzantine relay tampered with this copy.
    pub tampered: bool,
    /// Why the receiver refused it before its pattern was checked (authenticated modes); its
    /// `delivery` is then a rejection with expected value 0.
    pub refusal: Option<Refusal>,
    /// Whether it was sent to this node alone (a unicast), rather than broadcast.
    pub unicast: bool,
}
