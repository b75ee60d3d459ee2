use std::process::ExitCode;

use clap::Parser;

use agms_lint::cli::{Cli, Command};
use agms_lint::commands::{self, Outcome};

fn main() -> ExitCode {
    // SAFETY: nothing has parsed yet, and no other thread runs.
    unsafe { agms_lint::allocator::use_for_tree_sitter() };
    let cli = Cli::parse();
    agms_lint::logging::init(cli.quiet, cli.verbose);
    let outcome = match &cli.command {
        Command::Check(args) => commands::check::run(args).unwrap_or_else(|error| {
            tracing::error!("{error}");
            Outcome::Failed
        }),
        Command::Rules(args) => commands::docs::rules(args).unwrap_or_else(io_failure),
        Command::Explain(args) => commands::docs::explain(args).unwrap_or_else(io_failure),
        Command::Inventory(args) => commands::inventory::run(args).unwrap_or_else(|error| {
            tracing::error!("{error}");
            Outcome::Failed
        }),
    };
    ExitCode::from(outcome.code())
}

/// Maps an I/O error to an outcome. A closed pipe (`agms-lint rules |
/// head`) is not an error.
fn io_failure(error: std::io::Error) -> Outcome {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return Outcome::Clean;
    }
    tracing::error!("{error}");
    Outcome::Failed
}
