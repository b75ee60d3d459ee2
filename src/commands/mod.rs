//! The subcommands, each turning parsed arguments into output and an exit
//! status.

pub mod check;
pub mod docs;
pub mod inventory;
mod scanning;
mod stats;

use std::io::IsTerminal;

use crate::catalogue::Lang;
use crate::cli::{ColorChoice, DisplayArgs, LangArg};

/// The end state of a run, mapped to the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: nothing at or above `--fail-on`.
    Clean,
    /// Exit 1: findings at or above `--fail-on`.
    Findings,
    /// Exit 2: a usage, configuration or I/O error.
    Failed,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failed => 2,
        }
    }
}

/// A problem with the arguments or the environment that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    UnknownRule(#[from] crate::settings::UnknownRule),
    #[error(transparent)]
    Baseline(#[from] crate::baseline::BaselineError),
    #[error("cannot write {path}: {source}")]
    Output {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Chooses the language of rule texts: `--lang`, else the locale
/// variables in their usual order of precedence, else English.
pub fn choose_lang(display: &DisplayArgs) -> Lang {
    match display.lang {
        Some(LangArg::En) => return Lang::En,
        Some(LangArg::Ja) => return Lang::Ja,
        None => {}
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.starts_with("ja") => Lang::Ja,
        _ => Lang::En,
    }
}

pub fn use_color(display: &DisplayArgs) -> bool {
    match display.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}
