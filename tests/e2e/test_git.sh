#!/usr/bin/env bash
# The state file in git: committed like code, and merged by plain `git merge` without conflicts
# when two branches check different items, adjacent ones included.
. "$(dirname "$0")/lib.sh"

# Runs `llmchecklist ARGS...` on a new branch $1 off main and commits the state file.
on_branch() { # branch args...
  local branch=$1
  shift
  git checkout -q -b "$branch" main
  lc_ok "$@"
  git commit -qam "$branch: llmchecklist $*"
  git checkout -q main
}

# Merges branch $1 into the current branch with plain `git merge`, failing on a conflict.
merge() {
  git merge -q --no-edit "$1" >merge.log 2>&1 || {
    cat merge.log >&2
    git diff >&2
    fail "git merge $1 did not merge cleanly"
  }
  rm -f merge.log
}

done_numbers() {
  lc list --json
  json '[.phases[].items[] | select(.status != "todo") | .number | tostring] | join(" ")'
}

test_git_adjacent_items_checked_on_two_branches_merge_without_conflict() {
  repo_with_state
  on_branch left check 3 --note "docs/cost.md"
  on_branch right check 4 --note "docs/context.md"
  merge left
  merge right
  assert_eq "3 4" "$(done_numbers)"
  assert_eq "" "$(git status --porcelain)" "work tree after the merges"
  assert_eq "" "$(grep -E '^(<<<<<<<|=======|>>>>>>>)' .llmchecklist)" "conflict markers"
}

test_git_merged_state_file_is_the_file_one_branch_would_have_written() {
  mkdir repo single
  cd repo
  repo_with_state
  cp .llmchecklist ../single/
  on_branch left check 3 --note "docs/cost.md"
  on_branch right check 4 --na "inputs are short"
  merge left
  merge right
  # The same checks made one after the other, in another repository.
  (
    cd ../single
    git_repo
    lc_ok check 3 --note "docs/cost.md"
    lc_ok check 4 --na "inputs are short"
  )
  assert_same_bytes ../single/.llmchecklist .llmchecklist
}

test_git_first_and_last_items_on_separate_branches_merge_without_conflict() {
  repo_with_state
  on_branch b1 check 1
  on_branch b2 check 2 --note "two"
  on_branch b39 check 39 --na "not regulated"
  on_branch b40 check 40
  merge b1
  merge b2
  merge b39
  merge b40
  assert_eq "1 2 39 40" "$(done_numbers)"
}

test_git_many_branches_each_checking_one_adjacent_item_merge_without_conflict() {
  repo_with_state
  local n
  for n in 10 11 12 13 14; do
    on_branch "item-$n" check "$n" --note "evidence for $n"
  done
  for n in 12 10 14 11 13; do
    merge "item-$n"
  done
  assert_eq "10 11 12 13 14" "$(done_numbers)"
  lc show 12 --json
  assert_eq "evidence for 12" "$(json .note)"
}

test_git_branches_checking_and_unchecking_neighbours_merge_without_conflict() {
  repo_with_state
  lc_ok check 20 21 --note "before the branches"
  git commit -qam "Check 20 and 21"
  on_branch undo uncheck 20
  on_branch more check 22 --note "added"
  on_branch redo check 21 --note "updated"
  merge undo
  merge more
  merge redo
  assert_eq "21 22" "$(done_numbers)"
  lc show 21 --json
  assert_eq "updated" "$(json .note)"
}

test_git_the_state_file_is_committed_like_code() {
  mkdir repo
  cd repo
  repo_with_state
  lc_ok check 5 --note "docs/structured-output.md"
  # Only the state file changed: no lock file, no temporary file.
  assert_eq " M .llmchecklist" "$(git status --porcelain)"
  git add .llmchecklist
  git commit -qm "Check structured output"
  assert_eq "" "$(git status --porcelain)"
  # Another clone sees the same progress.
  git clone -q . ../clone
  cd ../clone
  lc progress --json
  assert_eq 1 "$(json .done)" "done items in a clone"
}

test_git_the_first_check_in_a_fresh_repository_creates_a_file_to_add() {
  git_repo
  mkdir -p src && cd src
  lc_ok check 1
  cd ..
  assert_eq "?? .llmchecklist" "$(git status --porcelain)"
}

test_git_read_only_commands_keep_the_work_tree_clean() {
  repo_with_state
  lc_ok check 3
  git commit -qam "Check 3"
  lc_ok list
  lc_ok show 3
  lc_ok progress
  lc_ok export --format json
  lc progress --min 90
  assert_eq "" "$(git status --porcelain --ignored)"
}

test_git_the_same_item_checked_differently_on_two_branches_conflicts() {
  # The counterpart of the clean merges: git must not silently pick one of two notes.
  repo_with_state
  on_branch left check 3 --note "left evidence"
  on_branch right check 3 --note "right evidence"
  merge left
  if git merge -q --no-edit right >/dev/null 2>&1; then
    fail "conflicting notes merged silently"
  fi
  git merge --abort
}

run_tests "$@"
