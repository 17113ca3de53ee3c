// Data files compiled into the binary (lexicons, schemas, page templates):
// tools/embed_files.py writes arrays of EmbeddedFile at build time.
#ifndef ENTENTE_CORE_EMBEDDED_H_
#define ENTENTE_CORE_EMBEDDED_H_

#include <cstddef>
#include <string>

namespace entente {

struct EmbeddedFile {
  const char* name;             // base name of the source file
  const char* const* chunks;    // the content, in order
  std::size_t chunk_count;

  std::string Content() const {
    std::string out;
    for (std::size_t i = 0; i < chunk_count; ++i) out += chunks[i];
    return out;
  }
};

// src/lexicon/*.jsonl, in file-name order.
extern const EmbeddedFile kLexiconFiles[];
extern const std::size_t kLexiconFilesCount;

// schemas/*.json.
extern const EmbeddedFile kSchemaFiles[];
extern const std::size_t kSchemaFilesCount;

// Returns the embedded schema with this base name, or nullptr.
const EmbeddedFile* FindSchema(const std::string& name);

}  // namespace entente

#endif  // ENTENTE_CORE_EMBEDDED_H_
