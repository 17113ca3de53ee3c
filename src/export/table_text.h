// Internal: one row of a CSV (',') or TSV ('\t') table, quoted or
// flattened as exports.h describes, ending with "\n".
#ifndef ENTENTE_EXPORT_TABLE_TEXT_H_
#define ENTENTE_EXPORT_TABLE_TEXT_H_

#include <string>
#include <vector>

namespace entente {

std::string JoinTableRow(const std::vector<std::string>& fields, char sep);

}  // namespace entente

#endif  // ENTENTE_EXPORT_TABLE_TEXT_H_
