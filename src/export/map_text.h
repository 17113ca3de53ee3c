// Texts shared by the DOT writer and the HTML page: how a relation, its
// date range and its evidence read to a person, the escaping each output
// needs, and the map's colours (one place, so the SVG and the page agree).
#ifndef ENTENTE_EXPORT_MAP_TEXT_H_
#define ENTENTE_EXPORT_MAP_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "entente/export.h"
#include "entente/graph.h"

namespace entente::map_text {

// A DOT double-quoted string: quotes and backslashes escaped (so Graphviz's
// escString sequences such as \N or \l stay literal), newlines as \n, other
// control characters (which XML forbids in SVG) replaced by spaces.
std::string DotQuote(std::string_view s);

// Text for XML and HTML content and attribute values: & < > " ' escaped and
// control characters replaced by spaces.
std::string XmlEscape(std::string_view s);

// At most `max_bytes` bytes of `s`, cut at a code point boundary (and at a
// space when one is near), with "…" appended when something was cut.
std::string Shorten(std::string_view s, std::size_t max_bytes);

// "phone_call" -> "phone call", "planned_visit" -> "planned visit".
std::string RelationWords(const std::string& relation);

// "2021-09-09", "2021-03 to 2021-09-09", or "" for an undated edge.
std::string DateRange(const RelationEdge& edge);

// "verbal cooperation" ... "material conflict"; "" for 0.
const char* QuadName(int quad);

// The colour of a CAMEO quad class (grey for 0 and unknown).
const char* QuadColour(int quad);

// A pastel fill colour per country, stable across runs; light grey for none.
std::string CountryColour(const std::string& country);

// The sentence behind an evidence reference on one line, shortened; empty
// when `texts` is null or lacks it.
std::string EvidenceSentence(const EvidenceTexts* texts, const EvidenceRef& ref);

// The first `limit` evidence sentences of an edge as "sentence (doc)", each
// shortened; when `texts` is null or lacks a sentence, "doc, sentence N".
std::vector<std::string> EvidenceQuotes(const RelationEdge& edge,
                                        const EvidenceTexts* texts,
                                        std::size_t limit);

}  // namespace entente::map_text

#endif  // ENTENTE_EXPORT_MAP_TEXT_H_
