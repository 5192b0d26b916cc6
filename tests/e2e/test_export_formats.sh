#!/usr/bin/env bash
# Badge, JUnit and the output-safety rules of every format.
. "$(dirname "$0")/lib.sh"

# A state on the five-item test checklist with the given items done.
small_with() {
  cp "$FIXTURES/checklists/small.toml" .
  lc init --checklist small.toml
  if [ $# -gt 0 ]; then lc check "$@"; fi
}

# The fill of the badge's right-hand box.
badge_colour() { grep -o '<rect x="[0-9]*" width="[0-9]*" height="20" fill="#[0-9a-f]*"' badge.svg | grep -o '#[0-9a-f]*'; }

test_badge_colour_follows_progress() {
  small_with alpha beta
  lc export --format badge -o badge.svg
  assert_status 0
  assert_eq "#e05d44" "$(badge_colour)" "40 % is red"
  lc check gamma
  lc export --format badge -o badge.svg
  assert_eq "#dfb317" "$(badge_colour)" "60 % is yellow"
  lc check delta
  lc export --format badge -o badge.svg
  assert_eq "#4c1" "$(badge_colour)" "80 % is green"
  assert_contains "$(cat badge.svg)" 'aria-label="LLM checklist: 80%"'
  xmllint --noout badge.svg || fail "badge is not well-formed XML"
}

test_badge_thresholds_and_label_are_settable() {
  small_with alpha beta gamma
  lc export --format badge --red-below 70 --yellow-below 90 --label "launch <ready>" -o badge.svg
  assert_status 0
  assert_eq "#e05d44" "$(badge_colour)" "60 % under a red threshold of 70"
  assert_contains "$(cat badge.svg)" "launch &lt;ready&gt;: 60%"
  lc export --format badge --red-below 90 --yellow-below 80
  assert_status 2
}

test_badge_is_svg_that_renders() {
  lc export --format badge
  assert_status 0
  assert_contains "$out" '<svg xmlns="http://www.w3.org/2000/svg"'
  assert_contains "$out" "<title>LLM checklist: 0%</title>"
  assert_not_contains "$out" "<script"
  assert_not_contains "$out" "href"
}

test_junit_validates_against_the_schema_with_a_suite_per_phase() {
  git_repo
  lc check 1 --note evidence
  lc check fine-tuning-baseline --na "no fine-tuning planned"
  lc export --format junit -o report.xml
  assert_status 0
  xmllint --noout --schema "$TESTS_DIR/junit.xsd" report.xml 2>/dev/null || {
    xmllint --noout --schema "$TESTS_DIR/junit.xsd" report.xml
    fail "JUnit report does not validate"
  }
  assert_eq 6 "$(xmllint --xpath 'count(//testsuite)' report.xml)" "testsuites"
  assert_eq 40 "$(xmllint --xpath 'count(//testcase)' report.xml)" "testcases"
  assert_eq 1 "$(xmllint --xpath 'count(//testcase[skipped])' report.xml)" "skipped"
  assert_eq 38 "$(xmllint --xpath 'count(//testcase[failure])' report.xml)" "failures"
  assert_contains "$(xmllint --xpath 'string(//testcase[skipped]/skipped/@message)' report.xml)" \
    "no fine-tuning planned"
  done_when=$(lc show 2 --json && json '.done_when')
  assert_contains "$(xmllint --xpath 'string(//testcase[starts-with(@name, "2. ")]/failure)' report.xml)" \
    "$done_when"
  assert_eq 2026-11-28T12:00:00 "$(xmllint --xpath 'string(//testsuite[1]/@timestamp)' report.xml)"
}

test_hostile_text_stays_valid_xml_in_junit() {
  cp "$FIXTURES/checklists/hostile.toml" checklist.toml
  cp "$FIXTURES/states/hostile.llmchecklist" .llmchecklist
  lc export --format junit -o report.xml
  assert_status 0
  xmllint --noout --schema "$TESTS_DIR/junit.xsd" report.xml 2>/dev/null ||
    fail "hostile JUnit report does not validate"
  assert_eq 0 "$(xmllint --xpath 'count(//injected)' report.xml)" "injected elements"
}

test_filters_apply_to_every_format() {
  small_with alpha gamma
  for format in markdown json csv html junit; do
    lc export --format "$format" --phase second --status todo
    assert_status 0
    assert_contains "$out" "delta" "$format --phase second --status todo"
    assert_not_contains "$out" "gamma" "$format --status todo"
    assert_not_contains "$out" "alpine" "$format --phase second"
  done
  lc export --format badge --phase first
  assert_contains "$out" "33%" "badge of the first phase (1 of 3)"
}

test_csv_neutralises_formulas_and_control_characters() {
  cp "$FIXTURES/checklists/hostile.toml" checklist.toml
  cp "$FIXTURES/states/hostile.llmchecklist" .llmchecklist
  lc export --format csv
  assert_status 0
  assert_contains "$out" "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""
  assert_contains "$out" "'@SUM(1+1)"
  assert_contains "$out" "'=cmd|"
  # No cell, as a spreadsheet reads it, starts with a formula character.
  printf '%s' "$out" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
bad = [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
sys.exit("formula cells: %r" % bad if bad else 0)' || fail "a cell starts with a formula character"
  assert_not_contains "$out" $'\x1b'
  assert_not_contains "$out" $'\x07'
}

test_markdown_text_cannot_break_out_or_inject_html() {
  cp "$FIXTURES/checklists/hostile.toml" checklist.toml
  cp "$FIXTURES/states/hostile.llmchecklist" .llmchecklist
  lc export --format markdown
  assert_status 0
  # Every markup character from the text is escaped with a backslash; the only tags are the
  # <details> elements the export adds around each item's best practice.
  ours='^  \(<details><summary>Best practice</summary>\|</details>\)$'
  tags=$(printf '%s\n' "$out" | grep -v "$ours" | grep '\(^\|[^\\]\)[<>]' || true)
  assert_eq "" "$tags" "unescaped < or >"
  assert_eq 4 "$(printf '%s\n' "$out" | grep -c '^  <details>')" "details blocks"
  assert_eq 4 "$(printf '%s\n' "$out" | grep -c '^  </details>')" "closed details blocks"
  # A link needs an unescaped "](".
  assert_eq "" "$(printf '%s\n' "$out" | grep '[^\\]\](' || true)" "unescaped link"
  assert_contains "$out" '\[link\](http'
  assert_contains "$out" "\<script\>"
  assert_not_contains "$out" $'\x1b'
  # Every item stays one list line: four items, four task-list lines.
  assert_eq 4 "$(printf '%s\n' "$out" | grep -c '^- \[')" "task list lines"
}

test_json_stays_valid_for_hostile_text() {
  cp "$FIXTURES/checklists/hostile.toml" checklist.toml
  cp "$FIXTURES/states/hostile.llmchecklist" .llmchecklist
  lc export --format json
  assert_status 0
  printf '%s' "$out" | jq -e . >/dev/null || fail "export is not valid JSON"
  assert_eq "<script>alert(1)</script>" "$(json '.phases[0].items[0].title')"
  assert_contains "$(json '.phases[0].items[3].title')" $'\x1b[31m'
}

test_terminal_output_never_carries_raw_escape_sequences() {
  cp "$FIXTURES/checklists/hostile.toml" checklist.toml
  cp "$FIXTURES/states/hostile.llmchecklist" .llmchecklist
  for args in "list" "show 4" "show 1" "progress" "list --color always" "show terminal --color always"; do
    # shellcheck disable=SC2086
    lc $args
    assert_status 0
    # Colour codes we add are ESC [ digits m; anything else that starts with ESC is theirs.
    stripped=$(printf '%s%s' "$out" "$err" | sed 's/\x1b\[[0-9;]*m//g')
    assert_not_contains "$stripped" $'\x1b' "llmchecklist $args"
    assert_not_contains "$stripped" $'\x07' "llmchecklist $args"
    assert_not_contains "$stripped" $'\xc2\x9b' "llmchecklist $args"
  done
  lc show terminal
  assert_contains "$out" "^[[31mred"
}

test_colour_only_where_wanted() {
  lc progress
  assert_not_contains "$out" $'\x1b[' "piped output"
  lc progress --color always
  assert_contains "$out" $'\x1b[' "--color always"
  NO_COLOR=1 lc progress --color always
  assert_contains "$out" $'\x1b[' "--color always over NO_COLOR"
  lc progress --color never
  assert_not_contains "$out" $'\x1b['
  lc progress --color sometimes
  assert_status 2
}

test_bars_are_unicode_in_utf8_locales_and_ascii_otherwise() {
  LC_ALL=C.UTF-8 lc progress
  assert_contains "$out" "░"
  LC_ALL=C lc progress
  assert_not_contains "$out" "░"
  assert_contains "$out" "[...."
}

test_output_file_is_written_atomically_and_a_failed_write_leaves_nothing() {
  lc export --format html -o report.html
  assert_status 0
  [ -s report.html ] || fail "no report written"
  assert_eq "" "$(ls -A | grep -v '^report.html$' || true)" "stray files"
  lc export --format html -o missing/dir/report.html
  assert_status 4
  assert_no_file missing
}

test_a_git_name_in_a_legacy_encoding_does_not_make_the_state_unreadable() {
  git_repo
  git config user.name $'Jos\xe9 \x1b[31mRed'
  lc check 1
  assert_status 0
  lc export --format json
  assert_status 0
  assert_eq $'Jos\xef\xbf\xbd \xef\xbf\xbd[31mRed <ada@example.org>' "$(json '.phases[0].items[0].by')"
}

test_invalid_utf8_in_a_state_file_is_a_located_error() {
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n\n[items.quality-bar]\nstatus = "done"\nnote = "bad \xff"\n' >.llmchecklist
  cp .llmchecklist before
  lc export --format json
  assert_status 3
  assert_contains "$err" ".llmchecklist:6:"
  lc check 2
  assert_status 3
  cmp -s before .llmchecklist || fail "the state file changed"
}

run_tests "$@"
