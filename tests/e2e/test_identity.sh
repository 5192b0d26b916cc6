#!/usr/bin/env bash
# Who a check records: user.name and user.email as `git config --get` reports them. The tool
# reads plain git config files itself (starting git costs more than the rest of a check) and
# asks git for anything beyond them; either way the answer must be git's.
. "$(dirname "$0")/lib.sh"

# Runs with a home of its own and no GIT_* variables, as on a developer's machine.
in_home() {
  env -u GIT_CONFIG_NOSYSTEM -u GIT_CONFIG_GLOBAL HOME="$home" XDG_CONFIG_HOME= "$@"
}

# What git says, and what a check records, must agree.
recorded_by() {
  rm -f .llmchecklist
  in_home "$LLMCHECKLIST_BIN" check quality-bar -q >/dev/null
  sed -n 's/^by = "\(.*\)"$/\1/p' .llmchecklist
}
git_says() {
  local name email
  name=$(in_home git config --get user.name || true)
  email=$(in_home git config --get user.email || true)
  if [ -n "$name" ] && [ -n "$email" ]; then
    printf '%s <%s>\n' "$name" "$email"
  else
    printf '%s\n' "$name"
  fi
}
agrees_with_git() { # expected
  local by
  by=$(recorded_by)
  assert_eq "$1" "$by" "recorded by"
  assert_eq "$(git_says)" "$by" "what git config says"
}

setup() {
  home="$PWD/home"
  mkdir -p home/.config/git
  git init -q .
  # /etc/gitconfig may exist on the machine; it is read first, so ours override it.
}

test_the_global_config_names_the_checker() {
  setup
  printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' >home/.gitconfig
  agrees_with_git "Ada Lovelace <ada@example.org>"
}

test_plain_config_is_read_without_starting_git() {
  setup
  printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' >home/.gitconfig
  printf '[user]\n\temail = ada@work.example\n' >>.git/config
  # No git on PATH: only the tool's own reading can find the name.
  in_home env PATH=/nonexistent "$LLMCHECKLIST_BIN" check quality-bar -q
  assert_file_contains .llmchecklist 'by = "Ada Lovelace <ada@work.example>"'
}

test_the_repository_config_overrides_the_global_one() {
  setup
  printf '[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n' >home/.gitconfig
  printf '[user]\n\temail = ada@work.example\n' >>.git/config
  agrees_with_git "Ada Lovelace <ada@work.example>"
}

test_the_xdg_config_is_read_before_dot_gitconfig() {
  setup
  printf '[user]\n\tname = From Xdg\n\temail = xdg@example.org\n' >home/.config/git/config
  printf '[User]\n\tName = From Home # a comment\n' >home/.gitconfig
  agrees_with_git "From Home <xdg@example.org>"
}

test_comments_sections_and_case_are_read_as_git_reads_them() {
  setup
  cat >home/.gitconfig <<'CFG'
# a comment
; another
[core]
	editor = vi
[user "work"]
	name = Not This One
[USER]
	NAME = Case Insensitive ; trailing
	email=tight@example.org
CFG
  agrees_with_git "Case Insensitive <tight@example.org>"
}

test_includes_are_followed_by_asking_git() {
  setup
  printf '[user]\n\tname = Included Name\n\temail = inc@example.org\n' >home/included
  printf '[user]\n\tname = Before Include\n[include]\n\tpath = ~/included\n' >home/.gitconfig
  agrees_with_git "Included Name <inc@example.org>"
}

test_quoted_values_are_read_by_git() {
  setup
  printf '[user]\n\tname = "Quoted  Name"\n\temail = q@example.org\n' >home/.gitconfig
  agrees_with_git "Quoted  Name <q@example.org>"
}

test_git_environment_variables_are_honoured() {
  setup
  printf '[user]\n\tname = Global Name\n\temail = g@example.org\n' >home/.gitconfig
  printf '[user]\n\tname = Env Name\n\temail = env@example.org\n' >other.config
  rm -f .llmchecklist
  in_home env GIT_CONFIG_GLOBAL="$PWD/other.config" "$LLMCHECKLIST_BIN" check quality-bar -q
  assert_file_contains .llmchecklist 'by = "Env Name <env@example.org>"'
}

# Like recorded_by and git_says, from a subdirectory `dir` of the current one.
agrees_with_git_in() { # dir expected [VAR=value...]
  local dir=$1 expected=$2 by name email said
  shift 2
  rm -f "$dir/.llmchecklist"
  # --file: the state file in `dir` itself, whose directory is where git is asked.
  (cd "$dir" && in_home env "$@" "$LLMCHECKLIST_BIN" --file .llmchecklist check quality-bar -q)
  by=$(sed -n 's/^by = "\(.*\)"$/\1/p' "$dir/.llmchecklist")
  name=$(cd "$dir" && in_home env "$@" git config --get user.name || true)
  email=$(cd "$dir" && in_home env "$@" git config --get user.email || true)
  said="$name${email:+ <$email>}"
  assert_eq "$expected" "$by" "recorded by, in $dir with $*"
  assert_eq "$said" "$by" "what git config says, in $dir with $*"
}

test_git_config_nosystem_and_ceiling_directories_are_followed() {
  setup
  printf '[user]\n\tname = Global Name\n\temail = g@example.org\n' >home/.gitconfig
  printf '[user]\n\tname = Repo Name\n' >>.git/config
  mkdir -p sub/deeper
  agrees_with_git_in sub/deeper "Repo Name <g@example.org>" GIT_CONFIG_NOSYSTEM=1
  agrees_with_git_in sub/deeper "Repo Name <g@example.org>" GIT_CONFIG_NOSYSTEM=false
  # A ceiling at the repository's top: git does not go up into it, so the repository's config
  # is not read from below it; a ceiling above the top changes nothing.
  agrees_with_git_in sub/deeper "Global Name <g@example.org>" GIT_CEILING_DIRECTORIES="$PWD"
  agrees_with_git_in sub/deeper "Global Name <g@example.org>" \
    GIT_CEILING_DIRECTORIES="/nonexistent:$PWD/sub"
  agrees_with_git_in sub/deeper "Repo Name <g@example.org>" \
    GIT_CEILING_DIRECTORIES="$(dirname "$PWD")"
  agrees_with_git_in . "Repo Name <g@example.org>" GIT_CEILING_DIRECTORIES="$PWD"
}

test_a_directory_reached_through_a_symbolic_link_finds_the_real_repository() {
  setup
  printf '[user]\n\tname = Global Name\n\temail = g@example.org\n' >home/.gitconfig
  printf '[user]\n\tname = Repo Name\n' >>.git/config
  mkdir -p inside other
  ln -s "$PWD/inside" other/link
  # other/ is no repository of its own, but other/link is inside this one: git resolves the
  # link before looking for .git.
  (cd other && git init -q . && printf '[user]\n\tname = Other Name\n' >>.git/config)
  agrees_with_git_in other/link "Repo Name <g@example.org>"
}

test_without_any_name_the_login_name_is_used() {
  setup
  lc_ok check quality-bar -q # GIT_CONFIG_GLOBAL=/dev/null from the harness: git knows no one
  assert_file_contains .llmchecklist "by = \"$(id -un)\""
}

run_tests "$@"
