// llmchecklist lint: every problem in checklist definitions, as FILE:LINE:COL: message.

#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "diagnostics.hpp"
#include "exit_codes.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/lint.hpp"
#include "llmchecklist/state_file.hpp"
#include "output.hpp"
#include "terminal.hpp"
#include "validators.hpp"

namespace llmchecklist::cli {
namespace {

struct LintCommandOptions
{
  std::vector<std::string> files;
  LintOptions lint;
};

int run_lint(const Context& context, const LintCommandOptions& options)
{
  struct Source
  {
    std::string path;
    std::string text;
    LintOptions lint;
  };
  std::vector<Source> sources;
  if (options.files.empty()) {
    // A built-in checklist's `replaces` must name ids its earlier versions had.
    for (const std::string& name : builtin_checklist_names()) {
      Source source{fmt::format("{}{}", k_builtin_prefix, name),
                    std::string(builtin_checklist_source(name)), options.lint};
      source.lint.earlier_ids.emplace();
      const std::vector<std::string> versions = builtin_checklist_versions(name);
      for (std::size_t v = 0; v + 1 < versions.size(); ++v) {
        const Checklist earlier = load_builtin_checklist(fmt::format("{}@{}", name, versions[v]));
        for (const Item& item : earlier.items()) {
          source.lint.earlier_ids->push_back(item.id);
        }
      }
      sources.push_back(std::move(source));
    }
  }
  int code = k_exit_ok;
  for (const std::string& file : options.files) {
    try {
      sources.push_back(Source{file, read_file(file), options.lint});
    } catch (const IoError& error) {
      print_error(error.what());
      code = k_exit_io;
    }
  }
  // Problems go where every other command's errors go (stderr, compiler-style, with the line and
  // a caret), and the count comes last, so that one log reads in order.
  std::size_t problems = 0;
  for (const Source& source : sources) {
    for (const Diagnostic& diagnostic : lint_checklist(source.text, source.path, source.lint)) {
      print_error(diagnostic.location, diagnostic.message);
      ++problems;
    }
  }
  if (problems > 0) {
    if (!context.options.quiet) {
      print_err(
          fmt::format("llmchecklist: {} problem{} found\n", problems, problems == 1 ? "" : "s"));
    }
    return k_exit_data;
  }
  if (code == k_exit_ok && !context.options.quiet) {
    // A clean run says so: a silent lint is indistinguishable from one that checked nothing.
    print_out(sources.size() == 1
                  ? fmt::format("no problems found in {}\n", printable(sources.front().path))
                  : fmt::format("no problems found in {} checklists\n", sources.size()));
  }
  return code;
}

} // namespace

Command register_lint(CLI::App& app, Context& context)
{
  auto options = std::make_shared<LintCommandOptions>();
  CLI::App* sub =
      app.add_subcommand("lint", "Check checklist definitions (default: the built-in one)");
  sub->add_option("files", options->files, "Checklist TOML files");
  sub->add_option("--min-words", options->lint.min_details_words,
                  "Fewest words an item's details may have (default 80)")
      ->check(number_between(0, 1'000'000, "a whole number of words", true));
  sub->add_option("--max-words", options->lint.max_details_words,
                  "Most words an item's details may have (default 0: no limit)")
      ->check(number_between(0, 1'000'000, "a whole number of words", true));
  return {sub, [&context, options] { return run_lint(context, *options); }};
}

} // namespace llmchecklist::cli
