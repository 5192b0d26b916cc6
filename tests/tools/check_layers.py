#!/usr/bin/env python3
"""Checks that src/ keeps its dependency direction, which CONTRIBUTING.md states in one line:

    cli -> fleet, history -> exports -> git, process -> project -> cache -> formats -> model -> util

A file may include headers of its own layer and of the layers after it, never of one before
it; the public headers (include/llmchecklist/) are counted in the layer of the file that
defines what they declare (LAYER_OF_PUBLIC below). Prints each include that breaks the rule
and exits 1; exits 0 when there is none.
"""
import os
import re
import sys

ORDER = ["cli", ["fleet", "history"], "exports", ["git", "process"], "project", "cache", "formats", "model", "util"]
RANK = {}
for rank, entry in enumerate(ORDER):
    for layer in entry if isinstance(entry, list) else [entry]:
        RANK[layer] = rank

# Public headers, by the layer that implements them.
LAYER_OF_PUBLIC = {
    "address.hpp": "model", "checklist.hpp": "model", "progress.hpp": "model",
    "state.hpp": "model", "gate.hpp": "model", "state_diff.hpp": "model", "scope.hpp": "model",
    "entry_rules.hpp": "model", "standing.hpp": "model",
    "error.hpp": "util",
    "text.hpp": "util", "files.hpp": "util", "utc.hpp": "util", "version.hpp": "util",
    "merge.hpp": "formats", "lint.hpp": "formats",
    "export.hpp": "exports", "documents.hpp": "exports", "fleet.hpp": "fleet",
    "history.hpp": "history",
    "builtin.hpp": "project", "project.hpp": "project", "state_file.hpp": "project",
    "upgrade.hpp": "project", "report_output.hpp": "project",
    "git.hpp": "git", "identity.hpp": "git", "revision.hpp": "git",
    "verify.hpp": "process",
}


def layer_of_include(name):
    if name.startswith("llmchecklist/"):
        return LAYER_OF_PUBLIC.get(name[len("llmchecklist/"):], "?")
    head = name.split("/")[0]
    return head if head in RANK else None


def main(source):
    problems = []
    for layer in RANK:
        root = os.path.join(source, "src", layer)
        for directory, _, files in os.walk(root):
            for name in files:
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        match = re.match(r'#include "([^"]+)"', line)
                        if not match:
                            continue
                        target = layer_of_include(match.group(1))
                        if target == "?":
                            problems.append(f"{path}:{number}: {match.group(1)} has no layer in "
                                            "tests/tools/check_layers.py")
                        elif target is not None and RANK[target] < RANK[layer]:
                            problems.append(f"{path}:{number}: {layer} includes {match.group(1)} "
                                            f"of the {target} layer, which comes before it")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
