# SPDX-License-Identifier: MIT
"""
kconfiglib as a batch oracle for the Kconfig differential tester.

Reads one JSON array on stdin, one object per tree:

    {"files": {"Kconfig": "...", "sub/Kconfig.1": "..."}, "root": "Kconfig",
     "env": {"KD_S": "text"}, "unset": ["HOME"],
     "fragments": ["CONFIG_A=y\\n", ...]}

For each tree: writes the files into a fresh temporary directory, sets the
environment to a clean base (PATH only: no KCONFIG_* or CONFIG_ variables,
no HOME) minus `unset` plus `env`, with srctree pointing at the directory,
and loads the tree. Then, like kconfiglib-oracle.py beside the
unit tests, loads each fragment as a .config and records what kconfiglib
makes of it. Prints one JSON array on stdout, one object per tree:

    {"error": "text"}                     the tree does not load
    {"warnings": [...], "results": [      it does
        {"values": {SYM: str_value}, "config": <write_config text>,
         "header": <write_autoconf text>, "assignmentWarnings": [...],
         "selectWarnings": [SYM, ...]}, ...]}

A fragment kconfiglib crashes on (a RecursionError on a choice loop it did
not detect when loading) gives {"error": "text"} in place of its result.

Anything a tree prints ($(info,...)) is kept off stdout. Run with Debian's
/usr/bin/python3 (python3-kconfiglib); it is a test tool, never a dependency
of Kiln itself.
"""
import contextlib
import io
import json
import os
import shutil
import sys
import tempfile

# A clean base: no KCONFIG_* or CONFIG_ variables, and nothing a tree could
# read by accident ($HOME in a string): Kiln is given exactly the tree's own
# environment, so kconfiglib must see the same. PATH stays for $(shell,...).
BASE_ENV = {k: v for k, v in os.environ.items() if k == "PATH"}
os.environ.clear()
os.environ.update(BASE_ENV)

import kconfiglib  # noqa: E402  (after the environment is cleaned)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write_tree(tmp, files):
    for rel, text in files.items():
        path = os.path.join(tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def set_environment(tmp, tree):
    os.environ.clear()
    os.environ.update(BASE_ENV)
    for name in tree.get("unset", []):
        os.environ.pop(name, None)
    os.environ.update(tree.get("env", {}))
    os.environ["srctree"] = tmp


def apply_fragments(kconf, fragments, work):
    path = os.path.join(work, "fragment.config")
    config_path = os.path.join(work, "out.config")
    header_path = os.path.join(work, "autoconf.h")
    results = []
    for fragment in fragments:
        try:
            results.append(apply_fragment(kconf, fragment, path, config_path, header_path))
        except Exception as e:  # noqa: BLE001  (kconfiglib's RecursionError on a choice loop it did not detect)
            results.append({"error": "{}: {}".format(type(e).__name__, e)})
    return results


def apply_fragment(kconf, fragment, path, config_path, header_path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(fragment)
    del kconf.warnings[:]
    kconf.load_config(path)
    # Repeated assignments are expected (duplicate requests) and left out.
    assignment = [w for w in kconf.warnings if "set more than once" not in w]
    del kconf.warnings[:]
    # kconfiglib warns about a select past dependencies only when it
    # computes the value, and keeps values of symbols without prompts
    # cached from the previous fragment: start every fragment afresh.
    kconf._invalidate_all()
    values = {sym.name: sym.str_value for sym in kconf.unique_defined_syms}
    selected = [w.split(" ", 2)[1] for w in kconf.warnings if "-selected by the following symbols" in w]
    kconf.write_config(config_path, header="", save_old=False)
    kconf.write_autoconf(header_path, header="")
    return {
        "values": values,
        "config": read(config_path),
        "header": read(header_path),
        "assignmentWarnings": assignment,
        "selectWarnings": sorted(set(selected)),
    }


def run_tree(tree):
    tmp = tempfile.mkdtemp(prefix="kiln-kdiff-")
    work = tempfile.mkdtemp(prefix="kiln-kdiff-out-")
    try:
        write_tree(tmp, tree["files"])
        set_environment(tmp, tree)
        try:
            kconf = kconfiglib.Kconfig(tree["root"], warn=True, warn_to_stderr=False)
        except kconfiglib.KconfigError as e:
            return {"error": str(e)}
        except Exception as e:  # noqa: BLE001  (any crash is a rejection to compare)
            return {"error": "{}: {}".format(type(e).__name__, e)}
        warnings = list(kconf.warnings)
        return {"warnings": warnings, "results": apply_fragments(kconf, tree.get("fragments", []), work)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def main():
    trees = json.load(sys.stdin)
    out = []
    with contextlib.redirect_stdout(io.StringIO()):
        for tree in trees:
            out.append(run_tree(tree))
    json.dump(out, sys.stdout)


main()
