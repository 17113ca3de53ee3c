// Parsing one article: the plain-text header block, or a JSON Lines record.
// Both check the text is valid UTF-8 and not binary, so later stages can
// rely on it.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cctype>

#include "core/calendar.h"
#include "core/json_reader.h"
#include "core/utf8.h"
#include "entente/ingest.h"

namespace entente {
namespace {

// Line number (1-based) of a byte offset.
std::size_t LineOf(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    line += text[i] == '\n';
  }
  return line;
}

Status CheckText(std::string_view text, const std::string& origin) {
  if (text.find('\0') != std::string_view::npos) {
    return Status::InvalidInput(origin +
                                ": binary data (NUL bytes), not an article");
  }
  if (auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidInput(
        origin + ": invalid UTF-8 at line " +
        std::to_string(LineOf(text, *bad)) + " (byte " +
        std::to_string(*bad) + "); convert the file to UTF-8");
  }
  return Status::Ok();
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

// Accepts "YYYY-MM-DD" optionally followed by a time ("2021-09-10T08:00Z").
std::optional<CivilDate> ParseDocumentDate(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return ParseIsoDate(s);
}

}  // namespace

Result<Document> ParseTextArticle(std::string_view content, std::string id,
                                  std::string origin) {
  if (Status s = CheckText(content, origin); !s.ok()) return s;
  if (content.size() >= 3 && content.substr(0, 3) == "\xEF\xBB\xBF") {
    content.remove_prefix(3);  // byte-order mark
  }
  if (IsBlank(content)) return Status::InvalidInput(origin + ": empty file");
  Document doc;
  doc.id = std::move(id);
  doc.origin = origin;
  // Header block: "Key: value" lines from the first line to a blank line.
  std::size_t pos = 0, body = 0;
  bool header = false;
  while (pos < content.size()) {
    std::size_t nl = content.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? content.size() : nl;
    std::string_view line = content.substr(pos, end - pos);
    std::size_t next = nl == std::string_view::npos ? content.size() : nl + 1;
    if (IsBlank(line)) {
      if (header) body = next;
      break;
    }
    std::size_t colon = line.find(':');
    std::string key = colon == std::string_view::npos
                          ? ""
                          : Lower(line.substr(0, colon));
    if (key != "title" && key != "date" && key != "source" && key != "url" &&
        key != "id") {
      break;  // not a header line: the text starts at the top
    }
    std::string value(line.substr(colon + 1));
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
      value.erase(0, 1);
    }
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) {
      value.pop_back();
    }
    if (key == "title") doc.title = value;
    if (key == "url") doc.url = value;
    if (key == "id" && !value.empty()) doc.id = value;
    if (key == "date" && !value.empty()) {
      doc.date = ParseDocumentDate(value);
      if (!doc.date) {
        return Status::InvalidInput(
            origin + ":" + std::to_string(LineOf(content, pos)) +
            ": Date header '" + value + "' is not a date (use YYYY-MM-DD)");
      }
    }
    header = true;
    pos = next;
    body = next;
  }
  if (!header) body = 0;
  doc.text = std::string(content.substr(body));
  if (IsBlank(doc.text)) {
    return Status::InvalidInput(origin + ": the article has no text");
  }
  return doc;
}

Result<Document> ParseJsonArticle(std::string_view line, std::string origin,
                                  std::string fallback_id) {
  rapidjson::Document v;
  if (Status s = ParseJsonRecord(line, &v); !s.ok()) {
    return s.WithPrefix(origin);
  }
  auto text = v.FindMember("text");
  if (text == v.MemberEnd() || !text->value.IsString()) {
    return Status::InvalidInput(origin +
                                ": /text: missing or not a string");
  }
  Document doc;
  doc.origin = origin;
  doc.text.assign(text->value.GetString(), text->value.GetStringLength());
  if (Status s = CheckText(doc.text, origin); !s.ok()) return s;
  if (IsBlank(doc.text)) return Status::InvalidInput(origin + ": /text: empty");
  doc.id = std::move(fallback_id);
  rapidjson::Document meta;
  meta.SetObject();
  for (auto& m : v.GetObject()) {
    std::string key(m.name.GetString(), m.name.GetStringLength());
    if (key == "text") continue;
    bool is_str = m.value.IsString();
    std::string s = is_str ? std::string(m.value.GetString(),
                                         m.value.GetStringLength())
                           : "";
    if (key == "id" && (is_str || m.value.IsInt64())) {
      doc.id = is_str ? s : std::to_string(m.value.GetInt64());
    } else if (key == "title" && is_str) {
      doc.title = s;
    } else if (key == "url" && is_str) {
      doc.url = s;
    } else if (key == "date" && is_str) {
      if (!s.empty()) {
        doc.date = ParseDocumentDate(s);
        if (!doc.date) {
          return Status::InvalidInput(origin + ": /date: '" + s +
                                      "' is not a date (use YYYY-MM-DD)");
        }
      }
    } else if (key == "date" && !m.value.IsNull()) {
      return Status::InvalidInput(origin + ": /date: not a string");
    } else {
      meta.AddMember(rapidjson::Value(m.name, meta.GetAllocator()),
                     rapidjson::Value(m.value, meta.GetAllocator()),
                     meta.GetAllocator());
    }
  }
  if (doc.id.empty()) return Status::InvalidInput(origin + ": /id: empty");
  if (meta.MemberCount() > 0) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    meta.Accept(w);
    doc.metadata_json = buf.GetString();
  }
  return doc;
}

}  // namespace entente
