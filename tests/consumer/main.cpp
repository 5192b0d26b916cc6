// Uses the library API: the built-in checklist, a state with one item checked, progress and an
// export. Prints "items=40 done=1 percent=2" and the first line of the Markdown export.
#include <iostream>

#include <llmchecklist/builtin.hpp>
#include <llmchecklist/export.hpp>
#include <llmchecklist/progress.hpp>
#include <llmchecklist/project.hpp>
#include <llmchecklist/version.hpp>

int main()
{
  const llmchecklist::Checklist checklist = llmchecklist::load_builtin_checklist("llm-deployment");
  llmchecklist::State state;
  llmchecklist::check_item(state, checklist.items().front(), llmchecklist::Status::done,
                           {"Consumer <consumer@example.org>", "2026-11-28T12:00:00Z", "ok"});
  const llmchecklist::Progress progress = llmchecklist::compute_progress(checklist, state);
  std::cout << "version=" << llmchecklist::k_version << " items=" << checklist.items().size()
            << " done=" << progress.overall.done << " percent=" << progress.overall.percent_floor()
            << "\n";
  const std::string markdown = llmchecklist::render_markdown(checklist, state);
  std::cout << markdown.substr(0, markdown.find('\n')) << "\n";
  return 0;
}
