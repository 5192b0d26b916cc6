#!/usr/bin/env bash
# The compiled cache ($XDG_CACHE_HOME/llmchecklist): it may only ever save time. Every answer
# with the cache, warm or cold, damaged or missing, equals the answer without it.
. "$(dirname "$0")/lib.sh"

cache_dir() { printf '%s/llmchecklist' "$XDG_CACHE_HOME"; }
entries() { find "$(cache_dir)" -name '*.entry' 2>/dev/null | LC_ALL=C sort; }

# A checklist that extends a file, with a state file using it and a check recorded.
project() {
  cp "$FIXTURES/checklists/small.toml" base.toml
  cat >checklist.toml <<'TOML'
[checklist]
id = "ours"
title = "Our checklist"
version = "1"
description = "Extends base.toml."
extends = "base.toml"

[[phases]]
id = "first"

[[phases.items]]
id = "own"
title = "Our own item"
details = "Own details."
done_when = "Own exists."
TOML
  lc_ok init --checklist checklist.toml -q
  lc_ok check alpha own --note evidence -q
}

# Everything a run can show, as text.
answers() {
  local name
  for args in "list --json" "progress --json" "show own --json" "export --format markdown"; do
    lc $args
    printf '== %s (%s)\n%s\n%s\n' "$args" "$status" "$out" "$err"
  done
}

# The answers without any cache, for comparison.
uncached_answers() { LLMCHECKLIST_NO_CACHE=1 answers; }

test_a_warm_cache_answers_exactly_as_no_cache() {
  project
  local expected cold warm
  expected=$(uncached_answers)
  cold=$(answers)
  [ -n "$(entries)" ] || fail "the first run left no cache entries in $(cache_dir)"
  warm=$(answers)
  assert_eq "$expected" "$cold" "answers with a cold cache"
  assert_eq "$expected" "$warm" "answers with a warm cache"
}

test_no_cache_means_no_cache_directory() {
  project
  rm -rf "$(cache_dir)"
  LLMCHECKLIST_NO_CACHE=1 lc progress
  assert_status 0
  assert_no_file "$(cache_dir)"
}

test_the_cache_lives_under_xdg_cache_home_else_home_dot_cache() {
  project
  lc_ok progress
  [ -n "$(entries)" ] || fail "nothing cached under \$XDG_CACHE_HOME"
  local home
  home=$(mktemp -d)
  (unset XDG_CACHE_HOME; HOME=$home "$LLMCHECKLIST_BIN" progress >/dev/null)
  [ -n "$(find "$home/.cache/llmchecklist" -name '*.entry')" ] ||
    fail "nothing cached under \$HOME/.cache/llmchecklist"
  # A relative XDG_CACHE_HOME is not a cache directory (XDG Base Directory): HOME is used.
  rm -rf "$home/.cache"
  (XDG_CACHE_HOME=relative HOME=$home "$LLMCHECKLIST_BIN" progress >/dev/null)
  assert_no_file relative
  [ -d "$home/.cache/llmchecklist" ] || fail "a relative XDG_CACHE_HOME was not ignored"
  rm -rf "$home"
}

test_a_changed_definition_is_read_again() {
  project
  lc_ok list
  sed -i 's/Our own item/Our renamed item/' checklist.toml
  lc_ok list
  assert_contains "$out" "Our renamed item"
  assert_not_contains "$out" "Our own item"
}

test_a_changed_base_file_is_read_again() {
  project
  lc_ok list
  sed -i 's/Do the alpha thing/Do the new alpha thing/' base.toml
  lc_ok list
  assert_contains "$out" "Do the new alpha thing"
}

test_a_base_file_that_became_invalid_is_reported_not_served_from_cache() {
  project
  lc_ok list
  printf 'this is = = not toml\n' >base.toml
  lc list
  assert_status 3
  assert_contains "$err" "base.toml"
}

test_a_changed_state_file_is_read_again() {
  project
  lc_ok progress --json
  assert_eq 2 "$(json .done)"
  sed -i 's/status = "done"/status = "todo"/' .llmchecklist
  lc_ok progress --json
  assert_eq 0 "$(json .done)"
}

test_a_state_file_edited_into_an_error_is_reported() {
  project
  lc_ok progress
  sed -i 's/status = "done"/status = "finished"/' .llmchecklist
  lc progress
  assert_status 3
  assert_match '\.llmchecklist:[0-9]+:[0-9]+: ' "$err"
}

