//! Parses every `.sh` and `.py` file of one folder once with the grammars
//! agms-lint uses, one reused parser for each as agms-lint has, and prints
//! the parse time alone: no extraction, rules or output. Reading the files
//! is not timed.
//!
//! Linking agms-lint brings its global allocator, and tree-sitter is set
//! up as agms-lint sets it up. With `--system-malloc`, tree-sitter keeps
//! the C library's malloc, for comparison.

use std::path::Path;
use std::time::Instant;

use tree_sitter::Parser;

#[derive(Clone, Copy)]
enum Grammar {
    Bash,
    Python,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let system_malloc = args.iter().any(|arg| arg == "--system-malloc");
    let Some(folder) = args.iter().find(|arg| !arg.starts_with("--")) else {
        eprintln!("usage: parse-speed [--system-malloc] FOLDER");
        std::process::exit(2);
    };
    if !system_malloc {
        // SAFETY: no parser exists yet, and no other thread runs.
        unsafe { agms_lint::allocator::use_for_tree_sitter() };
    }
    let mut scripts = Vec::new();
    for entry in std::fs::read_dir(folder).expect("folder is readable") {
        let path = entry.expect("folder entry").path();
        if let Some(grammar) = grammar(&path) {
            let text = std::fs::read_to_string(&path).expect("script is UTF-8");
            scripts.push((grammar, text));
        }
    }
    let mut bash = parser(tree_sitter_bash::LANGUAGE.into());
    let mut python = parser(tree_sitter_python::LANGUAGE.into());
    let bytes: usize = scripts.iter().map(|(_, text)| text.len()).sum();
    let started = Instant::now();
    let mut nodes = 0;
    for (grammar, text) in &scripts {
        let parser = match grammar {
            Grammar::Bash => &mut bash,
            Grammar::Python => &mut python,
        };
        let tree = parser.parse(text, None).expect("parse finishes");
        nodes += tree.root_node().descendant_count();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} files, {:.1} MB, {nodes} nodes: {seconds:.3} s, {:.1} MB/s, {:.3} ms a file",
        scripts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / seconds,
        seconds * 1e3 / scripts.len() as f64
    );
}

fn grammar(path: &Path) -> Option<Grammar> {
    match path.extension()?.to_str()? {
        "sh" => Some(Grammar::Bash),
        "py" => Some(Grammar::Python),
        _ => None,
    }
}

fn parser(language: tree_sitter::Language) -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&language)
        .expect("grammar matches the ABI");
    parser
}
