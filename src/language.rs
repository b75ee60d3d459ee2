//! Script languages and how a file's language is recognised.

use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    Shell,
    Python,
}

impl Language {
    pub fn name(self) -> &'static str {
        match self {
            Language::Shell => "shell",
            Language::Python => "python",
        }
    }

    /// Detects the language from the file extension alone.
    pub fn from_extension(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "sh" | "bash" | "zsh" | "ksh" | "dash" => Some(Language::Shell),
            "py" | "pyw" => Some(Language::Python),
            _ => None,
        }
    }

    /// True when the extension names another language's source, a document,
    /// data or a binary format. Such files are never opened, because a `#!`
    /// line would not make them shell or Python scripts that anyone runs.
    pub fn is_other_format(path: &Path) -> bool {
        let Some(ext) = path.extension().and_then(|ext| ext.to_str()) else {
            return false;
        };
        OTHER_FORMATS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(ext))
    }

    /// Detects the language from a `#!` line, such as `#!/bin/bash` or
    /// `#!/usr/bin/env python3`.
    pub fn from_shebang(head: &[u8]) -> Option<Language> {
        let rest = head.strip_prefix(b"#!")?;
        let line_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let line = std::str::from_utf8(&rest[..line_end]).ok()?;
        let mut words = line.split_whitespace();
        let mut program = words.next()?.rsplit('/').next()?;
        // `#!/usr/bin/env python3` and `#!/bin/busybox sh` name the
        // interpreter in their first argument.
        if program == "env" || program == "busybox" {
            program = words.find(|word| !word.starts_with('-'))?;
        }
        interpreter_language(program)
    }
}

/// Extensions of files that are not shell or Python scripts, in lower
/// case. Extensions that people also give scripts, such as `.txt`,
/// `.conf`, `.cgi` or `.bak`, are left out, so such files still get their
/// `#!` line read.
#[rustfmt::skip]
const OTHER_FORMATS: &[&str] = &[
    // Sources of other languages.
    "c", "h", "cc", "cpp", "cxx", "hh", "hpp", "m", "mm", "go", "rs", "java", "kt", "kts",
    "scala", "swift", "cs", "fs", "js", "mjs", "cjs", "jsx", "ts", "tsx", "vue", "svelte",
    "rb", "pl", "pm", "php", "lua", "r", "sql", "proto", "graphql",
    // Documents, styles and data.
    "md", "markdown", "rst", "adoc", "html", "htm", "xml", "svg", "css", "scss", "less",
    "json", "jsonl", "yaml", "yml", "toml", "lock", "csv", "tsv",
    // Images, fonts, media, archives and compiled code.
    "png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff", "pdf", "woff", "woff2",
    "ttf", "otf", "eot", "mp3", "mp4", "wav", "ogg", "mov", "avi", "zip", "gz", "tgz", "bz2",
    "xz", "zst", "7z", "tar", "jar", "war", "class", "o", "a", "so", "dll", "dylib", "exe",
    "wasm", "pyc", "pyo", "whl", "db", "sqlite",
];

fn interpreter_language(program: &str) -> Option<Language> {
    // Versioned names such as bash5, python3 or python3.11 count too.
    let name = program.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    match name {
        "sh" | "bash" | "zsh" | "ksh" | "mksh" | "dash" | "ash" => Some(Language::Shell),
        "python" | "pypy" => Some(Language::Python),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shebang_forms() {
        let cases: &[(&[u8], Option<Language>)] = &[
            (b"#!/bin/bash\n", Some(Language::Shell)),
            (b"#!/bin/sh -e\n", Some(Language::Shell)),
            (b"#!/usr/bin/env zsh\n", Some(Language::Shell)),
            (b"#!/bin/ksh", Some(Language::Shell)),
            (b"#!/bin/dash\n", Some(Language::Shell)),
            (b"#!/usr/bin/env python3\n", Some(Language::Python)),
            (b"#!/usr/bin/python\n", Some(Language::Python)),
            (b"#!/usr/bin/env -S python3.11 -u\n", Some(Language::Python)),
            (b"#!/bin/mksh\n", Some(Language::Shell)),
            (b"#!/usr/local/bin/bash5\n", Some(Language::Shell)),
            (b"#!/bin/busybox sh\n", Some(Language::Shell)),
            (b"#!/usr/bin/env pypy3\n", Some(Language::Python)),
            (b"#!/usr/bin/perl\n", None),
            (b"#!/usr/bin/env pythonista\n", None),
            (b"echo hi\n", None),
        ];
        for (head, expected) in cases {
            assert_eq!(
                Language::from_shebang(head),
                *expected,
                "shebang {:?}",
                String::from_utf8_lossy(head)
            );
        }
    }

    #[test]
    fn extensions() {
        assert_eq!(
            Language::from_extension(Path::new("a/b.sh")),
            Some(Language::Shell)
        );
        assert_eq!(
            Language::from_extension(Path::new("x.PY")),
            Some(Language::Python)
        );
        assert_eq!(Language::from_extension(Path::new("README.md")), None);
        assert_eq!(Language::from_extension(Path::new("Makefile")), None);
    }

    #[test]
    fn other_formats_by_extension() {
        for name in [
            "main.c",
            "app.JS",
            "README.md",
            "logo.png",
            "lib.so",
            "data.json",
        ] {
            assert!(Language::is_other_format(Path::new(name)), "{name}");
        }
        for name in [
            "deploy",
            "sync.sh",
            "tool.py",
            "notes.txt",
            "run.cgi",
            "x.conf",
        ] {
            assert!(!Language::is_other_format(Path::new(name)), "{name}");
        }
    }
}
