# Harness for end-to-end tests: sourced by each tests/e2e/test_*.sh.
#
# Each test is a shell function named test_*; `run_tests` runs them all, each in a fresh
# temporary directory that is its working directory, and reports "N passed, N failed".
# `lc ARGS...` runs the real binary and records its exit status in $status, stdout in $out and
# stderr in $err. Assertions print what was expected and what came, then fail the test.

set -u
: "${LLMCHECKLIST_BIN:?set LLMCHECKLIST_BIN to the llmchecklist binary}"
: "${TESTS_DIR:?set TESTS_DIR to the tests directory}"
FIXTURES="$TESTS_DIR/fixtures"
GOLDEN="$TESTS_DIR/golden"

# A predictable environment: no user config, no colour, a fixed clock for golden files.
export LC_ALL=C.UTF-8
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL=/dev/null
export LLMCHECKLIST_NOW=2026-11-28T12:00:00Z
unset LLMCHECKLIST_FILE NO_COLOR
export HOME="${TMPDIR:-/tmp}"

status=0
out=""
err=""
_failures=0

lc() {
  local o e
  o=$(mktemp) e=$(mktemp)
  # `|| status=$?`: under the tests' `set -e` a failing command must be recorded, not end the test.
  status=0
  "$LLMCHECKLIST_BIN" "$@" >"$o" 2>"$e" || status=$?
  out=$(cat "$o")
  err=$(cat "$e")
  rm -f "$o" "$e"
}

# The last command ended as a program should, crash-free, whatever it was given.
assert_no_crash() {
  [ "$status" -le 128 ] || fail "crashed with status $status (stderr: $err)"
  assert_not_contains "$err" "terminate called" "stderr"
  assert_not_contains "$err" "Sanitizer" "stderr"
}

fail() {
  printf '    FAIL: %s\n' "$*" >&2
  return 1
}

assert_status() {
  [ "$status" -eq "$1" ] || fail "expected exit status $1, got $status${err:+ (stderr: $err)}"
}

assert_eq() { # expected actual [what]
  [ "$1" = "$2" ] || fail "${3:-value}: expected [$1], got [$2]"
}

assert_contains() { # haystack needle [what]
  case "$1" in
  *"$2"*) ;;
  *) fail "${3:-output} does not contain [$2]; it was: [$1]" ;;
  esac
}

assert_not_contains() {
  case "$1" in
  *"$2"*) fail "${3:-output} contains [$2]; it was: [$1]" ;;
  esac
}

assert_file_eq() { # expected-file actual-file
  diff -u "$1" "$2" >&2 || fail "$2 differs from $1"
}

assert_no_file() { [ ! -e "$1" ] || fail "$1 should not exist"; }

# jq filter over $out: `json '.done'`.
json() { printf '%s' "$out" | jq -r "$1"; }

# A fresh git repository in the current directory, with an identity.
git_repo() {
  git init -q -b main .
  git config user.name "Ada Lovelace"
  git config user.email "ada@example.org"
  git config commit.gpgsign false
}

# A git repository with a committed state file (every item todo) and a README on main.
repo_with_state() {
  git_repo
  echo "project" >README.md
  lc_ok init
  git add README.md .llmchecklist .gitignore
  git commit -qm "Start the checklist"
}

# Ends the current test as skipped (exit 77, which CTest reports as skipped): for a test that
# cannot run on this machine. Never pass a test that did not run.
skip() { # reason
  printf '    SKIPPED: %s\n' "$*" >&2
  exit 77
}

