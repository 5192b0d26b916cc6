#!/usr/bin/env bash
# llmchecklist fleet: a report over many repositories, read through git or from JSON exports,
# checked against each repository's own `progress --json`.
. "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || { echo "jq is not installed"; exit 77; }

# A repository in directory $1 with an identity of its own.
new_repo() { # directory
  mkdir -p "$1"
  git -C "$1" init -q -b main .
  git -C "$1" config user.name "Ada Lovelace"
  git -C "$1" config user.email "ada@example.org"
  git -C "$1" config commit.gpgsign false
}

# Runs llmchecklist in directory $1 and expects success.
in_repo() { # directory args...
  local dir=$1
  shift
  (cd "$dir" && "$LLMCHECKLIST_BIN" "$@" -q) || fail "in $dir: llmchecklist $* failed"
}

commit_all() { # directory message
  git -C "$1" add -A && git -C "$1" commit -qm "$2"
}

# The fleet every test reads, in ./fleet:
#   billing   built-in checklist, ten items done, one n/a (25 %)
#   search    built-in checklist, two done
#   custom    its own checklist (the hostile fixture), one item done with a hostile note,
#             committed by an author with a hostile name
#   legacy    pinned to the older built-in release 2026.1
#   broken    a state file that is not valid TOML
#   empty     a repository without a state file
#   mirror.git  a bare clone of billing
# and ./exports with `export --format json` of billing, search, custom and legacy.
make_fleet() {
  new_repo fleet/billing
  in_repo fleet/billing init
  in_repo fleet/billing check 1 2 3 4 5 11 12 13 14 15
  in_repo fleet/billing check fine-tuning-baseline --na "prompting meets the bar"
  commit_all fleet/billing "Billing's checklist"

  new_repo fleet/search
  in_repo fleet/search init
  in_repo fleet/search check 1 2
  commit_all fleet/search "Search's checklist"

  new_repo fleet/custom
  cp "$FIXTURES/checklists/hostile.toml" fleet/custom/checklist.toml
  in_repo fleet/custom init --checklist checklist.toml
  in_repo fleet/custom check formula --note "NOTE"
  # A note no command would take, written into the file as a stranger's pull request could.
  sed -i 's|note = "NOTE"|note = "=HYPERLINK(\\"http://evil.example\\") <script>x</script> \\u001b[31m"|' \
    fleet/custom/.llmchecklist
  git -C fleet/custom config user.name "Eve $(printf '\033')]0;pwned$(printf '\007') <b>"
  commit_all fleet/custom "Custom checklist"

  new_repo fleet/legacy
  in_repo fleet/legacy init --checklist builtin:llm-deployment@2026.1
  in_repo fleet/legacy check 1 2 3
  commit_all fleet/legacy "Legacy checklist"

  new_repo fleet/broken
  printf 'version = 1\nchecklist = \n' >fleet/broken/.llmchecklist
  commit_all fleet/broken "A broken state file"

  new_repo fleet/empty
  echo "no checklist here" >fleet/empty/README.md
  commit_all fleet/empty "No checklist"

  git clone -q --bare fleet/billing fleet/mirror.git

  mkdir -p exports
  for name in billing search custom legacy; do
    in_repo "fleet/$name" export --format json -o "$PWD/exports/$name.json"
  done
}

# The counters of `progress --json` in repository $1, as "done na todo total percent
# required_todo stale".
own_progress() { # directory
  (cd "$1" && "$LLMCHECKLIST_BIN" progress --json) |
    jq -r '"\(.done) \(.na) \(.todo) \(.total) \(.percent) \(.required_todo) \(.stale)"'
}

# The same counters of the fleet source named $2 in the fleet JSON $1.
fleet_counts() { # fleet-json source
  printf '%s' "$1" | jq -r --arg s "$2" '.sources[] | select(.source == $s) |
    "\(.done) \(.na) \(.todo) \(.total) \(.percent) \(.required_todo) \(.stale)"'
}

test_each_source_agrees_with_its_own_progress() {
  make_fleet
  lc fleet fleet/billing fleet/search fleet/custom fleet/legacy fleet/mirror.git \
    exports/billing.json exports/search.json exports/custom.json exports/legacy.json --format json
  assert_status 0
  for name in billing search custom legacy; do
    expected=$(own_progress "fleet/$name")
    assert_eq "$expected" "$(fleet_counts "$out" "fleet/$name")" "$name read through git"
    assert_eq "$expected" "$(fleet_counts "$out" "exports/$name.json")" "$name read from its export"
  done
  assert_eq "$(own_progress fleet/billing)" "$(fleet_counts "$out" fleet/mirror.git)" \
    "the bare mirror of billing"
  # Names: the directory (a bare mirror without .git), or the name the export recorded.
  assert_eq "billing search custom legacy mirror billing search custom legacy" \
    "$(json '[.sources[].name] | join(" ")')"
  assert_eq "git git git git git json json json json" "$(json '[.sources[].kind] | join(" ")')"
  # Billing's open required items are the ones its own gate lists.
  expected=$(cd fleet/billing && "$LLMCHECKLIST_BIN" list --status todo --json |
    jq -r '[.phases[].items[] | select(.severity == "required") | .id] | join(" ")')
  assert_eq "$expected" "$(json '.sources[0].open_required | join(" ")')" "billing's open required items"
}

