#pragma once
// A report family's formats on the command line, from the library's one table of them: the
// choices --format takes, their help and their completion.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "llmchecklist/report_format.hpp"
#include "llmchecklist/report_output.hpp"
#include "output.hpp"

namespace llmchecklist::cli {

/// The format names `--format` takes: `text` first when the command writes its own text
/// report, then the table's.
template <typename Format, typename Writer>
std::vector<std::string> format_names(std::span<const ReportFormat<Format, Writer>> formats,
                                      bool with_text)
{
  std::vector<std::string> names;
  if (with_text) {
    names.emplace_back("text");
  }
  for (const auto& format : formats) {
    names.emplace_back(format.name);
  }
  return names;
}

/// `--format` with its choices and help from the table: "markdown (a GitHub task list), json
/// (for scripts) or ...".
template <typename Format, typename Writer>
CLI::Option* add_format_option(CLI::App& sub, std::string& value,
                               std::span<const ReportFormat<Format, Writer>> formats,
                               std::string_view text_help = {})
{
  std::string help;
  std::vector<std::string> phrases;
  if (!text_help.empty()) {
    phrases.push_back(fmt::format("text ({})", text_help));
  }
  for (const auto& format : formats) {
    phrases.push_back(fmt::format("{} ({})", format.name, format.help));
  }
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    help += (i == 0 ? "" : i + 1 == phrases.size() ? " or " : ", ") + phrases[i];
  }
  return sub.add_option("--format,-f", value, help)
      ->check(CLI::IsMember(format_names(formats, !text_help.empty())))
      ->option_text("FORMAT");
}

/// `-o,--output FILE`, where a report goes instead of standard output.
inline void add_output_option(CLI::App& sub, std::string& output,
                              std::string_view how = "replaced atomically")
{
  sub.add_option("-o,--output", output,
                 fmt::format("Write to FILE ({}) instead of stdout; - is stdout", how))
      ->option_text("FILE");
}

/// Whether `-o` names a file: not empty and not `-`, which is standard output.
inline bool is_output_file(const std::string& output)
{
  return !output.empty() && output != "-";
}

/// The report on standard output, or in the file `-o` names (write_report()).
inline void emit_report(const std::string& output, std::string_view text,
                        const std::vector<ReportInput>& inputs)
{
  if (is_output_file(output)) {
    write_report(output, text, inputs);
  } else {
    print_raw(text);
  }
}

} // namespace llmchecklist::cli
