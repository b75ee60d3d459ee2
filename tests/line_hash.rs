//! GitHub's own test vectors for `primaryLocationLineHash`.

mod support;

use agms_lint::report::line_hash::line_hashes;
use serde_json::Value;
use support::shared_sarif_file;

#[test]
fn line_hashes_match_githubs_vectors() {
    let Some(path) = shared_sarif_file("github-line-hash-vectors.json") else {
        return;
    };
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let document: Value = serde_json::from_str(&text).expect("vectors are JSON");
    let vectors = document["vectors"].as_array().expect("vectors array");
    assert!(!vectors.is_empty());
    for (index, vector) in vectors.iter().enumerate() {
        let input = vector["input"].as_str().expect("input");
        let expected: Vec<&str> = vector["line_hashes"]
            .as_array()
            .expect("line_hashes")
            .iter()
            .map(|hash| hash.as_str().expect("hash is a string"))
            .collect();
        let actual = line_hashes(input);
        assert_eq!(actual, expected, "vector {index}: input {input:?}");
    }
}
