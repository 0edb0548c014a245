//! `RawNetwork`: the binding of [`crate::sim::engine::Simulation`] behind the facade's `MeshNetwork`.

use wasm_bindgen::prelude::*;

use js_sys::JsString;

use super::errors::{js, well_formed, JsResult};
use super::observer::RawObserver;
use super::shape::read_js;
use crate::boundary::codes::{code_of, NEEDS_SIZE, NONE};
use crate::boundary::layouts::{BatchGroup, BatchHead, BroadcastStamp, Rejection, WatcherAnomalyRecord};
use crate::network::{Delivery, WatcherAnomaly};
use crate::node::NodeConfig;
use crate::sim::engine::{Sender, SimBroadcast, Simulation};
use crate::sim::options::NetworkOptions;
use crate::sim::scenario::Scenario;

/// A network of nodes addressed by slot (creation order, never reused), run by the engine.
#[wasm_bindgen]
pub struct RawNetwork {
    pub(super) inner: Simulation,
    pub(super) report: Vec<f64>,
    pub(super) claimed_name: String,
    pub(super) claimed_names: Vec<String>,
    /// The proofs of the last drain's engine-made sends, in order (see `sentProofs`).
    pub(super) sent_proofs: Vec<u8>,
    /// The sequence number and tag or signature of the last broadcast or unicast (authenticated
    /// modes).
    pub(super) last_proof: (u64, Vec<u8>),
    /// The error of the last call that reported a refusal by returning 0.
    error: Option<crate::MeshError>,
}

impl Default for RawNetwork {
    fn default() -> Self {
        Self::from_simulation(Simulation::default())
    }
}

/// The report buffer's first size: a stamp plus room for some rejections and anomalies.
const REPORT_CAPACITY: usize = 256;

#[wasm_bindgen]
impl RawNetwork {
    /// An empty network with the seed's behaviour (instant full mesh).
    #[wasm_bindgen(constructor)]
    pub fn new() -> RawNetwork {
        RawNetwork::default()
    }

    /// An empty network with `options` (see `NetworkOptions` in the facade), every rule checked.
    #[wasm_bindgen(js_name = withOptions)]
    pub fn with_options(
        #[wasm_bindgen(unchecked_param_type = "object")] options: JsValue,
    ) -> JsResult<RawNetwork> {
        let options: NetworkOptions = read_js(&options, "")?;
        Ok(Self::from_simulation(js(Simulation::new(js(options.to_config())?))?))
    }

    /// A network built from a scenario document (the value `JSON.parse` gives for its text), its
    /// events scheduled.
    #[wasm_bindgen(js_name = fromScenario)]
    pub fn from_scenario(
        #[wasm_bindgen(unchecked_param_type = "unknown")] document: JsValue,
    ) -> JsResult<RawNetwork> {
        let scenario: Scenario = read_js(&document, "")?;
        Ok(Self::from_simulation(js(scenario.build())?))
    }

    /// How many slots the network has used (live and removed nodes).
    #[wasm_bindgen(js_name = slotCount)]
    pub fn slot_count(&self) -> usize {
        self.inner.network().slot_count()
    }

    /// Validates a configuration and adds a node at step 0; returns its slot.
    #[wasm_bindgen(js_name = createNode)]
    pub fn create_node(&mut self, node_id: &JsString, seed: f64, phase_reset_interval: f64) -> JsResult<u32> {
        let node_id = well_formed("nodeId", node_id)?;
        let config = js(NodeConfig::new(&node_id, seed, phase_reset_interval))?;
        js(self.inner.create_node(&config))
    }

    /// The slot of the live node with this id, or `undefined`.
    #[wasm_bindgen(js_name = findNode)]
    pub fn find_node(&self, node_id: &JsString) -> Option<u32> {
        self.inner.network().find(&well_formed("nodeId", node_id).ok()?)
    }

    /// Removes a live node; throws `ERR_NODE_REMOVED` if it is already gone.
    #[wasm_bindgen(js_name = removeNode)]
    pub fn remove_node(&mut self, slot: u32) -> JsResult<()> {
        js(self.inner.remove_node(slot))
    }

    /// Whether the node in `slot` is live.
    #[wasm_bindgen(js_name = isAlive)]
    pub fn is_alive(&self, slot: u32) -> bool {
        self.inner.network().is_alive(slot)
    }

