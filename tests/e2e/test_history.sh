#!/usr/bin/env bash
# llmchecklist history: the state file's progress at every commit that changed it, read from a
# temporary repository whose commits have fixed dates, so that ids and output are golden.
. "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || { echo "jq is not installed"; exit 77; }

# Commits everything with author and committer date $1 (ISO 8601).
commit_at() { # date message
  git add -A
  GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git commit -qm "$2"
}

# The history every golden test reads:
#   2026-01-01  init, every item todo
#   2026-01-05  three items done (committed at +01:00)
#   2026-01-20  README only: not part of the history
#   2026-02-01  items 4-10 checked, then the fine-tuning phase n/a (five of them), a [gate] of 60 %
#   2026-02-03  a state file that is not valid TOML
#   2026-02-10  repaired, three more done
# The state follows release 2026.2 of the built-in checklist, so that the golden files (and the
# commit ids in them) do not change with each release.
make_history() {
  git_repo
  echo "project" >README.md
  lc_ok init --checklist builtin:llm-deployment@2026.2
  commit_at 2026-01-01T10:00:00Z "Start the checklist"
  lc_ok check 1 2 3
  commit_at 2026-01-05T10:00:00+01:00 "First checks"
  echo "more" >>README.md
  commit_at 2026-01-20T10:00:00Z "README"
  lc_ok check 4 5 6 7 8 9 10
  lc_ok check --phase fine-tuning --na "prompting meets the bar"
  printf '\n[gate]\nmin = 60\n' >>.llmchecklist
  commit_at 2026-02-01T10:00:00Z "Ten done"
  cp .llmchecklist good.toml
  printf 'version = 1\nchecklist = \n' >.llmchecklist
  commit_at 2026-02-03T10:00:00Z "A broken state file"
  mv good.toml .llmchecklist
  lc_ok check 11 12 13
  commit_at 2026-02-10T10:00:00Z "Repaired"
}

test_the_text_report_matches_its_golden_file_and_ends_with_a_sparkline() {
  make_history
  lc history
  assert_status 3
  printf '%s\n' "$out" >history.txt
  assert_file_eq "$GOLDEN/history-e2e.txt" history.txt
  # The last line is the trend, one character per commit, the broken one an x.
  assert_eq 5 "$(printf '%s\n' "$out" | tail -n 1 | grep -o . | wc -l)" "sparkline characters"
  assert_contains "$(printf '%s\n' "$out" | tail -n 1)" "x"
}

test_the_csv_report_matches_its_golden_file() {
  make_history
  lc history --format csv -o history.csv
  assert_status 3
  assert_file_eq "$GOLDEN/history-e2e.csv" history.csv
}

test_the_json_report_matches_its_golden_file_and_the_progress_command() {
  make_history
  lc history --format json
  assert_status 3
  printf '%s\n' "$out" >history.json
  assert_file_eq "$GOLDEN/history-e2e.json" history.json
  assert_eq "llmchecklist-history/1 oldest-first 60" "$(json '"\(.schema) \(.order) \(.gate.min)"')"
  # The newest commit's numbers are what `progress --json` says of the same file.
  local newest
  newest=$(json '.commits[-1] | "\(.done) \(.na) \(.todo) \(.required_todo)"')
  lc progress --json
  assert_eq "$(json '"\(.done) \(.na) \(.todo) \(.required_todo)"')" "$newest" "newest commit"
}

test_a_corrupt_revision_is_reported_in_its_row_with_its_location_and_is_not_fatal() {
  make_history
  lc history --format json
  assert_status 3
  local broken
  broken=$(git rev-parse --short=7 HEAD~1)
  assert_eq "data $broken:.llmchecklist 2 13" \
    "$(json '.commits[3].error | "\(.kind) \(.path) \(.line) \(.column)"')"
  assert_contains "$(json '.commits[3].error.message')" "$broken:.llmchecklist:2:13: "
  # The rows after it are still counted.
  assert_eq "null 8" "$(json '.commits[4] | "\(.error) \(.done)"')"
  assert_contains "$err" "$broken:.llmchecklist:2:13: error: "
}

