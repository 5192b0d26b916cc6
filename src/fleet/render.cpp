// The fleet report as JSON, CSV, Markdown and HTML. Every piece of text from a source (names,
// titles, ids, messages, authors) is untrusted and goes through the same escaping as `export`.

#include <fmt/format.h>

#include "exports/csv_cell.hpp"
#include "exports/json_counts.hpp"
#include "exports/json_writer.hpp"
#include "exports/markdown_text.hpp"
#include "exports/xml_escape.hpp"
#include "llmchecklist/enum_names.hpp"
#include "llmchecklist/fleet.hpp"

namespace llmchecklist {
namespace {

using detail::csv_cell;
using detail::inline_text;
using detail::xml_escape;

constexpr const char* k_buckets[5] = {"0-24", "25-49", "50-74", "75-99", "100"};

// "5 sources at HEAD: 3 pass the gate, 1 fails it, 1 could not be read."
std::string summary_sentence(const Fleet& fleet, const FleetSummary& summary)
{
  std::string text = fmt::format("{} source{} at {}: ", fleet.sources.size(),
                                 fleet.sources.size() == 1 ? "" : "s", fleet.ref);
  if (fleet.gate.asked()) {
    text += fmt::format("{} pass{} the gate, {} fail{} it", summary.passing,
                        summary.passing == 1 ? "es" : "", summary.read - summary.passing,
                        summary.read - summary.passing == 1 ? "s" : "");
  } else {
    text += fmt::format("{} read (no gate asked)", summary.read);
  }
  return text + fmt::format(", {} could not be read.", summary.unreadable);
}

constexpr std::string_view k_error_kinds[] = {"data", "io", "usage"};

// The gate's column: blank when no gate was asked.
std::string_view gate_cell(const Fleet& fleet, const FleetSource& source, std::string_view pass,
                           std::string_view fail)
{
  return !fleet.gate.asked() ? "" : gate_failures(source, fleet.gate).empty() ? pass : fail;
}

std::string weakest_title(const FleetSource& source)
{
  return source.weakest ? source.phases[*source.weakest].title : std::string();
}

// ---- JSON ------------------------------------------------------------------------------------

void write_phase(detail::JsonWriter& json, const FleetPhase& phase)
{
  json.begin_object();
  json.key("id").value(phase.id);
  json.key("title").value(phase.title);
  json.key("optional").value(phase.optional);
  detail::write_counts(json, phase.counts);
  json.end_object();
}

void write_source(detail::JsonWriter& json, const FleetSource& source, const FleetGate& gate)
{
  json.begin_object();
  json.key("source").value(source.source);
  json.key("kind").value(source.kind);
  json.key("name").value(source.name);
  if (source.error) {
    json.key("error").begin_object();
    json.key("kind").value(name_of(source.error->kind, k_error_kinds));
    json.key("message").value(source.error->located());
    json.key("path").value(source.error->location.path);
    json.key("line").value(static_cast<std::int64_t>(source.error->location.line));
    json.key("column").value(static_cast<std::int64_t>(source.error->location.column));
    json.end_object();
    json.end_object();
    return;
  }
  json.key("error").null();
  json.key("checklist").begin_object();
  json.key("id").value(source.checklist_id);
  json.key("title").value(source.checklist_title);
  json.key("pinned_version").value(source.pinned_version);
  json.key("latest_version").value(source.latest_version);
  json.key("newer_version").value(source.newer_version());
  json.end_object();
  detail::write_counts(json, source.counts);
  const std::vector<std::string> failures = gate_failures(source, gate);
  // Without a gate nothing passes or fails: null, as the text and Markdown leave it blank.
  json.key("passes").value_or_null(gate.asked(), failures.empty());
  json.key("gate_failures").strings(failures);
  if (source.weakest) {
    const FleetPhase& weakest = source.phases[*source.weakest];
    json.key("weakest_phase").begin_object();
    json.key("id").value(weakest.id);
    json.key("title").value(weakest.title);
    json.key("percent").value(weakest.counts.percent());
    json.end_object();
  } else {
    json.key("weakest_phase").null();
  }
  std::vector<std::string> open;
  std::vector<std::string> required;
  for (const FleetItem& item : source.open_items) {
    open.push_back(item.id);
    if (item.required) {
      required.push_back(item.id);
    }
  }
  json.key("open_required").strings(required);
  json.key("open").strings(open);
  if (source.last_change_at.empty()) {
    json.key("last_change").null();
  } else {
    json.key("last_change").begin_object();
    json.key("at").value(source.last_change_at);
    json.key("by").value(source.last_change_by);
    json.end_object();
  }
  json.key("phases").begin_array();
  for (const FleetPhase& phase : source.phases) {
    write_phase(json, phase);
  }
  json.end_array();
  json.end_object();
}

std::string render_json(const Fleet& fleet, const FleetSummary& summary)
{
  detail::JsonWriter json;
  json.begin_object();
  json.key("schema").value("llmchecklist-fleet/1");
  json.key("ref").value(fleet.ref);
  json.key("gate").begin_object();
  json.key("min").value_or_null(fleet.gate.min >= 0, fleet.gate.min);
  json.key("all_required").value(fleet.gate.all_required);
  json.end_object();
  json.key("summary").begin_object();
  json.key("sources").value(fleet.sources.size());
  json.key("read").value(summary.read);
  json.key("unreadable").value(summary.unreadable);
  json.key("passing").value_or_null(fleet.gate.asked(), summary.passing);
  json.key("failing").value_or_null(fleet.gate.asked(), summary.read - summary.passing);
  json.key("distribution").begin_array();
  for (std::size_t b = 0; b < 5; ++b) {
    json.begin_object();
    json.key("range").value(k_buckets[b]);
    json.key("sources").value(summary.distribution[b]);
    json.end_object();
  }
  json.end_array();
  json.key("phases").begin_array();
  for (const FleetPhase& phase : summary.phases) {
    write_phase(json, phase);
  }
  json.end_array();
  json.key("most_open").begin_array();
  for (const FleetSummary::OpenItem& item : summary.most_open) {
    json.begin_object();
    json.key("id").value(item.id);
    json.key("title").value(item.title);
    json.key("open").value(item.open);
    json.key("of").value(item.of);
    json.end_object();
  }
  json.end_array();
  json.key("groups").begin_array();
  for (const FleetSummary::Group& group : summary.groups) {
    json.begin_object();
    json.key("checklist").value(group.checklist_id);
    json.key("version").value(group.version);
    json.key("sources").value(group.sources);
    json.key("mean_percent").value(group.mean_percent);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.key("sources").begin_array();
  for (const FleetSource& source : fleet.sources) {
    write_source(json, source, fleet.gate);
  }
  json.end_array();
  json.end_object();
  return json.finish();
}

// ---- CSV -------------------------------------------------------------------------------------

std::string render_csv(const Fleet& fleet)
{
  std::string out = "name,source,kind,checklist,pinned_version,latest_version,done,na,todo,total,"
                    "percent,required_todo,stale,weakest_phase,last_change_at,last_change_by,"
                    "passes,error\r\n";
  for (const FleetSource& source : fleet.sources) {
    out += fmt::format("{},{},{},", csv_cell(source.name), csv_cell(source.source),
                       csv_cell(source.kind));
    if (source.error) {
      out += fmt::format(",,,,,,,,,,,,,,{}\r\n", csv_cell(source.error->located()));
      continue;
    }
    const Counts& c = source.counts;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},\r\n",
                       csv_cell(source.checklist_id), csv_cell(source.pinned_version),
                       csv_cell(source.latest_version), c.done, c.na, c.todo, c.total, c.percent(),
                       c.required_todo, c.stale, csv_cell(weakest_title(source)),
                       csv_cell(detail::csv_time(source.last_change_at)),
                       csv_cell(source.last_change_by), gate_cell(fleet, source, "yes", "no"));
  }
  return out;
}

// ---- Markdown --------------------------------------------------------------------------------

std::string version_text(const FleetSource& source)
{
  std::string text = source.pinned_version.empty() ? std::string("-") : source.pinned_version;
  if (source.newer_version()) {
    text += fmt::format(" ({} available)", source.latest_version);
  }
  return text;
}

std::string render_markdown(const Fleet& fleet, const FleetSummary& summary)
{
  std::string out = "# LLM checklist fleet\n\n";
  out += inline_text(summary_sentence(fleet, summary)) + "\n\n";
  out += "| Source | Checklist | Version | Progress | Done | N/A | Todo | Required open | Stale "
         "| Weakest phase | Last change | Gate |\n"
         "|---|---|---|--:|--:|--:|--:|--:|--:|---|---|---|\n";
  const std::vector<std::string> names = row_names(fleet);
  for (const std::size_t i : order_by_percent(fleet)) {
    const FleetSource& source = fleet.sources[i];
    if (source.error) {
      out += fmt::format("| {} | **could not be read:** {} |||||||||||\n", inline_text(names[i]),
                         inline_text(source.error->located()));
      continue;
    }
    const Counts& c = source.counts;
    out += fmt::format(
        "| {} | {} | {} | {} % | {} | {} | {} | {} | {} | {} | {} | {} |\n", inline_text(names[i]),
        inline_text(source.checklist_id), inline_text(version_text(source)), c.percent_floor(),
        c.done, c.na, c.todo, c.required_todo, c.stale, inline_text(weakest_title(source)),
        source.last_change_at.empty()
            ? std::string()
            : inline_text(fmt::format("{} by {}", source.last_change_at.substr(0, 10),
                                      source.last_change_by)),
        gate_cell(fleet, source, "pass", "**fail**"));
  }
  out += "\n## Progress\n\n| Range | Sources |\n|---|--:|\n";
  for (std::size_t b = 0; b < 5; ++b) {
    out += fmt::format("| {} % | {} |\n", k_buckets[b], summary.distribution[b]);
  }
  out += "\n## Phases across the fleet\n\n| Phase | Progress | Done | Applicable |\n"
         "|---|--:|--:|--:|\n";
  for (const FleetPhase& phase : summary.phases) {
    out += fmt::format("| {}{} | {} % | {} | {} |\n", inline_text(phase.title),
                       phase.optional ? " (optional)" : "", phase.counts.percent_floor(),
                       phase.counts.done, phase.counts.total - phase.counts.na);
  }
  out += "\n## Most often still open\n\n";
  if (summary.most_open.empty()) {
    out += "Nothing is open anywhere.\n";
  }
  for (std::size_t k = 0; k < std::min<std::size_t>(summary.most_open.size(), 15); ++k) {
    const FleetSummary::OpenItem& item = summary.most_open[k];
    out += fmt::format("{}. `{}` {}: open in {} of {}\n", k + 1, inline_text(item.id),
                       inline_text(item.title), item.open, item.of);
  }
  out +=
      "\n## Checklists\n\n| Checklist | Version | Sources | Mean progress |\n|---|---|--:|--:|\n";
  for (const FleetSummary::Group& group : summary.groups) {
    out += fmt::format("| {} | {} | {} | {:.0f} % |\n", inline_text(group.checklist_id),
                       inline_text(group.version.empty() ? "-" : group.version), group.sources,
                       group.mean_percent);
  }
  return out;
}

// ---- HTML ------------------------------------------------------------------------------------

constexpr std::string_view k_style = R"css(
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff;
  --card: #f6f8fa; --line: #d1d9e0; --bad: #bc4c00; --good: #1a7f37;
  --h0: #ffd8d3; --h1: #ffe2bf; --h2: #fff1b8; --h3: #d8f3c9; --h4: #a8e6b4; --none: #eef1f4; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --line: #3d444d;
    --bad: #f0883e; --good: #3fb950;
    --h0: #5c1d16; --h1: #5a3210; --h2: #54470f; --h3: #24482a; --h4: #1b6b32; --none: #1c222b; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 78rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.summary { color: var(--muted); margin: 0 0 .75rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .55rem; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; }
td.n, th.n { text-align: right; }
th { font-size: .85rem; color: var(--muted); white-space: nowrap; }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0;
  cursor: pointer; text-decoration: underline dotted; }