test_the_same_checklist_at_another_path_is_its_own_entry() {
  project
  lc_ok list --json
  local first=$out
  mkdir sub
  cp base.toml checklist.toml sub/
  (cd sub && "$LLMCHECKLIST_BIN" init --checklist checklist.toml -q)
  # Different bytes in base.toml next to the copy: a cached entry keyed on content alone would
  # answer with the first directory's base.
  sed -i 's/Do the alpha thing/Do the sub alpha thing/' sub/base.toml
  lc_ok -C sub list --json
  assert_contains "$out" "Do the sub alpha thing"
  assert_not_contains "$first" "sub alpha"
}

test_corrupt_entries_are_ignored_and_rebuilt() {
  project
  local expected
  expected=$(uncached_answers)
  rm -rf "$(cache_dir)"
  answers >/dev/null
  assert_eq 1 "$(entries | wc -l)" "entries: the checklist's (states are never cached)"
  local entry kind
  for kind in truncate flip garbage empty; do
    for entry in $(entries); do
      case $kind in
      truncate) truncate -s -7 "$entry" ;;
      flip) # one byte in the middle of the payload
        python3 - "$entry" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[len(data) // 2] ^= 0x20
open(sys.argv[1], "wb").write(data)
PY
        ;;
      garbage) head -c 4096 /dev/urandom >"$entry" ;;
      empty) : >"$entry" ;;
      esac
    done
    assert_eq "$expected" "$(answers)" "answers after $kind"
  done
  # Rebuilt: every entry is whole again, and a further run answers from them.
  for entry in $(entries); do
    assert_eq "llmckc01" "$(head -c 8 "$entry")" "$entry rebuilt"
  done
}

test_foreign_files_in_the_cache_directory_are_left_alone() {
  project
  lc_ok progress
  printf 'not ours\n' >"$(cache_dir)/notes.txt"
  for entry in $(entries); do
    # An entry of another format version: same name, other magic.
    { printf 'llmckc99'; tail -c +9 "$entry"; } >foreign
    mv foreign "$entry"
  done
  lc_ok progress --json
  assert_eq "$(LLMCHECKLIST_NO_CACHE=1 "$LLMCHECKLIST_BIN" progress --json)" "$out"
  assert_eq "not ours" "$(cat "$(cache_dir)/notes.txt")"
}

test_an_unusable_cache_directory_only_costs_speed() {
  project
  local expected
  expected=$(uncached_answers)
  # Where the cache directory would be, a file: nothing can be created there.
  rm -rf "$XDG_CACHE_HOME"
  printf 'a file\n' >"$XDG_CACHE_HOME"
  assert_eq "$expected" "$(answers)" "answers when the cache cannot be created"
  lc check beta -q
  assert_status 0
  assert_eq "a file" "$(cat "$XDG_CACHE_HOME")"
  rm -f "$XDG_CACHE_HOME"
  # A cache directory without write permission (root ignores modes, so this part needs a user).
  if [ "$(id -u)" != 0 ]; then
    mkdir -p "$(cache_dir)"
    chmod 555 "$(cache_dir)"
    assert_eq "$(uncached_answers)" "$(answers)" "answers when the cache is read-only"
    chmod 755 "$(cache_dir)"
  fi
}

test_concurrent_runs_share_the_cache_safely() {
  project
  local expected
  expected=$(LLMCHECKLIST_NO_CACHE=1 "$LLMCHECKLIST_BIN" list --json)
  rm -rf "$(cache_dir)"
  local i
  for i in $(seq 8); do
    "$LLMCHECKLIST_BIN" list --json >"out.$i" &
  done
  wait
  for i in $(seq 8); do
    assert_eq "$expected" "$(cat "out.$i")" "run $i"
  done
  [ -z "$(find "$(cache_dir)" -name '*.tmp-*')" ] || fail "temporary files left in the cache"
}

test_a_large_checklist_is_parsed_once_then_read_from_the_cache() {
  python3 "$SOURCE_DIR/bench/generate.py" 2000 . >/dev/null
  lc_ok progress --json
  local expected=$out
  [ "$(entries | wc -l)" -eq 1 ] || fail "expected an entry for the checklist, and none for the state"
  lc_ok progress --json
  assert_eq "$expected" "$out"
  lc_ok check item-2 -q
  lc_ok progress --json
  assert_eq 1001 "$(json .done)"
  assert_eq "$(LLMCHECKLIST_NO_CACHE=1 "$LLMCHECKLIST_BIN" progress --json)" "$out"
}

run_tests "$@"
