#!/usr/bin/env python3
"""Checks the form of every link of the built-in checklists (offline: form, not reachability).

Each item's links must be:
  - https addresses with a host;
  - specific: a page or section, never a bare domain, a home page, or one of the landing pages
    below that earlier releases used as filler instead of the section that says the thing;
  - unique: no link twice in one item, and no link on two items of the checklists checked
    together (a checklist and the one it extends), unless SHARED below names it with the
    reason it cannot be more specific.

Usage: check_links.py CHECKLIST.toml...

Prints each problem as FILE: item ID: message and exits 1 when there is one.
"""
import sys
import tomllib
from urllib.parse import urlsplit

# Pages that name a whole publication or site, not the part an item relies on.
LANDING_PAGES = {
    "https://www.nist.gov/publications/artificial-intelligence-risk-management-framework-generative-artificial-intelligence":
        "link the section of NIST AI 600-1 (or its PDF) the item relies on",
    "https://www.nist.gov/itl/ai-risk-management-framework": "link the AI RMF part meant",
    "https://genai.owasp.org/llm-top-10/": "link the entry of the Top 10 meant",
    "https://genai.owasp.org/": "link the resource meant",
    "https://atlas.mitre.org/": "link the ATLAS technique meant",
    "https://atlas.mitre.org/matrices/ATLAS": "link the ATLAS technique meant",
    "https://owasp.org/www-project-top-10-for-large-language-model-applications/":
        "link the entry of the Top 10 meant",
}

# Path parts that say nothing about the page: a path of only these is a home page.
GENERIC_PARTS = {"", "en", "en-us", "en-gb", "us", "docs", "doc", "home", "index.html",
                 "index.htm", "index", "welcome", "about", "main"}

# Links that may stand on more than one item, with why.
SHARED = {
    "https://genai.owasp.org/resource/owasp-top-10-for-agentic-applications-for-2026/":
        "the Agentic Top 10 is published as one document without a page per entry; it backs "
        "llm-deployment's prompt-injection and llm-agents' tool-least-privilege",
}


def problems_of(url):
    parts = urlsplit(url)
    if parts.scheme != "https":
        yield "is not an https address"
        return
    if not parts.hostname or "." not in parts.hostname:
        yield "has no host"
        return
    page = url.split("#")[0].rstrip("/") + "/"
    landing = {known.rstrip("/") + "/": why for known, why in LANDING_PAGES.items()}
    if page in landing:
        yield f"is a landing page: {landing[page]}"
        return
    meaningful = [part for part in parts.path.lower().split("/") if part not in GENERIC_PARTS]
    if not meaningful and not parts.query and not parts.fragment:
        yield "is a bare domain or home page: link the page or section that says it"


def main(argv):
    if len(argv) < 2:
        print("usage: check_links.py CHECKLIST.toml...", file=sys.stderr)
        return 2
    problems = []
    used = {}
    for path in argv[1:]:
        with open(path, "rb") as handle:
            checklist = tomllib.load(handle)
        for phase in checklist.get("phases", []):
            for item in phase.get("items", []):
                where = f"{path}: item {item.get('id', '?')}"
                links = item.get("links", [])
                if not links:
                    problems.append(f"{where}: has no links")
                for url in links:
                    for problem in problems_of(url):
                        problems.append(f"{where}: {url} {problem}")
                for url in sorted({url for url in links if links.count(url) > 1}):
                    problems.append(f"{where}: {url} is listed twice")
                for url in dict.fromkeys(links):
                    used.setdefault(url, []).append(where)
    for url, items in sorted(used.items()):
        if len(items) > 1 and url not in SHARED:
            problems.append(f"{url} is on {len(items)} items ({'; '.join(items)}): give each "
                            "item the page specific to it, or add it to SHARED with the reason")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} link problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
