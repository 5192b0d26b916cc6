#!/usr/bin/env bash
# llmchecklist diff: what changed in the checklist's state between git revisions, or between a
# revision and the working tree, with who and when, read from git itself.
. "$(dirname "$0")/lib.sh"

# jq over $out: the changes as "change number id" lines.
changes() { json '.changes[] | "\(.change) \(.number) \(.id)"'; }

test_diff_against_the_working_tree_lists_checks_and_na_with_who_and_when() {
  repo_with_state
  lc_ok check 2 --note "docs/cost.md"
  LLMCHECKLIST_NOW=2026-11-29T08:30:00Z lc_ok check 3 --na "inputs are short"
  lc diff
  assert_status 0
  assert_eq 2 "$(unwrapped "$out" | wc -l)" "lines"
  assert_contains "$(unwrapped "$out")" 'checked   2 cost-at-scale: Forecast cost per request'
  assert_contains "$(unwrapped "$out")" '(by Ada Lovelace <ada@example.org> at 2026-11-28T12:00:00Z; note "docs/cost.md")'
  assert_contains "$(unwrapped "$out")" 'n/a       3 context-length: '
  assert_contains "$(unwrapped "$out")" 'at 2026-11-29T08:30:00Z; reason "inputs are short")'
}

test_diff_json_has_the_documented_shape() {
  repo_with_state
  lc_ok check 27 --note "docs/cost.md"
  lc diff --json
  assert_status 0
  assert_eq "HEAD" "$(json .from)"
  assert_eq "null" "$(json .to)"
  assert_eq "checked 27 cost-controls" "$(changes)"
  assert_eq "done" "$(json '.changes[0].status')"
  assert_eq "todo" "$(json '.changes[0].before.status')"
  assert_eq "Ada Lovelace <ada@example.org>" "$(json '.changes[0].by')"
  assert_eq "2026-11-28T12:00:00Z" "$(json '.changes[0].at')"
  assert_eq "docs/cost.md" "$(json '.changes[0].note')"
  assert_eq 1 "$(json '.changes[0].revision')"
  assert_contains "$(json '.changes[0].title')" "Enforce spending limits"
}

test_diff_between_two_revisions_reports_unchecks_with_the_previous_check() {
  repo_with_state
  lc_ok check 2 4 --note "evidence"
  git commit -qam "Check 2 and 4"
  git tag checked
  lc_ok uncheck 4
  lc_ok check 2 --note "better evidence"
  git commit -qam "Uncheck 4, new note on 2"
  lc diff checked HEAD --json
  assert_status 0
  assert_eq "checked" "$(json .from)"
  assert_eq "HEAD" "$(json .to)"
  assert_eq "note 2 cost-at-scale
unchecked 4 structured-output" "$(changes)"
  assert_eq "evidence" "$(json '.changes[0].before.note')"
  assert_eq "better evidence" "$(json '.changes[0].note')"
  assert_eq "Ada Lovelace <ada@example.org>" "$(json '.changes[1].before.by')"
  lc diff checked HEAD
  assert_contains "$(unwrapped "$out")" 'unchecked 4 structured-output: '
  assert_contains "$(unwrapped "$out")" '(was done; by Ada Lovelace <ada@example.org> at 2026-11-28T12:00:00Z)'
  assert_contains "$(unwrapped "$out")" 'note "evidence" -> "better evidence"'
}

test_diff_with_one_revision_compares_it_with_the_working_tree() {
  repo_with_state
  lc_ok check 1
  git commit -qam "Check 1"
  lc_ok check 2
  lc diff HEAD~1 --json
  assert_eq "checked 1 quality-bar
checked 2 cost-at-scale" "$(changes)"
  lc diff --json
  assert_eq "checked 2 cost-at-scale" "$(changes)"
}

test_diff_between_branches() {
  repo_with_state
  git checkout -q -b feature
  lc_ok check 10 --na "no retrieval"
  git commit -qam "feature: 10 n/a"
  git checkout -q main
  lc diff main feature --json
  assert_eq "na 10" "$(json '.changes[] | "\(.change) \(.number)"')"
  assert_eq "no retrieval" "$(json '.changes[0].note')"
  lc diff feature main --json
  assert_eq "unchecked 10" "$(json '.changes[] | "\(.change) \(.number)"')"
}

test_diff_a_state_file_missing_at_a_revision_is_an_empty_state() {
  git_repo
  echo "project" >README.md
  git add README.md
  git commit -qm "Before the checklist"
  lc_ok check 2
  git add .llmchecklist
  git commit -qm "Start the checklist"
  lc diff HEAD~1 HEAD --json
  assert_status 0
  assert_eq "checked 2 cost-at-scale" "$(changes)"
  # And the other way round: a state file deleted in the working tree unchecks everything.
  rm .llmchecklist
  lc diff --json
  assert_eq "unchecked 2 cost-at-scale" "$(changes)"
}

test_diff_without_changes_says_so_and_exits_0() {
  repo_with_state
  lc diff
  assert_status 0
  assert_eq "no change to the checklist between HEAD and the working tree" "$out"
  lc diff --json
  assert_eq 0 "$(json '.changes | length')"
  lc -q diff
  assert_eq "" "$out"
}

test_diff_lists_verify_commands_apart_from_checks_and_reports_rechecks() {
  repo_with_state
  lc_ok check 2 --note "n"
  git commit -qam "Check 2"
  lc_ok verify 4 --set "true"
  LLMCHECKLIST_NOW=2026-12-01T00:00:00Z lc_ok check 2
  lc diff --json
  assert_eq "rechecked 2 cost-at-scale" "$(changes)"
  assert_eq "added 4 true" "$(json '.verify_changes[] | "\(.change) \(.number) \(.after)"')"
}

