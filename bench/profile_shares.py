#!/usr/bin/env python3
"""Group a perf profile of agms-lint by where the time goes.

Reads `perf report --no-children --sort symbol --stdio` output on standard
input and prints the share of samples in each group: tree-sitter's parser,
its tree walks, the front ends, allocation, the kernel, the prefilter,
regular expressions and the report.

Example:
  perf record -F 2000 -e cpu-clock -g -o /tmp/perf.data \\
      target/profiling/agms-lint check --fail-on none /tmp/bench-20k > /dev/null
  perf report -i /tmp/perf.data --no-children --sort symbol --stdio \\
      | bench/profile_shares.py
"""

import re
import sys

# Each group and the patterns of the symbols it takes, tried in order.
GROUPS = [
    ("tree-sitter parsing", [r"^ts_parser", r"^ts_lex", r"^ts_stack", r"^stack_",
                              r"^ts_subtree", r"^ts_language", r"^tree_sitter_\w+_external",
                              r"^ts_lexer", r"^ts_reduce", r"^ts_malloc", r"^ts_realloc",
                              r"^ts_free", r"^array_", r"^ts_tree_delete", r"^ts_external"]),
    ("tree-sitter tree walks", [r"^ts_tree_cursor", r"^ts_node", r"tree_sitter::"]),
    ("malloc, free and copies", [r"malloc", r"free", r"^__mem", r"realloc", r"unlink_chunk",
                                 r"__rust_dealloc", r"__rust_alloc", r"^_rjem_"]),
    ("kernel: open, read, directory reads", [r"^\[k\]"]),
    ("prefilter (Aho-Corasick, memchr)", [r"aho_corasick", r"memchr"]),
    ("regular expressions", [r"regex"]),
    ("report (miette, JSON)", [r"miette", r"serde", r"report::"]),
    ("walk (ignore, globs)", [r"^ignore::", r"globset", r"walkdir", r"crossbeam"]),
    # Iterator and string code that the compiler did not inline into
    # agms-lint's own functions is counted with them.
    ("front ends, rules and the rest of agms-lint", [r"agms_lint", r"^<alloc::vec", r"core::iter",
                                                     r"core::str", r"core::slice"]),
]

LINE = re.compile(r"^\s+([0-9.]+)%\s+(\[[k.]\])\s+(.*?)\s*$")


def group_of(kind, symbol):
    text = "[k]" if kind == "[k]" else symbol
    for name, patterns in GROUPS:
        if any(re.search(pattern, text) for pattern in patterns):
            return name
    return "other (libc, std, threads)"


def main():
    shares = {}
    for line in sys.stdin:
        found = LINE.match(line)
        if not found:
            continue
        share, kind, symbol = float(found[1]), found[2], found[3]
        name = group_of(kind, symbol)
        shares[name] = shares.get(name, 0.0) + share
    for name, share in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"{share:5.1f}%  {name}")


if __name__ == "__main__":
    main()
