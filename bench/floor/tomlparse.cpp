// llmchecklist-tomlparse FILE...: parses each file with toml++ and keeps every result until the
// end. bench/run compares llmchecklist's peak memory with this program's on the same files.

#include <cstdio>
#include <vector>

#include <toml++/toml.h>

int main(int argc, char** argv)
{
  std::vector<toml::table> tables;
  tables.reserve(static_cast<std::size_t>(argc));
  try {
    for (int i = 1; i < argc; ++i) {
      tables.push_back(toml::parse_file(argv[i]));
    }
  } catch (const toml::parse_error& error) {
    std::fprintf(stderr, "llmchecklist-tomlparse: %s\n", error.what());
    return 1;
  }
  return tables.size() == static_cast<std::size_t>(argc - 1) ? 0 : 1;
}
