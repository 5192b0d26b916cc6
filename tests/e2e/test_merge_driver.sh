#!/usr/bin/env bash
# The semantic merge driver: `init --git` sets it up, and real `git merge`s of real branches run
# it. Each merge rule has a test: one side only, the same status on both (the later check wins),
# different statuses (a conflict around that item alone), orphans, [gate] and `checklist`.
. "$(dirname "$0")/lib.sh"

# git runs the driver as `llmchecklist merge-driver ...`: put the binary under test on the PATH.
_bin_dir=$(mktemp -d)
trap 'rm -rf "$_bin_dir"' EXIT
ln -s "$LLMCHECKLIST_BIN" "$_bin_dir/llmchecklist"
export PATH="$_bin_dir:$PATH"

# A repository whose state file (every item todo) and .gitattributes are committed on main, with
# the merge driver configured.
repo_with_driver() {
  git_repo
  echo "project" >README.md
  lc_ok init --git
  git add README.md .llmchecklist .gitattributes .gitignore
  git commit -qm "Start the checklist"
}

# Runs `llmchecklist ARGS...` on branch $1 (created off main when new) and commits.
on_branch() { # branch args...
  local branch=$1
  shift
  git checkout -q -B "$branch" "$(git rev-parse --verify -q "$branch" || echo main)"
  lc_ok "$@"
  git commit -qam "$branch: llmchecklist $*"
  git checkout -q main
}

# Merges branch $1 into the current branch, failing on a conflict.
merge() {
  git merge -q --no-edit "$1" >merge.log 2>&1 || {
    cat merge.log >&2
    git diff >&2
    fail "git merge $1 did not merge cleanly"
  }
  rm -f merge.log
}

# Merges branch $1, expecting git to report a conflict; its output is left in $out.
merge_conflicting() {
  status=0
  out=$(git merge --no-edit "$1" 2>&1) || status=$?
  [ "$status" -ne 0 ] || fail "git merge $1 merged cleanly; expected a conflict"
}

markers() { grep -cE '^(<<<<<<<|=======|>>>>>>>)' .llmchecklist || true; }

# The lines of item $1's block: from its comment to the next blank line.
item_block() { sed -n "/^# $1\\. /,/^\$/p" .llmchecklist; }

# --- init --git ---

test_init_git_writes_gitattributes_and_the_driver_config() {
  git_repo
  lc init --git
  assert_status 0
  [ -f .llmchecklist ] || fail "no .llmchecklist"
  assert_eq ".llmchecklist merge=llmchecklist" "$(cat .gitattributes)"
  assert_eq "llmchecklist state merge" "$(git config merge.llmchecklist.name)"
  assert_eq "llmchecklist merge-driver %O %A %B %P" "$(git config merge.llmchecklist.driver)"
  assert_eq ".llmchecklist: merge: llmchecklist" "$(git check-attr merge .llmchecklist)"
  assert_contains "$out" ".gitattributes"
}

test_init_git_twice_adds_the_attribute_once_and_keeps_other_attributes() {
  git_repo
  printf '*.png binary' >.gitattributes
  lc_ok init --git
  lc init --git
  assert_status 0
  assert_eq "*.png binary
.llmchecklist merge=llmchecklist" "$(cat .gitattributes)"
  assert_contains "$out" "kept"
}

test_init_git_on_an_existing_state_file_only_sets_up_git() {
  git_repo
  lc_ok check 3 --note "evidence"
  cp .llmchecklist before
  lc init --git
  assert_status 0
  assert_same_bytes before .llmchecklist
  assert_not_contains "$out" "created"
  assert_eq ".llmchecklist merge=llmchecklist" "$(cat .gitattributes)"
}

test_init_git_with_a_checklist_on_an_existing_state_file_still_needs_force() {
  git_repo
  lc_ok init
  lc init --git --checklist builtin:llm-deployment
  assert_status 2
  assert_contains "$err" "--force"
  assert_no_file .gitattributes
}

test_init_git_outside_a_git_repository_is_refused_and_writes_nothing() {
  lc init --git
  assert_status 2
  assert_contains "$err" "not in a git repository"
  assert_eq "" "$(tree_listing)"
}

test_init_git_for_a_state_file_with_another_name_matches_its_path() {
  git_repo
  mkdir -p config
  lc init --git --file "config/team checklist.toml"
  assert_status 0
  assert_eq "/config/team[[:space:]]checklist.toml merge=llmchecklist" "$(cat .gitattributes)"
  assert_eq "config/team checklist.toml: merge: llmchecklist" \
    "$(git check-attr merge "config/team checklist.toml")"
}

# --- merges in real repositories ---

test_merge_a_check_on_one_side_and_a_verify_command_on_the_other_for_the_same_item() {
  # One side changed the check, the other the command: plain git would conflict on the lines.
  repo_with_driver
  on_branch left check 3 --note "docs/cost.md"
  on_branch right verify 3 --set "test -f docs/cost.md"
  merge left
  merge right
  assert_eq 0 "$(markers)" "conflict markers"
  lc show 3 --json
  assert_eq "done" "$(json .status)"
  assert_eq "docs/cost.md" "$(json .note)"
  assert_eq "test -f docs/cost.md" "$(json .verify)"
  assert_eq "" "$(git status --porcelain)"
}

