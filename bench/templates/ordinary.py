"""Text of ordinary source files: code and prose without any Qualys marker.

Each language has a pool of snippets built once from the caller's random
generator. A file is a header plus whole snippets drawn from the pool until
it reaches about the requested size. No snippet contains `qualys`, `msp/`
or a `/fo` path segment, so none of these files passes agms-lint's
prefilter.
"""

WORDS = (
    "account alpha batch buffer cache client config context cursor daemon delta "
    "engine event export filter format gamma handler header index invoice job "
    "kernel ledger loader matrix merge metric module node order packet parser "
    "queue record region render report router sample schema session signal "
    "socket stream table target thread ticket token update upload vector worker"
).split()

POOL_SIZE = 300
_pools = {}


def _name(rng):
    return f"{rng.choice(WORDS)}_{rng.choice(WORDS)}"


def _c_snippet(rng):
    name, field, other = _name(rng), rng.choice(WORDS), rng.choice(WORDS)
    return (
        f"/* Accumulate the {field} values of one {other}. */\n"
        f"static int {name}(struct {other} *ctx, size_t len)\n{{\n"
        f"    int rc = 0;\n"
        f"    for (size_t i = 0; i < len; i++) {{\n"
        f"        rc += ctx->{field}[i] * {rng.randint(2, 97)};\n"
        f"    }}\n"
        f"    if (rc < 0) {{\n"
        f'        fprintf(stderr, "{name}: {field} overflow %d\\n", rc);\n'
        f"        return -{rng.randint(1, 40)};\n"
        f"    }}\n"
        f"    return rc;\n}}\n\n"
    )


def _h_snippet(rng):
    name, other = _name(rng), rng.choice(WORDS)
    return (
        f"struct {name} {{\n    uint32_t {other}_id;\n    size_t len;\n"
        f"    char label[{rng.choice([16, 32, 64])}];\n}};\n\n"
        f"int {name}_init(struct {name} *item, const char *label);\n\n"
    )


def _js_snippet(rng):
    name, field, other = _name(rng), rng.choice(WORDS), rng.choice(WORDS)
    return (
        f"export async function {name}({other}, options = {{}}) {{\n"
        f"  const url = `${{options.baseUrl}}/api/v{rng.randint(1, 3)}/{field}s/${{{other}.id}}`;\n"
        f"  const response = await fetch(url, {{ method: 'GET' }});\n"
        f"  if (!response.ok) {{\n"
        f"    throw new Error(`{field} lookup failed: ${{response.status}}`);\n"
        f"  }}\n"
        f"  const body = await response.json();\n"
        f"  return body.items.filter((item) => item.{field} > {rng.randint(0, 500)});\n"
        f"}}\n\n"
    )


def _go_snippet(rng):
    name, field, other = _name(rng), rng.choice(WORDS), rng.choice(WORDS)
    exported = name.title().replace("_", "")
    return (
        f"// {exported} returns the {field} count of a {other}.\n"
        f"func {exported}(ctx context.Context, {other} *{other.title()}) (int, error) {{\n"
        f"\tif {other} == nil {{\n"
        f'\t\treturn 0, fmt.Errorf("{field}: nil {other}")\n'
        f"\t}}\n"
        f"\ttotal := 0\n"
        f"\tfor _, item := range {other}.{field.title()}s {{\n"
        f"\t\ttotal += item.Size * {rng.randint(2, 64)}\n"
        f"\t}}\n"
        f"\treturn total, nil\n}}\n\n"
    )


def _md_snippet(rng):
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90)))
    return (
        f"## The {rng.choice(WORDS)} {rng.choice(WORDS)}\n\n{words.capitalize()}.\n\n"
        f"```sh\nmake {rng.choice(WORDS)} TARGET={rng.choice(WORDS)}\n```\n\n"
    )