th[aria-sort=ascending] button::after { content: " \2191"; }
th[aria-sort=descending] button::after { content: " \2193"; }
td a, th a { color: inherit; overflow-wrap: anywhere; }
.fail { color: var(--bad); font-weight: 600; }
.pass { color: var(--good); }
.error { color: var(--bad); overflow-wrap: anywhere; }
.heat td { text-align: center; min-width: 4.5rem; }
.heat th.phase { white-space: normal; min-width: 5rem; }
.h0 { background: var(--h0); } .h1 { background: var(--h1); } .h2 { background: var(--h2); }
.h3 { background: var(--h3); } .h4 { background: var(--h4); } .hn { background: var(--none); }
.distribution { display: flex; gap: .5rem; align-items: flex-end; height: 7rem; margin: .5rem 0; }
.distribution div { flex: 1; display: flex; flex-direction: column; justify-content: flex-end;
  align-items: center; height: 100%; font-size: .85rem; color: var(--muted); }
.distribution span.bar { width: 100%; min-height: 2px; background: var(--good); border-radius: 3px 3px 0 0; }
.h0bar { background: var(--bad) !important; }
ol.open li { margin: .2rem 0; overflow-wrap: anywhere; }
code { font-size: .85em; }
section.source { background: var(--card); border: 1px solid var(--line); border-radius: .375rem;
  padding: .7rem .9rem; margin: .75rem 0; }
