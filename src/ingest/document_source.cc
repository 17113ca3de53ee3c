// DocumentSource walks its inputs lazily: a directory is expanded into its
// sorted article files when reached, a JSON Lines file is read one line at a
// time, a text file whole. Whether a JSON Lines file holds articles or events
// is decided by its first record.
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/files.h"
#include "entente/ingest.h"

namespace entente {
namespace fs = std::filesystem;
namespace {

bool HasExtension(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* x : exts) {
    if (e == x) return true;
  }
  return false;
}

bool IsJsonLinesPath(const fs::path& p) {
  return HasExtension(p, {".jsonl", ".ndjson", ".json"});
}

// Files a directory walk takes. "*.json" is read when named on the command
// line but not picked up from directories, where it is usually something
// else (a saved graph.json).
bool IsArticlePath(const fs::path& p) {
  return HasExtension(p, {".txt", ".text", ".jsonl", ".ndjson"});
}

bool IsBlankLine(const std::string& s) {
  return s.find_first_not_of(" \t\r") == std::string::npos;
}

// An events file's records have a top-level "relation" and no "text".
bool LooksLikeEvent(const std::string& line) {
  rapidjson::Document v;
  v.Parse(line.data(), line.size());
  return !v.HasParseError() && v.IsObject() && v.HasMember("relation") &&
         !v.HasMember("text");
}

}  // namespace

struct DocumentSource::Impl {
  struct Pending {
    fs::path path;
    std::string id_base;  // id for a text file; prefix for JSON Lines
  };

  std::vector<std::string> inputs;
  IngestOptions options;
  std::size_t next_input = 0;
  std::vector<Pending> queue;  // files of the current input, in order
  std::size_t next_file = 0;

  // The JSON Lines file being read, if any.
  std::unique_ptr<std::istream> lines;
  std::string lines_origin, lines_id_base;
  std::size_t line_no = 0;
  enum class LinesKind { kUnknown, kArticles, kEvents } lines_kind{};

  std::vector<std::string> warnings;
  std::size_t skipped = 0, files = 0;

  void Warn(const std::string& what) {
    warnings.push_back(what + "; skipped");
    ++skipped;
  }

  void ApplyDefaultDate(Document* doc) {
    if (!doc->date && options.default_date) doc->date = options.default_date;
  }

