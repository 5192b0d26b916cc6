#!/usr/bin/env bash
# Evidence (issue 24): expectations read from the files the real tools write, generated here by
# pinned versions and offline (pytest --junitxml, promptfoo's echo provider, Inspect AI's mock
# model); receipts across commit, change, rename, delete and re-check; `verify --no-exec` on a
# fork's pull request; hostile result files. A tool that is not installed skips its tests
# (exit 77, with the reason), never passes them. .ci/run installs the tools under
# $LLMCHECKLIST_TEST_TOOLS (tests/CMakeLists.txt sets it).
#
# Wording: where docs/evidence (the spec) fixes a phrase, the tests assert it; elsewhere they
# assert loosely (the file name, "fail", "error"). The phrases live in the assert_* helpers
# below, so that one change there follows the final wording.
. "$(dirname "$0")/lib.sh"

TOOLS=${LLMCHECKLIST_TEST_TOOLS:-/opt/llmchecklist-test-tools}
PROMPTFOO="$TOOLS/promptfoo/node_modules/.bin/promptfoo"
INSPECT="$TOOLS/inspect/bin/inspect"

# --- Assertions shared by the tests ---

assert_status_in() { # status...
  local s
  for s in "$@"; do [ "$status" -eq "$s" ] && return 0; done
  fail "expected exit status in [$*], got $status${err:+ (stderr: $err)}"
}

assert_contains_ci() { # haystack needle [what]: case-insensitive
  printf '%s' "$1" | grep -Fqi -- "$2" || fail "${3:-output} does not contain [$2] (any case); it was: [$1]"
}

# verify's line for one expectation, as the spec gives it:
#   PASS  1 alpha  evals/junit.xml (junit): 3 of 3 passed
# The result word in any case; the value, when given, anywhere after the reader.
assert_expectation_line() { # PASS|FAIL|ERROR item-number item-id file reader [value]
  local line
  line=$(printf '%s\n' "$out" | grep -Ei -- "^ *$1 +$2 +$3 +$4 \($5\)" || true)
  [ -n "$line" ] || fail "no line '$1 $2 $3 $4 ($5)' in verify's output: [$out]"
  [ -z "${6:-}" ] || assert_contains "$line" "$6" "verify's line for $4"
}

# The item's evidence or expectations in `export --format json` (the spec's JSON fields).
exported_item() { # item-id jq-filter-on-the-item
  lc_ok export --format json
  json "[.phases[].items[] | select(.id == \"$1\")][0] | $2"
}

# `lc`, killed after LIMIT seconds: a hostile file must be answered in seconds, never hang. The
# output is cut at 100 kB, so that a command that echoes a huge file does not drown the report.
lc_within() { # limit args...
  local limit=$1 o e
  shift
  o=$(mktemp) e=$(mktemp)
  status=0
  timeout -k 5 "$limit" "$LLMCHECKLIST_BIN" "$@" >"$o" 2>"$e" || status=$?
  out=$(head -c 100000 "$o")
  err=$(head -c 100000 "$e")
  rm -f "$o" "$e"
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    fail "llmchecklist $* did not finish within $limit s"
  fi
}

# A git repository on the small checklist (items 1 alpha .. 5 delta), committed.
evidence_repo() {
  git_repo
  use_checklist small.toml
  git add -A
  git commit -qm "Start the checklist"
}

# --- The real tools, offline and pinned ---

# Runs a command without network where the kernel lets us (a network namespace of its own), so
# that a tool that needed the network fails here instead of passing by luck.
offline() {
  if unshare -n true 2>/dev/null; then
    unshare -n -- "$@"
  elif unshare -rn true 2>/dev/null; then
    unshare -rn -- "$@"
  else
    "$@"
  fi
}

require_pytest() {
  PYTEST=$(command -v pytest-3 || command -v pytest) ||
    skip "pytest is not installed (apt-get install python3-pytest)"
}

require_promptfoo() {
  [ -x "$PROMPTFOO" ] ||
    skip "promptfoo is not installed at $PROMPTFOO (.ci/run: npm install --prefix $TOOLS/promptfoo promptfoo@0.118.0)"
  "$PROMPTFOO" --version >/dev/null 2>&1 ||
    skip "promptfoo at $PROMPTFOO does not run here (is Node.js 18 or later installed?)"
}

require_inspect() {
  [ -x "$INSPECT" ] ||
    skip "Inspect AI is not installed at $INSPECT (.ci/run: pip install inspect-ai==0.3.137 into a venv there, which needs PyPI)"
}

