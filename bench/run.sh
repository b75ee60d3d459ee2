#!/usr/bin/env bash
# Benchmark agms-lint against ripgrep (and ast-grep) on generated trees.
#
# Usage: bench/run.sh [all|compare|cold|allq|startup]...   (default: all)
#   compare  agms-lint beside rg on the 2k, 20k and 100k trees, with ast-grep
#            beside them on the 20k tree; prints ratios and peak memory
#   cold     both tools on the 100k tree after dropping the page cache
#   allq     CPU per file and MB/s per core on a tree of Qualys scripts only
#   startup  one small file, many runs
#
# Environment: RUNS (default 10) and WARMUP (default 3) for hyperfine,
# COMPARE_TREES (default "2k 20k 100k"), TREES (default /tmp/bench, the
# prefix of each tree's folder), AST_GREP (path of an ast-grep binary; by
# default one installed with `npm install --prefix /tmp/bench-tools
# @ast-grep/cli`). Generated trees and results live under /tmp and are
# reused when they exist.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-3}
TREES=${TREES:-/tmp/bench}
RESULTS=$TREES-results
AST_GREP=${AST_GREP:-/tmp/bench-tools/node_modules/.bin/ast-grep}
BIN=$PWD/target/release/agms-lint
RG_ARGS=(-l -F -e api/2.0/fo/asset/ip -e msp/user.php)
mkdir -p "$RESULTS"

# name  files  size  Qualys share
TREE_SPECS=(
  "2k 2000 30M 0.01"
  "20k 20000 300M 0.01"
  "100k 100000 1.5G 0.01"
  "allq 10000 50M 1"
)

need() {
  for tool in "$@"; do
    command -v "$tool" > /dev/null || {
      echo "missing $tool; install it with: apt-get install -y hyperfine ripgrep time" >&2
      exit 2
    }
  done
}

tree_path() { echo "$TREES-$1"; }

# Generates a tree unless it already exists.
ensure_tree() {
  local name=$1 spec
  for spec in "${TREE_SPECS[@]}"; do
    read -r n files size share <<< "$spec"
    [[ $n == "$name" ]] || continue
    [[ -d $(tree_path "$n") ]] && return
    python3 bench/generate.py "$(tree_path "$n")" --files "$files" --size "$size" --qualys-share "$share"
    return
  done
  echo "unknown tree $name; expected 2k, 20k, 100k or allq" >&2
  exit 2
}

# Prints the median of each command in a hyperfine JSON export, and the
# ratio of each to the second command (ripgrep).
ratios() {
  python3 - "$1" << 'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[1]["median"]
for result in results:
    words = result["command"].split()
    name = words[0].rsplit("/", 1)[-1]
    if "--threads" in words:
        name += " -j" + words[words.index("--threads") + 1]
    cpu = result["user"] + result["system"]
    print(f"  {name:<10} median {result['median']:7.3f} s  (min {result['min']:.3f}, max {result['max']:.3f}, "
          f"CPU {cpu:.3f} s)  ratio to rg {result['median'] / base:5.2f}")
PY
}

# Prints the maximum resident set size, in MiB, of three runs of a command.
peak_memory() {
  local max=0 kb
  for _ in 1 2 3; do
    kb=$(/usr/bin/time -f %M "$@" 2>&1 > /dev/null | tail -1)
    ((kb > max)) && max=$kb
  done
  echo "$((max / 1024)) MiB"
}

# Like peak_memory, but drops the page cache before each run.
peak_memory_cold() {
  local max=0 kb
  for _ in 1 2 3; do
    sync && echo 3 > /proc/sys/vm/drop_caches
    kb=$(/usr/bin/time -f %M "$@" 2>&1 > /dev/null | tail -1)
    ((kb > max)) && max=$kb
  done
  echo "$((max / 1024)) MiB"
}

compare() {
  local name tree commands
  for name in ${COMPARE_TREES:-2k 20k 100k}; do
    ensure_tree "$name"
    tree=$(tree_path "$name")
    commands=("$BIN check --fail-on none $tree" "rg ${RG_ARGS[*]} $tree")
    echo "== $name: $(du -sh --apparent-size "$tree" | cut -f1), $(find "$tree" -type f -not -path '*/.git/*' | wc -l) files"
    hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --ignore-failure \
      --export-json "$RESULTS/compare-$name.json" "${commands[@]}" > "$RESULTS/compare-$name.txt"
    ratios "$RESULTS/compare-$name.json"
    # ast-grep takes about 20 s a run here, so it gets three runs of its
    # own beside ripgrep.
    if [[ $name == 20k && -x $AST_GREP ]]; then
      hyperfine -N --style basic --warmup 1 --runs 3 --ignore-failure \
        --export-json "$RESULTS/ast-grep-$name.json" \
        "$AST_GREP scan --rule bench/ast-grep/rules.yml $tree" "rg ${RG_ARGS[*]} $tree" \
        > "$RESULTS/ast-grep-$name.txt"
      ratios "$RESULTS/ast-grep-$name.json"
    fi
    echo "  peak memory: agms-lint $(peak_memory "$BIN" check --fail-on none "$tree"), rg $(peak_memory rg "${RG_ARGS[@]}" "$tree")"
    "$BIN" check --fail-on none --stats "$tree" 2>&1 > /dev/null | sed 's/^/  /'
  done
}

