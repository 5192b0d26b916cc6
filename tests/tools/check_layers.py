#!/usr/bin/env python3
"""Checks that the sources keep the dependency direction CONTRIBUTING.md states in one line:

    cli -> fleet, history -> exports -> evidence -> git, process -> project -> cache -> formats -> model -> util

It reads what the compiler reads. Every include directive the preprocessor accepts is found
(`#include "x"`, `#include <x>`, `#  include`, `%:include`, comments around it, a line continued
with a backslash) in every file of src/ (every layer, src/cli/ui/ and src/tools/ included) and
of include/llmchecklist/, and each one is resolved the way the compiler resolves it, with the
include paths src/CMakeLists.txt gives the target that compiles the file (INCLUDE_PATHS below):
the including file's own folder first for quotes, `../` normalised. `llmchecklist/version.hpp`
is generated from src/version.hpp.in, and counts as util.

The layer of a file in src/ is its folder. The layer of a public header
include/llmchecklist/X.hpp is derived, never typed: it is the layer of the library sources that
define the functions it declares (matched by name and parameter types), the lowest of them when
they are split between layers; a header that declares nothing a source must define (types and
inline functions only) takes the lowest layer its own includes allow, util when it includes no
project header. A header whose layer cannot be derived (what it declares is defined nowhere in
the library, or in two peers) is an error, so a new one cannot slip through. `--print-map`
prints the map with its evidence, and which sources include each header first, as their own.

The rules:
- a file may include headers of its own layer and of the layers after it, never of one before
  it, and never of a peer listed beside it (fleet and history; git and process);
- a public header obeys the same rule in its derived layer, includes public headers only, and
  declares only what its own layer or a layer after it defines;
- cli may include every layer, but as a client of the public API only: its own headers,
  include/llmchecklist/ and third-party ones, never a private header of the library;
- tools/ (the build tool linked from the library's objects) may use every layer but cli, and
  nothing outside tools/ may include tools/;
- a third-party header is allowed only where THIRD_PARTY says, and so is any project header
  that brings one in; an angle-bracket header that is neither standard, POSIX nor listed
  there is an error (a new dependency is a decision, CONTRIBUTING.md);
- a quoted include the compiler would not find in the project is an error, and so is a
  computed one (#include MACRO), which the checker cannot follow.
There is no list of exceptions: the tree keeps the direction, and a change that breaks it is
refused.

Prints every problem as `path:line: message` and exits 1; exits 0 when there is none.
"""
import os
import re
import sys

ORDER = ["cli", ["fleet", "history"], "exports", "evidence", ["git", "process"], "project", "cache",
         "formats", "model", "util"]
RANK = {}
for rank, entry in enumerate(ORDER):
    for layer in entry if isinstance(entry, list) else [entry]:
        RANK[layer] = rank
DIRECTION = " -> ".join(", ".join(e) if isinstance(e, list) else e for e in ORDER)
# The layers that make up the library (llmchecklist_objects), lowest first.
LIBRARY = sorted((layer for layer in RANK if layer != "cli"), key=lambda l: (-RANK[l], l))
LAYER_FOLDERS = set(RANK) | {"tools"}

GENERATED = "<generated>/"
# The generated header and the file it is generated from.
GENERATED_FILES = {"llmchecklist/version.hpp": "src/version.hpp.in"}

# The include paths src/CMakeLists.txt gives each target, in the compiler's order; the
# including file's own folder comes first for quoted includes.
INCLUDE_PATHS = {
    # llmchecklist_objects: PUBLIC include/ and generated/, PRIVATE src/.
    "library": ["include", GENERATED, "src"],
    # llmchecklist_cli and the llmchecklist executable: PRIVATE src/cli, then llmchecklist::core's
    # interface (include/ and generated/); src/ is not among them, on purpose.
    "cli": ["src/cli", "include", GENERATED],
    # llmchecklist-compile-builtins: src/, include/, generated/.
    "tools": ["src", "include", GENERATED],
    # What a user of the installed library has.
    "public": ["include", GENERATED],
}

SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".inl", ".ipp",
                   ".hpp.in")

