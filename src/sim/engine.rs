//! The discrete-event engine: a [`Network`] plus virtual time, links, a topology, flooding and faults.
//!
//! With the default [`SimConfig`] (full mesh, instant links, nothing crashed or partitioned) a
//! broadcast is the seed's: every live node gets it at once. Anything else makes broadcasts
//! transfers on an event queue that [`Simulation::run_until`] delivers in time order.
//!
//! [`Simulation`] holds the network and one table per kind of state, each owning its rules:
//! the clock (`clock.rs`), the nodes' engine state (`nodes.rs`), the links (`links.rs`), the
//! messages in flight and their transfers (`messages.rs`), what paused nodes hold (`held.rs`), the scenario's script (`script.rs`),
//! the totals, trace and tick log (`ledger.rs`) and the keys (`keyring.rs`). This file holds the
//! run loop; sending (`send.rs`, and `unicast.rs` to one node) and arriving (`arrive.rs`) are
//! the steps it runs, and the other files are the simulation's methods for one area each.

use crate::auth::AuthMode;
use crate::error::MeshError;
use crate::network::{Network, Slot, WatcherAnomaly};
use crate::node::NodeConfig;
use crate::sim::rng::SimRng;
use crate::sim::topology::Topology;
use crate::sim::trace::{Trace, TraceEvent, TraceKind};

impl Default for Simulation {
    /// The seed's network: an instant full mesh (the default settings always validate).
    fn default() -> Self {
        Self::build(SimConfig::default())
    }
}

/// A network run as a deterministic discrete-event simulation.
#[derive(Debug)]
pub struct Simulation {
    /// The nodes, their patterns and the watching observers.
    network: Network,
    /// The settings (the topology and the default link change at run time).
    config: SimConfig,
    /// Who is linked to whom and how each link behaves.
    links: Links,
    /// Each node's engine state: paused, crashed, removed, listening, faults.
    nodes: Nodes,
    /// What reached paused nodes, held until they resume.
    held: Held,
    /// The one generator behind every random choice.
    rng: SimRng,
    /// Virtual time and ticks.
    clock: Clock,
    /// The messages in flight and the queue of their transfers.
    messages: Messages,
    /// The read-ahead of the flood loop.
    warmer: Warmer,
    /// Running totals, the trace and the tick log.
    ledger: Ledger,
    /// What the owner of the nodes has yet to hear of (see [`Simulation::drain_events`]).
    events: Vec<EngineEvent>,
    /// The anomalies watchers flagged for the last scheduled send.
    anomalies: Vec<WatcherAnomaly>,
    /// The targets of the fan-out running now, kept to reuse the buffer.
    scratch: Vec<Slot>,
    /// The scenario's actions still to run.
    script: Script,
    /// Keys, sequence numbers and replay windows (authenticated modes).
    keyring: Keyring,
    /// The owner's virtual timers.
    timers: Timers,
    /// When the last run stopped early for its owner (timers fired, or a node that runs its
    /// owner's protocol got a message): the time it was running to.
    paused_until: Option<u64>,
    /// Whether a node that runs its owner's protocol got a message at the current time.
    host_due: bool,
    /// The bulk protocol, when the owner runs one, and the batch its handler has yet to take.
    bulk: Bulk,
    /// The checkers of the workloads running.
    checkers: Checkers,
}

impl Simulation {
    /// An empty simulation with `config` (validated).
    pub fn new(config: SimConfig) -> Result<Self, MeshError> {
        config.validate()?;
        Ok(Self::build(config))
    }

    /// An empty simulation with `config` (already validated).
    fn build(config: SimConfig) -> Self {
        let (config_auth, config_seed) = (config.auth, config.seed);
        Self {
            network: Network::new(),
            rng: SimRng::new(config.seed),
            ledger: Ledger::new(config.record_trace),
            clock: Clock::new(&config),
            config,
            links: Links::default(),
            nodes: Nodes::default(),
            held: Held::default(),
            messages: Messages::default(),
            warmer: Warmer::default(),
            events: Vec::new(),
            anomalies: Vec::new(),
            scratch: Vec::new(),
            script: Script::default(),
            keyring: Keyring::new(config_auth, config_seed),
            timers: Timers::default(),
            paused_until: None,
            host_due: false,
            bulk: Bulk::default(),
            checkers: Checkers::default(),
        }
    }

    /// The network of nodes being simulated.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The network, for changes that need no engine bookkeeping (sync, receive, watch).
    pub fn network_mut(&mut self) -> &mut Network {
        &mut self.network
    }

    /// The settings.
    pub fn config(&self) -> &SimConfig {
        &self.config
    }

    /// Virtual time in microseconds.
    pub fn now_us(&self) -> u64 {
        self.clock.now()
    }

