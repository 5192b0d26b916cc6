#!/usr/bin/env bash
# llmchecklist progress: percentages, bars and the CI gates (--min, --all-required).
. "$(dirname "$0")/lib.sh"

# The percent shown on the text row that starts with $1 ("Overall", a phase title).
row_percent() {
  printf '%s\n' "$out" | grep -E "^$1 " | grep -Eo '[0-9]+ %' | head -1 | cut -d' ' -f1
}

# small.toml has 5 items: alpha, alpine, beta in phase first; gamma, delta in phase second.
# alpha and gamma are required.

test_progress_shows_a_row_per_phase_and_an_overall_row() {
  lc progress
  assert_status 0
  local title
  for title in "Model Selection" "Fine-Tuning (optional)" "Evaluation" "Infrastructure" \
    "Monitoring" "Compliance" "Overall"; do
    assert_match "^$(printf '%s' "$title" | sed 's/[()]/\\&/g') +.* 0 %" "$out" "row $title"
  done
  assert_match '^Overall .* 0/40$' "$out" "overall row"
  assert_match '^Weakest phase: Model Selection \(0 %\)$' "$out" "weakest phase"
}

test_progress_percent_is_done_over_applicable_rounded_down_in_text() {
  use_checklist small.toml
  lc_ok check alpha alpine
  lc_ok check delta --na "not for us"
  lc_ok check gamma --na "not for us"
  # 2 done of 5 - 2 n/a = 66.67 %: the text shows 66, never 67.
  lc progress
  assert_status 0
  assert_eq 66 "$(row_percent Overall)" "overall percent"
  assert_match '^Overall .* 2/3 \(2 n/a\)$' "$out"
  assert_eq 66 "$(row_percent First)" "first phase percent"
}

test_progress_json_percent_is_exact() {
  use_checklist small.toml
  lc_ok check alpha alpine
  lc_ok check delta gamma --na "not for us"
  lc progress --json
  assert_status 0
  assert_eq "2 2 1 5" "$(json '"\(.done) \(.na) \(.todo) \(.total)"')"
  assert_eq 66666666 "$(json '.percent * 1000000 | floor')" "percent ($(json .percent))"
  assert_eq 66666666 "$(json '.phases[0].percent * 1000000 | floor')" "first phase percent"
  assert_eq 100 "$(json '.phases[1].percent')" "an all-n/a phase is complete"
}

test_progress_shows_100_only_when_every_applicable_item_is_done() {
  git_repo
  # 39 of 40: 97.5 % is shown as 97, not rounded up.
  lc_ok check $(seq 1 39)
  lc progress
  assert_eq 97 "$(row_percent Overall)"
  lc progress --json
  assert_eq 97.5 "$(json .percent)"
  lc_ok check 40 --na "we have no users"
  lc progress
  assert_eq 100 "$(row_percent Overall)"
  assert_match '^Overall .* 39/39 \(1 n/a\)$' "$out"
}

test_progress_min_fails_below_the_threshold_and_says_why() {
  use_checklist small.toml
  lc_ok check alpha alpine beta
  lc progress --min 80
  assert_status 1
  assert_contains "$err" "60 %"
  assert_contains "$err" "80"
}

test_progress_min_passes_at_the_threshold() {
  use_checklist small.toml
  lc_ok check alpha alpine beta gamma
  lc progress --min 80
  assert_status 0
  assert_eq "" "$err" "stderr"
}

test_progress_min_passes_above_the_threshold() {
  use_checklist small.toml
  lc_ok check alpha alpine beta gamma delta
  lc progress --min 80
  assert_status 0
  lc progress --min 100
  assert_status 0
  lc progress --min 0
  assert_status 0
}

test_progress_min_compares_the_exact_percent() {
  use_checklist small.toml
  lc_ok check alpha alpine
  lc_ok check delta gamma --na "not for us"
  # 66.67 %: above 66.5, below 66.7.
  lc progress --min 66.5
  assert_status 0
  lc progress --min 66.7
  assert_status 1
}

