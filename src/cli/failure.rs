//! Why a command failed, and its exit code: 2 for a bad argument, 1 for bad input.

use std::fmt;
use std::path::Path;
use std::process::ExitCode;

use crate::error::MeshError;

/// A command's failure.
#[derive(Debug)]
pub enum Failure {
    /// An argument the command line cannot read (exit code 2).
    Usage(String),
    /// A file that cannot be read or written, or input the core refuses (exit code 1).
    Input(String),
}

impl Failure {
    /// A bad argument `flag`: the core's error, naming its field and rule.
    pub fn usage(flag: &str, err: &MeshError) -> Self {
        Self::Usage(format!("{flag}: {err} [{}]", err.code()))
    }

    /// Input from `source` (a file, or a file and line) that the core refuses.
    pub fn input(source: &dyn fmt::Display, err: &MeshError) -> Self {
        Self::Input(format!("{source}: {err} [{}]", err.code()))
    }

    /// A file that cannot be read or written.
    pub fn io(path: &Path, doing: &str, err: &std::io::Error) -> Self {
        Self::Input(format!("cannot {doing} {}: {err}", path.display()))
    }

    /// The process's exit code.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Self::Usage(_) => ExitCode::from(2),
            Self::Input(_) => ExitCode::from(1),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) | Self::Input(message) => f.write_str(message),
        }
    }
}