# Third-party headers: the pattern of their names and the files that may bring them in,
# directly or through a project header (every such header must itself be listed). These are
# the users in the tree today; a new user is a decision to write down here and in
# CONTRIBUTING.md.
THIRD_PARTY = [
    # fmt is the library's public dependency: every source may format. The public headers do
    # not include it today.
    ("fmt", re.compile(r"fmt/"), lambda path: path.startswith("src/"),
     "every file of src/"),
    ("CLI11", re.compile(r"CLI/"), lambda path: path.startswith("src/cli/"),
     "the command line (src/cli/)"),
    ("curses", re.compile(r"(n?curses(w)?\.h|ncursesw?/|term\.h|panel\.h|menu\.h|form\.h)$"),
     lambda path: path == "src/cli/ui/screen.cpp",
     "src/cli/ui/screen.cpp, kept out of the unity build"),
    # toml++ is slow to compile: only the two readers use it (the state reader's receipts and
    # expectations in a file of their own). Its include lives in their shared
    # src/formats/toml_location.hpp, which they alone include.
    ("toml++", re.compile(r"(toml\+\+/|toml\.hpp$)"),
     lambda path: path in {"src/formats/checklist_reader.cpp", "src/formats/state_reader.cpp",
                           "src/formats/evidence_reader.cpp", "src/formats/evidence_reader.hpp",
                           "src/formats/toml_location.hpp"},
     "the readers (src/formats/checklist_reader.cpp, src/formats/state_reader.cpp and "
     "src/formats/evidence_reader.*, through src/formats/toml_location.hpp)"),
    ("simdjson", re.compile(r"simdjson(\.h|/)"),
     lambda path: path in {"src/formats/json_keys.cpp", "src/fleet/sources.cpp"}
     or (path.startswith("src/evidence/") and path.endswith(".cpp")),
     "the JSON readers (src/formats/json_keys.cpp, src/fleet/sources.cpp, src/evidence/*.cpp)"),
    # libjq runs the json reader's conditions (src/evidence/jq_reader.cpp).
    ("libjq", re.compile(r"^(jq|jv)\.h$"),
     lambda path: path.startswith("src/evidence/") and path.endswith(".cpp"),
     "the expectation readers (src/evidence/*.cpp)"),
    # libgit2's headers only: git/libgit2.cpp loads the library when first used; receipts.cpp
    # hashes blobs with it.
    ("libgit2", re.compile(r"git2(\.h|/)"),
     lambda path: path in {"src/git/libgit2.hpp", "src/git/libgit2.cpp",
                           "src/git/repository.cpp", "src/git/receipts.cpp"},
     "src/git/libgit2.hpp, src/git/libgit2.cpp, src/git/repository.cpp and "
     "src/git/receipts.cpp"),
    # The content hash behind the definition cache's keys and GitLab's fingerprints.
    ("xxHash", re.compile(r"xxhash\.h$"), lambda path: path == "src/util/content_hash.cpp",
     "src/util/content_hash.cpp"),
]

STANDARD = set("""
algorithm any array atomic barrier bit bitset charconv chrono codecvt compare complex concepts
condition_variable coroutine deque exception execution expected filesystem format
forward_list fstream functional future initializer_list iomanip ios iosfwd iostream istream
iterator latch limits list locale map memory memory_resource mutex new numbers numeric
optional ostream queue random ranges ratio regex scoped_allocator semaphore set shared_mutex
source_location span sstream stack stdexcept stop_token streambuf string string_view
syncstream system_error thread tuple type_traits typeindex typeinfo unordered_map
unordered_set utility valarray variant vector version
cassert cctype cerrno cfenv cfloat cinttypes climits clocale cmath csetjmp csignal cstdarg
cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype
assert.h ctype.h errno.h fenv.h float.h inttypes.h limits.h locale.h math.h setjmp.h signal.h
stdarg.h stddef.h stdint.h stdio.h stdlib.h string.h time.h uchar.h wchar.h wctype.h
stdbool.h stdalign.h iso646.h
aio.h cpio.h dirent.h dlfcn.h fcntl.h fnmatch.h ftw.h glob.h grp.h iconv.h langinfo.h
libgen.h monetary.h mqueue.h netdb.h nl_types.h poll.h pthread.h pwd.h regex.h sched.h
search.h semaphore.h spawn.h strings.h syslog.h tar.h termios.h ulimit.h unistd.h utime.h
utmpx.h wordexp.h malloc.h alloca.h endian.h byteswap.h execinfo.h features.h getopt.h err.h
paths.h
""".split())
SYSTEM_FOLDERS = ("sys/", "arpa/", "net/", "netinet/", "linux/", "asm/", "bits/")

