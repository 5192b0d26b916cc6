// Build tool: validates the built-in checklists with the library's own reader and lint, and
// writes them as compiled data (compiled.hpp) in a C++ source, so that the binary never parses
// TOML to show them. A problem in a checklist fails the build, pointing at FILE:LINE:COL.
// A built-in checklist may extend another ("builtin:llm-deployment@2027.1"): the tool resolves
// that from the files it was given, since the library it links has no built-ins yet.
//
// Usage: llmchecklist-compile-builtins OUTPUT.cpp CHECKLIST.toml...

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cache/compiled.hpp"
#include "formats/checklist_reader.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/lint.hpp"
#include "llmchecklist/state_file.hpp"
#include "project/definitions.hpp"
#include "util/content_hash.hpp"

namespace fs = std::filesystem;
using namespace llmchecklist;

namespace {

struct Compiled
{
  std::string name;
  std::string version;
  std::string bytes;
};

std::string byte_array(std::string_view bytes)
{
  std::string out;
  out.reserve(bytes.size() * 5 + bytes.size() / 4);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out += fmt::format("{}{},", i % 20 == 0 ? "\n" : "", static_cast<unsigned char>(bytes[i]));
  }
  return out;
}

// A C++ string literal of plain ASCII (names and versions were checked as slugs).
std::string literal(std::string_view text)
{
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

// One checklist file given on the command line: the built-in NAME@VERSION it becomes, and once
// it has been read its version and ids, so that each file's `replaces` can be held to the
// versions released before it.
struct Source
{
  std::string path;
  std::string name;
  std::string version;
  std::string text;
  std::string read_version;
  std::optional<std::vector<std::string>> ids;
};

// The version its [checklist] table gives, found as cmake/embed.cmake finds it (the reader
// checks the file properly later); empty when there is none.
std::string version_of(const std::string& text)
{
  const std::string key = "\nversion = \"";
  const std::size_t start = text.find(key);
  if (start == std::string::npos) {
    return {};
  }
  const std::size_t from = start + key.size();
  const std::size_t end = text.find('"', from);
  return end == std::string::npos ? std::string() : text.substr(from, end - from);
}

// The context a built-in checklist is read in at run time (project/definitions.cpp), except
// that "builtin:NAME[@VERSION]" names one of `sources` instead of an embedded checklist.
detail::ReadContext builtin_context(const std::vector<Source>& sources, const std::string& path)
{
  detail::ReadContext context = detail::repository_context(detail::repository_of(path));
  context.load_base =
      [&sources, files = context.load_base](std::string_view reference, const std::string& from,
                                            detail::ReadContext& inner) -> Checklist {
    if (reference.rfind(k_builtin_prefix, 0) != 0) {
      return files(reference, from, inner);
    }
    const std::string_view spec = reference.substr(k_builtin_prefix.size());
    const std::size_t at = spec.find('@');
    const std::string_view name = spec.substr(0, at);
    const Source* found = nullptr;
    for (const Source& source : sources) {
      if (source.name != name) {
        continue;
      }
      // "NAME@VERSION" names that version; "NAME" the latest given, as at run time.
      const bool wanted =
          at != std::string_view::npos
              ? source.version == spec.substr(at + 1)
              : found == nullptr || compare_versions(source.version, found->version) > 0;
      if (wanted) {
        found = &source;
      }
    }
    if (found == nullptr) {
      throw DataError({}, fmt::format("no built-in checklist file gives {}", reference));
    }
    if (const std::string cycle = detail::describe_cycle(inner.chain, found->path);
        !cycle.empty()) {
      throw DataError({}, fmt::format("'extends' makes a cycle: {}", cycle));
    }
    // As load_builtin_checklist() gives it at run time: named by its reference, from no file.
    Checklist base = detail::read_checklist(found->text, found->path, nullptr, nullptr, inner);
    base.source = fmt::format("{}{}@{}", k_builtin_prefix, found->name, found->version);
    base.files.clear();
    return base;
  };
  return context;
}

// The built-in checklist a file gives: "llm-deployment" for
// "checklists/released/llm-deployment@2027.1.toml".
std::string builtin_name(const std::string& path)
{
  const std::string name = fs::path(path).stem().string();
  return name.substr(0, name.find('@'));
}

// The files that can be read; one that cannot is reported when it is compiled, with everything
// else about it.
std::vector<Source> read_sources(int argc, char** argv)
{
  std::vector<Source> sources;
  for (int i = 2; i < argc; ++i) {
    try {
      std::string text = read_file(argv[i]);
      std::string version = version_of(text);
      sources.push_back(
          Source{argv[i], builtin_name(argv[i]), std::move(version), std::move(text)});
    } catch (const Error&) {
      // reported when it is compiled, with everything else about the file
    }
  }
  return sources;
}

void read_ids(std::vector<Source>& sources)
{
  for (Source& source : sources) {
    try {
      detail::ReadContext context = builtin_context(sources, source.path);
      const Checklist checklist =
          detail::read_checklist(source.text, source.path, nullptr, nullptr, context);
      source.read_version = checklist.version;
      source.ids.emplace();
      for (const Item& item : checklist.items()) {
        source.ids->push_back(item.id);
      }
    } catch (const Error&) {
      // reported when it is compiled, with everything else about the file
    }
  }
}

// The bounds CI holds the shipped checklists to (`lint --max-words 220`), and the ids of the
// versions released before this one.
LintOptions lint_options(const std::vector<Source>& sources, const std::string& path)
{
  LintOptions options;
  options.max_details_words = 220;
  const auto self = std::find_if(sources.begin(), sources.end(), [&](const Source& source) {
    return source.path == path && source.ids;
  });
  if (self != sources.end()) {
    options.earlier_ids.emplace();
    for (const Source& other : sources) {
      if (other.ids && other.name == self->name &&
          compare_versions(other.read_version, self->read_version) < 0) {
        options.earlier_ids->insert(options.earlier_ids->end(), other.ids->begin(),
                                    other.ids->end());
      }
    }
  }
  return options;
}

// A checklist file linted and compiled, or nothing when it has problems, which are printed as
// FILE:LINE:COL: error: MESSAGE.
std::optional<Compiled> compile(const std::string& path, const std::vector<Source>& sources)
{
  try {
    const std::string text = read_file(path);
    const LintOptions options = lint_options(sources, path);
    std::vector<Diagnostic> problems;
    detail::ReadContext lint_context = builtin_context(sources, path);
    detail::read_checklist(text, path, &problems, &options, lint_context);
    for (const Diagnostic& problem : problems) {
      std::fprintf(stderr, "%s:%u:%u: error: %s\n", problem.location.path.c_str(),
                   problem.location.line, problem.location.column, problem.message.c_str());
    }
    if (!problems.empty()) {
      return std::nullopt;
    }
    detail::ReadContext context = builtin_context(sources, path);
    Checklist checklist = detail::read_checklist(text, path, nullptr, nullptr, context);
    // Where it was built from is not part of it: the same file compiles to the same bytes
    // in every checkout.
    checklist.source.clear();
    Compiled entry{builtin_name(path), checklist.version, {}};
    detail::encode_checklist(checklist, entry.bytes);
    return entry;
  } catch (const DataError& error) {
    const SourceLocation& at = error.location();
    std::fprintf(stderr, "%s:%u:%u: error: %s\n", at.path.c_str(), at.line, at.column,
                 error.what());
  } catch (const Error& error) {
    std::fprintf(stderr, "%s: error: %s\n", path.c_str(), error.what());
  }
  return std::nullopt;
}

std::string generated_source(const std::vector<Compiled>& compiled, const std::string& fingerprint)
{
  std::string out = "// Generated by llmchecklist-compile-builtins from checklists/. Do not edit.\n"
                    "#include \"cache/builtin_sources.hpp\"\n\n"
                    "namespace llmchecklist::detail {\nnamespace {\n";
  std::string table;
  for (std::size_t i = 0; i < compiled.size(); ++i) {
    out += fmt::format("const unsigned char k_compiled_{}[] = {{{}\n0}};\n", i,
                       byte_array(compiled[i].bytes));
    table += fmt::format(
        "  {{{}, {}, std::string_view(reinterpret_cast<const char*>(k_compiled_{}), "
        "{})}},\n",
        literal(compiled[i].name), literal(compiled[i].version), i, compiled[i].bytes.size());
  }
  out += fmt::format("}} // namespace\n\nconst BuiltinSource k_builtin_compiled[] = {{\n{}}};\n"
                     "const std::size_t k_builtin_compiled_count = {};\n"
                     "const std::string_view k_build_fingerprint = \"{}\";\n\n"
                     "}} // namespace llmchecklist::detail\n",
                     table, compiled.size(), fingerprint);
  return out;
}

// Only touches the output when it changes, so that an unchanged checklist rebuilds nothing.
int write_if_changed(const char* path, const std::string& out)
{
  std::ifstream existing(path, std::ios::binary);
  std::stringstream old;
  old << existing.rdbuf();
  if (existing && old.str() == out) {
    return 0;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << out;
  if (!file.flush()) {
    std::fprintf(stderr, "cannot write %s\n", path);
    return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUTPUT.cpp CHECKLIST.toml...\n", argv[0]);
    return 2;
  }
  // This build's code and data: a cache entry written by any other build is not used.
  detail::ContentHasher fingerprint;
  try {
    fingerprint.update(read_file("/proc/self/exe"));
  } catch (const Error&) {
    fingerprint.update(std::string_view(argv[0]));
  }
  std::vector<Source> sources = read_sources(argc, argv);
  read_ids(sources);
  std::vector<Compiled> compiled;
  bool failed = false;
  for (int i = 2; i < argc; ++i) {
    std::optional<Compiled> entry = compile(argv[i], sources);
    if (!entry) {
      failed = true;
      continue;
    }
    fingerprint.update(entry->bytes);
    compiled.push_back(std::move(*entry));
  }
  if (failed) {
    std::fprintf(stderr, "a built-in checklist has problems; the build stops here\n");
    return 1;
  }
  return write_if_changed(argv[1], generated_source(compiled, fingerprint.finish().hex()));
}
