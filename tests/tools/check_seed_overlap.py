#!/usr/bin/env python3
"""Checks that no checklist file shares a run of five words with the seed page.

The built-in checklists were written from scratch, with a public web page about LLM
deployment as background only; their sentences must be the project's own. This test holds
them to that: no case-insensitive word 5-gram of a checklist file may also occur in the
page. A word is a run of letters and digits, with inner apostrophes ("don't" is one word);
everything else separates words, so "fine-tuning" is two.

Usage: check_seed_overlap.py SEED_PAGE CHECKLIST.toml...

Prints every shared run with the file and line it starts on, and exits 1 when there is one;
exits 77 (a skip for CTest) when the seed page is not there, for a checkout without it.
"""
import re
import sys

WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z0-9]+)*")
N = 5


def words_with_lines(text):
    for number, line in enumerate(text.lower().splitlines(), 1):
        for match in WORD.finditer(line):
            yield match.group(0).replace("\u2019", "'"), number


def grams(text):
    words = list(words_with_lines(text))
    for i in range(len(words) - N + 1):
        yield tuple(word for word, _ in words[i:i + N]), words[i][1]


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: check_seed_overlap.py SEED_PAGE CHECKLIST.toml...", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as handle:
            seed = {gram for gram, _ in grams(handle.read())}
    except FileNotFoundError:
        print(f"{argv[1]}: no seed page here; nothing to compare with", file=sys.stderr)
        return 77
    shared = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        seen = set()
        for gram, line in grams(text):
            if gram in seed and gram not in seen:
                seen.add(gram)
                shared += 1
                print(f"{path}:{line}: shares \"{' '.join(gram)}\" with the seed page")
    if shared:
        print(f"{shared} shared {N}-word run(s): say it in other words", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