test_versions_weakest_phase_and_last_change_are_reported() {
  make_fleet
  lc fleet fleet/billing fleet/legacy exports/legacy.json --format json
  assert_status 0
  assert_eq "2027.1 2027.1 false" \
    "$(json '.sources[0].checklist | "\(.pinned_version) \(.latest_version) \(.newer_version)"')"
  assert_eq "2026.1 2027.1 true" \
    "$(json '.sources[1].checklist | "\(.pinned_version) \(.latest_version) \(.newer_version)"')"
  assert_eq "2026.1 2027.1 true" \
    "$(json '.sources[2].checklist | "\(.pinned_version) \(.latest_version) \(.newer_version)"')"
  # Billing's weakest phase is the one `progress` names.
  weakest=$(cd fleet/billing && "$LLMCHECKLIST_BIN" progress | sed -n 's/^Weakest phase: \(.*\) (\([0-9]*\) %)$/\1/p')
  [ -n "$weakest" ] || fail "progress named no weakest phase"
  assert_eq "$weakest" "$(json '.sources[0].weakest_phase.title')"
  # The last commit that changed the state file, read through git and carried by the export.
  expected=$(git -C fleet/legacy log -1 --format='%cI Ada Lovelace' -- .llmchecklist)
  assert_eq "$expected" "$(json '.sources[1].last_change | "\(.at) \(.by)"')"
  assert_eq "$expected" "$(json '.sources[2].last_change | "\(.at) \(.by)"')"
  lc fleet fleet/legacy
  assert_contains "$out" "llm-deployment@2026.1*"
  assert_contains "$out" "a newer version of the checklist exists"
}

# The last change is found in-process (libgit2); it must be the commit `git log -1 -- FILE`
# names, through later commits, merges and the committer's own time zone.
test_the_last_change_is_the_commit_git_log_names() {
  new_repo repo
  in_repo repo init
  GIT_COMMITTER_DATE="2026-03-01T10:00:00+05:30" commit_all repo "Checklist"
  echo a >repo/a && GIT_COMMITTER_DATE="2026-03-02T10:00:00-08:00" commit_all repo "Unrelated"
  git -C repo checkout -q -b side
  in_repo repo check 1
  git -C repo config user.name "Grace Hopper"
  GIT_COMMITTER_DATE="2026-03-03T09:15:42-03:30" commit_all repo "Check on a branch"
  git -C repo checkout -q main
  echo b >repo/b && GIT_COMMITTER_DATE="2026-03-04T10:00:00+00:00" commit_all repo "Main moves"
  GIT_COMMITTER_DATE="2026-03-05T10:00:00+00:00" git -C repo merge -q --no-ff -m "Merge side" side
  echo c >repo/c && commit_all repo "After the merge"
  for ref in HEAD main~1 main~2 side; do
    lc fleet repo --ref "$ref" --format json
    assert_status 0
    assert_eq "$(git -C repo log -1 --format='%cI %an' "$ref" -- .llmchecklist)" \
      "$(json '.sources[0].last_change | "\(.at) \(.by)"')"
  done
  assert_eq "2026-03-03T09:15:42-03:30 Grace Hopper" "$(json '.sources[0].last_change | "\(.at) \(.by)"')"
}

# libgit2 and its dependencies cost every command 9 ms to load: the binary loads it only when
# it reads a repository in-process (bench/run measures the difference).
test_libgit2_is_loaded_only_when_a_repository_is_read() {
  command -v readelf >/dev/null || skip "readelf is not installed"
  needed=$(readelf -d "$LLMCHECKLIST_BIN" | grep NEEDED)
  assert_contains "$needed" "libfmt"
  assert_not_contains "$needed" "libgit2"
  new_repo repo
  in_repo repo init
  commit_all repo "Checklist"
  lc fleet repo --format json
  assert_status 0
  assert_eq "1 Ada Lovelace" "$(json '"\(.summary.read) \(.sources[0].last_change.by)"')"
}

test_git_sources_are_read_at_the_revision_without_touching_the_work_tree() {
  make_fleet
  before=$(own_progress fleet/billing)
  first=$(git -C fleet/billing rev-parse HEAD)
  in_repo fleet/billing check 16 17 18
  commit_all fleet/billing "Three more"
  # An uncommitted change is not what git holds: the fleet reads HEAD.
  in_repo fleet/billing check 19
  status_before=$(git -C fleet/billing status --porcelain)
  stat_before=$(stat -c '%Y %s' fleet/billing/.llmchecklist)
  lc fleet fleet/billing --format json
  assert_status 0
  assert_eq 13 "$(json '.sources[0].done')" "done at HEAD (the work tree has 14)"
  lc fleet fleet/billing --ref "$first" --format json
  assert_status 0
  assert_eq "$before" "$(fleet_counts "$out" fleet/billing)" "billing at its first commit"
  assert_eq "$first" "$(json .ref)"
  assert_eq "$status_before" "$(git -C fleet/billing status --porcelain)" "git status"
  assert_eq "$stat_before" "$(stat -c '%Y %s' fleet/billing/.llmchecklist)" "the state file"
  assert_no_file fleet/billing/.llmchecklist.lock
  # A revision the repository lacks is a usage error, as `history --since` says of one.
  lc fleet fleet/billing --ref no-such-branch
  assert_status 2
  assert_contains "$err" "git knows no revision 'no-such-branch'"
  lc fleet fleet/billing --ref "main two"
  assert_status 2
  assert_contains "$err" "--ref takes a git revision"
}