test_the_commits_are_the_ones_git_log_lists_through_merges() {
  git_repo
  lc_ok init
  commit_at 2026-01-01T10:00:00Z "Start"
  git checkout -q -b side
  lc_ok check 1
  commit_at 2026-01-02T10:00:00Z "Side checks 1"
  git checkout -q main
  echo "docs" >README.md
  commit_at 2026-01-03T10:00:00Z "README on main"
  # Main's file is unchanged: the merge takes side's file, is TREESAME to side, and is not listed.
  GIT_AUTHOR_DATE=2026-01-04T10:00:00Z GIT_COMMITTER_DATE=2026-01-04T10:00:00Z \
    git merge -q --no-ff -m "Merge side" side
  git checkout -q -b other
  lc_ok check 2
  commit_at 2026-01-05T10:00:00Z "Other checks 2"
  git checkout -q main
  lc_ok check 3
  commit_at 2026-01-06T10:00:00Z "Main checks 3"
  # Both sides changed the file: the merge differs from each parent, is listed, and both
  # sides are walked.
  GIT_AUTHOR_DATE=2026-01-07T10:00:00Z GIT_COMMITTER_DATE=2026-01-07T10:00:00Z \
    git merge -q --no-ff -m "Merge other" other -s ours
  lc_ok check 2
  git add -A
  GIT_AUTHOR_DATE=2026-01-07T10:00:00Z GIT_COMMITTER_DATE=2026-01-07T10:00:00Z \
    git commit -q --amend --no-edit
  lc history --format csv
  assert_status 0
  local ours theirs
  ours=$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | xargs)
  theirs=$(git log --format=%H -- .llmchecklist | tac | xargs)
  assert_eq "$theirs" "$ours" "commits (git log's, oldest first)"
  assert_eq 5 "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "commits listed"
  # --since REF: the commits REF cannot reach, as `git log REF..HEAD` lists them.
  lc history --since side --format csv
  ours=$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | xargs)
  theirs=$(git log --format=%H side..HEAD -- .llmchecklist | tac | xargs)
  assert_eq "$theirs" "$ours" "commits since side"
}

test_since_a_date_keeps_the_commits_at_or_after_it() {
  make_history
  lc history --since 2026-02-01 --format json
  assert_status 3
  assert_eq "2026-02-01 2026-02-03 2026-02-10" "$(json '[.commits[].at[0:10]] | join(" ")')"
  assert_eq "2026-02-01" "$(json '.since')"
  # The commit at 2026-01-05T10:00:00+01:00 is 09:00 UTC: at or after 09:00, not 09:00:01.
  lc history --since 2026-01-05T09:00:00Z --format csv
  assert_eq 4 "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "commits since 09:00 UTC"
  lc history --since 2026-01-05T09:00:01Z --format csv
  assert_eq 3 "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "commits since 09:00:01 UTC"
  lc history --since 2026-01-05T10:00:01+01:00 --format csv
  assert_eq 3 "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "commits since 10:00:01+01:00"
  lc history --since 2027-01-01
  assert_status 0
  assert_contains "$out" "no commit changed .llmchecklist since 2027-01-01"
}

test_since_a_revision_git_does_not_know_is_a_usage_error_naming_it() {
  make_history
  lc history --since no-such-branch
  assert_status 2
  assert_contains "$err" "no-such-branch"
  lc history --since 2026-13-01
  assert_status 2
  assert_contains "$err" "2026-13-01"
}

test_outside_a_git_repository_is_a_usage_error() {
  lc_ok init
  lc history
  assert_status 2
  assert_contains "$err" "is not in a git repository"
}

# A repository without commits knows no revision at all: a usage error, as `fleet` says of
# the same repository (tests/e2e/test_fleet.sh checks the two agree) and `diff` and
# `progress --since` of any revision git does not know.
test_a_repository_without_commits_is_a_usage_error_as_in_fleet() {
  git_repo
  lc_ok init
  lc history --format json
  assert_status 2
  assert_contains "$err" "git knows no revision 'HEAD': HEAD's branch has no commits yet"
  assert_eq "" "$out"
}

