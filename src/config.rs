//! Configuration files: `agms-lint.toml`, or a `[tool.agms-lint]` table in
//! `pyproject.toml`, found by walking up from a scanned path to the root of
//! its repository.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::catalogue;
use crate::finding::Severity;
use crate::profile::{AllGroup, Networks, Role};

pub const CONFIG_FILE: &str = "agms-lint.toml";
const PYPROJECT_FILE: &str = "pyproject.toml";

/// The settings a configuration file may hold. Every key is optional.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rule codes or slugs to run; all rules when absent.
    pub select: Option<Vec<String>>,
    /// Rule codes or slugs not to run.
    pub ignore: Option<Vec<String>>,
    /// Globs of paths not to scan, relative to the file's folder.
    pub exclude: Option<Vec<String>>,
    pub profile: Option<ProfileTable>,
    /// Severity per rule code, replacing the rule's default severity.
    pub severity: Option<BTreeMap<String, Severity>>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileTable {
    pub role: Option<Role>,
    pub networks: Option<Networks>,
    pub all_group: Option<AllGroup>,
}

/// A configuration file and the settings read from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub config: Config,
}

impl LoadedConfig {
    /// The folder that relative settings, such as `exclude`, start from.
    pub fn root(&self) -> &Path {
        // A bare file name such as `pyproject.toml` has the parent "".
        match self.path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid config file {path}: {message}")]
    Invalid { path: String, message: String },
}

#[derive(Deserialize)]
struct Pyproject {
    tool: Option<PyprojectTool>,
}

#[derive(Deserialize)]
struct PyprojectTool {
    #[serde(rename = "agms-lint")]
    agms_lint: Option<Config>,
}

/// Reads a configuration file given by name, such as with `--config`.
pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let config = if path.file_name().is_some_and(|name| name == PYPROJECT_FILE) {
        parse_pyproject(&text, path)?.unwrap_or_default()
    } else {
        parse(&text, path)?
    };
    Ok(LoadedConfig {
        path: path.to_path_buf(),
        config,
    })
}

/// Finds the configuration that applies to `scanned`: the nearest
/// `agms-lint.toml`, or `pyproject.toml` with a `[tool.agms-lint]` table,
/// in its folder or above, stopping at the folder that contains `.git`.
pub fn discover(scanned: &Path) -> Result<Option<LoadedConfig>, ConfigError> {
    let absolute = std::path::absolute(scanned).unwrap_or_else(|_| scanned.to_path_buf());
    let start = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent().unwrap_or(&absolute)
    };
    for folder in start.ancestors() {
        if let Some(found) = config_in(folder)? {
            return Ok(Some(found));
        }
        if folder.join(".git").exists() {
            break;
        }
    }
    Ok(None)
}

fn config_in(folder: &Path) -> Result<Option<LoadedConfig>, ConfigError> {
    let own = folder.join(CONFIG_FILE);
    if own.is_file() {
        return load(&own).map(Some);
    }
    let pyproject = folder.join(PYPROJECT_FILE);
    if !pyproject.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&pyproject).map_err(|source| ConfigError::Read {
        path: pyproject.display().to_string(),
        source,
    })?;
    Ok(
        parse_pyproject(&text, &pyproject)?.map(|config| LoadedConfig {
            path: pyproject,
            config,
        }),
    )
}

fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let config: Config = toml::from_str(text).map_err(|error| invalid(path, text, &error))?;
    validate(&config, text, path)?;
    Ok(config)
}

fn parse_pyproject(text: &str, path: &Path) -> Result<Option<Config>, ConfigError> {
    let pyproject: Pyproject = toml::from_str(text).map_err(|error| invalid(path, text, &error))?;
    let config = pyproject.tool.and_then(|tool| tool.agms_lint);
    if let Some(config) = &config {
        validate(config, text, path)?;
    }
    Ok(config)
}

/// Turns a TOML error into one line that names the line, column and key.
/// Serde's messages list the accepted keys and values.
fn invalid(path: &Path, text: &str, error: &toml::de::Error) -> ConfigError {
    ConfigError::Invalid {
        path: path.display().to_string(),
        message: crate::toml_errors::describe(text, error),
    }
}

