//! What the engine tells the owner of the nodes after a run: sends it made, arrivals, completions.

use super::{Arrival, Sender};
use crate::message::Stamp;
use crate::network::{Slot, WatcherAnomaly};

/// One thing that happened during a run that the owner of the nodes (the JS facade) acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineEvent {
    /// The engine made a node send (traffic, or a scenario's scripted broadcast).
    Sent(EngineSend),
    /// A message reached a listening node.
    Arrived(Arrival),
    /// A message has nothing left in flight.
    Completed(u64),
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
    /// The scenario event whose payload it carries, if any.
    pub payload: Option<u32>,
    /// What watching observers flagged.
    pub anomalies: Vec<WatcherAnomaly>,
}
