#!/usr/bin/env bash
# What CI reads: export --format sarif (validated with Microsoft's SARIF validator), github
# (workflow-command annotations that hostile text cannot break out of), summary (the Markdown of
# a change for a job summary or a pull-request comment), and progress --max-drop.
. "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || { echo "jq is not installed"; exit 77; }

# The export fixture (tests/fixtures/checklists/e2e-export.toml) at a state with every kind of
# result: done, n/a (a waiver with an end), stale (checked at an older revision of its item),
# and open required and recommended items.
ci_project() {
  git_repo
  use_checklist e2e-export.toml
  lc_ok check comma --note 'see "docs/cost.md", table 2'
  lc_ok check quote --na 'no goldens, rubrics instead' --until 2099-01-31
  lc_ok check markdown --note 'escaped'
  # Checked at revision 3 of an item now at revision 4: a stale check.
  sed -i '/^\[items.markdown\]/,/^$/ s/^revision = 4$/revision = 3/' .llmchecklist
  grep -q '^revision = 3$' .llmchecklist || fail "the fixture did not get a stale check"
}

# Validates SARIF file $1 with Microsoft's validator (also GitHub's own rules); fails on any
# result of level error.
validate_sarif() { # file
  command -v sarif-multitool >/dev/null ||
    skip "sarif-multitool is not installed (npm install -g @microsoft/sarif-multitool)"
  rm -f "$1.validation"
  sarif-multitool validate "$1" -o "$1.validation" >"$1.log" 2>&1 ||
    { cat "$1.log" >&2; fail "sarif-multitool could not validate $1"; }
  sarif-multitool validate "$1" --rule-kind Gh -o "$1.gh.validation" >>"$1.log" 2>&1 ||
    { cat "$1.log" >&2; fail "sarif-multitool could not validate $1 with GitHub's rules"; }
  for result in "$1.validation" "$1.gh.validation"; do
    local errors
    errors=$(jq '[.runs[].results[]? | select(.level == "error")] | length' "$result")
    [ "$errors" = 0 ] || { cat "$1.log" >&2; fail "$1: $errors validation errors ($result)"; }
  done
}

# The line of [items.ID] in the state file.
table_line() { grep -n "^\[items\.$1\]" .llmchecklist | cut -d: -f1; }

test_sarif_matches_the_golden_file() {
  ci_project
  lc export --format sarif -o actual.sarif
  assert_status 0
  # The tool's version changes with every release; the rest must not.
  version=$("$LLMCHECKLIST_BIN" --version | cut -d' ' -f2)
  sed -i "s/\"$version\"/\"@VERSION@\"/" actual.sarif
  assert_golden export-e2e.sarif actual.sarif
}

test_sarif_has_a_rule_per_item_and_a_result_per_open_item_at_its_line() {
  ci_project
  lc export --format sarif
  assert_status 0
  assert_eq "2.1.0" "$(json .version)"
  assert_eq "comma quote formula markdown unicode" \
    "$(json '[.runs[0].tool.driver.rules[].id] | join(" ")')"
  assert_eq "https://example.org/comma" "$(json '.runs[0].tool.driver.rules[0].helpUri')"
  assert_eq "plan required" "$(json '.runs[0].tool.driver.rules[0].properties | "\(.phase) \(.severity)"')"
  # Open required: error; open recommended: warning; stale: note; n/a: suppressed.
  assert_eq "quote:warning:external:no goldens, rubrics instead formula:error markdown:note unicode:error" \
    "$(json '[.runs[0].results[] | "\(.ruleId):\(.level)" + (if .suppressions then ":\(.suppressions[0].kind):\(.suppressions[0].justification)" else "" end)] | join(" ")')"
  assert_contains "$(json '.runs[0].results[] | select(.ruleId == "markdown") | .message.text')" \
    "Checked against revision 3; the item is at revision 4 now"
  # Each result points at its item's table in the state file.
  for id in quote formula markdown unicode; do
    assert_eq ".llmchecklist:$(table_line "$id")" \
      "$(json ".runs[0].results[] | select(.ruleId == \"$id\") | .locations[0].physicalLocation | \"\(.artifactLocation.uri):\(.region.startLine)\"")" "$id"
  done
  # The ruleIndex of each result names its rule.
  assert_eq "true" "$(json '[.runs[0] as $run | $run.results[] | $run.tool.driver.rules[.ruleIndex].id == .ruleId] | all')"
}

