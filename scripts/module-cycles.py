#!/usr/bin/env python3
"""Lists the imports between the modules of the engine (src/) and the relay (relay/src/) and
fails when they form a circle.

An edge A -> B is any `use` of, or path through, module B written in module A: `use crate::b`,
`use super::b`, `crate::b::f()`, `super::b::f()`, `b::f()` for a child module `b`. A path
through a re-export (`crate::Error`) counts as an edge to the module that defines the item.
Test modules (`#[cfg(test)] mod ... { }`) are left out: they are not the design.

A module using what its own ancestor (`super::`, a parent's `mod.rs`) defines is how Rust
shares a module's types with its parts, so such edges are listed but not counted in circles;
`--strict` counts them too.

Usage: scripts/module-cycles.py [--strict] [--edges]
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRATES = {"msstd-check": ROOT / "src", "msstd-relay": ROOT / "relay" / "src"}
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
RAW = re.compile(r'b?r(#*)"')
IDENT_CHAR = re.compile(r"[A-Za-z0-9_]")
CHAR = re.compile(r"'(?:\\[^']{1,10}|[^'\\])'")


def strip(text):
    """The code without comments, string and char literals, and test modules."""
    kept, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while depth and i < n:
                depth += text.startswith("/*", i) - text.startswith("*/", i)
                i += 2 if text.startswith(("/*", "*/"), i) else 1
        elif (raw := RAW.match(text, i)) and not IDENT_CHAR.match(text, i - 1):
            end = text.find('"' + raw.group(1), i + raw.end())
            kept.append('""')
            i = n if end < 0 else end + 1 + len(raw.group(1))
        elif text[i] == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            kept.append('""')
            i += 1
        elif char := CHAR.match(text, i):
            kept.append("' '")
            i += char.end()
        else:
            kept.append(text[i])
            i += 1
    text = "".join(kept)
    out, position = [], 0
    for match in re.finditer(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+" + IDENT + r"\s*\{", text):
        if match.start() < position:
            continue
        depth, end = 1, match.end()
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        out.append(text[position : match.start()])
        position = end
    out.append(text[position:])
    return "".join(out)


def module_of(root, path):
    """`("a", "b")` for a/b.rs or a/b/mod.rs; `()` for the crate root."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    return tuple(parts)


def expand(tree):
    """`a::{b, c::{d, e}}` -> `a::b`, `a::c::d`, `a::c::e` (each without `as` renames)."""
    tree = re.sub(r"\s+", "", re.sub(r"\s+as\s+" + IDENT, "", tree))
    brace = tree.find("{")
    if brace < 0:
        return [tree]
    prefix, body = tree[:brace], tree[brace + 1 : tree.rfind("}")]
    items, depth, current = [], 0, ""
    for char in body:
        if char == "," and depth == 0:
            items.append(current)
            current = ""
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        current += char
    items.append(current)
    paths = []
    for item in filter(None, items):
        for path in expand(item):
            paths.append(prefix + path if path != "self" else prefix.rstrip(":"))
    return paths


def main():
    strict = "--strict" in sys.argv
    show_edges = "--edges" in sys.argv
    failed = False
    for crate, root in CRATES.items():
        files = {module_of(root, p): p for p in sorted(root.rglob("*.rs"))}
        code = {m: strip(p.read_text(encoding="utf-8")) for m, p in files.items()}
        # Re-exports: (module, name) -> the path it stands for, to follow `crate::Error`.
        reexports = {}
        for module, text in code.items():
            for tree in re.findall(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", text):
                for path in expand(tree):
                    segments = path.split("::")
                    reexports[(module, segments[-1])] = (module, segments)

        def resolve(module, segments, seen=()):
            """The module a path written in `module` ends in, or None outside the crate."""
            segments = list(segments)
            if segments[0] == "crate":
                base, segments = (), segments[1:]
            elif segments[0] in ("super", "self"):
                base = module
                while segments and segments[0] in ("super", "self"):
                    base = base[:-1] if segments.pop(0) == "super" else base
            elif module + (segments[0],) in files:
                base = module
            else:
                return None
            target = base
            for index, segment in enumerate(segments):
                if target + (segment,) in files:
                    target += (segment,)
                    continue
                key = (target, segment)
                if key in reexports and key not in seen:
                    origin, path = reexports[key]
                    return resolve(origin, path + segments[index + 1 :], seen + (key,))
                break
            return target

        edges = {}
        for module, text in code.items():
            targets = set()
            uses = re.findall(r"\buse\s+([^;]+);", text)
            rest = re.sub(r"\buse\s+[^;]+;", "", text)
            paths = [p.split("::") for tree in uses for p in expand(tree) if not p.endswith("*")]
            paths += [p[:-1].rstrip(":").split("::") for tree in uses for p in expand(tree) if p.endswith("*")]
            children = {m[-1] for m in files if m[:-1] == module and len(m) == len(module) + 1}
            for match in re.finditer(r"(?<![A-Za-z0-9_:])((?:crate|super|self|" + IDENT + r")(?:::" + IDENT + r")+)", rest):
                first = match.group(1).split("::")[0]
                if first in ("crate", "super", "self") or first in children:
                    paths.append(match.group(1).split("::"))
            for segments in paths:
                target = resolve(module, segments)
                if target is not None and target != module:
                    targets.add(target)
            edges[module] = targets

        def ancestor(a, b):
            return b == a[: len(b)]

        counted = {m: {t for t in ts if strict or not ancestor(m, t)} for m, ts in edges.items()}
        # Root re-exports and `mod` declarations are the crate's table of contents, not a layer.
        counted[()] = set()
        name = lambda m: "::".join(m) or "(root)"
        print(f"{crate}: {len(files)} modules, {sum(map(len, edges.values()))} edges"
              f" ({sum(1 for m, ts in edges.items() for t in ts if ancestor(m, t))} to an ancestor)")
        if show_edges:
            for module in sorted(edges):
                print(f"  {name(module)} -> {', '.join(sorted(map(name, edges[module]))) or '-'}")
        for component in strongly_connected(counted):
            failed = True
            members = sorted(component)
            print("  circle: " + ", ".join(map(name, members)))
            for module in members:
                inside = sorted(name(t) for t in counted[module] if t in component)
                print(f"    {name(module)} -> {', '.join(inside)}")
    if failed:
        sys.exit(1)
    print("no import circles" + (" (strict: ancestors counted)" if strict else ""))


def strongly_connected(graph):
    """Tarjan: the components of more than one module."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


if __name__ == "__main__":
    main()
