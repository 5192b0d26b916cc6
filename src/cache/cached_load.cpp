#include "cache/cached_load.hpp"

#include "cache/builtin_sources.hpp"
#include "cache/compiled.hpp"
#include "formats/checklist_reader.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/files.hpp"
#include "util/byte_stream.hpp"
#include "util/content_hash.hpp"

namespace llmchecklist::detail {
namespace {

// What an entry was made from: its kind, the encoding, this build, the path (relative
// `extends` and error locations depend on it) and the exact bytes.
// What an entry's key covers before the bytes themselves.
ContentHasher key_hasher(std::string_view kind, const std::string& path)
{
  ContentHasher hasher;
  hasher.update(kind).update(std::uint64_t{k_compiled_format}).update(k_build_fingerprint);
  hasher.update(path);
  return hasher;
}

// A checklist entry: the files it extends with their hashes, then the checklist.
std::optional<Checklist> decode_checklist_entry(std::string_view payload, const std::string& own)
{
  ByteReader in(payload);
  const std::uint32_t inputs = in.count(4 + 16);
  std::vector<std::string> files{own};
  for (std::uint32_t i = 0; i < inputs && !in.failed(); ++i) {
    const std::string path(in.string());
    files.push_back(path);
    const ContentHash expected{in.u64(), in.u64()};
    if (in.failed()) {
      break;
    }
    ContentHasher hasher;
    if (!hash_file_into(hasher, path) || hasher.finish() != expected) {
      return std::nullopt; // changed, gone or unreadable: parsing again reports it properly
    }
  }
  const std::size_t consumed = payload.size() - in.remaining();
  if (in.failed()) {
    return std::nullopt;
  }
  std::optional<Checklist> checklist = decode_checklist(payload.substr(consumed));
  if (checklist) {
    checklist->files = std::move(files);
  }
  return checklist;
}

} // namespace

Checklist load_checklist_file(const std::string& path, ReadContext& context, std::string_view scope,
                              const Cache* cache)
{
  if (cache == nullptr || !cache->enabled()) {
    return load_checklist(path, context);
  }
  // The scope is part of what the entry answers: the same file may not extend the same base
  // when it is read as part of another repository.
  const std::string keyed_path = path + '\0' + std::string(scope);
  ContentHasher hasher = key_hasher("checklist", keyed_path);
  if (!hash_file_into(hasher, path)) {
    return load_checklist(path, context); // which reports why it cannot be read
  }
  std::optional<Checklist> cached;
  const std::string key = hasher.finish().hex();
  if (cache->load(key, [&](std::string_view payload) {
        cached = decode_checklist_entry(payload, path);
        return cached.has_value();
      })) {
    return std::move(*cached);
  }
  // A miss: the file is read whole and parsed, and the entry is stored under the key of the
  // bytes parsed (the file may have changed since it was hashed).
  const std::string text = read_regular_file(path);
  Checklist checklist = read_checklist(text, path, nullptr, nullptr, context);
  checklist.files.insert(checklist.files.begin(), path);
  ContentHasher stored = key_hasher("checklist", keyed_path);
  hash_text_into(stored, text);
  ByteWriter entry;
  entry.u32(static_cast<std::uint32_t>(context.inputs.size()));
  for (const auto& [input, hash] : context.inputs) {
    entry.string(input);
    entry.u64(hash.low);
    entry.u64(hash.high);
  }
  encode_checklist(checklist, entry.bytes());
  cache->store(stored.finish().hex(), entry.bytes());
  return checklist;
}

} // namespace llmchecklist::detail
