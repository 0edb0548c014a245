//! A software prefetch for the flood loop: the memory coming first arrivals need is read ahead
//! of them, in short passes of independent loads, so that their cache misses overlap.

use super::messages::Messages;
use super::nodes::Nodes;
use crate::network::{Network, Slot};
use crate::sim::topology::Adjacency;

/// Transfers looked ahead at per warming: what their first arrivals need fits in the first cache
/// levels.
const WARM_AHEAD: usize = 256;

/// When the next transfers are due to be warmed, and a buffer for their receivers.
///
/// It changes nothing the simulation can see: it only reads. It works in wasm too, where there
/// is no prefetch instruction.
#[derive(Debug, Default)]
pub(super) struct Warmer {
    /// How many sorted transfers the queue had handed out when the next ones were last warmed,
    /// plus how many were warmed: [`WARM_AHEAD`], or fewer when the sorted bucket ended sooner.
    warmed_until: u64,
    /// The receivers being warmed, kept to reuse the buffer.
    receivers: Vec<Slot>,
}

impl Warmer {
    /// Every [`WARM_AHEAD`] transfers, reads the memory the next ones will need (for each first
    /// arrival: the receiver's engine state, its node state and its links) in short passes of
    /// independent loads, so that their cache misses overlap instead of queueing one per
    /// transfer.
    pub(super) fn warm_ahead(
        &mut self,
        messages: &Messages,
        nodes: &Nodes,
        network: &Network,
        adjacency: &Adjacency,
    ) {
        let (handed_out, upcoming) = messages.queue().upcoming();
        if handed_out < self.warmed_until {
            return;
        }
        // The next warming is due after this window, or as soon as the next bucket is sorted
        // (the window ends with the bucket).
        let window = upcoming.len().min(WARM_AHEAD);
        // Duplicates need nothing of the receiver's: only first arrivals are worth warming.
        let receivers = &mut self.receivers;
        receivers.clear();
        receivers.extend(upcoming.take(window).filter_map(|t| {
            let record = messages.get(t.message)?;
            (!record.seen.contains(t.to)).then_some(t.to)
        }));
        // The loops are kept small so that the processor runs many iterations ahead, and a list
        // is read only in the second, once the first has brought in where it starts.
        let mut fold = 0u64;
        for &to in receivers.iter() {
            fold ^= network.warm(to) ^ adjacency.neighbours(to).len() as u64 ^ nodes.warm(to);
        }
        for &to in receivers.iter() {
            // Both ends: a list may straddle two cache lines.
            let links = adjacency.neighbours(to);
            let ends = links.first().zip(links.last()).map_or(0, |(first, last)| first ^ last);
            fold ^= u64::from(ends);
        }
        std::hint::black_box(fold);
        self.warmed_until = handed_out + window as u64;
    }
}