section.source p { margin: .25rem 0; color: var(--muted); overflow-wrap: anywhere; }
section.source ul { margin: .25rem 0; padding-left: 1.2rem; }
section.source:target { outline: 2px solid var(--good); }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media print { th button { text-decoration: none; } section.source { break-inside: avoid; } }
)css";

// Sorts the table when a heading is clicked, or as the address asks ("#sort=-percent"). The
// page works without it: the table arrives sorted by percent. The Content Security Policy lets
// this script run and no other, by its SHA-256 (tests/e2e/test_fleet.sh checks the two agree).
constexpr std::string_view k_script = R"js(
"use strict";
(function () {
  var table = document.getElementById("sources");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  function key(row, column, numeric) {
    var value = row.cells[column].getAttribute("data-sort");
    if (value === null) { value = row.cells[column].textContent; }
    return numeric ? parseFloat(value) : value.toLowerCase();
  }
  function sort(column, descending) {
    var numeric = heads[column].getAttribute("data-type") === "number";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column, numeric), y = key(b, column, numeric);
      var order = numeric ? (isNaN(x) ? -1 : x) - (isNaN(y) ? -1 : y) : (x < y ? -1 : x > y ? 1 : 0);
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var i = 0; i < heads.length; ++i) {
      heads[i].setAttribute("aria-sort", i === column ? (descending ? "descending" : "ascending") : "none");
    }
  }
  Array.prototype.forEach.call(heads, function (head, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = head.textContent;
    head.textContent = "";
    head.appendChild(button);
    button.addEventListener("click", function () {
      sort(column, head.getAttribute("aria-sort") === "ascending");
      var descending = head.getAttribute("aria-sort") === "descending";
      history.replaceState(null, "", "#sort=" + (descending ? "-" : "") + head.getAttribute("data-key"));
    });
  });
  var wanted = /^#sort=(-?)([a-z_]+)$/.exec(location.hash);
  if (wanted) {
    Array.prototype.forEach.call(heads, function (head, column) {
      if (head.getAttribute("data-key") === wanted[2]) { sort(column, wanted[1] === "-"); }
    });
  }
})();
)js";

