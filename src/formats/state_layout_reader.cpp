// Reading the state file as our own writer lays it out (state_writer.cpp), without toml++.
//
// Every check rewrites the state file and the next command reads it again, so its reading is
// on every realistic run; a general TOML parser spends most of that time on generality the
// writer never uses. This reader accepts only the writer's layout: full-line comments, one
// `key = value` per line with the writer's spacing, the writer's escapes, bare ids. Anything
// else (a hand edit with other spacing, an inline comment, a quoted id, CRLF, a value it would
// have to think about) makes it give up, and parse_state() hands the text to toml++, which
// reads it or reports the exact problem. tests/fuzz/fuzz_state_layout.cpp checks that whenever
// this reader answers, its answer is the toml++ path's.

#include "formats/state_layout_reader.hpp"

#include <charconv>
#include <unordered_set>

#include "llmchecklist/text.hpp"
#include "llmchecklist/utc.hpp"

namespace llmchecklist::detail {
namespace {

class LayoutReader
{
public:
  LayoutReader(std::string_view text, const std::string& path) : m_text(text), m_path(path) {}

  std::optional<State> read()
  {
    State state;
    if (m_text.rfind("\xEF\xBB\xBF", 0) == 0) {
      state.bom = true;
      m_text.remove_prefix(3);
    }
    if (m_text.find('\r') != std::string_view::npos || !is_valid_utf8(m_text)) {
      return std::nullopt;
    }
    std::size_t tables = 0;
    for (std::size_t at = m_text.find("\n[items."); at != std::string_view::npos;
         at = m_text.find("\n[items.", at + 1)) {
      ++tables;
    }
    state.entries.reserve(tables + 1);
    for (unsigned number = 1; !m_text.empty(); ++number) {
      const std::size_t end = m_text.find('\n');
      const std::string_view line = m_text.substr(0, end);
      m_text.remove_prefix(end == std::string_view::npos ? m_text.size() : end + 1);
      m_line = number;
      const bool ok = line.empty()     ? true
                      : line[0] == '#' ? plain_text(line)
                      : line[0] == '[' ? open_table(line, state)
                                       : key_value(line, state);
      if (!ok) {
        return std::nullopt;
      }
    }
    if (!end_item() || !m_has_format || !m_has_checklist) {
      return std::nullopt;
    }
    // state.newline stays "\n": a file with a CR in it went to the toml++ path above. A
    // repeated id is toml++'s to report.
    if (!state.reindex()) {
      return std::nullopt;
    }
    return state;
  }

private:
  enum class Table
  {
    root,
    gate,
    gate_phases,
    item,
  };

  // Closes the current item's table: the checks the toml++ path makes of a whole entry.
  bool end_item() const
  {
    return m_entry == nullptr ||
           (m_has_status && !(m_entry->status == Status::na && m_entry->note.empty()));
  }

  // A table's header line: [gate], [gate.phases] or [items.ID].
  bool open_table(std::string_view line, State& state)
  {
    if (!end_item()) {
      return false;
    }
    m_keys.clear();
    m_item_keys = 0;
    m_entry = nullptr;
    if (line == "[gate]" && !m_has_gate) {
      m_table = Table::gate;
      m_has_gate = true;
      return true;
    }
    if (line == "[gate.phases]" && m_has_gate && !m_has_gate_phases) {
      m_table = Table::gate_phases;
      m_has_gate_phases = true;
      return true;
    }
    constexpr std::string_view k_items = "[items.";
    if (line.rfind(k_items, 0) != 0 || line.back() != ']') {
      return false;
    }
    const std::string_view id = line.substr(k_items.size(), line.size() - k_items.size() - 1);
    if (!bare_key(id)) {
      return false;
    }
    m_table = Table::item;
    m_entry = &state.entries.emplace_back();
    m_entry->id = std::string(id);
    m_has_status = false;
    return true;
  }

  // A `key = value` line of the current table.
  bool key_value(std::string_view line, State& state)
  {
    const std::size_t equals = line.find(" = ");
    if (equals == std::string_view::npos) {
      return false;
    }
    const std::string_view key = line.substr(0, equals);
    const std::string_view value = line.substr(equals + 3);
    if (m_table == Table::item) {
      // A repeated key is an error toml++ reports; an unknown one is for it to name.
      const unsigned bit = entry_key_bit(key);
      if (bit == 0 || (m_item_keys & bit) != 0) {
        return false;
      }
      m_item_keys |= bit;
    } else if (!bare_key(key) || !m_keys.insert(key).second) {
      return false;
    }
    bool ok = false;
    switch (m_table) {
    case Table::root:
      if (key == "format") {
        ok = value == "1";
        m_has_format = ok;
      } else if (key == "checklist") {
        ok = string(value, state.checklist) && !state.checklist.empty();
        state.checklist_location =
            SourceLocation{m_path, m_line, static_cast<unsigned>(equals + 4)};
        m_has_checklist = ok;
      } else if (key == "checklist_version") {
        ok = string(value, state.checklist_version);
      }
      break;
    case Table::gate:
      if (key == "min") {
        ok = percent(value, state.gate.min);
      } else if (key == "all_required" || key == "no_stale") {
        ok = value == "true" || value == "false";
        (key == "all_required" ? state.gate.all_required : state.gate.no_stale) = value == "true";
      }
      break;
    case Table::gate_phases: {
      GatePhase phase;
      phase.phase = std::string(key);
      phase.location = SourceLocation{m_path, m_line, 1};
      ok = percent(value, phase.min);
      state.gate.phases.push_back(std::move(phase));
      break;
    }
    case Table::item:
      ok = entry_value(*m_entry, key, value);
      m_has_status = m_has_status || key == "status";
      break;
    }
    return ok;
  }

