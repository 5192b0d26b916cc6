#!/usr/bin/env bash
# Working as a team: stale checks, expiring n/a decisions, per-phase and recorded gates,
# no-regression gates against git history, and checklists that extend another.
. "$(dirname "$0")/lib.sh"

small() {
  cp "$FIXTURES/checklists/small.toml" checklist.toml
  lc init --checklist checklist.toml -q
}

# Bumps an item's revision in checklist.toml, as a checklist maintainer does when the
# requirement changes.
bump_revision() { # id revision
  python3 - "$1" "$2" <<'PY'
import re, sys
item, revision = sys.argv[1], sys.argv[2]
text = open("checklist.toml").read()
block = re.compile(r'(id = "%s"\n(?:(?!\[\[).*\n)*?)(revision = \d+\n)?' % re.escape(item))
match = block.search(text)
start = match.end(1)
text = text[:start] + "revision = %s\n" % revision + text[match.end():]
open("checklist.toml", "w").write(text)
PY
}

test_a_check_made_before_the_requirement_changed_is_stale_everywhere() {
  small
  lc check alpha gamma --note evidence -q
  bump_revision alpha 2
  lc list
  assert_contains "$out" "[stale: checked at revision 1, now 2]"
  lc show alpha
  assert_contains "$out" "Stale: checked at revision 1; the requirement changed since (now revision 2)"
  lc progress
  assert_status 0
  assert_contains "$out" "Stale: 1 check predates a change"
  lc progress --json
  assert_eq "2 1" "$(json '"\(.done) \(.stale)"')" "a stale check still counts as done"
  lc export --format json
  assert_eq "true 1 2" "$(json '.phases[0].items[0] | "\(.stale) \(.checked_revision) \(.revision)"')"
  lc export --format markdown
  assert_contains "$out" "*(stale: checked at revision 1, now 2)*"
  lc export --format html
  assert_contains "$out" "Stale: checked at revision 1, now 2."
  lc export --format csv
  assert_contains "$out" ",stale r1 -> r2"
  lc export --format junit
  assert_contains "$out" "<system-out>stale: 1 alpha (checked at revision 1, now 2)"
  lc progress --no-stale
  assert_status 1
  assert_contains "$err" "1 check is stale"
  # Checking again re-confirms it at the new revision.
  lc check alpha -q
  lc progress --no-stale
  assert_status 0
  lc show alpha --json
  assert_eq "false 2" "$(json '"\(.stale) \(.checked_revision)"')"
}

test_a_not_applicable_decision_expires_after_its_date() {
  small
  LLMCHECKLIST_NOW=2026-11-28T12:00:00Z lc check gamma --na "waiver from legal" --until 2026-12-31
  assert_status 0
  assert_contains "$(cat .llmchecklist)" $'note = "waiver from legal"\nuntil = 2026-12-31'
  LLMCHECKLIST_NOW=2026-12-31T23:59:59Z lc progress --json
  assert_eq "1 0" "$(json '"\(.na) \(.expired)"')" "valid through its last day"
  LLMCHECKLIST_NOW=2027-01-01T00:00:00Z lc progress --json
  assert_eq "0 1 5" "$(json '"\(.na) \(.expired) \(.todo)"')" "expired: todo again"
  LLMCHECKLIST_NOW=2027-01-01T00:00:00Z lc list
  assert_contains "$out" "[n/a expired 2026-12-31]"
  LLMCHECKLIST_NOW=2027-01-01T00:00:00Z lc progress
  assert_contains "$out" "Expired: 1 not-applicable decision"
  LLMCHECKLIST_NOW=2027-01-01T00:00:00Z lc show gamma
  assert_contains "$out" "Until: 2026-12-31 (expired"
  lc check gamma --until 2027-01-31
  assert_status 2
  lc check gamma --na "x" --until 2027-02-30
  assert_status 2
}

test_per_phase_minimums_gate_each_phase() {
  small
  lc check alpha alpine beta -q
  lc progress --min-phase first=100
  assert_status 0
  lc progress --min-phase first=100 --min-phase second=50
  assert_status 1
  assert_contains "$err" "phase second is at 0 %, below its minimum of 50 %"
  lc progress --min-phase second
  assert_status 2
}

test_the_team_gate_in_the_state_file_applies_with_gate_and_options_override_it() {
  small
  lc check alpha alpine beta -q
  python3 - <<'PY'
text = open(".llmchecklist").read()
head, rest = text.split("\n\n# 1.", 1)
gate = "\n\n[gate]\nmin = 50\nall_required = true\n[gate.phases]\nsecond = 50\n"
open(".llmchecklist", "w").write(head + gate + "\n# 1." + rest)
PY
  lc progress --gate
  assert_status 1
  assert_contains "$err" "phase second is at 0 %"
  assert_contains "$err" "required item is still todo"
  lc progress
  assert_status 0
  lc check gamma -q
  lc progress --gate
  assert_status 0
  lc progress --gate --min 90
  assert_status 1
  assert_contains "$err" "below the minimum of 90 %"
  # The gate survives rewrites, in its own table.
  assert_contains "$(cat .llmchecklist)" $'[gate]\nmin = 50\nall_required = true\n[gate.phases]\nsecond = 50'
}

