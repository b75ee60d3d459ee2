//! Content fingerprints of findings: the rule, the path and the text of the
//! call with whitespace normalised. Unlike a line number, the fingerprint
//! survives edits elsewhere in the file, so baselines and dashboards keep
//! recognising a finding after lines are added above it.

use sha2::{Digest, Sha256};

/// Returns 16 hex digits of SHA-256 over the rule, the path and the
/// normalised text.
pub fn fingerprint(rule: &str, path: &str, text: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [rule, path, &normalise(text)] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Drops line continuations and collapses each run of whitespace to one
/// space, so that re-indenting or re-wrapping a command keeps its
/// fingerprint.
fn normalise(text: &str) -> String {
    let joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_does_not_change_the_fingerprint() {
        let one_line = fingerprint("AGMS001", "a.sh", "curl -d action=update  https://h/");
        let wrapped = fingerprint(
            "AGMS001",
            "a.sh",
            "curl \\\n    -d action=update \\\n    https://h/",
        );
        assert_eq!(one_line, wrapped);
        assert_eq!(one_line.len(), 16);
    }

    #[test]
    fn rule_path_and_text_change_it() {
        let base = fingerprint("AGMS001", "a.sh", "curl x");
        assert_ne!(base, fingerprint("AGMS002", "a.sh", "curl x"));
        assert_ne!(base, fingerprint("AGMS001", "b.sh", "curl x"));
        assert_ne!(base, fingerprint("AGMS001", "a.sh", "curl y"));
    }
}
