#include "formats/json_keys.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist::detail {
namespace {

namespace ondemand = simdjson::ondemand;

class KeyChecker
{
public:
  KeyChecker(std::string_view text, const std::string& path, std::string_view what)
      : m_text(text), m_path(path), m_what(what)
  {
  }

  void value(ondemand::value item)
  {
    ondemand::json_type type;
    if (item.type().get(type) != simdjson::SUCCESS) {
      return;
    }
    if (type == ondemand::json_type::object) {
      ondemand::object object;
      if (item.get_object().get(object) == simdjson::SUCCESS) {
        this->object(object);
      }
    } else if (type == ondemand::json_type::array) {
      ondemand::array array;
      if (item.get_array().get(array) == simdjson::SUCCESS) {
        this->array(array);
      }
    }
  }

  void object(ondemand::object& object)
  {
    struct Key
    {
      std::string_view name;
      std::size_t offset;
    };
    std::vector<Key> keys;
    for (auto field : object) {
      // The raw key points just past its opening quote, in the text itself (read before the
      // unescaped key, which consumes it).
      ondemand::raw_json_string raw;
      std::string_view name;
      if (field.key().get(raw) != simdjson::SUCCESS ||
          field.unescaped_key().get(name) != simdjson::SUCCESS) {
        return;
      }
      const std::size_t offset = static_cast<std::size_t>(raw.raw() - m_text.data()) - 1;
      keys.push_back(Key{name, offset});
      ondemand::value item;
      if (field.value().get(item) != simdjson::SUCCESS) {
        return;
      }
      value(item);
    }
    // Sorted by name, then by place: equal names side by side, the first of them first.
    std::stable_sort(keys.begin(), keys.end(),
                     [](const Key& a, const Key& b) { return a.name < b.name; });
    const Key* second = nullptr;
    const Key* first = nullptr;
    for (std::size_t i = 1; i < keys.size(); ++i) {
      if (keys[i].name == keys[i - 1].name &&
          (second == nullptr || keys[i].offset < second->offset)) {
        second = &keys[i];
        first = &keys[i - 1];
        while (first != keys.data() && (first - 1)->name == first->name) {
          --first;
        }
      }
    }
    if (second != nullptr) {
      const SourceLocation earlier = location_at(m_text, first->offset, m_path);
      throw DataError(location_at(m_text, second->offset, m_path),
                      fmt::format("duplicate key '{}' (first at line {}, column {}): readers "
                                  "disagree on which one counts, so the {} is refused",
                                  shown_text(second->name), earlier.line, earlier.column, m_what));
    }
  }

  void array(ondemand::array& array)
  {
    for (auto element : array) {
      ondemand::value item;
      if (element.get(item) != simdjson::SUCCESS) {
        return;
      }
      value(item);
    }
  }

private:
  std::string_view m_text;
  const std::string& m_path;
  std::string_view m_what;
};

// Whether any object in `element` has two equal keys: a walk of the parsed document, cheap
// beside the parse (the keys of an object are compared with each other, sorted when there are
// many).
bool has_duplicate_keys(simdjson::dom::element element, std::vector<std::string_view>& keys)
{
  if (simdjson::dom::array array; element.get_array().get(array) == simdjson::SUCCESS) {
    for (const simdjson::dom::element item : array) {
      if (has_duplicate_keys(item, keys)) {
        return true;
      }
    }
    return false;
  }
  simdjson::dom::object object;
  if (element.get_object().get(object) != simdjson::SUCCESS) {
    return false;
  }
  const std::size_t start = keys.size();
  for (const simdjson::dom::key_value_pair field : object) {
    keys.push_back(field.key);
  }
  const auto begin = keys.begin() + static_cast<std::ptrdiff_t>(start);
  bool duplicate = false;
  if (keys.size() - start <= 16) {
    // Most keys differ in length or first letter: compared before the bytes.
    const auto equal = [](std::string_view a, std::string_view b) {
      return a.size() == b.size() && (a.empty() || (a.front() == b.front() && a == b));
    };
    for (auto a = begin; a != keys.end() && !duplicate; ++a) {
      for (auto b = a + 1; b != keys.end() && !duplicate; ++b) {
        duplicate = equal(*a, *b);
      }
    }
  } else {
    std::sort(begin, keys.end());
    duplicate = std::adjacent_find(begin, keys.end()) != keys.end();
  }
  keys.resize(start);
  if (duplicate) {
    return true;
  }
  for (const simdjson::dom::key_value_pair field : object) {
    if (has_duplicate_keys(field.value, keys)) {
      return true;
    }
  }
  return false;
}

// Throws at the second of two equal keys in `text`, read again with simdjson's on-demand API,
// which knows where each key is; returns when it finds none.
void locate_duplicate_key(std::string_view text, const std::string& path, std::string_view what)
{
  const simdjson::padded_string padded(text);
  thread_local ondemand::parser parser;
  ondemand::document document;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS) {
    return;
  }
  // A scalar document has no keys, and no value to walk.
  ondemand::value root;
  if (document.get_value().get(root) == simdjson::SUCCESS) {
    KeyChecker(std::string_view(padded.data(), padded.size()), path, what).value(root);
  }
}

bool has_duplicate_keys(const simdjson::dom::element& root)
{
  thread_local std::vector<std::string_view> keys;
  keys.clear();
  return has_duplicate_keys(root, keys);
}

[[noreturn]] void refuse_unlocated(const std::string& path, std::string_view what)
{
  throw DataError(SourceLocation{path, 0, 0},
                  fmt::format("two equal keys in one object: readers disagree on which one "
                              "counts, so the {} is refused",
                              what));
}

} // namespace

void refuse_duplicate_keys(const simdjson::dom::element& root, const std::string& path)
{
  if (!has_duplicate_keys(root)) {
    return;
  }
  simdjson::padded_string text;
  if (simdjson::padded_string::load(path).get(text) == simdjson::SUCCESS) {
    locate_duplicate_key(std::string_view(text.data(), text.size()), path, "export");
  }
  // The file changed between the two reads: refused all the same, without a place.
  refuse_unlocated(path, "export");
}

void refuse_duplicate_keys(const simdjson::dom::element& root, std::string_view text,
                           const std::string& path, std::string_view what)
{
  if (!has_duplicate_keys(root)) {
    return;
  }
  locate_duplicate_key(text, path, what);
  refuse_unlocated(path, what);
}

} // namespace llmchecklist::detail
