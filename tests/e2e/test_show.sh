#!/usr/bin/env bash
# llmchecklist show: one item by number, id or prefix, its details and its state.
. "$(dirname "$0")/lib.sh"

test_show_finds_the_same_item_by_number_id_and_unique_prefix() {
  local reference
  for reference in 2 cost-at-scale cost-at "02"; do
    lc show "$reference" --json
    assert_status 0
    assert_eq "cost-at-scale" "$(json '.id')" "show $reference"
    assert_eq 2 "$(json '.number')" "show $reference"
  done
  lc show 40 --json
  assert_eq "system-card" "$(json '.id')"
  lc show 1 --json
  assert_eq "quality-bar" "$(json '.id')"
}

test_show_prefers_an_exact_id_over_longer_ids_it_prefixes() {
  use_checklist small.toml
  # "alpha" is an exact id; "alp" is a prefix of alpha and alpine.
  lc show alpha --json
  assert_status 0
  assert_eq "alpha" "$(json '.id')"
  lc show alpi --json
  assert_status 0
  assert_eq "alpine" "$(json '.id')"
}

test_show_json_is_one_item_with_its_fields() {
  lc show 2 --json
  assert_status 0
  assert_eq object "$(json 'type')"
  assert_eq "cost-at-scale todo recommended" "$(json '"\(.id) \(.status) \(.severity)"')"
  assert_eq 0 "$(json '[.title, .details, .done_when] | map(select(type != "string" or length == 0)) | length')" \
    "title, details and done_when are non-empty strings"
  assert_eq false "$(json 'has("phases")')" "a single item, not a list"
  assert_eq false "$(json 'has("by") or has("at") or has("note")')" "todo has no by/at/note"
  # The same fields as the item in list --json.
  local from_show=$out
  lc list --json
  assert_eq "$(printf '%s' "$from_show" | jq -c '{number, id, title, status, severity, details, done_when}')" \
    "$(json '.phases[].items[] | select(.number == 2) | {number, id, title, status, severity, details, done_when} | tojson')" \
    "show --json against list --json"
}

test_show_json_carries_the_recorded_state() {
  git_repo
  lc_ok check 3 --note "docs/cost.md"
  lc show 3 --json
  assert_status 0
  assert_eq "done|Ada Lovelace <ada@example.org>|2026-11-28T12:00:00Z|docs/cost.md" \
    "$(json '"\(.status)|\(.by)|\(.at)|\(.note)"')"
}

test_show_prints_phase_title_details_done_when_severity_links_and_state() {
  git_repo
  lc_ok check 3 --na "inputs are short and bounded"
  lc show 3
  assert_status 0
  local item
  # The title, wrapped to 80 columns: its first two lines joined.
  item=$(printf '%s' "$out" | head -2 | paste -sd' ')
  lc show 3 --json
  local title details_first_word done_when link
  title=$(json .title) done_when=$(json .done_when) link=$(json '.links[0]')
  details_first_word=$(json '.details | split(" ")[0]')
  lc show 3
  assert_eq "3. $title" "$item" "first line"
  assert_contains "$out" "context-length"
  assert_contains "$out" "Model Selection"
  assert_contains "$out" "recommended"
  assert_contains "$out" "Done when:"
  assert_contains "$(printf '%s' "$out" | tr -s ' \n' '  ')" "$done_when" "done_when (unwrapped)"
  assert_contains "$out" "  $details_first_word "
  assert_contains "$out" "Links:"
  assert_contains "$out" "  $link"
  assert_contains "$(printf '%s' "$out" | tr -s ' \n' '  ')" \
    "not applicable by Ada Lovelace <ada@example.org> at 2026-11-28T12:00:00Z" "status (unwrapped)"
  assert_contains "$out" "inputs are short and bounded"
}

test_show_wraps_details_at_80_columns_when_not_a_terminal() {
  local n long
  for n in $(seq 1 40); do
    lc show "$n"
    assert_status 0
    # From the status line to the links: details, done-when and tags are wrapped text.
    long=$(printf '%s\n' "$out" | sed -n '/^  Status:/,/^Links:/p' | awk 'length($0) > 80')
    assert_eq "" "$long" "lines over 80 columns in show $n"
  done
}

test_show_wrapping_keeps_every_word_of_the_details() {
  lc show 19 --json
  local words
  words=$(json '.details' | tr -s ' \n' '\n\n' | grep -v '^$')
  lc show 19
  assert_eq "$words" \
    "$(printf '%s\n' "$out" | sed -n '/^  Status:/,/^Done when:/p' | sed '1d;$d' | tr -s ' \n' '\n\n' | grep -v '^$')" \
    "words of the details"
  # Paragraphs stay apart: the details of item 19 have more than one.
  assert_eq true "$([ "$(printf '%s\n' "$out" | sed -n '/^  Status:/,/^Done when:/p' | grep -c '^$')" -ge 3 ] && echo true || echo false)" \
    "blank lines between paragraphs"
}

