// Text tables for the query commands: aligned columns for people (widths
// counted in code points, so accented names line up), CSV for machines.
#ifndef ENTENTE_CLI_TABLE_PRINTER_H_
#define ENTENTE_CLI_TABLE_PRINTER_H_

#include <string>
#include <utility>
#include <vector>

namespace entente::cli {

class TablePrinter {
 public:
  explicit TablePrinter(std::vector<std::string> columns)
      : columns_(std::move(columns)) {}

  // Adds a row; `notes` are lines printed under it, indented, in the
  // aligned form only (the evidence sentences of a timeline).
  void AddRow(std::vector<std::string> cells,
              std::vector<std::string> notes = {});
  bool empty() const { return rows_.empty(); }

  // Columns separated by two spaces, a header line first; empty cells
  // shown as "-".
  std::string Aligned() const;
  // RFC 4180 CSV with a header line; notes left out.
  std::string Csv() const;

 private:
  struct Row {
    std::vector<std::string> cells, notes;
  };
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
};

}  // namespace entente::cli

#endif  // ENTENTE_CLI_TABLE_PRINTER_H_