test_a_custom_checklist_is_read_at_the_same_revision_and_only_inside_the_repository() {
  make_fleet
  # The checklist file changes in the work tree only: the fleet reads the committed one.
  sed -i 's/^title = "<script>alert(1)<\/script> Hostile/title = "Changed/' fleet/custom/checklist.toml
  lc fleet fleet/custom --format json
  assert_status 0
  assert_contains "$(json '.sources[0].checklist.title')" "<script>alert(1)</script> Hostile"
  # A state that names a checklist outside its repository is an error row, not a read.
  new_repo fleet/escape
  in_repo fleet/escape init
  sed -i 's|^checklist = .*|checklist = "../custom/checklist.toml"|' fleet/escape/.llmchecklist
  commit_all fleet/escape "Points outside"
  lc fleet fleet/escape fleet/search
  assert_status 3
  assert_contains "$err" "fleet/escape:HEAD:.llmchecklist:"
  assert_contains "$err" "inside the repository"
  assert_match "search +5 %" "$out"
}

test_bad_sources_become_rows_and_set_the_exit_code() {
  make_fleet
  printf '{"checklist": {"id": "x"' >exports/truncated.json
  printf '{"hello": 1}\n' >exports/other.json
  new_repo fleet/unknown
  in_repo fleet/unknown init
  sed -i 's|^checklist = .*|checklist = "builtin:no-such-list"|' fleet/unknown/.llmchecklist
  commit_all fleet/unknown "Unknown pin"

  # Data errors only: exit 3; every good source is still reported in full.
  lc fleet fleet/billing fleet/broken exports/truncated.json exports/other.json fleet/unknown \
    exports/search.json --format json
  assert_status 3
  assert_eq 2 "$(json '.summary.read')"
  assert_eq 4 "$(json '.summary.unreadable')"
  assert_eq "$(own_progress fleet/billing)" "$(fleet_counts "$out" fleet/billing)"
  assert_eq "data" "$(json '.sources[1].error.kind')"
  assert_eq "fleet/broken:HEAD:.llmchecklist 2" "$(json '.sources[1].error | "\(.path) \(.line)"')"
  assert_contains "$(json '.sources[2].error.message')" "exports/truncated.json: not valid JSON"
  assert_contains "$(json '.sources[3].error.message')" "not an \`llmchecklist export --format json\` file"
  assert_contains "$(json '.sources[4].error.message')" "no-such-list"
  # The same located messages the single-repository commands give, on stderr.
  assert_contains "$err" "fleet/broken:HEAD:.llmchecklist:2:13: error: not valid TOML"
  (cd fleet/broken && "$LLMCHECKLIST_BIN" list >/dev/null 2>../../own.err) || true
  assert_contains "$(cat own.err)" ".llmchecklist:2:13: error: not valid TOML"

  # A path that cannot be read, or a repository without a state file: I/O, exit 4, which wins.
  lc fleet fleet/empty fleet/nowhere fleet/broken fleet/search
  assert_status 4
  assert_contains "$err" "no .llmchecklist at HEAD in fleet/empty"
  assert_contains "$err" "fleet/nowhere: no such file or directory"
  assert_match "^empty +error: no .llmchecklist" "$out"
  assert_match "^nowhere +error: " "$out"
  assert_match "^broken +error: fleet/broken:HEAD:.llmchecklist:2:13" "$out"
  assert_match "^search +5 %" "$out"
}

test_scan_and_from_find_the_sources() {
  make_fleet
  # The scan finds repositories (work trees and bare) with a state file; one without is left
  # out; a broken one is a row.
  lc fleet --scan fleet --format json
  assert_status 3
  assert_eq "fleet/billing fleet/broken fleet/custom fleet/legacy fleet/mirror.git fleet/search" \
    "$(json '[.sources[].source] | join(" ")')"
  # --depth: the repositories are two levels below the top.
  lc fleet --scan . --depth 1 --format json
  assert_status 2
  assert_contains "$err" "the scan found no git repository"
  lc fleet --scan . --depth 2 --format json
  assert_eq 6 "$(json '.sources | length')"
  # --from a file and from standard input, with comments and blank lines.
  printf '# the services\nfleet/billing\n\nexports/search.json\n' >sources.txt
  lc fleet --from sources.txt --format json
  assert_status 0
  assert_eq "fleet/billing exports/search.json" "$(json '[.sources[].source] | join(" ")')"
  out=$(printf 'fleet/legacy\n' | "$LLMCHECKLIST_BIN" fleet --from - fleet/search --format json)
  assert_eq "fleet/search fleet/legacy" "$(json '[.sources[].source] | join(" ")')"
  lc fleet
  assert_status 2
  assert_contains "$err" "fleet needs sources"
}

