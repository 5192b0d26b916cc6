#include "ui_session_fixture.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "llmchecklist/project.hpp"
#include "ui/session.hpp"
#include "ui/view.hpp"

namespace llmchecklist::cli::ui {
namespace {

namespace fs = std::filesystem;

// UiSession's checklist (the header lists its items).
constexpr const char* k_checklist = R"(
[checklist]
id = "launch"
title = "Launch Checklist"
version = "1"

[[phases]]
id = "build"
title = "Build"

[[phases.items]]
id = "quality-bar"
title = "Set a measurable quality bar"
details = "Agree on what good enough means."
done_when = "The bar is written down."
severity = "required"

[[phases.items]]
id = "cost-at-scale"
title = "Forecast the cost per request at scale"
details = "Multiply by the expected traffic."
done_when = "The forecast is in the plan."
severity = "recommended"

[[phases.items]]
id = "context-length"
title = "Check that long inputs fit the model's context"
details = "Measure the longest inputs."
done_when = "The longest input fits."
severity = "required"

[[phases.items]]
id = "model-pin"
title = "Pin the model version"
details = "Name the exact version in the configuration."
done_when = "The version is pinned."
severity = "required"

[[phases]]
id = "operate"
title = "Operate"

[[phases.items]]
id = "rate-limits"
title = "Respect the provider's rate limits"
details = "Queue requests above the limit."
done_when = "Requests over the limit wait."
severity = "required"

[[phases.items]]
id = "fallback"
title = "Fall back to a second model"
details = "Route requests elsewhere when the first is down."
done_when = "The fallback was rehearsed."
severity = "recommended"

[[phases.items]]
id = "incident-response"
title = "Write the incident response plan"
details = "Who is paged, and what they do first."
done_when = "The plan is published."
severity = "required"
)";

} // namespace

ScopedEnv::ScopedEnv(const char* name, std::optional<std::string> value) : m_name(name)
{
  if (const char* old = std::getenv(name)) {
    m_old = old;
  }
  if (value) {
    ::setenv(m_name, value->c_str(), 1);
  } else {
    ::unsetenv(m_name);
  }
}

ScopedEnv::~ScopedEnv()
{
  if (m_old) {
    ::setenv(m_name, m_old->c_str(), 1);
  } else {
    ::unsetenv(m_name);
  }
}

std::string read_file(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const fs::path& path, const std::string& text)
{
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// The lines that differ between two files, "< " before and "> " after, with what both share at
// the start and the end left out (as `diff before after | grep '^[<>]'` shows one change).
std::string changed_lines(const std::string& before, const std::string& after)
{
  const std::vector<std::string> a = lines_of(before);
  const std::vector<std::string> b = lines_of(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) {
    ++head;
  }
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::string out;
  for (std::size_t i = head; i < a.size() - tail; ++i) {
    out += "< " + a[i] + "\n";
  }
  for (std::size_t i = head; i < b.size() - tail; ++i) {
    out += "> " + b[i] + "\n";
  }
  return out;
}

// Row `row` (0-based) of a frame kept by save_display().
std::string line(const std::string& frame, int row)
{
  const std::vector<std::string> rows = lines_of(frame);
  return row >= 0 && static_cast<std::size_t>(row) < rows.size()
             ? rows[static_cast<std::size_t>(row)]
             : std::string();
}

UiSession::UiSession(int rows, int columns) : screen(rows, columns)
{
  std::string pattern = (fs::temp_directory_path() / "llmchecklist-ui-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory");
  }
  dir = pattern;
  state = dir / ".llmchecklist";
  m_previous_directory = fs::current_path();
  fs::current_path(dir);
  write_file(dir / "checklist.toml", k_checklist);
  write_file(state, "format = 1\nchecklist = \"checklist.toml\"\n");
  check_elsewhere("quality-bar", Status::done, "Ada Lovelace <ada@example.org>", k_test_now);
  // As `llmchecklist --file .llmchecklist ui` names it: messages show the path so.
  context.options.file = ".llmchecklist";
}

UiSession::~UiSession()
{
  std::error_code ec;
  fs::current_path(m_previous_directory, ec);
  fs::remove_all(dir, ec);
}

void UiSession::run()
{
  // As `llmchecklist ui` starts: the project read first, then the screen.
  View view;
  view.load(context.open());
  Session session(context, screen, view);
  session.set_unicode(unicode);
  session.run();
  CHECK(screen.finished());
  CHECK_MESSAGE(screen.overflows() == 0, "text ran past the right edge");
}

std::string UiSession::file() const
{
  return read_file(state);
}

std::string UiSession::saved_frames() const
{
  std::string out;
  for (std::size_t i = 0; i < screen.saved().size(); ++i) {
    out += "saved frame " + std::to_string(i) + ":\n" + screen.saved()[i];
  }
  return out;
}

void UiSession::check_elsewhere(const std::string& id, Status status, const std::string& by,
                                const std::string& at, const std::string& note)
{
  update_project(state, [&](Project& project) {
    const std::size_t index = project.checklist.find_item(id);
    if (index == Checklist::npos) {
      throw std::logic_error("no item " + id + " in the test's checklist");
    }
    const Item& item = project.checklist.items()[index];
    if (status == Status::todo) {
      uncheck_item(project.state, item);
      return;
    }
    check_item(project.state, item, status, Mark{by, at, note});
  });
}

} // namespace llmchecklist::cli::ui