# Runs the test named $1, or every test_* function of the script when none is named, each in a
# fresh temporary directory that is its working directory. CMake registers each function as a
# test of its own (tests/CMakeLists.txt), so that a skip is reported as one. Exits 0 when all
# that ran passed, 77 when every one was skipped, 1 when any failed.
run_tests() {
  local passed=0 skipped=0 name dir code names
  names=${1:-$(declare -F | awk '{print $3}' | grep '^test_')}
  for name in $names; do
    declare -F "$name" >/dev/null || { printf 'no test named %s\n' "$name" >&2; return 1; }
    dir=$(mktemp -d)
    # Not inside `if`: bash ignores set -e there, and an assertion must end its test.
    (
      cd "$dir" || exit 1
      # Each test has its own compiled cache, beside its directory so that listings of the
      # directory do not see it.
      export XDG_CACHE_HOME="$dir.cache"
      set -e
      "$name"
    )
    code=$?
    # A terminal test's tmux server (tmux_ in this file) ends with its test.
    [ -S "$dir/.tmux-socket" ] && tmux -S "$dir/.tmux-socket" kill-server 2>/dev/null
    if [ "$code" -eq 0 ]; then
      passed=$((passed + 1))
      rm -rf "$dir" "$dir.cache"
    elif [ "$code" -eq 77 ]; then
      skipped=$((skipped + 1))
      rm -rf "$dir" "$dir.cache"
      printf 'SKIPPED: %s\n' "$name" >&2
    else
      _failures=$((_failures + 1))
      printf 'FAILED: %s (left in %s)\n' "$name" "$dir" >&2
    fi
  done
  printf '%d passed, %d skipped, %d failed\n' "$passed" "$skipped" "$_failures"
  [ "$_failures" -eq 0 ] || exit 1
  [ "$passed" -gt 0 ] || [ "$skipped" -eq 0 ] || exit 77
}

# --- Helpers added for the e2e suites (test_<area>.sh) ---

# `lc` and expect exit 0: for setup steps whose failure would make the rest meaningless.
lc_ok() {
  lc "$@"
  [ "$status" -eq 0 ] || fail "llmchecklist $* exited $status${err:+ (stderr: $err)}"
}

assert_match() { # extended-regex text [what]
  printf '%s\n' "$2" | grep -Eq -- "$1" || fail "${3:-output} does not match /$1/; it was: [$2]"
}

assert_file_contains() { # file needle
  [ -f "$1" ] || fail "$1 does not exist"
  assert_contains "$(cat "$1")" "$2" "$1"
}

# Byte-for-byte equality of two files (cmp, then a diff to show why).
assert_same_bytes() { # expected actual
  cmp -s "$1" "$2" || { diff -u "$1" "$2" >&2; fail "$2 is not byte-identical to $1"; }
}

# Compare a file with tests/golden/NAME. UPDATE_GOLDEN=1 rewrites the golden file instead (then
# review the diff before committing it).
assert_golden() { # name actual-file
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$2" "$GOLDEN/$1"
    return 0
  fi
  [ -f "$GOLDEN/$1" ] || fail "no golden file $GOLDEN/$1 (run with UPDATE_GOLDEN=1 to create it)"
  assert_same_bytes "$GOLDEN/$1" "$2"
}

# Every file below the current directory (hidden ones too), one per line, sorted: to prove that
# a command wrote nothing.
tree_listing() { find . -mindepth 1 -not -path './.git/*' -not -path './.git' | LC_ALL=C sort; }

# Copies a checklist fixture into the current directory and makes the state file use it.
use_checklist() { # fixture-name (in tests/fixtures/checklists)
  cp "$FIXTURES/checklists/$1" .
  lc_ok init --checklist "$1"
}

assert_not_match() { # extended-regex text [what]
  if printf '%s\n' "$2" | grep -Eq -- "$1"; then
    fail "${3:-output} matches /$1/; it was: [$2]"
  fi
}

# --- Running the binary on a real terminal, inside tmux ---

# Skips the test (exit 77, reported as skipped) when tmux is not installed.
require_tmux() { command -v tmux >/dev/null || skip "tmux is not installed"; }

# A tmux server of the test's own (its socket in the test directory), so that tests never touch
# the user's sessions and parallel tests never see each other's.
tmux_() { tmux -S "$PWD/.tmux-socket" "$@"; }

