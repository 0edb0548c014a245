//! Writes the TypeScript side of the wasm/JS boundary; with `--check`, fails when it is stale.

use std::path::Path;
use std::process::ExitCode;

use data_mesh::boundary::typescript::{modules, DIR};

fn main() -> ExitCode {
    let check = std::env::args().any(|arg| arg == "--check");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let mut ok = true;
    for (file, fresh) in modules() {
        let path = dir.join(file);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
                eprintln!("{DIR}/{file} differs from a fresh generation: run `npm run gen` and commit it");
                ok = false;
            }
        } else if let Err(error) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, fresh)) {
            eprintln!("cannot write {DIR}/{file}: {error}");
            ok = false;
        } else {
            println!("wrote {DIR}/{file}");
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
