#!/usr/bin/env python3
"""Generate a repository-like tree for benchmarking agms-lint.

The tree contains ordinary code (C, JavaScript, Go, Markdown, shell and
Python), a share of Qualys API scripts, a gitignored dependency folder,
some binary files and generated 3 MB Python tables. The same seed, file
count, size and share always give the same tree.

Example: generate.py /tmp/bench-20k --files 20000 --size 300M
"""

import argparse
import os
import random
import shutil
import subprocess
import sys

from templates import ordinary, qualys

TABLE_SIZE = 3 * 1024 * 1024
# One generated table per this many files.
FILES_PER_TABLE = 2000
# Share of the files and of the bytes given to binaries.
BINARY_FILE_SHARE = 0.01
BINARY_BYTE_SHARE = 0.08
# Share of the files that sit in the gitignored dependency folders.
DEPENDENCY_SHARE = 0.15
FILES_PER_FOLDER = 24
MAX_ORDINARY_SIZE = 2 * 1024 * 1024
QUALYS_MEAN_SIZE = 5 * 1024

# Extensions of ordinary code and their share of the ordinary files.
ORDINARY_KINDS = [
    ("c", 0.16),
    ("h", 0.07),
    ("js", 0.18),
    ("go", 0.14),
    ("md", 0.10),
    ("sh", 0.07),
    ("py", 0.16),
    ("json", 0.04),
    ("yaml", 0.03),
    ("txt", 0.02),
    ("", 0.03),
]
DEPENDENCY_KINDS = [("js", 0.7), ("json", 0.15), ("md", 0.1), ("ts", 0.05)]
BINARY_KINDS = ["png", "so", "woff2", "gz", "pdf", ""]
TOP_FOLDERS = ["src", "lib", "cmd", "pkg", "internal", "web", "docs", "tools", "scripts", "tests"]


def parse_size(text):
    """Return a byte count from `300M`, `1.5G`, `512K` or a plain number."""
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    suffix = text[-1].upper()
    if suffix in units:
        return int(float(text[:-1]) * units[suffix])
    return int(text)


def pick_kind(rng, kinds):
    point = rng.random() * sum(share for _, share in kinds)
    for kind, share in kinds:
        point -= share
        if point <= 0:
            return kind
    return kinds[-1][0]


class Layout:
    """Hands out file paths in nested folders of about FILES_PER_FOLDER."""

    def __init__(self, rng, top_folders):
        self.rng = rng
        self.top_folders = top_folders
        self.folder = None
        self.left = 0
        self.serial = 0

    def next_path(self, extension):
        if self.left == 0:
            top = self.rng.choice(self.top_folders)
            depth = self.rng.randint(1, 3)
            parts = [f"{self.rng.choice(ordinary.WORDS)}_{self.rng.randint(0, 999):03d}" for _ in range(depth)]
            self.folder = os.path.join(top, *parts)
            self.left = self.rng.randint(FILES_PER_FOLDER // 2, FILES_PER_FOLDER * 3 // 2)
        self.left -= 1
        self.serial += 1
        name = f"{self.rng.choice(ordinary.WORDS)}_{self.serial:06d}"
        return os.path.join(self.folder, f"{name}.{extension}" if extension else name)


def lognormal_sizes(rng, count, budget):
    """Return `count` sizes that add up to about `budget`, skewed like real code."""
    weights = [rng.lognormvariate(0, 1.1) for _ in range(count)]
    scale = budget / max(sum(weights), 1)
    return [max(64, min(MAX_ORDINARY_SIZE, int(weight * scale))) for weight in weights]


def qualys_sizes(rng, count, args):
    """Return script sizes around 5 KiB, or around the tree's mean file
    size when every file is a Qualys script."""
    mean = args.size / args.files if args.qualys_share >= 1 else QUALYS_MEAN_SIZE
    return [max(1024, min(64 * 1024, int(mean * rng.lognormvariate(0, 0.5) / 1.13))) for _ in range(count)]


def write(root, relative, data):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as handle:
        handle.write(data)
    return len(data)


def plan(args):
    """Return how many files of each part the tree gets."""
    if args.qualys_share >= 1:
        return {"qualys": args.files, "tables": 0, "binaries": 0, "dependencies": 0, "ordinary": 0}
    qualys_count = max(1, round(args.files * args.qualys_share))
    tables = max(1, args.files // FILES_PER_TABLE)
    binaries = max(1, round(args.files * BINARY_FILE_SHARE))
    dependencies = round(args.files * DEPENDENCY_SHARE)
    ordinary_count = args.files - qualys_count - tables - binaries - dependencies
    if ordinary_count < 0:
        sys.exit("too few files for the requested mix; raise --files")
    return {
        "qualys": qualys_count,
        "tables": tables,
        "binaries": binaries,
        "dependencies": dependencies,
        "ordinary": ordinary_count,
    }


def generate(args):
    rng = random.Random(args.seed)
    counts = plan(args)
    root = args.out
    total = 0
    layout = Layout(rng, TOP_FOLDERS)

    for size in qualys_sizes(rng, counts["qualys"], args):
        extension, text = qualys.script(rng, size)
        total += write(root, layout.next_path(extension), text)

    for index in range(counts["tables"]):
        path = os.path.join("gen", f"tables_{index:03d}.py")
        total += write(root, path, ordinary.python_table(rng, TABLE_SIZE))

    binary_budget = int(args.size * BINARY_BYTE_SHARE) if counts["binaries"] else 0
    for size in lognormal_sizes(rng, counts["binaries"], binary_budget):
        extension = rng.choice(BINARY_KINDS)
        total += write(root, layout.next_path(extension), rng.randbytes(size))

    remaining = max(0, args.size - total)
    spread = counts["ordinary"] + counts["dependencies"]
    sizes = iter(lognormal_sizes(rng, spread, remaining))
    for _ in range(counts["ordinary"]):
        extension = pick_kind(rng, ORDINARY_KINDS)
        total += write(root, layout.next_path(extension), ordinary.text(rng, extension, next(sizes)))

    dependencies = Layout(rng, ["node_modules", "vendor"])
    for _ in range(counts["dependencies"]):
        extension = pick_kind(rng, DEPENDENCY_KINDS)
        total += write(root, dependencies.next_path(extension), ordinary.text(rng, extension, next(sizes)))

    if counts["dependencies"]:
        total += write(root, ".gitignore", "node_modules/\nvendor/\n*.log\n")
    return counts, total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="folder to create; it must not exist unless --force")
    parser.add_argument("--files", type=int, required=True, help="number of files")
    parser.add_argument("--size", type=parse_size, required=True, help="total bytes, e.g. 300M or 1.5G")
    parser.add_argument("--qualys-share", type=float, default=0.01, help="share of Qualys scripts; 1 makes every file one")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace an existing folder")
    args = parser.parse_args()
    if os.path.exists(args.out):
        if not args.force:
            sys.exit(f"{args.out} exists; pass --force to replace it")
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    counts, total = generate(args)
    # ripgrep honours .gitignore only inside a Git repository, and agms-lint
    # does so everywhere, so a repository makes both skip the same files.
    subprocess.run(["git", "init", "-q", args.out], check=True)
    summary = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(f"{args.out}: {sum(counts.values())} files, {total / 1024**2:.0f} MiB ({summary})")


if __name__ == "__main__":
    main()
