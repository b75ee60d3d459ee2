//! `agms-lint inventory`: every Qualys API call site, affected or not.

use std::io::{self, Write};

use super::scanning::{Purpose, run_scan};
use super::{Outcome, UsageError};
use crate::cli::{InventoryArgs, InventoryFormat};
use crate::inventory::{write_csv, write_json, write_table};

pub fn run(args: &InventoryArgs) -> Result<Outcome, UsageError> {
    let scanned = run_scan(&args.scan, Purpose::Inventory)?;
    let records = &scanned.result.inventory;
    let mut stdout = io::stdout().lock();
    let written = match args.format {
        InventoryFormat::Table => write_table(records, &mut stdout),
        InventoryFormat::Json => write_json(records, &mut stdout),
        InventoryFormat::Csv => write_csv(records, &mut stdout),
    }
    .and_then(|()| stdout.flush());
    match written {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(Outcome::Clean),
        other => other?,
    }
    Ok(if scanned.result.errors.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Failed
    })
}