test_the_gate_applies_to_each_source_and_names_every_failure() {
  make_fleet
  lc fleet fleet/billing fleet/search fleet/legacy --min 20
  assert_status 1
  assert_contains "$err" "gate failed: search: progress is 5 %, below the minimum of 20 %"
  assert_contains "$err" "gate failed: legacy: progress is 7 %, below the minimum of 20 %"
  assert_not_contains "$err" "gate failed: billing"
  assert_match "^billing .* pass$" "$(unwrapped "$out")"
  lc fleet fleet/billing fleet/search --min 5
  assert_status 0
  assert_eq "" "$err"
  lc fleet fleet/billing exports/search.json --all-required --format json
  assert_status 1
  assert_contains "$err" "gate failed: billing: "
  assert_contains "$err" "gate failed: search: "
  assert_eq "false false" "$(json '[.sources[].passes | tostring] | join(" ")')"
  assert_eq 0 "$(json '.summary.passing')"
  # An unreadable source is not a gate failure, but its exit code wins.
  lc fleet fleet/billing fleet/broken --min 100
  assert_status 3
  assert_contains "$err" "gate failed: billing"
}

test_text_csv_markdown_and_json_carry_the_same_numbers() {
  make_fleet
  lc fleet fleet/billing fleet/search fleet/broken --format csv
  assert_status 3
  assert_eq 4 "$(printf '%s\n' "$out" | wc -l)" "a header and one row per source"
  assert_contains "$out" "billing,fleet/billing,git,llm-deployment,2027.1,2027.1,10,1,29,40,"
  assert_contains "$out" "broken,fleet/broken,git,,,,,,,,,,,,,,,"
  lc fleet fleet/billing fleet/search --format markdown
  assert_status 0
  assert_contains "$out" "| Source | Checklist | Version | Progress |"
  assert_contains "$out" "| billing | llm-deployment | 2027.1 | 25 % | 10 | 1 | 29 |"
  assert_contains "$out" "## Most often still open"
  # Text: sorted by percent, lowest first, with the fleet below.
  lc fleet fleet/billing fleet/search fleet/legacy
  assert_status 0
  assert_eq "search legacy billing" "$(printf '%s\n' "$out" | sed -n '2,4p' | awk '{print $1}' | xargs)"
  assert_contains "$out" "3 sources at HEAD: 3 read, 0 could not be read."
  assert_contains "$out" "Phases across the fleet:"
  assert_contains "$out" "Most often still open:"
  # -o writes the report to a file, and -q keeps the text quiet.
  lc fleet fleet/billing --format json -o report.json
  assert_status 0
  assert_eq "" "$out"
  assert_eq billing "$(jq -r '.sources[0].name' report.json)"
  lc fleet fleet/billing -q
  assert_eq "" "$out"
  # Sources are read in parallel; the report does not depend on how many at once.
  a=$("$LLMCHECKLIST_BIN" fleet --scan fleet --format json --jobs 1 2>/dev/null || true)
  b=$("$LLMCHECKLIST_BIN" fleet --scan fleet --format json --jobs 8 2>/dev/null || true)
  assert_eq "$a" "$b" "the report with one job and with eight"
}

test_text_fits_the_terminal() {
  require_tmux
  make_fleet
  for width in 40 50 80 140; do
    tmux_screen "$width" 60 "cd '$PWD' && '$LLMCHECKLIST_BIN' fleet fleet/billing fleet/legacy fleet/broken fleet/custom --min 50 2>/dev/null"
    assert_fits "$width" "fleet at $width columns"
    assert_match "^billing +25 %" "$screen"
    assert_match "^broken +error:" "$screen"
  done
  # The widest terminal shows every column.
  assert_contains "$screen" "LAST CHANGE"
  assert_contains "$screen" "GATE"
  # Text from the repositories is shown, not obeyed: the custom repository's author carries an
  # escape sequence and a bell.
  assert_contains "$screen" "Eve ^[]0;pwned^G"
}

