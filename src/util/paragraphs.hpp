#pragma once
// Details text is written as paragraphs separated by blank lines; every rendering (terminal,
// Markdown, HTML) reflows each paragraph onto one line first.

#include <string>
#include <string_view>
#include <vector>

namespace llmchecklist::detail {

/// The paragraphs of `text`, each with its lines joined by single spaces.
inline std::vector<std::string> split_paragraphs(std::string_view text)
{
  std::vector<std::string> paragraphs;
  std::string paragraph;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (!paragraph.empty()) {
        paragraphs.push_back(std::move(paragraph));
        paragraph.clear();
      }
    } else {
      if (!paragraph.empty()) {
        paragraph += ' ';
      }
      paragraph += line;
    }
    start = end + 1;
  }
  if (!paragraph.empty()) {
    paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

} // namespace llmchecklist::detail
