#include "evidence/xml_scan.hpp"

#include <fmt/format.h>

#include "evidence/result_text.hpp"
#include "llmchecklist/error.hpp"
#include "llmchecklist/text.hpp"

namespace llmchecklist::detail {

const XmlAttribute* XmlElement::attribute(std::string_view name) const
{
  for (const XmlAttribute& attribute : attributes) {
    if (attribute.name == name) {
      return &attribute;
    }
  }
  return nullptr;
}

namespace {

bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Name characters, loosely: every non-ASCII byte is allowed, as XML allows most letters.
bool is_name_start(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

bool is_name_char(char c)
{
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

class XmlReader
{
public:
  XmlReader(std::string_view text, const std::string& shown) : m_text(text), m_shown(shown) {}

  XmlElement document()
  {
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
      m_at = 3;
    }
    if (m_text.substr(m_at, 5) == "<?xml" && m_at + 5 < m_text.size() &&
        is_space(m_text[m_at + 5])) {
      skip_past("?>", m_at, "the XML declaration is not closed (?>)");
    }
    misc();
    if (m_at >= m_text.size() || m_text[m_at] != '<') {
      fail(m_at, "not XML: expected the root element");
    }
    XmlElement root = element(1);
    misc();
    if (m_at < m_text.size()) {
      fail(m_at, "text after the root element");
    }
    return root;
  }

private:
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const
  {
    throw DataError(location_at(m_text, offset, m_shown), message);
  }

  bool starts(std::string_view what) const { return m_text.substr(m_at, what.size()) == what; }

  void skip_past(std::string_view end, std::size_t start, const char* unclosed)
  {
    const std::size_t found = m_text.find(end, m_at);
    if (found == std::string_view::npos) {
      fail(start, unclosed);
    }
    m_at = found + end.size();
  }

  // Markup that starts with `<!` or `<?` (anything but an element): comments and processing
  // instructions are skipped; CDATA only where character data may be; the rest is refused.
  void declaration_or_comment(bool in_content)
  {
    const std::size_t start = m_at;
    if (starts("<!--")) {
      m_at += 4;
      skip_past("-->", start, "a comment is not closed (-->)");
    } else if (starts("<?")) {
      skip_past("?>", start, "a processing instruction is not closed (?>)");
    } else if (in_content && starts("<![CDATA[")) {
      skip_past("]]>", start, "a CDATA section is not closed (]]>)");
    } else if (starts("<!DOCTYPE")) {
      fail(start, "a document type declaration (<!DOCTYPE) is refused: a result file needs "
                  "none, and its entities can expand without bound or read other files");
    } else if (starts("<!ENTITY")) {
      fail(start, "an entity declaration (<!ENTITY) is refused: a result file needs none, and "
                  "entities can expand without bound or read other files");
    } else {
      fail(start, "unexpected markup: only elements, comments, CDATA sections and processing "
                  "instructions are read");
    }
  }

  // Blanks, comments and processing instructions outside the root element.
  void misc()
  {
    while (m_at < m_text.size()) {
      if (is_space(m_text[m_at])) {
        ++m_at;
      } else if (starts("<!") || starts("<?")) {
        declaration_or_comment(false);
      } else {
        return;
      }
    }
  }

  std::string name()
  {
    const std::size_t start = m_at;
    if (m_at >= m_text.size() || !is_name_start(m_text[m_at])) {
      fail(m_at, "expected a name");
    }
    while (m_at < m_text.size() && is_name_char(m_text[m_at])) {
      ++m_at;
    }
    return std::string(m_text.substr(start, m_at - start));
  }

  void spaces()
  {
    while (m_at < m_text.size() && is_space(m_text[m_at])) {
      ++m_at;
    }
  }

  // A reference at `&`, appended to `out` (when given) as what it stands for.
  void reference(std::string* out)
  {
    const std::size_t start = m_at;
    const std::size_t end = m_text.find(';', m_at);
    if (end == std::string_view::npos || end - m_at > 12) {
      fail(start, "a bare '&': write it as &amp;");
    }
    const std::string_view body = m_text.substr(m_at + 1, end - m_at - 1);
    m_at = end + 1;
    static constexpr std::pair<std::string_view, char> k_predefined[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [entity, character] : k_predefined) {
      if (body == entity) {
        if (out != nullptr) {
          *out += character;
        }
        return;
      }
    }
    if (body.size() >= 2 && body[0] == '#') {
      const bool hex = body[1] == 'x';
      const std::string_view digits = body.substr(hex ? 2 : 1);
      char32_t code_point = 0;
      bool valid = !digits.empty() && digits.size() <= 8;
      for (const char c : digits) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9') {
          digit = static_cast<unsigned>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          digit = static_cast<unsigned>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          digit = static_cast<unsigned>(c - 'A' + 10);
        } else {
          valid = false;
          break;
        }
        code_point = code_point * (hex ? 16 : 10) + digit;
      }
      // The characters XML 1.0 allows.
      valid = valid && (code_point == 0x9 || code_point == 0xA || code_point == 0xD ||
                        (code_point >= 0x20 && code_point <= 0xD7FF) ||
                        (code_point >= 0xE000 && code_point <= 0xFFFD) ||
                        (code_point >= 0x10000 && code_point <= 0x10FFFF));
      if (!valid) {
        fail(start, "a character reference to no character XML allows");
      }
      if (out != nullptr) {
        append_utf8(*out, code_point);
      }
      return;
    }
    fail(start, fmt::format("the entity reference &{}; is refused: only &lt; &gt; &amp; "
                            "&quot; &apos; and character references are read",
                            shown_value(body, 20)));
  }

