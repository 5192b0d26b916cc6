// The three-way merge of state files. Plain git already merges checks of different items; this
// is for the rest: the same item changed on two branches, where a textual conflict says nothing
// useful and most cases have an obvious answer.

#include "llmchecklist/merge.hpp"
#include "llmchecklist/state_io.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "formats/state_layout.hpp"

namespace llmchecklist {
namespace {

// The fields a check records (check_item() sets them, uncheck_item() clears them).
bool same_check(const Entry& a, const Entry& b)
{
  return a.status == b.status && a.revision == b.revision && a.by == b.by && a.at == b.at &&
         a.note == b.note && a.until == b.until && a.evidence == b.evidence;
}

void copy_check(Entry& to, const Entry& from)
{
  to.status = from.status;
  to.revision = from.revision;
  to.by = from.by;
  to.at = from.at;
  to.note = from.note;
  to.until = from.until;
  to.evidence = from.evidence;
}

// The usual three-way rule for one value: a change on one side wins, the same change on both is
// no conflict. Returns false when both sides changed it differently (then `merged` is ours).
template <typename T> bool merge_value(const T& base, const T& ours, const T& theirs, T& merged)
{
  merged = ours;
  if (ours == theirs || theirs == base) {
    return true;
  }
  if (ours == base) {
    merged = theirs;
    return true;
  }
  return false;
}

// The rules of an item's expectations, without what reading them found.
std::vector<ExpectationRule> rules_of(const std::vector<Expectation>& expectations)
{
  std::vector<ExpectationRule> rules;
  for (const Expectation& expectation : expectations) {
    rules.push_back(expectation.rule);
  }
  return rules;
}

// Expectations are configuration, like a verify command. The same rules read with different
// results on the two branches keep the failing one (the merged code may fail too), else the
// later reading, until the next `verify --update` reads the file again.
bool merge_expectations(const Entry& base, const Entry& ours, const Entry& theirs, Entry& merged)
{
  if (merge_value(base.expectations, ours.expectations, theirs.expectations, merged.expectations)) {
    return true;
  }
  if (rules_of(ours.expectations) != rules_of(theirs.expectations)) {
    return false;
  }
  for (std::size_t i = 0; i < merged.expectations.size(); ++i) {
    const Expectation& mine = ours.expectations[i];
    const Expectation& other = theirs.expectations[i];
    const bool take_theirs =
        mine.result != "fail" && (other.result == "fail" || compare_times(other.at, mine.at) > 0);
    merged.expectations[i] = take_theirs ? other : mine;
  }
  return true;
}

// Merges one entry; returns false on a conflict (then `merged` is ours).
bool merge_entry(const Entry& base, const Entry& ours, const Entry& theirs, Entry& merged)
{
  merged = ours;
  if (!same_check(ours, theirs) && !same_check(theirs, base)) {
    if (same_check(ours, base)) {
      copy_check(merged, theirs);
    } else if (ours.status != theirs.status) {
      return false;
    } else if (compare_times(theirs.at, ours.at) > 0) {
      // Both sides checked it the same way: the later check is the one that stands.
      copy_check(merged, theirs);
    }
  }
  // The verify command is configuration, not part of a check: merged on its own, so that one
  // side attaching a command and the other checking the item do not conflict.
  if (!merge_value(base.verify, ours.verify, theirs.verify, merged.verify)) {
    return false;
  }
  if (merged.verify != ours.verify) {
    // Theirs new command comes with what theirs found running it.
    merged.verify_result = theirs.verify_result;
  } else if (ours.verify == theirs.verify &&
             !merge_value(base.verify_result, ours.verify_result, theirs.verify_result,
                          merged.verify_result)) {
    // The same command passed on one branch and failed on the other: the merged code may fail
    // too, so say so until the next `verify --update` runs it.
    const bool failed = ours.verify_result == "fail" || theirs.verify_result == "fail";
    merged.verify_result =
        failed ? "fail" : (ours.verify_result.empty() ? theirs.verify_result : ours.verify_result);
  }
  return merge_expectations(base, ours, theirs, merged);
}

bool merge_gate(const Gate& base, const Gate& ours, const Gate& theirs, Gate& merged)
{
  bool clean = merge_value(base.min, ours.min, theirs.min, merged.min);
  clean =
      merge_value(base.all_required, ours.all_required, theirs.all_required, merged.all_required) &&
      clean;
  clean = merge_value(base.no_stale, ours.no_stale, theirs.no_stale, merged.no_stale) && clean;
  clean = merge_value(base.phases, ours.phases, theirs.phases, merged.phases) && clean;
  clean = merge_value(base.evidence_current, ours.evidence_current, theirs.evidence_current,
                      merged.evidence_current) &&
          clean;
  clean = merge_value(base.backed, ours.backed, theirs.backed, merged.backed) && clean;
  clean =
      merge_value(base.backed_min, ours.backed_min, theirs.backed_min, merged.backed_min) && clean;
  return clean;
}

Entry blank_entry(const std::string& id)
{
  Entry entry;
  entry.id = id;
  return entry;
}

std::string conflict(std::string_view ours, std::string_view theirs, std::string_view nl)
{
  return fmt::format("<<<<<<< ours{}{}======={}{}>>>>>>> theirs{}", nl, ours, nl, theirs, nl);
}

} // namespace

int compare_times(std::string_view a, std::string_view b)
{
  // "2026-11-28T12:00:00Z", or with a fraction before the Z ("...:00.25Z"): whole seconds
  // compare as text, fractions as digits padded to the same length.
  const auto whole = [](std::string_view t) {
    return t.substr(0, std::min<std::size_t>(19, t.size()));
  };
  const auto fraction = [](std::string_view t) {
    std::string digits;
    if (t.size() > 20 && t[19] == '.') {
      for (std::size_t i = 20; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
        digits += t[i];
      }
    }
    digits.resize(9, '0');
    return digits;
  };
  if (const int order = whole(a).compare(whole(b)); order != 0) {
    return order < 0 ? -1 : 1;
  }
  const int order = fraction(a).compare(fraction(b));
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

State parse_merge_version(std::string_view text, const std::string& path)
{
  if (text.empty()) {
    State none;
    none.checklist.clear();
    return none;
  }
  return parse_state(text, path);
}

StateMerge merge_states(const State& base, const State& ours, const State& theirs)
{
  StateMerge merge;
  State& merged = merge.state;
  merged.newline = ours.newline;
  merged.bom = ours.bom;
  merged.as_of = ours.as_of;
  // The reference and the version it pins are one choice: an upgrade changes both.
  using Pin = std::pair<std::string, std::string>;
  Pin pin;
  if (!merge_value(Pin{base.checklist, base.checklist_version},
                   Pin{ours.checklist, ours.checklist_version},
                   Pin{theirs.checklist, theirs.checklist_version}, pin)) {
    merge.theirs_checklist = theirs.checklist;
    merge.theirs_checklist_version = theirs.checklist_version;
  }
  merged.checklist = pin.first;
  merged.checklist_version = pin.second;
  merged.checklist_location = ours.checklist_location;
  if (!merge_gate(base.gate, ours.gate, theirs.gate, merged.gate)) {
    merged.gate = ours.gate;
    merge.theirs_gate = theirs.gate;
  }

  // Every id any version has: ours in order, then those only theirs has, then those only the
  // base has (which survive when one side changed them).
  std::vector<std::string> ids;
  std::unordered_set<std::string> seen;
  for (const State* version : {&ours, &theirs, &base}) {
    for (const Entry& entry : version->entries) {
      if (seen.insert(entry.id).second) {
        ids.push_back(entry.id);
      }
    }
  }
  for (const std::string& id : ids) {
    // A missing entry means todo with nothing recorded: the layout writes it that way too.
    const Entry* in_base = base.find(id);
    const Entry* in_ours = ours.find(id);
    const Entry* in_theirs = theirs.find(id);
    const Entry none = blank_entry(id);
    const Entry& b = in_base != nullptr ? *in_base : none;
    const Entry& o = in_ours != nullptr ? *in_ours : none;
    const Entry& t = in_theirs != nullptr ? *in_theirs : none;
    Entry result;
    if (!merge_entry(b, o, t, result)) {
      merge.entries.push_back(EntryConflict{o, t});
      merged.entries.push_back(o);
      continue;
    }
    // Only orphans are written from entries alone: one that records nothing is kept when both
    // sides keep it, and dropped when one side removed it.
    if (!result.blank() || (in_ours != nullptr && in_theirs != nullptr)) {
      merged.entries.push_back(std::move(result));
    }
  }
  merge.state.reindex();
  return merge;
}

std::string serialize_merge(const StateMerge& merge, const Checklist& checklist)
{
  const std::string_view nl = merge.state.newline;
  detail::LayoutOverrides overrides;
  if (merge.theirs_checklist) {
    overrides.checklist_line = conflict(
        detail::serialize_checklist_lines(merge.state.checklist, merge.state.checklist_version, nl),
        detail::serialize_checklist_lines(*merge.theirs_checklist, merge.theirs_checklist_version,
                                          nl),
        nl);
  }
  if (merge.theirs_gate) {
    overrides.gate_table = conflict(detail::serialize_gate_table(merge.state.gate, nl),
                                    detail::serialize_gate_table(*merge.theirs_gate, nl), nl);
  }
  for (const EntryConflict& item : merge.entries) {
    overrides.entries.emplace(item.ours.id, conflict(serialize_entry(item.ours, nl),
                                                     serialize_entry(item.theirs, nl), nl));
  }
  return detail::layout_state(merge.state, checklist, overrides);
}

} // namespace llmchecklist
