//! Writes the TypeScript side of the wasm/JS boundary; with `--check`, fails when it is stale.

use std::process::ExitCode;

use data_mesh::boundary::typescript::{typescript, PATH};

fn main() -> ExitCode {
    let check = std::env::args().any(|arg| arg == "--check");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PATH);
    let fresh = typescript();
    if check {
        if std::fs::read_to_string(&path).ok().as_deref() == Some(fresh.as_str()) {
            return ExitCode::SUCCESS;
        }
        eprintln!("{PATH} differs from a fresh generation: run `npm run gen` and commit it");
        return ExitCode::FAILURE;
    }
    if let Err(error) =
        path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, fresh))
    {
        eprintln!("cannot write {PATH}: {error}");
        return ExitCode::FAILURE;
    }
    println!("wrote {PATH}");
    ExitCode::SUCCESS
}
