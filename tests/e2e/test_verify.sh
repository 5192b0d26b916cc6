#!/usr/bin/env bash
# verify: evidence commands, run for real: passing, failing, hanging, noisy, in parallel, and
# --update's rules for manual and automated checks.
. "$(dirname "$0")/lib.sh"

test_a_passing_command_passes_and_a_failing_one_fails_with_its_last_lines() {
  git_repo
  touch retention.md
  lc verify 2 --set "test -f retention.md"
  assert_status 0
  lc verify 4 --set "echo first line; echo second line >&2; exit 3"
  lc verify
  assert_status 1
  assert_contains "$out" "pass    2 cost-at-scale"
  assert_contains "$out" "FAIL    4 structured-output  exit 3"
  assert_contains "$out" "    | first line"
  assert_contains "$out" "    | second line"
  assert_contains "$err" "1 of 2 commands passed"
  lc verify 2
  assert_status 0
}

test_commands_run_from_the_state_file_directory() {
  git_repo
  lc check 1 -q
  lc verify 1 --set 'pwd > where.txt'
  mkdir -p deep/er && cd deep/er
  lc verify 1
  assert_status 0
  cd ../..
  assert_eq "$PWD" "$(cat where.txt)"
}

test_a_hanging_command_is_killed_at_its_timeout_with_its_whole_process_group() {
  git_repo
  lc verify 6 --set 'sleep 300 & echo $! > child.pid; sleep 300'
  lc verify 6 --timeout 1
  assert_status 1
  assert_contains "$out" "TIMEOUT 6 fine-tuning-baseline  killed at the 1 s limit"
  child=$(cat child.pid)
  # Gone, or a zombie waiting for init to reap it: either way no longer running.
  sleep 0.2
  state=$(awk '{print $3}' "/proc/$child/stat" 2>/dev/null || echo gone)
  if [ "$state" != gone ] && [ "$state" != Z ]; then
    kill "$child"
    fail "the command's background child survived the timeout (state $state)"
  fi
}

# Whether process $1 still runs (a zombie waiting to be reaped does not count).
process_runs() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo gone)
  [ "$state" != gone ] && [ "$state" != Z ]
}

# Waits up to 10 s for file $1 to hold a process id.
wait_for_pid_file() {
  local tries=0
  until [ -s "$1" ]; do
    tries=$((tries + 1))
    [ "$tries" -lt 200 ] || fail "$1 never appeared"
    sleep 0.05
  done
}

test_a_daemon_that_leaves_the_session_is_killed_at_the_timeout() {
  git_repo
  # setsid puts the daemon in a session and process group of its own, and the double fork
  # (the subshell's &) hands it to init: the command's process group no longer holds it.
  lc verify 6 --set '(setsid sh -c "echo \$\$ > daemon.pid; exec sleep 300" </dev/null >/dev/null 2>&1 &); sleep 300'
  lc verify 6 --timeout 2
  assert_status 1
  assert_contains "$out" "TIMEOUT 6 fine-tuning-baseline  killed at the 2 s limit"
  wait_for_pid_file daemon.pid
  local daemon
  daemon=$(cat daemon.pid)
  if process_runs "$daemon"; then
    kill "$daemon"
    fail "the setsid daemon survived the timeout"
  fi
}

test_a_daemon_left_by_a_finished_command_is_ended_with_it() {
  git_repo
  # The command passes at once and leaves a daemon holding nothing of ours: it is ended too,
  # so that a CI job is not left with processes a pull request started.
  lc verify 6 --set '(setsid sh -c "echo \$\$ > daemon.pid; exec sleep 300" </dev/null >/dev/null 2>&1 &); until [ -s daemon.pid ]; do sleep 0.05; done'
  lc verify 6 --timeout 30
  assert_status 0
  wait_for_pid_file daemon.pid
  local daemon
  daemon=$(cat daemon.pid)
  if process_runs "$daemon"; then
    kill "$daemon"
    fail "the daemon outlived its command"
  fi
}

test_a_command_starting_with_a_dash_or_plus_runs_as_a_command_not_as_shell_options() {
  git_repo
  # Taken as options, sh would refuse both ("-c requires an argument", "illegal option"); as
  # commands, the first word is not found and the rest runs.
  lc verify 1 --set '-e; touch minus-ran'
  lc verify 2 --set '+x; touch plus-ran'
  lc verify 1 2
  assert_status 0
  [ -f minus-ran ] || fail "a command starting with - was not run as a command"
  [ -f plus-ran ] || fail "a command starting with + was not run as a command"
}

test_a_noisy_command_does_not_cost_memory_for_its_output() {
  git_repo
  # Peak memory of the tool running a quiet command, then one that prints 50 MB: the
  # difference is what the output costs (compared, not absolute, so sanitizer builds pass too).
  peak_kb() {
    python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$LLMCHECKLIST_BIN" verify 1
  }
  lc verify 1 --set 'echo quiet; exit 1'
  quiet_kb=$(peak_kb)
  lc verify 1 --set 'head -c 50000000 /dev/zero | tr "\0" x; echo; echo the end; exit 1'
  noisy_kb=$(peak_kb)
  [ "$noisy_kb" -lt $((quiet_kb + 10000)) ] ||
    fail "peak memory $noisy_kb KB for 50 MB of output, against $quiet_kb KB for a quiet command"
  lc verify 1
  assert_status 1
  assert_contains "$out" "    | the end"
}