  // A comment's text: toml++ refuses control characters but tab in it.
  static bool plain_text(std::string_view text)
  {
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
        return false;
      }
    }
    return true;
  }

  static unsigned entry_key_bit(std::string_view key)
  {
    static constexpr std::string_view k_entry_keys[] = {
        "status", "revision", "by", "at", "note", "until", "verify", "verify_result"};
    for (unsigned i = 0; i < std::size(k_entry_keys); ++i) {
      if (key == k_entry_keys[i]) {
        return 1U << i;
      }
    }
    return 0;
  }

  static bool bare_key(std::string_view key)
  {
    if (key.empty()) {
      return false;
    }
    for (const char c : key) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  // A basic string as toml_string() writes it: its escapes only, no raw control character.
  static bool string(std::string_view value, std::string& out)
  {
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') {
      return false;
    }
    value = value.substr(1, value.size() - 2);
    out.clear();
    for (std::size_t i = 0; i < value.size(); ++i) {
      // Copy the run up to the next character that needs a look, at once.
      std::size_t run = i;
      while (run < value.size()) {
        const auto byte = static_cast<unsigned char>(value[run]);
        if (byte == '"' || byte == '\\' || byte < 0x20 || byte == 0x7f) {
          break;
        }
        ++run;
      }
      out.append(value, i, run - i);
      if (run == value.size()) {
        break;
      }
      i = run;
      const char c = value[i];
      if (c != '\\') {
        return false; // a raw quote or control character
      }
      if (++i == value.size()) {
        return false;
      }
      switch (value[i]) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        // The writer's \u00XX, for control characters.
        const std::string_view hex = value.substr(i + 1, 4);
        unsigned code = 0;
        const auto [end, error] = std::from_chars(hex.data(), hex.data() + hex.size(), code, 16);
        if (hex.size() != 4 || error != std::errc() || end != hex.data() + 4 || code == 0 ||
            !(code < 0x20 || code == 0x7f)) {
          return false;
        }
        out += static_cast<char>(code);
        i += 4;
        break;
      }
      default:
        return false;
      }
    }
    return true;
  }

  // A percentage as the writer writes one ({} of a double in 0-100): digits, maybe a fraction.
  static bool percent(std::string_view value, double& out)
  {
    const std::size_t dot = value.find('.');
    const std::string_view whole = value.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view("0") : value.substr(dot + 1);
    if (!digits(whole) || !digits(fraction) || (whole.size() > 1 && whole[0] == '0') ||
        whole.size() > 3) {
      return false;
    }
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), out);
    return error == std::errc() && end == value.data() + value.size() && out >= 0 && out <= 100;
  }

  static bool digits(std::string_view text)
  {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  }

  // A number of exactly `text.size()` digits.
  static bool number(std::string_view text, int& out)
  {
    out = 0;
    for (const char c : text) {
      if (c < '0' || c > '9') {
        return false;
      }
      out = out * 10 + (c - '0');
    }
    return !text.empty();
  }

  static bool entry_value(Entry& entry, std::string_view key, std::string_view value)
  {
    if (key == "status") {
      std::string text;
      const std::optional<Status> status = string(value, text) ? parse_status(text) : std::nullopt;
      if (status) {
        entry.status = *status;
      }
      return status.has_value();
    }
    if (key == "revision") {
      int revision = 0;
      const auto [end, error] =
          std::from_chars(value.data(), value.data() + value.size(), revision);
      entry.revision = revision;
      return digits(value) && value[0] != '0' && error == std::errc() &&
             end == value.data() + value.size() && revision >= 1 && revision <= 1'000'000;
    }
    if (key == "by" || key == "note" || key == "verify") {
      return string(value, key == "by" ? entry.by : key == "note" ? entry.note : entry.verify);
    }
    if (key == "verify_result") {
      return string(value, entry.verify_result) &&
             (entry.verify_result == "pass" || entry.verify_result == "fail");
    }
    if (key == "until") {
      entry.until = std::string(value);
      return parse_date(value).has_value();
    }
    if (key == "at") {
      // format_utc()'s form, maybe with a fraction of a second without trailing zeros: what
      // the toml++ path normalises every UTC date-time to.
      if (value.size() < 20 || value.back() != 'Z' || value[10] != 'T' || value[13] != ':' ||
          value[16] != ':') {
        return false;
      }
      const std::string_view fraction = value.substr(19, value.size() - 20);
      if (!fraction.empty() && (fraction[0] != '.' || fraction.size() < 2 || fraction.size() > 10 ||
                                !digits(fraction.substr(1)) || fraction.back() == '0')) {
        return false;
      }
      int hour = 0;
      int minute = 0;
      int second = 0;
      if (!parse_date(value.substr(0, 10)) || !number(value.substr(11, 2), hour) ||
          !number(value.substr(14, 2), minute) || !number(value.substr(17, 2), second) ||
          hour > 23 || minute > 59 || second > 59) {
        return false;
      }
      entry.at = std::string(value);
      return true;
    }
    return false;
  }

  std::string_view m_text;
  const std::string& m_path;
  unsigned m_line = 0;
  Table m_table = Table::root;
  bool m_has_format = false;
  bool m_has_checklist = false;
  bool m_has_gate = false;
  bool m_has_gate_phases = false;
  bool m_has_status = false;
  std::unordered_set<std::string_view> m_keys; // of the current table, but an item's
  unsigned m_item_keys = 0;                    // an item's, one bit each (k_entry_keys)
  Entry* m_entry = nullptr;
};

} // namespace

std::optional<State> read_state_layout(std::string_view text, const std::string& path)
{
  return LayoutReader(text, path).read();
}

} // namespace llmchecklist::detail
