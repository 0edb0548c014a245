//! The discrete-event engine: a [`Network`] plus virtual time, links, a topology, flooding and faults.
//!
//! With the default [`SimConfig`] (full mesh, instant links, nothing crashed or partitioned) a
//! broadcast is the seed's: every live node gets it at once. Anything else makes broadcasts
//! transfers on an event queue that [`Simulation::run_until`] delivers in time order.

use std::collections::BTreeMap;

use crate::auth::AuthMode;
use crate::error::MeshError;
use crate::message::Stamp;
use crate::network::{Broadcast, Delivery, Network, Sighting, Slot, WatcherAnomaly};
use crate::node::NodeConfig;
use crate::sim::byzantine::Byzantine;
use crate::sim::link::Transit;
use crate::sim::queue::{EventQueue, Transfer};
use crate::sim::rng::SimRng;
use crate::sim::topology::Topology;
use crate::sim::trace::{Trace, TraceEvent, TraceKind};

/// Transfers looked ahead at per warming (see [`Simulation::warm_ahead`]): what their first
/// arrivals need fits in the first cache levels.
const WARM_AHEAD: u64 = 256;

impl Default for Simulation {
    /// The seed's network: an instant full mesh (the default settings always validate).
    fn default() -> Self {
        Self::build(SimConfig::default())
    }
}

/// A network run as a deterministic discrete-event simulation.
#[derive(Debug)]
pub struct Simulation {
    network: Network,
    config: SimConfig,
    links: Links,
    nodes: Nodes,
    rng: SimRng,
    clock: Clock,
    queue: EventQueue,
    messages: Vec<Option<MessageRecord>>,
    free_messages: Vec<u32>,
    ledger: Ledger,
    events: Vec<EngineEvent>,
    anomalies: Vec<WatcherAnomaly>,
    scratch: Vec<Slot>,
    script: BTreeMap<(u64, u64), ScriptAction>,
    script_done: u64,
    /// How many sorted transfers the queue had handed out when the next ones were last warmed
    /// (see [`Simulation::warm_ahead`]), plus how many were warmed: [`WARM_AHEAD`], or fewer
    /// when the sorted bucket ended sooner.
    warmed_until: u64,
    /// The receivers [`Simulation::warm_ahead`] warms, kept to reuse the buffer.
    warming: Vec<Slot>,
    keyring: Keyring,
}

/// What a replay resends besides the stamp: the old sequence number, proof and payload.
type Replayed = (u64, Proof, Box<[u8]>);

