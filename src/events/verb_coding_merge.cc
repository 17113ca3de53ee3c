// Merging the verb dictionary's events with the relation lexicon's (see
// MergeVerbCoding in verb_patterns.h): the dictionary is in charge of the
// verbs it knows and of the dyads it coded; the lexicon keeps the rest.
#include <algorithm>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>

#include "events/verb_patterns.h"

namespace entente {
namespace {

// Whether a lexicon event's trigger lies on a verb the dictionary coded.
bool OnClaimedVerb(const Event& e, const VerbCoding& coding,
                   const Document& doc,
                   const std::vector<Sentence>& sentences) {
  if (e.sentence >= sentences.size() || e.trigger.empty()) return false;
  const Sentence& s = sentences[e.sentence];
  std::string_view text =
      std::string_view(doc.text).substr(s.start, s.end - s.start);
  std::size_t at = text.find(e.trigger);
  if (at == std::string_view::npos) return false;
  std::size_t b = s.start + at, end = b + e.trigger.size();
  for (const VerbCoding::Claim& c : coding.claimed) {
    if (c.sentence == e.sentence && c.begin < end && b < c.end) return true;
  }
  return false;
}

}  // namespace

std::vector<Event> MergeVerbCoding(std::vector<Event> lexicon_events,
                                   VerbCoding coding, const Document& doc,
                                   const std::vector<Sentence>& sentences,
                                   std::vector<Event>* one_sided) {
  std::vector<Event> out;
  // One event per (source, code, target, date, polarity, modality) per
  // document, as the event extractor keeps them.
  using Key = std::tuple<std::string, std::string, std::string, std::string,
                         std::string, std::string>;
  std::set<Key> seen;
  auto add = [&](Event e) {
    Key k{e.source.id,  e.cameo,    e.target.id,
          e.date.value, e.polarity, e.modality};
    if (seen.insert(k).second) out.push_back(std::move(e));
  };
  // A dyad the dictionary coded in a sentence is its to code there: a
  // lexicon event between the same two actors ("fired shells at" read as
  // an attack beside the dictionary's "fire artillery") would be a second
  // opinion on the same words.
  std::set<std::tuple<std::size_t, std::string, std::string>> dyads;
  for (const Event& e : coding.events) {
    dyads.insert({e.sentence, e.source.id, e.target.id});
    dyads.insert({e.sentence, e.target.id, e.source.id});
  }
  for (Event& e : coding.events) add(std::move(e));
  for (Event& e : lexicon_events) {
    if (OnClaimedVerb(e, coding, doc, sentences)) continue;
    if (dyads.count({e.sentence, e.source.id, e.target.id})) continue;
    add(std::move(e));
  }
  // In sentence order, the dictionary's events first within a sentence.
  // (Indices are sorted and each event moved once: an Event is dozens of
  // strings, too heavy for a merge sort to move about.)
  std::vector<std::size_t> order(out.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&out](std::size_t a, std::size_t b) {
                     return out[a].sentence < out[b].sentence;
                   });
  std::vector<Event> sorted;
  sorted.reserve(out.size());
  for (std::size_t i : order) sorted.push_back(std::move(out[i]));
  out = std::move(sorted);
  // PETRARCH codes dyads: with its dictionaries in charge of the verbs,
  // the relation lexicon's guesses at one-sided events (mostly nouns:
  // "peace talks", "a place to visit") are left out too.
  if (one_sided) one_sided->clear();
  return out;
}

}  // namespace entente
