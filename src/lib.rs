//! agms-lint finds Qualys API calls in shell and Python scripts that break
//! when a subscription enables AGMS (Asset Group Management Service).

pub mod endpoint;
pub mod lang;
pub mod language;
pub mod model;
pub mod template;
