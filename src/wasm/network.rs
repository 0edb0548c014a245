//! `RawNetwork`: the binding of [`crate::Network`] behind the facade's `MeshNetwork`.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::observer::RawObserver;
use crate::network::{Delivery, Network};
use crate::node::NodeConfig;

/// A network of nodes addressed by slot (creation order, never reused).
#[wasm_bindgen]
#[derive(Default)]
pub struct RawNetwork {
    pub(super) inner: Network,
}

#[wasm_bindgen]
impl RawNetwork {
    /// An empty network.
    #[wasm_bindgen(constructor)]
    pub fn new() -> RawNetwork {
        RawNetwork::default()
    }

    /// Validates a configuration and adds a node at step 0; returns its slot.
    #[wasm_bindgen(js_name = createNode)]
    pub fn create_node(&mut self, node_id: &str, seed: f64, phase_reset_interval: f64) -> JsResult<u32> {
        let config = js(NodeConfig::new(node_id, seed, phase_reset_interval))?;
        js(self.inner.create_node(&config))
    }

    /// The slot of the live node with this id, or `undefined`.
    #[wasm_bindgen(js_name = findNode)]
    pub fn find_node(&self, node_id: &str) -> Option<u32> {
        self.inner.find(node_id)
    }

    /// Removes a live node; throws `ERR_NODE_REMOVED` if it is already gone.
    #[wasm_bindgen(js_name = removeNode)]
    pub fn remove_node(&mut self, slot: u32) -> JsResult<()> {
        js(self.inner.remove_node(slot))
    }

    /// Whether the node in `slot` is live.
    #[wasm_bindgen(js_name = isAlive)]
    pub fn is_alive(&self, slot: u32) -> bool {
        self.inner.is_alive(slot)
    }

    /// The number of live nodes.
    #[wasm_bindgen(js_name = nodeCount)]
    pub fn node_count(&self) -> usize {
        self.inner.live_count()
    }

    /// The slots of the live nodes in creation order.
    #[wasm_bindgen(js_name = liveSlots)]
    pub fn live_slots(&self) -> Vec<u32> {
        self.inner.live_slots().collect()
    }

    /// Starts validating every broadcast with `observer`; returns its watcher index.
    pub fn watch(&mut self, observer: &RawObserver) -> usize {
        self.inner.watcher_index(&observer.inner).unwrap_or_else(|| self.inner.watch(observer.inner.clone()))
    }

    /// Stops `observer` watching; returns the watcher index it had, or `undefined`.
    pub fn unwatch(&mut self, observer: &RawObserver) -> Option<usize> {
        let index = self.inner.watcher_index(&observer.inner)?;
        self.inner.unwatch(index);
        Some(index)
    }

    /// Broadcasts from `slot` and returns what happened, packed in one `Float64Array`:
    /// `[globalStep, patternValue, receiverCount, ...receivers, ...anomalies]` where each receiver
    /// is its slot when accepted, or `-(slot + 1)` followed by the expected value when rejected,
    /// and each watcher anomaly is the pair `watcherIndex, expected`.
    pub fn broadcast(&mut self, slot: u32) -> JsResult<Vec<f64>> {
        let report = js(self.inner.broadcast(slot))?;
        let mut packed = Vec::with_capacity(3 + report.deliveries.len() + 2 * report.anomalies.len());
        packed.extend([
            report.stamp.global_step as f64,
            report.stamp.pattern_value as f64,
            report.deliveries.len() as f64,
        ]);
        for delivery in report.deliveries {
            match *delivery {
                Delivery::Accepted(receiver) => packed.push(f64::from(receiver)),
                Delivery::Rejected { receiver, expected } => {
                    packed.extend([-f64::from(receiver) - 1.0, expected as f64])
                }
            }
        }
        for anomaly in report.anomalies {
            packed.extend([anomaly.watcher as f64, anomaly.expected as f64]);
        }
        Ok(packed)
    }
}
