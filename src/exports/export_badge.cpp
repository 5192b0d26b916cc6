// An SVG badge in the two-part style READMEs use ("LLM checklist | 72%"). Plain SVG with a
// title and an aria-label, no script, no external references: GitHub serves it as an image.

#include <cmath>

#include <fmt/format.h>

#include "exports/selection.hpp"
#include "exports/xml_escape.hpp"
#include "llmchecklist/export.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist {
namespace {

// Approximate advance widths of Verdana at 11px, the badge font; SVG cannot measure text
// before rendering, so the boxes are sized from these.
double text_width(std::string_view text)
{
  double width = 0;
  for_each_code_point(text, [&](char32_t c, std::string_view) {
    if (c == ' ') {
      width += 3.9;
    } else if (c == '%' || c == 'M' || c == 'W' || c == 'm' || c == 'w') {
      width += 10.5;
    } else if (c == 'i' || c == 'l' || c == 'I' || c == 'j' || c == '.' || c == ',' || c == ':' ||
               c == '|' || c == '!' || c == '\'') {
      width += 3.4;
    } else if (c == 'f' || c == 't' || c == 'r') {
      width += 4.6;
    } else if (c >= 'A' && c <= 'Z') {
      width += 7.6;
    } else {
      width += 7.0;
    }
  });
  return width;
}

} // namespace

std::string render_badge(const Checklist& checklist, const State& state, const Selection& selection,
                         const BadgeStyle& style)
{
  Selection summary = selection;
  summary.items = false;
  const Counts counts = detail::select(checklist, state, summary).counts;
  const double percent = counts.percent();
  const std::string value = fmt::format("{}%", counts.percent_floor());
  const char* color = percent < style.red_below      ? "#e05d44"
                      : percent < style.yellow_below ? "#dfb317"
                                                     : "#4c1";
  const int left = static_cast<int>(std::lround(text_width(style.label) + 10));
  const int right = static_cast<int>(std::lround(text_width(value) + 10));
  const int total = left + right;
  const std::string label = detail::xml_escape(style.label);
  const std::string aria = fmt::format("{}: {}", label, value);

  return fmt::format(
      R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{aria}">
  <title>{aria}</title>
  <linearGradient id="s" x2="0" y2="100%">
    <stop offset="0" stop-color="#bbb" stop-opacity=".1"/>
    <stop offset="1" stop-opacity=".1"/>
  </linearGradient>
  <clipPath id="r">
    <rect width="{total}" height="20" rx="3" fill="#fff"/>
  </clipPath>
  <g clip-path="url(#r)">
    <rect width="{left}" height="20" fill="#555"/>
    <rect x="{left}" width="{right}" height="20" fill="{color}"/>
    <rect width="{total}" height="20" fill="url(#s)"/>
  </g>
  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
    <text x="{lx}" y="15" fill="#010101" fill-opacity=".3">{label}</text>
    <text x="{lx}" y="14">{label}</text>
    <text x="{rx}" y="15" fill="#010101" fill-opacity=".3">{value}</text>
    <text x="{rx}" y="14">{value}</text>
  </g>
</svg>
)svg",
      fmt::arg("total", total), fmt::arg("left", left), fmt::arg("right", right),
      fmt::arg("color", color), fmt::arg("aria", aria), fmt::arg("label", label),
      fmt::arg("value", value), fmt::arg("lx", left / 2.0), fmt::arg("rx", left + right / 2.0));
}

} // namespace llmchecklist