test_hostile_text_is_neutral_in_every_format() {
  make_fleet
  # An export is an artifact anyone's CI job can upload: its recorded name is theirs to choose.
  jq '.project.name = "=HYPERLINK(\"http://evil.example\",\"x\") <script>alert(2)</script> | [l](http://e.example) \u001b[31m"' \
    exports/custom.json >exports/evil.json
  esc=$(printf '\033')
  for format in text csv markdown json html; do
    lc fleet fleet/custom exports/evil.json --format "$format"
    assert_status 0
    case "$out" in *"$esc"*) fail "$format: a raw escape character reached the report" ;; esac
    case "$out" in *$'\a'*) fail "$format: a raw bell character reached the report" ;; esac
  done
  lc fleet fleet/custom exports/evil.json --format csv
  assert_contains "$out" "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") <script>" "the formula, neutralised"
  lc fleet fleet/custom exports/evil.json --format markdown
  assert_contains "$out" '\<script\>alert(1)\</script\>' "an item title"
  assert_contains "$out" '\<script\>alert(2)\</script\> \| \[l\](http://e.example)' "the name"
  assert_not_contains "$out" "<script>"
  lc fleet fleet/custom exports/evil.json --format html
  assert_not_contains "$out" "<script>alert"
  assert_not_contains "$out" "<img src=x"
  assert_contains "$out" "&lt;script&gt;alert(1)&lt;/script&gt;"
  assert_contains "$out" "&lt;script&gt;alert(2)&lt;/script&gt;"
  # One script, the page's own, and nothing that could be another.
  assert_eq 1 "$(printf '%s\n' "$out" | grep -o '<script' | wc -l)" "script elements"
  lc fleet fleet/custom exports/evil.json --format json
  assert_eq "$(jq -r .project.name exports/evil.json)" "$(json '.sources[1].name')" "the name, as data"
  lc fleet fleet/custom exports/evil.json --format text
  assert_contains "$out" "=HYPERLINK"
}

test_export_json_records_the_project() {
  make_fleet
  lc -C fleet/search export --format json
  assert_status 0
  assert_eq search "$(json .project.name)"
  assert_eq "$(git -C fleet/search log -1 --format=%cI -- .llmchecklist)" "$(json .project.last_change.at)"
  assert_eq "Ada Lovelace" "$(json .project.last_change.by)"
  lc -C fleet/search export --format json --project-name "acme/search"
  assert_eq "acme/search" "$(json .project.name)"
  # The project is the export's: progress --json keeps its schema.
  lc -C fleet/search progress --json
  assert_eq null "$(json .project)"
  # Outside git: the directory's name, and no last change.
  mkdir plain && (cd plain && "$LLMCHECKLIST_BIN" init -q)
  lc -C plain export --format json
  assert_eq "plain null" "$(json '"\(.project.name) \(.project.last_change)"')"
}

test_the_html_page_renders_in_chromium_with_its_table_heat_map_and_sorting() {
  command -v chromium >/dev/null || skip "chromium is not installed (apt-get install chromium)"
  command -v python3 >/dev/null || skip "python3 is not installed"
  make_fleet
  lc fleet --scan fleet exports/custom.json --format html -o fleet.html --min 20
  assert_status 3
  assert_contains "$(cat fleet.html)" "default-src 'none'"
  # The Content Security Policy lets exactly the page's script run: its hash is the script's.
  python3 - fleet.html <<'EOF' || fail "the script's hash is not the one the policy allows"
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
allowed = re.search(r"script-src 'sha256-([^']+)'", page).group(1)
script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
sys.exit(base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() != allowed)
EOF
  chrome() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$PWD/profile" --hide-scrollbars "$@" 2>/dev/null
  }
  # Without the script the table arrives sorted by percent; the script sorts by name on asking.
  dom=$(chrome --dump-dom "file://$PWD/fleet.html#sort=name")
  rows=$(printf '%s\n' "$dom" | grep -o '<tr><td><a href="#source-[0-9]*">[^<]*' | sed 's/.*>//' | xargs)
  # The two sources named custom show their paths.
  assert_eq "billing custom (exports/custom.json) custom (fleet/custom) legacy mirror search" "$rows" \
    "rows sorted by name in Chromium"
  dom=$(chrome --dump-dom "file://$PWD/fleet.html")
  rows=$(printf '%s\n' "$dom" | grep -o '<tr><td><a href="#source-[0-9]*">[^<]*' | sed 's/.*>//' | xargs)
  assert_eq "search legacy custom (exports/custom.json) custom (fleet/custom) billing mirror" "$rows" \
    "rows sorted by percent"
  assert_contains "$dom" '<button type="button">Source</button>'
  assert_contains "$dom" 'id="heat-map"'
  assert_eq 6 "$(printf '%s\n' "$dom" | sed -n '/id="heat-map"/,/<\/table>/p' | grep -c '<tr><th><a href')" \
    "heat map rows (one per source that could be read)"
  assert_contains "$dom" 'id="most-open"'
  assert_contains "$dom" 'id="source-1"'
  chrome --window-size=1200,1600 --screenshot="$PWD/fleet.png" "file://$PWD/fleet.html" >/dev/null
  stats=$(python3 "$TESTS_DIR/tools/png_stats.py" fleet.png)
  [ "$(echo "$stats" | awk '{print $3}')" -gt 50 ] || fail "the page did not render ($stats)"
  awk -v f="$(echo "$stats" | awk '{print $4}')" 'BEGIN { exit !(f > 0.05) }' ||
    fail "too little of the page is inked ($stats)"
}

# --- Under a hostile pull request: nothing lost, no gate passed unseen -----------------------