test_merge_an_item_changed_on_one_side_only_takes_that_side() {
  repo_with_driver
  lc_ok check 3 --note "first"
  git commit -qam "Check 3"
  on_branch left uncheck 3
  on_branch right check 10 --note "ten"
  merge left
  merge right
  lc show 3 --json
  assert_eq "todo" "$(json .status)"
  lc show 10 --json
  assert_eq "ten" "$(json .note)"
}

test_merge_both_sides_done_the_later_check_wins_in_either_direction() {
  repo_with_driver
  LLMCHECKLIST_NOW=2026-11-28T15:00:00Z on_branch later check 3 --note "later evidence"
  LLMCHECKLIST_NOW=2026-11-28T09:00:00Z on_branch earlier check 3 --note "earlier evidence"
  git checkout -q -b into-earlier earlier
  merge later
  lc show 3 --json
  assert_eq "later evidence" "$(json .note)"
  assert_eq "2026-11-28T15:00:00Z" "$(json .at)"
  git checkout -q -b into-later later
  merge earlier
  lc show 3 --json
  assert_eq "later evidence" "$(json .note)"
  # Both directions give the same file.
  assert_eq "" "$(git diff into-earlier into-later -- .llmchecklist)"
}

test_merge_both_sides_na_the_later_decision_wins() {
  repo_with_driver
  LLMCHECKLIST_NOW=2026-11-28T09:00:00Z on_branch left check 7 --na "prompting is enough"
  LLMCHECKLIST_NOW=2026-11-29T09:00:00Z on_branch right check 7 --na "no training data"
  merge left
  merge right
  lc show 7 --json
  assert_eq "na" "$(json .status)"
  assert_eq "no training data" "$(json .note)"
}

test_merge_different_statuses_conflict_with_markers_around_that_item_alone() {
  repo_with_driver
  on_branch left check 2 3 --note "done on the left"
  on_branch right check 2 --na "does not apply"
  merge left
  merge_conflicting right
  assert_contains "$out" "CONFLICT"
  assert_contains "$out" "item 2 cost-at-scale is done on ours, na on theirs"
  assert_eq "UU .llmchecklist" "$(git status --porcelain -- .llmchecklist)"
  assert_eq 3 "$(markers)" "marker lines"
  # The markers enclose item 2's table; its comment and the neighbours are as the writer has them.
  local block
  block=$(sed -n '/^# 2\. /,/^# 3\. /p' .llmchecklist)
  assert_eq "<<<<<<< ours" "$(printf '%s\n' "$block" | sed -n 2p)" "line after item 2's comment"
  assert_contains "$block" '=======
[items.cost-at-scale]
status = "na"'
  assert_contains "$block" 'note = "does not apply"
>>>>>>> theirs

# 3.'
  assert_eq '[items.context-length]
status = "done"' "$(item_block 3 | sed -n 2,3p)"
  # Resolving it by hand, as git asks, gives a valid file again.
  sed -i -e '/^<<<<<<< ours$/,/^=======$/d' -e '/^>>>>>>> theirs$/d' .llmchecklist
  lc show 2 --json
  assert_status 0
  assert_eq "na" "$(json .status)"
}

test_merge_driver_conflict_makes_git_merge_fail_and_leaves_other_changes_merged() {
  repo_with_driver
  on_branch left check 3 --note "left"
  on_branch right check 3 --na "right"
  git checkout -q right
  lc_ok check 12 --note "twelve"
  git commit -qam "right: check 12"
  git checkout -q main
  merge left
  merge_conflicting right
  assert_eq 3 "$(markers)" "marker lines"
  assert_contains "$(item_block 12)" 'note = "twelve"'
  assert_contains "$(git ls-files -u)" ".llmchecklist" "unmerged paths"
}

test_merge_adjacent_items_on_two_branches_gives_the_file_one_branch_would_write() {
  mkdir repo single
  cd repo
  repo_with_driver
  cp .llmchecklist ../single/
  on_branch left check 3 --note "docs/cost.md"
  on_branch right check 4 --na "inputs are short"
  merge left
  merge right
  (
    cd ../single
    git_repo
    lc_ok check 3 --note "docs/cost.md"
    lc_ok check 4 --na "inputs are short"
  )
  assert_same_bytes ../single/.llmchecklist .llmchecklist
}

test_merge_the_same_check_on_both_sides_is_no_conflict() {
  repo_with_driver
  on_branch left check 5 --note "same"
  on_branch right check 5 --note "same"
  git checkout -q right
  lc_ok check 6
  git commit -qam "right: check 6"
  git checkout -q main
  merge left
  merge right
  assert_eq 0 "$(markers)"
  lc show 6 --json
  assert_eq "done" "$(json .status)"
}

