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

test_every_item_has_every_field_within_bounds() {
  lc export --format json
  # title: one line, imperative (no trailing period), at most 100 characters
  assert_eq "" "$(json '.phases[].items[] | select((.title | length) > 100 or (.title | test("\\.$|\n"))) | .id')"
  # details: 80 to 220 words
  assert_eq "" "$(json '.phases[].items[] | select((.details | [scan("\\S+")] | length) as $w | $w < 80 or $w > 220) | .id')"
  # done_when: one line, present, and not a "consider" item
  assert_eq "" "$(json '.phases[].items[] | select((.done_when | length) < 20 or (.done_when | test("\n|^[Cc]onsider"))) | .id')"
  # severity, tags, and links to primary sources over https
  assert_eq "" "$(json '.phases[].items[] | select(.severity != "required" and .severity != "recommended") | .id')"
  assert_eq "" "$(json '.phases[].items[] | select((.tags | length) == 0) | .id')"
  assert_eq "" "$(json '.phases[].items[] | select((.links | length) == 0 or any(.links[]; startswith("https://") | not)) | .id')"
  # both severities are used, and most items are required
  required=$(json '[.phases[].items[] | select(.severity == "required")] | length')
  [ "$required" -ge 25 ] && [ "$required" -lt 40 ] || fail "$required required items"
}

test_the_items_the_issue_names_are_there() {
  lc list --json
  # The practices of the first release, and those release 2026.2 added (staged rollout, system
  # card, compliance scope, hallucination and grounding, permission-aware retrieval, data splits
  # and reproducibility of fine-tuning).
  for id in fine-tuning-baseline retry-backoff prompt-injection untrusted-output version-pinning \
    provider-fallback cost-controls incident-response personal-data ai-disclosure usage-policies \
    content-filtering adversarial-cases regression-gate staged-rollout system-card compliance-scope \
    groundedness-checks retrieval-access-control fine-tune-data-splits fine-tune-reproducibility; do
    assert_eq "$id" "$(json ".phases[].items[] | select(.id == \"$id\") | .id")" "item $id"
  done
}

test_ci_lints_every_checklist_shipped() {
  lc lint --max-words 220 "$SOURCE_DIR"/checklists/*.toml
  assert_status 0
  assert_eq "" "$out"
}

run_tests "$@"