# `fleet -o` follows `export -o`'s rules (write_report()): what the report is made from is never
# replaced, however the output names it.
test_fleet_o_never_replaces_an_export_it_reads_or_a_repositorys_state_or_checklist_file() {
  make_fleet
  cp exports/search.json search.before
  lc fleet fleet/billing exports/search.json --format json -o exports/search.json
  assert_status 2
  assert_contains "$err" "a JSON export the fleet reads"
  assert_same_bytes search.before exports/search.json
  # A repository's state file, named directly, by another path or through a link.
  cp fleet/billing/.llmchecklist billing.before
  ln -s fleet/billing/.llmchecklist state-link.md
  for output in fleet/billing/.llmchecklist fleet/../fleet/billing/.llmchecklist state-link.md; do
    lc fleet fleet/billing fleet/search --format markdown -o "$output"
    assert_status 2
    assert_contains "$err" "the state file of repository fleet/billing"
    assert_same_bytes billing.before fleet/billing/.llmchecklist
  done
  [ -L state-link.md ] || fail "the link was replaced"
  # A repository's checklist file.
  cp fleet/custom/checklist.toml custom.before
  lc fleet fleet/custom -o fleet/custom/checklist.toml
  assert_status 2
  assert_contains "$err" "a checklist file of repository fleet/custom"
  assert_same_bytes custom.before fleet/custom/checklist.toml
  # The state file of the directory the fleet runs in, as `export -o` refuses it.
  mkdir here
  (cd here && "$LLMCHECKLIST_BIN" init -q)
  cp here/.llmchecklist here.before
  lc -C here fleet ../fleet/billing -o .llmchecklist
  assert_status 2
  assert_contains "$err" "the state file in use"
  assert_same_bytes here.before here/.llmchecklist
  # Anything else is written.
  lc fleet fleet/billing --format json -o fleet/billing/report.json
  assert_status 0
  assert_eq billing "$(jq -r '.sources[0].name' fleet/billing/report.json)"
}

test_fleet_o_writes_into_a_fifo_or_a_device_and_through_a_link() {
  new_repo repo
  in_repo repo init
  commit_all repo "Checklist"
  lc fleet repo --format json -o /dev/null
  assert_status 0
  assert_eq "" "$out"
  mkfifo pipe
  timeout 20 cat pipe >from-pipe.json &
  lc fleet repo --format json -o pipe
  wait
  assert_status 0
  [ -p pipe ] || fail "the FIFO was replaced"
  assert_eq repo "$(jq -r '.sources[0].name' from-pipe.json)"
  echo old >real.json
  ln -s real.json link.json
  lc fleet repo --format json -o link.json
  assert_status 0
  [ -L link.json ] || fail "the link was replaced instead of written through"
  assert_eq repo "$(jq -r '.sources[0].name' real.json)"
}

test_the_same_repository_given_twice_or_by_two_paths_is_read_once() {
  make_fleet
  ln -s fleet/billing billing-link
  lc fleet fleet/billing ./fleet/billing/ fleet/billing/.git billing-link fleet/billing \
    exports/search.json exports/../exports/search.json --format json
  assert_status 0
  assert_eq "fleet/billing exports/search.json" "$(json '[.sources[].source] | join(" ")')"
  assert_eq 2 "$(json '.summary.sources')"
  assert_contains "$err" "note: fleet/billing and ./fleet/billing/ are the same repository; read once"
  assert_contains "$err" "note: fleet/billing and fleet/billing/.git are the same repository"
  assert_contains "$err" "note: fleet/billing and billing-link are the same repository"
  assert_contains "$err" "note: fleet/billing is given more than once; read once"
  assert_contains "$err" "note: exports/search.json and exports/../exports/search.json are the same file"
  # A scan repeated, or over what was named: each repository once. A bare clone is another
  # repository, and stays.
  lc fleet fleet/search --scan fleet --scan ./fleet --format json
  assert_status 3
  assert_eq "fleet/search fleet/billing fleet/broken fleet/custom fleet/legacy fleet/mirror.git" \
    "$(json '[.sources[].source] | join(" ")')"
  assert_contains "$err" "note: fleet/search is given more than once; read once"
  assert_contains "$err" "note: fleet/billing is given more than once; read once"
}

test_rows_that_share_a_name_show_their_path() {
  new_repo team-a/api
  in_repo team-a/api init
  commit_all team-a/api "Checklist"
  new_repo team-b/api
  in_repo team-b/api init
  in_repo team-b/api check 1 2 3 4 5 6 7 8
  commit_all team-b/api "Checklist"
  lc fleet team-a/api team-b/api --min 50
  assert_status 1
  assert_match "^api \(team-a/api\) +0 %" "$out"
  assert_match "^api \(team-b/api\) +20 %" "$out"
  assert_contains "$err" "gate failed: api (team-a/api): progress is 0 %"
  assert_contains "$err" "gate failed: api (team-b/api): progress is 20 %"
  lc fleet team-a/api team-b/api --format markdown
  assert_contains "$out" "| api (team-a/api) | llm-deployment |"
  assert_contains "$out" "| api (team-b/api) | llm-deployment |"
  lc fleet team-a/api team-b/api --format html
  assert_contains "$out" ">api (team-a/api)</a></td>"
  assert_contains "$out" ">api (team-b/api)</a></th>"
  # JSON and CSV carry the name and the source apart, as before.
  lc fleet team-a/api team-b/api --format json
  assert_eq "api api" "$(json '[.sources[].name] | join(" ")')"
  assert_eq "team-a/api team-b/api" "$(json '[.sources[].source] | join(" ")')"
}