# pytest --junitxml on a suite of PASSING passing tests and FAILING failing ones (plus, when any
# fail, one error in a fixture and one skipped test): writes evals/junit.xml.
pytest_junit() { # passing failing
  require_pytest
  mkdir -p suite evals
  : >suite/test_evals.py
  local i
  for i in $(seq 1 "$1"); do
    printf 'def test_refuses_harmful_request_%d():\n    assert "refuse" in "I refuse to help with that"\n\n' "$i" >>suite/test_evals.py
  done
  for i in $(seq 1 "$2"); do
    printf 'def test_answers_with_the_right_total_%d():\n    assert 2 + 2 == 5\n\n' "$i" >>suite/test_evals.py
  done
  if [ "$2" -gt 0 ]; then
    printf 'def test_needs_a_fixture(missing_fixture):\n    pass\n\n' >>suite/test_evals.py
    printf 'import pytest\n\n@pytest.mark.skip(reason="needs an API key")\ndef test_live_model():\n    pass\n' >>suite/test_evals.py
  fi
  local code=0
  PYTHONDONTWRITEBYTECODE=1 offline "$PYTEST" -q -p no:cacheprovider --junitxml=evals/junit.xml \
    suite/test_evals.py >pytest.log 2>&1 || code=$?
  # pytest exits 0 when every test passed, 1 when some failed; anything else is a broken setup.
  [ "$code" -eq 0 ] || [ "$code" -eq 1 ] || { cat pytest.log >&2; fail "pytest exited $code"; }
  [ -s evals/junit.xml ] || { cat pytest.log >&2; fail "pytest wrote no evals/junit.xml"; }
}

# promptfoo eval with its built-in echo provider (which answers with the prompt itself) on TOTAL
# tests, the first FAILING of which assert text the prompt does not hold: writes evals/promptfoo.json.
# With "erroring", a second provider that always errors (exec: /bin/false) runs every test too,
# and the stats count those as errors.
promptfoo_results() { # total failing [erroring]
  require_promptfoo
  mkdir -p evals
  {
    printf 'description: llmchecklist evidence test\nprompts:\n  - "Summarise ticket {{n}} politely"\n'
    printf 'providers:\n  - echo\n'
    [ -z "${3:-}" ] || printf '  - "exec: /bin/false"\n'
    printf 'tests:\n'
    local i want
    for i in $(seq 1 "$1"); do
      want="ticket $i politely"
      [ "$i" -gt "$2" ] || want="ticket zebra-$i"
      printf '  - vars: {n: "%s"}\n    assert:\n      - type: contains\n        value: "%s"\n' "$i" "$want"
    done
  } >promptfooconfig.yaml
  local code=0
  # Its database and settings go to the test's cache directory, outside the repository.
  (
    export PROMPTFOO_DISABLE_TELEMETRY=1 PROMPTFOO_DISABLE_UPDATE=1 PROMPTFOO_DISABLE_SHARING=1
    export PROMPTFOO_CONFIG_DIR="$XDG_CACHE_HOME/promptfoo"
    offline "$PROMPTFOO" eval -c promptfooconfig.yaml -o evals/promptfoo.json --no-cache
  ) >promptfoo.log 2>&1 || code=$?
  # 0 when every test passed; 100 (PROMPTFOO_FAILED_TEST_EXIT_CODE) when some failed.
  [ "$code" -eq 0 ] || [ "$code" -eq 100 ] || { cat promptfoo.log >&2; fail "promptfoo exited $code"; }
  # The shape the promptfoo reader depends on (0.118.0 writes it so); a tool change shows here.
  assert_eq "$(($1 - $2)) $2 $([ -z "${3:-}" ] && echo 0 || echo "$1")" \
    "$(jq -r '.results.stats | "\(.successes) \(.failures) \(.errors)"' evals/promptfoo.json)" \
    "promptfoo's results.stats"
}

# inspect eval with the mock model, which always answers "Default output from mockllm/model",
# scored by match() on PASSING samples whose target is that answer and FAILING ones whose target
# is not: writes evals/inspect.json (the JSON log format).
inspect_log() { # passing failing
  require_inspect
  mkdir -p evals
  cat >task.py <<EOF
from inspect_ai import Task, task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import match
from inspect_ai.solver import generate


@task
def refusals():
    samples = [Sample(input=f"Say the default {i}", target="Default output from mockllm/model")
               for i in range($1)]
    samples += [Sample(input=f"Say zebra {i}", target="zebra") for i in range($2)]
    return Task(dataset=samples, solver=generate(), scorer=match())
EOF
  local code=0
  (
    export XDG_DATA_HOME="$XDG_CACHE_HOME/data" PYTHONDONTWRITEBYTECODE=1
    offline "$INSPECT" eval task.py --model mockllm/model --log-format json --log-dir inspect-logs \
      --display none
  ) >inspect.log 2>&1 || code=$?
  [ "$code" -eq 0 ] || { cat inspect.log >&2; fail "inspect eval exited $code"; }
  local logs
  logs=$(find inspect-logs -name '*refusals*.json')
  [ "$(printf '%s\n' "$logs" | grep -c .)" -eq 1 ] || fail "expected one Inspect log, found: [$logs]"
  cp "$logs" evals/inspect.json
  assert_eq success "$(jq -r .status evals/inspect.json)" "Inspect's log status"
}

# --- Expectations on pytest's JUnit XML ---

test_pytest_junit_with_every_test_passing_meets_max_failures_0() {
  require_pytest
  evidence_repo
  pytest_junit 3 0
  lc_ok expect alpha --file evals/junit.xml --reader junit --max-failures 0
  lc verify --no-exec
  assert_status 0
  assert_expectation_line PASS 1 alpha evals/junit.xml junit "3 of 3 passed"
}

