# fish completion for llmchecklist. Candidates come from the binary itself
# (`llmchecklist __complete ...`), with their descriptions.

function __llmchecklist_ask
    # The binary as typed, with the options that choose the state file.
    set -l tokens (commandline -opc)
    set -l cmd $tokens[1]
    set -l after_expect 0
    for i in (seq 2 (count $tokens))
        test "$tokens[$i]" = expect; and set after_expect 1
        # After `expect`, --file names the result file, not the state file.
        if test "$tokens[$i]" = -C; or begin; test "$tokens[$i]" = --file; and test $after_expect = 0; end
            set -a cmd $tokens[$i] $tokens[(math $i + 1)]
        end
    end
    $cmd __complete $argv 2>/dev/null
end

set -l commands list show check uncheck progress export init lint verify expect checklists diff merge-driver upgrade prune ui fleet history

complete -c llmchecklist -f
complete -c llmchecklist -n "not __fish_seen_subcommand_from $commands" -a "(__llmchecklist_ask commands)"

# Global options.
complete -c llmchecklist -l file -r -F -d "State file to use"
complete -c llmchecklist -s C -x -a "(__fish_complete_directories)" -d "Run as if started in DIR"
complete -c llmchecklist -l color -x -a "(__llmchecklist_ask values color)" -d "Colour output"
complete -c llmchecklist -s q -l quiet -d "Print nothing on success"
complete -c llmchecklist -l version -d "Print the version"

# Items and phases of the checklist in use.
complete -c llmchecklist -n "__fish_seen_subcommand_from check uncheck show verify expect" -a "(__llmchecklist_ask items)"
complete -c llmchecklist -n "__fish_seen_subcommand_from check uncheck list progress export ui" -l phase -x -a "(__llmchecklist_ask values phase)" -d "Phase"
complete -c llmchecklist -n "__fish_seen_subcommand_from list export ui" -l status -x -a "(__llmchecklist_ask values status)" -d "Only items with this status"