  std::string attribute_value()
  {
    const std::size_t start = m_at;
    if (m_at >= m_text.size() || (m_text[m_at] != '"' && m_text[m_at] != '\'')) {
      fail(m_at, "expected an attribute value in quotes");
    }
    const char quote = m_text[m_at++];
    std::string value;
    while (true) {
      if (m_at >= m_text.size()) {
        fail(start, "an attribute value is not closed");
      }
      const char c = m_text[m_at];
      if (c == quote) {
        ++m_at;
        return value;
      }
      if (c == '<') {
        fail(m_at, "'<' in an attribute value: write it as &lt;");
      }
      if (c == '&') {
        reference(&value);
      } else {
        // Attribute-value normalisation: white space becomes a space.
        value += is_space(c) ? ' ' : c;
        ++m_at;
      }
    }
  }

  XmlElement element(std::size_t depth)
  {
    XmlElement element;
    element.offset = m_at;
    if (depth > k_max_nesting) {
      fail(m_at, fmt::format("elements nested deeper than {} levels", k_max_nesting));
    }
    ++m_at;
    element.name = name();
    while (true) {
      const std::size_t before = m_at;
      spaces();
      if (m_at >= m_text.size()) {
        fail(element.offset, fmt::format("the tag <{}> is not closed", shown_value(element.name)));
      }
      if (starts("/>")) {
        m_at += 2;
        return element;
      }
      if (m_text[m_at] == '>') {
        ++m_at;
        break;
      }
      if (before == m_at) {
        fail(m_at, "expected white space, '>' or '/>'");
      }
      XmlAttribute attribute;
      attribute.offset = m_at;
      attribute.name = name();
      spaces();
      if (m_at >= m_text.size() || m_text[m_at] != '=') {
        fail(m_at, fmt::format("expected '=' after the attribute {}", shown_value(attribute.name)));
      }
      ++m_at;
      spaces();
      attribute.value = attribute_value();
      if (element.attribute(attribute.name) != nullptr) {
        fail(attribute.offset,
             fmt::format("the attribute {} appears twice", shown_value(attribute.name)));
      }
      element.attributes.push_back(std::move(attribute));
    }
    content(element, depth);
    return element;
  }

  void content(XmlElement& element, std::size_t depth)
  {
    while (true) {
      if (m_at >= m_text.size()) {
        fail(element.offset,
             fmt::format("the element <{}> is not closed", shown_value(element.name)));
      }
      const char c = m_text[m_at];
      if (c == '&') {
        reference(nullptr);
      } else if (c != '<') {
        if (starts("]]>")) {
          fail(m_at, "']]>' outside a CDATA section");
        }
        ++m_at;
      } else if (starts("</")) {
        const std::size_t start = m_at;
        m_at += 2;
        const std::string closing = name();
        spaces();
        if (m_at >= m_text.size() || m_text[m_at] != '>') {
          fail(m_at, "expected '>' to end the closing tag");
        }
        ++m_at;
        if (closing != element.name) {
          fail(start,
               fmt::format("</{}> closes <{}>", shown_value(closing), shown_value(element.name)));
        }
        return;
      } else if (starts("<!") || starts("<?")) {
        declaration_or_comment(true);
      } else {
        element.children.push_back(this->element(depth + 1));
      }
    }
  }

  std::string_view m_text;
  const std::string& m_shown;
  std::size_t m_at = 0;
};

} // namespace

XmlElement read_xml(std::string_view text, const std::string& shown)
{
  return XmlReader(text, shown).document();
}

} // namespace llmchecklist::detail