test_an_expired_waiver_is_an_open_result_again() {
  ci_project
  sed -i 's/^until = 2099-01-31$/until = 2020-01-31/' .llmchecklist
  lc export --format sarif
  assert_status 0
  assert_eq "warning null" "$(json '.runs[0].results[] | select(.ruleId == "quote") | "\(.level) \(.suppressions)"')"
  assert_contains "$(json '.runs[0].results[] | select(.ruleId == "quote") | .message.text')" "Not applicable until 2020-01-31 (no goldens, rubrics instead); it is open again"
}

test_sarif_points_at_the_state_file_from_the_repository_root() {
  # A monorepo keeping one service's state file in its folder.
  git_repo
  mkdir -p services/chat
  lc_ok --file services/chat/.llmchecklist init
  lc -C services/chat --file .llmchecklist export --format sarif
  assert_status 0
  assert_eq "services/chat/.llmchecklist" \
    "$(json '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri] | unique | join(" ")')"
}

test_sarif_validates_for_every_kind_of_state() {
  # The built-in checklist untouched, part done with a waiver, and all done.
  git_repo
  lc_ok init
  lc export --format sarif -o fresh.sarif
  validate_sarif fresh.sarif
  lc_ok check 1 2 3 4 5 11 12 --note "evidence, with: punctuation"
  lc_ok check fine-tuning-baseline --na "prompting meets the bar" --until 2099-12-31
  lc export --format sarif -o partial.sarif
  validate_sarif partial.sarif
  lc_ok check --phase model-selection --phase evaluation --phase infrastructure \
    --phase monitoring --phase compliance --phase fine-tuning
  lc export --format sarif -o done.sarif
  validate_sarif done.sarif
  assert_eq 0 "$(jq '.runs[0].results | length' done.sarif)"
  # A custom checklist with stale and waived items.
  mkdir custom && cd custom
  ci_project
  lc export --format sarif -o custom.sarif
  validate_sarif custom.sarif
}

# Every line of $1 that a CI runner would take for a command: `::` after blanks (any Unicode
# blank the runner trims), or `##[` / `##vso[` anywhere.
runner_commands() {
  printf '%s\n' "$1" | grep -nP '^[\s\x{00A0}\x{2000}-\x{200A}\x{2028}\x{2029}]*::|##(vso)?\[' || true
}

test_no_output_line_can_become_a_workflow_command_whatever_its_source() {
  git_repo
  cp "$FIXTURES/checklists/workflow-commands.toml" checklist.toml
  lc_ok init --checklist checklist.toml -q
  git add -A && git commit -qm "Start"
  # A note long enough to wrap with `::` at the start of a continuation line, one after a
  # no-break space, and a verify command and output that are commands.
  lc_ok check annotate --note "$(printf 'x%.0s' $(seq 70)) ::error::wrapped note" -q
  lc_ok verify annotate --set 'echo "::error::from the command"; echo "##[error]old form"; exit 1' -q
  lc_ok verify second --set "$(printf '\xc2\xa0::warning::after a no-break space')" -q
  local command text
  for command in "list" "list --status done" "show annotate" "show second" "progress" "diff" \
    "progress --since HEAD" "verify" "verify --dry-run" "export --format markdown" \
    "export --format summary --since HEAD" "export --format csv" "export --format html" \
    "export --format junit" "checklists" "show ::error::no-such-item" "history"; do
    # shellcheck disable=SC2086
    lc $command
    assert_no_crash
    text="$out
$err"
    [ -n "$text" ] || fail "$command printed nothing"
    assert_eq "" "$(runner_commands "$text")" "runner commands in the output of $command"
  done
  # The text is there, only made inert.
  lc show annotate
  assert_contains "$out" '\::error::wrapped note'
  assert_contains "$out" '\::notice::a line of the details'
  lc list
  assert_contains "$out" '#\#[group]grouped'
  # Files written with -o are as inert as standard output.
  lc_ok export --format markdown -o report.md
  assert_eq "" "$(runner_commands "$(cat report.md)")" "runner commands in report.md"
  # Annotations are meant for the runner: one command per problem, nothing else.
  lc export --format github
  assert_eq "" "$(printf '%s\n' "$out" | grep -v '^::' || true)" "lines that are not annotations"
}

