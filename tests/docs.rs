//! The rule pages under `docs/rules/` are the output of `agms-lint explain`
//! in English and Japanese, so that the pages SARIF links to never drift
//! from the catalogue. Set `AGMS_LINT_UPDATE_DOCS=1` to rewrite them.

mod support;

use support::{agms_lint, crate_dir, stdout};

fn explain(code: &str, lang: &str) -> String {
    let output = agms_lint()
        .args(["explain", code, "--lang", lang])
        .output()
        .expect("agms-lint runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "explain {code} --lang {lang}"
    );
    stdout(&output)
}

fn rule_codes() -> Vec<String> {
    let output = agms_lint()
        .args(["rules"])
        .output()
        .expect("agms-lint runs");
    stdout(&output)
        .lines()
        .map(|line| line.split_whitespace().next().expect("code").to_string())
        .collect()
}

#[test]
fn rule_pages_match_explain() {
    let update = std::env::var_os("AGMS_LINT_UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    for code in rule_codes() {
        let page = format!("{}\n---\n\n{}", explain(&code, "en"), explain(&code, "ja"));
        let path = crate_dir()
            .join("docs")
            .join("rules")
            .join(format!("{code}.md"));
        if update {
            std::fs::write(&path, &page).expect("write rule page");
            continue;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != page {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "rule pages differ from `agms-lint explain`; run AGMS_LINT_UPDATE_DOCS=1 cargo test --test docs:\n{}",
        stale.join("\n")
    );
}