def _sh_snippet(rng):
    name, field = _name(rng), rng.choice(WORDS)
    return (
        f"{name}() {{\n"
        f'  local target="${{1:-{field}}}"\n'
        f'  for item in "$BUILD_DIR"/{field}/*; do\n'
        f'    [ -f "$item" ] || continue\n'
        f'    echo "processing $item for $target"\n'
        f'    curl -fsS -H "Authorization: token $GITHUB_TOKEN" \\\n'
        f'      "https://api.github.com/repos/$OWNER/{field}/releases?per_page={rng.randint(10, 99)}" > "$item.json"\n'
        f"  done\n}}\n\n"
    )


def _py_snippet(rng):
    name, field, other = _name(rng), rng.choice(WORDS), rng.choice(WORDS)
    return (
        f"def {name}({other}, limit={rng.randint(10, 500)}):\n"
        f'    """Return the {field} entries of a {other}, newest first."""\n'
        f'    response = requests.get(BASE_URL + "/v2/{field}s", params={{"{other}": {other}, "limit": limit}})\n'
        f"    response.raise_for_status()\n"
        f'    items = [item for item in response.json()["items"] if item["{field}"]]\n'
        f'    return sorted(items, key=lambda item: item["{other}"], reverse=True)\n\n\n'
    )


def _json_snippet(rng):
    return (
        f'  "{_name(rng)}": {{"enabled": {rng.choice(["true", "false"])}, '
        f'"{rng.choice(WORDS)}": {rng.randint(0, 99999)}, "label": "{rng.choice(WORDS)}"}},\n'
    )


def _yaml_snippet(rng):
    return (
        f"{_name(rng)}:\n  image: {rng.choice(WORDS)}:{rng.randint(1, 9)}.{rng.randint(0, 30)}\n"
        f"  replicas: {rng.randint(1, 8)}\n  env:\n    - name: {rng.choice(WORDS).upper()}_MODE\n"
        f"      value: {rng.choice(WORDS)}\n"
    )


def _txt_snippet(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))) + ".\n"


SNIPPETS = {
    "c": _c_snippet,
    "h": _h_snippet,
    "js": _js_snippet,
    "ts": _js_snippet,
    "go": _go_snippet,
    "md": _md_snippet,
    "sh": _sh_snippet,
    "py": _py_snippet,
    "json": _json_snippet,
    "yaml": _yaml_snippet,
    "txt": _txt_snippet,
}

HEADERS = {
    "c": "#include <stdio.h>\n#include <stdlib.h>\n\n",
    "h": "#pragma once\n#include <stdint.h>\n\n",
    "js": "'use strict';\n\n",
    "ts": "// Generated type-checked module.\n\n",
    "go": "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\n",
    "md": "# Notes\n\n",
    "sh": "#!/bin/sh\nset -eu\n\n",
    "py": "import requests\n\nBASE_URL = \"https://api.example.com\"\n\n\n",
    "json": "{\n",
    "yaml": "services:\n",
    "txt": "",
}


def _pool(rng, extension):
    if extension not in _pools:
        _pools[extension] = [SNIPPETS[extension](rng) for _ in range(POOL_SIZE)]
    return _pools[extension]


def body(rng, extension, size):
    """Return whole snippets of this extension adding up to about `size`
    bytes, so that code built from them stays syntactically valid."""
    pool = _pool(rng, extension)
    average = sum(map(len, pool[:20])) // 20
    count = max(1, round(size / average))
    return "".join(rng.choices(pool, k=count))


def text(rng, extension, size):
    """Return about `size` bytes of an ordinary file with this extension.

    A file without an extension is either a shell script with a `#!` line,
    as tools in `bin/` are, or plain prose, as LICENSE files are.
    """
    if extension == "":
        extension = "sh" if rng.random() < 0.5 else "txt"
        header = "#!/bin/bash\n\n" if extension == "sh" else ""
    else:
        header = HEADERS[extension]
    return header + body(rng, extension, size - len(header))


def python_table(rng, size):
    """Return a generated Python module of about `size` bytes: one long
    list of tuples, as code generators write lookup tables."""
    rows = []
    written = 0
    while written < size:
        row = f"    ({rng.randint(0, 10**9)}, {rng.random():.6f}, \"{rng.choice(WORDS)}\"),\n"
        rows.append(row)
        written += len(row)
    return "# Generated by tablegen; do not edit.\nTABLE = [\n" + "".join(rows) + "]\n"