test_an_error_message_about_a_hostile_file_is_inert_on_a_terminal_too() {
  git_repo
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n[items.quality-bar]\nstatus = "::error::bad"\n' >.llmchecklist
  lc list
  assert_status 3
  assert_eq "" "$(runner_commands "$err")" "runner commands in the error"
  assert_contains "$err" "::error::bad"
}

test_hostile_text_stays_inert_and_valid_in_sarif() {
  git_repo
  cp "$FIXTURES/checklists/hostile.toml" checklist.toml
  cp "$FIXTURES/states/hostile.llmchecklist" .llmchecklist
  lc export --format sarif -o hostile.sarif
  assert_status 0
  jq empty hostile.sarif || fail "not JSON"
  # No raw escape character or bidi override survives into the file.
  assert_not_match $'\033' "$(cat hostile.sarif)" "a raw ESC"
  assert_not_match $'\u202e' "$(cat hostile.sarif)" "a raw bidi override"
  version=$("$LLMCHECKLIST_BIN" --version | cut -d' ' -f2)
  sed "s/\"$version\"/\"@VERSION@\"/" hostile.sarif >actual.sarif
  assert_golden export-hostile.sarif actual.sarif
  validate_sarif hostile.sarif
}

# A checklist and state whose every field that reaches an annotation carries what the runner
# would obey: newlines, CR, %, ::commands, commas and colons. The waiver ends five days after
# the tests' clock (LLMCHECKLIST_NOW, 2026-11-28).
hostile_ci_project() {
  git_repo
  cat >checklist.toml <<'EOF'
[checklist]
id = "hostile-ci"
title = "Hostile CI"
version = "2"

[[phases]]
id = "p"
title = "Phase"

[[phases.items]]
id = "evil"
title = "Evil %0A title ::add-mask::secret, a:b ::stop-commands::tok %25"
details = "Details."
done_when = "Never ::error::fake %0D%0A, a: b"
severity = "required"

[[phases.items]]
id = "waived"
title = "Waived, with: commas"
details = "Details."
done_when = "Done."
severity = "required"

[[phases.items]]
id = "stale"
title = "Stale %0A::warning::x"
details = "Details."
done_when = "Done."
revision = 2
EOF
  lc_ok init --checklist checklist.toml
  python3 - <<'EOF'
s = open('.llmchecklist').read()
s = s.replace('[items.evil]\nstatus = "todo"',
              '[items.evil]\nstatus = "todo"\nverify = "false\\n::add-mask::leak\\r\\n::error::fake, %0A"\nverify_result = "fail"')
s = s.replace('[items.waived]\nstatus = "todo"',
              '[items.waived]\nstatus = "na"\nby = "Eve, x: y"\nat = 2026-11-28T12:00:00Z\nnote = "reason\\n::error::injected, %0A \\r\\n::stop-commands::tok"\nuntil = 2026-12-03')
s = s.replace('[items.stale]\nstatus = "todo"',
              '[items.stale]\nstatus = "done"\nrevision = 1\nby = "Eve"\nat = 2026-11-28T12:00:00Z\nnote = "ok\\n::set-output name=x::y"')
open('.llmchecklist', 'w').write(s)
EOF
}

# The runner's own unescaping of a message (actions/toolkit): %0D, %0A, then %25.
unescape_data() { sed -e 's/%0D/\r/g' -e 's/%0A/\n/g' -e 's/%25/%/g'; }

