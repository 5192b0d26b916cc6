#!/usr/bin/env bash
# llmchecklist export: Markdown, JSON and CSV, to stdout or atomically to a file.
. "$(dirname "$0")/lib.sh"

# A git repository using tests/fixtures/e2e-export.toml with one done item with a note that has
# quotes and commas, one n/a item, and one done item whose note starts with '='.
export_project() {
  git_repo
  use_checklist e2e-export.toml
  lc_ok check comma --note 'see "docs/cost.md", table 2'
  lc_ok check quote --na 'no goldens, rubrics instead'
  lc_ok check markdown --note '=1+1 *not* bold'
}

# The JSON export names its checklist by absolute path; golden files hold @DIR@ for the test's
# directory.
without_dir() { sed "s|$PWD/|@DIR@/|g"; }

test_export_markdown_matches_the_golden_file() {
  export_project
  lc export -o actual.md
  assert_status 0
  assert_golden export-e2e.md actual.md
}

test_export_markdown_is_the_default_format() {
  export_project
  lc export
  local default=$out
  lc export --format markdown
  assert_eq "$out" "$default"
  lc export -f markdown
  assert_eq "$out" "$default"
}

test_export_json_matches_the_golden_file() {
  export_project
  lc export --format json --project-name e2e-export -o raw.json
  assert_status 0
  without_dir <raw.json >actual.json
  assert_golden export-e2e.json actual.json
}

test_export_csv_matches_the_golden_file() {
  export_project
  lc export --format csv -o actual.csv
  assert_status 0
  assert_golden export-e2e.csv actual.csv
}

test_export_csv_has_a_header_row_and_crlf_line_ends() {
  export_project
  lc_ok export --format csv -o out.csv
  assert_eq "number,phase,id,title,severity,status,by,at,note,evidence,stale" "$(head -1 out.csv | tr -d '\r')" "header"
  assert_eq 6 "$(wc -l <out.csv | tr -d ' ')" "rows (header + 5 items)"
  assert_eq 6 "$(grep -c $'\r$' out.csv)" "CRLF-terminated rows"
}

test_export_csv_quotes_commas_and_doubles_quotes_as_rfc_4180_says() {
  export_project
  lc_ok export --format csv -o out.csv
  local rows
  rows=$(tr -d '\r' <out.csv)
  assert_contains "$rows" $'\n1,plan,comma,"Measure cost, latency and quality",required,done,Ada Lovelace <ada@example.org>,2026-11-28T12:00:00Z,"see ""docs/cost.md"", table 2",manual,\n'
  assert_contains "$rows" $'\n2,plan,quote,"Write the ""golden"" answers",recommended,na,'
  assert_contains "$rows" ',"no goldens, rubrics instead"'
  # Fields without special characters are not quoted; empty fields stay empty.
  assert_contains "$rows" $'\n5,ship,unicode,Résumé of the naïve café — done,required,todo,,,'
}

test_export_csv_fields_parse_back_to_eleven_columns() {
  export_project
  lc_ok export --format csv -o out.csv
  # An RFC 4180 reader: count the fields of each record (quoted commas do not split).
  local counts
  counts=$(tr -d '\r' <out.csv | awk '{
      n = 1; q = 0
      for (i = 1; i <= length($0); i++) {
        c = substr($0, i, 1)
        if (c == "\"") q = !q
        else if (c == "," && !q) n++
      }
      print n
    }' | sort -u)
  assert_eq 11 "$counts" "fields per record"
}

test_export_csv_keeps_a_leading_equals_sign_from_becoming_a_formula() {
  export_project
  lc_ok export --format csv -o out.csv
  assert_contains "$(cat out.csv)" ",'=SUM(A1:A2) stays text,"
}

test_export_markdown_is_a_task_list_grouped_by_phase_with_a_progress_line() {
  git_repo
  lc_ok check 1 2
  lc_ok check 7 --na "no fine-tuning"
  lc export
  assert_status 0
  assert_match '^# LLM Deployment Checklist$' "$out"
  assert_match '^\*\*Progress: 2 of 39 applicable items done \(5 %\), 1 n/a, 37 todo\*\*$' "$out"
  assert_eq 6 "$(printf '%s\n' "$out" | grep -c '^## ')" "phase headings"
  assert_eq 40 "$(printf '%s\n' "$out" | grep -cE '^- \[[ x]\] ')" "task lines"
  assert_eq 3 "$(printf '%s\n' "$out" | grep -cE '^- \[x\] ')" "checked task lines"
  assert_match '^- \[x\] 1\\\. ' "$out" "item 1 checked"
  assert_match '^- \[x\] ~~7\\\. .*~~ \*n/a\*' "$out" "item 7 n/a"
  assert_match '^- \[ \] 3\\\. ' "$out" "item 3 open"
}

test_export_json_nests_items_in_phases_with_the_same_schema_as_list() {
  git_repo
  lc_ok check 3 --note "docs/cost.md"
  lc export --format json
  assert_status 0
  # The export adds where it came from (the project, for `fleet`); the rest is list's schema.
  local exported
  exported=$(json 'del(.project)')
  lc list --json
  assert_eq "$(json .)" "$exported" "export --format json against list --json"
  assert_eq "llm-deployment" "$(json '.checklist.id')"
  assert_eq "LLM Deployment Checklist" "$(json '.checklist.title')"
  assert_eq 40 "$(json '[.phases[].items[]] | length')"
  assert_eq "docs/cost.md" "$(json '.phases[0].items[2].note')"
}

test_export_to_a_file_prints_nothing_and_writes_the_stdout_bytes() {
  export_project
  local format
  for format in markdown json csv; do
    "$LLMCHECKLIST_BIN" export --format "$format" >stdout.$format
    lc export --format "$format" -o file.$format
    assert_status 0
    assert_eq "" "$out" "stdout with -o"
    assert_same_bytes stdout.$format file.$format
  done
  lc export -o -
  assert_status 0
  assert_contains "$out" "# Export test"
  assert_no_file ./-
}

test_export_replaces_the_output_file_atomically_by_renaming() {
  export_project
  printf 'old export\n' >CHECKLIST.md
  ln CHECKLIST.md old-link.md
  lc export -o CHECKLIST.md
  assert_status 0
  # A rename leaves the old inode (and its other name) untouched; an in-place rewrite would not.
  assert_eq "old export" "$(cat old-link.md)" "the old file"
  assert_file_contains CHECKLIST.md "# Export test"
  assert_eq "./.gitignore
./.llmchecklist
./CHECKLIST.md
./e2e-export.toml
./old-link.md" "$(tree_listing)" "files (no temporary file left)"
}

test_export_to_a_missing_directory_is_an_io_error() {
  lc export -o no/such/dir/out.md
  assert_status 4
  assert_eq "" "$(tree_listing)"
}

test_export_an_unknown_format_is_a_usage_error() {
  lc export --format pdf -o out.pdf
  assert_status 2
  assert_no_file out.pdf
}

test_export_of_an_invalid_state_file_writes_no_output_file() {
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n[items.quality-bar]\nstatus = "maybe"\n' >.llmchecklist
  lc export -o out.md
  assert_status 3
  assert_no_file out.md
}

test_export_without_a_state_file_shows_everything_todo() {
  lc export --format csv
  assert_status 0
  assert_eq 40 "$(printf '%s\n' "$out" | tr -d '\r' | grep -c ',todo,,,,none,$')" "todo rows"
}

run_tests "$@"
