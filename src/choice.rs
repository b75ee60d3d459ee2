//! Deserializes a value from a closed set of names, such as a profile
//! key's, with an error that lists every accepted name. Serde's derived
//! enums list them for an unknown string, but not for a value of another
//! type, which the toml crate reports as "wanted string or table".

use std::fmt;
use std::marker::PhantomData;

use clap::ValueEnum;
use serde::Deserializer;
use serde::de::{Error, Unexpected, Visitor};

/// Deserializes one of the names that clap gives `T`'s variants, such as
/// `unit-manager`, matching case as serde's derived enums do.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: ValueEnum,
{
    deserializer.deserialize_str(NameVisitor(PhantomData))
}

struct NameVisitor<T>(PhantomData<T>);

impl<T: ValueEnum> Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "one of {}", names::<T>())
    }

    fn visit_str<E: Error>(self, value: &str) -> Result<T, E> {
        T::from_str(value, false).map_err(|_| E::invalid_value(Unexpected::Str(value), &self))
    }
}

/// Lists the accepted names as `a`, `b`, `c`.
fn names<T: ValueEnum>() -> String {
    let quoted: Vec<String> = T::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|value| format!("`{}`", value.get_name()))
        .collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use crate::profile::{AllGroup, Networks, Role};

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    struct Keys {
        role: Option<Role>,
        networks: Option<Networks>,
        all_group: Option<AllGroup>,
    }

    fn parse(text: &str) -> Result<Keys, String> {
        toml::from_str(text).map_err(|error| error.message().to_string())
    }

    #[test]
    fn accepted_names_parse() {
        let keys =
            parse("role = \"unit-manager\"\nnetworks = \"off\"\nall-group = \"not-assigned\"\n")
                .expect("valid names");
        assert_eq!(keys.role, Some(Role::UnitManager));
        assert_eq!(keys.networks, Some(Networks::Off));
        assert_eq!(keys.all_group, Some(AllGroup::NotAssigned));
    }

    #[test]
    fn unknown_name_lists_accepted_names() {
        let message = parse("role = \"admin\"\n").unwrap_err();
        assert!(message.contains("\"admin\""), "{message}");
        assert!(
            message.contains("`manager`, `unit-manager`, `scanner`, `unknown`"),
            "{message}"
        );
    }

    #[test]
    fn other_type_lists_accepted_names() {
        let message = parse("networks = true\n").unwrap_err();
        assert!(message.contains("boolean"), "{message}");
        assert!(message.contains("`on`, `off`, `unknown`"), "{message}");
        let message = parse("role = \"Manager\"\n").unwrap_err();
        assert!(
            message.contains("\"Manager\""),
            "names match case: {message}"
        );
    }
}
