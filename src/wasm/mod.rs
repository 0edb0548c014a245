//! The JavaScript binding: thin `Raw*` classes over the core, one file per JavaScript class.
//!
//! Nothing here calls user code. Methods take numbers and strings (the TypeScript facade reads
//! plain-object fields and checks their types), return numbers or typed arrays, and turn
//! [`crate::MeshError`] into a `TypeError`/`RangeError` carrying `code` and `field`.

pub mod attack_lab;
pub mod bulk;
pub mod errors;
pub mod experiment;
pub mod keys;
pub mod message;
pub mod monitor;
pub mod network;
pub mod node;
pub mod observer;
pub mod pattern;
pub mod protocol;
mod shape;
pub mod simulation;
pub mod sizes;
pub mod timers;
pub mod unicast;
pub mod workload;

use wasm_bindgen::prelude::*;

/// Installs the panic hook so that an (impossible) Rust panic is logged with its message.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The module's `WebAssembly.Memory`, for zero-copy views of buffers the bindings expose.
#[wasm_bindgen(js_name = wasmMemory, unchecked_return_type = "WebAssembly.Memory")]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The size of the module's linear memory in bytes (it only grows), for memory measurements.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
