#!/usr/bin/env python3
"""Writes a checklist of N items and a state file with a share of them done, for benchmarks and
the large-file tests.

Usage: generate.py N DIR [--done FRACTION] [--details CHARS]
Writes DIR/checklist.toml (10 phases, N items, ~CHARS characters of details each) and
DIR/.llmchecklist following it, every other item done when FRACTION is 0.5.
"""
import argparse
import os

WORDS = ("measure the quality bar on a held-out set before launch and record the evidence "
         "in the repository so reviewers can see it").split()


def details(i, chars):
    text, k = [], i
    while sum(len(w) + 1 for w in text) < chars:
        text.append(WORDS[k % len(WORDS)])
        k += 7
    return " ".join(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("dir")
    parser.add_argument("--done", type=float, default=0.5)
    parser.add_argument("--details", type=int, default=400)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    phases = 10
    per_phase = (args.n + phases - 1) // phases
    with open(os.path.join(args.dir, "checklist.toml"), "w") as f:
        f.write('[checklist]\nid = "generated"\ntitle = "Generated checklist"\nversion = "1"\n'
                'description = "A generated checklist for benchmarks."\n')
        for p in range(phases):
            first, last = p * per_phase, min(args.n, (p + 1) * per_phase)
            if first >= last:
                break
            f.write(f'\n[[phases]]\nid = "phase-{p + 1}"\ntitle = "Phase {p + 1}"\n'
                    f'summary = "Generated phase {p + 1}."\n')
            for i in range(first, last):
                f.write(f'\n[[phases.items]]\nid = "item-{i + 1}"\n'
                        f'title = "Do generated thing number {i + 1}"\n'
                        f'details = """\n{details(i, args.details)}\n"""\n'
                        f'done_when = "Evidence for item {i + 1} exists."\n'
                        f'severity = "{"required" if i % 3 == 0 else "recommended"}"\n'
                        f'tags = ["generated"]\nlinks = ["https://example.org/{i + 1}"]\n')
    every = round(1 / args.done) if args.done > 0 else 0
    with open(os.path.join(args.dir, ".llmchecklist"), "w") as f:
        f.write('format = 1\nchecklist = "checklist.toml"\n')
        for i in range(args.n):
            f.write(f'\n# {i + 1}. Do generated thing number {i + 1}\n[items.item-{i + 1}]\n')
            if every and i % every == 0:
                f.write('status = "done"\nrevision = 1\nby = "Bench <bench@example.org>"\n'
                        'at = 2026-11-28T12:00:00Z\n')
            else:
                f.write('status = "todo"\n')


if __name__ == "__main__":
    main()
