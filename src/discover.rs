//! Finding the files to scan: the `ignore` crate's parallel walker, which
//! honours `.gitignore` and `.ignore` and skips hidden folders.

use std::path::{Component, Path, PathBuf};

use ignore::overrides::{Override, OverrideBuilder};
use ignore::{WalkBuilder, WalkParallel};

pub struct WalkOptions {
    pub threads: usize,
    pub follow_links: bool,
}

/// Builds a parallel walk over `paths`. A path that names a file is always
/// visited, even if it is hidden or ignored, because the user asked for it.
pub fn walker(
    paths: &[PathBuf],
    options: &WalkOptions,
    exclude: Option<&Override>,
) -> WalkParallel {
    // Exclude globs are rooted at the configuration file's folder and match
    // only paths under that absolute root, so the walk starts from absolute
    // paths when there are globs. Output paths are made relative again.
    let roots: Vec<PathBuf> = match exclude {
        Some(_) => paths.iter().map(|path| absolute_path(path)).collect(),
        None => paths.to_vec(),
    };
    let (first, rest) = roots.split_first().expect("at least one path");
    let mut builder = WalkBuilder::new(first);
    for path in rest {
        builder.add(path);
    }
    builder
        .threads(options.threads)
        .follow_links(options.follow_links)
        // Ignore files apply inside a repository and outside of one alike,
        // so a scan of an unpacked tarball honours its `.gitignore` too.
        .require_git(false);
    if let Some(exclude) = exclude {
        builder.overrides(exclude.clone());
    }
    builder.build_parallel()
}

/// The names reports give scanned paths: relative to the working folder,
/// and below a root the walk made absolute, in the form the user gave it.
#[derive(Debug, Default)]
pub struct PathNames {
    pub current_dir: Option<PathBuf>,
    /// Each walk root as walked, with the path the user gave for it.
    roots: Vec<(PathBuf, PathBuf)>,
}

impl PathNames {
    /// Names paths for a walk over `paths`, whose roots are made absolute
    /// when `absolute_roots` is set, as they are under exclude globs.
    pub fn new(paths: &[PathBuf], absolute_roots: bool) -> Self {
        let current_dir = std::env::current_dir().ok();
        let roots = if absolute_roots {
            paths
                .iter()
                .map(|path| (absolute_path(path), path.clone()))
                .collect()
        } else {
            Vec::new()
        };
        PathNames { current_dir, roots }
    }

    /// Returns the text that reports show for `path`.
    pub fn show(&self, path: &Path) -> String {
        let given = self.roots.iter().find_map(|(walked, given)| {
            let rest = path.strip_prefix(walked).ok()?;
            Some(if rest.as_os_str().is_empty() {
                given.clone()
            } else {
                given.join(rest)
            })
        });
        match given {
            Some(given) => display_path(&given, self.current_dir.as_deref()),
            None => display_path(path, self.current_dir.as_deref()),
        }
    }
}

/// True when `path`, given on the command line, matches an exclude glob.
/// The walker applies globs only below its roots, so a file named directly,
/// as pre-commit names files, is tested here.
pub fn is_excluded(exclude: &Override, path: &Path) -> bool {
    exclude.matched(absolute_path(path), false).is_ignore()
}

/// Returns `path` made absolute, without `.` components, and with each `..`
/// removed together with the component before it, as the shell's `cd ..`
/// does by default. Exclude roots and scanned paths are compared in this
/// form, because a root such as `/repo/tools/../cfg` matches nothing under
/// `/repo/cfg`.
pub fn absolute_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut normalised = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                normalised.pop();
            }
            other => normalised.push(other),
        }
    }
    normalised
}

/// Turns `exclude` globs into walker overrides. Globs were checked when the
/// configuration was loaded, so one that fails here is skipped with a
/// warning rather than stopping the scan.
pub fn exclusions(root: &Path, globs: &[String]) -> Override {
    let mut builder = OverrideBuilder::new(absolute_path(root));
    for glob in globs {
        if let Err(error) = builder.add(&format!("!{glob}")) {
            tracing::warn!("ignoring exclude glob {glob:?}: {error}");
        }
    }
    builder.build().unwrap_or_else(|error| {
        tracing::warn!("ignoring exclude globs: {error}");
        Override::empty()
    })
}

/// Returns the path as output formats show it: relative to the current
/// folder when it lies inside it, with `/` separators and no leading `./`.
/// Bytes that are not UTF-8 become U+FFFD, and control characters such as
/// a newline are escaped (`\n`) so that line-based formats stay one finding
/// a line.
pub fn display_path(path: &Path, current_dir: Option<&Path>) -> String {
    let relative = current_dir
        .and_then(|dir| path.strip_prefix(dir).ok())
        .unwrap_or(path);
    let mut text = relative.to_string_lossy().into_owned();
    // Only Windows uses `\\` as a separator; elsewhere it is part of a name.
    if cfg!(windows) {
        text = text.replace('\\', "/");
    }
    while let Some(rest) = text.strip_prefix("./") {
        text = rest.to_string();
    }
    if text.chars().any(char::is_control) {
        text = text
            .chars()
            .map(|c| {
                if c.is_control() {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_relative_with_forward_slashes() {
        let cwd = Path::new("/repo");
        assert_eq!(display_path(Path::new("./a/b.sh"), Some(cwd)), "a/b.sh");
        assert_eq!(display_path(Path::new("/repo/a/b.sh"), Some(cwd)), "a/b.sh");
        assert_eq!(
            display_path(Path::new("/elsewhere/b.sh"), Some(cwd)),
            "/elsewhere/b.sh"
        );
        assert_eq!(display_path(Path::new("a/./b.sh"), None), "a/./b.sh");
    }

    #[test]
    fn walked_roots_show_as_given() {
        let names = PathNames {
            current_dir: Some(PathBuf::from("/repo/sub")),
            roots: vec![(PathBuf::from("/repo"), PathBuf::from(".."))],
        };
        assert_eq!(names.show(Path::new("/repo/b.sh")), "../b.sh");
        assert_eq!(names.show(Path::new("/repo")), "..");
        assert_eq!(names.show(Path::new("/repo/sub/a.sh")), "../sub/a.sh");
        assert_eq!(names.show(Path::new("/other/c.sh")), "/other/c.sh");
    }

    #[test]
    fn absolute_paths_drop_dot_components() {
        let cwd = std::env::current_dir().expect("current folder");
        assert_eq!(
            absolute_path(Path::new("a/./b/../c.sh")),
            cwd.join("a/c.sh")
        );
        assert_eq!(absolute_path(Path::new("/x/y/../../z")), Path::new("/z"));
    }

    #[test]
    fn relative_root_excludes_below_it() {
        let exclude = exclusions(Path::new("."), &["sub/vendor/**".to_string()]);
        assert!(is_excluded(&exclude, Path::new("sub/vendor/v.sh")));
        assert!(is_excluded(&exclude, Path::new("./sub/../sub/vendor/v.sh")));
        assert!(!is_excluded(&exclude, Path::new("sub/v.sh")));
    }

    #[test]
    fn control_characters_in_paths_are_escaped() {
        assert_eq!(display_path(Path::new("a\nb.sh"), None), "a\\nb.sh");
        assert_eq!(
            display_path(Path::new("tab\there.sh"), None),
            "tab\\there.sh"
        );
    }
}
