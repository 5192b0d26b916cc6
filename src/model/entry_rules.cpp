#include "llmchecklist/entry_rules.hpp"

#include <fmt/format.h>

#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"
#include "llmchecklist/utc.hpp"

namespace llmchecklist {
namespace {

bool is_date(std::string_view text)
{
  return parse_date(text).has_value();
}

// A UTC date-time as the reader normalises one: second precision, or with the fraction of a
// second the file gave ("2026-01-02T03:04:05.25Z").
bool is_utc_time(std::string_view text)
{
  return text.ends_with('Z') && parse_date_time(text).has_value();
}

// A git object id: SHA-1 (40 hex digits) or SHA-256 (64), as git prints it.
bool is_object_id(std::string_view text)
{
  return (text.size() == 40 || text.size() == 64) &&
         text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Why a receipt or an expectation could not be read back; empty when it could.
std::string problem_with(const Entry& entry)
{
  try {
    for (const Receipt& receipt : entry.evidence) {
      require_repository_path(receipt.path, "an evidence path");
      if (!is_object_id(receipt.blob)) {
        return fmt::format("the blob id of evidence {} is not a git object id", receipt.path);
      }
    }
    for (const Expectation& expectation : entry.expectations) {
      require_fits_reader(expectation.rule, "an expectation");
      require_one_line(expectation.value, "an expectation's value");
      if (!expectation.result.empty() && expectation.result != "pass" &&
          expectation.result != "fail") {
        return fmt::format("an expectation's result must be \"pass\" or \"fail\", not \"{}\"",
                           expectation.result);
      }
      if (!expectation.blob.empty() && !is_object_id(expectation.blob)) {
        return fmt::format("the blob id recorded for {} is not a git object id",
                           expectation.rule.file);
      }
      if (!expectation.at.empty() && !is_utc_time(expectation.at)) {
        return fmt::format("an expectation's 'at' must be a UTC date-time, not \"{}\"",
                           expectation.at);
      }
    }
  } catch (const UsageError& error) {
    return error.what();
  }
  return {};
}

} // namespace

void require_one_line(std::string_view text, std::string_view what)
{
  if (!is_valid_utf8(text)) {
    throw UsageError(fmt::format("{} is not valid UTF-8", what));
  }
  // C0 controls and DEL: what a line of the state file must not hold. C1 controls are valid
  // UTF-8 characters the writer escapes, and every rendering shows them revealed.
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      throw UsageError(fmt::format("{} must be one line of text without control characters", what));
    }
  }
}

void require_reason(std::string_view reason, std::string_view what)
{
  if (reason.find_first_not_of(" \t") == std::string_view::npos) {
    throw UsageError(fmt::format("{} needs a reason: why the item does not apply", what));
  }
  require_one_line(reason, what);
}

void require_until(std::string_view until, std::string_view today, std::string_view what)
{
  if (!is_date(until)) {
    throw UsageError(fmt::format("{} needs a date like 2027-03-31, got \"{}\"", what, until));
  }
  // The decision holds through its `until` day; one already past would expire at once.
  if (until < today) {
    throw UsageError(fmt::format("{} {} is already past (today is {}); give the last day the "
                                 "decision should hold",
                                 what, until, today));
  }
}

std::string cleaned_line(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t code_point, std::string_view bytes) {
    if (code_point == '\t' || code_point == '\n' || code_point == '\r') {
      out += ' ';
    } else if (code_point < 0x20 || (code_point >= 0x7f && code_point < 0xa0) ||
               (code_point == 0xFFFD && bytes.data() == k_replacement_character.data())) {
      // A control character, or an invalid byte (for_each_code_point hands over its own
      // replacement character for one): dropped.
    } else {
      out += bytes;
    }
  });
  return out;
}

void require_readable(const Entry& entry)
{
  const auto refuse = [&](std::string_view why) {
    throw DataError({}, fmt::format("[items.{}] cannot be written: {}; the state file was not "
                                    "changed",
                                    entry.id, why));
  };
  for (const std::string* field : {&entry.id, &entry.by, &entry.at, &entry.note, &entry.verify,
                                   &entry.verify_result, &entry.until}) {
    if (!is_valid_utf8(*field)) {
      refuse("it holds text that is not valid UTF-8");
    }
  }
  if (!entry.at.empty() && !is_utc_time(entry.at)) {
    refuse(fmt::format("'at' must be a UTC date-time like 2026-11-28T12:00:00Z, not \"{}\"",
                       entry.at));
  }
  if (!entry.until.empty() && !is_date(entry.until)) {
    refuse(fmt::format("'until' must be a date like 2027-03-31, not \"{}\"", entry.until));
  }
  if (entry.status == Status::na && entry.note.empty()) {
    refuse("a not-applicable item needs a reason");
  }
  if (entry.revision < 0 || entry.revision > 1'000'000) {
    refuse(fmt::format("its revision {} is not from 1 to 1,000,000", entry.revision));
  }
  if (!entry.verify_result.empty() && entry.verify_result != "pass" &&
      entry.verify_result != "fail") {
    refuse(fmt::format("'verify_result' must be \"pass\" or \"fail\", not \"{}\"",
                       entry.verify_result));
  }
  if (const std::string problem = problem_with(entry); !problem.empty()) {
    refuse(problem);
  }
}

} // namespace llmchecklist