# Subcommand options.
complete -c llmchecklist -n "__fish_seen_subcommand_from list show progress verify diff" -l json -d "Print JSON"
complete -c llmchecklist -n "__fish_seen_subcommand_from verify" -l update -d "Record the results in the state file"
complete -c llmchecklist -n "__fish_seen_subcommand_from verify" -s j -l jobs -x -d "Commands to run at once"
complete -c llmchecklist -n "__fish_seen_subcommand_from verify" -l timeout -x -d "Seconds before a command is killed"
complete -c llmchecklist -n "__fish_seen_subcommand_from verify" -l set -x -d "Attach a command to the item"
complete -c llmchecklist -n "__fish_seen_subcommand_from verify" -l unset -d "Remove the item's command"
complete -c llmchecklist -n "__fish_seen_subcommand_from verify" -l dry-run -d "List the commands that would run; run nothing"
complete -c llmchecklist -n "__fish_seen_subcommand_from verify" -l no-exec -d "Read expectations and receipts only; start no process"
complete -c llmchecklist -n "__fish_seen_subcommand_from check" -l evidence -r -F -d "A file the check rests on (repeatable)"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l file -r -F -d "The result file"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l reader -x -a "junit promptfoo inspect sarif json" -d "How to read the result file"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l max-failures -x -d "junit, promptfoo: at most N failed tests"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l min-pass-rate -x -d "junit, promptfoo: at least PCT percent passed"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l score -x -d "inspect: the metric to judge"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l min-score -x -d "inspect: the metric's minimum"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l level -x -a "error warning note" -d "sarif: count results at or above LEVEL"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l max-results -x -d "sarif: at most N results at that level"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l jq -x -d "json: a jq condition that prints true"
complete -c llmchecklist -n "__fish_seen_subcommand_from expect" -l remove -r -F -d "Remove the item's expectations on PATH"
complete -c llmchecklist -n "__fish_seen_subcommand_from check" -l note -x -d "A one-line note: the evidence"
complete -c llmchecklist -n "__fish_seen_subcommand_from check" -l na -x -d "Not applicable, with the reason"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l min -x -d "Exit 1 below PCT percent"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l all-required -d "Exit 1 while a required item is todo"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l no-stale -d "Exit 1 while a check is stale"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l evidence-current -d "Exit 1 while a check's evidence changed"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l allow-rescope -d "With --since: accept a rescoped checklist"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l min-phase -x -d "PHASE=PCT minimum"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l gate -d "Apply the team's [gate]"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l since -x -d "Exit 1 if items done at REF are todo"
complete -c llmchecklist -n "__fish_seen_subcommand_from progress" -l max-drop -x -d "With --since: exit 1 if progress fell more than POINTS"
complete -c llmchecklist -n "__fish_seen_subcommand_from export" -l since -x -d "Summary: compare with REF"
complete -c llmchecklist -n "__fish_seen_subcommand_from check" -l until -x -d "With --na: last day it holds"
complete -c llmchecklist -n "__fish_seen_subcommand_from export" -s f -l format -x -a "(__llmchecklist_ask values format)" -d "Export format"
complete -c llmchecklist -n "__fish_seen_subcommand_from export" -s o -l output -r -F -d "Write to FILE"
complete -c llmchecklist -n "__fish_seen_subcommand_from export" -l label -x -d "Badge text"
complete -c llmchecklist -n "__fish_seen_subcommand_from export" -l red-below -x -d "Badge: red below PCT"
complete -c llmchecklist -n "__fish_seen_subcommand_from export" -l yellow-below -x -d "Badge: yellow below PCT"
complete -c llmchecklist -n "__fish_seen_subcommand_from export" -l project-name -x -d "The project's name in JSON"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -F
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -l scan -x -a "(__fish_complete_directories)" -d "Repositories below DIR"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -l depth -x -d "Levels below --scan's DIR"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -l from -r -F -d "Sources listed in FILE"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -l ref -x -d "Read repositories at REF"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -s f -l format -x -a "(__llmchecklist_ask values format fleet)" -d "Report format"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -s o -l output -r -F -d "Write to FILE"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -l min -x -d "Exit 1 when a source is below PCT"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -l all-required -d "Exit 1 when a source has a required item todo"
complete -c llmchecklist -n "__fish_seen_subcommand_from fleet" -s j -l jobs -x -d "Sources read at once"
complete -c llmchecklist -n "__fish_seen_subcommand_from history" -l since -x -a "(git for-each-ref --format='%(refname:short)' refs/heads refs/tags 2>/dev/null)" -d "Commits since DATE or REF"
complete -c llmchecklist -n "__fish_seen_subcommand_from history" -s f -l format -x -a "(__llmchecklist_ask values format history)" -d "Report format"
complete -c llmchecklist -n "__fish_seen_subcommand_from history" -s o -l output -r -F -d "Write to FILE"
complete -c llmchecklist -n "__fish_seen_subcommand_from init" -l checklist -r -F -d "builtin:NAME or a checklist file"
complete -c llmchecklist -n "__fish_seen_subcommand_from init" -l force -d "Re-initialise an existing state file"
complete -c llmchecklist -n "__fish_seen_subcommand_from init" -l git -d "Merge the state file with llmchecklist merge-driver"
complete -c llmchecklist -n "__fish_seen_subcommand_from diff" -a "(git for-each-ref --format='%(refname:short)' refs/heads refs/tags 2>/dev/null)" -d "Revision"
complete -c llmchecklist -n "__fish_seen_subcommand_from merge-driver" -F
complete -c llmchecklist -n "__fish_seen_subcommand_from lint" -F
complete -c llmchecklist -n "__fish_seen_subcommand_from lint" -l min-words -x -d "Fewest words of details"
complete -c llmchecklist -n "__fish_seen_subcommand_from lint" -l max-words -x -d "Most words of details"
complete -c llmchecklist -n "__fish_seen_subcommand_from upgrade" -l to -x -d "The version to move to"
complete -c llmchecklist -n "__fish_seen_subcommand_from upgrade" -l dry-run -d "Say what would change; write nothing"
complete -c llmchecklist -n "__fish_seen_subcommand_from checklists" -l json -d "Print JSON"
complete -c llmchecklist -n "__fish_seen_subcommand_from prune" -l dry-run -d "List what would be removed; write nothing"
