#!/usr/bin/env bash
# llmchecklist lint: every problem of a checklist definition as FILE:LINE:COL: error: message.
. "$(dirname "$0")/lib.sh"

LINT="$FIXTURES/lint"

# The problem lines of lint's output (stdout and stderr together), sorted, without the
# "error: " every one of them carries.
problems() {
  printf '%s\n%s\n' "$out" "$err" | grep -E '^[^ ]+:[0-9]+:[0-9]+: ' |
    sed -E 's/^([^ ]+:[0-9]+:[0-9]+: )error: /\1/' | LC_ALL=C sort
}

test_lint_without_files_checks_the_built_in_checklist_and_passes() {
  lc lint
  assert_status 0
  assert_eq "" "$(problems)" "problems"
}

test_lint_passes_on_the_checklist_source_file() {
  lc lint "$TESTS_DIR/../checklists/llm-deployment.toml"
  assert_status 0
  assert_eq "" "$(problems)" "problems"
}

test_lint_passes_on_a_clean_checklist() {
  lc lint --min-words 5 "$LINT/clean.toml"
  assert_status 0
  assert_eq "" "$(problems)"
}

test_lint_reports_a_schema_error_at_the_value() {
  lc lint --min-words 5 "$LINT/schema-error.toml"
  assert_status 3
  assert_eq "$LINT/schema-error.toml:18:12: severity must be \"required\" or \"recommended\", got \"critical\"" \
    "$(problems)"
}

test_lint_reports_a_toml_syntax_error_at_its_position() {
  lc lint --min-words 5 "$LINT/syntax-error.toml"
  assert_status 3
  assert_eq 1 "$(problems | wc -l | tr -d ' ')" "problems"
  assert_match "^$LINT/syntax-error.toml:15:28: " "$(problems)"
}

test_lint_reports_a_duplicate_id_at_the_second_one() {
  lc lint --min-words 5 "$LINT/duplicate-id.toml"
  assert_status 3
  assert_eq 1 "$(problems | wc -l | tr -d ' ')" "problems"
  assert_match "^$LINT/duplicate-id.toml:21:6: .*duplicate.*'alpha'" "$(problems)"
}

test_lint_reports_a_missing_done_when_at_the_item() {
  lc lint --min-words 5 "$LINT/missing-done-when.toml"
  assert_status 3
  assert_eq 1 "$(problems | wc -l | tr -d ' ')" "problems"
  assert_match "^$LINT/missing-done-when.toml:13:1: .*'alpha'.*done_when" "$(problems)"
}

test_lint_reports_details_shorter_than_min_words_at_the_details() {
  lc lint --min-words 10 "$LINT/short-details.toml"
  assert_status 3
  assert_eq "$LINT/short-details.toml:23:11: item 'beta' details have 3 words, fewer than 10" "$(problems)"
  # The minimum is configurable: at 3 words nothing is short, at 11 both items are.
  lc lint --min-words 3 "$LINT/short-details.toml"
  assert_status 0
  lc lint --min-words 11 "$LINT/short-details.toml"
  assert_status 3
  assert_eq 2 "$(problems | wc -l | tr -d ' ')" "problems at --min-words 11"
}

test_lint_defaults_to_a_minimum_of_80_words() {
  lc lint "$LINT/clean.toml"
  assert_status 3
  assert_eq 2 "$(problems | wc -l | tr -d ' ')" "problems"
  assert_contains "$(problems)" "fewer than 80"
}

test_lint_reports_a_title_that_is_not_one_line_at_the_title() {
  lc lint --min-words 5 "$LINT/multiline-title.toml"
  assert_status 3
  assert_eq "$LINT/multiline-title.toml:15:9: 'title' must be one line" "$(problems)"
}

test_lint_reports_a_phase_with_no_items_at_the_phase() {
  lc lint --min-words 5 "$LINT/empty-phase.toml"
  assert_status 3
  assert_eq "$LINT/empty-phase.toml:20:1: phase has no items" "$(problems)"
}

test_lint_reports_every_problem_of_a_file_at_once() {
  lc lint --min-words 5 "$LINT/many-problems.toml"
  assert_status 3
  local f="$LINT/many-problems.toml"
  assert_eq 7 "$(problems | wc -l | tr -d ' ')" "problems"
  local at
  for at in "20:1: item 'alpha' has no done_when" "22:9: 'title' must be one line" \
    "25:1: unknown key 'owner'" "28:6: duplicate item id 'alpha'" \
    "30:11: item 'alpha' details have 2 words" "33:1: phase has no items" "34:6: 'id' must be a slug"; do
    assert_contains "$(problems)" "$f:$at"
  done
  assert_contains "$err" "7 problems"
}

test_lint_reports_the_problems_of_every_file_given() {
  lc lint --min-words 5 "$LINT/clean.toml" "$LINT/empty-phase.toml" "$LINT/multiline-title.toml"
  assert_status 3
  assert_eq "$LINT/empty-phase.toml:20:1: phase has no items
$LINT/multiline-title.toml:15:9: 'title' must be one line" "$(problems)"
}

test_lint_uses_the_path_as_given_on_the_command_line() {
  cp "$LINT/empty-phase.toml" mine.toml
  lc lint --min-words 5 mine.toml
  assert_status 3
  assert_eq "mine.toml:20:1: phase has no items" "$(problems)"
}

test_lint_problems_block_loading_except_for_quality_rules() {
  # Schema problems stop every command; quality rules (short details, empty phases) only lint.
  cp "$LINT/schema-error.toml" "$LINT/empty-phase.toml" .
  printf 'format = 1\nchecklist = "schema-error.toml"\n' >.llmchecklist
  lc list
  assert_status 3
  printf 'format = 1\nchecklist = "empty-phase.toml"\n' >.llmchecklist
  lc list
  assert_status 0
}

test_lint_reports_like_every_command_and_counts_last_in_one_log() {
  # Both streams into one log, as CI has them: the problems in compiler form with the line and a
  # caret, and the count after them.
  cp "$LINT/empty-phase.toml" mine.toml
  local log
  log=$("$LLMCHECKLIST_BIN" lint --min-words 5 mine.toml 2>&1) || true
  assert_eq "mine.toml:20:1: error: phase has no items
[[phases]]
^
llmchecklist: 1 problem found" "$log"
}

test_lint_refuses_links_that_are_not_web_addresses() {
  cp "$LINT/clean.toml" mine.toml
  sed -i '0,/^severity = "required"$/s||severity = "required"\nlinks = ["javascript:alert(1)", "https://example.org", "data:text/html,x"]|' mine.toml
  grep -q 'javascript:' mine.toml || fail "the fixture has no severity line to add links after"
  lc lint --min-words 5 mine.toml
  assert_status 3
  assert_match "^mine.toml:[0-9]+:[0-9]+: item '[a-z]+' has a link that is not an http or https address: \"javascript:alert\(1\)\"" "$(problems)"
  assert_contains "$(problems)" "is not an http or https address: \"data:text/html,x\""
  assert_not_contains "$(problems)" "https://example.org\""
}

test_lint_of_a_missing_file_is_an_io_error() {
  lc lint "$LINT/no-such-file.toml"
  assert_status 4
}

test_lint_a_bad_min_words_is_a_usage_error() {
  lc lint --min-words lots
  assert_status 2
}

run_tests "$@"