    /// Running totals.
    pub fn stats(&self) -> &SimStats {
        self.ledger.totals()
    }

    /// The trace (its hash, and the events when recording).
    pub fn trace(&self) -> &Trace {
        self.ledger.trace()
    }

    /// Bytes of heap the engine holds besides the network's nodes and ids: links, per-node flags,
    /// and what is in flight.
    pub fn heap_bytes(&self) -> usize {
        self.links.heap_bytes()
            + self.nodes.heap_bytes()
            + self.held.heap_bytes()
            + self.messages.heap_bytes()
            + self.keyring.heap_bytes()
            + self.timers.heap_bytes()
    }

    /// Transfers in flight.
    pub fn in_flight(&self) -> usize {
        self.messages.queue().len()
    }

    /// Adds a node (see [`Network::create_node`]); it has no links until the topology is applied
    /// again or it is connected, except in a full mesh.
    pub fn create_node(&mut self, config: &NodeConfig) -> Result<Slot, MeshError> {
        let slot = self.network.create_node(config)?;
        self.keyring.add_node(self.config.seed, &config.node_id);
        self.links.add_node(&self.config.topology);
        self.nodes.add();
        Ok(slot)
    }

    /// Removes a live node and its links; what it held while paused is dropped.
    pub fn remove_node(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.remove_node(slot)?;
        self.note_down(slot, false);
        self.timers.void_node(slot);
        self.timers.release(slot, self.clock.now());
        self.links.remove_node(slot, &self.config.topology);
        self.nodes.remove(slot);
        self.release_held(slot);
        Ok(())
    }

    /// Makes the live node `slot` run its owner's protocol: its arrivals are reported as
    /// [`Arrival`]s (of messages sent once it was hosted), a run stops at the end of each moment
    /// in which it got one, and the engine never relays for it (the protocol does).
    /// Fails with `ERR_NOT_APPLICABLE` naming `protocol` when the network runs a bulk protocol.
    pub fn set_hosted(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.counters(slot)?;
        self.check_hostable()?;
        self.nodes.set_hosted(slot);
        Ok(())
    }

    /// Whether a node may run its owner's protocol: not while the network runs a bulk protocol
    /// (`ERR_NOT_APPLICABLE` naming `protocol`).
    pub fn check_hostable(&self) -> Result<(), MeshError> {
        if self.bulk.is_on() {
            return Err(MeshError::NotApplicable {
                field: "protocol".into(),
                problem: "the network runs a bulk protocol, which runs every node".into(),
            });
        }
        Ok(())
    }

    /// A seed for the random source of the protocol `slot` runs, drawn from the network's seed
    /// and the slot alone (so a run with a protocol replays from its seed).
    pub fn protocol_seed(&self, slot: Slot) -> u64 {
        let golden = 0x9E37_79B9_7F4A_7C15u64;
        SimRng::new(self.config.seed ^ golden.wrapping_mul(u64::from(slot) + 1)).next_u64()
    }

    /// Whether deliveries to `slot` are reported as [`Arrival`]s (its owner has handlers).
    pub fn set_listening(&mut self, slot: Slot, listening: bool) {
        self.nodes.set_listening(slot, listening);
    }

    /// Whether a broadcast is delivered at once to every live node (the seed's behaviour).
    pub fn is_instant(&self) -> bool {
        self.config.topology == Topology::Full
            && self.config.link.is_instant()
            && self.links.uniform()
            && self.nodes.all_running()
            && self.nodes.all_honest()
            && self.config.auth == AuthMode::None
            && !self.bulk.is_on()
    }

    /// With the global tick on: the tick count and the allowed step skew, for watchers.
    fn skew_limit(&self) -> Option<(u64, u64)> {
        self.config.global_tick.then_some((self.clock.ticks(), self.config.max_step_skew))
    }

    /// When the next of each kind of thing is due.
    fn upcoming(&mut self) -> Upcoming {
        Upcoming {
            tick: self.clock.next_tick(),
            script: self.script.next_time(),
            workload: self.checkers.next_due(),
            timer: self.timers.next_time(),
            transfer: self.messages.next_time(),
        }
    }