test_progress_since_a_revision_fails_when_items_were_unchecked() {
  git_repo
  lc check 1 2 3 -q
  git add .llmchecklist && git commit -qm "three done"
  lc progress --since HEAD
  assert_status 0
  lc check 4 -q
  lc uncheck 2 -q
  lc progress --since HEAD --min 0
  assert_status 1
  assert_contains "$err" "items done at HEAD are todo now:"
  assert_contains "$err" "2 cost-at-scale"
  lc progress --since no-such-ref
  assert_status 2
}

test_progress_names_the_weakest_phase_below_the_overall_figure() {
  lc check --phase 1 --phase 3 --phase 4 --phase 5 -q
  lc check 34 -q
  lc progress
  assert_match '^Weakest phase: Fine-Tuning \(0 %\)$' "$out"
}

test_progress_on_a_tie_names_a_phase_that_is_not_optional_as_the_weakest() {
  # Fine-Tuning (optional), Monitoring and Compliance all at 0 %: the optional one may be skipped.
  lc check --phase 1 --phase 3 --phase 4 -q
  lc progress
  assert_match '^Weakest phase: Monitoring \(0 %\)$' "$out"
}

test_a_checklist_can_extend_the_built_in_one() {
  cat >ours.toml <<'TOML'
[checklist]
id = "ours"
title = "Our launch checklist"
version = "1"
extends = "builtin:llm-deployment"
exclude = ["fine-tune-break-even", "cost-at-scale"]

[overrides.adversarial-cases]
severity = "recommended"

[[phases]]
id = "evaluation"

[[phases.items]]
id = "domain-eval"
title = "Run our domain evaluation"
done_when = "evals/domain passes in CI"

[[phases]]
id = "launch-review"
title = "Launch review"

[[phases.items]]
id = "sign-off"
title = "Get the product owner's sign-off"
severity = "required"
TOML
  lc init --checklist ours.toml -q
  lc list --json
  assert_eq 40 "$(json .total)" "40 - 2 excluded + 2 added"
  assert_eq "model-selection fine-tuning evaluation infrastructure monitoring compliance launch-review" \
    "$(json '[.phases[].id] | join(" ")')"
  assert_eq "" "$(json '.phases[].items[] | select(.id == "cost-at-scale") | .id')" "excluded"
  assert_eq "16 domain-eval" "$(json '.phases[2].items[-1] | "\(.number) \(.id)"')" "added to its phase, numbered in order"
  assert_eq "40 sign-off" "$(json '.phases[6].items[0] | "\(.number) \(.id)"')"
  assert_eq "recommended" "$(json '.phases[].items[] | select(.id == "adversarial-cases") | .severity')"
  lc checklists
  assert_contains "$out" "In use: ours.toml  Our launch checklist"
}

test_state_keeps_working_when_the_base_checklist_gains_items() {
  cp "$FIXTURES/checklists/small.toml" base.toml
  cat >ours.toml <<'TOML'
[checklist]
id = "ours"
title = "Ours"
extends = "base.toml"

[[phases]]
id = "extra"
title = "Extra"

[[phases.items]]
id = "omega"
title = "Do omega"
TOML
  lc init --checklist ours.toml -q
  lc check alpha omega -q
  cat >>base.toml <<'TOML'

[[phases.items]]
id = "epsilon"
title = "Do the new epsilon thing"
TOML
  lc progress --json
  assert_status 0
  assert_eq "7 2" "$(json '"\(.total) \(.done)"')"
  lc check epsilon -q
  assert_status 0
  lc show omega --json
  assert_eq "7 done" "$(json '"\(.number) \(.status)"')"
}

test_extending_rejects_unknown_excludes_and_duplicate_ids_with_their_location() {
  cat >ours.toml <<'TOML'
[checklist]
id = "ours"
title = "Ours"
extends = "builtin:llm-deployment"
exclude = ["no-such-item"]

[[phases]]
id = "evaluation"

[[phases.items]]
id = "adversarial-cases"
title = "Our own adversarial cases"
TOML
  lc lint --min-words 0 ours.toml
  assert_status 3
  assert_contains "$err" "ours.toml:5:11: error: 'exclude' names 'no-such-item'"
  assert_contains "$err" "ours.toml:10:1: error: item id 'adversarial-cases' is already in the base checklist"
}

test_checklists_lists_the_built_in_ones_and_the_one_in_use() {
  lc checklists
  assert_status 0
  assert_contains "$out" "builtin:llm-deployment  LLM Deployment Checklist (version 2027.1, 40 items)  <- in use"
  lc checklists --json
  assert_eq "builtin:llm-deployment@2027.1 40" "$(json '.in_use | "\(.source) \(.items)"')"
}

run_tests "$@"
