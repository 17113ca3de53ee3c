// Reads the golden tables the tests share: tab-separated lines under the
// source root, with '#' comments and blank lines skipped.
#ifndef ENTENTE_TESTS_GOLDEN_TABLE_H_
#define ENTENTE_TESTS_GOLDEN_TABLE_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace entente::testing {

// The rows of `relative_path` (under $ENTENTE_SOURCE_ROOT, else ".."),
// each split at tabs. Empty when the file cannot be read.
inline std::vector<std::vector<std::string>> ReadGoldenTable(
    const std::string& relative_path) {
  const char* root = std::getenv("ENTENTE_SOURCE_ROOT");
  std::ifstream in(std::string(root ? root : "..") + "/" + relative_path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream fields(line);
    std::string col;
    while (std::getline(fields, col, '\t')) cols.push_back(col);
    rows.push_back(std::move(cols));
  }
  return rows;
}

}  // namespace entente::testing

#endif  // ENTENTE_TESTS_GOLDEN_TABLE_H_
