#!/usr/bin/env bash
# The built-in checklist's shape: what teams' state files and CI gates depend on.
. "$(dirname "$0")/lib.sh"

test_ids_are_stable_in_number_and_order() {
  # Renaming or reordering an id orphans every team's record of it: change this list only with
  # a new checklist version (and a migration).
  lc list --json
  assert_status 0
  json '.phases[].items[].id' >ids.txt
  assert_file_eq "$GOLDEN/builtin-ids.txt" ids.txt
}

test_six_phases_in_seed_order_with_summaries_and_only_fine_tuning_optional() {
  lc export --format json
  assert_eq "model-selection fine-tuning evaluation infrastructure monitoring compliance" \
    "$(json '[.phases[].id] | join(" ")')"
  assert_eq "Model Selection|Fine-Tuning|Evaluation|Infrastructure|Monitoring|Compliance" \
    "$(json '[.phases[].title] | join("|")')"
  assert_eq "fine-tuning" "$(json '[.phases[] | select(.optional) | .id] | join(" ")')"
  grep -c '^summary = ' "$SOURCE_DIR/checklists/llm-deployment.toml" >count.txt
  assert_eq 6 "$(cat count.txt)" "phase summaries"
}

# The standard every built-in item is written to, over the JSON export in $out; ITEMS narrows it
# to some items (a jq filter over .phases[].items[]).
assert_items_within_bounds() { # items-filter
  local items=".phases[].items[] | $1"
  # title: one line, imperative (no trailing period), at most 100 characters
  assert_eq "" "$(json "$items | select((.title | length) > 100 or (.title | test(\"\\\\.\$|\\n\"))) | .id")"
  # details: 80 to 220 words
  assert_eq "" "$(json "$items | select((.details | [scan(\"\\\\S+\")] | length) as \$w | \$w < 80 or \$w > 220) | .id")"
  # done_when: one line, present, and not a "consider" item
  assert_eq "" "$(json "$items | select((.done_when | length) < 20 or (.done_when | test(\"\\n|^[Cc]onsider\"))) | .id")"
  # severity, tags, and links to primary sources over https
  assert_eq "" "$(json "$items | select(.severity != \"required\" and .severity != \"recommended\") | .id")"
  assert_eq "" "$(json "$items | select((.tags | length) == 0) | .id")"
  assert_eq "" "$(json "$items | select((.links | length) == 0 or any(.links[]; startswith(\"https://\") | not)) | .id")"
}

test_every_item_has_every_field_within_bounds() {
  lc export --format json
  assert_items_within_bounds "."
  # both severities are used, and most items are required
  required=$(json '[.phases[].items[] | select(.severity == "required")] | length')
  [ "$required" -ge 25 ] && [ "$required" -lt 40 ] || fail "$required required items"
}

test_the_items_the_issue_names_are_there() {
  lc list --json
  # The practices of the first release, and those release 2026.2 added (staged rollout, system
  # card, compliance scope, hallucination and grounding, permission-aware retrieval, data splits
  # and reproducibility of fine-tuning); 2027.1 merged personal-data into data-handling-policy.
  for id in fine-tuning-baseline retry-backoff prompt-injection untrusted-output version-pinning \
    provider-fallback cost-controls incident-response data-handling-policy ai-disclosure usage-policies \
    content-filtering adversarial-cases regression-gate staged-rollout system-card compliance-scope \
    groundedness-checks retrieval-access-control fine-tune-data-splits fine-tune-reproducibility; do
    assert_eq "$id" "$(json ".phases[].items[] | select(.id == \"$id\") | .id")" "item $id"
  done
}

test_the_2027_1_items_are_there_and_the_merged_ones_are_gone() {
  lc list --json
  assert_eq "2027.1" "$(json .checklist.version)"
  for id in timeout-budget streaming-ux subgroup-evaluation call-telemetry data-handling-policy; do
    assert_eq "$id" "$(json ".phases[].items[] | select(.id == \"$id\") | .id")" "item $id"
  done
  for id in timeouts-and-streaming latency-and-errors token-cost-tracking personal-data; do
    assert_eq "" "$(json ".phases[].items[] | select(.id == \"$id\") | .id")" "item $id"
  done
  # The timeout budget is a launch blocker; streaming is good practice.
  assert_eq "required recommended" \
    "$(json '[.phases[].items[] | select(.id == "timeout-budget" or .id == "streaming-ux") | .severity] | join(" ")')"
}

# --- llm-agents: a second built-in checklist that extends llm-deployment ---

test_llm_agents_extends_the_deployment_checklist_with_two_phases_of_its_own() {
  lc init --checklist builtin:llm-agents -q
  assert_status 0
  lc export --format json
  assert_eq "llm-agents 2027.1" "$(json '"\(.checklist.id) \(.checklist.version)"')"
  assert_eq "model-selection fine-tuning evaluation infrastructure monitoring compliance agent-design agent-operations" \
    "$(json '[.phases[].id] | join(" ")')"
  # Every item of llm-deployment 2027.1, in order, then 10 to 14 of its own.
  json '.phases[].items[].id' | head -40 >ids.txt
  assert_file_eq "$GOLDEN/builtin-ids.txt" ids.txt
  own=$(json '[.phases[] | select(.id | startswith("agent-")) | .items[]] | length')
  [ "$own" -ge 10 ] && [ "$own" -le 14 ] || fail "$own items of its own"
  assert_items_within_bounds 'select(.number > 40)'
  for id in agent-trifecta-review tool-least-privilege third-party-tools ai-inventory agent-evals \
    continuous-red-teaming agent-audit-log agent-budgets agent-incident-response; do
    assert_eq "$id" "$(json ".phases[].items[] | select(.id == \"$id\") | .id")" "item $id"
  done
}

test_ci_lints_every_checklist_shipped() {
  lc lint --max-words 220 "$SOURCE_DIR"/checklists/*.toml
  assert_status 0
  assert_eq "" "$out"
}

run_tests "$@"
