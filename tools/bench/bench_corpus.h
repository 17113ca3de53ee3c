// The articles the benchmarks run on, read once from a directory (by
// default samples/) through the real ingest stage.
#ifndef ENTENTE_TOOLS_BENCH_BENCH_CORPUS_H_
#define ENTENTE_TOOLS_BENCH_BENCH_CORPUS_H_

#include <cstdio>
#include <string>
#include <vector>

#include "entente/ingest.h"

namespace entente::bench {

// The documents under `dir`; prints a message naming `program` and returns
// an empty list when there are none.
inline std::vector<Document> LoadDocuments(const std::string& dir,
                                           const char* program) {
  std::vector<Document> docs;
  DocumentSource source({dir}, {});
  InputRecord r;
  while (true) {
    auto more = source.Next(&r);
    if (!more.ok() || !*more) break;
    if (r.kind == InputRecord::Kind::kDocument) docs.push_back(r.document);
  }
  if (docs.empty()) {
    std::fprintf(stderr, "%s: no articles in %s\n", program, dir.c_str());
  }
  return docs;
}

}  // namespace entente::bench

#endif  // ENTENTE_TOOLS_BENCH_BENCH_CORPUS_H_
