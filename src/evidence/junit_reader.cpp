// JUnit XML as pytest (--junitxml), Maven Surefire, Jest and most runners write it: one
// <testsuite> or several in a <testsuites>, each with its counts as attributes and its
// <testcase> elements.

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "evidence/readers.hpp"
#include "evidence/result_text.hpp"
#include "evidence/test_counts.hpp"
#include "evidence/xml_scan.hpp"
#include "llmchecklist/error.hpp"

namespace llmchecklist::detail {
namespace {

class JunitCounter
{
public:
  JunitCounter(std::string_view text, const std::string& shown) : m_text(text), m_shown(shown) {}

  // The outermost <testsuite> elements: a suite inside a suite is counted by its parent's
  // attributes already.
  void find_suites(const XmlElement& element)
  {
    if (element.name == "testsuite") {
      add_suite(element);
      ++m_suites;
      return;
    }
    for (const XmlElement& child : element.children) {
      find_suites(child);
    }
  }

  // A suite's attributes when it has them, its test cases when it has none.
  void add_suite(const XmlElement& suite)
  {
    if (suite.attribute("tests") == nullptr) {
      add_cases(suite);
      return;
    }
    TestCounts suite_counts;
    suite_counts.tests = count(suite, "tests");
    const std::uint64_t failures = count(suite, "failures");
    const std::uint64_t errors = count(suite, "errors");
    suite_counts.failed = failures + errors;
    suite_counts.skipped = count(suite, "skipped");
    if (suite_counts.failed + suite_counts.skipped > suite_counts.tests) {
      throw DataError(location_at(m_text, suite.offset, m_shown),
                      fmt::format("the suite counts {} tests but {} failed and {} skipped",
                                  suite_counts.tests, suite_counts.failed, suite_counts.skipped));
    }
    add(suite_counts);
  }

  void add_cases(const XmlElement& element)
  {
    for (const XmlElement& child : element.children) {
      if (child.name != "testcase") {
        add_cases(child);
        continue;
      }
      TestCounts test;
      test.tests = 1;
      for (const XmlElement& result : child.children) {
        if (result.name == "failure" || result.name == "error") {
          test.failed = 1;
        } else if (result.name == "skipped") {
          test.skipped = 1;
        }
      }
      // A test that failed and was skipped (pytest's xfail strict) failed.
      if (test.failed == 1) {
        test.skipped = 0;
      }
      add(test);
    }
  }

  const TestCounts& counts() const { return m_counts; }
  std::size_t suites() const { return m_suites; }

private:
  void add(const TestCounts& more)
  {
    m_counts.tests += more.tests;
    m_counts.failed += more.failed;
    m_counts.skipped += more.skipped;
  }

  // A count attribute: absent is 0; anything but digits is refused at the attribute.
  std::uint64_t count(const XmlElement& element, std::string_view name) const
  {
    const XmlAttribute* attribute = element.attribute(name);
    if (attribute == nullptr) {
      return 0;
    }
    std::uint64_t value = 0;
    const char* begin = attribute->value.data();
    const char* end = begin + attribute->value.size();
    const auto [stop, error] = std::from_chars(begin, end, value);
    if (error != std::errc{} || stop != end || attribute->value.empty() ||
        value > (std::uint64_t{1} << 48)) {
      throw DataError(location_at(m_text, attribute->offset, m_shown),
                      fmt::format("{}=\"{}\" is not a count of tests", name,
                                  shown_value(attribute->value, 40)));
    }
    return value;
  }

  std::string_view m_text;
  const std::string& m_shown;
  TestCounts m_counts;
  std::size_t m_suites = 0;
};

} // namespace

ExpectationOutcome read_junit(const ExpectationRule& rule, std::string_view text,
                              const std::string& shown)
{
  const XmlElement root = read_xml(text, shown);
  if (root.name != "testsuites" && root.name != "testsuite") {
    throw DataError(location_at(text, root.offset, shown),
                    fmt::format("not JUnit XML: the root element is <{}>, not <testsuites> or "
                                "<testsuite>",
                                shown_value(root.name, 40)));
  }
  JunitCounter counter(text, shown);
  counter.find_suites(root);
  if (counter.suites() == 0) {
    throw DataError(location_at(text, root.offset, shown),
                    "no <testsuite> element: the file reports no test run");
  }
  return judge_counts(rule, counter.counts());
}

} // namespace llmchecklist::detail