test_progress_min_counts_na_items_out() {
  use_checklist small.toml
  lc_ok check alpha alpine beta gamma
  lc_ok check delta --na "not for us"
  lc progress --min 100
  assert_status 0
}

test_progress_min_gate_works_with_json_output() {
  git_repo
  lc progress --min 10 --json
  assert_status 1
  assert_eq 0 "$(json .done)" "stdout is still the JSON"
  assert_contains "$err" "below"
}

test_progress_min_gate_works_with_quiet() {
  git_repo
  lc -q progress --min 10
  assert_status 1
  assert_eq "" "$out"
  assert_contains "$err" "below"
}

test_progress_min_outside_0_to_100_is_a_usage_error() {
  lc progress --min 120
  assert_status 2
  lc progress --min -5
  assert_status 2
  lc progress --min lots
  assert_status 2
}

test_progress_all_required_fails_while_a_required_item_is_todo() {
  use_checklist small.toml
  lc_ok check alpha alpine beta delta
  lc progress --all-required
  assert_status 1
  assert_contains "$err" "gamma"
  assert_not_contains "$err" "delta"
  assert_not_contains "$err" "alpha"
}

test_progress_all_required_passes_when_required_items_are_done_or_na() {
  use_checklist small.toml
  lc_ok check alpha
  lc_ok check gamma --na "not for us"
  lc progress --all-required
  assert_status 0
  lc_ok uncheck alpha
  lc progress --all-required
  assert_status 1
  assert_contains "$err" "alpha"
}

test_progress_all_required_lists_every_required_todo_item_of_the_built_in_checklist() {
  git_repo
  lc_ok check 1
  lc progress --all-required
  assert_status 1
  local listed=$err
  lc list --json
  assert_eq "$(json '.phases[].items[] | select(.severity == "required" and .status == "todo") | "\(.number) \(.id)"')" \
    "$(printf '%s\n' "$listed" | sed -nE 's/^ +([0-9]+ [a-z0-9-]+)$/\1/p')" "required todo items listed"
}

test_progress_both_gates_report_both_failures() {
  use_checklist small.toml
  lc progress --min 50 --all-required
  assert_status 1
  assert_contains "$err" "0 %"
  assert_contains "$err" "alpha"
  assert_contains "$err" "gamma"
}

test_progress_phase_limits_the_counters_and_the_gates() {
  use_checklist small.toml
  lc_ok check gamma delta
  lc progress --phase second --min 100 --all-required
  assert_status 0
  lc progress --phase second --json
  assert_eq "2 0 0 2 100" "$(json '"\(.done) \(.na) \(.todo) \(.total) \(.percent)"')"
  assert_eq "second" "$(json '[.phases[].id] | join(",")')"
  lc progress --phase first --min 1
  assert_status 1
  lc progress --phase 1 --all-required
  assert_status 1
  assert_contains "$err" "alpha"
  lc progress --phase 1
  assert_not_contains "$out" "Second phase"
  assert_contains "$out" "First phase"
}

test_progress_an_unknown_phase_is_a_usage_error() {
  lc progress --phase nowhere
  assert_status 2
}

test_progress_json_has_the_counters_and_phases_without_items() {
  git_repo
  lc_ok check 1
  lc progress --json
  assert_status 0
  assert_eq "1 0 39 40 2.5" "$(json '"\(.done) \(.na) \(.todo) \(.total) \(.percent)"')"
  assert_eq 6 "$(json '.phases | length')"
  assert_eq "model-selection|Model Selection|1|5" "$(json '.phases[0] | "\(.id)|\(.title)|\(.done)|\(.total)"')"
  assert_eq 0 "$(json '[.phases[] | select(has("done") and has("na") and has("todo") and has("total") and has("percent") | not)] | length')"
}

run_tests "$@"
