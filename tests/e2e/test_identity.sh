#!/usr/bin/env bash
# Who a check records: the committer identity git itself would record (`git var
# GIT_COMMITTER_IDENT`), so that every rule git follows (environment, includes, conditional
# includes, ceilings) is followed without a copy of them.
. "$(dirname "$0")/lib.sh"

# Runs with a home of its own and no GIT_* variables, as on a developer's machine.
in_home() {
  env -u GIT_CONFIG_NOSYSTEM -u GIT_CONFIG_GLOBAL HOME="$home" XDG_CONFIG_HOME= "$@"
}

# What a check run in directory $1 (default .) records, with the environment given after it.
recorded_by() { # [dir] [VAR=value...]
  local dir=${1:-.}
  shift || true
  rm -f "$dir/.llmchecklist"
  # --file: the state file in `dir` itself, whose directory is where git is asked.
  (cd "$dir" && in_home env "$@" "$LLMCHECKLIST_BIN" --file .llmchecklist check quality-bar -q)
  sed -n 's/^by = "\(.*\)"$/\1/p' "$dir/.llmchecklist"
}

# What git says of the committer in directory $1, without the date.
git_says() { # [dir] [VAR=value...]
  local dir=${1:-.}
  shift || true
  (cd "$dir" && in_home env "$@" git var GIT_COMMITTER_IDENT) | sed -E 's/ [0-9]+ [-+][0-9]{4}$//'
}

agrees_with_git() { # expected [dir] [VAR=value...]
  local expected=$1 by
  shift
  by=$(recorded_by "$@")
  assert_eq "$expected" "$by" "recorded by"
  assert_eq "$(git_says "$@")" "$by" "what git var says"
}

setup() {
  home="$PWD/home"
  mkdir -p home/.config/git
  git init -q .
}

test_the_global_config_names_the_checker() {
  setup
  printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' >home/.gitconfig
  agrees_with_git "Ada Lovelace <ada@example.org>"
}

test_the_repository_config_overrides_the_global_one() {
  setup
  printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' >home/.gitconfig
  printf '[user]\n\temail = ada@work.example\n' >>.git/config
  agrees_with_git "Ada Lovelace <ada@work.example>"
}

test_includes_and_conditional_includes_are_followed() {
  setup
  printf '[user]\n\tname = Included Name\n\temail = inc@example.org\n' >home/included
  printf '[user]\n\temail = work@example.org\n' >home/work
  printf '[user]\n\tname = Before\n[include]\n\tpath = ~/included\n[includeIf "gitdir:%s/"]\n\tpath = ~/work\n' \
    "$PWD" >home/.gitconfig
  agrees_with_git "Included Name <work@example.org>"
}

test_committer_environment_variables_win() {
  setup
  printf '[user]\n\tname = Global Name\n\temail = g@example.org\n' >home/.gitconfig
  agrees_with_git "Env Name <env@example.org>" . GIT_COMMITTER_NAME="Env Name" \
    GIT_COMMITTER_EMAIL=env@example.org
}

test_git_config_global_and_ceiling_directories_are_followed() {
  setup
  printf '[user]\n\tname = Global Name\n\temail = g@example.org\n' >home/.gitconfig
  printf '[user]\n\tname = Other Name\n\temail = o@example.org\n' >other.config
  printf '[user]\n\tname = Repo Name\n' >>.git/config
  agrees_with_git "Repo Name <o@example.org>" . GIT_CONFIG_GLOBAL="$PWD/other.config" \
    GIT_CONFIG_NOSYSTEM=1
  mkdir -p sub/deeper
  agrees_with_git "Repo Name <g@example.org>" sub/deeper
  # A ceiling at the repository's top: git does not look up into it from below.
  agrees_with_git "Global Name <g@example.org>" sub/deeper GIT_CEILING_DIRECTORIES="$PWD"
}

test_a_name_without_an_email_records_the_name() {
  setup
  printf '[user]\n\tname = Only A Name\n\tuseConfigOnly = true\n' >home/.gitconfig
  assert_eq "Only A Name" "$(recorded_by)"
}

test_without_any_name_the_login_name_is_used() {
  setup
  printf '[user]\n\tuseConfigOnly = true\n' >home/.gitconfig
  assert_eq "$(id -un)" "$(recorded_by)"
}

test_without_git_the_login_name_is_used() {
  setup
  printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' >home/.gitconfig
  rm -f .llmchecklist
  in_home env PATH=/nonexistent "$LLMCHECKLIST_BIN" --file .llmchecklist check quality-bar -q
  assert_file_contains .llmchecklist "by = \"$(id -un)\""
}

test_control_characters_in_a_name_are_not_written() {
  setup
  printf '[user]\n\tname = "Bad\\bName"\n\temail = b@example.org\n' >home/.gitconfig
  local by
  by=$(recorded_by)
  assert_not_contains "$by" $'\b'
  lc_ok list
}

run_tests "$@"
