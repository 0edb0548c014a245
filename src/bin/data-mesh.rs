//! The native command line: `data-mesh run | sweep | merge` (see `data-mesh --help`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    data_mesh::cli::main()
}

/// The command line is native only (`cargo test --target wasm32-unknown-unknown` builds every
/// binary): there it does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}
