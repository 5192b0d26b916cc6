// SARIF 2.1.0, as GitHub code scanning reads it: the checklist's items are the rules (their ids
// stable rule ids, so an alert follows an item across releases), and what is left to do is
// the results, each pointing at the line of the state file a reviewer would edit.

#include <algorithm>

#include <fmt/format.h>

#include "exports/json_writer.hpp"
#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/standing.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/version.hpp"

namespace llmchecklist {
namespace {

// Text from the files as a code scanning page shows it: line breaks kept (details are
// paragraphs), other controls replaced.
std::string clean(std::string_view text)
{
  return shown_text(text, "\n");
}

std::string_view level_of(const Item& item)
{
  return item.severity == Severity::required ? "error" : "warning";
}

// A link as a URI reference (RFC 3986): bytes a URI cannot hold (spaces, quotes, angle
// brackets, non-ASCII) percent-encoded, as a browser would send them.
std::string as_uri(std::string_view link)
{
  static constexpr std::string_view k_allowed =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
  std::string out;
  for (const char c : link) {
    if (k_allowed.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return out;
}

void write_rule(detail::JsonWriter& json, const Checklist& checklist, const Item& item)
{
  const Phase& phase = checklist.phases()[item.phase];
  json.begin_object();
  json.key("id").value(clean(item.id));
  json.key("shortDescription").begin_object().key("text").value(clean(item.title)).end_object();
  json.key("fullDescription")
      .begin_object()
      .key("text")
      .value(clean(item.details.empty() ? item.title : item.details))
      .end_object();
  json.key("help")
      .begin_object()
      .key("text")
      .value(clean(fmt::format("Done when: {}", item.done_when)))
      .end_object();
  // Only a web address: a reader clicks it from the alert.
  for (const std::string& link : item.links) {
    if (link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0) {
      json.key("helpUri").value(as_uri(link));
      break;
    }
  }
  json.key("defaultConfiguration").begin_object().key("level").value(level_of(item)).end_object();
  json.key("properties").begin_object();
  json.key("phase").value(clean(phase.id));
  json.key("phaseTitle").value(clean(phase.title));
  json.key("severity").value(to_string(item.severity));
  json.key("number").value(item.number);
  json.key("revision").value(item.revision);
  std::vector<std::string> tags{clean(phase.id), std::string(to_string(item.severity))};
  // SARIF's tags are a set: an item tagged with its own phase name says it once.
  for (const std::string& tag : item.tags) {
    if (std::find(tags.begin(), tags.end(), clean(tag)) == tags.end()) {
      tags.push_back(clean(tag));
    }
  }
  json.key("tags").strings(tags);
  json.end_object();
  json.end_object();
}

void write_location(detail::JsonWriter& json, const ExportOptions& options, const Item& item,
                    std::string_view kind)
{
  json.key("locations").begin_array().begin_object();
  json.key("physicalLocation").begin_object();
  json.key("artifactLocation")
      .begin_object()
      .key("uri")
      .value(clean(options.lines.path))
      .end_object();
  json.key("region")
      .begin_object()
      .key("startLine")
      .value(options.lines.line_of(item.id))
      .end_object();
  json.end_object();
  json.end_object().end_array();
  // The item id and what is found, not the line: the alert stays the same alert when lines
  // move, and an item's open state and its failing command are two alerts.
  json.key("partialFingerprints")
      .begin_object()
      .key("llmchecklistItem/v1")
      .value(clean(item.id))
      .key("llmchecklistFinding/v1")
      .value(kind)
      .end_object();
}

void write_result(detail::JsonWriter& json, const Item& item, std::size_t rule_index,
                  std::string_view level, std::string_view kind, const std::string& message,
                  const ExportOptions& options, const std::string* suppressed_because = nullptr)
{
  json.begin_object();
  json.key("ruleId").value(clean(item.id));
  json.key("ruleIndex").value(rule_index);
  json.key("level").value(level);
  json.key("message").begin_object().key("text").value(clean(message)).end_object();
  write_location(json, options, item, kind);
  if (suppressed_because != nullptr) {
    json.key("suppressions").begin_array().begin_object();
    json.key("kind").value("external");
    json.key("status").value("accepted");
    json.key("justification").value(clean(*suppressed_because));
    json.end_object().end_array();
  }
  json.end_object();
}

} // namespace

std::string render_sarif(const Checklist& checklist, const State& state,
                         const ExportOptions& options)
{
  const detail::Selected selected = detail::select(checklist, state, options.selection);
  std::vector<std::size_t> items;
  for (const detail::SelectedPhase& phase : selected.phases) {
    items.insert(items.end(), phase.items.begin(), phase.items.end());
  }
  detail::JsonWriter json;
  json.begin_object();
  json.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  json.key("version").value("2.1.0");
  json.key("runs").begin_array().begin_object();
  json.key("tool").begin_object().key("driver").begin_object();
  json.key("name").value("llmchecklist");
  json.key("version").value(k_version);
  json.key("semanticVersion").value(k_version);
  json.key("rules").begin_array();
  for (const std::size_t index : items) {
    write_rule(json, checklist, checklist.items()[index]);
  }
  json.end_array();
  json.end_object().end_object();
  // Which checklist, for a reader of the raw file.
  json.key("properties").begin_object();
  json.key("checklist").value(clean(checklist.id));
  json.key("checklistVersion").value(clean(checklist.version));
  json.key("percent").value(selected.counts.percent());
  json.end_object();
  json.key("columnKind").value("unicodeCodePoints");
  json.key("results").begin_array();
  for (std::size_t rule = 0; rule < items.size(); ++rule) {
    const Item& item = checklist.items()[items[rule]];
    const Standing standing = standing_of(state, item);
    for (const Finding& finding : standing.findings) {
      write_result(json, item, rule, to_string(finding.level), to_string(finding.kind),
                   finding.one_line(), options);
    }
    // A decision that the item does not apply is a suppressed result, with its reason: code
    // scanning shows it as dismissed, not as fixed.
    if (standing.status == Status::na) {
      const Entry* entry = state.find(item.id);
      write_result(json, item, rule, standing.required ? "error" : "warning", "not-applicable",
                   fmt::format("{}. {} is marked not applicable{}", item.number, item.title,
                               standing.until.empty() ? std::string()
                                                      : fmt::format(" until {}", standing.until)),
                   options, &entry->note);
    }
  }
  json.end_array();
  json.end_object().end_array();
  json.end_object();
  return json.finish();
}

} // namespace llmchecklist
