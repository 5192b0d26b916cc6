#include "llmchecklist/documents.hpp"

#include "exports/json_writer.hpp"
#include "exports/scope_json.hpp"

namespace llmchecklist {
namespace {

void write_check(detail::JsonWriter& json, const Entry& entry)
{
  json.key("status").value(to_string(entry.status));
  if (entry.revision > 0) {
    json.key("revision").value(entry.revision);
  }
  json.optional("by", entry.by);
  json.optional("at", entry.at);
  json.optional("note", entry.note);
  json.optional("until", entry.until);
}

void write_checklist(detail::JsonWriter& json, const Checklist& checklist)
{
  json.key("source").value(checklist.source);
  json.key("id").value(checklist.id);
  json.key("title").value(checklist.title);
  json.key("version").value(checklist.version);
  json.key("items").value(checklist.items().size());
}

} // namespace

std::string render_diff_json(std::string_view from, std::optional<std::string_view> to,
                             const Checklist& checklist, const std::vector<StateChange>& changes,
                             const std::vector<CommandChange>& commands, const ScopeChange* scope,
                             const std::vector<CommandChange>& expectations)
{
  detail::JsonWriter json;
  json.begin_object();
  json.key("from").value(from);
  json.key("to").value_or_null(to.has_value(), to.value_or(""));
  json.key("changes").begin_array();
  for (const StateChange& change : changes) {
    const Item* item = change.item == Checklist::npos ? nullptr : &checklist.items()[change.item];
    json.begin_object();
    json.key("change").value(to_string(change.kind));
    json.key("number").value_or_null(item != nullptr, item != nullptr ? item->number : 0);
    json.key("id").value(change.after.id);
    json.key("title").value(item != nullptr ? item->title : std::string());
    write_check(json, change.after);
    json.key("before").begin_object();
    write_check(json, change.before);
    json.end_object();
    json.end_object();
  }
  json.end_array();
  for (const auto* list : {&commands, &expectations}) {
    json.key(list == &commands ? "verify_changes" : "expect_changes").begin_array();
    for (const CommandChange& change : *list) {
      const Item* item = change.item == Checklist::npos ? nullptr : &checklist.items()[change.item];
      json.begin_object();
      json.key("change").value(change.kind());
      json.key("number").value_or_null(item != nullptr, item != nullptr ? item->number : 0);
      json.key("id").value(change.id);
      json.key("title").value(item != nullptr ? item->title : std::string());
      json.key("before").value(change.before);
      json.key("after").value(change.after);
      json.end_object();
    }
    json.end_array();
  }
  detail::write_scope_json(json, scope);
  json.end_object();
  return json.finish();
}

std::string render_verify_json(const Checklist& checklist, const std::vector<VerifyResult>& results,
                               const std::vector<ExpectationCheck>& checks)
{
  detail::JsonWriter json;
  std::size_t passed = 0;
  json.begin_object();
  json.key("results").begin_array();
  for (const VerifyResult& result : results) {
    const Item& item = checklist.items()[result.item];
    passed += result.outcome == VerifyOutcome::pass ? 1 : 0;
    json.begin_object();
    json.key("number").value(item.number);
    json.key("id").value(item.id);
    json.key("command").value(result.command);
    json.key("result").value(to_string(result.outcome));
    json.key("exit_code").value(result.exit_code);
    json.key("duration_ms").value(static_cast<std::int64_t>(result.duration.count()));
    json.key("output_tail")
        .value(result.outcome == VerifyOutcome::pass ? std::string()
                                                     : last_lines(result.output_tail, 20));
    json.end_object();
  }
  json.end_array();
  json.key("passed").value(passed);
  json.key("failed").value(results.size() - passed);
  std::size_t held = 0;
  json.key("expectations").begin_array();
  for (const ExpectationCheck& check : checks) {
    const Item& item = checklist.items()[check.item];
    held += check.pass ? 1 : 0;
    json.begin_object();
    json.key("kind").value("expectation");
    json.key("number").value(item.number);
    json.key("id").value(item.id);
    json.key("file").value(check.rule.file);
    json.key("reader").value(to_string(check.rule.reader));
    json.key("condition").value(describe_condition(check.rule));
    json.key("result").value(check.pass ? "pass" : check.error ? "error" : "fail");
    json.key("value").value(check.value);
    json.key("blob").value_or_null(!check.blob.empty(), check.blob);
    json.end_object();
  }
  json.end_array();
  json.key("expectations_passed").value(held);
  json.key("expectations_failed").value(checks.size() - held);
  json.end_object();
  return json.finish();
}

std::string render_checklists_json(const std::vector<Checklist>& builtins, const Checklist& in_use,
                                   std::string_view state_file)
{
  detail::JsonWriter json;
  json.begin_object();
  json.key("builtin").begin_array();
  for (const Checklist& checklist : builtins) {
    json.begin_object();
    write_checklist(json, checklist);
    json.end_object();
  }
  json.end_array();
  json.key("in_use").begin_object();
  write_checklist(json, in_use);
  json.key("state_file").value(state_file);
  json.end_object();
  json.end_object();
  return json.finish();
}

} // namespace llmchecklist
