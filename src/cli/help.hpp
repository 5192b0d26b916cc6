#pragma once
// How --help looks: every line within 80 columns, descriptions wrapped under their column, and
// an option's value named in words (FILE, N) rather than CLI11's labels (UINT:..., Excludes:).

#include <CLI/CLI.hpp>

namespace llmchecklist::cli {

/// The formatter every command's --help uses; set on the app before subcommands are added.
class HelpFormatter : public CLI::Formatter
{
public:
  HelpFormatter();

  std::string make_option(const CLI::Option* option, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_footer(const CLI::App* app) const override;
};

} // namespace llmchecklist::cli
