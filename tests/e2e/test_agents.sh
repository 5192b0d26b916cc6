#!/usr/bin/env bash
# The second built-in checklist, llm-agents (it extends llm-deployment): every command treats it
# like the base one.
. "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || { echo "jq is not installed"; exit 77; }

# A repository following llm-agents, with a few items checked (one of them the agents' own).
agents_repo() {
  git_repo
  lc init --checklist builtin:llm-agents -q
  assert_status 0
  lc check 1 agent-trifecta-review --note "review in docs/agents.md" -q
  lc check agent-memory --na "the agent keeps no memory" -q
}

test_init_pins_llm_agents_at_its_release() {
  git_repo
  lc init --checklist builtin:llm-agents
  assert_status 0
  assert_contains "$(unwrapped "$out")" "51 items from builtin:llm-agents@2027.1"
  assert_contains "$(cat .llmchecklist)" 'checklist = "builtin:llm-agents@2027.1"'
  # Every item has its table, the base checklist's and its own.
  assert_contains "$(cat .llmchecklist)" "[items.quality-bar]"
  assert_contains "$(cat .llmchecklist)" "[items.agent-incident-response]"
}

test_checklists_lists_it_and_marks_it_in_use() {
  lc checklists --json
  assert_status 0
  assert_contains "$(json '[.builtin[].source] | join(" ")')" "builtin:llm-agents"
  agents_repo
  lc checklists
  assert_contains "$out" "builtin:llm-agents  LLM Agents and Tools Checklist (version 2027.1, 51 items)  <- in use"
  assert_not_contains "$out" "builtin:llm-deployment  LLM Deployment Checklist (version 2027.1, 40 items)  <- in use"
}

test_list_numbers_the_agent_items_after_the_base_ones() {
  agents_repo
  lc list --json
  assert_status 0
  assert_eq "51 2" "$(json '"\(.total) \(.done)"')"
  assert_eq "41 agent-trifecta-review done" \
    "$(json '.phases[].items[] | select(.id == "agent-trifecta-review") | "\(.number) \(.id) \(.status)"')"
  lc list --phase agent-operations
  assert_status 0
  assert_contains "$out" "agent-budgets"
  lc show agent-memory --json
  assert_eq "na the agent keeps no memory" "$(json '"\(.status) \(.note)"')"
}

test_exports_carry_the_agent_items() {
  agents_repo
  lc export --format json
  assert_status 0
  assert_eq "builtin:llm-agents@2027.1 51" "$(json '"\(.checklist.source) \([.phases[].items[]] | length)"')"
  lc export --format markdown
  assert_status 0
  assert_contains "$out" "Agent Design and Tools"
  assert_contains "$out" "Review every agent that holds private data, reads untrusted content and can send data out"
  lc export --format sarif
  assert_status 0
  printf '%s' "$out" | jq -e '.runs[0].results | length > 0' >/dev/null || fail "no SARIF results"
  assert_contains "$out" "tool-least-privilege"
}

test_lint_passes_on_it_built_in_and_as_a_file() {
  lc lint --max-words 220
  assert_status 0
  lc lint --max-words 220 "$SOURCE_DIR/checklists/llm-agents.toml"
  assert_status 0
  assert_eq "" "$out$err"
}

test_upgrade_knows_it_is_at_the_latest_release() {
  agents_repo
  lc upgrade
  assert_status 0
  assert_contains "$out" "already follows builtin:llm-agents@2027.1"
}

test_fleet_reports_an_agents_repository_beside_a_deployment_one() {
  mkdir agents deployment
  (cd agents && agents_repo && git add -A && git commit -qm "Agents checklist")
  (cd deployment && git_repo && lc init -q && lc check 1 2 -q && git add -A && git commit -qm "Checklist")
  lc fleet agents deployment --format json
  assert_status 0
  assert_eq "llm-agents 51 llm-deployment 40" \
    "$(json '[.sources[] | "\(.checklist.id) \(.total)"] | join(" ")')"
}

run_tests "$@"