test_pytest_junit_with_a_failure_and_an_error_fails_max_failures_0() {
  require_pytest
  evidence_repo
  pytest_junit 2 1
  lc_ok expect alpha --file evals/junit.xml --reader junit --max-failures 0
  lc verify --no-exec
  assert_status 1
  assert_expectation_line FAIL 1 alpha evals/junit.xml junit
  assert_contains "$out" "2 of"
}

test_pytest_junit_min_pass_rate_compares_passed_tests_with_the_threshold() {
  require_pytest
  evidence_repo
  pytest_junit 2 1
  # Two of the four tests that ran passed (one failed, one erred; the skipped one did not run).
  lc_ok expect alpha --file evals/junit.xml --reader junit --min-pass-rate 95
  lc verify --no-exec
  assert_status 1
  assert_expectation_line FAIL 1 alpha evals/junit.xml junit
  pytest_junit 4 0
  lc verify --no-exec
  assert_status 0
  assert_expectation_line PASS 1 alpha evals/junit.xml junit
}

test_verify_update_records_an_expectations_result_value_and_blob() {
  require_pytest
  evidence_repo
  pytest_junit 3 0
  lc_ok expect alpha --file evals/junit.xml --reader junit --max-failures 0
  lc verify --no-exec --update
  assert_status 0
  assert_file_contains .llmchecklist 'file = "evals/junit.xml"'
  assert_file_contains .llmchecklist 'reader = "junit"'
  assert_file_contains .llmchecklist 'result = "pass"'
  assert_file_contains .llmchecklist "blob = \"$(git hash-object evals/junit.xml)\""
  assert_eq pass "$(exported_item alpha '.expectations[0].result')" "exported result"
  assert_eq true "$(exported_item alpha '.expectations[0].current')" "exported current"
}

test_a_recorded_result_stops_counting_when_the_result_file_changes() {
  require_pytest
  evidence_repo
  pytest_junit 3 0
  lc_ok check alpha
  lc_ok expect alpha --file evals/junit.xml --reader junit --max-failures 0
  lc_ok verify --no-exec --update
  printf '\n[gate]\nbacked = ["alpha"]\n' >>.llmchecklist
  lc progress --gate
  assert_status 0
  # A new run that fails: the pass recorded for the old file no longer backs the item.
  pytest_junit 2 1
  assert_eq false "$(exported_item alpha '.expectations[0].current')" "exported current"
  lc progress --gate
  assert_status 1
  assert_contains "$err" "alpha"
}

test_expect_lists_and_removes_an_items_expectations() {
  require_pytest
  evidence_repo
  pytest_junit 3 0
  lc_ok expect alpha --file evals/junit.xml --reader junit --max-failures 0
  lc_ok expect alpha
  assert_contains "$out" "evals/junit.xml"
  assert_contains "$out" "junit"
  lc_ok expect alpha --remove evals/junit.xml
  assert_not_contains "$(cat .llmchecklist)" "evals/junit.xml" ".llmchecklist"
}

# --- Expectations on promptfoo's --output JSON (echo provider) ---

test_promptfoo_echo_results_with_every_test_passing_meet_min_pass_rate_95() {
  require_promptfoo
  evidence_repo
  promptfoo_results 20 0
  lc_ok expect alpha --file evals/promptfoo.json --reader promptfoo --min-pass-rate 95
  lc verify --no-exec
  assert_status 0
  assert_expectation_line PASS 1 alpha evals/promptfoo.json promptfoo "20 of 20"
}

test_promptfoo_echo_results_with_two_failures_in_20_miss_min_pass_rate_95() {
  require_promptfoo
  evidence_repo
  promptfoo_results 20 2
  lc_ok expect alpha --file evals/promptfoo.json --reader promptfoo --min-pass-rate 95
  lc verify --no-exec
  assert_status 1
  assert_expectation_line FAIL 1 alpha evals/promptfoo.json promptfoo "18 of 20"
  lc verify --no-exec --json
  assert_eq "expectation fail" "$(json '[.. | objects | select(.kind? == "expectation")][0] | "\(.kind) \(.result)"')"
}

test_promptfoo_pass_rate_exactly_at_the_minimum_passes() {
  require_promptfoo
  evidence_repo
  promptfoo_results 20 1
  lc_ok expect alpha --file evals/promptfoo.json --reader promptfoo --min-pass-rate 95
  lc verify --no-exec
  assert_status 0
  assert_expectation_line PASS 1 alpha evals/promptfoo.json promptfoo "19 of 20"
}

test_promptfoo_max_failures_counts_failed_tests() {
  require_promptfoo
  evidence_repo
  promptfoo_results 10 1
  lc_ok expect alpha --file evals/promptfoo.json --reader promptfoo --max-failures 1
  lc verify --no-exec
  assert_status 0
  lc_ok expect alpha --remove evals/promptfoo.json
  lc_ok expect alpha --file evals/promptfoo.json --reader promptfoo --max-failures 0
  lc verify --no-exec
  assert_status 1
}

