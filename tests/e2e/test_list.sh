#!/usr/bin/env bash
# llmchecklist list: numbered items grouped by phase, status marks, filters and --json.
. "$(dirname "$0")/lib.sh"

# The item lines of `list` text output: "  [x] 12  id  title".
item_lines() { printf '%s\n' "$out" | grep -E '^  \[[ x-]\] +[0-9]+  '; }
item_numbers() { item_lines | sed -E 's/^  \[.\] +([0-9]+)  .*/\1/'; }

test_list_prints_the_forty_items_numbered_one_to_forty_in_order() {
  lc list
  assert_status 0
  assert_eq 40 "$(item_lines | wc -l | tr -d ' ')" "item lines"
  assert_eq "$(seq 1 40)" "$(item_numbers)" "item numbers"
}

test_list_groups_the_items_under_the_six_phases_in_seed_order() {
  lc list
  assert_status 0
  local headings
  headings=$(printf '%s\n' "$out" | grep -E '^[A-Z].*  [0-9]+ of [0-9]+ done' | sed -E 's/  [0-9]+ of .*//')
  assert_eq "Model Selection
Fine-Tuning (optional)
Evaluation
Infrastructure
Monitoring
Compliance" "$headings" "phase headings"
  # Each phase heading is followed by exactly its items: compare with --json.
  local text_ids json_ids
  text_ids=$(printf '%s\n' "$out" | awk '/^[A-Z].*  [0-9]+ of [0-9]+ done/ {phase++} /^  \[/ {sub(/^  \[.\] +[0-9]+  /, ""); print phase, $1}')
  lc list --json
  json_ids=$(json '.phases | to_entries[] | .key as $p | .value.items[] | "\($p + 1) \(.id)"')
  assert_eq "$json_ids" "$text_ids" "phase of each item"
}

test_list_shows_the_per_phase_counts() {
  git_repo
  lc_ok check 1 2 3
  lc_ok check 7 --na "no fine-tuning"
  lc list
  assert_status 0
  assert_contains "$out" "Model Selection  3 of 5 done (60 %)"
  assert_contains "$out" "Fine-Tuning (optional)  0 of 4 done, 1 n/a (0 %)"
  assert_contains "$out" "Evaluation  0 of 7 done (0 %)"
  assert_contains "$out" ": 3 of 39 done, 1 n/a (7 %)"
}

test_list_marks_done_na_and_todo_items_differently() {
  git_repo
  lc_ok check 2
  lc_ok check 3 --na "inputs are tiny"
  lc list
  assert_status 0
  assert_match '^  \[x\]  2  cost-at-scale ' "$out" "done item"
  assert_match '^  \[-\]  3  context-length ' "$out" "na item"
  assert_match '^  \[ \]  4  structured-output ' "$out" "todo item"
  assert_eq 38 "$(item_lines | grep -c '^  \[ \]')" "todo marks"
}

test_list_without_a_state_file_shows_everything_todo() {
  lc list
  assert_status 0
  assert_eq 40 "$(item_lines | grep -c '^  \[ \]')" "todo marks"
  assert_contains "$out" "0 of 40 done (0 %)"
}

test_list_phase_filter_accepts_a_number_an_id_or_a_prefix() {
  local by_number by_id by_prefix
  lc list --phase 3
  assert_status 0
  by_number=$out
  assert_eq "$(seq 11 17)" "$(item_numbers)" "items of phase 3"
  assert_not_contains "$out" "Model Selection"
  lc list --phase evaluation
  by_id=$out
  lc list --phase eval
  by_prefix=$out
  assert_eq "$by_number" "$by_id" "--phase evaluation"
  assert_eq "$by_number" "$by_prefix" "--phase eval"
}

test_list_status_filter_shows_only_items_with_that_status() {
  git_repo
  lc_ok check 2 30
  lc_ok check 9 --na "no fine-tuning"
  lc list --status done
  assert_status 0
  assert_eq "2
30" "$(item_numbers)" "done items"
  lc list --status na
  assert_eq "9" "$(item_numbers)" "na items"
  lc list --status todo
  assert_eq 37 "$(item_lines | wc -l | tr -d ' ')" "todo items"
  assert_not_contains "$(item_lines)" "[x]"
}

test_list_phase_and_status_filters_combine() {
  git_repo
  lc_ok check 1 2 12
  lc list --phase 1 --status todo
  assert_status 0
  assert_eq "3 4 5" "$(item_numbers | xargs)" "todo items of phase 1"
}

test_list_rejects_an_unknown_phase_or_status_as_usage_errors() {
  lc list --phase no-such-phase
  assert_status 2
  assert_contains "$err" "no-such-phase"
  lc list --phase 7
  assert_status 2
  lc list --status finished
  assert_status 2
}

