# bash completion for llmchecklist. Candidates come from the binary itself
# (`llmchecklist __complete ...`), so they follow its options and the checklist in use.

_llmchecklist_ask() {
  # The binary's candidates, first field only (the rest is a description for other shells).
  "${_llmchecklist_cmd[@]}" __complete "$@" 2>/dev/null | cut -f1
}

_llmchecklist() {
  local cur prev i word command=""
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}
  # The binary as typed, with the options that choose the state file, so that items come from
  # the same checklist the command will use.
  _llmchecklist_cmd=("${COMP_WORDS[0]}")
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
    --file | -C)
      # After `expect`, --file names the result file, not the state file.
      [ "$command" = expect ] && [ "$word" = --file ] ||
        _llmchecklist_cmd+=("$word" "${COMP_WORDS[i + 1]}")
      ((i++))
      ;;
    --color | --phase | --status | --format | -f | -o | --output | --note | --na | --min | \
      --checklist | --label | --red-below | --yellow-below | --min-words | --max-words | \
      --set | --timeout | --jobs | -j | --until | --min-phase | --since | --to | --scan | \
      --depth | --from | --ref | --project-name | --max-drop | --evidence | --reader | \
      --max-failures | --min-pass-rate | --score | --min-score | --level | --max-results | \
      --jq | --remove)
      ((i++))
      ;;
    -*) ;;
    *) [ -z "$command" ] && command=$word ;;
    esac
  done

  case $prev in
  --format | -f | --status | --color | --phase)
    local option=${prev#--}
    [ "$prev" = -f ] && option=format
    mapfile -t COMPREPLY < <(compgen -W "$(_llmchecklist_ask values "$option" $command)" -- "$cur")
    return
    ;;
  --reader)
    # The expectation readers (expect --reader).
    mapfile -t COMPREPLY < <(compgen -W "junit promptfoo inspect sarif json" -- "$cur")
    return
    ;;
  --level)
    mapfile -t COMPREPLY < <(compgen -W "error warning note" -- "$cur")
    return
    ;;
  --file | -o | --output | --checklist | --from | --evidence | --remove)
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    return
    ;;
  -C | --scan)
    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    return
    ;;
  --note | --na | --min | --label | --red-below | --yellow-below | --min-words | --max-words | \
    --set | --timeout | --jobs | -j | --until | --min-phase | --since | --to | --depth | --ref | \
    --project-name | --max-drop | --max-failures | --min-pass-rate | --score | --min-score | \
    --max-results | --jq)
    return
    ;;
  esac

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_llmchecklist_ask options $command)" -- "$cur")
    return
  fi
  case $command in
  "")
    mapfile -t COMPREPLY < <(compgen -W "$(_llmchecklist_ask commands)" -- "$cur")
    ;;
  check | uncheck | show | verify | expect)
    mapfile -t COMPREPLY < <(compgen -W "$(_llmchecklist_ask items)" -- "$cur")
    ;;
  lint | merge-driver | fleet)
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    ;;
  diff)
    # Revisions: the repository's branches and tags.
    mapfile -t COMPREPLY < <(compgen -W "$(git for-each-ref --format='%(refname:short)' \
      refs/heads refs/tags 2>/dev/null)" -- "$cur")
    ;;
  esac
}

complete -F _llmchecklist llmchecklist