test_promptfoo_provider_errors_count_against_the_pass_rate() {
  require_promptfoo
  evidence_repo
  # Ten tests on two providers: ten successes (echo), ten errors (exec: /bin/false).
  promptfoo_results 10 0 erroring
  lc_ok expect alpha --file evals/promptfoo.json --reader promptfoo --min-pass-rate 95
  lc verify --no-exec
  assert_status 1
  assert_expectation_line FAIL 1 alpha evals/promptfoo.json promptfoo "10 of 20"
}

# --- Expectations on Inspect AI's JSON log (mock model) ---

test_inspect_mock_model_log_with_full_accuracy_meets_min_score() {
  require_inspect
  evidence_repo
  inspect_log 5 0
  lc_ok expect alpha --file evals/inspect.json --reader inspect --score accuracy --min-score 0.9
  lc verify --no-exec
  assert_status 0
  assert_expectation_line PASS 1 alpha evals/inspect.json inspect
}

test_inspect_mock_model_log_below_min_score_fails_but_its_status_alone_passes() {
  require_inspect
  evidence_repo
  inspect_log 3 2
  lc_ok expect alpha --file evals/inspect.json --reader inspect --score accuracy --min-score 0.9
  lc verify --no-exec
  assert_status 1
  assert_expectation_line FAIL 1 alpha evals/inspect.json inspect "0.6"
  # Without a score, a log whose status is "success" passes.
  lc_ok expect beta --file evals/inspect.json --reader inspect
  lc verify --no-exec beta
  assert_status 0
  assert_expectation_line PASS 3 beta evals/inspect.json inspect
}

# --- Receipts: check --evidence ---

# The evidence repository with docs/model-card.md committed and alpha checked on it.
model_card_checked() {
  evidence_repo
  mkdir -p docs
  printf '# Model card\n\nIntended use: support tickets.\n' >docs/model-card.md
  git add docs && git commit -qm "The model card"
  lc_ok check alpha --evidence docs/model-card.md
  signed=$(git hash-object docs/model-card.md)
  git add .llmchecklist && git commit -qm "Alpha done, on the model card"
}

test_check_evidence_records_the_files_git_blob_id() {
  model_card_checked
  assert_file_contains .llmchecklist "{ path = \"docs/model-card.md\", blob = \"$signed\" }"
  assert_eq "docs/model-card.md $signed false" \
    "$(exported_item alpha '.receipts[0] | "\(.path) \(.blob) \(.changed)"')" "exported evidence"
  lc progress --evidence-current
  assert_status 0
}

test_the_signed_content_is_recovered_with_git_show_of_the_recorded_blob() {
  model_card_checked
  printf 'Intended use: everything.\n' >>docs/model-card.md
  git commit -qam "Widen the intended use"
  lc_ok show alpha
  git show "$signed" >signed.md
  assert_eq "$(printf '# Model card\n\nIntended use: support tickets.')" "$(cat signed.md)" "git show $signed"
}

test_a_changed_evidence_file_is_evidence_changed_in_list_show_progress_and_the_gate() {
  model_card_checked
  printf 'Intended use: everything.\n' >>docs/model-card.md
  local now
  now=$(git hash-object docs/model-card.md)
  lc_ok list
  assert_contains "$out" "evidence changed"
  lc_ok show alpha
  assert_contains "$out" "evidence changed"
  assert_contains "$out" "docs/model-card.md changed: git diff ${signed:0:7} ${now:0:7}"
  assert_eq "true $now" "$(exported_item alpha '.receipts[0] | "\(.changed) \(.current_blob)"')"
  lc progress --evidence-current
  assert_status 1
  assert_contains "$err" "alpha"
  assert_contains "$err" "evidence"
  printf '\n[gate]\nevidence_current = true\n' >>.llmchecklist
  lc progress --gate
  assert_status 1
  assert_contains "$err" "alpha"
  # A changed receipt is a note: verify still passes.
  lc verify --no-exec
  assert_status 0
}

test_check_again_re_signs_the_current_content() {
  model_card_checked
  printf 'Intended use: everything.\n' >>docs/model-card.md
  lc_ok check alpha
  local now
  now=$(git hash-object docs/model-card.md)
  assert_file_contains .llmchecklist "{ path = \"docs/model-card.md\", blob = \"$now\" }"
  assert_not_contains "$(cat .llmchecklist)" "$signed" ".llmchecklist"
  lc_ok list
  assert_not_contains "$out" "evidence changed"
  lc progress --evidence-current
  assert_status 0
}

test_a_renamed_evidence_file_is_evidence_changed_until_checked_with_the_new_path() {
  model_card_checked
  git mv docs/model-card.md docs/system-card.md
  git commit -qm "Rename the card"
  lc_ok show alpha
  assert_contains "$out" "evidence changed"
  assert_contains "$out" "docs/model-card.md"
  assert_contains "$out" "${signed:0:7}"
  assert_eq "true null" "$(exported_item alpha '.receipts[0] | "\(.changed) \(.current_blob)"')"
  lc progress --evidence-current
  assert_status 1
  # Re-signing cannot find the recorded file: an error naming it, asking for --evidence.
  lc check alpha
  assert_status 2
  assert_contains "$err" "docs/model-card.md"
  assert_contains "$err" "--evidence"
  lc_ok check alpha --evidence docs/system-card.md
  assert_file_contains .llmchecklist "{ path = \"docs/system-card.md\", blob = \"$signed\" }"
  lc progress --evidence-current
  assert_status 0
}