INCLUDE = re.compile(r"^[ \t\f\v]*(?:#|%:)[ \t\f\v]*include(?:_next)?\b[ \t\f\v]*(.*)$")


LEXICAL = re.compile(r"//|/\*|(?<!\w)(?:u8|u|U|L)?R\"|\"|'")


def clean(text, keep_strings):
    """Returns text with comments as spaces and raw string literals blanked, newlines kept, so
    that line numbers hold; ordinary string and character literals are blanked too unless
    keep_strings (an include's "name" is one)."""
    out = []
    i = 0
    n = len(text)
    while True:
        match = LEXICAL.search(text, i)
        if not match:
            out.append(text[i:])
            break
        out.append(text[i:match.start()])
        token = match.group(0)
        i = match.start()
        if token == "//":
            end = i
            while True:
                end = text.find("\n", end + 1)
                # A backslash at the end of a line continues the comment.
                if end < 0 or text[end - 1] != "\\":
                    break
            end = n if end < 0 else end
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif token == "/*":
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(" " + re.sub(r"[^\n]", "", text[i:end]))
            i = end
        elif token.endswith('R"'):
            raw = re.compile(r'R"([^()\\ \n]{0,16})\(').match(text, match.end() - 2)
            if not raw:
                out.append(token)
                i = match.end()
                continue
            close = ")" + raw.group(1) + '"'
            end = text.find(close, raw.end())
            end = n if end < 0 else end + len(close)
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        else:
            if token == "'" and i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
                word = re.search(r"\w+$", text[max(0, i - 64):i]).group(0)
                if word not in ("u8", "u", "U", "L"):
                    out.append(token)  # a digit separator
                    i += 1
                    continue
            j = i + 1
            while j < n and text[j] != token and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(text[i:j] if keep_strings else token + " " * (j - i - 2) + token)
            i = j
    return "".join(out)


def directives(text):
    """Yields (line, name, angled) for each include directive; name is None for a computed
    include (`#include MACRO`)."""
    lines = clean(text, keep_strings=True).split("\n")
    number = 0
    while number < len(lines):
        start = number
        line = lines[number]
        while line.endswith("\\") and number + 1 < len(lines):
            number += 1
            line = line[:-1] + lines[number]
        number += 1
        match = INCLUDE.match(line)
        if not match:
            continue
        rest = match.group(1).strip()
        quoted = re.match(r'"([^"]*)"', rest)
        angled = re.match(r"<([^>]*)>", rest)
        if quoted:
            yield start + 1, quoted.group(1), False
        elif angled:
            yield start + 1, angled.group(1), True
        else:
            yield start + 1, None, False


class Tree:
    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.files = {}  # relative path -> text
        for top in ("src", "include"):
            for directory, subdirs, names in os.walk(os.path.join(self.root, top)):
                subdirs.sort()
                for name in sorted(names):
                    if name.endswith(SOURCE_SUFFIXES):
                        path = os.path.relpath(os.path.join(directory, name), self.root)
                        with open(os.path.join(directory, name), encoding="utf-8") as handle:
                            self.files[path.replace(os.sep, "/")] = handle.read()
        self.includes = {path: list(directives(text)) for path, text in self.files.items()}

    def exists(self, path):
        return path in self.files or os.path.isfile(os.path.join(self.root, path))

    def context(self, path):
        """The include paths the compiler uses for the file (see INCLUDE_PATHS)."""
        if path.startswith("include/"):
            return "public"
        if path.startswith("src/cli/"):
            return "cli"
        if path.startswith("src/tools/"):
            return "tools"
        return "library"

    def resolve(self, path, name, angled):
        """The project file the compiler reads for `name`, or None when it finds none in the
        project (a system or third-party header)."""
        searched = [] if angled else [os.path.dirname(path)]
        searched += INCLUDE_PATHS[self.context(path)]
        for folder in searched:
            if folder == GENERATED:
                if name in GENERATED_FILES:
                    return GENERATED_FILES[name]
                continue
            candidate = os.path.normpath(os.path.join(folder, name)).replace(os.sep, "/")
            if candidate.startswith("../") or os.path.isabs(candidate):
                continue
            if self.exists(candidate):
                return candidate
        return None


