//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::Severity;
use crate::profile::{AllGroup, Networks, Role};
use crate::report::Format;
use crate::scan::plain_text::DEFAULT_MAX_PARSE_SIZE;

#[derive(Debug, Parser)]
#[command(
    name = "agms-lint",
    version,
    about = "Find Qualys API calls in shell and Python scripts that break when AGMS is enabled"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Print only errors that stop the run, no warnings about skipped files.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print what the scan decides and how long it takes (repeat for more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and folders for Qualys API calls that AGMS breaks.
    Check(Box<CheckArgs>),
    /// List every rule: code, slug, default severity and summary.
    Rules(RulesArgs),
    /// Print a rule's documentation.
    Explain(ExplainArgs),
    /// List every Qualys API call site found, affected or not.
    Inventory(Box<InventoryArgs>),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub scan: ScanArgs,

    /// Output format on standard output.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write a format to a file, or to standard output without `:FILE`;
    /// repeat for several outputs, e.g. `--output sarif:results.sarif
    /// --output human`. Replaces `--format`.
    #[arg(long, value_name = "FORMAT[:FILE]", value_parser = parse_output)]
    pub output: Vec<OutputTarget>,

    /// SARIF `automationDetails.id`, to keep several uploads for one commit
    /// apart in code scanning.
    #[arg(long, value_name = "CATEGORY")]
    pub sarif_category: Option<String>,

    /// Report only findings that this baseline file does not record.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record the current findings in this baseline file and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Exit with 1 when a finding has this severity or a higher one.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,

    /// After the report, print file counts and the time spent in each stage
    /// to standard error.
    #[arg(long)]
    pub stats: bool,
}

/// Paths and settings of a scan, shared by `check` and `inventory`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or folders to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Threads that parse and check scripts, and as many that read them;
    /// 0 picks one checker per available core and four readers per core,
    /// at most 12 of each.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,

    /// Skip script files larger than this many bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024, value_name = "BYTES")]
    pub max_file_size: u64,

    /// Search scripts larger than this many bytes as plain text instead of
    /// parsing them. Each of the first 20 lines that name the Qualys API
    /// gets a note.
    #[arg(long, default_value_t = DEFAULT_MAX_PARSE_SIZE, value_name = "BYTES")]
    pub max_parse_size: usize,

    /// Follow symbolic links, including links that leave the scanned tree.
    #[arg(long)]
    pub follow_links: bool,

    /// Only run these rules (comma-separated codes, e.g. AGMS001,AGMS002).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,

    /// Do not run these rules (comma-separated codes).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,

    /// Set a rule's severity, e.g. AGMS011=warning (repeatable).
    #[arg(long, value_delimiter = ',', value_name = "CODE=LEVEL", value_parser = parse_severity)]
    pub severity: Vec<(String, Severity)>,

    /// Read settings from this file instead of looking for agms-lint.toml
    /// or pyproject.toml above each scanned path.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore configuration files; use only the command line.
    #[arg(long)]
    pub isolated: bool,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(flatten)]
    pub display: DisplayArgs,
}

/// The team's subscription profile. Each key defaults to unknown.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Role of the user the scripts run as.
    #[arg(long, value_enum)]
    pub role: Option<Role>,

    /// Whether the subscription has network support on.
    #[arg(long, value_enum)]
    pub networks: Option<Networks>,

    /// Whether that user has the "All" asset group assigned.
    #[arg(long, value_enum)]
    pub all_group: Option<AllGroup>,
}

#[derive(Debug, Args)]
pub struct DisplayArgs {
    /// Language of rule messages and help; defaults to LC_ALL, LC_MESSAGES
    /// or LANG, and English.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,

    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct InventoryArgs {
    #[command(flatten)]
    pub scan: ScanArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = InventoryFormat::Table)]
    pub format: InventoryFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InventoryFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    #[command(flatten)]
    pub display: DisplayArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule code or slug, such as AGMS003 or ip-add-ag-title-not-all.
    pub rule: String,

    #[command(flatten)]
    pub display: DisplayArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Note,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Ja,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// Parses `AGMS011=warning`.
fn parse_severity(text: &str) -> Result<(String, Severity), String> {
    let (code, level) = text
        .split_once('=')
        .ok_or_else(|| format!("expected CODE=LEVEL, such as AGMS011=warning, not {text:?}"))?;
    let severity = match level.trim() {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "note" => Severity::Note,
        other => {
            return Err(format!(
                "invalid severity {other:?}; expected error, warning or note"
            ));
        }
    };
    Ok((code.trim().to_string(), severity))
}

/// One `--output`: a format and the file it goes to, or standard output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputTarget {
    pub format: Format,
    pub file: Option<PathBuf>,
}

/// Parses `sarif:results.sarif` or `human`.
fn parse_output(text: &str) -> Result<OutputTarget, String> {
    let (name, file) = match text.split_once(':') {
        Some((name, file)) if !file.is_empty() => (name, Some(PathBuf::from(file))),
        Some((name, _)) => (name, None),
        None => (text, None),
    };
    let format = Format::from_str(name, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|format| format.to_possible_value())
            .map(|value| value.get_name().to_string())
            .collect();
        format!(
            "unknown format {name:?}; expected one of {}",
            names.join(", ")
        )
    })?;
    Ok(OutputTarget { format, file })
}
