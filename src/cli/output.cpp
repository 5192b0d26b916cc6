#include "output.hpp"

#include <cstdio>

#include "llmchecklist/text.hpp"

namespace llmchecklist::cli {
namespace {

void write(std::FILE* stream, std::string_view text)
{
  std::fwrite(text.data(), 1, text.size(), stream);
}

} // namespace

void print_out(std::string_view text)
{
  write(stdout, neutralize_ci_commands(text));
}

void print_err(std::string_view text)
{
  write(stderr, neutralize_ci_commands(text));
}

void print_raw(std::string_view text)
{
  write(stdout, text);
}

} // namespace llmchecklist::cli
