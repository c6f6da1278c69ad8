"""The package's imports point one way (docs/design.md, "Layers"): walked with ``ast``, never executed.

Fails on an import cycle between modules, an import against the layer order, an import of the
root package from inside it, an import inside a function that is not a documented lazy one,
and a third-party package used outside the one place that may use it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "vnplan"

#: The layers, lowest first: a module may import only from its own layer or a lower one.
#: A module belongs to the longest prefix that names it. The same table is in docs/design.md.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("vnplan.errors", "vnplan.text", "vnplan.pattern", "vnplan.store", "vnplan.data", "vnplan.model", "vnplan.vocab",
              "vnplan.results", "vnplan.output", "vnplan.version", "vnplan.settings")),
    ("read", ("vnplan.read",)),
    ("parse", ("vnplan.parse",)),
    ("profiles and rules", ("vnplan.profiles", "vnplan.rules")),
    ("outputs", ("vnplan.serialize", "vnplan.report", "vnplan.generate", "vnplan.baseline")),
    ("many files", ("vnplan.batch", "vnplan.register")),
    ("front ends", ("vnplan.cli", "vnplan.nlp", "vnplan.docs", "vnplan.web", "vnplan.__main__")),
    ("public API", ("vnplan",)),
)

#: Imports the layer order allows but the design does not: (importer, imported, why).
FORBIDDEN: tuple[tuple[str, str, str], ...] = (
    ("vnplan.profiles", "vnplan.rules", "a profile is the rules' input; the rules read it, never the reverse"),
    ("vnplan.rules", "vnplan.read", "rules see a Plan, never a file"),
)

#: The documented lazy imports (docs/design.md): the only imports allowed inside a function,
#: each of a heavy package that most runs never need.
LAZY: dict[str, str] = {
    "jsonschema": "validating a profile (vnplan.profiles.validate)",
    "importlib.resources": "data files of a package that is no plain folder (a zip install; vnplan.data)",
    "pickle": "the lone-surrogate scan of a batch worker's result (vnplan.results.without_surrogates), never in a single check",
    "tempfile": "the temporary file of an atomic write (vnplan.output), only when a command writes a file",
    "vnplan.read.office": "converting a .doc, .rtf, .odt or .wps with LibreOffice (subprocess, signal, tempfile), loaded by vnplan.read when such a file comes",
    "tomllib": "parsing a settings file (vnplan.settings) not read before (parsed files are kept in vnplan.store)",
    "cattrs": "explaining a vocabulary file that does not fit its class (vnplan.vocab.loader), the plan's JSON converter (vnplan.serialize)",
    "pypdf": "reading a PDF (vnplan.read.pdf)",
    "pypdfium2": "the optional PDFium text walk of a PDF (vnplan.read.pdf_fast, extra pdf-fast): a native library, loaded only to read a PDF",
    "vnplan.read.docx": "the .docx reader (lxml), loaded by vnplan.read when a .docx comes",
    "vnplan.read.pdf": "the PDF reader, loaded by vnplan.read when a PDF comes",
    "vnplan.read.markdown": "the Markdown reader, loaded by vnplan.read when Markdown comes",
    "lxml": "parsing the XML parts of a .docx (vnplan.read.safety), not needed for plain text",
    "vnplan.generate.docx": "writing a .docx skeleton: the module imports python-docx (docx) at its top",
    "docx": "python-docx, should a function need it directly",
    "spacy": "the spaCy components (vnplan.nlp imports spaCy at its top; nothing in vnplan imports vnplan.nlp)",
    "xlsxwriter": "writing a workbook (vnplan.report.xlsx)",
    "vnplan.report.xlsx": "the workbook view, loaded by vnplan check only for -o report.xlsx",
    "distributed": "a batch on a Dask cluster (vnplan.batch.cluster, extra vnplan[dask]), only for a dask:// URL",
    "vnplan.cli": "the command group (click), loaded by vnplan.__main__.run for every command but --version",
    "ray": "a batch on a Ray cluster (vnplan.batch.cluster, extra vnplan[ray]), only for a ray:// URL",
}

#: Modules that may import by name at run time (importlib), and what they may load that way.
DYNAMIC: dict[str, str] = {"vnplan.cli.common": "vnplan.cli.", "vnplan": "vnplan.", "vnplan.report": "vnplan.report."}

#: Third-party packages only one part of vnplan may use.
ONLY_IN: dict[str, tuple[str, ...]] = {
    "distributed": ("vnplan.batch.cluster",),
    "ray": ("vnplan.batch.cluster",),
    "click": ("vnplan.cli",),
    "rich": ("vnplan.cli",),
    "spacy": ("vnplan.nlp",),
    "flask": ("vnplan.web",),
    "werkzeug": ("vnplan.web",),
    "xlsxwriter": ("vnplan.report.xlsx",),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    best, layer = -1, -1
    for k, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best:
                best, layer = len(p), k
    assert layer >= 0, f"{module} is in no layer: add it to LAYERS (and docs/design.md)"
    return layer


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


class Import:
    def __init__(self, source: str, target: str, line: int, in_function: bool, from_root: bool) -> None:
        self.source, self.target, self.line = source, target, line
        self.in_function, self.from_root = in_function, from_root

    def __repr__(self) -> str:
        return f"{self.source}:{self.line} imports {self.target}"


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_function.update(id(n) for n in ast.walk(node) if n is not node)
    for node in ast.walk(tree):
        inner = id(node) in in_function
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno, inner, alias.name == "vnplan")
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node, path.name == "__init__.py")
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                # `from pkg import submodule` depends on the submodule; `from mod import name` on mod
                yield Import(module, sub if sub in MODULES else base, node.lineno, inner, base == "vnplan")


def dynamic_imports_of(module: str, path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in ("import_module", "__import__"):
                yield node.lineno, name


ALL: list[Import] = [i for m, p in MODULES.items() for i in imports_of(m, p)]
INTERNAL: list[Import] = [i for i in ALL if within(i.target, "vnplan")]


def test_every_module_is_in_a_layer() -> None:
    for m in MODULES:
        layer_of(m)


def test_imports_follow_the_layer_order() -> None:
    against = [f"{i} ({LAYERS[layer_of(i.source)][0]} → {LAYERS[layer_of(i.target)][0]})"
               for i in INTERNAL if layer_of(i.target) > layer_of(i.source)]
    assert not against, "imports against the layer order:\n" + "\n".join(against)


def test_no_forbidden_import_within_a_layer() -> None:
    bad = [f"{i}: {why}" for i in INTERNAL for src, dst, why in FORBIDDEN
           if within(i.source, src) and within(i.target, dst)]
    assert not bad, "\n".join(bad)


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module, or a module importing itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in edges.get(v, ()):
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle_between_modules() -> None:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in INTERNAL:
        if i.target in MODULES:
            edges[i.source].add(i.target)
    cycles = _cycles(edges)
    assert not cycles, "import cycles:\n" + "\n".join(" ↔ ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"a"}}) == [["a"]] and _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_the_root_package() -> None:
    # vnplan/__init__.py binds vnplan.read, vnplan.parse and vnplan.batch to functions:
    # `from vnplan import x` inside the package would run the whole API and may get a function
    bad = [i for i in ALL if i.from_root and i.source != "vnplan"]
    assert not bad, "import the module itself (from vnplan.x import …):\n" + "\n".join(map(str, bad))


def test_imports_inside_functions_are_only_the_documented_lazy_ones() -> None:
    bad = [i for i in ALL if i.in_function and not any(within(i.target, lazy) for lazy in LAZY)]
    assert not bad, "move these to the top of the module (or document a lazy import):\n" + "\n".join(map(str, bad))


def test_only_the_cli_imports_by_name_and_only_its_own_command_modules() -> None:
    from vnplan.cli import COMMANDS

    found = {m: [line for line, _ in dynamic_imports_of(m, p)] for m, p in MODULES.items()}
    assert {m for m, lines in found.items() if lines} == set(DYNAMIC)
    for target in COMMANDS.values():
        module = target.split(":")[0]
        assert module.startswith(DYNAMIC["vnplan.cli.common"]) and module in MODULES, target


def test_third_party_packages_stay_in_their_part() -> None:
    bad = [i for i in ALL for pkg, owners in ONLY_IN.items()
           if within(i.target, pkg) and not any(within(i.source, o) for o in owners)]
    assert not bad, "\n".join(map(str, bad))


@pytest.mark.parametrize("heavy", ["spacy", "docx", "pypdf", "jsonschema", "click", "rich", "xlsxwriter", "flask",
                                   "distributed", "ray", "lxml", "regex", "cattrs", "attrs", "sqlite3",
                                   "multiprocessing"])
def test_importing_vnplan_loads_no_heavy_or_command_line_package(heavy: str) -> None:
    code = f"import sys, vnplan; print({heavy!r} in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"


#: What ``import vnplan`` may load of the package: the public names come on first use (PEP 562).
IMPORTED_BY_THE_ROOT = {"vnplan", "vnplan.version"}


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(proc.stdout.split())


def test_importing_vnplan_loads_none_of_its_modules() -> None:
    loaded = {m for m in _loaded_after("import vnplan") if within(m, "vnplan")}
    assert loaded == IMPORTED_BY_THE_ROOT


def test_the_version_command_loads_nothing_heavy() -> None:
    code = "import io, contextlib\nfrom vnplan.__main__ import run\nwith contextlib.redirect_stdout(io.StringIO()):\n    run(['--version'])"
    loaded = _loaded_after(code)
    assert {m for m in loaded if within(m, "vnplan")} == IMPORTED_BY_THE_ROOT | {"vnplan.__main__"}
    assert not loaded & {"click", "regex", "attrs", "lxml"}


def test_the_public_names_load_on_first_use_and_the_functions_stay_functions() -> None:
    code = ("import vnplan, vnplan.parse.abbreviations, vnplan.read.docx, vnplan.batch.files\n"
            "from vnplan.parse import parse_document\n"
            "assert callable(vnplan.parse) and vnplan.parse.__module__ == 'vnplan.parse', vnplan.parse\n"
            "assert vnplan.read.__module__ == 'vnplan.read' and vnplan.batch.__module__ == 'vnplan.batch'\n"
            "assert all(hasattr(vnplan, n) for n in vnplan.__all__)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_layer_table_is_the_one_in_the_design_notes() -> None:
    design = (PACKAGE.parent / "docs" / "design.md").read_text(encoding="utf-8")
    for name, prefixes in LAYERS:
        row = next((line for line in design.splitlines() if line.startswith("| L") and f"| {name} |" in line), None)
        assert row is not None, f"layer {name!r} missing from docs/design.md"
        for p in prefixes:
            assert f"`{p}`" in row, f"{p} missing from the {name!r} row of docs/design.md"
    for lazy in LAZY:
        assert f"`{lazy}`" in design, f"lazy import {lazy} not documented in docs/design.md"