test_a_state_file_in_a_subdirectory_is_followed_with_file_and_C() {
  git_repo
  mkdir -p service
  lc_ok --file service/.llmchecklist init
  commit_at 2026-01-01T10:00:00Z "Start"
  lc_ok --file service/.llmchecklist check 1 2
  commit_at 2026-01-02T10:00:00Z "Two done"
  lc --file service/.llmchecklist history --format json
  assert_status 0
  assert_eq "service/.llmchecklist 0 2" "$(json '"\(.path) \(.commits[0].done) \(.commits[1].done)"')"
  mkdir -p elsewhere
  lc -C service history --format json
  assert_eq "service/.llmchecklist 2" "$(json '"\(.path) \(.commits | length)"')"
}

test_a_checklist_file_is_read_at_each_revision_and_stale_checks_counted_then() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" checklist.toml
  lc_ok init --checklist checklist.toml
  lc_ok check alpha beta
  commit_at 2026-01-01T10:00:00Z "Two done"
  # The requirement of alpha changes: the check made before is stale from this commit on.
  sed -i '0,/severity = "required"/s//severity = "required"\nrevision = 2/' checklist.toml
  lc_ok check gamma
  commit_at 2026-01-02T10:00:00Z "Alpha changed"
  lc history --format json
  assert_status 0
  assert_eq "small 0 1" "$(json '"\(.commits[0].checklist.id) \(.commits[0].stale) \(.commits[1].stale)"')"
  # The checklist file missing at a revision is that revision's error, located at the reference.
  git rm -q checklist.toml
  echo "# the checklist moved" >>.llmchecklist
  commit_at 2026-01-03T10:00:00Z "Checklist removed"
  lc history --format json
  assert_status 3
  assert_eq "null null" "$(json '"\(.commits[0].error) \(.commits[1].error)"')"
  assert_contains "$(json '.commits[2].error.message')" "checklist.toml does not exist"
}

test_a_commit_that_narrows_the_checklist_is_marked_in_every_format() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" small.toml
  lc_ok init --checklist small.toml -q
  lc_ok check alpha -q
  git add -A && git commit -qm "Follow the small checklist"
  printf '[checklist]\nid = "ours"\ntitle = "Ours"\nversion = "1"\nextends = "small.toml"\nexclude = ["beta", "gamma"]\n\n[overrides.alpha]\nseverity = "recommended"\n' >ours.toml
  sed -i 's/^checklist = "small.toml"$/checklist = "ours.toml"/' .llmchecklist
  git add -A && git commit -qm "Only what we like"
  lc_ok history
  assert_contains "$(unwrapped "$out")" "re-scoped: checklist small.toml -> ours.toml; 2 items left the count (beta, gamma); 1 required item lowered (alpha)"
  lc_ok history --format json
  assert_eq "null|true|beta gamma|alpha" "$(json '"\(.commits[0].scope)|\(.commits[1].scope.narrows)|\([.commits[1].scope.left[].id] | join(" "))|\([.commits[1].scope.lowered[].id] | join(" "))"')"
  lc_ok history --format csv
  assert_contains "$out" "stale,left,lowered,scope,error"
  assert_eq "2,1" "$(printf '%s\n' "$out" | sed -n 3p | awk -F, '{print $13 "," $14}')" "left,lowered"
  lc_ok history --format markdown
  assert_contains "$out" "re-scoped: checklist small.toml -\\> ours.toml; 2 items left the count"
}

test_a_commit_that_removes_the_state_file_is_shown_and_is_not_an_error() {
  make_history
  git rm -q .llmchecklist
  commit_at 2026-03-01T10:00:00Z "Remove the checklist"
  lc history --since 2026-02-10 --format json
  assert_status 0
  assert_eq "removed" "$(json '.commits[-1].error.kind')"
  lc history --since 2026-02-10
  assert_contains "$out" "the commit removed .llmchecklist"
}

