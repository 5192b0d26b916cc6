#!/usr/bin/env python3
"""Checks that no function in src/**/*.cpp and *.hpp is longer than 80 lines (issue 23: a
function does one thing, and a name says what): counted from the first line of its signature
to its closing brace, both included, which is stricter than counting the body alone.

Free functions and member functions are found by matching braces, with comments, string and
character literals (raw strings too) and preprocessor lines blanked first, so that a brace in
them counts for nothing. A brace at namespace or class scope opens a function when what comes
before it has a parameter list and no `=` (which would make it an initializer); everything
inside a function counts toward that function: a lambda or a local class is not a function of
its own here, its lines are the enclosing function's.

Usage: check_function_length.py [ROOT] [--max N]
Prints every function over the limit as `path:line: name is N lines (limit 80)` and exits 1;
exits 0 when there is none.
"""
import os
import re
import sys

MAX_LINES = 80
EXTENSIONS = (".cpp", ".hpp", ".h", ".cc")
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
ACCESS = re.compile(r"^\s*(?:(?:public|private|protected)\s*:(?!:)\s*)+")
RAW_PREFIX = re.compile(r"(?:^|[^\w])(?:u8|u|U|L)?R$")
NOT_NAMES = {"decltype", "alignas", "noexcept", "requires", "sizeof", "__attribute__"}


def blank(text):
    """The text with comments, literals and preprocessor lines as spaces, newlines kept."""
    out = list(text)
    i = 0
    n = len(text)
    line_start = True

    def clear(start, end):
        for k in range(start, end):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if line_start and c == "#":
            end = i
            while end < n and not (text[end] == "\n" and text[end - 1] != "\\"):
                end += 1
            clear(i, end)
            i = end
            continue
        if c == "\n":
            line_start = True
            i += 1
            continue
        if not c.isspace():
            line_start = False
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            clear(i, end)
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            clear(i, end)
            i = end
        elif c == '"' and RAW_PREFIX.search(text[max(0, i - 4) : i]):
            open_paren = text.find("(", i)
            delimiter = text[i + 1 : open_paren]
            end = text.find(")" + delimiter + '"', open_paren)
            end = n if end < 0 else end + len(delimiter) + 2
            clear(i + 1, end - 1)
            i = end
        elif c == '"' or (c == "'" and not digit_separator(text, i)):
            end = i + 1
            while end < n and text[end] != c and text[end] != "\n":
                end += 2 if text[end] == "\\" else 1
            clear(i + 1, min(end, n))
            i = end + 1
        else:
            i += 1
    return "".join(out)


def digit_separator(text, i):
    """Whether the quote at `i` separates digits (1'000'000) rather than opening a literal."""
    start = i
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'."):
        start -= 1
    return start < i and text[start].isdigit()


def function_name(head):
    """The name before the parameter list: `run_fleet`, `FleetSource::newer_version`."""
    operator = re.search(r"([\w:]*operator\s*(?:\(\)|[^\s(]+))\s*\(", head)
    if operator:
        return operator.group(1)
    angle = 0
    for k, c in enumerate(head):
        if c == "<":
            angle += 1
        elif c == ">" and head[k - 1] != "-":
            angle = max(0, angle - 1)
        elif c == "(" and angle == 0:
            match = re.search(r"(~?[A-Za-z_][\w:~]*)\s*$", head[:k])
            if match and match.group(1) not in NOT_NAMES:
                return match.group(1)
    return None


def top_level(head):
    """`head` with what is inside parentheses and angle brackets left out."""
    out = []
    parens = 0
    angles = 0
    for k, c in enumerate(head):
        if c == "(":
            parens += 1
        elif c == ")":
            parens = max(0, parens - 1)
        elif c == "<" and parens == 0 and head[k + 1 : k + 2] != "<":
            angles += 1
        elif c == ">" and parens == 0 and head[k - 1 : k] not in ("-", ">"):
            angles = max(0, angles - 1)
        elif parens == 0 and angles == 0:
            out.append(c)
    return "".join(out)


def opens_function(head):
    """Whether a brace after `head` (at namespace or class scope) opens a function's body."""
    if "(" not in head or head.count("(") != head.count(")"):
        return False
    if re.match(r"\s*(?:template\s*<.*?>\s*)?(?:class|struct|union|enum)\b", head, re.S):
        return False
    # An initializer (`= {`, `= make({`), not a body; `operator=` and default arguments aside.
    outside = top_level(re.sub(r"\boperator\s*[^\s(]+", "operator", head))
    if re.search(r"(?<![=!<>+\-*/%&|^])=(?!=)", outside):
        return False
    return function_name(head) is not None


def long_functions(path, limit):
    with open(path, encoding="utf-8", errors="replace") as file:
        text = blank(file.read())
    starts = [0]
    for k, c in enumerate(text):
        if c == "\n":
            starts.append(k + 1)

    def line_of(offset):
        low, high = 0, len(starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1

    found = []
    stack = []  # "scope" (namespace or class), "function" or "block"; functions carry a start
    head_start = 0
    for k, c in enumerate(text):
        if c == ";":
            head_start = k + 1
        elif c == "{":
            inside = any(kind == "function" or kind == "block" for kind, _, _ in stack)
            head = ACCESS.sub("", text[head_start:k])
            if inside:
                stack.append(("block", None, None))
            elif opens_function(head):
                first = head_start + (len(text[head_start:k]) - len(head))
                first += len(head) - len(head.lstrip())
                stack.append(("function", line_of(first), function_name(head)))
            elif "(" in head or "=" in head:
                stack.append(("block", None, None))
            else:
                stack.append(("scope", None, None))
            head_start = k + 1
        elif c == "}":
            if stack:
                kind, first, name = stack.pop()
                if kind == "function":
                    lines = line_of(k) - first + 1
                    if lines > limit:
                        found.append((first, name, lines))
            head_start = k + 1
    return found


def main(argv):
    limit = MAX_LINES
    args = list(argv)
    if "--max" in args:
        at = args.index("--max")
        limit = int(args[at + 1])
        del args[at : at + 2]
    root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "..")
    src = os.path.join(root, "src")
    problems = []
    for folder, _, files in sorted(os.walk(src)):
        for name in sorted(files):
            if name.endswith(EXTENSIONS):
                path = os.path.join(folder, name)
                shown = os.path.relpath(path, root)
                for line, function, lines in long_functions(path, limit):
                    problems.append(f"{shown}:{line}: {function} is {lines} lines (limit {limit})")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} function(s) over {limit} lines: split each into named pieces "
              "that do one thing", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
