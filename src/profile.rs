//! The subscription profile: the facts a team has about its own subscription,
//! which narrows the rules. Every key defaults to unknown.

use clap::ValueEnum;
use serde::{Deserialize, Deserializer};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Role {
    Manager,
    UnitManager,
    Scanner,
    #[default]
    Unknown,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Networks {
    On,
    Off,
    #[default]
    Unknown,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum AllGroup {
    Assigned,
    NotAssigned,
    #[default]
    Unknown,
}

// Configuration files spell each value as the command line does, such as
// `unit-manager`.
impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::choice::deserialize(deserializer)
    }
}

impl<'de> Deserialize<'de> for Networks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::choice::deserialize(deserializer)
    }
}

impl<'de> Deserialize<'de> for AllGroup {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::choice::deserialize(deserializer)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub role: Role,
    pub networks: Networks,
    pub all_group: AllGroup,
}

impl Profile {
    /// Managers are not restricted by the AGMS changes to IP adds, IP
    /// updates, asset group lookups and appliance creation.
    pub fn is_manager(&self) -> bool {
        self.role == Role::Manager
    }

    pub fn networks_off(&self) -> bool {
        self.networks == Networks::Off
    }
}
