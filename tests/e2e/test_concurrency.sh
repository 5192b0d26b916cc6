#!/usr/bin/env bash
# Many writers at once, and writers killed mid-write: no check is ever lost, the state file
# always parses and holds the old state or the new one, and no temporary files pile up.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?}"

generate() { # items done-fraction
  python3 "$SOURCE_DIR/bench/generate.py" "$1" . --done "$2" --details 200
}

done_count() { "$LLMCHECKLIST_BIN" progress --json | jq .done; }

test_sixty_concurrent_checks_of_different_items_are_all_recorded() {
  generate 60 0
  pids=()
  for i in $(seq 1 60); do
    "$LLMCHECKLIST_BIN" check "item-$i" --note "writer $i" -q 2>"err.$i" &
    pids+=($!)
  done
  failed=0
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=$((failed + 1))
  done
  [ "$failed" -eq 0 ] || fail "$failed writers failed: $(cat err.*)"
  lc progress --json
  assert_eq 60 "$(json .done)" "checks recorded"
  for i in 1 17 42 60; do
    lc show "item-$i" --json
    assert_eq "writer $i" "$(json .note)" "note of item-$i"
  done
  assert_eq "" "$(ls -A | grep -E '\.tmp-|\.lock$' || true)" "leftover files"
}

test_concurrent_checks_and_unchecks_interleave_without_losing_either() {
  generate 60 0
  for i in $(seq 1 30); do "$LLMCHECKLIST_BIN" check "item-$i" -q; done
  for i in $(seq 1 30); do
    "$LLMCHECKLIST_BIN" uncheck "item-$i" -q &
    "$LLMCHECKLIST_BIN" check "item-$((i + 30))" -q &
  done
  wait
  lc list --status done --json
  assert_eq "$(seq -f 'item-%g' 31 60 | paste -sd' ')" "$(json '[.phases[].items[].id] | join(" ")')"
}

test_a_writer_waiting_too_long_for_the_lock_says_so_and_changes_nothing() {
  generate 10 0
  cp .llmchecklist before
  # Hold the lock as another llmchecklist would.
  python3 -c '
import fcntl, os, sys, time
fd = os.open(".llmchecklist.lock", os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
open("held", "w").close()
time.sleep(30)' &
  holder=$!
  while [ ! -e held ]; do sleep 0.05; done
  LLMCHECKLIST_LOCK_TIMEOUT=1 lc check item-1
  kill "$holder"
  assert_status 4
  assert_contains "$err" "timed out waiting for the lock"
  cmp -s before .llmchecklist || fail "the state file changed"
}

test_writers_killed_at_random_moments_never_leave_a_damaged_file() {
  generate 3000 0
  # How long one check takes here, so that kills fall anywhere from start-up to the rename.
  start=$(date +%s%N)
  "$LLMCHECKLIST_BIN" check item-3000 -q
  span_ms=$((($(date +%s%N) - start) / 1000000 + 5))
  recorded=0
  for round in $(seq 1 60); do
    before=$(done_count)
    "$LLMCHECKLIST_BIN" check "item-$round" -q 2>/dev/null &
    pid=$!
    delay_ms=$((RANDOM % span_ms))
    sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    after=$(done_count) || fail "round $round: the state file does not parse"
    [ "$after" -eq "$before" ] || [ "$after" -eq $((before + 1)) ] ||
      fail "round $round: $before done before, $after after: neither the old nor the new state"
    if [ "$after" -gt "$before" ]; then recorded=$((recorded + 1)); fi
    leftovers=$(ls -A | grep -c '\.tmp-' || true)
    [ "$leftovers" -le 1 ] || fail "round $round: $leftovers temporary files piled up"
  done
  # A completed write clears what killed writers left.
  "$LLMCHECKLIST_BIN" check item-2999 -q
  assert_eq "" "$(ls -A | grep -E '\.tmp-|\.lock$' || true)" "leftover files"
  echo "    $recorded of 60 killed writers had finished; the others left the old state"
}

run_tests "$@"
