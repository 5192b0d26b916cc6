#pragma once
/// The checklist definition: phases of items, read from TOML (definition format 1).
///
///     auto checklist = llmchecklist::parse_checklist(text, "ours.toml"); // checklist_io.hpp
///     checklist.items().size();           // 40
///     checklist.find_item("quality-bar"); // index into items(), or npos

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmchecklist {

/// A hash for maps keyed by id that are looked up with a string_view, without a copy.
struct IdHash
{
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const noexcept
  {
    return std::hash<std::string_view>{}(id);
  }
};

/// Ids to indices, looked up without building a string.
using IdIndex = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;

/// How much an item matters for a launch.
enum class Severity
{
  required,
  recommended,
};

/// "required" or "recommended".
std::string_view to_string(Severity severity);

/// One best-practice item.
struct Item
{
  std::string id;
  std::string title;
  std::string details;
  std::string done_when;
  Severity severity = Severity::recommended;
  std::vector<std::string> tags;
  std::vector<std::string> links;
  int revision = 1;
  /// A default verify command for projects following this checklist; a state may override it.
  std::string verify;
  /// 1-based position in the whole checklist, as `list` prints it.
  std::size_t number = 0;
  /// Index of the item's phase in Checklist::phases.
  std::size_t phase = 0;
  /// Ids of an earlier version's items this one takes over (merged into it): `upgrade` carries
  /// their checks here, as stale, instead of leaving them as orphans.
  std::vector<std::string> replaces = {};
};

/// A group of items done at one stage of a launch.
struct Phase
{
  std::string id;
  std::string title;
  std::string summary;
  bool optional = false;
  /// Indices into Checklist::items(), in order.
  std::vector<std::size_t> items;
};

/// A whole checklist definition.
class Checklist
{
public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::string id;
  std::string title;
  std::string version;
  std::string description;
  /// Where it was read from: a path, or "builtin:NAME".
  std::string source;
  /// The definition files it was read from: its own first, then those it extends (none for a
  /// built-in checklist).
  std::vector<std::string> files;

  /// Phases in checklist order.
  const std::vector<Phase>& phases() const { return m_phases; }
  /// Every item in checklist order; items()[n - 1] is item number n.
  const std::vector<Item>& items() const { return m_items; }

  /// Index of the item with exactly this id, or npos. O(1), and safe to call from several
  /// threads at once: the index is built as items are added. Ids are unique (the readers refuse
  /// repeats; of repeated ids added here, the first is found).
  std::size_t find_item(std::string_view id) const;
  /// Index of the phase with exactly this id, or npos.
  std::size_t find_phase(std::string_view id) const;

  /// Appends a phase; its items are added with add_item().
  void add_phase(Phase phase);
  /// Appends an item to the last phase, numbering it.
  void add_item(Item item);
  /// Makes room for `items` items in all, for readers that know the count in advance.
  void reserve(std::size_t items);

private:
  std::vector<Phase> m_phases;
  std::vector<Item> m_items;
  // Lookups by id happen once per item in most operations: O(1) for large checklists.
  IdIndex m_item_index;
};

} // namespace llmchecklist
