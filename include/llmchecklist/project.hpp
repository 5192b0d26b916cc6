#pragma once
/// A state file together with the checklist it follows, and the changes users make to it.
///
///     llmchecklist::update_project(".llmchecklist", [&](llmchecklist::Project& project) {
///       const auto& item = project.checklist.items()[2];
///       llmchecklist::check_item(project.state, item, llmchecklist::Status::done, mark);
///     });

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "llmchecklist/checklist.hpp"
#include "llmchecklist/state.hpp"

namespace llmchecklist {

/// A state (possibly not yet on disk) and its checklist.
struct Project
{
  /// Where the state file is, or will be written.
  std::filesystem::path state_path;
  /// Whether the state file exists.
  bool exists = false;
  State state;
  Checklist checklist;
};

/// Who marks an item, when, and why.
struct Mark
{
  std::string by;
  std::string at;
  std::string note;
  /// For n/a: the last day the decision holds ("2027-03-31"); empty: it does not expire.
  std::string until = {};
  /// The files the check rests on (receipts.hpp collects them); nullopt keeps what the entry
  /// records.
  std::optional<std::vector<Receipt>> evidence = {};
};

/// How long a writer waits for another one to finish before giving up.
inline constexpr std::chrono::milliseconds k_default_lock_timeout{10'000};

/// How projects are opened and written, beyond their paths. The library reads no environment:
/// a front end says here what its user set.
struct ProjectSettings
{
  /// Where compiled checklist definitions are kept between runs, so that a large definition
  /// is parsed once; empty: nowhere (every run parses). The answers are the same either way.
  /// default_cache_directory() gives the usual place.
  std::filesystem::path cache_directory = {};
  /// How long update_project() waits for another writer.
  std::chrono::milliseconds lock_timeout = k_default_lock_timeout;
};

/// $XDG_CACHE_HOME/llmchecklist, else $HOME/.cache/llmchecklist; empty when
/// $LLMCHECKLIST_NO_CACHE is set to anything but "" or "0", or neither variable is set.
std::filesystem::path default_cache_directory();

/// Loads the checklist a reference names: "builtin:NAME", or a path relative to the directory
/// `base` that stays inside its repository (the top of the git work tree holding `base`, else
/// `base` itself), after `..` and symbolic links are resolved; the same holds for the files it
/// extends. Any other reference is a DataError at `where` (where the reference was read), and
/// the file it names is not opened. Throws LookupError, IoError or DataError.
Checklist load_checklist_reference(std::string_view reference, const std::filesystem::path& base,
                                   const SourceLocation& where = {},
                                   const ProjectSettings& settings = {});

/// Loads the state at `state_path` (an empty state on the default checklist when the file does
/// not exist) and its checklist. A large checklist file compiled before may be read from
/// settings.cache_directory; the answer is the same without it.
Project open_project(const std::filesystem::path& state_path, const ProjectSettings& settings = {});

/// Marks an item done or na. A re-check replaces by and at; the note is replaced when `mark`
/// has one, and otherwise kept unless the status changes. Throws UsageError, changing nothing,
/// unless the mark keeps the rules of entry_rules.hpp: na needs a reason, the note and who
/// are one line each, `at` is a UTC date-time, and `until` (na only) a date not before `at`.
void check_item(State& state, const Item& item, Status status, const Mark& mark);

/// Replaces the note (or, for na, the reason) of an item; empty removes it, except that na
/// keeps a reason. Throws UsageError, changing nothing, for a note that is not one line.
void set_note(State& state, const Item& item, const std::string& note);

/// Attaches a verify command to an item (empty removes the state's own); a changed command
/// forgets the last result, which was about another command. Throws UsageError, changing
/// nothing, for a command that is not one line.
void set_verify_command(State& state, const Item& item, const std::string& command);

/// Adds an expectation to an item; false when it has an equal one already. Throws UsageError
/// for a rule that does not fit its reader (require_fits_reader()).
bool add_expectation(State& state, const Item& item, const ExpectationRule& rule);

/// Removes the item's expectations on `file`; returns how many there were.
std::size_t remove_expectations(State& state, const Item& item, std::string_view file);

/// Records what reading the item's expectation number `index` found: pass or fail, the value
/// read (one line), the blob id of the file read and when.
void record_expectation(State& state, const Item& item, std::size_t index, bool pass,
                        const std::string& value, const std::string& blob, const std::string& at);

/// Sets an item back to todo, clearing what its check recorded (its verify command stays).
void uncheck_item(State& state, const Item& item);

/// What update_project() does when the state file does not exist yet.
enum class Creation
{
  /// Create it only when the change recorded something (a check, a command, a gate).
  when_changed,
  /// Create it even when the state is as a new one would be (`init`).
  always,
};

/// Read-modify-write under the state file's lock: opens the project, calls `change`, and
/// writes the state atomically when its bytes differ from the file's. Refuses (DataError, file
/// untouched) to write a state pinned to another version of its checklist file than the one it
/// was laid out against. Returns whether it wrote.
bool update_project(const std::filesystem::path& state_path,
                    const std::function<void(Project&)>& change,
                    const ProjectSettings& settings = {},
                    Creation creation = Creation::when_changed);

} // namespace llmchecklist