test_diff_reports_orphaned_entries_without_a_number() {
  repo_with_state
  printf '\n[items.retired-item]\nstatus = "done"\nby = "Ada"\n' >>.llmchecklist
  lc diff --json
  assert_eq "checked null retired-item" "$(changes)"
  lc diff
  assert_contains "$out" "checked   retired-item (orphaned) (by Ada)"
}

# A repository following the small checklist file with alpha done, committed on main; then a
# branch "rescope" whose only change is the checklist: a file that extends it, excludes the
# three open items alpine, beta and gamma, and lowers alpha to recommended.
rescoping_branch() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" small.toml
  lc_ok init --checklist small.toml -q
  lc_ok check alpha delta -q
  git add -A && git commit -qm "Follow the small checklist"
  git checkout -qb rescope
  printf '[checklist]\nid = "ours"\ntitle = "Ours"\nversion = "1"\nextends = "small.toml"\nexclude = ["alpine", "beta", "gamma"]\n\n[overrides.alpha]\nseverity = "recommended"\n' >ours.toml
  sed -i 's/^checklist = "small.toml"$/checklist = "ours.toml"/' .llmchecklist
  git add -A && git commit -qm "Only what we like"
}

test_a_branch_that_narrows_the_checklist_shows_in_diff_and_fails_progress_since() {
  rescoping_branch
  lc diff main
  assert_status 0
  assert_not_contains "$out" "no change"
  assert_contains "$(unwrapped "$out")" "checklist small.toml -> ours.toml"
  assert_contains "$(unwrapped "$out")" "left      3 beta: Do the beta thing (left the count; was todo)"
  assert_contains "$(unwrapped "$out")" "left      4 gamma: "
  assert_contains "$(unwrapped "$out")" "lowered   1 alpha: Do the alpha thing (required -> recommended)"
  lc diff main --json
  assert_eq "true|alpine beta gamma|alpha" "$(json '"\(.scope.narrows)|\([.scope.left[].id] | join(" "))|\([.scope.lowered[].id] | join(" "))"')"
  # Every other gate passes on the narrowed scope; the comparison with main does not.
  lc progress --min 80 --all-required
  assert_status 0
  lc progress --since main --min 80 --all-required
  assert_status 1
  assert_contains "$err" "gate failed: 3 items that counted at main left the count"
  assert_contains "$err" "gate failed: 1 item required at main is recommended now"
  assert_contains "$err" "--allow-rescope"
  lc progress --since main --allow-rescope
  assert_status 0
  assert_contains "$err" "accepted with --allow-rescope"
  lc export --format summary --since main
  assert_contains "$out" "scope narrowed: 3 items left, 1 lowered"
  assert_contains "$out" "**3.** Do the beta thing (beta): left the count, was todo"
  assert_contains "$out" "(alpha): required -> recommended"
}

test_editing_the_checklist_file_in_place_to_drop_an_item_is_a_change_of_scope() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" small.toml
  lc_ok init --checklist small.toml -q
  git add -A && git commit -qm "Follow the small checklist"
  # gamma's table goes, and beta is lowered; the state file is untouched.
  python3 - <<'PY'
import re
text = open("small.toml").read()
text = re.sub(r'\[\[phases.items\]\]\nid = "gamma".*?(?=\n\[\[|\Z)', '', text, flags=re.S)
open("small.toml", "w").write(text)
PY
  lc diff
  assert_contains "$(unwrapped "$out")" "left      4 gamma: "
  lc progress --since HEAD
  assert_status 1
  assert_contains "$err" "left the count"
}

test_diff_shows_a_verify_command_added_while_the_checklist_at_head_is_invalid() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" small.toml
  lc_ok init --checklist small.toml -q
  printf 'broken = [\n' >small.toml
  git add -A && git commit -qm "A broken checklist at HEAD"
  git checkout -q HEAD~0 -- small.toml
  cp "$FIXTURES/checklists/small.toml" small.toml
  lc_ok verify alpha --set './run-anything.sh' -q
  lc diff
  assert_status 0
  assert_contains "$out" "verify    1 alpha: command added: ./run-anything.sh"
  assert_contains "$err" "the checklist of HEAD cannot be read"
  assert_contains "$err" "HEAD:small.toml:1:"
  # With no checklist readable anywhere, the command still shows, by id.
  printf 'broken = [\n' >small.toml
  lc diff
  assert_contains "$out" "alpha (not in the checklist): command added: ./run-anything.sh"
  lc diff --json
  assert_eq "added alpha ./run-anything.sh null" "$(json '.verify_changes[] | "\(.change) \(.id) \(.after) \(.number)"')"
  # And progress --since cannot compare the count: it fails unless told otherwise.
  cp "$FIXTURES/checklists/small.toml" small.toml
  lc progress --since HEAD
  assert_status 1
  assert_contains "$err" "the checklist at HEAD cannot be read"
}

test_diff_of_an_unknown_revision_is_a_usage_error() {
  repo_with_state
  lc diff no-such-branch
  assert_status 2
  assert_contains "$err" "no-such-branch"
}

test_diff_outside_git_is_a_usage_error() {
  lc_ok init
  lc diff
  assert_status 2
  assert_contains "$err" "not in a git repository"
}

test_diff_a_bad_state_file_at_a_revision_names_the_revision() {
  repo_with_state
  printf 'format = 1\n[items.a]\nstatus = "finished"\n' >.llmchecklist
  git commit -qam "Break it"
  git tag broken
  git show HEAD~1:.llmchecklist >.llmchecklist
  lc diff broken
  assert_status 3
  assert_contains "$err" "broken:"
}

run_tests "$@"