    /// Runs every transfer, scripted action, timer and tick due up to `time_us`, in time order;
    /// at equal times the tick runs first, then scripted actions, then a workload's value, then timers, then transfers,
    /// each kind in the order it was scheduled.
    ///
    /// When timers fire the run stops at their time, so that their owner can run the callbacks
    /// ([`Simulation::drain_timers`]) before anything later happens, and likewise at the end of
    /// a moment in which a node that runs its owner's protocol got a message, crashed or
    /// restarted (see [`Simulation::set_hosted`]); [`Simulation::paused_until`] then says where
    /// to run on to. With a bulk protocol it stops likewise when bulk timers fired, and before
    /// anything past the window of the first arrivals it has yet to handle, or due before them
    /// and not a transfer (see [`Simulation::bulk_batch`]); a batch not applied by the next run
    /// is dropped.
    pub fn run_until(&mut self, time_us: u64) {
        self.refresh_topology();
        self.timers.recycle();
        self.paused_until = None;
        self.host_due = false;
        if self.bulk.is_pending() {
            let _ = self.apply_bulk(&[]); // no ops: nothing to refuse
        }
        loop {
            let due = Due::next(self.bulk.limit(time_us), self.upcoming());
            if self.bulk.is_pending() && !matches!(due, Due::Transfers(_)) {
                self.paused_until = Some(time_us);
                return;
            }
            match due {
                Due::Tick => self.tick(),
                Due::Script(at) => {
                    self.clock.set(at);
                    self.run_script();
                }
                Due::Workload(at) => {
                    self.clock.set(at);
                    self.hand_out();
                }
                Due::Timers(at) => {
                    if self.fire_timers(at) {
                        self.paused_until = Some(time_us);
                        return;
                    }
                }
                Due::Transfers(until) => self.run_transfers(until),
                Due::Nothing => break,
            }
            if std::mem::take(&mut self.host_due) {
                self.paused_until = Some(time_us);
                return;
            }
        }
        self.clock.set(self.clock.now().max(time_us));
    }

    /// Moves the clock to `at` and fires the timers due then (see [`Timers::fire_due`]); returns
    /// whether any fired. Kept out of the run loop, which it would otherwise weigh down.
    #[inline(never)]
    fn fire_timers(&mut self, at: u64) -> bool {
        self.clock.set(at);
        // The nodes' flags alone say whether each is down or paused (one byte each, in cache).
        let (nodes, ledger, bulk) = (&self.nodes, &mut self.ledger, &mut self.bulk);
        let fate = |slot| match (nodes.is_down(slot), nodes.is_paused(slot)) {
            (true, _) => Fate::Drop,
            (false, true) => Fate::Hold,
            (false, false) => Fate::Fire,
        };
        let fired = |id, owner, tag: Option<f64>| {
            ledger.note(TraceEvent {
                time_us: at,
                kind: TraceKind::Timer,
                message: id,
                from: owner,
                to: owner,
            });
            if let Some(tag) = tag {
                bulk.timer_fired(owner, tag);
            }
        };
        self.timers.fire_due(at, fate, fired)
    }

    /// Runs `ticks` ticks of virtual time.
    pub fn run(&mut self, ticks: u64) {
        let span = ticks.saturating_mul(self.clock.tick_us());
        self.run_until(self.clock.now().saturating_add(span));
    }

    /// Runs everything due at the next moment anything is due (a tick, scripted action, timer or
    /// transfer); returns false when nothing is left to run.
    pub fn step(&mut self) -> bool {
        match self.upcoming().earliest() {
            Some(next) => {
                self.run_until(next);
                true
            }
            None => false,
        }
    }

    /// When the last run stopped early because timers fired: the time it was running to (run
    /// on with [`Simulation::run_until`] once their callbacks ran).
    pub fn paused_until(&self) -> Option<u64> {
        self.paused_until
    }

    /// Sets a timer due `delay_us` from now, of the live node `owner` or of the network (`None`);
    /// returns its id (a small number, reused once the timer fired or was dropped). A node's
    /// timer fires only if the node is running then and has not crashed or been removed since.
    pub fn set_timer(&mut self, delay_us: u64, owner: TimerOwner) -> Result<u64, MeshError> {
        if let Some(slot) = owner {
            self.check_timer_owner(slot)?;
        }
        Ok(self.timers.set(self.clock.now().saturating_add(delay_us), owner))
    }

    /// Whether node `slot` may own a timer: it is live (the one-byte flags first: a bulk batch
    /// may set a million timers), else the error for a node removed or never created.
    fn check_timer_owner(&self, slot: Slot) -> Result<(), MeshError> {
        if self.nodes.is_live(slot) {
            return Ok(());
        }
        self.network.counters(slot).map(|_| ())
    }

    /// Cancels the pending timer `id` (only pending ids name the timer they were given for).
    pub fn cancel_timer(&mut self, id: u64) {
        self.timers.cancel(id);
    }