    /// The number of live nodes.
    #[wasm_bindgen(js_name = nodeCount)]
    pub fn node_count(&self) -> usize {
        self.inner.network().live_count()
    }

    /// Bytes of wasm heap the network's core state holds (nodes, ids, lookup table, links,
    /// messages in flight).
    #[wasm_bindgen(js_name = heapBytes)]
    pub fn heap_bytes(&self) -> usize {
        self.inner.network().heap_bytes() + self.inner.heap_bytes()
    }

    /// Starts validating every broadcast with `observer`; returns its watcher index.
    pub fn watch(&mut self, observer: &RawObserver) -> usize {
        let network = self.inner.network_mut();
        network.watcher_index(&observer.inner).unwrap_or_else(|| network.watch(observer.inner.clone()))
    }

    /// Stops `observer` watching; returns the watcher index it had, or `undefined`.
    pub fn unwatch(&mut self, observer: &RawObserver) -> Option<usize> {
        let network = self.inner.network_mut();
        let index = network.watcher_index(&observer.inner)?;
        network.unwatch(index);
        Some(index)
    }

    /// Broadcasts from `slot` and writes what happened into the report buffer (see
    /// [`RawNetwork::report_ptr`]); returns how many numbers it wrote: a [`BroadcastStamp`],
    /// its rejections, then its watcher anomalies (layouts in `src/boundary/layouts.rs`). When
    /// `instant` is 1 every other live node not listed as rejecting accepted the message; when
    /// 0 it is scheduled (message id 0: the sender is crashed and nothing was sent) and arrives
    /// during `run`.
    ///
    /// Returns 0 instead of throwing when the broadcast is refused (the hot path then needs no
    /// `Result` crossing): `takeError` gives the error to throw.
    ///
    /// `size` is the message's size in bytes, or `NONE` when the caller has not computed it: an
    /// instant network needs none, and a scheduled one then returns `NEEDS_SIZE`, sending nothing,
    /// so that the caller computes it and calls again.
    pub fn broadcast(&mut self, slot: u32, size: f64) -> usize {
        self.broadcast_carrying(slot, &[], size)
    }

    /// `broadcast`, for a message whose payload is `payload` (the bytes its tag or signature
    /// covers, and its size with the header when `size` is `NONE`); read the proof with
    /// `lastSequence` and `lastProof`.
    #[wasm_bindgen(js_name = broadcastCarrying)]
    pub fn broadcast_carrying(&mut self, slot: u32, payload: &[u8], size: f64) -> usize {
        let Some(size) = self.size_for(payload, size) else { return NEEDS_SIZE };
        let report = match self.inner.broadcast_sized(slot, payload, size) {
            Ok(report) => report,
            Err(error) => {
                self.error = Some(error);
                return 0;
            }
        };
        let claimed_slot = keep_credentials(&mut self.last_proof, &mut self.claimed_name, &report);
        let buffer = &mut self.report;
        buffer.clear();
        let stamp = report.stamp;
        let rejected_count = rejections(report.deliveries).count() as f64;
        BroadcastStamp {
            global_step: stamp.global_step as f64,
            pattern_value: stamp.pattern_value as f64,
            message_id: report.message as f64,
            instant: f64::from(u8::from(report.instant)),
            claimed_slot,
            rejected_count,
            unanimous: f64::from(u8::from(report.unanimous)),
        }
        .write(buffer);
        push_rejections(buffer, report.deliveries);
        push_anomalies(buffer, report.anomalies);
        buffer.len()
    }

    /// The error of the last call that returned 0 for a refusal (see `broadcast`), as the
    /// JavaScript error to throw.
    #[wasm_bindgen(js_name = takeError, unchecked_return_type = "Error")]
    pub fn take_error(&mut self) -> JsValue {
        self.error.take().map_or(JsValue::UNDEFINED, super::errors::to_js)
    }

