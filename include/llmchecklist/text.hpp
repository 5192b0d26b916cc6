#pragma once
/// Text as llmchecklist handles it: UTF-8 that may be invalid, characters that must be shown
/// rather than obeyed, and details written as paragraphs. Every rendering uses these, so the
/// command line and any other front end show text the same way.
///
///     llmchecklist::reveal_invisible("ok \u202Eevil");  // "ok <U+202E>evil"
///     llmchecklist::split_paragraphs("a\nb\n\nc");     // {"a b", "c"}

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace llmchecklist {

inline constexpr std::string_view k_replacement_character = "\xEF\xBF\xBD";

/// ASCII letters lowered, every other byte kept: for names that compare without case (git
/// config keys, locale codesets), independent of the locale.
inline std::string ascii_lower(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

/// Calls `visit(code_point, bytes)` for each character; an invalid byte is visited as U+FFFD
/// with the replacement character's bytes.
template <typename Visit> void for_each_code_point(std::string_view text, Visit&& visit)
{
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t code_point = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
      length = 1;
      code_point = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code_point = lead & 0x1F;
      minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code_point = lead & 0x0F;
      minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code_point = lead & 0x07;
      minimum = 0x10000;
    }
    bool valid = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    valid = valid && code_point >= minimum && code_point <= 0x10FFFF &&
            !(code_point >= 0xD800 && code_point <= 0xDFFF);
    if (valid) {
      visit(code_point, text.substr(i, length));
      i += length;
    } else {
      visit(char32_t{0xFFFD}, k_replacement_character);
      ++i;
    }
  }
}

/// The first `count` characters of `text` as for_each_code_point() visits them.
inline std::string first_characters(std::string_view text, std::size_t count)
{
  std::string out;
  std::size_t taken = 0;
  for_each_code_point(text, [&](char32_t, std::string_view bytes) {
    if (taken < count) {
      out += bytes;
      ++taken;
    }
  });
  return out;
}

/// Whether `text` is entirely valid UTF-8.
inline bool is_valid_utf8(std::string_view text)
{
  // Most text is ASCII: skip runs of it eight bytes at a time.
  std::size_t ascii = 0;
  for (; ascii + 8 <= text.size(); ascii += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + ascii, sizeof word);
    if ((word & 0x8080808080808080ULL) != 0) {
      break;
    }
  }
  text.remove_prefix(ascii);
  bool valid = true;
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    valid = valid && !(code_point == 0xFFFD && bytes.data() == k_replacement_character.data());
  });
  return valid;
}

/// Whether a character is an invisible format character: bidirectional overrides and isolates,
/// zero-width characters, the line and paragraph separators (which some viewers break lines at
/// and others ignore) and the like. Text can read differently from what it is with them (the
/// "Trojan Source" trick), so every rendering for people shows them as <U+XXXX>.
inline bool is_invisible_format(char32_t c)
{
  return c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

/// `text` with each invisible format character written as <U+XXXX>.
inline std::string reveal_invisible(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    if (is_invisible_format(code_point)) {
      static constexpr char k_hex[] = "0123456789ABCDEF";
      out += "<U+";
      for (int shift = 12; shift >= 0; shift -= 4) {
        out += k_hex[(code_point >> shift) & 0xF];
      }
      out += '>';
    } else {
      out += bytes;
    }
  });
  return out;
}

/// `text` with control characters (C0 but those in `keep`, DEL and C1, which terminals act on)
/// and invalid bytes replaced by U+FFFD, for formats that may end up on a terminal.
inline std::string without_controls(std::string_view text, std::string_view keep = {})
{
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    const bool control = code_point < 0x20 || (code_point >= 0x7f && code_point < 0xa0);
    if (control && keep.find(static_cast<char>(code_point)) == std::string_view::npos) {
      out += k_replacement_character;
    } else {
      out += bytes;
    }
  });
  return out;
}

/// `text` for a report a person reads: invisible format characters shown as <U+XXXX>, and
/// control characters but those in `keep` replaced.
inline std::string shown_text(std::string_view text, std::string_view keep = {})
{
  return without_controls(reveal_invisible(text), keep);
}

/// `text` with every line that a CI runner would obey made inert: a line whose first
/// non-blank characters are `::` (a GitHub Actions workflow command, which the runner finds
/// after leading blanks) gets a backslash before them, and `##` before `[` or `vso[` (the older
/// form, and Azure Pipelines' logging commands, found anywhere in a line) gets one between its
/// two signs. Idempotent; text without such lines is returned unchanged. Every text output
/// goes through it, whatever its source; only `export --format github`, whose lines are meant
/// for the runner, does not.
///
///     neutralize_ci_commands("  ::error::x");  // "  \::error::x"
///     neutralize_ci_commands("a ##[group]b");  // "a #\#[group]b"
inline std::string neutralize_ci_commands(std::string_view text)
{
  // The blanks a runner trims before looking for `::` (.NET's char.IsWhiteSpace), as UTF-8.
  const auto blank_at = [&](std::size_t i) -> std::size_t {
    static constexpr std::string_view k_blanks[] = {" ",
                                                    "\t",
                                                    "\v",
                                                    "\f",
                                                    "\xC2\x85",
                                                    "\xC2\xA0",
                                                    "\xE1\x9A\x80",
                                                    "\xE2\x80\xA8",
                                                    "\xE2\x80\xA9",
                                                    "\xE2\x80\xAF",
                                                    "\xE2\x81\x9F",
                                                    "\xE3\x80\x80"};
    for (const std::string_view blank : k_blanks) {
      if (text.substr(i, blank.size()) == blank) {
        return blank.size();
      }
    }
    // U+2000 to U+200A
    if (text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() &&
        static_cast<unsigned char>(text[i + 2]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x8A) {
      return 3;
    }
    return 0;
  };
  std::string out;
  out.reserve(text.size());
  bool line_start = true;
  for (std::size_t i = 0; i < text.size();) {
    if (line_start) {
      if (const std::size_t blank = blank_at(i); blank > 0) {
        out += text.substr(i, blank);
        i += blank;
        continue;
      }
      line_start = false;
      if (text.substr(i, 2) == "::") {
        out += '\\';
      }
    }
    const char c = text[i++];
    out += c;
    if (c == '#' && text.substr(i, 1) == "#" &&
        (text.substr(i + 1, 1) == "[" || text.substr(i + 1, 4) == "vso[")) {
      out += '\\';
    }
    line_start = c == '\n' || c == '\r';
  }
  return out;
}

/// The paragraphs of `text`, each with its lines joined by single spaces.
inline std::vector<std::string> split_paragraphs(std::string_view text)
{
  std::vector<std::string> paragraphs;
  std::string paragraph;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (!paragraph.empty()) {
        paragraphs.push_back(std::move(paragraph));
        paragraph.clear();
      }
    } else {
      if (!paragraph.empty()) {
        paragraph += ' ';
      }
      paragraph += line;
    }
    start = end + 1;
  }
  if (!paragraph.empty()) {
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

/// Appends code point `c` to `out` as UTF-8.
inline void append_utf8(std::string& out, char32_t c)
{
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

} // namespace llmchecklist
