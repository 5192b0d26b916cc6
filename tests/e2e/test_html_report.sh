#!/usr/bin/env bash
# The HTML report, rendered in a real browser (Debian's headless Chromium), and hostile text
# kept inert in it.
. "$(dirname "$0")/lib.sh"

command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }

# Renders an HTML file to PNG at a width and prints "width height colours inked_fraction".
render() { # file.html out.png width [extra chromium flags]
  local html=$1 png=$2 width=$3
  shift 3
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$PWD/profile" --hide-scrollbars --window-size="$width,1600" \
    "$@" --screenshot="$png" "file://$PWD/$html" >/dev/null 2>&1
  python3 "$TESTS_DIR/tools/png_stats.py" "$png"
}

# A rendered page has text and bars: many colours, and ink on a good share of it.
assert_rendered() { # stats
  local colours inked
  colours=$(echo "$1" | awk '{print $3}')
  inked=$(echo "$1" | awk '{print $4}')
  [ "$colours" -gt 50 ] || fail "only $colours colours: the page did not render ($1)"
  awk -v f="$inked" 'BEGIN { exit !(f > 0.05) }' || fail "only $inked of the page is inked ($1)"
}

test_the_blank_page_check_fails_on_a_blank_page() {
  printf '<!DOCTYPE html><html><body></body></html>\n' >blank.html
  stats=$(render blank.html blank.png 1000)
  if (assert_rendered "$stats") 2>/dev/null; then
    fail "a blank page passed the rendering check ($stats)"
  fi
}

test_the_report_renders_in_chromium_at_desktop_and_phone_width_light_and_dark() {
  git_repo
  lc check 1 2 3 --note "docs/model-choice.md"
  lc check fine-tuning-baseline --na "prompting meets the bar"
  lc export --format html -o report.html
  assert_status 0
  assert_rendered "$(render report.html desktop.png 1200)"
  assert_rendered "$(render report.html phone.png 390)"
  light=$(render report.html light.png 1200)
  dark=$(render report.html dark.png 1200 --force-dark-mode)
  assert_rendered "$dark"
  # The page follows the colour scheme: light background in light mode, dark in dark mode.
  [ "$(echo "$light" | awk '{print $5}')" -gt 200 ] || fail "light page is not light ($light)"
  [ "$(echo "$dark" | awk '{print $5}')" -lt 60 ] || fail "dark page is not dark ($dark)"
}

test_the_report_is_self_contained_and_runs_no_script() {
  lc export --format html
  assert_status 0
  assert_contains "$out" "<!DOCTYPE html>"
  assert_contains "$out" "default-src 'none'"
  assert_contains "$out" "prefers-color-scheme: dark"
  assert_contains "$out" "@media print"
  assert_contains "$out" '<meta name="viewport"'
  assert_not_contains "$out" "<script"
  assert_not_contains "$out" "<link"
  assert_not_contains "$out" "<img"
  assert_not_contains "$out" "url("
  [ "$(printf '%s' "$out" | grep -c '<details>')" -eq 40 ] || fail "expected 40 <details> blocks"
}

test_hostile_text_shows_as_text_in_the_report_and_the_page_still_renders() {
  cp "$FIXTURES/checklists/hostile.toml" checklist.toml
  cp "$FIXTURES/states/hostile.llmchecklist" .llmchecklist
  lc export --format html -o report.html
  assert_status 0
  html=$(cat report.html)
  assert_not_contains "$html" "<script>"
  assert_not_contains "$html" "<img src=x"
  assert_not_contains "$html" 'href="javascript:'
  assert_contains "$html" "&lt;script&gt;alert(1)&lt;/script&gt;"
  assert_contains "$html" 'href="https://example.org/?a=1&amp;b=&lt;2&gt;"'
  assert_not_contains "$html" $'\x1b'
  assert_rendered "$(render report.html hostile.png 1000)"
  # The title the browser shows is the escaped text, not markup.
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --user-data-dir="$PWD/profile" --dump-dom "file://$PWD/report.html" 2>/dev/null >dom.html
  assert_not_contains "$(cat dom.html)" "<script>alert"
}

run_tests "$@"
