//! Hostile and unusual inputs: each is found, skipped and counted, or
//! reported by path, and never stops the rest of the scan.

mod support;

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::{agms_lint, check_in, parse_concise, stderr, stdout};
use tempfile::TempDir;

/// A shell IP update without `network_id`: one AGMS001 error at 2:1.
const UPDATE: &str = "#!/bin/bash\ncurl -d 'action=update&ips=10.0.0.1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";

fn folder() -> TempDir {
    TempDir::new().expect("temporary folder")
}

fn json_in(dir: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all = vec!["--format", "json", "--fail-on", "none"];
    all.extend(args);
    let output = check_in(dir, &all);
    let document = serde_json::from_str(&stdout(&output))
        .unwrap_or_else(|error| panic!("not JSON ({error}); stderr: {}", stderr(&output)));
    (output.status.code(), document, stderr(&output))
}

fn findings_in(document: &Value) -> Vec<(String, u64, u64, String)> {
    document["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            (
                finding["path"].as_str().unwrap().to_string(),
                finding["start"]["line"].as_u64().unwrap(),
                finding["start"]["column"].as_u64().unwrap(),
                finding["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn one_finding(path: &str, line: u64, column: u64) -> Vec<(String, u64, u64, String)> {
    vec![(path.to_string(), line, column, "AGMS001".to_string())]
}

#[test]
fn binary_script_is_skipped_and_counted() {
    let dir = folder();
    // An executable has NUL bytes all through its header.
    let mut elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00".to_vec();
    elf.extend_from_slice(b"qualysapi /api/2.0/fo/asset/ip/\x00\x00\x00\x00");
    fs::write(dir.path().join("tool.sh"), elf).unwrap();
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    let (code, document, _) = json_in(dir.path(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(document["summary"]["files_skipped"]["binary"], 1);
    assert_eq!(
        findings_in(&document),
        one_finding("ok.sh", 2, 1),
        "the other file is still checked"
    );
}

#[test]
fn script_with_a_stray_nul_is_still_checked() {
    let dir = folder();
    let script = UPDATE.replacen("#!/bin/bash\n", "#!/bin/bash\n# \0 left by an editor\n", 1);
    fs::write(dir.path().join("nul.sh"), script).unwrap();
    let (_, document, _) = json_in(dir.path(), &[]);
    assert_eq!(document["summary"]["files_skipped"]["binary"], 0);
    assert_eq!(findings_in(&document), one_finding("nul.sh", 3, 1));
}

#[test]
fn empty_files_are_quiet() {
    let dir = folder();
    fs::write(dir.path().join("empty.sh"), b"").unwrap();
    fs::write(dir.path().join("empty.py"), b"").unwrap();
    let (code, document, _) = json_in(dir.path(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(document["summary"]["files_scanned"], 2);
    assert_eq!(findings_in(&document), vec![]);
}

#[test]
fn file_over_the_size_cap_is_skipped() {
    let dir = folder();
    let huge = fs::File::create(dir.path().join("huge.sh")).unwrap();
    // A sparse 200 MB file: the size check happens before any read.
    huge.set_len(200 * 1024 * 1024).unwrap();
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    let (code, document, errors) = json_in(dir.path(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(document["summary"]["files_skipped"]["too_large"], 1);
    assert!(errors.contains("huge.sh: skipped, larger than"), "{errors}");
    assert_eq!(findings_in(&document), one_finding("ok.sh", 2, 1));
}

#[test]
fn ten_megabyte_line_is_checked() {
    let dir = folder();
    let mut text = String::from("#!/bin/bash\ncurl -d 'action=update&comment=");
    text.push_str(&"x".repeat(10 * 1024 * 1024));
    text.push_str("' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n");
    fs::write(dir.path().join("long.sh"), text).unwrap();
    let limits = [
        "--max-file-size",
        "20000000",
        "--max-parse-size",
        "20000000",
    ];
    let (code, document, _) = json_in(dir.path(), &limits);
    assert_eq!(code, Some(0));
    assert_eq!(findings_in(&document), one_finding("long.sh", 2, 1));
}

/// Builds a script of about 300 KB, over the default parse limit, with
/// requests on lines 2 and 4 and a Qualys host name on line 3.
fn generated_script() -> String {
    let mut text = String::from(UPDATE);
    text.push_str("echo qualysapi.qualys.com\n");
    text.push_str("curl -d 'action=list' $BASE/api/2.0/fo/asset/group/\n");
    text.push_str(&"# padding\n".repeat(30_000));
    text
}

/// The line and rule of each finding of a JSON report.
fn rules_by_line(document: &Value) -> Vec<(u64, String)> {
    findings_in(document)
        .into_iter()
        .map(|(_, line, _, rule)| (line, rule))
        .collect()
}

fn notes_by_line(document: &Value) -> Vec<(u64, String)> {
    document["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            (
                finding["start"]["line"].as_u64().unwrap(),
                finding["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn oversized_script_is_searched_as_text() {
    let dir = folder();
    fs::write(dir.path().join("big.sh"), generated_script()).unwrap();
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    let (code, document, errors) = json_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{errors}");
    assert!(
        errors.contains("big.sh: larger than the parse limit of 262144 bytes; searched as text"),
        "{errors}"
    );
    let rules: Vec<_> = findings_in(&document)
        .into_iter()
        .map(|(path, line, _, rule)| (path, line, rule))
        .collect();
    let note = |line| ("big.sh".to_string(), line, "AGMS102".to_string());
    let error = ("ok.sh".to_string(), 2, "AGMS001".to_string());
    assert_eq!(rules, [note(2), note(3), note(4), error]);
    let (_, message) = &notes_by_line(&document)[0];
    assert!(message.contains("parse limit of 262144 bytes"), "{message}");
}

#[test]
fn file_over_the_parse_limit_with_cr_lines() {
    let dir = folder();
    fs::write(
        dir.path().join("big.sh"),
        generated_script().replace('\n', "\r"),
    )
    .unwrap();
    let (_, document, _) = json_in(dir.path(), &[]);
    let lines: Vec<_> = findings_in(&document)
        .into_iter()
        .map(|(_, line, column, rule)| (line, column, rule))
        .collect();
    let note = |line| (line, 1, "AGMS102".to_string());
    assert_eq!(lines, [note(2), note(3), note(4)]);
}

#[test]
fn parse_limit_counts_file_bytes() {
    let dir = folder();
    // Each kana takes two bytes in Shift_JIS and three in UTF-8, so the
    // file is under the limit and its decoded text is over it.
    let mut text = String::from("# -*- coding: cp932 -*-\n");
    text.push_str(UPDATE.lines().nth(1).unwrap());
    text.push('\n');
    text.push_str(&"# \u{30b3}\u{30e1}\u{30f3}\u{30c8}\n".repeat(200));
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let limit = bytes.len().to_string();
    fs::write(dir.path().join("sjis.sh"), &bytes).unwrap();
    let (_, document, errors) = json_in(dir.path(), &["--max-parse-size", &limit]);
    assert!(!errors.contains("searched as text"), "{errors}");
    assert_eq!(findings_in(&document), one_finding("sjis.sh", 2, 1));
}

#[test]
fn raising_the_parse_limit_parses_the_file() {
    let dir = folder();
    fs::write(dir.path().join("big.sh"), generated_script()).unwrap();
    let (_, document, errors) = json_in(dir.path(), &["--max-parse-size", "1000000"]);
    assert!(!errors.contains("searched as text"), "{errors}");
    assert_eq!(findings_in(&document), one_finding("big.sh", 2, 1));
}

#[test]
fn file_over_the_parse_limit_honours_suppressions() {
    let dir = folder();
    let script = format!("# agms-lint: ignore-file[AGMS102]\n{}", &UPDATE[12..]);
    fs::write(dir.path().join("small.sh"), script).unwrap();
    let (_, document, errors) = json_in(dir.path(), &["--max-parse-size", "20"]);
    assert!(
        errors.contains("small.sh: larger than the parse limit of 20 bytes"),
        "{errors}"
    );
    assert_eq!(findings_in(&document), []);
}

#[test]
fn suppression_over_parse_limit_is_not_unused() {
    let dir = folder();
    // Only AGMS102 runs on a file searched as text, so a suppression of
    // AGMS001 there may still be needed once the file is parsed again.
    let call = UPDATE.lines().nth(1).unwrap();
    let script = format!("#!/bin/bash\n{call}  # agms-lint: ignore[AGMS001]\n");
    fs::write(dir.path().join("small.sh"), script).unwrap();
    let (_, document, _) = json_in(dir.path(), &["--max-parse-size", "20"]);
    let rules = rules_by_line(&document);
    assert_eq!(rules, [(2, "AGMS102".to_string())]);

    let (_, document, _) = json_in(dir.path(), &[]);
    assert_eq!(findings_in(&document), []);
}

#[test]
fn suppressed_lines_over_parse_limit_hide_nothing() {
    let dir = folder();
    // Twenty reviewed requests come first, and the note limit is twenty
    // lines, so the request on line 22 is reported only when the limit
    // counts the notes that suppressions leave.
    let mut script = String::from("#!/bin/bash\n");
    for row in 0..20 {
        script.push_str(&format!(
            "curl $BASE/msp/user.php?row={row}  # agms-lint: ignore[AGMS102] reviewed\n"
        ));
    }
    script.push_str(UPDATE.lines().nth(1).unwrap());
    script.push('\n');
    fs::write(dir.path().join("table.sh"), script).unwrap();
    let (_, document, _) = json_in(dir.path(), &["--max-parse-size", "20"]);
    let rules = rules_by_line(&document);
    assert_eq!(rules, [(22, "AGMS102".to_string())]);
}

#[test]
fn deep_nesting_does_not_crash() {
    let dir = folder();
    let depth = 50_000;
    let python = format!(
        "import qualysapi\nx = {}1{}\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let shell = format!(
        "#!/bin/bash\n# qualysapi\nx={}1{}\n",
        "$( ".repeat(depth),
        " )".repeat(depth)
    );
    fs::write(dir.path().join("deep.py"), python).unwrap();
    fs::write(dir.path().join("deep.sh"), shell).unwrap();
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    let (code, document, errors) = json_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{errors}");
    assert_eq!(findings_in(&document), one_finding("ok.sh", 2, 1));
}

/// Each string argument of a call is classified by the call's first
/// argument alone. When every argument was read for each of them, a call
/// with 4,000 arguments took 3.8 s, and this one would take over a minute.
#[test]
fn call_with_many_string_arguments() {
    let dir = folder();
    let arguments: Vec<String> = (0..20_000).map(|index| format!("\"v{index}\"")).collect();
    let python = format!("import qualysapi\nsend({})\n", arguments.join(", "));
    fs::write(dir.path().join("wide.py"), python).unwrap();
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    let (code, document, errors) = json_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{errors}");
    assert_eq!(findings_in(&document), one_finding("ok.sh", 2, 1));
}

/// The Python grammar aborts the process on more than about 510
/// indentation levels, so such a file is searched as text and the rest of
/// the scan goes on.
#[test]
fn python_indented_too_deep_is_searched_as_text() {
    let dir = folder();
    let mut python = String::from("URL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'\n");
    for level in 0..520 {
        python.push_str(&format!("{}if 1:\n", " ".repeat(level)));
    }
    python.push_str(&format!("{}x = 'a'\n", " ".repeat(520)));
    fs::write(dir.path().join("deep.py"), python).unwrap();
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    let (code, document, errors) = json_in(dir.path(), &[]);
    assert_eq!(code, Some(0), "{errors}");
    assert!(errors.contains("indented 520 columns deep"), "{errors}");
    let mut findings = findings_in(&document);
    findings.sort();
    assert_eq!(
        findings,
        [
            ("deep.py".to_string(), 1, 1, "AGMS102".to_string()),
            ("ok.sh".to_string(), 2, 1, "AGMS001".to_string()),
        ]
    );
}

#[test]
fn syntax_errors_do_not_hide_the_rest_of_the_file() {
    let dir = folder();
    let python = "import requests\ndef broken(:\n    pass\n\nrequests.post('https://qualysapi.qualys.com/api/2.0/fo/asset/ip/', data={'action': 'update', 'ips': '1.1.1.1'})\n";
    let shell = "#!/bin/bash\nfoo() {\n  if then fi\n}\n}}\ncurl -d 'action=update&ips=1.1.1.1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";
    fs::write(dir.path().join("broken.py"), python).unwrap();
    fs::write(dir.path().join("broken.sh"), shell).unwrap();
    let (_, document, _) = json_in(dir.path(), &[]);
    let found = findings_in(&document);
    assert!(
        found.contains(&("broken.py".into(), 5, 1, "AGMS001".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("broken.sh".into(), 6, 1, "AGMS001".into())),
        "{found:?}"
    );
}

/// A script with a Japanese comment before the call, so that columns and
/// lines depend on decoding.
const JAPANESE: &str = "#!/bin/bash\n# ホストを DNS 追跡に切り替える\n  curl -d 'action=update&ips=10.0.0.1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/ # 更新\n";

#[test]
fn encodings_are_decoded_with_right_positions() {
    let dir = folder();
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(JAPANESE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(JAPANESE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bom: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .copied()
        .chain(JAPANESE.bytes())
        .collect();
    let (shift_jis, _, _) = encoding_rs::SHIFT_JIS.encode(JAPANESE);
    let (euc_jp, _, _) = encoding_rs::EUC_JP.encode(JAPANESE);
    let files: [(&str, &[u8]); 6] = [
        ("utf8.sh", JAPANESE.as_bytes()),
        ("bom.sh", &bom),
        ("utf16le.sh", &utf16le),
        ("utf16be.sh", &utf16be),
        ("sjis.sh", &shift_jis),
        ("eucjp.sh", &euc_jp),
    ];
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let (_, document, _) = json_in(dir.path(), &[]);
    let mut found = findings_in(&document);
    found.sort();
    let mut expected: Vec<_> = files
        .iter()
        .map(|(name, _)| (name.to_string(), 3, 3, "AGMS001".to_string()))
        .collect();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn sarif_columns_count_utf16_units() {
    let dir = folder();
    // U+1D11E takes two UTF-16 units, so the call starts at character 6
    // but at UTF-16 unit 7.
    let text = "#!/bin/bash\nX=𝄞; curl -d 'action=update&ips=1.1.1.1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";
    fs::write(dir.path().join("wide.sh"), text).unwrap();
    let output = check_in(dir.path(), &["--format", "sarif", "--fail-on", "none"]);
    let sarif: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 7, "{region}");
    let concise = check_in(dir.path(), &["--format", "concise", "--fail-on", "none"]);
    let findings = parse_concise(&stdout(&concise));
    assert_eq!(findings[0].column, 6, "concise columns count characters");
    let human = check_in(dir.path(), &["--color", "never", "--fail-on", "none"]);
    assert!(
        stdout(&human).contains("wide.sh:2:6]"),
        "human columns count characters:\n{}",
        stdout(&human)
    );
}

#[test]
fn invalid_utf8_still_finds_call_sites() {
    let dir = folder();
    let mut bytes = b"#!/bin/bash\n# \xff\xfe broken \xc3\n".to_vec();
    bytes.extend_from_slice(UPDATE.lines().nth(1).unwrap().as_bytes());
    fs::write(dir.path().join("broken.sh"), bytes).unwrap();
    let (_, document, _) = json_in(dir.path(), &[]);
    assert_eq!(findings_in(&document), one_finding("broken.sh", 3, 1));
}

#[test]
fn line_endings_and_tabs() {
    let dir = folder();
    let crlf = UPDATE.replace('\n', "\r\n");
    let cr = UPDATE.replace('\n', "\r");
    let tabs = "#!/bin/bash\n\tcurl -d 'action=update&ips=1.1.1.1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";
    fs::write(dir.path().join("crlf.sh"), crlf).unwrap();
    fs::write(dir.path().join("cr.sh"), cr).unwrap();
    fs::write(dir.path().join("tabs.sh"), tabs).unwrap();
    let (_, document, _) = json_in(dir.path(), &[]);
    let mut found = findings_in(&document);
    found.sort();
    let expected = vec![
        ("cr.sh".to_string(), 2, 1, "AGMS001".to_string()),
        ("crlf.sh".to_string(), 2, 1, "AGMS001".to_string()),
        ("tabs.sh".to_string(), 2, 2, "AGMS001".to_string()),
    ];
    assert_eq!(found, expected);
}

#[test]
fn human_lines_after_lone_carriage_returns() {
    let dir = folder();
    // Old Mac line endings (a lone `\r`) come before Unix ones. The call is
    // on line 8, so its code frame starts after the lone `\r` endings.
    let text = format!(
        "#!/bin/bash\recho a\recho b\necho c\necho d\necho e\necho f\n{}",
        &UPDATE[12..]
    );
    fs::write(dir.path().join("mixed.sh"), text).unwrap();
    let concise = check_in(dir.path(), &["--format", "concise", "--fail-on", "none"]);
    let findings = parse_concise(&stdout(&concise));
    assert_eq!(findings[0].line, 8, "concise line");
    let human = check_in(dir.path(), &["--color", "never", "--fail-on", "none"]);
    let report = stdout(&human);
    assert!(report.contains("mixed.sh:8:1]"), "human header:\n{report}");
    assert!(report.contains(" 8 │ curl"), "human gutter:\n{report}");
}

#[test]
fn frame_with_lone_carriage_returns() {
    let dir = folder();
    // Every line ends in a lone `\r`, so the frame around the call on
    // line 3 must break there too, and show no raw `\r`.
    let call = UPDATE.lines().nth(1).expect("UPDATE has a call line");
    let text = format!("#!/bin/sh\recho start\r{call}\recho done\r");
    fs::write(dir.path().join("mac.sh"), text).unwrap();
    let human = check_in(dir.path(), &["--color", "never", "--fail-on", "none"]);
    let report = stdout(&human);
    assert!(report.contains("mac.sh:3:1]"), "human header:\n{report}");
    assert!(report.contains(" 3 │ curl"), "human gutter:\n{report}");
    assert!(report.contains(" 4 │ echo done"), "human gutter:\n{report}");
    assert!(!report.contains('\r'), "raw carriage return:\n{report:?}");
}

#[test]
fn symlinks_are_not_followed_by_default() {
    let outside = folder();
    fs::write(outside.path().join("outside.sh"), UPDATE).unwrap();
    let dir = folder();
    let tree = dir.path().join("tree");
    fs::create_dir(&tree).unwrap();
    fs::write(tree.join("ok.sh"), UPDATE).unwrap();
    std::os::unix::fs::symlink(outside.path(), tree.join("out")).unwrap();
    std::os::unix::fs::symlink(tree.join("missing.sh"), tree.join("dangling.sh")).unwrap();
    std::os::unix::fs::symlink(&tree, tree.join("loop")).unwrap();
    let (code, document, _) = json_in(&tree, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(findings_in(&document), one_finding("ok.sh", 2, 1));
    assert_eq!(document["summary"]["files_skipped"]["links"], 3);

    let (code, document, errors) = json_in(&tree, &["--follow-links"]);
    assert_eq!(
        code,
        Some(0),
        "loops and dangling links are skips, not failures: {errors}"
    );
    let mut found = findings_in(&document);
    found.sort();
    assert!(
        found.contains(&("out/outside.sh".into(), 2, 1, "AGMS001".into())),
        "{found:?}"
    );
    assert!(errors.contains("dangling.sh"), "{errors}");
    assert!(errors.contains("loop"), "{errors}");
}

#[test]
fn link_chain_loops_are_skips_everywhere() {
    let dir = folder();
    let tree = dir.path().join("tree");
    fs::create_dir(&tree).unwrap();
    fs::write(tree.join("ok.sh"), UPDATE).unwrap();
    std::os::unix::fs::symlink("loop2", tree.join("loop1")).unwrap();
    std::os::unix::fs::symlink("loop1", tree.join("loop2")).unwrap();

    let (code, document, errors) = json_in(&tree, &["--follow-links", "."]);
    assert_eq!(code, Some(0), "inside a folder: {errors}");
    assert_eq!(findings_in(&document), one_finding("ok.sh", 2, 1));
    assert_eq!(document["summary"]["files_skipped"]["links"], 2);
    assert!(
        errors.contains("loop1: skipped, symbolic link loop"),
        "{errors}"
    );

    let (code, document, errors) = json_in(&tree, &["--follow-links", "loop1", "ok.sh"]);
    assert_eq!(code, Some(0), "named on the command line: {errors}");
    assert_eq!(findings_in(&document), one_finding("ok.sh", 2, 1));
    assert_eq!(document["summary"]["files_skipped"]["links"], 1);
    assert!(
        errors.contains("loop1: skipped, symbolic link loop"),
        "{errors}"
    );
}

#[test]
fn link_chain_to_a_file_is_read() {
    let dir = folder();
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    std::os::unix::fs::symlink("ok.sh", dir.path().join("link2.sh")).unwrap();
    std::os::unix::fs::symlink("link2.sh", dir.path().join("link1.sh")).unwrap();
    let (code, document, errors) = json_in(dir.path(), &["--follow-links", "link1.sh"]);
    assert_eq!(code, Some(0), "{errors}");
    assert_eq!(findings_in(&document), one_finding("link1.sh", 2, 1));
    assert_eq!(document["summary"]["files_skipped"]["links"], 0);
}

#[test]
fn fifos_and_devices_are_never_opened() {
    let dir = folder();
    let status = Command::new("mkfifo")
        .arg(dir.path().join("pipe.sh"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    fs::write(dir.path().join("ok.sh"), UPDATE).unwrap();
    let (code, document, errors) = json_in(dir.path(), &[".", "/dev/null"]);
    assert_eq!(code, Some(0), "{errors}");
    assert_eq!(document["summary"]["files_skipped"]["special"], 2);
    assert_eq!(findings_in(&document), one_finding("ok.sh", 2, 1));
}

/// Runs agms-lint as an unprivileged user when the tests run as root,
/// because root reads files whatever their mode.
fn check_unprivileged(dir: &Path) -> std::process::Output {
    let binary = assert_cmd::cargo::cargo_bin("agms-lint");
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|out| out.stdout == b"0\n")
        .unwrap_or(false);
    let mut command = if is_root {
        let mut command = Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary);
        command
    } else {
        Command::new(&binary)
    };
    command
        .current_dir(dir)
        .args(["check", "--format", "concise", "--fail-on", "none"])
        .output()
        .expect("agms-lint runs")
}

#[test]
fn unreadable_files_fail_the_run_and_are_named() {
    let dir = folder();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let secret = dir.path().join("locked.sh");
    fs::write(&secret, UPDATE).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let locked_dir = dir.path().join("locked");
    fs::create_dir(&locked_dir).unwrap();
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o000)).unwrap();
    let ok = dir.path().join("ok.sh");
    fs::write(&ok, UPDATE).unwrap();
    fs::set_permissions(&ok, fs::Permissions::from_mode(0o644)).unwrap();
    let output = check_unprivileged(dir.path());
    assert_eq!(
        output.status.code(),
        Some(2),
        "a partial scan must not pass"
    );
    let errors = stderr(&output);
    assert!(errors.contains("cannot read locked.sh"), "{errors}");
    assert!(errors.contains("locked"), "{errors}");
    let findings = parse_concise(&stdout(&output));
    assert_eq!(findings.len(), 1, "ok.sh is still checked: {findings:?}");
}

#[test]
fn odd_path_names() {
    let dir = folder();
    let names: [&[u8]; 4] = [
        b"with space.sh",
        b"new\nline.sh",
        b"-dash.sh",
        b"bad\xffbyte.sh",
    ];
    for name in names {
        fs::write(dir.path().join(std::ffi::OsStr::from_bytes(name)), UPDATE).unwrap();
    }
    let output = check_in(dir.path(), &["--format", "concise", "--fail-on", "none"]);
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 4, "one line per finding:\n{text}");
    assert!(text.contains("with space.sh:2:1: AGMS001"), "{text}");
    assert!(text.contains("new\\nline.sh:2:1: AGMS001"), "{text}");
    assert!(text.contains("-dash.sh:2:1: AGMS001"), "{text}");
    assert!(text.contains("bad\u{FFFD}byte.sh:2:1: AGMS001"), "{text}");
    let dashed = agms_lint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "--", "-dash.sh"])
        .output()
        .unwrap();
    assert_eq!(
        stdout(&dashed).lines().count(),
        1,
        "a path after -- may start with a dash"
    );
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let root = support::crate_dir();
    let run = |threads: &str| {
        let output = check_in(
            &root,
            &[
                "testdata",
                "--format",
                "sarif",
                "--fail-on",
                "none",
                "--threads",
                threads,
            ],
        );
        output.stdout
    };
    let single = run("1");
    assert!(!single.is_empty());
    assert_eq!(single, run("0"), "default threads differ from one thread");
    assert_eq!(single, run("4"), "four threads differ from one thread");
    assert_eq!(single, run("1"), "two runs differ");
}

/// Runs `check` on a folder of `count` binary scripts and returns stderr.
fn warnings_for_binary_files(count: usize) -> String {
    let dir = folder();
    for index in 0..count {
        fs::write(dir.path().join(format!("b{index}.sh")), [0u8; 64]).unwrap();
    }
    let output = check_in(dir.path(), &["--format", "concise", "."]);
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn repeated_skip_warnings_are_capped() {
    let errors = warnings_for_binary_files(25);
    assert_eq!(errors.matches(": skipped, binary").count(), 20, "{errors}");
    assert!(
        errors.contains("5 more binary files skipped; only the first 20 are named"),
        "{errors}"
    );
}

#[test]
fn few_skip_warnings_are_all_named() {
    let errors = warnings_for_binary_files(3);
    assert_eq!(errors.matches(": skipped, binary").count(), 3, "{errors}");
    assert!(!errors.contains("more binary files"), "{errors}");
}