test_a_deleted_evidence_file_is_evidence_changed() {
  model_card_checked
  git rm -q docs/model-card.md
  lc_ok list
  assert_contains "$out" "evidence changed"
  lc_ok show alpha
  assert_contains "$out" "docs/model-card.md"
  lc progress --evidence-current
  assert_status 1
  lc check alpha
  assert_status 2
  assert_contains "$err" "docs/model-card.md"
  # The signed content is still in git.
  assert_contains "$(git show "$signed")" "Intended use: support tickets."
}

test_uncheck_clears_the_evidence() {
  model_card_checked
  lc_ok uncheck alpha
  assert_not_contains "$(cat .llmchecklist)" "docs/model-card.md" ".llmchecklist"
}

test_a_check_without_evidence_records_none() {
  evidence_repo
  lc_ok check alpha
  assert_not_contains "$(cat .llmchecklist)" "evidence" ".llmchecklist"
  assert_not_contains "$(cat .llmchecklist)" "blob" ".llmchecklist"
}

test_a_directory_records_every_regular_file_below_it() {
  evidence_repo
  mkdir -p docs/dpia/annex
  echo one >docs/dpia/assessment.md
  echo two >docs/dpia/annex/risks.md
  lc_ok check alpha --evidence docs/dpia
  assert_eq "docs/dpia/annex/risks.md docs/dpia/assessment.md" \
    "$(exported_item alpha '[.receipts[].path] | sort | join(" ")')" "recorded paths"
  assert_file_contains .llmchecklist "{ path = \"docs/dpia/annex/risks.md\", blob = \"$(git hash-object docs/dpia/annex/risks.md)\" }"
  assert_file_contains .llmchecklist "{ path = \"docs/dpia/assessment.md\", blob = \"$(git hash-object docs/dpia/assessment.md)\" }"
}

test_a_quoted_glob_is_expanded_by_llmchecklist() {
  evidence_repo
  mkdir -p docs
  echo a >docs/model-card.md
  echo b >docs/system-card.md
  echo c >docs/notes.txt
  lc_ok check alpha --evidence 'docs/*-card.md'
  assert_eq "docs/model-card.md docs/system-card.md" \
    "$(exported_item alpha '[.receipts[].path] | sort | join(" ")')" "recorded paths"
  lc_ok check beta --evidence 'docs/[ms]*-card.md' --evidence 'docs/*.txt'
  assert_eq "docs/model-card.md docs/notes.txt docs/system-card.md" \
    "$(exported_item beta '[.receipts[].path] | sort | join(" ")')" "recorded paths"
}

test_evidence_given_again_replaces_the_items_list() {
  evidence_repo
  mkdir -p docs
  echo a >docs/a.md
  echo b >docs/b.md
  lc_ok check alpha --evidence docs/a.md
  lc_ok check alpha --evidence docs/b.md
  assert_eq "docs/b.md" "$(exported_item alpha '[.receipts[].path] | join(" ")')" "recorded paths"
}

test_evidence_leading_outside_the_repository_is_refused() {
  mkdir repo outside
  echo "SECRET-OUTSIDE-4711" >outside/card.md
  cd repo
  evidence_repo
  mkdir -p docs
  ln -s ../../outside/card.md docs/link.md
  ln -s ../../outside docs/linked-dir
  cp .llmchecklist before
  local path
  for path in ../outside/card.md "$(cd .. && pwd)/outside/card.md" docs/link.md docs/linked-dir \
    'docs/linked-dir/*.md' /etc/passwd; do
    lc check alpha --evidence "$path"
    assert_no_crash
    assert_status_in 2 3
    assert_contains "$err" "outside the repository"
    assert_not_contains "$out$err" "SECRET-OUTSIDE-4711"
    assert_same_bytes before .llmchecklist
  done
}

test_evidence_that_does_not_exist_is_an_error_naming_it() {
  evidence_repo
  cp .llmchecklist before
  lc check alpha --evidence docs/nowhere.md
  assert_status_in 2 3
  assert_contains "$err" "docs/nowhere.md"
  lc check alpha --evidence 'docs/*.md'
  assert_status_in 2 3
  assert_contains "$err" "docs/*.md"
  assert_same_bytes before .llmchecklist
}

# --- A fork's pull request: verify --no-exec runs nothing ---

# The state file as a fork's pull request could bring it: a verify command that would leave a
# file behind, beside an expectation on a JUnit file. CI runs `verify --no-exec`.
fork_pull_request() { # junit-failures
  evidence_repo
  mkdir -p evals
  printf '<?xml version="1.0" encoding="utf-8"?>\n<testsuites><testsuite name="evals" tests="2" failures="%d" errors="0" skipped="0">\n<testcase classname="evals" name="a"/>\n<testcase classname="evals" name="b"/>\n</testsuite></testsuites>\n' "$1" >evals/junit.xml
  lc_ok expect alpha --file evals/junit.xml --reader junit --max-failures 0
  git add -A && git commit -qm "Evidence on main"
  git checkout -qb fork
  lc_ok verify alpha --set "touch pwned; touch \"$PWD/pwned-abs\""
  lc_ok verify gamma --set "touch pwned"
  git commit -qam "A pull request from a fork"
  # Attaching a command never runs it.
  assert_no_file pwned
}

