//! Criterion benchmarks of the core workloads (filled in below).
fn main() {}
