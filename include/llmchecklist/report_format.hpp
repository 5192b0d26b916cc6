#pragma once
/// One table per report family (exports, the fleet, history): each format's name, what it is
/// for --help and completion, its usual file extension and its writer, so that the command
/// line's choices, its help, completion and dispatch cannot drift apart.
///
///     for (const ExportFormatInfo& format : export_formats()) {
///       format.name; // "markdown", "json", ...
///     }

#include <span>
#include <string_view>

namespace llmchecklist {

/// One format of a report family.
template <typename Format, typename Writer> struct ReportFormat
{
  Format format;
  /// As the command line names it: "markdown".
  std::string_view name;
  /// A phrase for --help and completion: "a GitHub task list".
  std::string_view help;
  /// The usual file extension, without the dot: "md".
  std::string_view extension;
  Writer write;
};

/// The entry of `formats` named `name`, or nullptr.
template <typename Format, typename Writer>
const ReportFormat<Format, Writer>*
find_format(std::span<const ReportFormat<Format, Writer>> formats, std::string_view name)
{
  for (const auto& format : formats) {
    if (format.name == name) {
      return &format;
    }
  }
  return nullptr;
}

/// The entry of `formats` for `format`; formats are listed once each, so there is one.
template <typename Format, typename Writer>
const ReportFormat<Format, Writer>&
format_info(std::span<const ReportFormat<Format, Writer>> formats, Format format)
{
  for (const auto& entry : formats) {
    if (entry.format == format) {
      return entry;
    }
  }
  return formats.front();
}

} // namespace llmchecklist