    /// Broadcasts one message from each node in `slots`, in order, in one call, when the network
    /// is instant; else sends nothing and returns `undefined` (send one by one). In an instant
    /// network, fails, sending nothing, if a slot is not a live node. Writes a [`BatchHead`] and
    /// its [`BatchGroup`]s (one per distinct sender in the order of its first message, each with
    /// its rejections and watcher anomalies) into the report buffer and returns how many numbers.
    #[wasm_bindgen(js_name = broadcastBatch)]
    pub fn broadcast_batch(&mut self, slots: &[u32]) -> JsResult<Option<usize>> {
        let Some(batch) = js(self.inner.broadcast_batch(slots))? else {
            return Ok(None);
        };
        let buffer = &mut self.report;
        buffer.clear();
        BatchHead { first_message_id: batch.first_message as f64, group_count: batch.groups.len() as f64 }
            .write(buffer);
        for group in batch.groups {
            let deliveries = &batch.deliveries[group.deliveries.clone()];
            let anomalies = &batch.anomalies[group.anomalies.clone()];
            BatchGroup {
                sender_slot: f64::from(group.sender),
                global_step: group.stamp.global_step as f64,
                pattern_value: group.stamp.pattern_value as f64,
                rejected_count: rejections(deliveries).count() as f64,
                anomaly_count: anomalies.len() as f64,
            }
            .write(buffer);
            push_rejections(buffer, deliveries);
            push_anomalies(buffer, anomalies);
        }
        Ok(Some(buffer.len()))
    }

    /// The sequence number of the last broadcast (0 in a network without authentication).
    #[wasm_bindgen(js_name = lastSequence)]
    pub fn last_sequence(&self) -> f64 {
        self.last_proof.0 as f64
    }

    /// The tag or signature of the last broadcast (empty without authentication).
    #[wasm_bindgen(js_name = lastProof)]
    pub fn last_proof(&self) -> Vec<u8> {
        self.last_proof.1.clone()
    }

    /// The id the last broadcast claimed when it is no node's (`claimedSlot` -1).
    #[wasm_bindgen(js_name = claimedName)]
    pub fn claimed_name(&self) -> String {
        self.claimed_name.clone()
    }

    /// Where the report buffer starts in wasm memory (it moves only when it grows).
    #[wasm_bindgen(js_name = reportPtr)]
    pub fn report_ptr(&self) -> *const f64 {
        self.report.as_ptr()
    }

    /// How many numbers the report buffer holds before it has to move.
    #[wasm_bindgen(js_name = reportCapacity)]
    pub fn report_capacity(&self) -> usize {
        self.report.capacity()
    }
}

/// Keeps the sequence number and proof of `report` (for `lastSequence` and `lastProof`) and the
/// id it claims when no node has it (for `claimedName`); returns the claimed slot, or `NONE`.
#[inline]
pub(super) fn keep_credentials(
    last_proof: &mut (u64, Vec<u8>),
    claimed_name: &mut String,
    report: &SimBroadcast,
) -> f64 {
    last_proof.0 = report.sequence;
    if !(last_proof.1.is_empty() && report.proof.bytes().is_empty()) {
        last_proof.1.clear();
        last_proof.1.extend_from_slice(report.proof.bytes());
    }
    match &report.sender {
        Sender::Node(slot) => f64::from(*slot),
        Sender::Unknown(name) => {
            *claimed_name = name.to_string();
            NONE
        }
    }
}

/// The rejections among `deliveries`.
fn rejections(deliveries: &[Delivery]) -> impl Iterator<Item = Rejection> + '_ {
    deliveries.iter().filter_map(|delivery| match *delivery {
        Delivery::Rejected { receiver, expected } => {
            Some(Rejection { slot: f64::from(receiver), expected: expected as f64 })
        }
        Delivery::Accepted(_) => None,
    })
}

/// Appends a [`Rejection`] for each rejection in `deliveries`.
fn push_rejections(buffer: &mut Vec<f64>, deliveries: &[Delivery]) {
    for rejection in rejections(deliveries) {
        rejection.write(buffer);
    }
}

/// Appends a [`WatcherAnomalyRecord`] for each watcher anomaly.
pub(super) fn push_anomalies(buffer: &mut Vec<f64>, anomalies: &[WatcherAnomaly]) {
    for anomaly in anomalies {
        WatcherAnomalyRecord {
            watcher: anomaly.watcher as f64,
            kind: code_of(anomaly.kind),
            expected: anomaly.expected as f64,
        }
        .write(buffer);
    }
}

impl RawNetwork {
    fn from_simulation(inner: Simulation) -> Self {
        Self {
            inner,
            report: Vec::with_capacity(REPORT_CAPACITY),
            claimed_name: String::new(),
            claimed_names: Vec::new(),
            sent_proofs: Vec::new(),
            last_proof: (0, Vec::new()),
            error: None,
        }
    }

    /// The numbers the last broadcast wrote (for Rust callers and tests).
    pub fn last_report(&self) -> &[f64] {
        &self.report
    }
}
