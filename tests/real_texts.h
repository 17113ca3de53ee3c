// Real text for property tests: the sample stories and, when present, the
// TimeX, PLOVER and PETRARCH gold files (read as raw bytes). The samples
// are found under $ENTENTE_SOURCE_ROOT (else ".."), the gold files under
// $ENTENTE_SHARED; a missing one is skipped.
#ifndef ENTENTE_TESTS_REAL_TEXTS_H_
#define ENTENTE_TESTS_REAL_TEXTS_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace entente::testing {

inline std::vector<std::filesystem::path> RealTextFiles() {
  namespace fs = std::filesystem;
  const char* root = std::getenv("ENTENTE_SOURCE_ROOT");
  const char* shared = std::getenv("ENTENTE_SHARED");
  std::vector<fs::path> files;
  fs::path samples = fs::path(root ? root : "..") / "samples";
  if (fs::is_directory(samples)) {
    for (const auto& entry : fs::directory_iterator(samples)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  if (shared) {
    for (const char* f : {"eval/timex/gold.jsonl", "eval/plover/gold.jsonl",
                          "eval/petrarch/gold.jsonl"}) {
      fs::path path = fs::path(shared) / f;
      if (fs::exists(path)) files.push_back(path);
    }
  }
  return files;
}

inline std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace entente::testing

#endif  // ENTENTE_TESTS_REAL_TEXTS_H_
