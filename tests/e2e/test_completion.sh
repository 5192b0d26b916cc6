#!/usr/bin/env bash
# Shell completion, driven for real: bash's completion function with COMP_WORDS, fish's
# `complete -C`, and zsh's parser on its script.
. "$(dirname "$0")/lib.sh"
: "${SOURCE_DIR:?}"

# The directory of the binary first on PATH, as an installed llmchecklist would be.
bin_dir=$(mktemp -d)
ln -s "$LLMCHECKLIST_BIN" "$bin_dir/llmchecklist"
export PATH="$bin_dir:$PATH"

# Candidates bash offers for the words given (the last one is being completed).
bash_complete() {
  bash -c '
    . "$1/completions/llmchecklist.bash"
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _llmchecklist
    printf "%s\n" "${COMPREPLY[@]}"
  ' _ "$SOURCE_DIR" "$@" | sort
}

test_bash_completes_subcommands_but_not_the_hidden_one() {
  out=$(bash_complete llmchecklist "")
  for command in list show check uncheck progress export init lint verify; do
    assert_contains "$out" "$command"
  done
  assert_not_contains "$out" "__complete"
  assert_eq "progress" "$(bash_complete llmchecklist pro)"
}

test_bash_completes_item_ids_and_numbers_of_the_current_checklist() {
  assert_eq $'cost-at-scale\ncost-controls' "$(bash_complete llmchecklist check cost)"
  assert_eq "fine-tuning-baseline" "$(bash_complete llmchecklist show fine-tuning-b)"
  assert_eq $'4\n40' "$(bash_complete llmchecklist uncheck 4)"
}

test_bash_completes_items_of_a_custom_checklist() {
  mkdir repo && cp "$FIXTURES/checklists/small.toml" repo/
  (cd repo && "$LLMCHECKLIST_BIN" init --checklist small.toml -q)
  cd repo
  assert_eq $'alpha\nalpine' "$(bash_complete llmchecklist check al)"
  cd ..
  assert_eq $'alpha\nalpine' "$(bash_complete llmchecklist -C repo check al)"
}

test_bash_completes_options_and_their_values() {
  out=$(bash_complete llmchecklist export --)
  for option in --format --output --phase --status --label --file --color; do
    assert_contains "$out" "$option"
  done
  assert_eq "html" "$(bash_complete llmchecklist export --format h)"
  assert_eq $'badge\ncodequality\ncsv\ngithub\nhtml\njson\njunit\nmarkdown\nsarif\nsummary' "$(bash_complete llmchecklist export -f "")"
  assert_eq $'done' "$(bash_complete llmchecklist list --status d)"
  assert_eq $'always\nauto' "$(bash_complete llmchecklist --color a)"
  assert_eq $'model-selection\nmonitoring' "$(bash_complete llmchecklist check --phase m)"
  # A note is free text: nothing to offer.
  assert_eq "" "$(bash_complete llmchecklist check 3 --note "")"
  assert_eq "" "$(bash_complete llmchecklist verify 3 --set "")"
  assert_eq $'cost-at-scale\ncost-controls' "$(bash_complete llmchecklist verify cost)"
  # After an option's value, items again.
  assert_eq "cost-at-scale" "$(bash_complete llmchecklist check --note x cost-a)"
}

test_bash_completes_the_team_commands_revisions_and_init_git() {
  out=$(bash_complete llmchecklist "")
  assert_contains "$out" "diff"
  assert_contains "$out" "merge-driver"
  assert_contains "$(bash_complete llmchecklist init --)" "--git"
  git_repo
  git commit -q --allow-empty -m "Start"
  git branch feature-x
  git tag v1
  assert_eq $'feature-x' "$(bash_complete llmchecklist diff fea)"
  assert_eq $'feature-x\nmain\nv1' "$(bash_complete llmchecklist diff "")"
}

test_bash_and_fish_complete_the_fleet_its_options_and_its_own_formats() {
  assert_contains "$(bash_complete llmchecklist "")" "fleet"
  out=$(bash_complete llmchecklist fleet --)
  for option in --scan --depth --from --ref --format --output --min --all-required --jobs; do
    assert_contains "$out" "$option"
  done
  # fleet's formats are not export's.
  assert_eq $'csv\nhtml\njson\nmarkdown\ntext' "$(bash_complete llmchecklist fleet --format "")"
  mkdir -p repos/billing && touch repos.list
  # --scan takes a directory, --from a file.
  assert_eq "repos" "$(bash_complete llmchecklist fleet --scan rep)"
  assert_eq $'repos\nrepos.list' "$(bash_complete llmchecklist fleet --from rep)"
  assert_eq "" "$(bash_complete llmchecklist fleet --ref "")"
  assert_contains "$(bash_complete llmchecklist export --)" "--project-name"
  assert_contains "$(bash_complete llmchecklist progress --)" "--max-drop"
  # --max-drop takes a number: nothing to offer, and items follow its value.
  assert_eq "" "$(bash_complete llmchecklist progress --max-drop "")"
  command -v fish >/dev/null || skip "fish is not installed"
  fish_complete() { fish --no-config -c "source $SOURCE_DIR/completions/llmchecklist.fish; complete -C '$1'" | cut -f1 | sort; }
  assert_contains "$(fish_complete 'llmchecklist ')" "fleet"
  assert_eq $'csv\nhtml\njson\nmarkdown\ntext' "$(fish_complete 'llmchecklist fleet --format ')"
  assert_contains "$(fish_complete 'llmchecklist fleet --')" "--scan"
}

