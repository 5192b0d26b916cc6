#!/usr/bin/env bash
# Hostile and unusual files (issue 8): each gets a clear error naming file, line and column, or
# is handled correctly; never a crash, never a damaged or changed state file, never a temporary
# or lock file left behind. Fixtures are in tests/fixtures/hostile-files/; the large ones are
# generated here (bench/generate.py and a few shell loops), never committed.
. "$(dirname "$0")/lib.sh"

HOSTILE="$FIXTURES/hostile-files"

# --- Helpers ---

# A crash is a signal (status above 128) or a C++ runtime abort; a data or I/O error is neither.
assert_no_crash() {
  [ "$status" -le 128 ] || fail "crashed with status $status (stderr: $err)"
  assert_not_contains "$err" "terminate called" "stderr"
  assert_not_contains "$err" "Sanitizer" "stderr"
}

# No temporary (.NAME.tmp-XXXXXX) or lock (NAME.lock) file left in directory $1 (default .).
assert_no_leftovers() { # [directory]
  local left
  left=$(find "${1:-.}" -mindepth 1 -maxdepth 1 \( -name '.*.tmp-*' -o -name '*.lock' \) | sort)
  assert_eq "" "$left" "temporary or lock files left in ${1:-.}"
}

# The caret line under a diagnostic: COLUMN-1 spaces, then ^.
caret_at() { printf '%*s^' "$(($1 - 1))" ''; }

