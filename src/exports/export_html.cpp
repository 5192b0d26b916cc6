// The HTML report: one self-contained page that opens offline, runs no script (a Content
// Security Policy forbids it outright), reads in light and dark mode, prints with every item's
// details shown, and fits a phone's width. All checklist and state text is escaped.

#include <fmt/format.h>

#include "exports/selection.hpp"
#include "exports/xml_escape.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

using detail::xml_escape;

constexpr std::string_view k_style = R"css(
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff;
  --card: #f6f8fa; --line: #d1d9e0; --track: #e6eaef; --done: #1a7f37; --na: #6e7781;
  --todo: #bc4c00; --bar: #1a7f37; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --line: #3d444d;
    --track: #262c36; --done: #3fb950; --na: #9198a1; --todo: #f0883e; --bar: #3fb950; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0; }
.summary { color: var(--muted); margin: 0 0 .75rem; }
.progress { display: flex; align-items: center; gap: .75rem; }
.bar { flex: 1; height: .75rem; background: var(--track); border-radius: .375rem;
  overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--bar); }
.percent { font-weight: 600; min-width: 3.5rem; text-align: right;
  font-variant-numeric: tabular-nums; }
section.phase { margin-top: 2rem; }
.phase-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem;
  margin-bottom: .5rem; }
.phase-head .counts { color: var(--muted); font-size: .9rem; }
.optional { font-size: .75rem; font-weight: 500; color: var(--muted);
  border: 1px solid var(--line); border-radius: 1rem; padding: 0 .5rem; }
ol.items { list-style: none; margin: .75rem 0 0; padding: 0; }
li.item { background: var(--card); border: 1px solid var(--line); border-left-width: .3rem;
  border-radius: .375rem; padding: .6rem .8rem; margin: .5rem 0; }