test_list_json_has_the_top_level_counters() {
  git_repo
  lc_ok check 1 2
  lc_ok check 7 --na "no fine-tuning"
  lc list --json
  assert_status 0
  assert_eq 2 "$(json '.done')"
  assert_eq 1 "$(json '.na')"
  assert_eq 37 "$(json '.todo')"
  assert_eq 40 "$(json '.total')"
  # Exact, not rounded: 2 / 39.
  assert_eq true "$(json '.percent > 5.128 and .percent < 5.1283')" "percent ($(json .percent))"
  assert_eq number "$(json '.percent | type')"
}

test_list_json_has_per_phase_counters_with_id_and_title() {
  git_repo
  lc_ok check 1 2
  lc_ok check 3 4 --na "inputs are short"
  lc_ok check 7 --na "no fine-tuning"
  lc list --json
  assert_status 0
  assert_eq "model-selection,fine-tuning,evaluation,infrastructure,monitoring,compliance" \
    "$(json '[.phases[].id] | join(",")')" "phase ids"
  assert_eq "Model Selection" "$(json '.phases[0].title')"
  assert_eq "2 2 1 5" "$(json '.phases[0] | "\(.done) \(.na) \(.todo) \(.total)"')" "phase 1 counters"
  # 2 of 3 applicable: the percent is exact, not rounded to a whole number.
  assert_eq true "$(json '.phases[0].percent > 66.66 and .phases[0].percent < 66.67')" "phase 1 percent"
  assert_eq "0 1 4 5 0" "$(json '.phases[1] | "\(.done) \(.na) \(.todo) \(.total) \(.percent)"')" \
    "phase 2 counters"
  assert_eq "5 5 7 10 6 7" "$(json '[.phases[].total | tostring] | join(" ")')" "phase totals"
  # Every phase carries every counter.
  assert_eq 0 "$(json '[.phases[] | select((has("done") and has("na") and has("todo") and has("total") and has("percent")) | not)] | length')" \
    "phases missing a counter"
}

test_list_json_nests_the_items_with_their_fields_inside_each_phase() {
  lc list --json
  assert_status 0
  assert_eq 40 "$(json '[.phases[].items[]] | length')" "items"
  assert_eq "$(seq 1 40 | xargs)" "$(json '[.phases[].items[].number | tostring] | join(" ")')" "numbers"
  assert_eq 0 "$(json '[.phases[].items[] | select(
      (.number | type) != "number" or (.id | type) != "string" or (.title | type) != "string" or
      (.status | type) != "string" or (.severity | type) != "string" or
      (.details | type) != "string" or (.done_when | type) != "string")] | length')" \
    "items missing a field or with a wrong type"
  assert_eq 0 "$(json '[.phases[].items[] | select(.severity != "required" and .severity != "recommended")] | length')" \
    "severities"
  assert_eq "cost-at-scale" "$(json '.phases[0].items[1].id')"
  assert_eq "todo" "$(json '.phases[0].items[1].status')"
  # A todo item has no by, at or note.
  assert_eq 0 "$(json '[.phases[].items[] | select(has("by") or has("at") or has("note"))] | length')" \
    "todo items with by/at/note"
}

test_list_json_items_carry_by_at_and_note_once_set() {
  git_repo
  lc_ok check 3 --note "docs/cost.md"
  lc_ok check 5
  lc_ok check 8 --na "no fine-tuning"
  lc list --json
  assert_status 0
  local three='.phases[].items[] | select(.number == 3)'
  assert_eq "done" "$(json "$three | .status")"
  assert_eq "Ada Lovelace <ada@example.org>" "$(json "$three | .by")"
  assert_eq "2026-11-28T12:00:00Z" "$(json "$three | .at")"
  assert_eq "docs/cost.md" "$(json "$three | .note")"
  # Done without a note: by and at, no note.
  assert_eq "true true false" "$(json '.phases[].items[] | select(.number == 5) | "\(has("by")) \(has("at")) \(has("note"))"')"
  assert_eq "na no fine-tuning" "$(json '.phases[].items[] | select(.number == 8) | "\(.status) \(.note)"')"
}

test_list_json_status_filter_keeps_only_matching_items() {
  git_repo
  lc_ok check 1 40
  lc list --json --status done
  assert_status 0
  assert_eq "1 40" "$(json '[.phases[].items[].number | tostring] | join(" ")')"
  lc list --json --phase 6
  assert_eq 1 "$(json '.phases | length')"
  assert_eq "compliance" "$(json '.phases[0].id')"
}

run_tests "$@"
