//! Message sizes across the boundary: the size a sender sets, checked, and the size a send uses.

use wasm_bindgen::prelude::*;

use super::errors::{js, JsResult};
use super::network::RawNetwork;
use super::shape::read_js;
use crate::auth::AuthMode;
use crate::boundary::codes::NONE;
use crate::message::message_size;
use crate::sim::options::SendOptions;

/// The size `options` (`{ size }` or `undefined`) sets for a message, checked; `NONE` when it
/// sets none. Errors name `options` or `options.size`.
#[wasm_bindgen(js_name = sendSize)]
pub fn send_size(#[wasm_bindgen(unchecked_param_type = "unknown")] options: JsValue) -> JsResult<f64> {
    let options: Option<SendOptions> = read_js(&options, "options")?;
    Ok(js(options.unwrap_or_default().size())?.map_or(NONE, f64::from))
}

impl RawNetwork {
    /// The size of a message carrying `payload` for which the caller passed `size`: that size
    /// when it is one (not `NONE`); else in an authenticated network (which has the payload) the
    /// header plus the payload, and in an instant one (which sizes nothing) the header; `None`
    /// when a scheduled network needs the size the caller has yet to compute.
    pub(super) fn size_for(&self, payload: &[u8], size: f64) -> Option<u32> {
        if size >= 0.0 {
            return Some(size as u32);
        }
        let sized_here = self.inner.config().auth != AuthMode::None || self.inner.is_instant();
        sized_here.then(|| message_size(payload))
    }
}
