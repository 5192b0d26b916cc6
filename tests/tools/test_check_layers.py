#!/usr/bin/env python3
"""Plants each kind of layer violation in a copy of the source tree (src/ and include/) and
checks that tests/tools/check_layers.py refuses it, naming the planted line; the unmodified
copy must pass, and --print-map must show the derived map.

    test_check_layers.py SOURCE_DIR
"""
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_layers.py")


def append(root, path, text):
    """Appends text to a file of the copy (creating it) and returns the line it starts on."""
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    existing = ""
    if os.path.exists(full):
        with open(full, encoding="utf-8") as handle:
            existing = handle.read()
        if existing and not existing.endswith("\n"):
            existing += "\n"
    with open(full, "w", encoding="utf-8") as handle:
        handle.write(existing + text)
    return existing.count("\n") + 1


def remove_line(root, path, line_text):
    full = os.path.join(root, path)
    with open(full, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    assert line_text in lines, f"{path} has no line {line_text!r}"
    lines.remove(line_text)
    with open(full, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


def plant_include(path, directive, fragment):
    """A case that appends one include directive to a file and expects it refused."""
    def plant(root):
        return [(path, append(root, path, directive + "\n"), fragment)]
    return plant


def public_header_defined_in_peer_layers(root):
    line = append(root, "include/llmchecklist/planted.hpp",
                  "#pragma once\nnamespace llmchecklist {\nint planted_a();\nint planted_b();\n}\n")
    append(root, "src/git/git.cpp", "namespace llmchecklist {\nint planted_a() { return 1; }\n}\n")
    append(root, "src/process/verify.cpp",
           "namespace llmchecklist {\nint planted_b() { return 2; }\n}\n")
    return [("include/llmchecklist/planted.hpp", line + 2, "peer layers")]


def underivable_public_header(root):
    line = append(root, "include/llmchecklist/orphan.hpp",
                  "#pragma once\n/// Declared, defined nowhere.\nnamespace llmchecklist {\n"
                  "int orphan_count();\n}\n")
    return [("include/llmchecklist/orphan.hpp", line + 3, "cannot be derived")]


def public_header_declares_for_a_later_layer(root):
    line = append(root, "include/llmchecklist/gate.hpp",
                  "namespace llmchecklist {\nint planted_gate_helper();\n}\n")
    append(root, "src/project/project.cpp",
           "namespace llmchecklist {\nint planted_gate_helper() { return 0; }\n}\n")
    return [("include/llmchecklist/gate.hpp", line + 1, "defined in src/project/project.cpp")]


def public_header_declares_what_nothing_defines(root):
    line = append(root, "include/llmchecklist/utc.hpp",
                  "namespace llmchecklist {\nint planted_nowhere(int value);\n}\n")
    return [("include/llmchecklist/utc.hpp", line + 1, "no library source")]


def tools_header_from_the_library(root):
    append(root, "src/tools/planted_helpers.hpp", "#pragma once\n")
    line = append(root, "src/exports/export.cpp", '#include "tools/planted_helpers.hpp"\n')
    cli_line = append(root, "src/cli/app.cpp", '#include "../tools/planted_helpers.hpp"\n')
    return [("src/exports/export.cpp", line, "nothing outside tools/"),
            ("src/cli/app.cpp", cli_line, "nothing outside tools/")]


def spaced_and_commented_directives(root):
    return [
        ("src/cache/cache.cpp",
         append(root, "src/cache/cache.cpp", '#  include "llmchecklist/project.hpp"\n'),
         "comes before"),
        ("src/model/scope.cpp",
         append(root, "src/model/scope.cpp", "  # include <exports/json_writer.hpp> // why\n"),
         "comes before"),
        ("src/model/progress.cpp",
         append(root, "src/model/progress.cpp", '/* why */ #include "formats/toml_writer.hpp"\n'),
         "comes before"),
        ("src/model/gate.cpp",
         append(root, "src/model/gate.cpp", '#include \\\n  "formats/toml_writer.hpp"\n'),
         "comes before"),
        ("src/model/address.cpp",
         append(root, "src/model/address.cpp", '%:include "formats/toml_writer.hpp"\n'),
         "comes before"),
        ("src/util/utc.cpp",
         append(root, "src/util/utc.cpp", '\t#\tinclude_next "llmchecklist/state.hpp"\n'),
         "comes before"),
    ]


def stray_source(root):
    append(root, "src/stray.cpp", "int stray() { return 0; }\n")
    return [("src/stray.cpp", 1, "in no layer")]


CASES = {
    "an angle include of a later layer's private header":
        plant_include("src/model/state.cpp", "#include <exports/selection.hpp>", "comes before"),
    "an angle include of a later layer's public header":
        plant_include("src/model/state_diff.cpp", "#include <llmchecklist/project.hpp>",
                      "comes before"),
    "a ../ path to a later layer":
        plant_include("src/formats/merge.cpp", '#include "../project/confine.hpp"',
                      "comes before"),
    "a ../ path to a public header":
        plant_include("src/util/files.cpp", '#include "../../include/llmchecklist/state.hpp"',
                      "comes before"),
    "#  include and other spellings of the directive": spaced_and_commented_directives,
    "a public header including a later layer":
        plant_include("include/llmchecklist/checklist.hpp", '#include "llmchecklist/project.hpp"',
                      "comes before"),
    "a public header including a private header":
        plant_include("include/llmchecklist/utc.hpp", '#include "../../src/util/slug.hpp"',
                      "public headers only"),
    "fleet including history, its peer":
        plant_include("src/fleet/summary.cpp", '#include "llmchecklist/history.hpp"', "peers"),
    "history including fleet, its peer":
        plant_include("src/history/read.cpp", '#include "llmchecklist/fleet.hpp"', "peers"),
    "git including process, its peer":
        plant_include("src/git/git.cpp", '#include "llmchecklist/verify.hpp"', "peers"),
    "process including git, its peer":
        plant_include("src/process/verify.cpp", '#include "git/run_git.hpp"', "peers"),
    "a tools/ header included from the library and the command line":
        tools_header_from_the_library,
    "the library including the command line":
        plant_include("src/util/files.cpp", '#include "../cli/exit_codes.hpp"', "comes before"),
    "the command line including a private header of the library":
        plant_include("src/cli/app.cpp", '#include "../exports/selection.hpp"',
                      "client of the public API only"),
    "CLI11 included outside the command line":
        plant_include("src/exports/export.cpp", "#include <CLI/CLI.hpp>", "CLI11"),
    "CLI11 included from tools/":
        plant_include("src/tools/compile_builtins.cpp", "#include <CLI/CLI.hpp>", "CLI11"),
    "toml++ included outside the readers":
        plant_include("src/formats/merge.cpp", "#include <toml++/toml.h>", "toml++"),
    "toml++ brought in through the readers' header":
        plant_include("src/formats/state_writer.cpp", '#include "formats/toml_location.hpp"',
                      "toml++ (src/formats/toml_location.hpp includes <toml++/toml.h>)"),
    "curses included outside the screen":
        plant_include("src/cli/ui/draw.cpp", "#include <ncurses.h>", "curses"),
    "simdjson included outside the JSON readers":
        plant_include("src/history/read.cpp", "#include <simdjson.h>", "simdjson"),
    "libjq included outside the expectation readers":
        plant_include("src/process/verify.cpp", "#include <jq.h>", "libjq"),
    "libjq brought in through a header of the expectation readers":
        plant_include("src/evidence/jq_reader.hpp", "#include <jv.h>", "libjq"),
    "libgit2 included outside its two users":
        plant_include("src/git/git.cpp", "#include <git2.h>", "libgit2"),
    "fmt included in a public header":
        plant_include("include/llmchecklist/utc.hpp", "#include <fmt/format.h>", "fmt"),
    "a third-party library the project does not use":
        plant_include("src/model/state.cpp", "#include <boost/optional.hpp>", "third-party"),
    "a quoted include the compiler does not find in the project":
        plant_include("src/model/state.cpp", '#include "nowhere/missing.hpp"', "not a file"),
    "a computed include":
        plant_include("src/model/state.cpp", "#include LLMCHECKLIST_PLANTED", "computed"),
    "a new public header whose layer cannot be derived": underivable_public_header,
    "a new public header defined in two peer layers": public_header_defined_in_peer_layers,
    "a public header declaring what a later layer defines":
        public_header_declares_for_a_later_layer,
    "a public header declaring what no library source defines":
        public_header_declares_what_nothing_defines,
    "a source outside every layer": stray_source,
}


def copy_tree(source, target):
    for top in ("src", "include"):
        shutil.copytree(os.path.join(source, top), os.path.join(target, top))


def run(root, *options):
    return subprocess.run([sys.executable, CHECKER, *options, root], capture_output=True,
                          text=True, check=False)


def main(source):
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        clean = os.path.join(scratch, "clean")
        copy_tree(source, clean)
        result = run(clean, "--print-map")
        if result.returncode != 0:
            failures.append(f"the unmodified tree: exit {result.returncode}\n{result.stdout}"
                            f"{result.stderr}")
        rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()
                if line and not line.startswith(("src/", "include/"))}
        for header, layer in (("lint.hpp", "project"), ("fleet.hpp", "fleet"),
                              ("history.hpp", "history"), ("text.hpp", "util"),
                              ("checklist.hpp", "model"), ("verify.hpp", "process")):
            if rows.get(header) != layer:
                failures.append(f"--print-map: {header} is {rows.get(header)}, not {layer}")

        planted = []
        for number, (name, plant) in enumerate(CASES.items()):
            root = os.path.join(scratch, f"case{number}")
            copy_tree(source, root)
            planted.append((name, plant(root), root))
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            results = list(pool.map(lambda case: run(case[2]), planted))
        for (name, expected, _), result in zip(planted, results):
            lines = result.stdout.splitlines()
            if result.returncode != 1:
                failures.append(f"{name}: exit {result.returncode}, not 1\n{result.stdout}"
                                f"{result.stderr}")
                continue
            for path, line, fragment in expected:
                prefix = f"{path}:{line}: "
                if not any(l.startswith(prefix) and fragment in l for l in lines):
                    failures.append(f"{name}: no `{prefix}...{fragment}...` in\n{result.stdout}")
            print(f"refused: {name}")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