# simdjson keeps the first of two equal keys and jq the last: an export with both would show
# one number in the fleet and another in the team's own scripts.
test_an_export_with_duplicate_keys_is_refused_at_the_second_key() {
  new_repo repo
  in_repo repo init
  in_repo repo check 1 2 3 4
  commit_all repo "Checklist"
  in_repo repo export --format json -o "$PWD/good.json"
  # A second "percent" at the top: the fleet would read the first (100), jq the last (10).
  sed '0,/^  "percent": /s//  "percent": 100,\n  "percent": /' good.json >top.json
  assert_eq 10 "$(jq -r .percent top.json)" "what jq reads"
  line=$(grep -n '^  "percent": ' top.json | sed -n 2p | cut -d: -f1)
  lc fleet top.json good.json --format json
  assert_status 3
  assert_contains "$err" "top.json:$line:3: error: duplicate key 'percent' (first at line $((line - 1)), column 3)"
  assert_eq "data top.json $line 3" "$(json '.sources[0].error | "\(.kind) \(.path) \(.line) \(.column)"')"
  assert_eq 10 "$(json '.sources[1].percent')" "the good export is read in full"
  # In a phase, and spelt with an escape: the same key.
  sed '0,/^      "done": /s//      "d\\u006fne": 5,\n      "done": /' good.json >phase.json
  jq . phase.json >/dev/null || fail "phase.json is not valid JSON"
  line=$(grep -n '^      "done": ' phase.json | head -n 1 | cut -d: -f1)
  lc fleet phase.json
  assert_status 3
  assert_contains "$err" "phase.json:$line:7: error: duplicate key 'done' (first at line $((line - 1)), column 7)"
  assert_contains "$out" "duplicate key 'done'"
}

test_without_a_gate_csv_and_json_do_not_say_passes() {
  make_fleet
  lc fleet fleet/billing fleet/search --format json
  assert_status 0
  assert_eq "null null" "$(json '[.sources[].passes | tostring] | join(" ")')"
  assert_eq "null null" "$(json '"\(.summary.passing) \(.summary.failing)"')"
  lc fleet fleet/billing fleet/search --format csv
  assert_status 0
  assert_eq "[] []" "$(printf '%s\n' "$out" | tail -n +2 | tr -d '\r' |
    python3 -c 'import csv, sys; print(" ".join("[" + r[16] + r[17] + "]" for r in csv.reader(sys.stdin)))')" \
    "passes and error, empty"
  assert_not_contains "$out" ",yes,"
  assert_not_contains "$out" ",no,"
  # With a gate they say it, as before.
  lc fleet fleet/billing fleet/search --min 20 --format json
  assert_eq "true false" "$(json '[.sources[].passes | tostring] | join(" ")')"
  assert_eq "1 1" "$(json '"\(.summary.passing) \(.summary.failing)"')"
  lc fleet fleet/billing fleet/search --min 20 --format csv
  assert_contains "$out" ",yes,"
  assert_contains "$out" ",no,"
}

test_a_located_error_is_never_cut_short_in_the_text_table() {
  make_fleet
  lc fleet fleet/broken fleet/search --format json
  message=$(json '.sources[0].error.message')
  assert_contains "$message" "not valid TOML"
  lc fleet fleet/broken fleet/search
  assert_status 3
  assert_contains "$(unwrapped "$out")" "error: $message"
  longest=$(printf '%s\n' "$out" | wc -L)
  [ "$longest" -le 80 ] || fail "a line of $longest columns"
}

test_a_symlinked_or_non_regular_state_file_is_named_as_such_not_as_bad_toml() {
  new_repo linked
  in_repo linked init
  mv linked/.llmchecklist linked/real.toml
  ln -s real.toml linked/.llmchecklist
  commit_all linked "The state file is a link"
  new_repo folder
  mkdir folder/.llmchecklist
  echo x >folder/.llmchecklist/file
  commit_all folder "A directory where the state file would be"
  lc fleet linked folder --format json
  assert_status 3
  assert_contains "$err" "linked:HEAD:.llmchecklist: error: a symbolic link to 'real.toml', not a file"
  assert_contains "$err" "folder:HEAD:.llmchecklist: error: a directory, not a file"
  assert_not_contains "$err" "TOML"
  assert_not_contains "$err" "no .llmchecklist"
  # A scan reports them: they are no repositories without a state file.
  lc fleet --scan . --format json
  assert_status 3
  assert_eq "folder linked" "$(json '[.sources[].name] | join(" ")')"
  # A checklist file that is a link is named the same way.
  new_repo custom
  cp "$FIXTURES/checklists/small.toml" custom/real.toml
  ln -s real.toml custom/checklist.toml
  in_repo custom init --checklist checklist.toml
  commit_all custom "The checklist is a link"
  lc fleet custom
  assert_status 3
  assert_contains "$err" "custom:HEAD:checklist.toml: error: a symbolic link to 'real.toml', not a file"
}