test_text_from_the_repository_is_escaped_in_every_format() {
  git_repo
  # git itself drops < and > from names; & is what XML must still escape.
  git config user.name "=1+2 $(printf '\033')]0;x$(printf '\007') & |*x*"
  lc_ok init
  commit_at 2026-01-01T10:00:00Z "Start"
  lc history
  assert_not_contains "$out" "$(printf '\033')"
  assert_contains "$out" "^["
  lc history --format csv
  assert_contains "$out" ",'=1+2 "
  lc history --format markdown
  assert_contains "$out" '\|\*x\*'
  lc history --format svg
  assert_not_contains "$out" "& |"
  assert_contains "$out" "&amp; |"
  lc history --format json
  assert_eq "=1+2 $(printf '\033')]0;x$(printf '\007') & |*x*" "$(json '.commits[0].by')"
}

test_output_goes_to_a_file_atomically_and_never_over_the_state_file() {
  make_history
  lc history --format csv -o report.csv
  assert_status 3
  assert_eq "" "$out"
  assert_file_contains report.csv "commit,at,by"
  cp .llmchecklist before
  lc history --format csv -o .llmchecklist
  assert_status 2
  assert_file_eq before .llmchecklist
}

test_the_svg_is_well_formed_and_renders_in_chromium_with_its_gate_line() {
  command -v xmllint >/dev/null || skip "xmllint is not installed (apt-get install libxml2-utils)"
  make_history
  lc history --format svg -o history.svg
  assert_status 3
  xmllint --noout history.svg || fail "history.svg is not well-formed XML"
  assert_file_contains history.svg "gate 60 %"
  assert_file_contains history.svg "<polyline"
  # No script and nothing fetched: safe as a README image.
  assert_not_contains "$(cat history.svg)" "<script"
  assert_not_contains "$(cat history.svg)" "href"
  command -v chromium >/dev/null || skip "chromium is not installed (apt-get install chromium)"
  command -v python3 >/dev/null || skip "python3 is not installed"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PWD/profile" --hide-scrollbars --window-size=640,240 \
    --screenshot="$PWD/history.png" "file://$PWD/history.svg" >/dev/null 2>&1
  stats=$(python3 "$TESTS_DIR/tools/png_stats.py" history.png)
  [ "$(echo "$stats" | awk '{print $3}')" -gt 20 ] || fail "the chart did not render ($stats)"
  awk -v f="$(echo "$stats" | awk '{print $4}')" 'BEGIN { exit !(f > 0.02) }' ||
    fail "too little of the chart is inked ($stats)"
}

test_text_fits_40_columns_and_a_located_error_is_never_cut_short() {
  require_tmux
  make_history
  lc history --format json
  message=$(json '.commits[3].error.message')
  for width in 40 60 80; do
    tmux_screen "$width" 60 "cd '$PWD' && '$LLMCHECKLIST_BIN' history 2>/dev/null"
    assert_fits "$width" "history at $width columns"
    assert_match "^2026-02-10 +e602471 +22 %" "$screen"
    assert_contains "$(unwrapped "$screen")" "error: $message" "the broken revision at $width columns"
  done
}

test_a_state_file_committed_as_a_symbolic_link_is_named_as_such_not_as_bad_toml() {
  git_repo
  lc_ok init
  commit_at 2026-01-01T10:00:00Z "Start"
  mv .llmchecklist real.toml
  ln -s real.toml .llmchecklist
  commit_at 2026-01-02T10:00:00Z "The state file becomes a link"
  rm .llmchecklist
  mv real.toml .llmchecklist
  commit_at 2026-01-03T10:00:00Z "And a file again"
  lc history --format json
  assert_status 3
  assert_contains "$err" "$(git rev-parse --short=7 HEAD~1):.llmchecklist: error: a symbolic link to 'real.toml', not a file"
  assert_not_contains "$err" "TOML"
  assert_eq "null data null" \
    "$(json '"\(.commits[0].error) \(.commits[1].error.kind) \(.commits[2].error)"')"
}

run_tests "$@"