# Runs the shell command $3 in a new WIDTH x HEIGHT terminal and waits for it to finish; $screen
# then holds the screen as shown, $joined the same with lines the terminal wrapped joined.
tmux_screen() { # width height command
  local done_file="$PWD/.tmux-done"
  rm -f "$done_file"
  tmux_ kill-server 2>/dev/null || true
  tmux_ new-session -d -x "$1" -y "$2" \
    "export LC_ALL=C.UTF-8 TERM=xterm-256color LLMCHECKLIST_NOW=$LLMCHECKLIST_NOW; $3; touch '$done_file'; sleep 60"
  local deadline=$((SECONDS + 20))
  while [ ! -e "$done_file" ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "tmux: '$3' did not finish"
    sleep 0.05
  done
  screen=$(tmux_ capture-pane -p)
  joined=$(tmux_ capture-pane -pJ)
  tmux_ kill-server 2>/dev/null || true
}

# The screen tmux_screen captured fits WIDTH columns: no line longer, none wrapped.
assert_fits() { # width what
  assert_eq "$(printf '%s\n' "$joined" | wc -l)" "$(printf '%s\n' "$screen" | wc -l)" "$2: lines wrapped by the terminal"
  local longest
  longest=$(printf '%s\n' "$screen" | wc -L)
  [ "$longest" -le "$1" ] || fail "$2: a line of $longest columns at width $1"
}

# $1 with the lines a command fitted to 80 columns joined again: each line that starts with
# spaces continues the one before it.
unwrapped() { printf '%s\n' "$1" | sed -E ':a;N;$!ba;s/\n +/ /g'; }

# --- Driving `llmchecklist ui` inside tmux ---

# Starts the interface in a WIDTH x HEIGHT terminal of the test's own tmux server, in the
# current directory, with the given arguments; waits for its first full screen.
ui_start() { # width height [args...]
  require_tmux
  local width=$1 height=$2
  shift 2
  tmux_ kill-server 2>/dev/null || true
  tmux_ new-session -d -x "$width" -y "$height" \
    "export LC_ALL=C.UTF-8 TERM=xterm-256color LLMCHECKLIST_NOW=$LLMCHECKLIST_NOW; cd '$PWD'; '$LLMCHECKLIST_BIN' ui $*; echo \"ui exited \$?\"; sleep 600"
  ui_wait_for "q quit"
}

# The screen as text.
ui_screen() { tmux_ capture-pane -p; }

# Sends keys (tmux key names: j, Enter, Escape, Space ...) to the interface.
ui_keys() { tmux_ send-keys "$@"; }

# Waits (up to 10 s) until the screen shows TEXT; fails with the screen when it never does.
ui_wait_for() { # text
  local deadline=$((SECONDS + 10))
  while :; do
    screen=$(ui_screen 2>/dev/null || true)
    case "$screen" in *"$1"*) return 0 ;; esac
    [ "$SECONDS" -lt "$deadline" ] || fail "the screen never showed [$1]; it was:
$screen"
    sleep 0.05
  done
}

# Waits until the screen no longer shows TEXT.
ui_wait_for_not() { # text
  local deadline=$((SECONDS + 10))
  while :; do
    screen=$(ui_screen 2>/dev/null || true)
    case "$screen" in *"$1"*) ;; *) return 0 ;; esac
    [ "$SECONDS" -lt "$deadline" ] || fail "the screen still shows [$1]:
$screen"
    sleep 0.05
  done
}

# Waits until file $1 contains $2.
wait_for_file() { # file text
  local deadline=$((SECONDS + 10))
  until grep -qF -- "$2" "$1" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$1 never held [$2]"
    sleep 0.05
  done
}

# Stops the test's tmux server.
ui_stop() { tmux_ kill-server 2>/dev/null || true; }

# Waits until the interface is waiting for the state file's lock (after a key, while another
# process holds it): it then sleeps between tries, where waiting for a key it polls the
# terminal. Skips the test where /proc does not say what a process waits in.
ui_wait_for_lock_wait() {
  local shell pid deadline=$((SECONDS + 10))
  shell=$(tmux_ display-message -p '#{pane_pid}')
  while :; do
    pid=$(pgrep -P "$shell" | head -1)
    if [ -n "$pid" ]; then
      [ -r "/proc/$pid/wchan" ] || skip "no /proc/PID/wchan to see the interface wait"
      case "$(cat "/proc/$pid/wchan" 2>/dev/null)" in *nanosleep*) return 0 ;; esac
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "the interface never waited for the lock"
    sleep 0.01
  done
}

# Holds the state file's lock (as another llmchecklist process would) in the background until
# the file `release` appears, then copies $1 over the state file and lets the lock go. Returns
# once the lock is held.
hold_lock_then_write() { # state-file-to-write
  rm -f held release
  flock .llmchecklist.lock -c "touch held
    for i in \$(seq 400); do [ -e release ] && break; sleep 0.05; done
    cp '$1' .llmchecklist" &
  local deadline=$((SECONDS + 10))
  until [ -e held ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the lock was never taken"
    sleep 0.02
  done
}