// The script's SHA-256, base64: 'sha256-...' in the Content Security Policy.
constexpr std::string_view k_script_hash = "zT6AtTesV1x808NjCALUkNDQxHZY+Mbc1ry7OGM2khI=";

int heat(const Counts& counts)
{
  const double percent = counts.percent();
  return percent >= 100 ? 4 : static_cast<int>(percent / 25);
}

std::string source_anchor(std::size_t index)
{
  return fmt::format("source-{}", index + 1);
}

std::string source_table(const Fleet& fleet)
{
  std::string out =
      "<div class=\"scroll\"><table id=\"sources\">\n<thead><tr>"
      "<th data-key=\"name\">Source</th><th data-key=\"checklist\">Checklist</th>"
      "<th data-key=\"version\">Version</th>"
      "<th class=\"n\" data-key=\"percent\" data-type=\"number\" "
      "aria-sort=\"ascending\">Progress</th>"
      "<th class=\"n\" data-key=\"done\" data-type=\"number\">Done</th>"
      "<th class=\"n\" data-key=\"na\" data-type=\"number\">N/A</th>"
      "<th class=\"n\" data-key=\"todo\" data-type=\"number\">Todo</th>"
      "<th class=\"n\" data-key=\"required\" data-type=\"number\">Required open</th>"
      "<th class=\"n\" data-key=\"stale\" data-type=\"number\">Stale</th>"
      "<th data-key=\"weakest\">Weakest phase</th><th data-key=\"changed\">Last change</th>"
      "<th data-key=\"gate\">Gate</th></tr></thead>\n<tbody>\n";
  const std::vector<std::string> names = row_names(fleet);
  for (const std::size_t i : order_by_percent(fleet)) {
    const FleetSource& source = fleet.sources[i];
    const std::string name =
        fmt::format("<td><a href=\"#{}\">{}</a></td>", source_anchor(i), xml_escape(names[i]));
    if (source.error) {
      out += fmt::format("<tr class=\"unreadable\">{}<td colspan=\"2\" class=\"error\">could not "
                         "be read</td><td class=\"n\" data-sort=\"-1\">-</td><td class=\"n\" "
                         "data-sort=\"-1\"></td><td class=\"n\" data-sort=\"-1\"></td><td "
                         "class=\"n\" data-sort=\"-1\"></td><td class=\"n\" data-sort=\"-1\"></td>"
                         "<td class=\"n\" data-sort=\"-1\"></td><td></td><td></td>"
                         "<td class=\"fail\">error</td></tr>\n",
                         name);
      continue;
    }
    const Counts& c = source.counts;
    const std::string_view gate = gate_cell(fleet, source, "pass", "fail");
    out +=
        fmt::format("<tr>{}<td>{}</td><td>{}</td><td class=\"n\" data-sort=\"{}\">{} %</td>"
                    "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                    "<td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td>"
                    "<td data-sort=\"{}\">{}</td><td class=\"{}\">{}</td></tr>\n",
                    name, xml_escape(source.checklist_id), xml_escape(version_text(source)),
                    c.percent(), c.percent_floor(), c.done, c.na, c.todo, c.required_todo, c.stale,
                    xml_escape(weakest_title(source)), xml_escape(source.last_change_at),
                    xml_escape(source.last_change_at.substr(0, 10)), gate, gate);
  }
  out += "</tbody>\n</table></div>\n";
  return out;
}