    /// The timers done with since the last call, in order: each id, and whether it fired (the
    /// run stopped for those) or was dropped unfired (cancelled, voided by its node's crash or
    /// removal, or its node down at its time); either way its id may name a later timer now.
    pub fn drain_timers(&mut self) -> std::vec::Drain<'_, (u64, bool)> {
        self.timers.drain_done()
    }

    /// Timers pending (cancelled ones included until their time).
    pub fn pending_timers(&self) -> usize {
        self.timers.len()
    }

    /// Runs every transfer due up to `until` in one tight loop. Nothing that runs here crashes,
    /// removes or partitions nodes, or changes links, so a network healthy at the start stays so.
    ///
    /// Once a node that runs its owner's protocol got a message, only the rest of that moment
    /// runs: the owner's protocol reacts before anything later happens. Once the bulk protocol
    /// has first arrivals to handle, only the rest of their window runs.
    fn run_transfers(&mut self, mut until: u64) {
        let healthy = self.is_healthy();
        while let Some((at, transfer)) = self.messages.pop_until(until) {
            self.clock.set(at);
            self.warm_ahead();
            if !(healthy && self.arrive_again(&transfer)) {
                self.arrive(transfer);
                if self.host_due {
                    until = at;
                }
                until = self.bulk.limit(until);
            }
        }
    }

    /// Whether a duplicate arrival needs nothing but counting: every link is plain (no partition,
    /// override or queue limit), no link load is left to count down from an earlier queue limit,
    /// and no node is crashed, paused (it holds duplicates too) or removed.
    fn is_healthy(&self) -> bool {
        self.links.plain(&self.config.link)
            && self.links.unloaded()
            && self.messages.none_doomed()
            && self.nodes.all_running()
            && self.network.live_count() == self.network.slot_count()
    }

    /// Advances the clock to the next tick and runs it: every running node steps (with the
    /// global tick), then churn and traffic happen, and the tick's statistics are logged.
    fn tick(&mut self) {
        self.clock.start_tick();
        let slots = if self.config.global_tick { self.network.slot_count() as Slot } else { 0 };
        for slot in 0..slots {
            if let Some(steps) = self.nodes.tick_steps(slot) {
                self.network.advance(slot, steps);
            }
        }
        self.trace_now(TraceKind::Tick, 0, 0, 0);
        self.churn();
        self.make_traffic();
        let census = self.nodes.census(&self.network);
        if census.online > 0 {
            self.note_tick(census.min_step, census.max_step);
        }
        self.ledger.log_tick(self.clock.ticks(), self.clock.now(), census);
    }

    /// Reads ahead the memory the coming first arrivals need (see [`Warmer::warm_ahead`]).
    fn warm_ahead(&mut self) {
        let adjacency = self.links.adjacency();
        self.warmer.warm_ahead(&self.messages, &self.nodes, &self.network, adjacency);
    }

    /// Traces and counts an event at the current time.
    fn trace_now(&mut self, kind: TraceKind, message: u64, from: Slot, to: Slot) {
        self.ledger.note(TraceEvent { time_us: self.clock.now(), kind, message, from, to });
    }

    /// Takes the trace events recorded since the last call (with `record_trace` on).
    pub fn drain_trace(&mut self) -> Vec<TraceEvent> {
        self.ledger.drain_trace()
    }

    /// Takes the statistics of the ticks since the last call (at most the last 65 536).
    pub fn drain_tick_stats(&mut self) -> std::collections::vec_deque::Drain<'_, TickStats> {
        self.ledger.drain_ticks()
    }

    /// Takes what the owner of the nodes needs to hear since the last call, in the order it
    /// happened: engine sends, arrivals at listening nodes, completed messages.
    pub fn drain_events(&mut self) -> std::vec::Drain<'_, EngineEvent> {
        self.events.drain(..)
    }
}

mod arrive;
mod authenticity;
mod batch;
mod bulk;
mod chunked_lists;
mod clock;
mod config;
mod events;
mod faults;
mod held;
mod in_flight;
mod keyring;
mod ledger;
mod links;
mod messages;
mod nodes;
mod radix_heap;
mod script;
mod seen;
mod send;
mod timer_queue;
mod timers;
mod traffic;
mod unicast;
mod warm;
mod wiring;
mod workload;

use bulk::Bulk;
pub use bulk::{BulkOp, BulkTimer, FirstArrival};
use clock::{Clock, Due, Upcoming};
pub use config::SimConfig;
pub use events::{Arrival, EngineEvent, EngineSend, Payload, SimBroadcast};
use held::Held;
pub use in_flight::{InFlight, Outlook};
use ledger::Ledger;
pub use ledger::{SimStats, TickStats};
use links::Links;
use messages::Messages;
use nodes::Nodes;
use script::Script;
pub use script::ScriptAction;
pub use timers::TimerOwner;
use timers::{Fate, Timers};
use warm::Warmer;
use workload::Checkers;
pub use workload::WorkloadReport;

pub use authenticity::{Claimed, Refusal};
use keyring::Keyring;
pub use messages::{Proof, Sender};

#[cfg(test)]
mod tests;
