// Reading inputs: articles (plain text or JSON Lines) and event files.
//
//   DocumentSource source({"samples"}, options);
//   InputRecord record;
//   while (true) {
//     Result<bool> more = source.Next(&record);
//     if (!more.ok()) { report(more.status()); break; }
//     if (!*more) break;
//     ...
//   }
//   for (const auto& w : source.warnings()) ...
//
// Inputs are files, directories (walked recursively in sorted order, taking
// *.txt, *.text, *.jsonl and *.ndjson files; *.json only when named) and "-"
// for standard input. A plain-text article may start with a header block of "Title:",
// "Date:", "Source:", "URL:" or "ID:" lines ended by a blank line. A JSON
// Lines article is {"id","date","title","text","url"}; other fields are kept
// as metadata. JSON Lines whose records carry "relation" and "source" are
// events (as written by `entente extract`).
#ifndef ENTENTE_INGEST_H_
#define ENTENTE_INGEST_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entente/status.h"
#include "entente/types.h"

namespace entente {

struct IngestOptions {
  // Given to documents that carry no date of their own (--date).
  std::optional<CivilDate> default_date;
};

// One unit of input: an article or an already extracted event.
struct InputRecord {
  enum class Kind { kDocument, kEvent };
  Kind kind = Kind::kDocument;
  Document document;
  Event event;
  std::string origin;  // "path" or "path:line"
};

// Streams records from a list of inputs, one at a time, so memory does not
// grow with the corpus. Bad files and bad records are skipped with a warning
// that names them (warnings()); only a missing input path is fatal.
class DocumentSource {
 public:
  DocumentSource(std::vector<std::string> inputs, IngestOptions options);
  ~DocumentSource();
  DocumentSource(const DocumentSource&) = delete;
  DocumentSource& operator=(const DocumentSource&) = delete;

  // Checks that every input path exists; call before producing any output.
  Status CheckInputs() const;

  // Fills `record` with the next record and returns true, or returns false
  // at the end. Fails only for inputs that cannot be read at all.
  Result<bool> Next(InputRecord* record);

  // Problems met so far ("path:line: what is wrong, skipped"), in order.
  const std::vector<std::string>& warnings() const;
  // Number of records or files skipped because they were bad.
  std::size_t skipped() const;
  // Number of files looked at.
  std::size_t files_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses one event as written in events.jsonl. Fails with a message naming
// the JSON pointer of the bad field.
Result<Event> ParseEventJson(std::string_view line);

// Parses the text of a plain-text article (header block optional).
// `origin` names it in messages; `id` becomes Document::id.
Result<Document> ParseTextArticle(std::string_view content, std::string id,
                                  std::string origin);

// Parses one JSON Lines article record.
Result<Document> ParseJsonArticle(std::string_view line, std::string origin,
                                  std::string fallback_id);

}  // namespace entente

#endif  // ENTENTE_INGEST_H_
