#pragma once
// A strict reader of the XML that test runners write (JUnit XML): elements, attributes,
// character data, comments, CDATA sections, processing instructions and the XML declaration.
// Document type declarations and entities are refused, never expanded (a billion laughs, an
// external entity that reads a file), and so is every entity reference but the five predefined
// ones and character references. Text content is checked but not kept: no reader needs it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace llmchecklist::detail {

/// An attribute, its value with references replaced.
struct XmlAttribute
{
  std::string name;
  std::string value;
  /// Byte offset of the attribute's name in the text.
  std::size_t offset = 0;
};

/// An element and the elements inside it.
struct XmlElement
{
  std::string name;
  std::vector<XmlAttribute> attributes;
  std::vector<XmlElement> children;
  /// Byte offset of the element's `<` in the text.
  std::size_t offset = 0;

  /// The attribute called `name`, or nullptr.
  const XmlAttribute* attribute(std::string_view name) const;
};

/// The root element of `text`, valid UTF-8 (the caller checked). Throws DataError at
/// `shown`:LINE:COL for text that is not well-formed, a DOCTYPE or ENTITY declaration, an
/// entity reference, or elements nested deeper than k_max_nesting.
XmlElement read_xml(std::string_view text, const std::string& shown);

} // namespace llmchecklist::detail