cold() {
  local tree
  ensure_tree 100k
  tree=$(tree_path 100k)
  if ! (sync && echo 3 > /proc/sys/vm/drop_caches) 2> /dev/null; then
    echo "== cold: cannot write /proc/sys/vm/drop_caches; skipped"
    return
  fi
  echo "== cold page cache, 100k tree"
  hyperfine -N --style basic --runs 3 --prepare "sh -c 'sync; echo 3 > /proc/sys/vm/drop_caches'" \
    --export-json "$RESULTS/cold.json" "$BIN check --fail-on none $tree" "rg ${RG_ARGS[*]} $tree" \
    > "$RESULTS/cold.txt"
  ratios "$RESULTS/cold.json"
  echo "  peak memory: agms-lint $(peak_memory_cold "$BIN" check --fail-on none "$tree")"
}

allq() {
  local tree bytes files
  ensure_tree allq
  tree=$(tree_path allq)
  bytes=$(find "$tree" -type f -not -path '*/.git/*' -printf '%s\n' | awk '{s += $1} END {print s}')
  files=$(find "$tree" -type f -not -path '*/.git/*' | wc -l)
  echo "== allq: $files Qualys scripts, $((bytes / 1024)) KiB"
  hyperfine -N --style basic --warmup 1 --runs "$((RUNS < 5 ? RUNS : 5))" --ignore-failure \
    --export-json "$RESULTS/allq.json" "$BIN check --fail-on none $tree" > "$RESULTS/allq.txt"
  python3 - "$RESULTS/allq.json" "$bytes" "$files" << 'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
bytes_, files = int(sys.argv[2]), int(sys.argv[3])
cpu = result["user"] + result["system"]
print(f"  median wall {result['median']:.3f} s, mean CPU {cpu:.3f} s")
print(f"  CPU per file {cpu / files * 1000:.3f} ms (mean file {bytes_ / files / 1024:.1f} KiB)")
print(f"  throughput {bytes_ / cpu / 1e6:.1f} MB/s per core of CPU time")
PY
  echo "  peak memory: $(peak_memory "$BIN" check --fail-on none "$tree")"
  local format threads
  for format in json sarif; do
    echo "  peak memory with --format $format: $(peak_memory "$BIN" check --fail-on none --format "$format" "$tree")"
  done
  # The processor time of the parse, extract and check stages alone, as
  # --stats measures it per thread, with one checker and with the default.
  for threads in 1 0; do
    echo "  --stats with --threads $threads:"
    "$BIN" check --fail-on none --stats --threads "$threads" "$tree" 2>&1 > /dev/null \
      | grep -E 'time (parse|check|per parsed|processor)' | sed 's/^/  /'
  done
}

startup() {
  local file=$TREES-one/sync.sh
  mkdir -p "$(dirname "$file")"
  cp examples/onboard_new_subnets.sh "$file"
  echo "== startup: one $(stat -c %s "$file")-byte script"
  hyperfine -N --style basic --warmup 10 --runs 100 --ignore-failure \
    --export-json "$RESULTS/startup.json" "$BIN check --fail-on none $file" > "$RESULTS/startup.txt"
  python3 -c "
import json
result = json.load(open('$RESULTS/startup.json'))['results'][0]
print(f\"  median {result['median'] * 1000:.1f} ms, min {result['min'] * 1000:.1f} ms\")"
}

need hyperfine rg /usr/bin/time python3
echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, kernel $(uname -r), $(date)"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
df -h /tmp | tail -1 | awk '{print "== /tmp: " $4 " free of " $2}'
cargo build --release --quiet
for step in "${@:-all}"; do
  case $step in
    all) compare; cold; allq; startup ;;
    compare | cold | allq | startup) "$step" ;;
    *)
      echo "unknown step $step; expected all, compare, cold, allq or startup" >&2
      exit 2
      ;;
  esac
done