test_no_such_file_is_said_only_when_there_is_none() {
  mkfifo pipe
  ln -s nowhere dangling
  echo "{}" >file
  lc fleet pipe dangling missing file/inside --format json
  assert_status 4
  assert_contains "$err" "pipe: a FIFO, neither a git repository nor a JSON export"
  assert_contains "$err" "dangling: a symbolic link to 'nowhere', which does not exist"
  assert_contains "$err" "missing: no such file or directory"
  assert_contains "$err" "file/inside: no such file or directory"
  assert_not_contains "$err" "pipe: no such file"
  assert_not_contains "$err" "dangling: no such file"
  lc fleet /dev/null
  assert_status 4
  assert_contains "$err" "/dev/null: a device, neither a git repository nor a JSON export"
}

# Both commands call a revision git does not know a usage error (2); a repository without
# commits has none, not even HEAD.
test_an_unknown_ref_or_a_repository_without_commits_is_a_usage_error_as_in_history() {
  new_repo repo
  in_repo repo init
  commit_all repo "Checklist"
  lc fleet repo --ref no-such-branch --format json
  assert_status 2
  assert_contains "$err" "repo: git knows no revision 'no-such-branch' here"
  assert_eq "usage" "$(json '.sources[0].error.kind')"
  lc -C repo history --since no-such-branch
  assert_status 2
  assert_contains "$err" "git knows no revision 'no-such-branch'"
  new_repo fresh
  in_repo fresh init
  lc fleet fresh
  assert_status 2
  assert_contains "$err" "fresh: git knows no revision 'HEAD' here: HEAD's branch has no commits yet"
  lc -C fresh history
  assert_status 2
  assert_contains "$err" "git knows no revision 'HEAD': HEAD's branch has no commits yet"
  # A scan leaves the new repository out, as one without a state file; invalid data wins.
  lc fleet --scan . --format json
  assert_status 0
  assert_eq "repo" "$(json '[.sources[].name] | join(" ")')"
  new_repo broken
  printf 'version = 1\nchecklist = \n' >broken/.llmchecklist
  commit_all broken "Broken"
  lc fleet repo broken --ref main~0 fresh
  assert_status 3
}

test_from_trims_the_whitespace_around_each_source() {
  make_fleet
  printf '\xef\xbb\xbf  fleet/billing  \n\texports/search.json\t\r\n   # an indented comment\n \t\n' >sources.txt
  lc fleet --from sources.txt --format json
  assert_status 0
  assert_eq "fleet/billing exports/search.json" "$(json '[.sources[].source] | join(" ")')"
}

test_scan_says_when_it_skipped_links_and_when_depth_hid_repositories() {
  make_fleet
  ln -s fleet/billing linked
  mkdir -p deep/a/b
  git clone -q fleet/search deep/a/b/search
  lc fleet --scan . --depth 2 --format json
  assert_status 3
  assert_contains "$err" "warning: --scan . skipped 1 symbolic link to a directory (linked)"
  assert_contains "$err" "warning: --scan . left out 1 git repository deeper than --depth 2; the nearest is 4 levels down (--depth 4 finds it)"
  assert_not_contains "$(json '[.sources[].source] | join(" ")')" "deep/"
  lc fleet --scan . --depth 4 --format json
  assert_contains "$(json '[.sources[].source] | join(" ")')" "deep/a/b/search"
  assert_not_contains "$err" "left out"
  lc fleet --scan . --depth 1
  assert_status 2
  assert_contains "$err" "left out 8 git repositories deeper than --depth 1; the nearest is 2 levels down (--depth 2 finds it)"
  assert_contains "$err" "the scan found no git repository within --depth 1"
}

# One form in every CSV (export, fleet, history): UTC to the second, with Z, whatever the
# committer's clock or a recorded fraction of a second. JSON keeps the committer's offset.
test_every_csv_writes_times_in_one_form_utc_with_z() {
  new_repo repo
  in_repo repo init
  in_repo repo check 1
  sed -i 's/^at = \(.*\)Z$/at = \1.25Z/' repo/.llmchecklist
  grep -q '^at = .*\.25Z$' repo/.llmchecklist || fail "no fraction in the state file"
  GIT_COMMITTER_DATE="2026-03-03T09:15:42-03:30" commit_all repo "Checklist"
  lc -C repo export --format json -o ../repo.json
  lc -C repo export --format csv
  assert_status 0
  assert_contains "$out" ",2026-11-28T12:00:00Z,"
  csvs="$out"
  lc fleet repo repo.json --format csv
  assert_status 0
  assert_eq 2 "$(printf '%s\n' "$out" | grep -c ',2026-03-03T12:45:42Z,')" "last changes in UTC"
  csvs="$csvs
$out"
  lc -C repo history --format csv
  assert_status 0
  assert_contains "$out" ",2026-03-03T12:45:42Z,"
  csvs="$csvs
$out"
  assert_eq "" "$(printf '%s\n' "$csvs" | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}T[^,"]*' |
    grep -vE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' || true)" "times in another form"
  lc fleet repo --format json
  assert_eq "2026-03-03T09:15:42-03:30" "$(json '.sources[0].last_change.at')"
}

run_tests "$@"