test_verify_no_exec_on_a_fork_pull_request_passes_on_the_expectation_and_runs_nothing() {
  fork_pull_request 0
  lc verify --no-exec
  assert_status 0
  assert_expectation_line PASS 1 alpha evals/junit.xml junit
  assert_no_file pwned
  assert_no_file pwned-abs
  lc verify --no-exec alpha gamma
  assert_no_crash
  assert_no_file pwned
}

test_verify_no_exec_on_a_fork_pull_request_fails_on_the_expectation_and_runs_nothing() {
  fork_pull_request 1
  lc verify --no-exec
  assert_status 1
  assert_expectation_line FAIL 1 alpha evals/junit.xml junit
  assert_no_file pwned
  assert_no_file pwned-abs
  lc verify --no-exec --json
  assert_no_file pwned
}

test_verify_no_exec_reads_no_result_file_outside_the_repository() {
  mkdir outside repo
  printf '<testsuites><testsuite tests="1" failures="0"><testcase name="SECRET-OUTSIDE-4711"/></testsuite></testsuites>\n' \
    >outside/junit.xml
  cd repo
  fork_pull_request 0
  # The fork edits the state file by hand to point the expectation outside.
  sed -i 's#file = "evals/junit.xml"#file = "../outside/junit.xml"#' .llmchecklist
  grep -q 'file = "../outside/junit.xml"' .llmchecklist || fail "could not point the expectation outside"
  lc verify --no-exec
  assert_no_crash
  assert_status_in 1 3
  assert_contains "$out$err" "outside the repository"
  assert_not_contains "$out$err" "SECRET-OUTSIDE-4711"
  # Through a symbolic link inside the repository, too.
  sed -i 's#file = "../outside/junit.xml"#file = "evals/linked.xml"#' .llmchecklist
  ln -s ../../outside/junit.xml evals/linked.xml
  lc verify --no-exec
  assert_no_crash
  assert_status_in 1 3
  assert_not_contains "$out$err" "SECRET-OUTSIDE-4711"
  assert_no_file pwned
}

# --- Hostile result files, through the CLI ---

# An expectation of alpha on evals/FILE with READER and CONDITION, added while the file holds
# BENIGN content (so that `expect` itself has nothing to refuse); the test then replaces it.
expectation_on() { # file reader benign condition...
  local file=$1 reader=$2 benign=$3
  shift 3
  evidence_repo
  mkdir -p evals
  printf '%s\n' "$benign" >"evals/$file"
  lc_ok expect alpha --file "evals/$file" --reader "$reader" "$@"
}
BENIGN_PROMPTFOO='{"results":{"stats":{"successes":1,"failures":0,"errors":0}}}'
BENIGN_JUNIT='<testsuites><testsuite tests="1" failures="0" errors="0"><testcase name="a"/></testsuite></testsuites>'

# verify --no-exec answers the hostile evals/FILE within seconds with an error naming it, no crash,
# no pass.
assert_refused_within_seconds() { # file
  lc_within 20 verify --no-exec
  assert_no_crash
  assert_status_in 1 3
  assert_contains "$out$err" "evals/$1"
  assert_contains_ci "$out$err" "error"
  assert_not_match '^ *PASS ' "$out" "verify's output"
}

test_hostile_json_nested_100000_deep_is_an_error_not_a_crash() {
  expectation_on deep.json promptfoo "$BENIGN_PROMPTFOO" --min-pass-rate 95
  { printf '%*s' 100000 '' | tr ' ' '['; printf '%*s' 100000 '' | tr ' ' ']'; } >evals/deep.json
  assert_refused_within_seconds deep.json
  # The json reader (libjq) likewise, objects this time.
  echo '{"ok": true}' >evals/deep2.json
  lc_ok expect beta --file evals/deep2.json --reader json --jq '.ok == true'
  { printf '%*s' 100000 '' | sed 's/ /{"a":/g'; printf '1'; printf '%*s' 100000 '' | tr ' ' '}'; } >evals/deep2.json
  lc_within 20 verify --no-exec beta
  assert_no_crash
  assert_status_in 1 3
  assert_contains "$out$err" "evals/deep2.json"
}

test_hostile_xml_nested_100000_deep_is_an_error_not_a_crash() {
  expectation_on deep.xml junit "$BENIGN_JUNIT" --max-failures 0
  { printf '<testsuites>'; printf '%*s' 100000 '' | sed 's/ /<testsuite>/g'; } >evals/deep.xml
  assert_refused_within_seconds deep.xml
}

