// Texts shared by the DOT writer and the HTML page (see map_text.h). All
// functions are pure; output depends only on the arguments.
#include "export/map_text.h"

#include <cstdint>
#include <iterator>

namespace entente::map_text {
namespace {

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool IsControl(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
}

// The text on one line: runs of white space become one space.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string DotQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else if (IsControl(c)) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(IsControl(c) ? ' ' : c);
    }
  }
  return out;
}

std::string Shorten(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t cut = max_bytes;
  while (cut > 0 && IsContinuationByte(s[cut])) --cut;
  // Prefer to end at a word boundary if one is within the last fifth.
  std::size_t space = s.rfind(' ', cut);
  if (space != std::string_view::npos && space > cut - cut / 5) cut = space;
  return std::string(s.substr(0, cut)) + "\u2026";
}

std::string RelationWords(const std::string& relation) {
  std::string out = relation;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

std::string DateRange(const RelationEdge& edge) {
  if (edge.dates.empty()) return "";
  if (edge.first() == edge.last()) return edge.first();
  return edge.first() + " to " + edge.last();
}

const char* QuadName(int quad) {
  switch (quad) {
    case 1: return "verbal cooperation";
    case 2: return "material cooperation";
    case 3: return "verbal conflict";
    case 4: return "material conflict";
    default: return "";
  }
}

const char* QuadColour(int quad) {
  switch (quad) {
    case 1: return "#1a9850";
    case 2: return "#2166ac";
    case 3: return "#f46d43";
    case 4: return "#a50026";
    default: return "#999999";
  }
}

std::string CountryColour(const std::string& country) {
  static const char* kPalette[] = {
      "#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99",
      "#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
      "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f", "#e5c494"};
  if (country.empty()) return "#f0f0f0";
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (char c : country) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return kPalette[h % std::size(kPalette)];
}

std::string EvidenceSentence(const EvidenceTexts* texts,
                             const EvidenceRef& ref) {
  constexpr std::size_t kMaxSentenceBytes = 280;
  if (!texts) return "";
  auto it = texts->find(EvidenceKey{ref.doc, ref.sentence});
  if (it == texts->end()) return "";
  return Shorten(OneLine(it->second), kMaxSentenceBytes);
}

std::vector<std::string> EvidenceQuotes(const RelationEdge& edge,
                                        const EvidenceTexts* texts,
                                        std::size_t limit) {
  std::vector<std::string> out;
  for (const EvidenceRef& ref : edge.evidence) {
    if (out.size() >= limit) break;
    std::string text = EvidenceSentence(texts, ref);
    if (!text.empty()) {
      out.push_back("\u201c" + text + "\u201d (" + ref.doc + ")");
    } else {
      out.push_back(ref.doc + ", sentence " + std::to_string(ref.sentence));
    }
  }
  return out;
}

}  // namespace entente::map_text
