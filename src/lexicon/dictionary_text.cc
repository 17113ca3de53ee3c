#include "lexicon/dictionary_text.h"

#include <cctype>

namespace entente {

std::string StripDictionaryComments(std::string_view in,
                                    bool hash_in_brackets) {
  std::string out;
  out.reserve(in.size());
  bool in_block = false, in_hash = false;
  int depth = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '\n') {
      in_hash = false;
      depth = 0;
      out.push_back(c);
      continue;
    }
    if (in_block) {
      if (in.compare(i, 3, "-->") == 0) {
        in_block = false;
        i += 2;
      }
      continue;
    }
    if (in_hash) continue;
    if (in.compare(i, 2, "<!") == 0) {
      in_block = true;
      continue;
    }
    if (hash_in_brackets && c == '[') ++depth;
    if (hash_in_brackets && c == ']' && depth > 0) --depth;
    if (c == '#' && depth == 0) {
      in_hash = true;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string TrimText(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

std::vector<std::pair<std::size_t, std::string>> NumberedLines(
    const std::string& text) {
  std::vector<std::pair<std::size_t, std::string>> lines;
  std::size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.emplace_back(++line_no, TrimText(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return lines;
}

}  // namespace entente
