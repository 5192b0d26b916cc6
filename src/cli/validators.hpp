#pragma once
// Checks of option values that say what the option takes, in our words: CLI11's own range
// check prints "Value abc not in range 0.000000 to 100.000000" for both a word and "80%".

#include <cstdlib>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace llmchecklist::cli {

/// A number from `low` to `high` (a whole one when `whole`); `what` names it in the message
/// ("a percentage").
inline CLI::Validator number_between(double low, double high, const std::string& what,
                                     bool whole = false)
{
  return CLI::Validator(
      [low, high, what, whole](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !(value >= low && value <= high) ||
            (whole && text.find_first_not_of("0123456789") != std::string::npos)) {
          const bool percent = !text.empty() && text.back() == '%';
          return fmt::format("expected {} from {} to {}{}, got \"{}\"", what, low, high,
                             percent ? " without the % sign" : "", text);
        }
        return {};
      },
      fmt::format("{} from {} to {}", what, low, high));
}

/// A percentage from 0 to 100, written without "%".
inline CLI::Validator percentage()
{
  return number_between(0, 100, "a percentage");
}

} // namespace llmchecklist::cli