test_github_annotations_hold_hostile_text_in_one_line_each() {
  hostile_ci_project
  lc export --format github
  assert_status 0
  # Exactly four annotations: the open required item, its failing command, the expiring
  # waiver and the stale check (a notice); each one line, and no other line at all.
  assert_eq 4 "$(printf '%s\n' "$out" | wc -l)"
  assert_eq 4 "$(printf '%s\n' "$out" | grep -Ec '^::(error|warning|notice) file=\.llmchecklist,line=[0-9]+,title=[^:,]*::')"
  assert_not_match $'\r' "$out" "a raw CR"
  # The runner reads a command only at the start of a line: the "::add-mask::" and the rest
  # inside the messages stay text. The messages unescape to the original text, newlines
  # included (properties escape ':', so the message starts after the second "::").
  message=$(printf '%s\n' "$out" | grep 'Verify command failing' | sed 's/^::[a-z]* [^:]*:://' |
    unescape_data)
  assert_contains "$message" $'false\n::add-mask::leak\r\n::error::fake, %0A'
  lines=$(printf '%s\n' "$out")
  assert_contains "$lines" "::error file=.llmchecklist,line=$(table_line evil),title=Required item open%3A 1. evil::Evil %250A title ::add-mask::secret, a:b ::stop-commands::tok %2525%0ADone when: Never ::error::fake %250D%250A, a: b"
  assert_contains "$lines" "::warning file=.llmchecklist,line=$(table_line waived),title=Waiver expires%3A 2. waived::"
  assert_contains "$lines" "(5 days left): reason%0A::error::injected, %250A %0D%0A::stop-commands::tok"
  assert_contains "$lines" "::notice file=.llmchecklist,line=$(table_line stale),title=Stale check%3A 3. stale::"
}

test_github_properties_escape_commas_and_colons_in_the_path() {
  git_repo
  lc_ok --file 'odd,name:x.llmchecklist' init
  lc --file 'odd,name:x.llmchecklist' export --format github
  assert_status 0
  assert_contains "$out" "::error file=odd%2Cname%3Ax.llmchecklist,line="
  assert_not_contains "$out" "file=odd,name"
}

test_github_prints_nothing_when_nothing_needs_attention() {
  git_repo
  use_checklist small.toml
  lc_ok check --phase first --phase second
  lc export --format github
  assert_status 0
  assert_eq "" "$out"
}

test_codequality_lists_open_items_and_stale_checks_for_gitlab() {
  ci_project
  lc export --format codequality
  assert_status 0
  assert_eq "formula:critical markdown:info unicode:critical" \
    "$(json '[.[] | "\(.check_name):\(.severity)"] | join(" ")')"
  for id in formula markdown unicode; do
    assert_eq ".llmchecklist:$(table_line "$id")" \
      "$(json ".[] | select(.check_name == \"$id\") | \"\(.location.path):\(.location.lines.begin)\"")" "$id"
  done
  # Fingerprints tell issues apart and stay the same from one pipeline to the next.
  first=$(json '[.[].fingerprint] | join(" ")')
  assert_eq 3 "$(json '[.[].fingerprint] | unique | length')"
  lc_ok check formula
  lc export --format codequality
  assert_eq "$(printf '%s' "$first" | cut -d' ' -f2-)" "$(json '[.[].fingerprint] | join(" ")')"
}

# A repository whose base commit has some items done, and a change on top that checks two,
# unchecks one, waives one, re-notes one and adds a verify command.
summary_change() {
  repo_with_state
  lc_ok check 1 2 3 --note "base evidence"
  lc_ok check 11 --note "eval v1"
  git commit -qam "Base"
  lc_ok check 4 5 --note "pinned, see config/models.yaml"
  lc_ok uncheck 3
  lc_ok check fine-tuning-baseline --na "prompting meets the bar" --until 2099-06-30
  lc_ok check 11 --note "eval v2, | pipes and *stars*"
  lc_ok verify 12 --set "make eval"
}

# The summary without the parts that change from day to day: none today, but keep the golden
# honest if the checklist's titles move (it is the built-in checklist).
test_summary_matches_the_golden_file() {
  summary_change
  lc export --format summary --since HEAD -o actual.md
  assert_status 0
  assert_golden export-summary.md actual.md
}

test_summary_counts_agree_with_progress_and_diff() {
  summary_change
  lc export --format summary --since HEAD
  assert_status 0
  percent=$("$LLMCHECKLIST_BIN" progress --json | jq -r '.percent | floor')
  assert_contains "$out" "### LLM Deployment Checklist: $percent % ("
  assert_contains "$out" "since HEAD: 2 checked, 1 unchecked, 1 waived"
  assert_contains "$out" "**Checked in this change (2)**"
  assert_contains "$out" "**Unchecked (1)**"
  assert_contains "$out" "**Marked not applicable (1)**"
  assert_contains "$out" "**Re-scoped or checked again (1)**"
  assert_contains "$out" "**Verify commands added or changed (1)**"
  # Untrusted text is escaped: the pipe cannot split a table cell, the stars stay literal.
  assert_contains "$out" 'eval v2, \| pipes and \*stars\*'
  # Without --since: progress and phases only.
  lc export --format summary
  assert_status 0
  assert_not_contains "$out" "Checked in this change"
  assert_contains "$out" "| Phase | Done | Progress |"
}