li.done { border-left-color: var(--done); }
li.na { border-left-color: var(--na); }
li.todo { border-left-color: var(--todo); }
.head { display: flex; gap: .6rem; align-items: baseline; }
.status { font-size: .75rem; font-weight: 700; text-transform: uppercase; min-width: 3rem; }
li.done .status { color: var(--done); }
li.na .status { color: var(--na); }
li.todo .status { color: var(--todo); }
.num { color: var(--muted); font-variant-numeric: tabular-nums; }
.title { flex: 1 1 0; min-width: 0; font-weight: 600; overflow-wrap: anywhere; }
li.na .title { text-decoration: line-through; }
.severity { margin-left: auto; font-size: .75rem; color: var(--muted); white-space: nowrap; }
.meta { margin: .25rem 0 0; color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
details { margin-top: .35rem; }
summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
.practice p { margin: .5rem 0; }
.practice a { color: inherit; overflow-wrap: anywhere; }
.print-only { display: none; }
.verified { color: var(--done); }
.failing { color: var(--todo); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 2rem; }
  .head { flex-wrap: wrap; }
  .severity { flex-basis: 100%; margin-left: 0; }
}
@media print {
  :root { --fg: #000; --muted: #333; --bg: #fff; --card: #fff; --line: #999; --track: #ddd; }
  details { display: none; }
  .print-only { display: block; }
  li.item, .phase-head { break-inside: avoid; }
  .bar { border: 1px solid #999; }
  .bar > span { background: #555; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string progress_bar(const Counts& counts)
{
  const double percent = counts.percent();
  return fmt::format("<div class=\"progress\"><div class=\"bar\" role=\"progressbar\" "
                     "aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{}\">"
                     "<span style=\"width: {:.1f}%\"></span></div>"
                     "<span class=\"percent\">{} %</span></div>\n",
                     counts.percent_floor(), percent, counts.percent_floor());
}

std::string counts_text(const Counts& counts)
{
  std::string text = fmt::format("{} of {} done", counts.done, counts.total - counts.na);
  if (counts.na > 0) {
    text += fmt::format(", {} not applicable", counts.na);
  }
  return text;
}

std::string paragraphs(std::string_view text)
{
  std::string out;
  for (const std::string& paragraph : split_paragraphs(text)) {
    out += fmt::format("<p>{}</p>", xml_escape(paragraph));
  }
  return out;
}

// Links are shown as links only when they are web addresses; anything else (a javascript: URL
// in a hostile checklist, say) is shown as text.
std::string link(std::string_view url)
{
  const std::string start = ascii_lower(url.substr(0, 8));
  const bool web = start.rfind("https://", 0) == 0 || start.rfind("http://", 0) == 0;
  const std::string text = xml_escape(url);
  return web ? fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", text, text) : text;
}

std::string practice(const Item& item)
{
  std::string out = paragraphs(item.details);
  if (!item.done_when.empty()) {
    out += fmt::format("<p><strong>Done when:</strong> {}</p>", xml_escape(item.done_when));
  }
  if (!item.links.empty()) {
    out += "<p><strong>Sources:</strong> ";
    for (std::size_t i = 0; i < item.links.size(); ++i) {
      out += (i > 0 ? ", " : "") + link(item.links[i]);
    }
    out += "</p>";
  }
  return out;
}

std::string item_html(const Item& item, const State& state)
{
  const Entry* entry = state.find(item.id);
  const Status status = status_of(state, item); // an expired n/a counts as todo
  const char* label = status == Status::done ? "done" : status == Status::na ? "n/a" : "todo";
  std::string out = fmt::format("<li class=\"item {}\" id=\"item-{}\">\n<div class=\"head\">"
                                "<span class=\"status\">{}</span><span class=\"num\">{}.</span>"
                                "<span class=\"title\">{}</span><span class=\"severity\">{}</span>"
                                "</div>\n",
                                to_string(status), xml_escape(item.id), label, item.number,
                                xml_escape(item.title), to_string(item.severity));
  if (entry != nullptr && status != Status::todo) {
    std::string meta = status == Status::na ? "Not applicable" : "Checked";
    if (!entry->by.empty()) {
      meta += fmt::format(" by {}", xml_escape(entry->by));
    }
    if (!entry->at.empty()) {
      meta += fmt::format(" on <time datetime=\"{0}\">{1}</time>", xml_escape(entry->at),
                          xml_escape(entry->at.substr(0, 10)));
    }
    if (!entry->note.empty()) {
      meta += fmt::format(": {}", xml_escape(entry->note));
    }
    if (is_stale(state, item)) {
      meta +=
          fmt::format(" <strong class=\"failing\">Stale: checked at revision {}, now {}.</strong>",
                      entry->revision, item.revision);
    }
    const Evidence evidence = evidence_of(state, item);
    if (evidence == Evidence::automated) {
      meta += " <strong class=\"verified\">Verified by its command.</strong>";
    } else if (evidence == Evidence::failing) {
      meta += " <strong class=\"failing\">Its verify command fails.</strong>";
    }
    out += fmt::format("<p class=\"meta\">{}</p>\n", meta);
  }
  const std::string body = practice(item);
  out += fmt::format("<details><summary>Best practice and evidence</summary>"
                     "<div class=\"practice\">{0}</div></details>\n"
                     "<div class=\"practice print-only\">{0}</div>\n</li>\n",
                     body);
  return out;
}

} // namespace

std::string render_html(const Checklist& checklist, const State& state, const Selection& selection)
{
  const detail::Selected selected = detail::select(checklist, state, selection);
  const std::string title = xml_escape(checklist.title);
  std::string out =
      fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\">\n"
                  "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n"
                  "<p class=\"summary\">{}</p>\n",
                  title, k_style, title, counts_text(selected.counts));
  out += progress_bar(selected.counts);
  for (const detail::SelectedPhase& selected_phase : selected.phases) {
    const Phase& phase = checklist.phases()[selected_phase.index];
    const Counts& counts = selected.progress.phases[selected_phase.index];
    out += fmt::format("<section class=\"phase\" id=\"phase-{}\">\n<div class=\"phase-head\">"
                       "<h2>{}</h2>{}<span class=\"counts\">{}</span></div>\n",
                       xml_escape(phase.id), xml_escape(phase.title),
                       phase.optional ? "<span class=\"optional\">optional</span>" : "",
                       counts_text(counts));
    out += progress_bar(counts);
    if (!selected_phase.items.empty()) {
      out += "<ol class=\"items\">\n";
      for (const std::size_t i : selected_phase.items) {
        out += item_html(checklist.items()[i], state);
      }
      out += "</ol>\n";
    }
    out += "</section>\n";
  }
  out += fmt::format("<footer>Exported by llmchecklist from {}.</footer>\n</main>\n</body>\n"
                     "</html>\n",
                     xml_escape(checklist.source));
  return out;
}

} // namespace llmchecklist
