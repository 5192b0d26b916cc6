// The one JSON schema of list --json, progress --json, show --json and export --format json.

#include "exports/json_counts.hpp"
#include "exports/json_writer.hpp"
#include "exports/selection.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/progress.hpp"
#include "llmchecklist/standing.hpp"
#include "llmchecklist/upgrade.hpp"

namespace llmchecklist {
namespace {

// Receipts and expectations, when the item has any: the file, what was signed or read, and
// where it stands now (null where the files were not looked at).
void write_backing(detail::JsonWriter& json, const Standing& standing)
{
  if (!standing.receipts.empty()) {
    json.key("receipts").begin_array();
    for (const ReceiptState& receipt : standing.receipts) {
      json.begin_object();
      json.key("path").value(receipt.path);
      json.key("blob").value(receipt.blob);
      json.key("current_blob");
      receipt.current.empty() ? json.null() : json.value(receipt.current);
      json.key("changed").value(receipt.changed);
      json.end_object();
    }
    json.end_array();
  }
  if (!standing.expectations.empty()) {
    json.key("expectations").begin_array();
    for (const auto& [expectation, state] : standing.expectations) {
      json.begin_object();
      json.key("file").value(expectation.rule.file);
      json.key("reader").value(to_string(expectation.rule.reader));
      json.key("condition").value(describe_condition(expectation.rule));
      json.key("state").value(state == ExpectationState::pass   ? "pass"
                              : state == ExpectationState::fail ? "fail"
                                                                : "not-run");
      // Whether the recorded result was read from the file's current content; null when the
      // files were not looked at.
      json.key("current").value_or_null(
          standing.files_known, !expectation.result.empty() && state != ExpectationState::not_run);
      json.optional("result", expectation.result);
      json.optional("value", expectation.value);
      json.optional("blob", expectation.blob);
      json.optional("at", expectation.at);
      json.end_object();
    }
    json.end_array();
  }
}

void write_item_fields(detail::JsonWriter& json, const Item& item, const State& state)
{
  json.key("number").value(item.number);
  json.key("id").value(item.id);
  json.key("title").value(item.title);
  json.key("status").value(to_string(status_of(state, item)));
  json.key("severity").value(to_string(item.severity));
  json.key("details").value(item.details);
  json.key("done_when").value(item.done_when);
  json.key("tags").strings(item.tags);
  json.key("links").strings(item.links);
  json.key("revision").value(item.revision);
  const Standing standing = standing_of(state, item);
  json.key("evidence").value(to_string(standing.evidence));
  json.key("stale").value(standing.stale);
  json.key("expired").value(standing.expired);
  json.key("backed").value(standing.backed);
  json.optional("verify", standing.command);
  write_backing(json, standing);
  // What every report flags about the item, from the same model: scripts need not re-derive it.
  json.key("findings").begin_array();
  for (const Finding& finding : standing.findings) {
    json.begin_object();
    json.key("kind").value(to_string(finding.kind));
    json.key("level").value(to_string(finding.level));
    json.key("title").value(finding.title);
    json.end_object();
  }
  json.end_array();
  if (const Entry* entry = state.find(item.id)) {
    if (entry->revision > 0) {
      json.key("checked_revision").value(entry->revision);
    }
    json.optional("by", entry->by);
    json.optional("at", entry->at);
    json.optional("note", entry->note);
    json.optional("verify_result", entry->verify_result);
    json.optional("until", entry->until);
  }
}

} // namespace

std::string render_json(const Checklist& checklist, const State& state, const Selection& selection,
                        const ProjectInfo* project)
{
  const detail::Selected selected = detail::select(checklist, state, selection);
  detail::JsonWriter json;
  json.begin_object();
  if (project != nullptr) {
    json.key("project").begin_object();
    json.key("name").value(project->name);
    if (project->last_change_at.empty()) {
      json.key("last_change").null();
    } else {
      json.key("last_change").begin_object();
      json.key("at").value(project->last_change_at);
      json.key("by").value(project->last_change_by);
      json.end_object();
    }
    json.end_object();
  }
  json.key("checklist").begin_object();
  json.key("id").value(checklist.id);
  json.key("title").value(checklist.title);
  json.key("version").value(checklist.version);
  json.key("source").value(checklist.source);
  // The version the state is pinned to, and the newest available: they differ when an
  // upgrade is waiting.
  json.key("pinned_version").value(pinned_version(state));
  json.key("latest_version").value(latest_version(state, checklist));
  json.end_object();
  detail::write_counts(json, selected.counts);
  json.key("phases").begin_array();
  for (const detail::SelectedPhase& selected_phase : selected.phases) {
    const Phase& phase = checklist.phases()[selected_phase.index];
    json.begin_object();
    json.key("number").value(selected_phase.index + 1);
    json.key("id").value(phase.id);
    json.key("title").value(phase.title);
    json.key("optional").value(phase.optional);
    detail::write_counts(json, selected.progress.phases[selected_phase.index]);
    if (selection.items) {
      json.key("items").begin_array();
      for (const std::size_t i : selected_phase.items) {
        json.begin_object();
        write_item_fields(json, checklist.items()[i], state);
        json.end_object();
      }
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
  json.key("orphaned").begin_array();
  for (const Entry* orphan : orphaned_entries(state, checklist)) {
    json.value(orphan->id);
  }
  json.end_array();
  json.end_object();
  return json.finish();
}

std::string render_item_json(const Checklist& checklist, const State& state, std::size_t index)
{
  const Item& item = checklist.items().at(index);
  const Phase& phase = checklist.phases()[item.phase];
  detail::JsonWriter json;
  json.begin_object();
  write_item_fields(json, item, state);
  json.key("phase").begin_object();
  json.key("number").value(item.phase + 1);
  json.key("id").value(phase.id);
  json.key("title").value(phase.title);
  json.end_object();
  json.end_object();
  return json.finish();
}

} // namespace llmchecklist