impl Simulation {
    /// An empty simulation with `config` (validated).
    pub fn new(config: SimConfig) -> Result<Self, MeshError> {
        config.validate()?;
        Ok(Self::build(config))
    }

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
            queue: EventQueue::default(),
            messages: Vec::new(),
            free_messages: Vec::new(),
            events: Vec::new(),
            anomalies: Vec::new(),
            scratch: Vec::new(),
            script: BTreeMap::new(),
            script_done: 0,
            warmed_until: 0,
            warming: Vec::new(),
            keyring: Keyring::new(config_auth, config_seed),
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
            + self.queue.heap_bytes()
            + self.messages.capacity() * std::mem::size_of::<Option<MessageRecord>>()
            + self.keyring.heap_bytes()
    }

    /// Transfers in flight.
    pub fn in_flight(&self) -> usize {
        self.queue.len()
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

    /// Removes a live node and its links.
    pub fn remove_node(&mut self, slot: Slot) -> Result<(), MeshError> {
        self.network.remove_node(slot)?;
        self.links.remove_node(slot, &self.config.topology);
        self.nodes.remove(slot);
        Ok(())
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
            && self.nodes.none_crashed()
            && self.nodes.all_honest()
            && self.config.auth == AuthMode::None
    }

    /// With the global tick on: the tick count and the allowed step skew, for watchers.
    fn skew_limit(&self) -> Option<(u64, u64)> {
        self.config.global_tick.then_some((self.clock.ticks(), self.config.max_step_skew))
    }

    /// Sends a message from a live node: delivered at once in instant mode, else scheduled.
    pub fn broadcast(&mut self, sender: Slot) -> Result<SimBroadcast<'_>, MeshError> {
        self.send(sender, false, &[])
    }

    /// Sends a message carrying `payload` (the bytes its tag or signature covers, in the
    /// authenticated modes; see [`crate::auth::canonical_bytes`]).
    pub fn broadcast_carrying(
        &mut self,
        sender: Slot,
        payload: &[u8],
    ) -> Result<SimBroadcast<'_>, MeshError> {
        self.send(sender, false, payload)
    }

    /// Sends a message from a live node; an engine-made one is tracked only when someone may
    /// hear of it (a node listens, or a watcher flags it).
    fn send(
        &mut self,
        sender: Slot,
        engine_made: bool,
        payload: &[u8],
    ) -> Result<SimBroadcast<'_>, MeshError> {
        self.refresh_topology();
        if self.is_instant() {
            let skew_limit = self.skew_limit();
            let Broadcast { message, stamp, deliveries, anomalies } =
                self.network.broadcast(sender, skew_limit)?;
            self.ledger.count_instant(1, deliveries);
            // Counted with its deliveries, so only traced (and `deliveries` still borrows the network).
            self.ledger.trace_sends(self.clock.now(), sender, message, 1);
            let sender = Sender::Node(sender);
            return Ok(SimBroadcast {
                message,
                sender,
                stamp,
                deliveries,
                anomalies,
                sequence: 0,
                proof: Proof::None,
            });
        }
        if self.is_crashed(sender) {
            let stamp = self.network_stamp_preview(sender)?;
            self.trace_now(TraceKind::Crashed, 0, sender, sender);
            return Ok(SimBroadcast {
                message: 0,
                sender: Sender::Node(sender),
                stamp,
                deliveries: &[],
                anomalies: &[],
                sequence: 0,
                proof: Proof::None,
            });
        }
        let honest = self.network.stamp(sender)?;
        let (message, stamp, claimed, replayed) = self.lie(sender, honest);
        let outsider = self.nodes.byzantine(sender) == Some(&Byzantine::Outsider);
        // A fresh proof is known good or bad as it is made; a replayed one is checked, since keys
        // may have changed since it was heard.
        let (sequence, proof, payload, known) = match replayed {
            Some((sequence, proof, payload)) => (sequence, proof, payload, None),
            None => {
                let payload: Box<[u8]> =
                    if self.keyring.mode() == AuthMode::None { Box::default() } else { payload.into() };
                let (sequence, proof, authentic) = self.prove(sender, &claimed, stamp, outsider, &payload);
                (sequence, proof, payload, Some(authentic))
            }
        };
        let check = Claimed { sender: &claimed, stamp, sequence, payload: &payload, proof: proof.bytes() };
        debug_assert!(
            known.is_none_or(|authentic| authentic == self.authentic(check)),
            "a proof is known good or bad as it is made"
        );
        // Checked once, here: watchers and every receiver of an untampered copy share the result.
        let verified =
            (self.keyring.mode() != AuthMode::None).then(|| known.unwrap_or_else(|| self.authentic(check)));
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
            sequence,
            proof: proof.clone(),
            payload,
            verified,
            tracked,
            sender: claimed.clone(),
            stamp,
            in_flight: 0,
            reached: 0,
            seen: SeenSet::Few(vec![sender]),
        };
        let index = self.new_record(record);
        self.fan_out(index, sender, None, 1, false);
        self.complete_if_done(index);
        Ok(SimBroadcast {
            message,
            sender: claimed,
            stamp,
            deliveries: &[],
            anomalies: &self.anomalies,
            sequence,
            proof,
        })
    }

    /// The id, stamp and claimed sender `sender` sends instead of a new honest message, when it
    /// is byzantine; for a replay, also the old message's sequence number, proof and payload.
    fn lie(&mut self, sender: Slot, honest: Stamp) -> (u64, Stamp, Sender, Option<Replayed>) {
        match self.nodes.byzantine(sender) {
            Some(Byzantine::Replay) => {
                if let Some(heard) = self.nodes.heard(sender) {
                    let old = (heard.sequence, heard.proof.clone(), heard.payload.clone());
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

    /// Traces and counts an event at the current time.
    fn trace_now(&mut self, kind: TraceKind, message: u64, from: Slot, to: Slot) {
        self.ledger.note(TraceEvent { time_us: self.clock.now(), kind, message, from, to });
    }

    /// The stamp a node would send now (for a crashed sender, whose message goes nowhere).
    fn network_stamp_preview(&self, sender: Slot) -> Result<Stamp, MeshError> {
        Ok(Stamp {
            global_step: self.network.global_step(sender)?,
            pattern_value: self.network.pattern_value(sender)?,
        })
    }

    fn new_record(&mut self, record: MessageRecord) -> u32 {
        match self.free_messages.pop() {
            Some(index) => {
                self.messages[index as usize] = Some(record);
                index
            }
            None => {
                self.messages.push(Some(record));
                (self.messages.len() - 1) as u32
            }
        }
    }

    /// Schedules transfers of message `index` from `node` to its neighbours (all, or `fanout`
    /// random ones), except `except`; each arrives at hop `hops`, `tampered` or not.
    fn fan_out(&mut self, index: u32, node: Slot, except: Option<Slot>, hops: u32, tampered: bool) {
        let mut targets = std::mem::take(&mut self.scratch);
        targets.clear();
        if self.config.topology == Topology::Full {
            targets.extend(self.network.live_slots().filter(|&s| s != node && Some(s) != except));
        } else {
            targets.extend(
                self.links.adjacency().neighbours(node).iter().copied().filter(|&s| Some(s) != except),
            );
        }
        let fanout = self.config.fanout as usize;
        if fanout > 0 && fanout < targets.len() {
            for i in 0..fanout {
                let j = i + self.rng.below((targets.len() - i) as u32) as usize;
                targets.swap(i, j);
            }
            targets.truncate(fanout);
        }
        let message = self.messages[index as usize].as_ref().map_or(0, |m| m.id);
        let mut scheduled = 0;
        let default_link = self.config.link;
        let plain = self.links.plain(&self.config.link);
        let now_us = self.clock.now();
        let event = |to| TraceEvent { time_us: now_us, kind: TraceKind::Lost, message, from: node, to };
        if plain {
            // A local generator, which the loop can keep in registers.
            let mut rng = self.rng.clone();
            for &to in &targets {
                let transit = default_link.transit(&mut rng);
                scheduled += self.transmit(transit, event(to), index, hops, tampered);
            }
            self.rng = rng;
        } else {
            for &to in &targets {
                scheduled += self.transmit_checked(event(to), index, hops, tampered);
            }
        }
        if let Some(record) = self.messages[index as usize].as_mut() {
            record.in_flight += scheduled;
        }
        self.scratch = targets;
    }

    /// [`Simulation::transmit`] over a link that a partition may cut, an override may set, or a
    /// queue limit may fill. Out of line, so that a plain flood's loop stays small.
    #[inline(never)]
    fn transmit_checked(&mut self, event: TraceEvent, index: u32, hops: u32, tampered: bool) -> u32 {
        let TraceEvent { from, to, .. } = event;
        let spec = match self.links.admit(from, to, &self.config.link) {
            Ok(spec) => spec,
            Err(refused) => {
                self.ledger.note(TraceEvent { kind: refused, ..event });
                return 0;
            }
        };
        let transit = spec.transit(&mut self.rng);
        let copies = self.transmit(transit, event, index, hops, tampered);
        self.links.carry(from, to, &spec, copies);
        copies
    }

    /// Draws the fate of message `index` on the link `event` names (from, to) and queues the
    /// copies that arrive, at hop `hops`; traces a loss. Returns how many copies it queued.
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
        let TraceEvent { from, to, .. } = event;
        let transfer = |delay: u64| Transfer {
            message: index,
            from,
            to,
            hops,
            delay_us: u32::try_from(delay).unwrap_or(u32::MAX),
            tampered,
        };
        let now_us = self.clock.now();
        self.queue.push(now_us.saturating_add(delay_us), transfer(delay_us));
        let Some(duplicate_us) = duplicate_us else { return 1 };
        self.queue.push(now_us.saturating_add(duplicate_us), transfer(duplicate_us));
        2
    }

    fn complete_if_done(&mut self, index: u32) {
        let done = self.messages[index as usize].as_ref().is_some_and(|m| m.in_flight == 0);
        if done {
            let record = self.messages[index as usize].take().expect("checked above");
            self.ledger.count_completed(record.reached);
            if record.tracked {
                self.events.push(EngineEvent::Completed(record.id));
            }
            self.free_messages.push(index);
        }
    }

    /// Runs every transfer, scripted action and tick due up to `time_us`, in time order; at equal
    /// times the tick runs first, then scripted actions in the order they were scheduled, then
    /// transfers in the order they were scheduled.
    pub fn run_until(&mut self, time_us: u64) {
        self.refresh_topology();
        loop {
            let transfer = self.queue.next_time();
            let script = self.next_script_time();
            match Due::next(time_us, self.clock.next_tick(), script, transfer) {
                Due::Tick => self.tick(),
                Due::Script(at) => {
                    self.clock.set(at);
                    self.run_script();
                }
                Due::Transfers(until) => self.run_transfers(until),
                Due::Nothing => break,
            }
        }
        self.clock.set(self.clock.now().max(time_us));
    }

    /// Runs `ticks` ticks of virtual time.
    pub fn run(&mut self, ticks: u64) {
        let span = ticks.saturating_mul(self.clock.tick_us());
        self.run_until(self.clock.now().saturating_add(span));
    }

    /// Runs everything due at the next moment anything is due (a tick or a transfer); returns
    /// false when nothing is left to run.
    pub fn step(&mut self) -> bool {
        let next_tick = self.clock.next_tick().unwrap_or(u64::MAX);
        let next =
            [self.queue.next_time(), self.next_script_time()].into_iter().flatten().fold(next_tick, u64::min);
        if next == u64::MAX {
            return false;
        }
        self.run_until(next);
        true
    }

    /// Runs every transfer due up to `until` in one tight loop. Nothing that runs here crashes,
    /// removes or partitions nodes, or changes links, so a network healthy at the start stays so.
    fn run_transfers(&mut self, until: u64) {
        let healthy = self.is_healthy();
        while let Some((at, transfer)) = self.queue.pop_until(until) {
            self.clock.set(at);
            self.warm_ahead();
            if !(healthy && self.arrive_again(&transfer)) {
                self.arrive(transfer);
            }
        }
    }

    /// Whether a duplicate arrival needs nothing but counting: every link is plain (no partition,
    /// override or queue limit), no link load is left to count down from an earlier queue limit,
    /// and no node is crashed or removed.
    fn is_healthy(&self) -> bool {
        self.links.plain(&self.config.link)
            && self.links.unloaded()
            && self.nodes.none_crashed()
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
        self.ledger.log_tick(self.clock.ticks(), self.clock.now(), census);
    }

    /// Takes the trace events recorded since the last call (with `record_trace` on).
    pub fn drain_trace(&mut self) -> Vec<TraceEvent> {
        self.ledger.drain_trace()
    }

    /// Takes the statistics of the ticks since the last call (at most the last 65 536).
    pub fn drain_tick_stats(&mut self) -> std::collections::vec_deque::Drain<'_, TickStats> {
        self.ledger.drain_ticks()
    }

    /// Every [`WARM_AHEAD`] transfers, reads the memory the next ones will need (for each first
    /// arrival: the receiver's flags, state and links) in short passes of independent loads, so
    /// that their cache misses overlap instead of queueing one per transfer. It changes nothing:
    /// a software prefetch that works in wasm too, where there is no prefetch instruction.
    fn warm_ahead(&mut self) {
        let (handed_out, upcoming) = self.queue.upcoming();
        if handed_out < self.warmed_until {
            return;
        }
        // The next warming is due after this window, or as soon as the next bucket is sorted
        // (the window ends with the bucket).
        let window = upcoming.len().min(WARM_AHEAD as usize);
        // Duplicates need nothing of the receiver's: only first arrivals are worth warming.
        let mut receivers = std::mem::take(&mut self.warming);
        receivers.clear();
        receivers.extend(upcoming.take(window).filter_map(|t| {
            let record = self.messages.get(t.message as usize).and_then(Option::as_ref)?;
            (!record.seen.contains(t.to)).then_some(t.to)
        }));
        // The loops are kept small so that the processor runs many iterations ahead, and a list
        // is read only in the second, once the first has brought in where it starts.
        let mut fold = 0u64;
        for &to in &receivers {
            let node = self.nodes.warm(to);
            fold ^= self.network.warm(to) ^ self.links.adjacency().neighbours(to).len() as u64 ^ node;
        }
        for &to in &receivers {
            // Both ends: a list may straddle two cache lines.
            let links = self.links.adjacency().neighbours(to);
            let ends = links.first().zip(links.last()).map_or(0, |(first, last)| first ^ last);
            fold ^= u64::from(ends);
        }
        std::hint::black_box(fold);
        self.warming = receivers;
        self.warmed_until = handed_out + window as u64;
    }

    /// Counts and traces `transfer` as a duplicate when its receiver already has the message;
    /// else changes nothing and returns false. Only for a healthy network (no crashed or removed
    /// node, no partition, no link override or queue limit, no link load left to count down),
    /// where a duplicate needs nothing else: most transfers of a flood take this short path,
    /// which stays small enough to inline into the loop.
    #[inline(always)]
    fn arrive_again(&mut self, transfer: &Transfer) -> bool {
        let Some(record) = self.messages[transfer.message as usize].as_mut() else { return false };
        if !record.seen.contains(transfer.to) {
            return false;
        }
        record.in_flight -= 1;
        let done = record.in_flight == 0;
        let Transfer { from, to, .. } = *transfer;
        let kind = TraceKind::Duplicate;
        self.ledger.note(TraceEvent { time_us: self.clock.now(), kind, message: record.id, from, to });
        if done {
            self.complete_if_done(transfer.message);
        }
        true
    }

    /// Delivers `transfer`: it is lost to a crash or a partition, a duplicate, or a first arrival.
    fn arrive(&mut self, transfer: Transfer) {
        let Transfer { message: index, from, to, hops, tampered, .. } = transfer;
        self.links.deliver(from, to);
        let slots = self.network.slot_count();
        let down = self.nodes.is_down(to);
        let cut = self.links.is_cut(from, to);
        let Some(record) = self.messages[index as usize].as_mut() else { return };
        record.in_flight -= 1;
        let event =
            TraceEvent { time_us: self.clock.now(), kind: TraceKind::Crashed, message: record.id, from, to };
        let kind = if down {
            TraceKind::Crashed
        } else if cut {
            TraceKind::Partitioned
        } else if !record.seen.insert(to, slots) {
            TraceKind::Duplicate
        } else {
            record.reached += 1;
            let stamp = record.stamp;
            let refusal = self.refusal(to, index, tampered);
            // The receiver is live (checked above), so neither call can fail.
            let delivery = match refusal {
                Some(_) => {
                    let _ = self.network.reject_malformed(to);
                    Delivery::Rejected { receiver: to, expected: 0 }
                }
                None => self.network.accept(to, stamp).unwrap_or(Delivery::Accepted(to)),
            };
            let arrival =
                Arrival { message: event.message, from, hops, delivery, synced: None, tampered, refusal };
            self.receive(arrival, index, event)
        };
        if kind != TraceKind::Accept && kind != TraceKind::Reject {
            self.ledger.note(TraceEvent { kind, ..event });
        }
        self.complete_if_done(index);
    }

    /// Counts and traces a first arrival, lets the receiver sync and remember it, reports it to
    /// a listening receiver, and relays it (as the receiver's behaviour allows).
    fn receive(&mut self, mut arrival: Arrival, index: u32, event: TraceEvent) -> TraceKind {
        let Arrival { from, hops, delivery, tampered, refusal, .. } = arrival;
        let to = event.to;
        self.ledger.count_delivery(tampered, refusal);
        let accepted = matches!(delivery, Delivery::Accepted(_));
        let kind = if accepted { TraceKind::Accept } else { TraceKind::Reject };
        self.ledger.note(TraceEvent { kind, ..event });
        let behaviour = self.nodes.byzantine(to).cloned();
        if accepted {
            arrival.synced = self.follow(to, index);
            if behaviour == Some(Byzantine::Replay) {
                if let Some(record) = &self.messages[index as usize] {
                    let heard = Heard {
                        message: record.id,
                        stamp: record.stamp,
                        sender: record.sender.clone(),
                        sequence: record.sequence,
                        proof: record.proof.clone(),
                        payload: record.payload.clone(),
                    };
                    self.nodes.remember(to, heard);
                }
            }
        }
        let tracked = self.messages[index as usize].as_ref().is_some_and(|m| m.tracked);
        if tracked && self.nodes.is_listening(to) {
            self.events.push(EngineEvent::Arrived(arrival));
        }
        if accepted && hops < self.config.ttl && self.config.topology != Topology::Full {
            if behaviour == Some(Byzantine::BlackHole) {
                self.ledger.count_swallowed();
            } else {
                self.ledger.note(TraceEvent { kind: TraceKind::Forward, ..event });
                let tamper = tampered || behaviour == Some(Byzantine::Tamper);
                self.fan_out(index, to, Some(from), hops + 1, tamper);
            }
        }
        kind
    }

    /// With `auto_sync`: moves `node` to the step of message `index` when it is ahead, but by
    /// no more than `max_step_skew`; returns the new step.
    fn follow(&mut self, node: Slot, index: u32) -> Option<u64> {
        if !self.config.auto_sync {
            return None;
        }
        let step = self.messages[index as usize].as_ref()?.stamp.global_step;
        let own = self.network.global_step(node).ok()?;
        if step <= own || step - own > self.config.max_step_skew {
            return None;
        }
        self.network.sync(node, step as f64).ok()?;
        self.ledger.count_synced();
        Some(step)
    }

    /// Takes what the owner of the nodes needs to hear since the last call, in the order it
    /// happened: engine sends, arrivals at listening nodes, completed messages.
    pub fn drain_events(&mut self) -> std::vec::Drain<'_, EngineEvent> {
        self.events.drain(..)
    }
}

mod authenticity;
mod batch;
mod clock;
mod config;
mod events;
mod faults;
mod in_flight;
mod keyring;
mod ledger;
mod links;
mod messages;
mod nodes;
mod traffic;
mod wiring;

use clock::{Clock, Due};
pub use config::SimConfig;
pub use events::{Arrival, EngineEvent, EngineSend, SimBroadcast};
pub use in_flight::{InFlight, Outlook};
use ledger::Ledger;
pub use ledger::{SimStats, TickStats};
use links::Links;
use nodes::{Heard, Nodes};
pub use traffic::ScriptAction;

pub use authenticity::{Claimed, Refusal};
use keyring::Keyring;
use messages::{MessageRecord, SeenSet};
pub use messages::{Proof, Sender};

#[cfg(test)]
mod tests;