std::string heat_map(const Fleet& fleet, const FleetSummary& summary)
{
  std::string out = "<div class=\"scroll\"><table class=\"heat\" id=\"heat-map\">\n<thead><tr>"
                    "<th>Source</th>";
  for (const FleetPhase& phase : summary.phases) {
    out += fmt::format("<th class=\"phase\">{}</th>", xml_escape(phase.title));
  }
  out += "</tr></thead>\n<tbody>\n";
  const std::vector<std::string> names = row_names(fleet);
  for (const std::size_t i : order_by_percent(fleet)) {
    const FleetSource& source = fleet.sources[i];
    if (source.error) {
      continue;
    }
    out +=
        fmt::format("<tr><th><a href=\"#{}\">{}</a></th>", source_anchor(i), xml_escape(names[i]));
    for (const FleetPhase& column : summary.phases) {
      const FleetPhase* found = nullptr;
      for (const FleetPhase& phase : source.phases) {
        if (phase.id == column.id) {
          found = &phase;
        }
      }
      if (found == nullptr || found->counts.total == found->counts.na) {
        out += fmt::format("<td class=\"hn\" title=\"{}\">-</td>",
                           found == nullptr ? "not in this checklist" : "nothing applicable");
      } else {
        out += fmt::format("<td class=\"h{}\">{} %</td>", heat(found->counts),
                           found->counts.percent_floor());
      }
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table></div>\n";
  return out;
}

std::string source_details(const Fleet& fleet, std::size_t index)
{
  const FleetSource& source = fleet.sources[index];
  std::string out = fmt::format(
      "<section class=\"source\" id=\"{}\">\n<h3>{}</h3>\n<p>{} ({})</p>\n", source_anchor(index),
      xml_escape(source.name), xml_escape(source.source), xml_escape(source.kind));
  if (source.error) {
    out +=
        fmt::format("<p class=\"error\">{}</p>\n</section>\n", xml_escape(source.error->located()));
    return out;
  }
  const Counts& c = source.counts;
  out += fmt::format("<p>{} ({}), version {}: {} of {} done ({} %), {} n/a, {} todo, {} required "
                     "open, {} stale.</p>\n",
                     xml_escape(source.checklist_title), xml_escape(source.checklist_id),
                     xml_escape(version_text(source)), c.done, c.total - c.na, c.percent_floor(),
                     c.na, c.todo, c.required_todo, c.stale);
  if (!source.last_change_at.empty()) {
    out += fmt::format("<p>State file last changed {} by {}.</p>\n",
                       xml_escape(source.last_change_at), xml_escape(source.last_change_by));
  }
  for (const std::string& reason : gate_failures(source, fleet.gate)) {
    out += fmt::format("<p class=\"fail\">Gate: {}.</p>\n", xml_escape(reason));
  }
  if (!source.open_items.empty()) {
    out += "<p>Still open:</p>\n<ul>\n";
    for (const FleetItem& item : source.open_items) {
      out +=
          fmt::format("<li><code>{}</code> {}{}</li>\n", xml_escape(item.id),
                      xml_escape(item.title), item.required ? " <strong>(required)</strong>" : "");
    }
    out += "</ul>\n";
  }
  out += "</section>\n";
  return out;
}

std::string render_html(const Fleet& fleet, const FleetSummary& summary)
{
  std::string out =
      fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; script-src 'sha256-{}'\">\n"
                  "<title>LLM checklist fleet</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n"
                  "<h1>LLM checklist fleet</h1>\n",
                  k_script_hash, k_style);
  out += fmt::format("<p class=\"summary\">{}</p>\n", xml_escape(summary_sentence(fleet, summary)));
  out += "<h2>Sources</h2>\n" + source_table(fleet);
  out += "<h2>Progress</h2>\n<div class=\"distribution\" id=\"distribution\">\n";
  std::size_t most = 1;
  for (const std::size_t n : summary.distribution) {
    most = std::max(most, n);
  }
  for (std::size_t b = 0; b < 5; ++b) {
    out +=
        fmt::format("<div><span>{}</span><span class=\"bar{}\" style=\"height: {:.0f}%\">"
                    "</span><span>{} %</span></div>\n",
                    summary.distribution[b], b == 0 ? " h0bar" : "",
                    80.0 * static_cast<double>(summary.distribution[b]) / static_cast<double>(most),
                    k_buckets[b]);
  }
  out += "</div>\n<h2>Heat map</h2>\n" + heat_map(fleet, summary);
  out += "<h2>Phases across the fleet</h2>\n<table>\n<thead><tr><th>Phase</th>"
         "<th class=\"n\">Progress</th><th class=\"n\">Done</th><th class=\"n\">Applicable</th>"
         "</tr></thead>\n<tbody>\n";
  for (const FleetPhase& phase : summary.phases) {
    out += fmt::format("<tr><td>{}{}</td><td class=\"n h{}\">{} %</td><td class=\"n\">{}</td>"
                       "<td class=\"n\">{}</td></tr>\n",
                       xml_escape(phase.title), phase.optional ? " (optional)" : "",
                       heat(phase.counts), phase.counts.percent_floor(), phase.counts.done,
                       phase.counts.total - phase.counts.na);
  }
  out +=
      "</tbody>\n</table>\n<h2>Most often still open</h2>\n<ol class=\"open\" id=\"most-open\">\n";
  for (std::size_t k = 0; k < std::min<std::size_t>(summary.most_open.size(), 20); ++k) {
    const FleetSummary::OpenItem& item = summary.most_open[k];
    out += fmt::format("<li><code>{}</code> {}: open in {} of {}</li>\n", xml_escape(item.id),
                       xml_escape(item.title), item.open, item.of);
  }
  out += "</ol>\n<h2>Checklists</h2>\n<table>\n<thead><tr><th>Checklist</th><th>Version</th>"
         "<th class=\"n\">Sources</th><th class=\"n\">Mean progress</th></tr></thead>\n<tbody>\n";
  for (const FleetSummary::Group& group : summary.groups) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{:.0f} "
                       "%</td></tr>\n",
                       xml_escape(group.checklist_id),
                       xml_escape(group.version.empty() ? "-" : group.version), group.sources,
                       group.mean_percent);
  }
  out += "</tbody>\n</table>\n<h2>Each source</h2>\n";
  for (std::size_t i = 0; i < fleet.sources.size(); ++i) {
    out += source_details(fleet, i);
  }
  out += fmt::format("<footer>Made by llmchecklist fleet.</footer>\n</main>\n<script>{}</script>\n"
                     "</body>\n</html>\n",
                     k_script);
  return out;
}

} // namespace

namespace {

constexpr FleetFormatInfo k_fleet_formats[] = {
    {FleetFormat::json, "json", "for scripts (schema llmchecklist-fleet/1)", "json",
     [](const Fleet& fleet) { return render_json(fleet, summarize(fleet)); }},
    {FleetFormat::csv, "csv", "a row per source", "csv", render_csv},
    {FleetFormat::markdown, "markdown", "for a wiki page", "md",
     [](const Fleet& fleet) { return render_markdown(fleet, summarize(fleet)); }},
    {FleetFormat::html, "html", "a self-contained sortable report", "html",
     [](const Fleet& fleet) { return render_html(fleet, summarize(fleet)); }},
};

} // namespace

std::span<const FleetFormatInfo> fleet_formats()
{
  return k_fleet_formats;
}

std::optional<FleetFormat> parse_fleet_format(std::string_view text)
{
  const FleetFormatInfo* found = find_format(fleet_formats(), text);
  return found != nullptr ? std::optional<FleetFormat>(found->format) : std::nullopt;
}

std::string render_fleet(const Fleet& fleet, FleetFormat format)
{
  return format_info(fleet_formats(), format).write(fleet);
}

} // namespace llmchecklist