# Asserts that $err is a data error at "$1:$2: error: " whose message contains $3, followed by
# the source line and a caret under the column.
assert_located_error() { # path line:col message
  assert_contains "$err" "$1:$2: error: " "stderr"
  assert_contains "$err" "$3" "stderr"
  assert_eq "$(caret_at "${2#*:}")" "$(printf '%s\n' "$err" | sed -n 3p)" "caret line"
}

# Installs fixture $1 as the state file (with small.toml beside it), then runs reading and
# writing commands on it: each must be a data error at $PWD/.llmchecklist:$2 containing $3,
# with the state file byte-identical and nothing left behind.
expect_state_data_error() { # fixture line:col message
  cp "$FIXTURES/small.toml" .
  cp "$HOSTILE/$1" .llmchecklist
  cp .llmchecklist before
  local args
  for args in "list" "progress --json" "check 2" "check --na why 3" "uncheck 1" "show 1"; do
    # shellcheck disable=SC2086
    lc $args
    assert_no_crash
    assert_status 3
    assert_located_error "$PWD/.llmchecklist" "$2" "$3"
    assert_same_bytes before .llmchecklist
    assert_no_leftovers
  done
}

# Points a state file at checklist fixture $1 (copied here) and asserts a data error at
# $PWD/$1:$2 containing $3 for reading and writing commands and for lint, with nothing written.
expect_checklist_data_error() { # fixture line:col message
  cp "$HOSTILE/$1" .
  printf 'format = 1\nchecklist = "%s"\n' "$1" >.llmchecklist
  cp .llmchecklist before
  local args
  for args in "list" "progress --json" "check 1" "show 1"; do
    # shellcheck disable=SC2086
    lc $args
    assert_no_crash
    assert_status 3
    assert_located_error "$PWD/$1" "$2" "$3"
    assert_same_bytes before .llmchecklist
    assert_no_leftovers
  done
  lc lint "$1"
  assert_no_crash
  assert_status 3
  assert_contains "$out$err" "$1:$2: " "lint output"
  # init refuses it before writing anything. (In a git repository, so that the checklist one
  # directory up is inside the repository.)
  git init -q .
  mkdir fresh
  lc -C fresh --file .llmchecklist init --checklist "../$1"
  assert_no_crash
  assert_status 3
  assert_contains "$err" "$1:$2: error: "
  assert_eq "" "$(ls -A fresh)" "files created by init"
}

# Runs the binary as an unprivileged user, as lc does: directory permissions do not stop root,
# so the read-only directory case needs a user they apply to. Returns 1 when that is impossible.
lc_unprivileged() {
  if [ "$(id -u)" -ne 0 ]; then
    lc "$@"
    return 0
  fi
  command -v setpriv >/dev/null || return 1
  local o e
  o=$(mktemp) e=$(mktemp)
  chmod 666 "$o" "$e"
  status=0
  setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$LLMCHECKLIST_BIN" "$@" \
    >"$o" 2>"$e" || status=$?
  out=$(cat "$o")
  err=$(cat "$e")
  rm -f "$o" "$e"
}

# --- Truncated TOML ---

test_a_truncated_state_file_is_a_data_error_at_the_end_of_the_file() {
  # Line 10 is `note = "cut off in the midd` (27 characters) with no newline: the end is column 28.
  expect_state_data_error truncated-state.llmchecklist 10:28 "the file ends inside a string: its closing quote is missing"
}

test_a_truncated_checklist_is_a_data_error_at_the_end_of_the_file() {
  # The file stops after "stops" (line 24) inside a multi-line string.
  expect_checklist_data_error truncated-checklist.toml 24:6 "the file ends inside a string: its closing quote is missing"
}

# --- Wrong value types ---

test_a_wrong_value_type_in_the_state_file_is_a_data_error_at_the_value() {
  expect_state_data_error wrong-type-state.llmchecklist 7:12 \
    "expected an integer for 'revision', found a string"
}

test_a_wrong_value_type_in_a_checklist_is_a_data_error_at_the_value() {
  expect_checklist_data_error wrong-type-checklist.toml 18:8 \
    "expected an array for 'tags', found a string"
}

# --- Unknown keys ---

test_an_unknown_key_in_the_state_file_is_a_data_error_at_the_key() {
  expect_state_data_error unknown-key-state.llmchecklist 10:1 "unknown key 'reviewed_by'"
}

test_an_unknown_key_in_a_checklist_is_a_data_error_at_the_key() {
  expect_checklist_data_error unknown-key-checklist.toml 12:1 "unknown key 'owner'"
}

# --- Duplicate tables ---

test_a_duplicate_items_table_in_the_state_file_is_a_data_error_at_the_second_one() {
  expect_state_data_error duplicate-table-state.llmchecklist 15:1 "alpha"
}

test_a_duplicate_checklist_table_in_a_checklist_is_a_data_error_at_the_second_one() {
  expect_checklist_data_error duplicate-table-checklist.toml 8:1 "checklist"
}

# --- A state file for another checklist, a missing checklist, an unknown built-in ---

test_a_state_file_for_another_checklist_keeps_the_foreign_entries_as_orphans() {
  cp "$FIXTURES/small.toml" .
  cp "$HOSTILE/other-checklist.llmchecklist" .llmchecklist
  lc list
  assert_no_crash
  assert_status 0
  assert_contains "$err" "orphaned" "stderr of list"
  assert_contains "$err" "quality-bar" "stderr of list"
  assert_contains "$err" "smaller-model-check" "stderr of list"
  lc progress
  assert_no_crash
  assert_status 0
  assert_contains "$err" "orphaned" "stderr of progress"
  assert_contains "$err" "quality-bar" "stderr of progress"
  lc progress --json
  assert_status 0
  assert_eq '["quality-bar","smaller-model-check"]' "$(json '.orphaned | tojson')"
  # Only the checklist's own entries count.
  assert_eq "1 5" "$(json '"\(.done) \(.total)"')"

  lc_ok check beta
  # Both foreign entries survive the rewrite, every field as recorded.
  assert_contains "$(cat .llmchecklist)" '[items.quality-bar]
status = "done"
revision = 1
by = "Bob <bob@example.org>"
at = 2025-06-01T08:00:00Z
note = "docs/quality-bar.md"'
  assert_contains "$(cat .llmchecklist)" '[items.smaller-model-check]
status = "na"
note = "only one model fits"'
  lc list --json
  assert_status 0
  assert_eq '["quality-bar","smaller-model-check"]' "$(json '.orphaned | tojson')"
  assert_eq "done done" "$(json '[.phases[].items[] | select(.id == "alpha" or .id == "beta") | .status] | join(" ")')"
  assert_no_leftovers
}

test_a_state_file_naming_a_missing_checklist_file_is_an_io_error_naming_both_files() {
  cp "$HOSTILE/missing-checklist.llmchecklist" .llmchecklist
  cp .llmchecklist before
  local args
  for args in "list" "progress --json" "check 1" "uncheck 1"; do
    # shellcheck disable=SC2086
    lc $args
    assert_no_crash
    assert_status 4
    assert_contains "$err" "$PWD/lists/missing.toml" "stderr of '$args'"
    assert_contains "$err" "$PWD/.llmchecklist:2:13" "stderr of '$args'"
    assert_same_bytes before .llmchecklist
    assert_no_leftovers
  done
  assert_no_file lists
}

test_a_state_file_naming_an_unknown_built_in_checklist_is_a_data_error_at_the_name() {
  expect_state_data_error unknown-builtin.llmchecklist 2:13 "llm-deployment-v9"
  assert_contains "$err" "builtin:llm-deployment" "the known built-in checklists"
}

# --- Size: 100 000 items, 50 MB files ---

test_a_checklist_with_100000_items_is_counted_and_checked() {
  # Short details keep the file at about 20 MB; the item count is what this case is about.
  python3 "$SOURCE_DIR/bench/generate.py" 100000 . --details 10
  lc progress --json
  assert_no_crash
  assert_status 0
  assert_eq "100000 50000" "$(json '"\(.total) \(.done)"')"
  # item-7 is done already (re-recorded), item-8 is todo.
  lc check item-7 item-8
  assert_no_crash
  assert_status 0
  assert_no_leftovers
  assert_eq 100000 "$(grep -c '^\[items\.item-[0-9]*\]$' .llmchecklist)" "entries in the state file"
  lc progress --json
  assert_status 0
  assert_eq "100000 50001 []" "$(json '"\(.total) \(.done) \(.orphaned // [] | tojson)"')"
  lc show item-8 --json
  assert_status 0
  assert_eq "done" "$(json .status)"
}

test_a_state_file_with_a_50_mb_comment_is_read_and_rewritten() {
  cp "$FIXTURES/small.toml" .
  lc_ok init --checklist small.toml
  { printf '# '; head -c 52428800 /dev/zero | tr '\0' 'x'; printf '\n'; } >>.llmchecklist
  lc list --json
  assert_no_crash
  assert_status 0
  lc check alpha
  assert_no_crash
  assert_status 0
  assert_no_leftovers
  lc list --json
  assert_status 0
  assert_eq "done" "$(json '.phases[0].items[0].status')"
}

test_a_50_mb_note_in_the_state_file_is_kept_on_rewrite() {
  cp "$FIXTURES/small.toml" .
  printf 'format = 1\nchecklist = "small.toml"\n\n[items.beta]\nstatus = "done"\nnote = "' >.llmchecklist
  head -c 52428800 /dev/zero | tr '\0' 'n' >>.llmchecklist
  printf '"\n' >>.llmchecklist
  lc check alpha
  assert_no_crash
  assert_status 0
  assert_no_leftovers
  lc show beta --json
  assert_status 0
  assert_eq "52428800 done" "$(json '"\(.note | length) \(.status)"')"
  lc show alpha --json
  assert_eq "done" "$(json .status)"
}

test_a_checklist_with_50_mb_of_details_is_read_and_checked() {
  cp "$FIXTURES/small.toml" small.toml
  {
    sed -n '1,/^details = "Gamma details."$/p' small.toml | sed '$d'
    printf 'details = "'
    head -c 52428800 /dev/zero | tr '\0' 'g'
    printf '"\n'
    sed -n '/^details = "Gamma details."$/,$p' small.toml | sed 1d
  } >big.toml
  lc_ok init --checklist big.toml
  lc check gamma
  assert_no_crash
  assert_status 0
  assert_no_leftovers
  lc show gamma --json
  assert_status 0
  assert_eq "52428800 done" "$(json '"\(.details | length) \(.status)"')"
}

test_a_50_mb_state_file_of_nul_bytes_is_a_data_error_at_the_start() {
  head -c 52428800 /dev/zero >.llmchecklist
  cp .llmchecklist before
  lc check 1
  assert_no_crash
  assert_status 3
  assert_contains "$err" "$PWD/.llmchecklist:1:1: error: "
  assert_same_bytes before .llmchecklist
  assert_no_leftovers
}

test_a_50_mb_unterminated_note_is_a_data_error_at_its_end_without_echoing_the_line() {
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n\n[items.quality-bar]\nstatus = "done"\nnote = "' >.llmchecklist
  head -c 52428800 /dev/zero | tr '\0' 'n' >>.llmchecklist
  cp .llmchecklist before
  lc check 2
  assert_no_crash
  assert_status 3
  # `note = "` is 8 characters, then 52428800 more: the end of the file is column 52428809.
  assert_contains "$err" "$PWD/.llmchecklist:6:52428809: error: "
  # The diagnostic stays readable: not the 50 MB line.
  [ "${#err}" -lt 10000 ] || fail "stderr is ${#err} bytes long"
  assert_same_bytes before .llmchecklist
  assert_no_leftovers
}

# --- Invalid UTF-8: the column is that of the first byte that is not UTF-8 ---

test_invalid_utf8_in_a_state_file_string_is_a_data_error_at_the_byte() {
  # Line 7 is `note = "caf\xE9 menu reviewed"`: the Latin-1 byte is column 12.
  expect_state_data_error invalid-utf8-state.llmchecklist 7:12 "invalid UTF-8"
}

test_invalid_utf8_at_the_start_of_a_line_is_reported_on_that_line() {
  # Line 7 starts with the byte 0xE9: column 1 of line 7, not the end of line 6.
  expect_state_data_error invalid-utf8-line-start.llmchecklist 7:1 "invalid UTF-8"
}

test_invalid_utf8_in_a_checklist_is_a_data_error_at_the_byte() {
  # Line 4 is `title = "Caf\xE9 checklist"`: the byte is column 13.
  expect_checklist_data_error invalid-utf8-checklist.toml 4:13 "invalid UTF-8"
}

test_invalid_utf8_diagnostics_print_valid_utf8() {
  cp "$FIXTURES/small.toml" .
  cp "$HOSTILE/invalid-utf8-state.llmchecklist" .llmchecklist
  lc list
  assert_status 3
  # The source line is echoed with the bad byte replaced, so the terminal gets valid text.
  printf '%s' "$err" | iconv -f UTF-8 -t UTF-8 >/dev/null || fail "stderr is not valid UTF-8: [$err]"
}

# --- Byte-order mark and CRLF ---

test_a_utf8_bom_on_the_state_file_is_read_and_kept_after_check() {
  cp "$FIXTURES/small.toml" .
  cp "$HOSTILE/bom.llmchecklist" .llmchecklist
  lc list --json
  assert_no_crash
  assert_status 0
  assert_eq "done todo" "$(json '[.phases[0].items[0,1].status] | join(" ")')"
  lc_ok check alpine
  assert_no_leftovers
  assert_eq "efbbbf" "$(head -c 3 .llmchecklist | od -An -tx1 | tr -d ' \n')" "first three bytes"
  # Exactly one BOM, and the rest is the normal file.
  assert_eq 0 "$(tail -c +4 .llmchecklist | grep -c $'\xef\xbb\xbf' || true)" "BOMs after the first"
  tail -c +4 .llmchecklist >rest
  lc_ok --file rest list --json
  assert_eq "done done" "$(json '[.phases[0].items[0,1].status] | join(" ")')"
  lc_ok list --json
  assert_eq "done done" "$(json '[.phases[0].items[0,1].status] | join(" ")')"
}

test_a_data_error_in_a_bom_state_file_counts_columns_after_the_bom() {
  cp "$FIXTURES/small.toml" .
  { printf '\xef\xbb\xbf'; cat "$HOSTILE/wrong-type-state.llmchecklist"; } >.llmchecklist
  cp .llmchecklist before
  lc check 2
  assert_no_crash
  assert_status 3
  assert_located_error "$PWD/.llmchecklist" 7:12 "expected an integer for 'revision'"
  assert_same_bytes before .llmchecklist
  assert_no_leftovers
}

test_a_crlf_state_file_is_read_and_written_back_with_crlf() {
  cp "$FIXTURES/small.toml" .
  # As a Windows checkout with core.autocrlf=true leaves the committed file.
  sed 's/$/\r/' "$HOSTILE/alpha-done.llmchecklist" >.llmchecklist
  lc list --json
  assert_no_crash
  assert_status 0
  assert_eq "done" "$(json '.phases[0].items[0].status')"
  lc_ok check beta --note "evidence"
  assert_no_leftovers
  assert_eq 0 "$(grep -vc $'\r$' .llmchecklist || true)" "lines without CR"
  # No lone LF anywhere, and no doubled CR.
  assert_eq "$(wc -l <.llmchecklist)" "$(grep -c $'\r$' .llmchecklist)" "CRLF lines"
  assert_eq 0 "$(grep -c $'\r\r' .llmchecklist || true)" "doubled CRs"
  assert_contains "$(cat .llmchecklist)" $'[items.beta]\r\nstatus = "done"\r\n'
  lc_ok list --json
  assert_eq 'done|evidence' "$(json '.phases[0].items[2] | "\(.status)|\(.note)"')"
}

test_a_crlf_checklist_is_read_without_carriage_returns_in_its_text() {
  sed 's/$/\r/' "$HOSTILE/multiline-checklist.toml" >crlf.toml
  printf 'format = 1\nchecklist = "crlf.toml"\n' >.llmchecklist
  lc list --json
  assert_no_crash
  assert_status 0
  assert_eq "first second" "$(json '[.phases[].items[].id] | join(" ")')"
  lc show second --json
  assert_status 0
  # A multi-line string's line ends are the text's, not the file's.
  assert_eq '"First line.\nSecond line.\n"' "$(json '.details | tojson')"
  assert_eq '"Both lines are there."' "$(json '.done_when | tojson')"
  lc_ok check second
  assert_no_leftovers
  lc_ok list --json
  assert_eq "todo done" "$(json '[.phases[].items[].status] | join(" ")')"
  # lint finds in it what it finds in the LF original, at the same places.
  cp "$HOSTILE/multiline-checklist.toml" lf.toml
  lc lint lf.toml
  local expected="$out$err"
  lc lint crlf.toml
  assert_no_crash
  assert_eq "${expected//lf.toml/crlf.toml}" "$out$err" "lint of the CRLF file"
}

# --- Symbolic links ---

test_a_state_file_that_is_a_symlink_is_written_through_and_stays_a_link() {
  mkdir shared
  # The built-in checklist, so that nothing depends on where relative paths resolve.
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n' >shared/state.toml
  ln -s shared/state.toml .llmchecklist
  lc check 3 --note "through the link"
  assert_no_crash
  assert_status 0
  [ -L .llmchecklist ] || fail ".llmchecklist is no longer a symbolic link"
  assert_eq "shared/state.toml" "$(readlink .llmchecklist)" "link target"
  if [ -L shared/state.toml ] || [ ! -f shared/state.toml ]; then
    fail "the target is not a regular file"
  fi
  assert_contains "$(cat shared/state.toml)" 'note = "through the link"'
  assert_no_leftovers
  assert_no_leftovers shared
  lc show 3 --json
  assert_eq "done|through the link" "$(json '"\(.status)|\(.note)"')"
}

test_a_state_file_symlink_to_another_directory_keeps_its_temporaries_out_of_both() {
  mkdir -p repo elsewhere
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n' >elsewhere/state.toml
  ln -s "$PWD/elsewhere/state.toml" repo/.llmchecklist
  lc -C repo check 1
  assert_no_crash
  assert_status 0
  [ -L repo/.llmchecklist ] || fail "repo/.llmchecklist is no longer a symbolic link"
  assert_eq "$PWD/elsewhere/state.toml" "$(readlink repo/.llmchecklist)" "link target"
  assert_eq "state.toml" "$(ls -A elsewhere)" "files beside the target"
  assert_eq ".llmchecklist" "$(ls -A repo)" "files beside the link"
  lc_ok -C repo list --json
  assert_eq "done" "$(json '.phases[0].items[0].status')"
}

# --- Read-only file and directory ---

test_a_read_only_state_file_is_refused_with_an_io_error_even_as_root() {
  git_repo
  lc_ok check 1
  chmod 444 .llmchecklist
  cp -p .llmchecklist before
  lc check 2
  assert_no_crash
  # Root may write anything, but a 0444 file says "keep this": the tool must refuse for root too.
  assert_status 4
  assert_contains "$err" ".llmchecklist" "stderr"
  assert_same_bytes before .llmchecklist
  assert_eq 444 "$(stat -c %a .llmchecklist)" "mode"
  assert_no_leftovers
  lc uncheck 1
  assert_status 4
  assert_same_bytes before .llmchecklist
  assert_no_leftovers
}

test_a_read_only_state_file_is_refused_for_an_unprivileged_user() {
  chmod 755 .
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n' >.llmchecklist
  chmod 444 .llmchecklist
  cp .llmchecklist before
  chmod 777 . # writable directory: only the file's mode protects it
  lc_unprivileged check 2 || { echo "    (skipped: cannot run as an unprivileged user)"; return 0; }
  chmod 755 .
  assert_no_crash
  assert_status 4
  assert_contains "$err" "$PWD/.llmchecklist" "stderr"
  assert_same_bytes before .llmchecklist
  assert_no_leftovers
}

test_a_read_only_directory_is_refused_with_an_io_error_for_an_unprivileged_user() {
  # Directory permissions do not bind root (it may create files in a 0555 directory), so this
  # runs the binary as nobody when the tests run as root.
  chmod 755 .
  mkdir ro
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n' >ro/.llmchecklist
  chmod 666 ro/.llmchecklist
  cp ro/.llmchecklist before
  chmod 555 ro
  lc_unprivileged -C ro check 2 || {
    chmod 755 ro
    echo "    (skipped: cannot run as an unprivileged user)"
    return 0
  }
  local listing
  listing=$(ls -A ro)
  chmod 755 ro
  assert_no_crash
  assert_status 4
  assert_contains "$err" "$PWD/ro/.llmchecklist" "stderr"
  assert_same_bytes before ro/.llmchecklist
  assert_eq ".llmchecklist" "$listing" "files in the read-only directory"
}

# --- --file in a missing directory ---

test_check_with_file_in_a_missing_directory_fails_and_creates_nothing() {
  lc check --file missing/dir/.llmchecklist 1
  assert_no_crash
  assert_status 4
  assert_contains "$err" "missing/dir" "stderr"
  assert_eq "" "$(ls -A)" "files created"
  lc --file missing/dir/.llmchecklist check 1
  assert_status 4
  assert_eq "" "$(ls -A)" "files created"
}

test_reading_commands_refuse_a_named_state_file_that_does_not_exist() {
  # Only the implicit default may be absent: a named file that is not there is a typo, and
  # reading it as "nothing done" would let a report or a gate pass on nothing.
  local args
  for args in "list --json" "progress --json" "show 1" "export" "progress --min 0" "verify"; do
    # shellcheck disable=SC2086
    lc --file missing/dir/.llmchecklist $args
    assert_no_crash
    assert_status 4
    assert_contains "$err" "missing/dir/.llmchecklist does not exist (named by --file)"
    LLMCHECKLIST_FILE=missing.llmchecklist lc $args
    assert_status 4
    assert_contains "$err" "missing.llmchecklist does not exist (named by LLMCHECKLIST_FILE)"
  done
  assert_eq "" "$(ls -A)" "files created"
  # The writers may still create it.
  lc_ok --file new.llmchecklist check 1 -q
  assert_file_contains new.llmchecklist '[items.quality-bar]'
}

test_a_read_only_directory_is_refused_even_as_root() {
  mkdir -p rd/s
  cd rd/s
  git_repo
  lc_ok check 1
  cp -p .llmchecklist ../before
  chmod 555 .
  lc check 2
  chmod 755 .
  assert_no_crash
  assert_status 4
  assert_contains "$err" "read-only"
  assert_same_bytes ../before .llmchecklist
  assert_no_leftovers
}

run_tests