def folder_layer(path):
    """The layer of a file of src/ (its folder), or None."""
    parts = path.split("/")
    if path in GENERATED_FILES.values():
        return "util"
    if len(parts) >= 3 and parts[0] == "src" and parts[1] in LAYER_FOLDERS:
        return parts[1]
    return None


def is_public(path):
    return re.fullmatch(r"include/llmchecklist/[^/]+\.hpp", path) is not None


# Deriving the layer of a public header from the sources that define what it declares.

def statements(text):
    """Yields (scopes, statement, terminator, line) for each declaration (terminator `;`) or
    function definition (`{`) at namespace or class scope, line being where a declaration
    starts; scopes is a tuple of ("namespace", name) and ("class", name). Comments, literals,
    preprocessor lines, function bodies and enums are skipped."""
    text = clean(text, keep_strings=False)
    text = re.sub(r"(?m)^[ \t]*#.*(?:\\\n.*)*", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    stack = []
    start = 0
    depth = 0  # parentheses, and braces below a scope that is not a namespace or a class
    skipping = 0
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        if skipping:
            if c == "{":
                skipping += 1
            elif c == "}":
                skipping -= 1
                if not skipping:
                    start = i + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if depth:
            continue
        if c == ";":
            statement = text[start:i]
            first_line = line - re.sub(r"^\s*(?:(?:public|private|protected)\s*:\s*)*", "",
                                       statement).count("\n")
            yield tuple(stack), statement, ";", first_line
            start = i + 1
        elif c == "{":
            head = re.sub(r"^\s*(public|private|protected)\s*:", "", text[start:i])
            if re.search(r"\bnamespace\b", head) and "(" not in head:
                name = re.search(r"\bnamespace\s+([\w:]+)?", head)
                stack.append(("namespace", name.group(1) if name and name.group(1) else ""))
            elif re.fullmatch(r"\s*extern\s*\"\s*\"\s*", head):
                stack.append(("namespace", "extern"))
            elif re.search(r"\benum\b", head):
                skipping = 1
            elif "(" not in head and "=" not in head and re.search(
                    r"\b(struct|class|union)\b\s*(?:\[\[[^\]]*\]\]\s*)?(\w+)", head):
                name = re.search(r"\b(?:struct|class|union)\b\s*(?:\[\[[^\]]*\]\]\s*)?(\w+)", head)
                stack.append(("class", name.group(1)))
            else:
                yield tuple(stack), head, "{", line
                skipping = 1
            start = i + 1
        elif c == "}":
            if stack:
                stack.pop()
            start = i + 1


BUILTIN_TYPES = {"int", "long", "short", "char", "double", "float", "bool", "unsigned",
                 "signed", "auto", "void", "char8_t", "char16_t", "char32_t", "wchar_t"}


def split_top(text, separator=","):
    """Splits at separators outside (), <>, [] and {}."""
    parts, depth, current = [], 0, []
    for c in text:
        if c in "(<[{":
            depth += 1
        elif c in ")>]}":
            depth -= 1
        if c == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
    parts.append("".join(current))
    return parts


def parameter_types(parameters):
    """The parameter list with names, defaults, namespace qualifiers and spacing dropped, so that
    a declaration and its definition compare equal and overloads differ."""
    types = []
    for parameter in split_top(parameters):
        parameter = split_top(parameter, "=")[0].strip()
        if not parameter or parameter == "void":
            continue
        parameter = re.sub(r"\[\[[^\]]*\]\]", "", parameter)
        name = re.search(r"(?<![:\w])([A-Za-z_]\w*)\s*(\[[^\]]*\])?$", parameter)
        if name and name.group(1) not in BUILTIN_TYPES and re.search(r"[\w>&*]\s*[&*]*\s*$",
                                                                    parameter[:name.start()]):
            parameter = parameter[:name.start()] + (name.group(2) or "")
        parameter = re.sub(r"\b\w+\s*::\s*", "", parameter)
        types.append(re.sub(r"\s+", "", parameter))
    return ",".join(types)


def function_name(statement):
    """(qualifier, name, parameter types) of the function a statement declares or defines, or
    None."""
    statement = re.sub(r"^\s*(public|private|protected)\s*:", "", statement)
    operator_call = re.search(r"\boperator\s*\(\s*\)\s*\(", statement)
    open_at = operator_call.end() - 1 if operator_call else statement.find("(")
    if open_at < 0:
        return None
    # An explicit specialisation names its template arguments: f<int>(...).
    head = re.sub(r"<[^<>]*>\s*$", "", statement[:open_at])
    angles = re.sub(r"\boperator\s*[^\s\w(]+", "", head)
    if "=" in angles or angles.count("<") > angles.count(">"):
        return None
    if re.match(r"\s*(using|typedef|static_assert|return|friend\s+(class|struct))\b", head):
        return None
    match = re.search(r"((?:\w+\s*::\s*)*)(~?\s*\w+|operator\s*(?:\(\s*\)|[^\s\w(]+|\s\w+))\s*$",
                      head)
    if not match or re.fullmatch(r"\d.*", match.group(2)):
        return None
    depth = 0
    for close_at in range(open_at, len(statement)):
        depth += {"(": 1, ")": -1}.get(statement[close_at], 0)
        if depth == 0:
            break
    parameters = statement[open_at + 1:close_at]
    qualifiers = [q for q in re.split(r"\s*::\s*", match.group(1).strip()) if q]
    return ((qualifiers[-1] if qualifiers else None), re.sub(r"\s+", "", match.group(2)),
            parameter_types(parameters))


def declarations(text):
    """The functions a header declares without defining them, as
    {(class or None, name, parameter types): line}."""
    declared = {}
    defined = set()
    for scopes, statement, terminator, line in statements(text):
        if any(kind == "namespace" and name == "" for kind, name in scopes):
            continue
        function = function_name(statement)
        if not function:
            continue
        classes = [name for kind, name in scopes if kind == "class"]
        if re.match(r"\s*friend\b", statement):
            classes = []
        key = (classes[-1] if classes else function[0],) + function[1:]
        if terminator == "{" or re.search(r"=\s*(default|delete|0)\s*$", statement):
            defined.add(key)
        elif not re.search(r"\b(constexpr|consteval)\b", statement):
            declared.setdefault(key, line)
    return {key: line for key, line in declared.items() if key not in defined}


def definitions(text):
    """The functions a source defines outside anonymous namespaces and `static`, as a set of
    (qualifier or None, name, parameter types)."""
    found = set()
    for scopes, statement, terminator, _ in statements(text):
        if any(kind != "namespace" or name == "" for kind, name in scopes):
            continue
        if terminator != "{" and not re.search(r"=\s*default\s*$", statement):
            continue
        if re.match(r"\s*(static|inline\s+static)\b", statement):
            continue
        function = function_name(statement)
        if function:
            found.add(function)
    return found


class Map:
    """The derived layer of every public header, and where what it declares is defined."""

    def __init__(self, tree):
        self.tree = tree
        self.layer = {}
        self.evidence = {}
        self.errors = []  # (path, line, message)
        self.first_include = {}  # public header -> library sources that include it first
        self.defined = {}  # library source -> the functions it defines
        namespaces = set()
        for path, text in sorted(tree.files.items()):
            for name in re.findall(r"\bnamespace\s+([\w:]+)", text):
                namespaces.update(name.split("::"))
            if folder_layer(path) in LIBRARY and not path.endswith(
                    (".h", ".hh", ".hpp", ".hxx", ".in")):
                self.defined[path] = definitions(text)
                first = tree.includes[path][:1]
                if first and first[0][1] is not None:
                    target = tree.resolve(path, first[0][1], first[0][2])
                    self.first_include.setdefault(target, []).append(path)
        self.namespaces = namespaces
        self.declared = {}  # public header -> {function: line}
        self.defined_at = {}  # public header -> {function: library sources that define it}
        self.visiting = set()
        for path in sorted(p for p in tree.files if is_public(p)):
            self.derive(path)

    def derive(self, header):
        if header in self.layer:
            return self.layer[header]
        if header in self.visiting:
            return None
        self.visiting.add(header)
        layer = self._derive(header)
        self.visiting.discard(header)
        self.layer[header] = layer
        return layer

    def _derive(self, header):
        declared = declarations(self.tree.files[header])
        defined_at = {}
        for path, found in self.defined.items():
            for qualifier, name, parameters in found:
                keys = [(qualifier, name, parameters)]
                if qualifier is None or qualifier in self.namespaces:
                    keys.append((None, name, parameters))
                for key in keys:
                    if key in declared:
                        defined_at.setdefault(key, set()).add(path)
        self.declared[header] = declared
        self.defined_at[header] = defined_at

        owners = self.first_include.get(header, [])
        first = f"; first include of {', '.join(owners)}" if owners else ""
        if declared:
            # The layer that defines it, or the lowest of them when what it declares is split
            # between layers (the check reports the rest of the split).
            sources = {}
            for paths in defined_at.values():
                for path in paths:
                    sources.setdefault(folder_layer(path), set()).add(path)
            lowest = [layer for layer in sources if RANK[layer] == max(
                (RANK[l] for l in sources), default=None)]
            if len(lowest) == 1:
                self.evidence[header] = ("defined in " + ", ".join(sorted(
                    p for paths in sources.values() for p in paths)) + first)
                return lowest[0]
            (qualifier, name, _), line = min(declared.items(), key=lambda kv: kv[1])
            shown = f"{qualifier}::{name}" if qualifier else name
            if not sources:
                self.errors.append((header, line, "the layer of this public header cannot be "
                                    f"derived: no library source defines {shown}() or anything "
                                    "else it declares"))
            else:
                where = "; ".join(f"{layer}: {', '.join(sorted(sources[layer]))}"
                                  for layer in sorted(lowest))
                self.errors.append((header, line, "the layer of this public header cannot be "
                                    "derived: what it declares is defined in peer layers "
                                    f"({where})"))
            return None
        # Types and inline functions only: the lowest layer its own includes allow.
        targets = []
        for line, name, angled in self.tree.includes[header]:
            target = name and self.tree.resolve(header, name, angled)
            if target and is_public(target):
                targets.append(self.derive(target))
            elif target:
                targets.append(folder_layer(target))
        for layer in LIBRARY:
            if all(t is not None and direction_problem(layer, t) is None for t in targets):
                self.evidence[header] = ("header-only, includes no project header" if not targets
                                         else "header-only, the lowest layer its includes allow")
                self.evidence[header] += first
                return layer
        self.errors.append((header, 1, "the layer of this header-only public header cannot be "
                            "derived: no library layer may include all it includes"))
        return None

    def of(self, path):
        return self.layer.get(path) if is_public(path) else folder_layer(path)


def direction_problem(layer, target):
    """Why `layer` may not include a header of `target`, or None."""
    if target == "tools":
        return "nothing outside tools/ may include tools/: it is a build tool, not the library"
    if layer == "tools":
        return ("tools/ uses the library, not the command line" if target == "cli" else None)
    if layer == target:
        return None
    if RANK[target] < RANK[layer]:
        return f"the {target} layer comes before {layer} ({DIRECTION})"
    if RANK[target] == RANK[layer]:
        return f"{target} and {layer} are peers, which may not include each other ({DIRECTION})"
    return None


def check(root):
    tree = Tree(root)
    layers = Map(tree)
    problems = list(layers.errors)

    def report(path, line, message):
        problems.append((path, line, message))

    # The third-party libraries each project file brings in, directly or through its includes,
    # with the chain of includes that brings each one.
    brings = {}

    def third_party(path, seen=()):
        if path in brings:
            return brings[path]
        if path in seen or path not in tree.includes:
            return {}
        found = {}
        for _, name, angled in tree.includes[path]:
            if name is None:
                continue
            target = tree.resolve(path, name, angled)
            if target is None:
                for family, pattern, _, _ in THIRD_PARTY:
                    if pattern.match(name):
                        found.setdefault(family, [f"<{name}>"])
            else:
                for family, chain in third_party(target, seen + (path,)).items():
                    found.setdefault(family, [target] + chain)
        brings[path] = found
        return found

    for path in sorted(tree.files):
        public = is_public(path)
        layer = layers.of(path)
        if layer is None and not public:
            report(path, 1, "this file is in no layer: sources live in src/<layer>/ and public "
                   "headers in include/llmchecklist/")
            continue
        for line, name, angled in tree.includes[path]:
            if name is None:
                report(path, line, "a computed include (#include MACRO): the checker cannot "
                       "follow it; name the header")
                continue
            shown = f"<{name}>" if angled else f'"{name}"'
            target = tree.resolve(path, name, angled)
            if target is None:
                if not angled:
                    report(path, line, f"{shown} is not a file the compiler finds in the project "
                           f"from here (searched: {', '.join(search_list(tree, path))}); use "
                           "<...> for a system or third-party header")
                    continue
                family = next((f for f, pattern, _, _ in THIRD_PARTY if pattern.match(name)), None)
                if family is None and name not in STANDARD and not name.startswith(SYSTEM_FOLDERS):
                    report(path, line, f"{shown} is neither a standard or POSIX header nor a "
                           "third-party library the project uses (THIRD_PARTY in "
                           "tests/tools/check_layers.py, and CONTRIBUTING.md)")
            else:
                target_layer = layers.of(target)
                problem = None
                if target_layer is None:
                    if not is_public(target):
                        problem = f"{shown} is {target}, which is in no layer"
                elif target_layer == "tools" and layer != "tools":
                    problem = f"{layer} includes {shown} ({target}): " + direction_problem(
                        layer, "tools")
                elif public and not (is_public(target) or target in GENERATED_FILES.values()):
                    problem = (f"a public header includes public headers only, and {shown} is "
                               f"{target}")
                elif layer == "cli" and target_layer != "cli" and not (
                        is_public(target) or target in GENERATED_FILES.values()):
                    problem = (f"cli is a client of the public API only, and {shown} is "
                               f"{target}, private to the {target_layer} layer")
                elif layer is not None:
                    why = direction_problem(layer, target_layer)
                    if why:
                        problem = (f"{layer} includes {shown} ({target}) of the {target_layer} "
                                   f"layer: {why}")
                if problem:
                    report(path, line, problem)
            brought = ({f: [] for f, p, _, _ in THIRD_PARTY if p.match(name)}
                       if target is None else
                       {f: [target] + chain for f, chain in third_party(target).items()})
            for family, _, allowed, where in THIRD_PARTY:
                if family in brought and not allowed(path):
                    via = f" ({' includes '.join(brought[family])})" if brought[family] else ""
                    report(path, line, f"{shown} brings in {family}{via}, which only {where} "
                           "may include")
    # What a public header declares is defined in its own layer or in one it may use.
    for header, declared in sorted(layers.declared.items()):
        layer = layers.layer.get(header)
        if layer is None:
            continue
        for function, line in sorted(declared.items(), key=lambda kv: kv[1]):
            qualifier, name, _ = function
            shown = f"{qualifier}::{name}()" if qualifier else f"{name}()"
            paths = layers.defined_at[header].get(function, set())
            if not paths:
                report(header, line, f"{shown} is declared in this public header, but no library "
                       "source in src/ defines it")
            for path in sorted(paths):
                why = direction_problem(layer, folder_layer(path))
                if why:
                    report(header, line, f"{shown} is declared in this {layer} header but defined "
                           f"in {path}: {why}")
    return tree, layers, problems


def search_list(tree, path):
    folders = [os.path.dirname(path)] + INCLUDE_PATHS[tree.context(path)]
    return [f if f == GENERATED else f + "/" for f in folders]


def print_map(tree, layers):
    rows = sorted(((layers.layer.get(p) or "?", p) for p in tree.files if is_public(p)),
                  key=lambda row: (-(RANK.get(row[0], -1)), row[0], row[1]))
    for layer, path in rows:
        note = layers.evidence.get(path, "not derived")
        print(f"{path[len('include/llmchecklist/'):]:<20} {layer:<8} {note}")


def main(argv):
    args = [a for a in argv if a != "--print-map"]
    root = args[0] if args else "."
    tree, layers, problems = check(root)
    if "--print-map" in argv:
        print_map(tree, layers)
    for path, line, message in sorted(problems):
        print(f"{path}:{line}: {message}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
