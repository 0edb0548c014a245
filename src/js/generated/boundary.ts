// Generated from src/boundary/ by `npm run gen` (cargo run --bin gen-boundary): do not edit.
// Every layout and code table that crosses the wasm/JS boundary, declared once in Rust.

export * from './reports.js';
export * from './arrays.js';
export * from './codes.js';