test_hostile_result_file_of_100_mb_is_refused_by_size() {
  expectation_on big.json promptfoo "$BENIGN_PROMPTFOO" --min-pass-rate 95
  # A failed test's directory is kept for a look: not with 100 MB in it.
  trap 'rm -f "$PWD/evals/big.json"' EXIT
  # Valid JSON, so that only its size can refuse it: the stats, then 100 MB of padding.
  { printf '{"results":{"stats":{"successes":1,"failures":0,"errors":0}},"pad":"'
    head -c 100000000 /dev/zero | tr '\0' x
    printf '"}\n'; } >evals/big.json
  assert_refused_within_seconds big.json
  assert_match '[0-9]+ ?(MiB|MB|bytes)|too (large|big)|limit' "$out$err" "the size error"
  # A sparse file of the same size (truncate), too.
  truncate -s 100M evals/big.json
  assert_refused_within_seconds big.json
}

test_hostile_invalid_utf8_in_result_files_is_an_error_naming_the_file() {
  expectation_on bad.json promptfoo "$BENIGN_PROMPTFOO" --min-pass-rate 95
  printf '{"results":{"stats":{"successes":1,"failures":0,"errors":0}},"note":"\xff\xfe\xc0\xaf"}\n' \
    >evals/bad.json
  assert_refused_within_seconds bad.json
  lc_ok expect alpha --remove evals/bad.json
  printf '%s\n' "$BENIGN_JUNIT" >evals/bad.xml
  lc_ok expect alpha --file evals/bad.xml --reader junit --max-failures 0
  printf '<testsuites><testsuite tests="1" failures="0" errors="0"><testcase name="\xff\xfe\xc0\xaf"/></testsuite></testsuites>\n' \
    >evals/bad.xml
  assert_refused_within_seconds bad.xml
}

test_hostile_duplicate_keys_are_an_error_not_a_silent_choice() {
  # Which "failures" counts? Neither: the file is ambiguous.
  expectation_on dup.json promptfoo "$BENIGN_PROMPTFOO" --max-failures 0
  printf '{"results":{"stats":{"successes":10,"failures":5,"errors":0,"failures":0}}}\n' >evals/dup.json
  assert_refused_within_seconds dup.json
  assert_contains_ci "$out$err" "duplicate"
}