test_merge_orphaned_entries_of_both_sides_survive() {
  repo_with_driver
  printf '\n[items.retired-item]\nstatus = "done"\nby = "Ada"\nat = 2026-01-01T00:00:00Z\n' \
    >>.llmchecklist
  git commit -qam "An entry the checklist no longer has"
  git checkout -q -b left
  printf '\n[items.legacy-item]\nstatus = "na"\nnote = "gone too"\n' >>.llmchecklist
  lc_ok check 40
  git commit -qam "left: another orphan, and 40"
  git checkout -q -b right main
  sed -i 's/^by = "Ada"$/by = "Ada Lovelace"/' .llmchecklist
  lc_ok check 39
  git commit -qam "right: fix the orphan's name, and 39"
  git checkout -q main
  merge left
  merge right
  assert_eq 0 "$(markers)"
  assert_contains "$(cat .llmchecklist)" '[items.retired-item]
status = "done"
by = "Ada Lovelace"'
  assert_contains "$(cat .llmchecklist)" '[items.legacy-item]
status = "na"
note = "gone too"'
  lc list --json
  assert_eq "retired-item legacy-item" "$(json '.orphaned | join(" ")')"
  assert_eq "39 40" "$(json '[.phases[].items[] | select(.status != "todo") | .number | tostring] | join(" ")')"
}

test_merge_gate_changes_of_different_keys_merge_and_of_the_same_key_conflict() {
  repo_with_driver
  git checkout -q -b left
  printf '\n[gate]\nmin = 80\n' >>.llmchecklist
  lc_ok check 1
  git commit -qam "left: gate min 80"
  git checkout -q -b right main
  printf '\n[gate]\nall_required = true\n' >>.llmchecklist
  lc_ok check 2
  git commit -qam "right: all required"
  git checkout -q -b other main
  printf '\n[gate]\nmin = 90\n' >>.llmchecklist
  lc_ok check 2
  git commit -qam "other: gate min 90"
  git checkout -q main
  merge left
  merge right
  assert_contains "$(cat .llmchecklist)" '[gate]
min = 80
all_required = true'
  merge_conflicting other
  assert_contains "$out" "[gate]"
  assert_contains "$(cat .llmchecklist)" '<<<<<<< ours
[gate]
min = 80
all_required = true
=======
[gate]
min = 90
>>>>>>> theirs'
}

test_merge_with_a_custom_checklist_lays_out_its_items() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" .
  lc_ok init --git --checklist small.toml
  git add -A
  git commit -qm "Start"
  on_branch left check alpha --note "a"
  on_branch right check alpha --note "b"
  git checkout -q right
  lc_ok check beta
  git commit -qam "right: beta"
  git checkout -q main
  merge left
  merge right
  assert_eq 0 "$(markers)"
  assert_eq 5 "$(grep -c '^\[items\.' .llmchecklist)" "item tables"
  lc show beta --json
  assert_eq "done" "$(json .status)"
}

# --- the driver called directly, as git calls it ---

test_merge_driver_writes_the_result_to_ours_and_exits_0_when_clean() {
  git_repo
  lc_ok init
  cp .llmchecklist base
  lc_ok check 3 --note "ours"
  cp .llmchecklist ours
  cp base .llmchecklist
  lc_ok check 4 --note "theirs"
  cp .llmchecklist theirs
  lc merge-driver base ours theirs .llmchecklist
  assert_status 0
  lc_ok check 3 --note "ours"
  assert_same_bytes .llmchecklist ours
}

test_merge_driver_exits_1_with_markers_when_statuses_differ() {
  git_repo
  lc_ok init
  cp .llmchecklist base
  lc_ok check 2
  cp .llmchecklist ours
  cp base .llmchecklist
  lc_ok check 2 --na "not here"
  cp .llmchecklist theirs
  lc merge-driver base ours theirs
  assert_status 1
  assert_contains "$err" "item 2 cost-at-scale is done on ours, na on theirs"
  assert_eq 1 "$(grep -c '^<<<<<<< ours$' ours)"
}

test_merge_driver_takes_an_empty_base_as_no_common_ancestor() {
  git_repo
  : >base
  lc_ok check 2
  cp .llmchecklist ours
  rm .llmchecklist
  lc_ok check 3
  cp .llmchecklist theirs
  lc merge-driver base ours theirs
  assert_status 0
  assert_contains "$(cat ours)" '[items.context-length]
status = "done"'
  assert_contains "$(cat ours)" '[items.cost-at-scale]
status = "done"'
}

test_merge_driver_reports_a_bad_version_as_a_data_error_and_leaves_ours() {
  git_repo
  lc_ok init
  cp .llmchecklist base
  cp .llmchecklist ours
  printf 'format = 1\n[items.a]\nstatus = "finished"\n' >theirs
  lc merge-driver base ours theirs
  assert_status 3
  assert_contains "$err" "their version of .llmchecklist"
  assert_same_bytes base ours
}

test_merge_driver_needs_three_existing_files() {
  git_repo
  lc merge-driver base ours
  assert_status 2
  : >base
  : >ours
  lc merge-driver base ours missing
  assert_status 2
}

run_tests "$@"
