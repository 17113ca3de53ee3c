// TablePrinter: aligned and CSV text tables for the query commands.
#include "cli/table_printer.h"

#include <algorithm>

#include "core/utf8.h"
#include "export/table_text.h"

namespace entente::cli {

void TablePrinter::AddRow(std::vector<std::string> cells,
                          std::vector<std::string> notes) {
  cells.resize(columns_.size());
  rows_.push_back({std::move(cells), std::move(notes)});
}

std::string TablePrinter::Aligned() const {
  std::vector<std::size_t> width(columns_.size());
  auto shown = [](const std::string& s) { return s.empty() ? "-" : s; };
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    width[c] = CountCodePoints(columns_[c]);
    for (const Row& r : rows_) {
      width[c] = std::max(width[c], CountCodePoints(shown(r.cells[c])));
    }
  }
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::string cell = header ? cells[c] : shown(cells[c]);
      out += cell;
      if (c + 1 < cells.size()) {
        out.append(width[c] - CountCodePoints(cell) + 2, ' ');
      }
    }
    return out + "\n";
  };
  std::string out = line(columns_, true);
  for (const Row& r : rows_) {
    out += line(r.cells, false);
    for (const std::string& n : r.notes) out += "    " + n + "\n";
  }
  return out;
}

std::string TablePrinter::Csv() const {
  std::string out = JoinTableRow(columns_, ',');
  for (const Row& r : rows_) out += JoinTableRow(r.cells, ',');
  return out;
}

}  // namespace entente::cli
