// The compiled form of checklists and states, the cache that keeps it, and the content hash
// that keys it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cache/cache.hpp"
#include "cache/cached_load.hpp"
#include "cache/compiled.hpp"
#include "llmchecklist/builtin.hpp"
#include "llmchecklist/checklist.hpp"
#include "llmchecklist/checklist_io.hpp"
#include "llmchecklist/state.hpp"
#include "llmchecklist/state_file.hpp"
#include "project/definitions.hpp"
#include "util/content_hash.hpp"

namespace fs = std::filesystem;
using namespace llmchecklist;

namespace {

// A scratch directory, removed at the end of the test.
struct TempDir
{
  fs::path path;
  TempDir()
  {
    std::string pattern = (fs::temp_directory_path() / "llmchecklist-unit-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path& path, const std::string& text)
{
  std::ofstream(path, std::ios::binary) << text;
}

// Every observable field, so that two checklists compare equal only when nothing differs.
void require_same(const Checklist& a, const Checklist& b)
{
  REQUIRE(a.id == b.id);
  REQUIRE(a.title == b.title);
  REQUIRE(a.version == b.version);
  REQUIRE(a.description == b.description);
  REQUIRE(a.source == b.source);
  REQUIRE(a.phases().size() == b.phases().size());
  for (std::size_t p = 0; p < a.phases().size(); ++p) {
    CHECK(a.phases()[p].id == b.phases()[p].id);
    CHECK(a.phases()[p].title == b.phases()[p].title);
    CHECK(a.phases()[p].summary == b.phases()[p].summary);
    CHECK(a.phases()[p].optional == b.phases()[p].optional);
    CHECK(a.phases()[p].items == b.phases()[p].items);
  }
  REQUIRE(a.items().size() == b.items().size());
  for (std::size_t i = 0; i < a.items().size(); ++i) {
    const Item& x = a.items()[i];
    const Item& y = b.items()[i];
    CHECK(x.id == y.id);
    CHECK(x.title == y.title);
    CHECK(x.details == y.details);
    CHECK(x.done_when == y.done_when);
    CHECK(x.severity == y.severity);
    CHECK(x.tags == y.tags);
    CHECK(x.links == y.links);
    CHECK(x.revision == y.revision);
    CHECK(x.verify == y.verify);
    CHECK(x.number == y.number);
    CHECK(x.phase == y.phase);
    CHECK(b.find_item(x.id) == i);
  }
}

void require_same(const State& a, const State& b)
{
  REQUIRE(a.checklist == b.checklist);
  CHECK(a.checklist_location.path == b.checklist_location.path);
  CHECK(a.checklist_location.line == b.checklist_location.line);
  CHECK(a.checklist_location.column == b.checklist_location.column);
  CHECK(a.checklist_version == b.checklist_version);
  CHECK(a.newline == b.newline);
  CHECK(a.bom == b.bom);
  CHECK(a.gate.min == b.gate.min);
  CHECK(a.gate.all_required == b.gate.all_required);
  CHECK(a.gate.no_stale == b.gate.no_stale);
  CHECK(a.gate.phases == b.gate.phases);
  REQUIRE(a.entries.size() == b.entries.size());
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    const Entry& x = a.entries[i];
    const Entry& y = b.entries[i];
    CHECK(x.id == y.id);
    CHECK(x.status == y.status);
    CHECK(x.revision == y.revision);
    CHECK(x.by == y.by);
    CHECK(x.at == y.at);
    CHECK(x.note == y.note);
    CHECK(x.verify == y.verify);
    CHECK(x.verify_result == y.verify_result);
    CHECK(x.until == y.until);
    CHECK(b.find(x.id) == &b.entries[i]);
  }
}

const char* const k_state = "\xEF\xBB\xBF"
                            R"(format = 1
checklist = "small.toml"
checklist_version = "1"

[gate]
min = 82.5
all_required = true
phases = { first = 50 }

[items.alpha]
status = "done"
revision = 1
by = "Ada <ada@example.org>"
at = 2026-11-28T14:00:00.250+02:00
note = "docs/alpha.md"
verify = "test -f docs/alpha.md"
verify_result = "pass"

[items.gone]
status = "na"
note = "not for us"
until = 2027-03-31
)";

} // namespace

TEST_SUITE("cache")
{
  TEST_CASE("content hashes tell different bytes and field boundaries apart")
  {
    using detail::ContentHasher;
    using detail::hash_content;
    CHECK(hash_content("abc") == hash_content("abc"));
    CHECK(hash_content("abc") != hash_content("abd"));
    CHECK(hash_content("") != hash_content(std::string(1, '\0')));
    CHECK(hash_content("12345678abc") != hash_content("abc12345678"));
    CHECK(ContentHasher().update("ab").update("c").finish() !=
          ContentHasher().update("a").update("bc").finish());
    // Every single-bit change of a long input changes the hash.
    std::string text(1000, 'x');
    const auto base = hash_content(text);
    for (std::size_t i = 0; i < text.size(); i += 37) {
      for (int bit = 0; bit < 8; ++bit) {
        std::string changed = text;
        changed[i] = static_cast<char>(changed[i] ^ (1 << bit));
        CHECK(hash_content(changed) != base);
      }
    }
    CHECK(hash_content("abc").hex().size() == 32);
  }

  TEST_CASE("a content hash is xxHash's XXH3 128-bit hash of each field and its length")
  {
    // XXH3_128bits("abc" "\x03\0\0\0\0\0\0\0"), from libxxhash's one-shot function: the key
    // of a cache entry is the same on every machine and does not depend on how it was streamed.
    CHECK(detail::hash_content("abc").hex() == "c015801c58d1bc0fc329960192503f3f");
  }

  TEST_CASE("a file hashes as its text does, however many reads it takes")
  {
    TempDir dir;
    std::string text;
    for (int i = 0; text.size() < 200'000; ++i) { // several of hash_file_into()'s reads
      text += std::to_string(i) + '\n';
    }
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{1}, std::size_t{65'536}, text.size()}) {
      const fs::path path = dir.path / "file";
      write(path, text.substr(0, size));
      detail::ContentHasher from_file;
      REQUIRE(detail::hash_file_into(from_file.update("kind"), path.string()));
      detail::ContentHasher from_text;
      detail::hash_text_into(from_text.update("kind"), text.substr(0, size));
      CHECK(from_file.finish() == from_text.finish());
    }
    detail::ContentHasher unread;
    CHECK_FALSE(detail::hash_file_into(unread, (dir.path / "missing").string()));
    CHECK_FALSE(detail::hash_file_into(unread, dir.path.string()));
  }

  TEST_CASE("a compiled checklist decodes to the checklist it was made from")
  {
    for (const std::string& name : builtin_checklist_names()) {
      const Checklist parsed = parse_checklist(builtin_checklist_source(name), "builtin:" + name);
      std::string bytes;
      detail::encode_checklist(parsed, bytes);
      const auto decoded = detail::decode_checklist(bytes);
      REQUIRE(decoded);
      require_same(parsed, *decoded);
      // The built-in checklist a run uses is the compiled one made at build time: it must be the
      // same checklist as parsing the TOML.
      require_same(parsed, load_builtin_checklist(name));
    }
    const Checklist small = load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
    std::string bytes;
    detail::encode_checklist(small, bytes);
    const auto decoded = detail::decode_checklist(bytes);
    REQUIRE(decoded);
    require_same(small, *decoded);
  }

  TEST_CASE("the smallest checklist decodes")
  {
    Checklist tiny;
    tiny.add_phase(Phase{"p", "", "", false, {}});
    tiny.add_item(Item{"i", "", "", "", Severity::recommended, {}, {}, 1, "", 0, 0});
    std::string bytes;
    detail::encode_checklist(tiny, bytes);
    const auto decoded = detail::decode_checklist(bytes);
    REQUIRE(decoded);
    require_same(tiny, *decoded);
  }

  TEST_CASE("damaged compiled bytes decode to nothing, never to something else")
  {
    const Checklist small = load_checklist_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml");
    std::string checklist;
    detail::encode_checklist(small, checklist);
    // Every truncation, and the bytes with something appended.
    for (std::size_t size = 0; size < checklist.size(); ++size) {
      CHECK_FALSE(detail::decode_checklist(std::string_view(checklist).substr(0, size)));
    }
    CHECK_FALSE(detail::decode_checklist(checklist + "x"));
    // Bytes of another kind.
    CHECK_FALSE(detail::decode_checklist("STAT" + checklist.substr(4)));
    // A huge count must not allocate its way to a crash.
    std::string huge = checklist.substr(0, 4);
    huge.append(4, '\xff');
    CHECK_FALSE(detail::decode_checklist(huge));
  }

  TEST_CASE("the cache keeps entries by key, checks them, and ignores what is not intact")
  {
    TempDir dir;
    const detail::Cache cache(dir.path / "cache");
    const std::string key = detail::hash_content("k").hex();
    auto load = [&](std::string& into) {
      return cache.load(key, [&](std::string_view payload) {
        into = std::string(payload);
        return true;
      });
    };
    std::string got;
    CHECK_FALSE(load(got));
    cache.store(key, "payload bytes");
    REQUIRE(load(got));
    CHECK(got == "payload bytes");

    const fs::path entry = dir.path / "cache" / (key + ".entry");
    REQUIRE(fs::exists(entry));
    std::string bytes = read_file(entry);
    // A flipped payload byte, a truncation, or another key's entry under this name: a miss.
    bytes.back() = static_cast<char>(bytes.back() ^ 1);
    write(entry, bytes);
    CHECK_FALSE(load(got));
    write(entry, bytes.substr(0, bytes.size() - 3));
    CHECK_FALSE(load(got));
    const std::string other = detail::hash_content("other").hex();
    cache.store(other, "payload bytes");
    fs::copy_file(dir.path / "cache" / (other + ".entry"), entry,
                  fs::copy_options::overwrite_existing);
    CHECK_FALSE(load(got));
    // Keys that are not hex digests never name a file.
    CHECK_FALSE(cache.load("../../etc/passwd", [](std::string_view) { return true; }));

    // A disabled cache, or one whose directory cannot exist, stores and finds nothing.
    const detail::Cache none;
    none.store(key, "x");
    CHECK_FALSE(none.load(key, [](std::string_view) { return true; }));
    write(dir.path / "file", "a file");
    const detail::Cache impossible(dir.path / "file" / "cache");
    impossible.store(key, "x");
    CHECK_FALSE(impossible.load(key, [](std::string_view) { return true; }));
  }

  TEST_CASE("the cache keeps at most k_max_entries entries, dropping the oldest")
  {
    TempDir dir;
    const detail::Cache cache(dir.path);
    const std::size_t stored = detail::Cache::k_max_entries + 10;
    std::string first_key;
    for (std::size_t i = 0; i < stored; ++i) {
      const std::string key = detail::hash_content(std::to_string(i)).hex();
      first_key = i == 0 ? key : first_key;
      cache.store(key, "payload");
      // Older modification times for earlier entries, as if written over time.
      fs::last_write_time(dir.path / (key + ".entry"),
                          fs::file_time_type::clock::now() -
                              std::chrono::minutes(static_cast<int>(stored - i)));
    }
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) {
      ++count;
    }
    CHECK(count == detail::Cache::k_max_entries);
    CHECK_FALSE(fs::exists(dir.path / (first_key + ".entry")));
  }

  TEST_CASE("loading through the cache gives what loading without it gives")
  {
    TempDir dir;
    const detail::Cache cache(dir.path / "cache");
    const std::string path = (dir.path / "small.toml").string();
    fs::copy_file(LLMCHECKLIST_FIXTURES "/checklists/small.toml", path);
    const Checklist plain = load_checklist_file(path);
    for (const char* run : {"cold", "warm"}) {
      CAPTURE(run);
      detail::ReadContext context = detail::repository_context(dir.path);
      require_same(plain, detail::load_checklist_file(path, context, "scope", &cache));
    }
    // Errors are never cached: the same bad bytes fail the same way every time.
    const std::string bad = (dir.path / "bad.toml").string();
    std::ofstream(bad) << "[checklist]\nid = 3\n";
    for (int run = 0; run < 2; ++run) {
      detail::ReadContext context = detail::repository_context(dir.path);
      CHECK_THROWS_AS(detail::load_checklist_file(bad, context, "scope", &cache), DataError);
    }
  }
}
