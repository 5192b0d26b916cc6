#pragma once
/// An enumeration's names as a table in the enumerators' order, instead of a switch per enum:
/// one line to add an enumerator, and to_string() and parsing cannot disagree.
///
///     constexpr std::string_view k_names[] = {"todo", "done", "na"};
///     name_of(Status::na, k_names);          // "na"
///     enum_named<Status>("done", k_names);   // Status::done

#include <cstddef>
#include <optional>
#include <string_view>

namespace llmchecklist {

/// The name of `value` in `names` (indexed by the enumerator's value).
template <typename Enum, std::size_t N>
constexpr std::string_view name_of(Enum value, const std::string_view (&names)[N])
{
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view("?");
}

/// The enumerator named `text` in `names`; nullopt for a name not there.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> enum_named(std::string_view text, const std::string_view (&names)[N])
{
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<Enum>(i);
    }
  }
  return std::nullopt;
}

} // namespace llmchecklist
