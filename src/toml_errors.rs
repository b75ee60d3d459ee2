//! Describes a toml crate error in one line that names the line, column and
//! key, such as ``line 3, column 8, key `profile.role`: invalid value ...``.
//! The crate's own rendering names the key only inside a source excerpt.

/// Describes `error`, raised while reading `text`. The key is named only
/// when `text` is valid TOML, because a syntax error can sit between keys.
pub fn describe(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim_end();
    let Some(offset) = error.span().map(|span| span.start) else {
        return message.to_string();
    };
    let (line, column) = line_and_column(text, offset);
    let is_syntax_error = text.parse::<toml::Table>().is_err();
    match key_before(text, offset) {
        Some(key) if !is_syntax_error => {
            format!("line {line}, column {column}, key `{key}`: {message}")
        }
        _ => format!("line {line}, column {column}: {message}"),
    }
}

/// Returns the 1-based line and column, in characters, of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Returns the dotted key assigned last at or before `offset`, with the
/// table header above it, such as `profile.role` or
/// `tool.agms-lint.severity.AGMS003`.
fn key_before(text: &str, offset: usize) -> Option<String> {
    let mut table = String::new();
    let mut key = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line_start > offset {
            break;
        }
        line_start += line.len();
        let trimmed = line.trim();
        if let Some(header) = table_header(trimmed) {
            table = header;
            key = None;
        } else if let Some((name, _)) = trimmed.split_once('=')
            && !trimmed.starts_with('#')
        {
            key = Some(unquote(name.trim()));
        }
    }
    let key = key?;
    Some(if table.is_empty() {
        key
    } else {
        format!("{table}.{key}")
    })
}

/// Returns the name of a `[table]` header line, without its brackets.
fn table_header(line: &str) -> Option<String> {
    let inner = line.strip_prefix('[')?.split(']').next()?;
    let inner = inner.trim_start_matches('[').trim();
    Some(unquote(inner))
}

fn unquote(key: &str) -> String {
    key.split('.')
        .map(|part| part.trim().trim_matches('"').trim_matches('\''))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: Option<String>,
        limits: Option<Limits>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Limits {
        depth: Option<u32>,
    }

    fn describe_text(text: &str) -> String {
        let error = toml::from_str::<Sample>(text).unwrap_err();
        describe(text, &error)
    }

    #[test]
    fn bad_value_names_line_column_and_key() {
        let message = describe_text("name = \"a\"\n\n[limits]\ndepth = \"deep\"\n");
        assert!(
            message.starts_with("line 4, column 9, key `limits.depth`: "),
            "{message}"
        );
        assert!(message.contains("invalid type"), "{message}");
    }

    #[test]
    fn unknown_key_is_named() {
        let message = describe_text("[limits]\ndepht = 3\n");
        assert!(
            message.starts_with("line 2, column 1, key `limits.depht`: "),
            "{message}"
        );
    }

    #[test]
    fn syntax_error_names_no_key() {
        let message = describe_text("name = [\"a\"\nlimits = 1\n");
        assert!(message.starts_with("line 2, column 1: "), "{message}");
        assert!(!message.contains("key `"), "{message}");
    }

    #[test]
    fn key_of_a_multi_line_array() {
        let text = "[tool.\"agms-lint\"]\nselect = [\n  \"AGMS001\",\n  5,\n]\n";
        assert_eq!(
            key_before(text, text.find('5').unwrap()),
            Some("tool.agms-lint.select".to_string())
        );
    }

    #[test]
    fn column_counts_characters() {
        assert_eq!(line_and_column("a\nüb", 4), (2, 2));
        assert_eq!(line_and_column("", 0), (1, 1));
    }
}
