//! agms-lint finds Qualys API calls in shell and Python scripts that break
//! when a subscription enables AGMS (Asset Group Management Service).

pub mod allocator;
pub mod baseline;
pub mod catalogue;
pub mod choice;
pub mod cli;
pub mod commands;
pub mod config;
pub mod discover;
pub mod endpoint;
pub mod excerpt;
pub mod finding;
pub mod fingerprint;
pub mod inventory;
pub mod lang;
pub mod language;
pub mod logging;
pub mod model;
pub mod prefilter;
pub mod printable;
pub mod profile;
pub mod regex_cache;
pub mod report;
pub mod rules;
pub mod scan;
pub mod secrets;
pub mod settings;
pub mod source;
pub mod suppress;
pub mod template;
pub mod toml_errors;
