// Runs a command with the next word of a list in place of "{}", so that hyperfine can time
// what users run: successive checks of different items, each on the file the one before wrote
// (and taskwarrior's `task UUID done` the same way). The step costs a few small reads and an
// exec; a row through it is compared with the floor run through it too.
//
// Usage: llmchecklist-bench-step LIST COUNTER PROGRAM [ARG|{}]...
// LIST holds one word per line; COUNTER holds the index of the next one (missing: 0).

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv)
{
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s LIST COUNTER PROGRAM [ARG|{}]...\n", argv[0]);
    return 2;
  }
  std::size_t index = 0;
  if (std::ifstream counter(argv[2]); counter) {
    counter >> index;
  }
  std::ifstream list(argv[1]);
  std::string word;
  for (std::size_t i = 0; i <= index; ++i) {
    if (!std::getline(list, word)) {
      std::fprintf(stderr, "%s: %s has no word %zu: run fewer times\n", argv[0], argv[1],
                   index + 1);
      return 2;
    }
  }
  std::ofstream(argv[2], std::ios::trunc) << index + 1 << "\n";
  std::vector<char*> args;
  for (int i = 3; i < argc; ++i) {
    args.push_back(std::strcmp(argv[i], "{}") == 0 ? word.data() : argv[i]);
  }
  args.push_back(nullptr);
  ::execvp(args[0], args.data());
  std::fprintf(stderr, "%s: cannot run %s: %s\n", argv[0], args[0], std::strerror(errno));
  return 127;
}
