//! Effective settings for a scan: a configuration file's values, with the
//! command line taking precedence key by key.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::catalogue;
use crate::config::LoadedConfig;
use crate::finding::Severity;
use crate::profile::Profile;

/// Settings from the command line; `None` means "not given".
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub profile: crate::config::ProfileTable,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub severity: BTreeMap<String, Severity>,
}

#[derive(Clone, Debug, Default)]
pub struct Settings {
    pub profile: Profile,
    /// Rule codes to run; `None` runs every rule.
    pub rules: Option<Vec<String>>,
    /// Severity per rule code, replacing the rule's default severity.
    pub severity: BTreeMap<String, Severity>,
    /// Globs of paths not to scan and the folder they are relative to.
    pub exclude: Option<(PathBuf, Vec<String>)>,
}

#[derive(Debug, thiserror::Error)]
#[error(
    "unknown rule {name:?} in {origin}; expected a rule code such as AGMS001, or its slug (see `agms-lint rules`)"
)]
pub struct UnknownRule {
    pub name: String,
    pub origin: String,
}

impl Settings {
    /// True when the rule with this code runs.
    pub fn is_enabled(&self, code: &str) -> bool {
        self.rules
            .as_ref()
            .is_none_or(|codes| codes.iter().any(|selected| selected == code))
    }
}

/// Merges a configuration file (if any) with the command line.
pub fn resolve(
    config: Option<&LoadedConfig>,
    overrides: &Overrides,
) -> Result<Settings, UnknownRule> {
    let file = config
        .map(|loaded| loaded.config.clone())
        .unwrap_or_default();
    let file_profile = file.profile.unwrap_or_default();
    let defaults = Profile::default();
    let profile = Profile {
        role: overrides
            .profile
            .role
            .or(file_profile.role)
            .unwrap_or(defaults.role),
        networks: overrides
            .profile
            .networks
            .or(file_profile.networks)
            .unwrap_or(defaults.networks),
        all_group: overrides
            .profile
            .all_group
            .or(file_profile.all_group)
            .unwrap_or(defaults.all_group),
    };
    let select = overrides.select.clone().or(file.select);
    let ignore = overrides.ignore.clone().or(file.ignore);
    let rules = selected_rules(select.as_deref(), ignore.as_deref())?;
    let mut severity = BTreeMap::new();
    for (name, level) in file
        .severity
        .into_iter()
        .flatten()
        .chain(overrides.severity.clone())
    {
        severity.insert(code_of(&name, "severity")?, level);
    }
    let exclude = config
        .zip(file.exclude)
        .map(|(loaded, globs)| (loaded.root().to_path_buf(), globs));
    Ok(Settings {
        profile,
        rules,
        severity,
        exclude,
    })
}

fn selected_rules(
    select: Option<&[String]>,
    ignore: Option<&[String]>,
) -> Result<Option<Vec<String>>, UnknownRule> {
    if select.is_none() && ignore.is_none() {
        return Ok(None);
    }
    let select = codes(select.unwrap_or_default(), "select")?;
    let ignore = codes(ignore.unwrap_or_default(), "ignore")?;
    let selected = catalogue::rules()
        .iter()
        .map(|rule| rule.id.clone())
        .filter(|code| select.is_empty() || select.contains(code))
        .filter(|code| !ignore.contains(code))
        .collect();
    Ok(Some(selected))
}

fn codes(names: &[String], origin: &str) -> Result<Vec<String>, UnknownRule> {
    names
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .map(|name| code_of(name, origin))
        .collect()
}

fn code_of(name: &str, origin: &str) -> Result<String, UnknownRule> {
    catalogue::find(name.trim())
        .map(|rule| rule.id.clone())
        .ok_or_else(|| UnknownRule {
            name: name.to_string(),
            origin: format!("`{origin}`"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, ProfileTable};
    use crate::profile::{Networks, Role};

    fn loaded(config: Config) -> LoadedConfig {
        LoadedConfig {
            path: PathBuf::from("/repo/agms-lint.toml"),
            config,
        }
    }

    #[test]
    fn command_line_wins_key_by_key() {
        let file = loaded(Config {
            profile: Some(ProfileTable {
                role: Some(Role::Scanner),
                networks: Some(Networks::Off),
                all_group: None,
            }),
            ignore: Some(vec!["AGMS011".into()]),
            ..Config::default()
        });
        let overrides = Overrides {
            profile: ProfileTable {
                role: Some(Role::Manager),
                ..ProfileTable::default()
            },
            ..Overrides::default()
        };
        let settings = resolve(Some(&file), &overrides).expect("valid");
        assert_eq!(
            settings.profile.role,
            Role::Manager,
            "command line role wins"
        );
        assert_eq!(
            settings.profile.networks,
            Networks::Off,
            "file networks kept"
        );
        let rules = settings.rules.expect("ignore gives a list");
        assert_eq!(rules.len(), catalogue::rules().len() - 1);
        assert!(!rules.contains(&"AGMS011".to_string()));
    }

    #[test]
    fn select_by_slug_and_exclude_root() {
        let file = loaded(Config {
            select: Some(vec!["old-error-text".into()]),
            exclude: Some(vec!["vendor/**".into()]),
            ..Config::default()
        });
        let settings = resolve(Some(&file), &Overrides::default()).expect("valid");
        assert_eq!(settings.rules, Some(vec!["AGMS006".to_string()]));
        assert_eq!(
            settings.exclude,
            Some((PathBuf::from("/repo"), vec!["vendor/**".to_string()]))
        );
    }

    #[test]
    fn unknown_severity_rule_is_rejected() {
        let overrides = Overrides {
            severity: BTreeMap::from([("AGMS000".to_string(), Severity::Error)]),
            ..Overrides::default()
        };
        let error = resolve(None, &overrides).unwrap_err();
        assert!(error.to_string().contains("AGMS000"));
    }
}