# Each command waits until all four have started: they pass only if they run at once.
rendezvous='touch started.$$; for i in $(seq 40); do [ "$(ls started.* | wc -l)" -ge 4 ] && exit 0; sleep 0.05; done; exit 1'

test_commands_run_in_parallel_up_to_jobs() {
  git_repo
  for item in 1 2 3 4; do lc verify "$item" --set "$rendezvous"; done
  lc verify --jobs 4 --timeout 30
  assert_status 0
  assert_contains "$err" "4 of 4 commands passed"
}

test_with_one_job_commands_run_one_at_a_time() {
  git_repo
  for item in 1 2 3 4; do lc verify "$item" --set "$rendezvous"; done
  lc verify --jobs 1 --timeout 30
  assert_status 1
  # The first waits alone and gives up; only the last, started after the other three, passes.
  assert_contains "$out" "FAIL    1 quality-bar"
  assert_contains "$err" "1 of 4 commands passed"
}

test_update_checks_passing_items_and_unchecks_failing_automated_ones_only() {
  git_repo
  touch evidence
  lc verify 1 --set "test -f evidence"   # todo, will pass: becomes done by verify
  lc verify 2 --set "test -f evidence"   # checked by hand, will fail later: stays done
  lc verify 3 --set "test -f missing"    # todo, fails: stays todo
  lc check 2 --note "reviewed by hand" -q
  lc check 4 --na "not relevant" -q
  lc verify 4 --set "test -f missing"    # n/a: left alone
  lc verify --update
  assert_status 1
  assert_contains "$out" "checked 1 quality-bar (verified)"
  lc show 1 --json
  assert_eq "done" "$(json .status)"
  assert_eq "llmchecklist verify" "$(json .by)"
  assert_eq "verified by: test -f evidence" "$(json .note)"
  assert_eq "automated" "$(json .evidence)"
  # A manual check whose command passes is backed by it, and keeps who checked it.
  lc show 2 --json
  assert_eq "done automated Ada Lovelace <ada@example.org>" "$(json '.status + " " + .evidence + " " + .by')"

  # The evidence goes away: the automated check goes back to todo, the manual one stays done
  # but is marked failing, the n/a decision is untouched.
  rm evidence
  lc verify --update
  assert_status 1
  assert_contains "$out" "unchecked 1 quality-bar (its verify command failed)"
  lc show 1 --json
  assert_eq "todo" "$(json .status)"
  assert_eq "test -f evidence" "$(json .verify)"
  lc show 2 --json
  assert_eq "done failing reviewed by hand" "$(json '.status + " " + .evidence + " " + .note')"
  lc show 4 --json
  assert_eq "na" "$(json .status)"
  lc progress
  assert_contains "$(printf '%s' "$out" | tr -s ' \n' '  ')" \
    "Automated: 0 of 1 done items are backed by a passing verify command; 1 has a failing one"
  lc list
  assert_contains "$out" "[verify failing]"
}

test_without_update_nothing_is_written() {
  git_repo
  touch evidence
  lc verify 1 --set "test -f evidence"
  cp .llmchecklist before
  lc verify
  assert_status 0
  cmp -s before .llmchecklist || fail "verify without --update changed the state file"
}

test_set_and_unset_edit_the_state_file() {
  git_repo
  lc verify retry-backoff --set 'grep -q max_retries config/llm.yaml'
  assert_status 0
  assert_contains "$(cat .llmchecklist)" $'[items.retry-backoff]\nstatus = "todo"\nverify = "grep -q max_retries config/llm.yaml"'
  lc verify retry-backoff --unset
  assert_status 0
  assert_not_contains "$(cat .llmchecklist)" "verify ="
  lc verify 1 2 --set "true"
  assert_status 2
  lc verify 1 --set "true" --update
  assert_status 2
}

test_verifying_an_item_without_a_command_is_a_usage_error() {
  git_repo
  lc verify 3
  assert_status 2
  assert_contains "$err" "has no verify command"
  lc verify
  assert_status 0
  assert_contains "$err" "no item has a verify command"
}

test_no_other_subcommand_ever_runs_a_command() {
  git_repo
  lc verify 1 --set "touch ran"
  for args in "list" "show 1" "progress" "export --format html" "check 2" "uncheck 2" "list --json"; do
    # shellcheck disable=SC2086
    lc $args
  done
  assert_no_file ran
  lc verify 1
  [ -e ran ] || fail "verify did not run the command"
}

test_a_custom_checklist_gives_default_commands() {
  git_repo
  cat >ours.toml <<'TOML'
[checklist]
id = "ours"
title = "Ours"

[[phases]]
id = "p"
title = "P"

[[phases.items]]
id = "docs"
title = "Write the docs"
verify = "test -f README"

[[phases.items]]
id = "tests"
title = "Write the tests"
TOML
  lc init --checklist ours.toml -q
  lc verify
  assert_status 1
  assert_contains "$out" "FAIL    1 docs"
  touch README
  lc verify --update --json
  assert_status 0
  assert_eq "pass" "$(json '.results[0].result')"
  assert_eq "test -f README" "$(json '.results[0].command')"
  lc show docs --json
  assert_eq "done automated" "$(json '.status + " " + .evidence')"
  # The state's own command overrides the default.
  lc verify docs --set "false"
  lc verify docs
  assert_status 1
}

run_tests "$@"
