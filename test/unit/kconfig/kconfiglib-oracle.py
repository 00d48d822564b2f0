# SPDX-License-Identifier: MIT
"""
kconfiglib as an oracle for Kiln's Kconfig engine.

Reads one JSON object on stdin:

    {"srctree": "/abs/dir", "root": "Kconfig", "fragments": ["CONFIG_A=y\\n", ...]}

loads the tree once, then for each fragment loads it as a .config (replacing
all user values, as load_config() does by default) and records what
kconfiglib makes of it. Prints one JSON array on stdout, one object per
fragment:

    {"values": {SYM: str_value}, "config": <write_config text>,
     "header": <write_autoconf text>, "assignmentWarnings": [...],
     "selectWarnings": [SYM, ...]}

Run with Debian's /usr/bin/python3 (python3-kconfiglib); it is a test tool,
never a dependency of Kiln itself.
"""
import json
import os
import sys
import tempfile

# Nothing from the caller's environment may change the outcome.
for var in ("KCONFIG_CONFIG", "KCONFIG_CONFIG_HEADER", "KCONFIG_AUTOHEADER_HEADER",
            "KCONFIG_WARN_UNDEF", "KCONFIG_WARN_UNDEF_ASSIGN", "KCONFIG_STRICT",
            "KCONFIG_FUNCTIONS", "CONFIG_"):
    os.environ.pop(var, None)

import kconfiglib  # noqa: E402  (after the environment is cleaned)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def main():
    request = json.load(sys.stdin)
    os.environ["srctree"] = request["srctree"]
    kconf = kconfiglib.Kconfig(request["root"], warn=True, warn_to_stderr=False)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fragment.config")
        config_path = os.path.join(tmp, "out.config")
        header_path = os.path.join(tmp, "autoconf.h")
        for fragment in request["fragments"]:
            with open(path, "w", encoding="utf-8") as f:
                f.write(fragment)
            del kconf.warnings[:]
            kconf.load_config(path)
            # Assignment warnings mean the fragment said something kconfiglib
            # refused; Kiln's fragments never should. Repeated assignments are
            # expected (duplicate requests) and left out.
            assignment = [w for w in kconf.warnings if "set more than once" not in w]
            del kconf.warnings[:]
            values = {sym.name: sym.str_value for sym in kconf.unique_defined_syms}
            selected = [w.split(" ", 2)[1] for w in kconf.warnings if "-selected by the following symbols" in w]
            kconf.write_config(config_path, header="", save_old=False)
            kconf.write_autoconf(header_path, header="")
            results.append({
                "values": values,
                "config": read(config_path),
                "header": read(header_path),
                "assignmentWarnings": assignment,
                "selectWarnings": sorted(set(selected)),
            })
    json.dump(results, sys.stdout)


main()