/// Checks that every rule named in the file exists and every glob parses.
fn validate(config: &Config, text: &str, path: &Path) -> Result<(), ConfigError> {
    validate_rules(config, text, path)?;
    let mut globs = ignore::overrides::OverrideBuilder::new(".");
    for glob in config.exclude.iter().flatten() {
        if let Err(error) = globs.add(&format!("!{glob}")) {
            return Err(ConfigError::Invalid {
                path: path.display().to_string(),
                message: format!(
                    "line {}: invalid glob in `exclude`: {error}",
                    line_of(text, glob)
                ),
            });
        }
    }
    Ok(())
}

fn validate_rules(config: &Config, text: &str, path: &Path) -> Result<(), ConfigError> {
    let lists = [("select", &config.select), ("ignore", &config.ignore)];
    let listed = lists
        .into_iter()
        .flat_map(|(key, names)| names.iter().flatten().map(move |name| (key, name)));
    let overridden = config
        .severity
        .iter()
        .flat_map(|map| map.keys().map(|name| ("severity", name)));
    for (key, name) in listed.chain(overridden) {
        if catalogue::find(name).is_none() {
            let line = line_of(text, name);
            return Err(ConfigError::Invalid {
                path: path.display().to_string(),
                message: format!(
                    "line {line}: unknown rule {name:?} in `{key}`; expected a rule code such as AGMS001, or its slug (see `agms-lint rules`)"
                ),
            });
        }
    }
    Ok(())
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .map_or(1, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Config, String> {
        parse(text, Path::new("agms-lint.toml")).map_err(|error| error.to_string())
    }

    #[test]
    fn full_file_parses() {
        let config = parse_text(
            r#"
select = ["AGMS001", "ip-add-missing-ag-title"]
ignore = ["AGMS011"]
exclude = ["vendor/**"]
[profile]
role = "unit-manager"
networks = "off"
all-group = "assigned"
[severity]
AGMS003 = "error"
"#,
        )
        .expect("valid file");
        let profile = config.profile.expect("profile");
        assert_eq!(profile.role, Some(Role::UnitManager));
        assert_eq!(profile.networks, Some(Networks::Off));
        assert_eq!(profile.all_group, Some(AllGroup::Assigned));
        assert_eq!(config.severity.unwrap()["AGMS003"], Severity::Error);
    }

    #[test]
    fn unknown_key_names_line_key_and_accepted_keys() {
        let message = parse_text("[profile]\nnetwroks = \"on\"\n").unwrap_err();
        assert!(message.contains("agms-lint.toml"), "{message}");
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("netwroks"), "{message}");
        assert!(
            message.contains("networks") && message.contains("all-group"),
            "{message}"
        );
    }

    #[test]
    fn bad_value_lists_accepted_values() {
        let message = parse_text("[profile]\nrole = \"admin\"\n").unwrap_err();
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("admin"), "{message}");
        assert!(
            message.contains("unit-manager") && message.contains("scanner"),
            "{message}"
        );
    }

    #[test]
    fn bad_toml_is_reported() {
        let message = parse_text("select = [\"AGMS001\"\n").unwrap_err();
        assert!(
            message.contains("invalid config file agms-lint.toml"),
            "{message}"
        );
    }

    #[test]
    fn unknown_rule_names_its_line() {
        let message = parse_text("\n\nignore = [\"AGMS099\"]\n").unwrap_err();
        assert!(
            message.contains("line 3") && message.contains("AGMS099"),
            "{message}"
        );
    }

    #[test]
    fn bad_glob_is_reported() {
        let message = parse_text("exclude = [\"a/[b\"]\n").unwrap_err();
        assert!(
            message.contains("line 1") && message.contains("exclude"),
            "{message}"
        );
    }

    #[test]
    fn pyproject_table_is_read_and_others_ignored() {
        let text =
            "[tool.black]\nline-length = 100\n[tool.agms-lint.profile]\nrole = \"manager\"\n";
        let config = parse_pyproject(text, Path::new("pyproject.toml"))
            .unwrap()
            .expect("table");
        assert_eq!(config.profile.unwrap().role, Some(Role::Manager));
        let none = parse_pyproject("[tool.black]\nx = 1\n", Path::new("pyproject.toml")).unwrap();
        assert_eq!(none, None);
    }
}
