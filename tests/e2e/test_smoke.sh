#!/usr/bin/env bash
# The commands of README.md's everyday usage, in a git repository.
. "$(dirname "$0")/lib.sh"

test_list_shows_forty_items_in_six_phases() {
  lc list --json
  assert_status 0
  assert_eq 40 "$(json '.total')"
  assert_eq 6 "$(json '.phases | length')"
}

test_check_in_a_subdirectory_creates_the_state_at_the_git_top() {
  git_repo
  mkdir -p a/b && cd a/b
  lc check 3 5 --note "docs/model-choice.md"
  assert_status 0
  [ -f ../../.llmchecklist ] || fail "no state file at the top"
  lc progress --json
  assert_eq 2 "$(json '.done')"
}

run_tests "$@"
