// The value types that the pipeline stages exchange.
//
// Every stage of DESIGN.md takes and returns these plain structs. Offsets
// inside the pipeline are UTF-8 byte offsets into Document::text (half-open
// [start, end)); the writers convert them to Unicode code points, which is
// what the output contract promises.
#ifndef ENTENTE_TYPES_H_
#define ENTENTE_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace entente {

// A calendar date (proleptic Gregorian). Only whole dates are represented;
// coarser granularities live in TIMEX3 strings.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// One news article as read by `ingest`.
struct Document {
  std::string id;                 // stable id: given by the input or derived
  std::optional<CivilDate> date;  // the story date, if known
  std::string title;
  std::string text;  // the exact text given, valid UTF-8
  std::string url;
  std::string origin;  // where it came from: "path" or "path:line"
  // Other fields of a JSON Lines record, kept verbatim as a JSON object text
  // (empty when there were none).
  std::string metadata_json;
};

// A sentence of a document: byte span into Document::text.
struct Sentence {
  std::size_t start = 0;
  std::size_t end = 0;
};

// A resolved actor, as the output contract describes it.
struct Actor {
  std::string id;       // stable id: "joe-biden", "USA", "nato"
  std::string name;     // canonical display name
  std::string kind;     // person | state | organization | group
  std::string country;  // CAMEO/ISO alpha-3 country, or the IGO's code
  std::string code;     // CAMEO actor code, e.g. USAGOV
  std::string role;     // role at the document's date, e.g. "President"
  friend bool operator==(const Actor&, const Actor&) = default;
};

// A stretch of text that names an actor, and what it resolved to.
struct ActorMention {
  std::size_t start = 0;  // byte span in the document text
  std::size_t end = 0;
  std::size_t sentence = 0;  // index into the document's sentences
  Actor actor;
  // How it was resolved: "lexicon" (a known name), "title" (an unknown person
  // introduced by a title), "short" (a later short form of an earlier name),
  // "agent" (a group such as "police" attached to a country), "coref" (a
  // title or pronoun referring back), "pair" ("the two leaders"), "place"
  // (a state or organisation named as where something happened: "in
  // Geneva" - not an actor of the sentence's events), "attribute" (a state
  // adjective before a common noun: "sanctions on Russian companies" - the
  // state is an event's party only through what it modifies).
  std::string how;
};

// A time expression and its TIMEX3 normalisation.
struct TimeExpression {
  std::size_t start = 0;  // byte span in the document text
  std::size_t end = 0;
  std::size_t sentence = 0;
  std::string text;
  std::string type;   // DATE | TIME | DURATION | SET
  std::string value;  // TIMEX3 value: 2021-09-09, 2021-W35, 2021-07, P8M, ...
  // Granularity of a DATE or TIME value: day | week | month | quarter |
  // half | season | year | decade | century (TIME values: day); empty for
  // durations and unresolved values.
  std::string precision;
  // For expressions whose direction in time the text leaves open ("on
  // Monday", "in March"): their values read as past (the latest on or
  // before the document date) and as future. Empty otherwise.
  std::string past_value, future_value;
  // True when the value was computed from the document date (relative or
  // underspecified expressions such as "on Thursday" or "in March").
  bool anchored = false;
};

// The date an event is given.
struct EventDate {
  std::string value;      // TIMEX3 value, empty when unknown
  std::string precision;  // day | week | month | quarter | year | ...
  std::string text;       // the time expression used, empty for basis document
  std::string basis;      // text | document | none
  friend bool operator==(const EventDate&, const EventDate&) = default;
};

struct Location {
  std::string name;
  std::string country;
  friend bool operator==(const Location&, const Location&) = default;
};

// One (actor, relation, actor, date) event with its provenance.
struct Event {
  std::string doc;
  std::size_t sentence = 0;
  Actor source;
  Actor target;
  std::string relation;  // our readable name: meeting, phone_call, visit...
  std::string cameo;     // CAMEO event code as a string: "042"
  std::string plover;    // PLOVER type: CONSULT, ACCUSE...
  bool symmetric = false;
  std::string trigger;  // the words that signalled the relation
  EventDate date;
  std::string polarity = "affirmed";  // affirmed | negated
  std::string modality = "asserted";  // asserted | reported | planned |
                                      // hypothetical
  std::optional<Location> location;
  // A meeting of three or more parties (a summit, "talks between A, B and
  // C") is one multi-party event: `gathering` names it ("doc#sentence:
  // trigger") and `participants` lists every party, in text order. It is
  // still written as two-party events (one per pair of the first four
  // parties) so that pairwise consumers keep working; each carries the
  // same gathering and participants, so a reader can fold them back into
  // one event. Both are empty for a two-party event.
  std::string gathering;
  std::vector<Actor> participants;
  std::string evidence_text;
  std::size_t evidence_start = 0;  // code points into the document text
  std::size_t evidence_end = 0;
};

// Everything the pipeline found in one document.
struct DocumentAnalysis {
  Document document;
  std::vector<Sentence> sentences;
  std::vector<ActorMention> actors;
  std::vector<TimeExpression> times;
  std::vector<Event> events;
  // Events whose sentence names a source but no target ("Iran agreed to
  // ..."), with an empty target: not part of the output contract (an event
  // links two actors), kept for `entente eval` and gold sets that code them.
  // Filled only when PipelineOptions::one_sided_events asks for them.
  std::vector<Event> one_sided_events;
  std::vector<std::string> warnings;  // "doc-id: what is odd", for stderr
};

}  // namespace entente

#endif  // ENTENTE_TYPES_H_