  // Expands input `in` into queue.
  void Expand(const std::string& in) {
    queue.clear();
    next_file = 0;
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(
               in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.filename().string().starts_with(".")) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && IsArticlePath(p)) found.push_back(p);
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        Warn(in + ": no article files (*.txt, *.text, *.jsonl, *.ndjson) in "
                  "this directory");
      }
      for (const fs::path& p : found) {
        fs::path rel = fs::relative(p, in, ec);
        if (ec) rel = p.filename();
        rel.replace_extension();
        queue.push_back({p, rel.generic_string()});
      }
    } else {
      fs::path p(in);
      queue.push_back({p, p.stem().string()});
    }
  }

  Result<bool> NextFromLines(InputRecord* record) {
    std::string line;
    while (std::getline(*lines, line)) {
      ++line_no;
      if (IsBlankLine(line)) continue;
      std::string origin = lines_origin + ":" + std::to_string(line_no);
      if (lines_kind == LinesKind::kUnknown) {
        lines_kind = LooksLikeEvent(line) ? LinesKind::kEvents
                                          : LinesKind::kArticles;
      }
      if (lines_kind == LinesKind::kEvents) {
        Result<Event> e = ParseEventJson(line);
        if (!e.ok()) {
          Warn(origin + ": " + e.status().message());
          continue;
        }
        record->kind = InputRecord::Kind::kEvent;
        record->event = std::move(*e);
        record->origin = origin;
        return true;
      }
      Result<Document> d = ParseJsonArticle(
          line, origin, lines_id_base + "-" + std::to_string(line_no));
      if (!d.ok()) {
        Warn(d.status().message());
        continue;
      }
      record->kind = InputRecord::Kind::kDocument;
      record->document = std::move(*d);
      ApplyDefaultDate(&record->document);
      record->origin = origin;
      return true;
    }
    if (lines->bad()) Warn(lines_origin + ": read error");
    lines.reset();
    return false;
  }

  void StartLines(std::unique_ptr<std::istream> stream, std::string origin,
                  std::string id_base) {
    lines = std::move(stream);
    lines_origin = std::move(origin);
    lines_id_base = std::move(id_base);
    line_no = 0;
    lines_kind = LinesKind::kUnknown;
  }

  // Opens the next file of the queue; returns a record if it was a text file.
  Result<bool> OpenNextFile(InputRecord* record, bool* produced) {
    *produced = false;
    const Pending& p = queue[next_file++];
    ++files;
    std::string path = p.path.string();
    if (IsJsonLinesPath(p.path)) {
      auto f = std::make_unique<std::ifstream>(p.path, std::ios::binary);
      if (!*f) {
        Warn(path + ": cannot open");
        return true;
      }
      StartLines(std::move(f), path, p.id_base);
      return true;
    }
    Result<std::string> content = ReadWholeFile(path, std::size_t{1} << 30);
    if (!content.ok()) {
      Warn(content.status().message());
      return true;
    }
    *produced = TextArticle(*content, p.id_base, path, record);
    return true;
  }

  // Parses a plain-text article into `record`; false (with a warning) when
  // it is bad.
  bool TextArticle(std::string_view content, const std::string& id,
                   const std::string& origin, InputRecord* record) {
    Result<Document> d = ParseTextArticle(content, id, origin);
    if (!d.ok()) {
      Warn(d.status().message());
      return false;
    }
    record->kind = InputRecord::Kind::kDocument;
    record->document = std::move(*d);
    ApplyDefaultDate(&record->document);
    record->origin = origin;
    return true;
  }

  // Standard input holds either JSON Lines (it starts with '{') or one
  // plain-text article.
  Result<bool> ReadStdin(InputRecord* record, bool* produced) {
    *produced = false;
    ++files;
    std::string all((std::istreambuf_iterator<char>(std::cin)),
                    std::istreambuf_iterator<char>());
    std::size_t first = all.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && all[first] == '{') {
      StartLines(std::make_unique<std::istringstream>(std::move(all)),
                 "<stdin>", "stdin");
      return true;
    }
    *produced = TextArticle(all, "stdin", "<stdin>", record);
    return true;
  }
};

DocumentSource::DocumentSource(std::vector<std::string> inputs,
                               IngestOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->inputs = std::move(inputs);
  impl_->options = options;
}

DocumentSource::~DocumentSource() = default;

Status DocumentSource::CheckInputs() const {
  for (const std::string& in : impl_->inputs) {
    if (in == "-") continue;
    std::error_code ec;
    if (!fs::exists(in, ec)) {
      return Status::NotFound(in + ": no such file or directory");
    }
  }
  return Status::Ok();
}

Result<bool> DocumentSource::Next(InputRecord* record) {
  Impl& m = *impl_;
  while (true) {
    if (m.lines) {
      Result<bool> r = m.NextFromLines(record);
      if (!r.ok() || *r) return r;
      continue;
    }
    if (m.next_file < m.queue.size()) {
      bool produced;
      Result<bool> r = m.OpenNextFile(record, &produced);
      if (!r.ok() || produced) return r;
      continue;
    }
    if (m.next_input >= m.inputs.size()) return false;
    const std::string& in = m.inputs[m.next_input++];
    if (in == "-") {
      bool produced;
      Result<bool> r = m.ReadStdin(record, &produced);
      if (!r.ok() || produced) return r;
      continue;
    }
    std::error_code ec;
    if (!fs::exists(in, ec)) {
      return Status::NotFound(in + ": no such file or directory");
    }
    m.Expand(in);
  }
}

const std::vector<std::string>& DocumentSource::warnings() const {
  return impl_->warnings;
}
std::size_t DocumentSource::skipped() const { return impl_->skipped; }
std::size_t DocumentSource::files_read() const { return impl_->files; }

}  // namespace entente