test_bash_and_fish_complete_history_its_options_and_its_own_formats() {
  assert_contains "$(bash_complete llmchecklist "")" "history"
  out=$(bash_complete llmchecklist history --)
  for option in --since --format --output; do
    assert_contains "$out" "$option"
  done
  # history's formats are neither export's nor fleet's.
  assert_eq $'csv\njson\nmarkdown\nsvg\ntext' "$(bash_complete llmchecklist history --format "")"
  assert_eq $'csv\njson\nmarkdown\nsvg\ntext' "$(bash_complete llmchecklist history -f "")"
  assert_eq "" "$(bash_complete llmchecklist history --since "")"
  command -v fish >/dev/null || skip "fish is not installed"
  fish_complete() { fish --no-config -c "source $SOURCE_DIR/completions/llmchecklist.fish; complete -C '$1'" | cut -f1 | sort; }
  assert_contains "$(fish_complete 'llmchecklist ')" "history"
  assert_eq $'csv\njson\nmarkdown\nsvg\ntext' "$(fish_complete 'llmchecklist history --format ')"
  assert_contains "$(fish_complete 'llmchecklist history --')" "--since"
}

test_fish_completes_commands_items_and_values() {
  command -v fish >/dev/null || skip "fish is not installed"
  fish_complete() { fish --no-config -c "source $SOURCE_DIR/completions/llmchecklist.fish; complete -C '$1'" | cut -f1 | sort; }
  assert_contains "$(fish_complete 'llmchecklist ')" "progress"
  assert_eq $'cost-at-scale\ncost-controls' "$(fish_complete 'llmchecklist check cost')"
  assert_contains "$(fish_complete 'llmchecklist export --format ')" "junit"
  assert_contains "$(fish_complete 'llmchecklist ')" "merge-driver"
  assert_contains "$(fish_complete 'llmchecklist diff --')" "--json"
}

test_zsh_completion_script_parses() {
  command -v zsh >/dev/null || skip "zsh is not installed"
  zsh -n "$SOURCE_DIR/completions/_llmchecklist" || fail "zsh cannot parse the completion script"
}

test_bash_and_fish_complete_expect_evidence_and_no_exec() {
  out=$(bash_complete llmchecklist "")
  assert_contains "$out" "expect"
  assert_eq $'regression-gate' "$(bash_complete llmchecklist expect regression-g)"
  out=$(bash_complete llmchecklist expect 17 --)
  for option in --file --reader --max-failures --min-pass-rate --score --min-score --level \
    --max-results --jq --remove; do
    assert_contains "$out" "$option"
  done
  assert_eq $'inspect\njson\njunit\npromptfoo\nsarif' "$(bash_complete llmchecklist expect 17 --reader "")"
  assert_eq $'warning' "$(bash_complete llmchecklist expect 16 --reader sarif --level w)"
  mkdir evals && : >evals/junit.xml
  assert_eq "evals/junit.xml" "$(bash_complete llmchecklist expect 17 --file evals/j)"
  # expect's --file is the result file, not a state file to read the items from.
  assert_eq "regression-gate" "$(bash_complete llmchecklist expect --file evals/junit.xml regression-g)"
  assert_eq "evals/junit.xml" "$(bash_complete llmchecklist check 17 --evidence evals/j)"
  assert_contains "$(bash_complete llmchecklist verify --)" "--no-exec"
  assert_contains "$(bash_complete llmchecklist progress --)" "--evidence-current"
  command -v fish >/dev/null || skip "fish is not installed"
  fish_complete() { fish --no-config -c "source $SOURCE_DIR/completions/llmchecklist.fish; complete -C '$1'" | cut -f1 | sort; }
  assert_contains "$(fish_complete 'llmchecklist ')" "expect"
  assert_eq $'inspect\njson\njunit\npromptfoo\nsarif' "$(fish_complete 'llmchecklist expect 17 --reader ')"
  assert_eq "regression-gate" "$(fish_complete 'llmchecklist expect --file evals/junit.xml regression-g')"
  assert_contains "$(fish_complete 'llmchecklist expect 17 --')" "--min-pass-rate"
  assert_contains "$(fish_complete 'llmchecklist check 17 --ev')" "--evidence"
  assert_contains "$(fish_complete 'llmchecklist verify --no')" "--no-exec"
  assert_contains "$(fish_complete 'llmchecklist progress --ev')" "--evidence-current"
}

run_tests "$@"
