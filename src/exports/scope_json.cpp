#include "exports/scope_json.hpp"

namespace llmchecklist::detail {
namespace {

void write_scoped(JsonWriter& json, std::string_view name, const std::vector<ScopedItem>& items)
{
  json.key(name).begin_array();
  for (const ScopedItem& item : items) {
    json.begin_object();
    json.key("number").value(item.number);
    json.key("id").value(item.id);
    json.key("title").value(item.title);
    json.key("status").value(to_string(item.status));
    json.optional("merged_into", item.merged_into);
    json.end_object();
  }
  json.end_array();
}

} // namespace

void write_scope_json(JsonWriter& json, const ScopeChange* change)
{
  json.key("scope");
  if (change == nullptr) {
    json.null();
    return;
  }
  const ScopeChange& scope = *change;
  json.begin_object();
  json.key("checklist").begin_object();
  json.key("before").value(scope.before_reference);
  json.key("after").value(scope.after_reference);
  json.end_object();
  json.key("version").begin_object();
  json.key("before").value(scope.before_version);
  json.key("after").value(scope.after_version);
  json.end_object();
  json.key("narrows").value(scope.narrows());
  write_scoped(json, "left", scope.left);
  write_scoped(json, "lowered", scope.lowered);
  write_scoped(json, "joined", scope.joined);
  write_scoped(json, "raised", scope.raised);
  json.end_object();
}

} // namespace llmchecklist::detail
