//! Reading and writing the command line's files, with errors that name them.

use std::path::Path;

use serde_json::Value;

use super::failure::Failure;
use crate::error::MeshError;

/// The text of the file at `path`.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|err| Failure::io(path, "read", &err))
}

/// The JSON document in the file at `path`.
pub fn read_json(path: &Path) -> Result<Value, Failure> {
    serde_json::from_str(&read_text(path)?).map_err(|err| {
        let err = MeshError::BadShape { field: "document".into(), problem: format!("not valid JSON: {err}") };
        Failure::input(&path.display(), &err)
    })
}

/// Writes `text` to the file at `path`.
pub fn write_text(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|err| Failure::io(path, "write", &err))
}

/// Writes `text` to standard output; a reader that went away (a closed pipe) ends it quietly.
pub fn print(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("cannot write to standard output: {err}")))
        }
        _ => Ok(()),
    }
}
