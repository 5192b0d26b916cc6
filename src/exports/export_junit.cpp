// JUnit XML in the Apache Ant layout that Jenkins, GitLab and GitHub test reporters read. It
// validates against tests/junit.xsd, which states that layout's rules (every attribute the
// strictest readers require, properties and system-out/err present).

#include <fmt/format.h>

#include "exports/selection.hpp"
#include "exports/xml_escape.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/standing.hpp"

namespace llmchecklist {
namespace {

using detail::xml_escape;

// Ant's timestamp has no time zone: the UTC time without its trailing Z.
std::string ant_timestamp(std::string_view generated_at)
{
  if (generated_at.size() >= 19) {
    return std::string(generated_at.substr(0, 19));
  }
  return "1970-01-01T00:00:00";
}

// An item is a test: done passes, not applicable is skipped, and an error-level finding (a
// required item open, a failing verify command) or any open item fails it.
const Finding* failure_of(const Standing& standing)
{
  for (const Finding& finding : standing.findings) {
    if (finding.level == FindingLevel::error || finding.kind == FindingKind::open ||
        finding.kind == FindingKind::waiver_expired) {
      return &finding;
    }
  }
  return nullptr;
}

std::string testcase(const Checklist& checklist, const Item& item, const State& state,
                     const Standing& standing)
{
  std::string out =
      fmt::format("    <testcase name=\"{}\" classname=\"{}.{}\" time=\"0\">",
                  xml_escape(fmt::format("{}. {}", item.number, item.title)),
                  xml_escape(checklist.id), xml_escape(checklist.phases()[item.phase].id));
  if (const Finding* finding = failure_of(standing)) {
    return out + fmt::format("\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    "
                             "</testcase>\n",
                             xml_escape(finding->title), to_string(finding->kind),
                             xml_escape(finding->message));
  }
  if (standing.status == Status::na) {
    return out +
           fmt::format("\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                       xml_escape(fmt::format("not applicable: {}", state.find(item.id)->note)));
  }
  return out + "</testcase>\n";
}

} // namespace

std::string render_junit(const Checklist& checklist, const State& state, const Selection& selection,
                         std::string_view generated_at)
{
  const detail::Selected selected = detail::select(checklist, state, selection);
  const std::string timestamp = ant_timestamp(generated_at);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  std::size_t id = 0;
  for (const detail::SelectedPhase& selected_phase : selected.phases) {
    const Phase& phase = checklist.phases()[selected_phase.index];
    std::size_t failures = 0;
    std::size_t skipped = 0;
    std::string cases;
    std::string stale;
    for (const std::size_t i : selected_phase.items) {
      const Item& item = checklist.items()[i];
      const Standing standing = standing_of(state, item);
      if (standing.stale) {
        stale += fmt::format("stale: {} {} (checked at revision {}, now {})\n", item.number,
                             item.id, standing.checked_revision, item.revision);
      }
      const bool failed = failure_of(standing) != nullptr;
      failures += failed ? 1 : 0;
      skipped += !failed && standing.status == Status::na ? 1 : 0;
      cases += testcase(checklist, item, state, standing);
    }
    out += fmt::format("  <testsuite id=\"{}\" package=\"{}\" name=\"{}\" timestamp=\"{}\" "
                       "hostname=\"localhost\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                       "skipped=\"{}\" time=\"0\">\n",
                       id++, xml_escape(checklist.id), xml_escape(phase.title), timestamp,
                       selected_phase.items.size(), failures, skipped);
    out += fmt::format("    <properties>\n      <property name=\"phase\" value=\"{}\"/>\n"
                       "      <property name=\"checklist\" value=\"{}\"/>\n    </properties>\n",
                       xml_escape(phase.id), xml_escape(checklist.source));
    out += cases;
    // Stale checks still pass (they count as done) but are named where reporters show output.
    out += stale.empty() ? "    <system-out/>\n"
                         : fmt::format("    <system-out>{}</system-out>\n", xml_escape(stale));
    out += "    <system-err/>\n  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

} // namespace llmchecklist