test_show_wraps_details_to_the_terminal_width_on_a_terminal() {
  command -v script >/dev/null || skip "no script(1)"
  script -qec "stty cols 60 rows 50; '$LLMCHECKLIST_BIN' show 3" /dev/null >typescript.txt
  local body
  body=$(tr -d '\r' <typescript.txt | sed 's/\x1b\[[0-9;]*m//g' | sed -n '/^  Status:/,/^Links:/p')
  [ -n "$body" ] || fail "no show output on the terminal: $(cat typescript.txt)"
  assert_eq "" "$(printf '%s\n' "$body" | awk 'length($0) > 60')" "lines over 60 columns"
  assert_eq true "$([ "$(printf '%s\n' "$body" | awk 'length($0) > 50' | wc -l)" -gt 3 ] && echo true || echo false)" \
    "lines use the width"
}

test_show_an_ambiguous_prefix_is_a_usage_error_listing_the_candidates() {
  lc show co
  assert_status 2
  assert_eq "" "$out" "stdout"
  assert_contains "$err" "ambiguous"
  local id
  for id in "2 cost-at-scale" "3 context-length" "27 cost-controls" "34 compliance-scope" "38 content-filtering"; do
    assert_contains "$err" "$id"
  done
}

test_show_an_ambiguous_prefix_in_a_custom_checklist_lists_both_items() {
  use_checklist small.toml
  lc show alp
  assert_status 2
  assert_contains "$err" "1 alpha"
  assert_contains "$err" "2 alpine"
}

test_show_an_unknown_item_is_a_usage_error_suggesting_near_ids() {
  lc show cost-at-scal3
  assert_status 2
  assert_contains "$err" "cost-at-scal3"
  assert_contains "$err" "2 cost-at-scale"
  lc show zzzz
  assert_status 2
  assert_contains "$err" "zzzz"
}

test_show_an_unknown_item_always_tells_the_user_where_to_look() {
  # "lists the candidates": a misspelt prefix or a word near no id must still point somewhere,
  # with candidate lines ("  N id") or a pointer to `llmchecklist list`.
  local reference
  for reference in retyr zzzz; do
    lc show "$reference"
    assert_status 2
    printf '%s\n' "$err" | grep -Eq '^  [0-9]+ [a-z0-9-]+$|llmchecklist list' ||
      fail "show $reference: no candidates and no hint in [$err]"
  done
}

test_show_an_item_whose_id_is_all_digits_can_be_addressed_by_its_id() {
  # "404" is a valid slug; addressing by id must reach it (or the checklist must be refused).
  cp "$FIXTURES/checklists/e2e-numeric-id.toml" .
  lc lint --min-words 1 e2e-numeric-id.toml
  if [ "$status" -eq 0 ]; then
    lc_ok init --checklist e2e-numeric-id.toml
    lc show 404 --json
    assert_status 0
    assert_eq "404" "$(json .id)" "show 404"
  fi
}

test_show_an_item_number_out_of_range_is_a_usage_error() {
  lc show 41
  assert_status 2
  assert_contains "$err" "41"
  lc show 0
  assert_status 2
}

test_show_needs_exactly_one_item() {
  lc show
  assert_status 2
  lc show 1 2
  assert_status 2
}

test_show_says_when_an_item_was_checked_at_an_older_revision() {
  use_checklist small.toml
  cat >.llmchecklist <<'EOF'
format = 1
checklist = "small.toml"

[items.beta]
status = "done"
revision = 1
by = "Ada Lovelace <ada@example.org>"
at = 2026-01-01T00:00:00Z
EOF
  lc show beta
  assert_status 0
  assert_contains "$out" "Stale: checked at revision 1; the requirement changed since (now revision 2)"
}

test_read_only_commands_write_no_file() {
  git_repo
  local before
  before=$(tree_listing)
  local args
  for args in "list" "list --json" "show 3" "show 3 --json" "progress" "progress --json" \
    "export" "export --format json" "export --format csv" "progress --min 90" "lint"; do
    # shellcheck disable=SC2086
    lc $args
    assert_eq "$before" "$(tree_listing)" "files after '$args'"
  done
  assert_eq "" "$(git status --porcelain)" "git status"
}

test_read_only_commands_leave_an_existing_state_file_untouched() {
  git_repo
  lc_ok check 3 --note "x"
  cp .llmchecklist before.state
  touch -d '2020-01-01 00:00:00' .llmchecklist
  local args
  for args in "list" "show 3" "progress" "export" "progress --all-required"; do
    # shellcheck disable=SC2086
    lc $args
    assert_same_bytes before.state .llmchecklist
  done
  assert_eq "2020-01-01" "$(date -r .llmchecklist +%F)" "modification date"
  assert_no_file .llmchecklist.lock
}

run_tests "$@"