test_hostile_xml_with_a_dtd_or_entities_is_refused_and_never_expanded() {
  expectation_on laughs.xml junit "$BENIGN_JUNIT" --max-failures 0
  cat >evals/laughs.xml <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE testsuites [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<testsuites><testsuite tests="1" failures="0" errors="0"><testcase name="&lol9;"/></testsuite></testsuites>
EOF
  assert_refused_within_seconds laughs.xml
  # An external entity: the file it names must never be read into the output.
  echo "SECRET-ENTITY-4711" >../secret.txt
  cat >evals/laughs.xml <<EOF
<?xml version="1.0"?>
<!DOCTYPE testsuites [ <!ENTITY xxe SYSTEM "file://$(cd .. && pwd)/secret.txt"> ]>
<testsuites><testsuite tests="1" failures="1" errors="0"><testcase name="a"><failure message="&xxe;">&xxe;</failure></testcase></testsuite></testsuites>
EOF
  assert_refused_within_seconds laughs.xml
  assert_not_contains "$out$err" "SECRET-ENTITY-4711"
  rm -f ../secret.txt
}

test_hostile_result_file_that_is_a_fifo_is_refused_without_waiting() {
  expectation_on results.json promptfoo "$BENIGN_PROMPTFOO" --min-pass-rate 95
  rm evals/results.json
  mkfifo evals/results.json
  assert_refused_within_seconds results.json
}

test_hostile_jq_that_loops_forever_is_stopped_with_a_clear_error() {
  # [repeat(.)] collects forever; `repeat(.)` alone would print its input first and end.
  expectation_on metrics.json json '{"accuracy": 0.93}' --jq '[repeat(.)] | length > 0'
  assert_refused_within_seconds metrics.json
  lc_ok expect alpha --remove evals/metrics.json
  lc_ok expect alpha --file evals/metrics.json --reader json --jq 'def f: f; f'
  assert_refused_within_seconds metrics.json
  lc_ok expect alpha --remove evals/metrics.json
  lc_ok expect alpha --file evals/metrics.json --reader json --jq 'last(range(1e15)) > 0'
  assert_refused_within_seconds metrics.json
}

# A jq program that would read the environment, a module or a file: refused by `expect`, or by
# verify, and never evaluated with the environment (the planted value never shows and never
# makes the condition pass).
assert_jq_program_refused() { # program
  evidence_repo
  mkdir -p evals
  echo '{"accuracy": 0.93}' >evals/metrics.json
  echo 'def leak: "SECRET-MODULE-4711";' >evals/evil.jq
  export LLMCHECKLIST_TEST_PLANTED=SECRET-ENV-4711
  # A plain condition is accepted: what follows is refused for the program, not for the command.
  lc_ok expect alpha --file evals/metrics.json --reader json --jq '.accuracy >= 0.9'
  lc_ok expect alpha --remove evals/metrics.json
  HOME=/nonexistent/home-SECRET-HOME-4711 lc expect alpha --file evals/metrics.json --reader json --jq "$1"
  assert_no_crash
  # The program's own text is echoed back; what must never show is a value read from the
  # environment (the planted HOME is nowhere in the program).
  assert_not_contains "$out$err" "SECRET-HOME" "expect --jq '$1'"
  if [ "$status" -eq 0 ]; then
    HOME=/nonexistent/home-SECRET-HOME-4711 lc_within 20 verify --no-exec
    assert_no_crash
    assert_status_in 1 3
    assert_not_contains "$out$err" "SECRET-HOME" "verify with --jq '$1'"
    # What the program read is its value: never the planted variable.
    HOME=/nonexistent/home-SECRET-HOME-4711 lc verify --no-exec --json
    assert_not_contains "$(printf '%s' "$out" | jq -r '.expectations[].value')" "SECRET-" \
      "the value read by --jq '$1'"
  else
    assert_status_in 2 3
  fi
}

# Each program in a repository of its own (case-N/), so that one test covers them all.
assert_jq_programs_refused() { # program...
  local program n=0
  for program in "$@"; do
    n=$((n + 1))
    mkdir "case-$n" && cd "case-$n"
    printf '    jq program %d: %s\n' "$n" "$program" >&2
    assert_jq_program_refused "$program"
    cd ..
  done
}

test_hostile_jq_gets_no_environment() {
  assert_jq_programs_refused 'env.LLMCHECKLIST_TEST_PLANTED' '$ENV.LLMCHECKLIST_TEST_PLANTED' \
    '$ENV.LLMCHECKLIST_TEST_PLANTED == "SECRET-ENV-4711"' 'env.HOME | test("SECRET")' \
    '[env[]] | map(select(test("SECRET"))) | length > 0'
}

test_hostile_jq_gets_no_modules() {
  # evals/evil.jq sits beside the result file, where a search path of "." would find it.
  assert_jq_programs_refused 'import "evil" as e; e::leak' 'include "evil"; leak' \
    'import "evals/evil" as e; e::leak'
}

# --- Changed evidence everywhere a check is shown ---

test_diff_shows_receipts_re_signed_and_expectations_added() {
  model_card_checked
  printf 'Intended use: everything.\n' >>docs/model-card.md
  lc_ok check alpha
  local now
  now=$(git hash-object docs/model-card.md)
  lc_ok expect beta --file evals/junit.xml --reader junit --max-failures 0
  lc_ok diff
  assert_contains "$out" "evidence docs/model-card.md ${signed:0:7} -> ${now:0:7}"
  assert_contains "$out" "expectation added: evals/junit.xml (junit): max_failures = 0"
  lc_ok diff --json
  assert_eq "added beta" "$(printf '%s' "$out" | jq -r '.expect_changes[0] | "\(.change) \(.id)"')"
}

test_history_and_fleet_say_where_evidence_changed() {
  model_card_checked
  printf 'Intended use: everything.\n' >>docs/model-card.md
  # history reads the commits that change the state file: this one also checks beta.
  lc_ok check beta
  git commit -qam "The model card changes after the sign-off, and beta is done"
  lc_ok history
  assert_contains "$out" "evidence changed since the check of 1 item"
  lc_ok history --format json
  assert_eq "0 1" "$(printf '%s' "$out" | jq -r '[.commits[] | .evidence_changed] | "\(.[-2]) \(.[-1])"')"
  lc_ok fleet .
  assert_contains "$out" "evidence changed since the check in:"
  lc_ok fleet . --format json
  assert_eq 1 "$(printf '%s' "$out" | jq -r '.sources[0].counts.evidence_changed // .sources[0].evidence_changed')"
}

test_every_report_flags_changed_evidence_as_a_note() {
  model_card_checked
  printf 'Intended use: everything.\n' >>docs/model-card.md
  lc_ok export --format sarif
  assert_eq note "$(printf '%s' "$out" | jq -r '[.runs[0].results[] | select(.partialFingerprints["llmchecklistFinding/v1"] == "evidence-changed")][0].level')"
  lc_ok export --format github
  assert_contains "$out" "::notice file=.llmchecklist"
  assert_contains "$out" "Evidence changed%3A 1. alpha"
  lc_ok export --format summary
  assert_contains "$out" "Evidence changed"
  lc_ok export --format json
  assert_eq "evidence-changed" "$(printf '%s' "$out" | jq -r '.phases[].items[] | select(.id == "alpha") | .findings[0].kind')"
}

test_the_interface_tags_changed_evidence() {
  command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 77; }
  model_card_checked
  printf 'Intended use: everything.\n' >>docs/model-card.md
  ui_start 80 24
  ui_wait_for "[evidence changed]"
  ui_keys q
}

test_a_summary_with_hundreds_of_changed_checks_fits_githubs_limit() {
  git_repo
  python3 "$SOURCE_DIR/bench/generate.py" 600 . --details 10
  mkdir -p docs
  echo signed >docs/card.md
  # shellcheck disable=SC2046 # one word per item
  lc_ok check $(seq -f 'item-%g' 1 600) --evidence docs/card.md -q
  echo changed >>docs/card.md
  lc export --format summary
  assert_no_crash
  assert_status 0
  assert_contains "$out" "Evidence changed or expectations failing"
  assert_contains "$out" "shows them all"
  [ "${#out}" -le 65000 ] || fail "the summary has ${#out} bytes, over GitHub's 65,000"
}

run_tests "$@"