test_summary_states_the_gates_verdict_and_its_reason() {
  repo_with_state
  printf '\n[gate]\nmin = 80\nall_required = true\n' >>.llmchecklist
  lc export --format summary
  assert_status 0
  assert_contains "$out" "Gate: ❌ fails (at least 80 %, every required item):"
  assert_contains "$out" "- progress is 0 %, below the minimum of 80 %"
  lc_ok check --phase model-selection --phase evaluation --phase infrastructure \
    --phase monitoring --phase compliance --phase fine-tuning
  lc export --format summary
  assert_contains "$out" "Gate: ✅ passes (at least 80 %, every required item)."
}

test_summary_of_a_ten_thousand_item_change_stays_under_the_comment_limit() {
  python3 "$SOURCE_DIR/bench/generate.py" 10000 . >/dev/null || fail "generate.py failed"
  git_repo
  mv .llmchecklist generated.llmchecklist
  lc_ok init --checklist checklist.toml
  git add checklist.toml .llmchecklist && git commit -qm "Nothing done"
  mv generated.llmchecklist .llmchecklist
  lc export --format summary --since HEAD -o summary.md
  assert_status 0
  size=$(wc -m <summary.md)
  [ "$size" -lt 65536 ] || fail "the summary has $size characters, over GitHub's 65,536"
  assert_file_contains summary.md "<details><summary>Checked in this change (5000)</summary>"
  assert_match '^- … and [0-9]+ more: `llmchecklist diff HEAD` lists them all$' "$(cat summary.md)"
  # Every item line is whole: its number, title and id.
  bad=$(grep '^- \*\*' summary.md | grep -Evc '^- \*\*[0-9]+\.\*\* .* \(item-[0-9]+\)(: .*)?$' || true)
  assert_eq 0 "$bad" "item lines cut short"
}

test_summary_since_a_revision_without_a_state_file_counts_everything_as_new() {
  git_repo
  echo x >README.md && git add README.md && git commit -qm "Before the checklist"
  lc_ok init
  lc_ok check 1 2
  lc export --format summary --since HEAD
  assert_status 0
  assert_contains "$out" "since HEAD: 2 checked, 0 unchecked, 0 waived"
}

test_since_is_only_for_the_summary() {
  repo_with_state
  lc export --format json --since HEAD
  assert_status 2
  assert_contains "$err" "--since is for --format summary"
  lc export --format summary --since no-such-branch
  assert_status 2
  assert_contains "$err" "no-such-branch"
}

# 40 items, 20 done at the base: each item is 2.5 points.
max_drop_project() {
  repo_with_state
  lc_ok check 1 2 3 4 5 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25
  git commit -qam "Half done"
}

test_max_drop_passes_at_exactly_the_limit_and_fails_above_it() {
  max_drop_project
  lc_ok uncheck 1 2
  lc progress --since HEAD --max-drop 5
  assert_status 0
  lc progress --since HEAD --max-drop 4.9
  assert_status 1
  assert_contains "$err" "gate failed: progress fell 5.0 points since HEAD (50.0 % then, 45.0 % now), more than the 4.9 allowed"
  # Without --max-drop any drop fails, and the unchecked items are named.
  lc progress --since HEAD
  assert_status 1
  assert_contains "$err" "items done at HEAD are todo now"
  lc_ok uncheck 3
  lc progress --since HEAD --max-drop 5
  assert_status 1
  assert_contains "$err" "progress fell 7.5 points"
}

test_max_drop_needs_since_and_a_percentage() {
  max_drop_project
  lc progress --max-drop 5
  assert_status 2
  assert_contains "$err" "--max-drop requires --since"
  lc progress --since HEAD --max-drop 150
  assert_status 2
  lc progress --since HEAD --max-drop 0
  assert_status 0
}

run_tests "$@"
