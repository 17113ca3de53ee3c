// Approach: per sentence, find relation triggers with one phrase trie, map
// every actor mention to the token range it covers, then for each trigger
// look left for the source group and right for the target group within the
// trigger's clause (bounded by other triggers, ';' and reporting verbs).
// Modality and polarity come from a few words before the trigger; the date
// from EventDating (its clause, then the discourse, then the document).
#include "events/event_extractor.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "core/calendar.h"
#include "dates/dateline.h"
#include "events/event_dating.h"
#include "events/event_rules.h"
#include "events/literals.h"
#include "events/sentence_cues.h"
#include "events/word_classes.h"
#include "text/phrase_matcher.h"

namespace entente {
namespace {

// kBase marks a verb phrase in the base form that the lexicon does not list
// ("lift sanctions on"); it is read as a verb only after "to", a modal,
// "not" or a named subject ("agreed to lift", "will impose", "Washington
// lift"), since "a clash with" is a noun.
enum TriggerForm : int { kVerb = 0, kPassive = 1, kNoun = 2, kBase = 3 };

struct Trigger {
  std::size_t begin, end;  // tokens
  int relation;
  TriggerForm form;
  // A base form after a named subject ("demanded that Washington lift
  // sanctions"): the mandative subjunctive, an act asked for, not done.
  bool subjunctive = false;
  // Of a passive: the token of its "by" (`end`, or after a short phrase of
  // place or time: "was greeted at the airport by Kim").
  std::size_t by = 0;
};

// A group of coordinated mentions ("Blinken and Sullivan"): token range and
// the actors.
struct Group {
  std::size_t begin = 0, end = 0;
  std::vector<const ActorMention*> members;
};

// The groups of a sentence. Clear() keeps the groups and their member
// lists, whose memory the next sentence's groups reuse.
class GroupList {
 public:
  void Clear() { size_ = 0; }
  // A new group at the end, with no members yet.
  Group& Add(std::size_t begin, std::size_t end) {
    if (size_ == pool_.size()) Grow();
    Group& g = pool_[size_++];
    g.begin = begin;
    g.end = end;
    g.members.clear();
    return g;
  }
  // A new group at the end, with `members`.
  Group& Add(std::size_t begin, std::size_t end,
             std::span<const ActorMention* const> members) {
    Group& g = Add(begin, end);
    // (One by one: a group has a member or two, which assign() would copy
    // with a call of its own.)
    for (const ActorMention* m : members) g.members.push_back(m);
    return g;
  }
  Group* begin() { return pool_.data(); }
  Group* end() { return pool_.data() + size_; }
  const Group* begin() const { return pool_.data(); }
  const Group* end() const { return pool_.data() + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Group& back() { return pool_[size_ - 1]; }
  const Group& operator[](std::size_t i) const { return pool_[i]; }

 private:
  // (A call of its own, seldom made: inline, the vector's growth would
  // make every Add save and restore the registers it needs.)
  [[gnu::noinline]] void Grow() { pool_.emplace_back(); }

  std::vector<Group> pool_;
  std::size_t size_ = 0;
};

// A group of coordinated mentions while BuildGroups reads them.
struct PendingGroup {
  std::size_t begin = 0, end = 0;  // tokens
  bool has_and = false, has_comma = false;
  // Its members and their spans: `size` entries of SentenceScratch's
  // `members` and `spans` from `first`.
  std::size_t first = 0, size = 0;
};

// Buffers of the sentence being read, kept from one sentence to the next
// so that each reuses their memory instead of allocating its own.
struct SentenceScratch {
  std::vector<const ActorMention*> mentions;  // of the sentence, in order
  std::vector<Trigger> triggers;
  GroupList groups;
  // BuildGroups: the member and the token span of each mention it keeps,
  // in order (the members of a pending group are consecutive here).
  std::vector<const ActorMention*> members;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::vector<PendingGroup> pending;
  // Where clauses are bounded (Classes), in order: the openers and
  // reporting words a clause starts after (ClauseStart), and the tokens
  // a clause ends at (ClauseEnd). A sentence has few of either.
  std::vector<std::size_t> clause_openers, clause_ends;
  std::vector<std::uint32_t> word_classes;  // of each token (ClassesOf)
  SentenceCueIndex cues;
  // Parties named together before; the dateline's state (SentenceEvents).
  Group antecedent, dateline;
  // What SentenceEvents makes up when asked, overwritten each time: here,
  // not in each sentence's SentenceEvents, which would construct and
  // destroy them (an ActorMention's seven strings) for every sentence.
  Group author;
  ActorMention unidentified_mention;
  Group unidentified;
  // Whether each group is a place, once asked (SentenceEvents::IsPlace):
  // -1 not yet known, else 0 or 1.
  std::vector<signed char> group_is_place;
  std::string city_key;  // (IsCity)
  // SentenceEvents::Extract: what each trigger found.
  std::vector<std::size_t> lefts;
  std::vector<const Group*> subjects, objects;
};

// Constructs an element in place: `v.emplace_back(InPlace{make})`
// initialises it from the prvalue `make()` returns (guaranteed copy
// elision), where `v.emplace_back()` and field-by-field assignments would
// construct every member twice.
template <typename Make>
struct InPlace {
  Make make;
  operator std::invoke_result_t<Make&>() { return make(); }
};

// The CAMEO code of the intention to do what `code` names: a planned
// meeting is 036 "express intent to meet", planned aid 033, a planned
// attack a threat (138). Codes of saying things (01, 02, 03, 10-14) stay.
std::string IntentCode(const std::string& code) {
  std::string root = code.substr(0, 2);
  if (Is(code, "045")) return "039";
  if (Is(root, "04")) return "036";
  if (Is(root, "05")) return "032";
  if (Is(root, "06")) return "031";
  if (Is(root, "07")) return "033";
  if (Is(root, "08")) return "035";
  if (Is(root, "16")) return "136";
  if (Is(root, "17")) return "137";
  if (Is(root, "18") || Is(root, "19") || Is(root, "20")) return "138";
  return code;
}

// The empty actor: the target of a one-sided event. (One for all: each
// default-constructed Actor would build and destroy six strings.)
const Actor& NoActor() {
  static const Actor kNone;
  return kNone;
}

// The CAMEO entries of a relation's code, as asserted and as planned
// (IntentCode), looked up once for each relation of the lexicon.
struct RelationCodes {
  const CameoEntry* asserted = nullptr;
  const CameoEntry* planned = nullptr;
};

}  // namespace

// A place name as its folded words joined by spaces ("new york").
std::string PlaceKey(std::string_view name) {
  // A name of ASCII letters and spaces (a dateline's "BEIJING", nearly
  // every capital) tokenizes into its runs of letters, each folded by
  // lower-casing: those are joined here without the tokenizer and the
  // strings FoldPhrase allocates.
  bool plain = std::all_of(name.begin(), name.end(), [](char c) {
    return c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  std::string key;
  if (plain) {
    // (Written in place: the key is at most as long as the name.)
    key.resize(name.size());
    std::size_t n = 0;
    bool gap = false;  // spaces after a word
    for (char c : name) {
      if (c == ' ') {
        gap = n != 0;
        continue;
      }
      if (gap) key[n++] = ' ';
      gap = false;
      key[n++] = c <= 'Z' ? static_cast<char>(c | 0x20) : c;
    }
    key.resize(n);
    return key;
  }
  for (const std::string& w : FoldPhrase(name)) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

struct EventExtractor::Impl {
  const Lexicon& lex;
  PhraseMatcher matcher;
  // The states' other cities, as their folded words joined by spaces:
  // places, never parties ("leaving New York at the end of his visit").
  PhraseSet cities;
  // Capitals and cities, keyed the same way, to the index of their state:
  // where a dateline ("BEIJING (AP) -") places the story.
  std::unordered_map<std::string, std::size_t> place_states;
  // Of each relation of the lexicon, by index.
  std::vector<RelationCodes> codes;
  // Each state as the mention a dateline's place makes it, by index: made
  // once, not for every story filed there.
  std::vector<ActorMention> state_places;

  explicit Impl(const Lexicon& l) : lex(l) {
    for (const RelationEntry& r : lex.relations()) {
      codes.push_back(
          {lex.FindCameo(r.cameo), lex.FindCameo(IntentCode(r.cameo))});
    }
    state_places.resize(lex.states().size());
    for (std::size_t i = 0; i < lex.states().size(); ++i) {
      const StateEntry& st = lex.states()[i];
      state_places[i].actor =
          Actor{st.code, st.name, "state", st.code, st.code, ""};
      state_places[i].how = "place";
    }
    for (std::size_t i = 0; i < lex.states().size(); ++i) {
      const StateEntry& s = lex.states()[i];
      for (const std::string& c : s.cities) {
        std::string key = PlaceKey(c);
        place_states.emplace(key, i);
        cities.Add(std::move(key));
      }
      for (const std::string& c : s.capitals) place_states.emplace(PlaceKey(c), i);
    }
    const auto& rels = lex.relations();
    std::set<std::string> known;
    for (const auto& r : rels) {
      for (const auto* list : {&r.verbs, &r.passive, &r.nouns}) {
        for (const auto& v : *list) known.insert(Lowered(v));
      }
    }
    for (std::size_t i = 0; i < rels.size(); ++i) {
      int idx = static_cast<int>(i) * 4;
      for (const auto& v : rels[i].verbs) matcher.Add(v, idx + kVerb, false);
      // "agreed to lift embargoes on", "will extend the curfew in": the
      // base form the lexicon leaves out, after "to" and modal verbs.
      // (A base form the relation lists as its own noun is both: "a protest
      // against", "to protest against"; FindTriggers tells them apart.)
      for (const std::string& v : BaseForms(rels[i].verbs)) {
        bool own_noun = std::any_of(
            rels[i].nouns.begin(), rels[i].nouns.end(),
            [&](const std::string& n) { return Lowered(n) == Lowered(v); });
        if (known.insert(Lowered(v)).second || own_noun) {
          matcher.Add(v, idx + kBase, false);
        }
      }
      for (const auto& v : rels[i].passive) {
        matcher.Add(v, idx + kPassive, false);
      }
      for (const auto& v : rels[i].nouns) matcher.Add(v, idx + kNoun, false);
    }
  }

  // The "by" of a passive agent at token `at`, or after a phrase of place
  // or time of at most five tokens that opens with a preposition ("at the
  // airport by", "in Beijing on Monday by"); 0 when there is none.
  static std::size_t AgentBy(const std::vector<Token>& t, std::size_t at) {
    if (at >= t.size()) return 0;
    if (Is(t[at].folded, "by")) return at;
    std::string_view f = t[at].folded;
    if (!Is(f, "at") && !Is(f, "in") && !Is(f, "on") && !Is(f, "upon") &&
        !Is(f, "during")) {
      return 0;
    }
    for (std::size_t i = at + 1; i < t.size() && i <= at + 5; ++i) {
      if (Is(t[i].folded, "by")) return i;
      if (!t[i].is_word || Is(t[i].folded, "and")) return 0;
    }
    return 0;
  }

  static bool BaseFormCue(std::string_view f) {
    return Is(f, "to") || Is(f, "will") || Is(f, "would") || Is(f, "shall") ||
           Is(f, "should") || Is(f, "can") || Is(f, "could") || Is(f, "may") ||
           Is(f, "might") || Is(f, "must") || Is(f, "not") || Is(f, "n't") ||
           Is(f, "did") || Is(f, "does") || Is(f, "'ll");
  }

  static std::string Lowered(std::string s) {
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  }

  // The base forms of a relation's verb phrases in the third person
  // singular ("lifts sanctions on" -> "lift sanctions on", "relaxes
  // restrictions on" -> "relax restrictions on"), for phrases whose rest the
  // relation also lists after another form of the verb ("lifted sanctions
  // on"), which shows the first word is a verb.
  static std::vector<std::string> BaseForms(
      const std::vector<std::string>& verbs) {
    auto split = [](const std::string& v) {
      std::size_t sp = v.find(' ');
      return std::pair<std::string, std::string>(
          v.substr(0, sp), sp == std::string::npos ? "" : v.substr(sp));
    };
    std::vector<std::string> out;
    for (const std::string& v : verbs) {
      auto [head, rest] = split(v);
      // (Phrases only: a bare base form - "support", "return", "call" -
      // is as often a noun.)
      if (rest.empty() || head.size() < 4 || head.back() != 's' ||
          head.ends_with("ss")) {
        continue;
      }
      bool inflected = std::any_of(verbs.begin(), verbs.end(),
                                   [&](const std::string& other) {
                                     auto [h, r] = split(other);
                                     // (or an irregular past of the
                                     // same stem: "withdrew", "withheld")
                                     return r == rest && h != head &&
                                            (h.ends_with("ed") ||
                                             (h.size() >= 4 &&
                                              h.back() != 's' &&
                                              h.compare(0, 4, head, 0, 4) ==
                                                  0));
                                   });
      if (!inflected) continue;
      std::string base = head.substr(0, head.size() - 1);
      if (head.ends_with("ies")) {
        base = head.substr(0, head.size() - 3) + "y";
      } else if (head.ends_with("xes") || head.ends_with("ches") ||
                 head.ends_with("shes") || head.ends_with("sses") ||
                 head.ends_with("zes")) {
        base = head.substr(0, head.size() - 2);
      }
      out.push_back(base + rest);
    }
    return out;
  }

  // Whether the verb form at token `i` stands where only a noun or an
  // adjective can: after an article ("the fight against", "the occupied
  // West Bank"), or, inflected, after a preposition or a figure ("at
  // targets in Jericho", "30 bombs"). (Not after a possessive: "reiterated
  // its demand that Israel ..." still demands.)
  static bool NominalSlot(const std::vector<Token>& t, std::size_t i) {
    if (i == 0) return false;
    std::string_view before = t[i - 1].folded;
    if (Is(before, "the") || Is(before, "a") || Is(before, "an") ||
        Is(before, "this") || Is(before, "these") || Is(before, "those") ||
        Is(before, "each") || Is(before, "every")) {
      return true;
    }
    std::string_view w = t[i].folded;
    if (!(w.ends_with("s") || w.ends_with("ed"))) return false;
    bool figure = !before.empty() && before[0] >= '0' && before[0] <= '9';
    return figure || Is(before, "at") || Is(before, "of") || Is(before, "in") ||
           Is(before, "on") || Is(before, "into") || Is(before, "from") ||
           Is(before, "with") || Is(before, "against");
  }

  // The first of words[i, n) that passes openings.MayStart, or n. (A loop
  // of its own, which stores nothing: its pointers stay in registers. Four
  // words a round, each with its own exit, so that the count and the test
  // of the end are paid once for four words, not at every word: most
  // words start no phrase.)
  static std::size_t NextOpening(const PhraseMatcher::OpeningFilter& openings,
                                 const Token* words, std::size_t i,
                                 std::size_t n) {
    for (; n - i >= 4; i += 4) {
      if (openings.MayStart(words[i].hash)) return i;
      if (openings.MayStart(words[i + 1].hash)) return i + 1;
      if (openings.MayStart(words[i + 2].hash)) return i + 2;
      if (openings.MayStart(words[i + 3].hash)) return i + 3;
    }
    for (; i != n; ++i) {
      if (openings.MayStart(words[i].hash)) return i;
    }
    return n;
  }

  // Sets `*triggers` to the triggers of `t`. (The buffer is reused from
  // sentence to sentence.)
  void FindTriggers(const std::vector<Token>& t,
                    std::vector<Trigger>* triggers) const {
    std::vector<Trigger>& out = *triggers;
    out.clear();
    // Most words start no phrase: one byte of the matcher's opening filter
    // says so, and a second test, of the next word, passes over most of
    // the others (as the actors stage scans). Only where both pass is a
    // phrase looked for, and LongestAt looks up only the words it reads,
    // not the sentence as a whole.
    const PhraseMatcher::OpeningFilter openings = matcher.opening_filter();
    const Token* words = t.data();
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n;) {
      i = NextOpening(openings, words, i, n);
      if (i == n) break;
      if (!openings.MayOpen(words, i, n)) {
        ++i;
        continue;
      }
      PhraseMatcher::Match m = matcher.LongestAt(t, i, n);
      if (m.length == 0) {
        ++i;
        continue;
      }
      // A passive participle counts as passive only between a form of "be"
      // and "by"; otherwise the phrase's active or nominal reading holds.
      std::size_t by = AgentBy(t, i + m.length);
      bool passive_context = i > 0 && IsBeVerb(t[i - 1].folded) && by != 0;
      int chosen = -1;
      for (int p : *m.payloads) {
        bool passive = p % 4 == kPassive;
        if (passive == passive_context) {
          chosen = p;
          break;
        }
      }
      // "were killed in a clash": a passive without its agent; its
      // subject is the target, and the source is not named.
      bool agentless = !passive_context && i > 0 &&
                       IsBeVerb(t[i - 1].folded) &&
                       std::any_of(m.payloads->begin(), m.payloads->end(),
                                   [](int p) { return p % 4 == kPassive; });
      // ("to protest against": after "to", a phrase the lexicon has as a
      // verb's base form and as a noun is the verb.)
      if (chosen >= 0 && chosen % 4 == kNoun && i > 0 &&
          Is(t[i - 1].folded, "to")) {
        auto base = std::find_if(m.payloads->begin(), m.payloads->end(),
                                 [](int p) { return p % 4 == kBase; });
        if (base != m.payloads->end()) chosen = *base;
      }
      if ((chosen < 0 && !passive_context) || agentless) {
        ++i;
        continue;
      }
      if (chosen < 0) chosen = m.payloads->front();
      if (chosen % 4 == kBase) {
        // (... or after a named subject: "demanded that Washington lift
        // sanctions on ...", "the United States and Japan lift ...".)
        bool named = i > 1 && t[i - 1].capitalized;
        if (i == 0 ||
            !(BaseFormCue(t[i - 1].folded) || named ||
              Is(t[i - 1].folded, "they") || Is(t[i - 1].folded, "we"))) {
          ++i;
          continue;
        }
        out.push_back({i, i + m.length, (chosen - kBase) / 4, kVerb, named});
        i += m.length;
        continue;
      }
      // (A verb form in a noun's slot is that noun, if the lexicon lists
      // it as one, or no trigger.)
      if (chosen % 4 == kVerb && NominalSlot(t, i)) {
        auto noun = std::find_if(m.payloads->begin(), m.payloads->end(),
                                 [](int p) { return p % 4 == kNoun; });
        if (noun == m.payloads->end()) {
          ++i;
          continue;
        }
        chosen = *noun;
      }
      out.push_back({i, i + m.length, chosen / 4,
                     static_cast<TriggerForm>(chosen % 4), false, by});
      i += m.length;
    }
  }
};

EventExtractor::EventExtractor(const Lexicon& lexicon)
    : impl_(std::make_unique<Impl>(lexicon)) {}
EventExtractor::~EventExtractor() = default;

namespace {

// Keeps the first event of each (source, relation, target, date,
// polarity, modality) of a document (one-sided events: their target is
// empty). An event is checked before it is built, by a hash of its key and
// then the key's fields of the kept events; nothing is copied, and a
// repeat costs no strings. (An open-addressing table of (hash, index)
// slots: a node-based map allocated a node for every event kept.)
class FirstOfEachKey {
 public:
  FirstOfEachKey() = default;
  // (slots_ may point into this.)
  FirstOfEachKey(const FirstOfEachKey&) = delete;
  FirstOfEachKey& operator=(const FirstOfEachKey&) = delete;

  struct Key {
    std::string_view source, relation, target, date, polarity, modality;
    // TriggerHash(relation, date): the same for every event of a trigger,
    // so hashed once for them all.
    std::uint64_t trigger_hash;
  };

  static std::uint64_t TriggerHash(std::string_view relation,
                                   std::string_view date) {
    return (FieldHash(relation) * 0x9E3779B97F4A7C15ULL) ^ FieldHash(date);
  }

  // Whether an event of `events` kept here has key `k`. If none has, the
  // event the caller appends next to `events` is kept under `k`.
  bool SeenOrKeep(const Key& k, const std::vector<Event>& events) {
    // (At most half full: probes stay short.)
    if (2 * (size_ + 1) > capacity_) Grow();
    std::uint64_t h = Hash(k);
    std::size_t mask = capacity_ - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.after == 0) {
        s = {h, events.size() + 1};
        ++size_;
        return false;
      }
      if (s.hash == h && SameKey(events[s.after - 1], k)) return true;
    }
  }

 private:
  // (An empty slot is all zeros: a table is cleared as one block.)
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t after = 0;  // 1 + the index in the caller's list; 0: empty
  };
  // Most documents keep a few events: the first table is in place, and
  // only a larger one is allocated.
  static constexpr std::size_t kFirst = 16;

  void Grow() {
    std::vector<Slot> grown(2 * capacity_);
    std::size_t mask = grown.size() - 1;
    for (std::size_t j = 0; j < capacity_; ++j) {
      const Slot& s = slots_[j];
      if (s.after == 0) continue;
      std::size_t i = s.hash & mask;
      while (grown[i].after != 0) i = (i + 1) & mask;
      grown[i] = s;
    }
    larger_ = std::move(grown);
    slots_ = larger_.data();
    capacity_ = larger_.size();
  }

  // (Of the fields that tell most events apart; SameKey compares all, so
  // the hash need only spread the keys, not fold their case: a field is
  // read as its first and last eight bytes (four, of a shorter one; three
  // bytes of one shorter still) and its size, which tell apart ids
  // ("sergei-lavrov", "sergei-shoigu"), codes and dates.)
  static std::uint64_t Hash(const Key& k) {
    std::uint64_t x = FieldHash(k.source);
    x = (x ^ FieldHash(k.target)) * 0x9E3779B97F4A7C15ULL;
    x = (x ^ k.trigger_hash) * 0x9E3779B97F4A7C15ULL;
    return x ^ (x >> 47);
  }
  static std::uint64_t FieldHash(std::string_view f) {
    std::uint64_t head = 0, tail = 0;
    if (f.size() >= 8) {
      std::memcpy(&head, f.data(), 8);
      std::memcpy(&tail, f.data() + f.size() - 8, 8);
    } else if (f.size() >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, f.data(), 4);
      std::memcpy(&b, f.data() + f.size() - 4, 4);
      head = (std::uint64_t{a} << 32) | b;
    } else if (!f.empty()) {
      head = static_cast<unsigned char>(f[0]) |
             static_cast<unsigned char>(f[f.size() / 2]) << 8 |
             static_cast<unsigned char>(f.back()) << 16;
    }
    return (head * 0xC2B2AE3D27D4EB4FULL) ^ (tail * 0x165667B19E3779F9ULL) ^
           f.size();
  }
  static bool SameKey(const Event& e, const Key& k) {
    return e.source.id == k.source && e.relation == k.relation &&
           e.target.id == k.target && e.date.value == k.date &&
           e.polarity == k.polarity && e.modality == k.modality;
  }

  std::array<Slot, kFirst> first_{};
  std::vector<Slot> larger_;       // once first_ was half full
  Slot* slots_ = first_.data();    // first_ or larger_
  std::size_t capacity_ = kFirst;  // a power of two
  std::size_t size_ = 0;           // slots in use
};

// Whether `mentions` include two that a joint group (SentenceEvents::
// IsJoint) may hold: of a country each, not groups, of two countries. A
// sentence without them has no joint parties, whatever its groups.
bool MayBeJoint(const std::vector<const ActorMention*>& mentions) {
  const std::string* country = nullptr;  // of the first that may be a party
  for (const ActorMention* m : mentions) {
    const Actor& a = m->actor;
    if (a.country.empty() || Is(a.kind, "group")) continue;
    if (!country) {
      country = &a.country;
    } else if (a.country != *country) {
      return true;
    }
  }
  return false;
}

// Whether a token of `tokens` is "must": a sentence with one is read even
// without a trigger, and only such a sentence can gain a demand
// (SentenceEvents::AddMustDemands). (Asked only of a sentence that nothing
// else makes read: SentenceEvents learns it from its word classes.)
bool HasMust(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) {
    return t.folded.size() == 4 && Is(t.folded, "must");
  });
}

class SentenceEvents {
 public:
  // Reads the mentions in `scratch->mentions`; uses the other buffers of
  // `scratch`, which must outlive this.
  SentenceEvents(const Lexicon& lex, const Document& doc,
                 const Sentence& sentence, std::size_t index,
                 const std::vector<Token>& tokens, SentenceScratch* scratch,
                 const EventDating& dating,
                 const PhraseSet& cities,
                 std::span<const RelationCodes> codes)
      : lex_(lex),
        doc_(doc),
        sentence_(sentence),
        index_(index),
        t_(tokens),
        mentions_(scratch->mentions),
        scratch_(*scratch),
        groups_(scratch->groups),
        dating_(dating),
        cities_(cities),
        codes_(codes),
        antecedent_(scratch->antecedent),
        dateline_(scratch->dateline),
        author_(scratch->author),
        unidentified_mention_(scratch->unidentified_mention),
        unidentified_(scratch->unidentified) {
    antecedent_.begin = antecedent_.end = 0;
    antecedent_.members.clear();
    dateline_.begin = dateline_.end = 0;
    dateline_.members.clear();
    BuildGroups();
    scratch_.group_is_place.assign(groups_.size(), -1);
  }

  // Appends the events to `out` and those whose sentence names a source
  // but no target ("Iran agreed to ...") to `one_sided` (may be null),
  // leaving out those whose key `seen` (`seen_one_sided`) kept before.
  // (`*triggers`, the sentence's, may gain the demands of AddMustDemands.)
  void Extract(std::vector<Trigger>* sentence_triggers, std::vector<Event>* out,
               FirstOfEachKey* seen, std::vector<Event>* one_sided,
               FirstOfEachKey* seen_one_sided) {
    one_sided_ = one_sided;
    seen_ = seen;
    seen_one_sided_ = seen_one_sided;
    // (A sentence with a trigger has its words' classes looked up anyway,
    // which tell "must"; one without is scanned for it alone.)
    bool has_must =
        sentence_triggers->empty() ? HasMust(t_) : (Classes(), has_must_);
    if (has_must) AddMustDemands(sentence_triggers);
    const std::vector<Trigger>& triggers = *sentence_triggers;
    first_trigger_ = triggers.empty() ? t_.size() : triggers.front().begin;
    std::vector<std::size_t>& lefts = scratch_.lefts;
    std::vector<const Group*>& subjects = scratch_.subjects;
    std::vector<const Group*>& objects = scratch_.objects;
    lefts.assign(triggers.size(), 0);
    subjects.assign(triggers.size(), nullptr);
    objects.assign(triggers.size(), nullptr);
    // The cues trigger k - 1 was read with (none if it was passed over):
    // only the next trigger asks for them, so one is kept, not a list.
    std::optional<Cues> previous;
    // Whether trigger k - 1 governs trigger k and takes it as its object,
    // as trigger k - 1 found (they are asked again of k); unknown when it
    // was passed over.
    bool known_of_previous = false;
    bool previous_governs = false, previous_object_noun = false;
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      const Trigger& tr = triggers[k];
      // "rejected North Korea's demand to ...", "rejected a US offer to
      // host a summit": what a rejection rejects is its object, not an
      // event of its own.
      if (k > 0 && RejectedNoun(triggers[k - 1], tr)) {
        previous.reset();
        known_of_previous = false;
        continue;
      }
      if (k > 0 && !known_of_previous) {
        previous_governs = Governs(triggers[k - 1], tr);
        previous_object_noun = ObjectNoun(triggers[k - 1], tr);
      }
      std::size_t left = k > 0 ? triggers[k - 1].end : 0;
      left = std::max(left, ClauseStart(tr.begin));
      // "X refused to meet Y", "X threatened to attack Y": the relation
      // word right after a phrase ending in "to" shares its subject.
      bool governed = k > 0 && previous_governs;
      if (governed) left = lefts[k - 1];
      lefts[k] = left;
      // A verb whose partner a preposition names reads past the nouns of
      // its topic ("discussed the war with Putin").
      std::size_t next = k + 1;
      if (!lex_.relations()[tr.relation].partner.empty()) {
        while (next < triggers.size() && triggers[next].form == kNoun) ++next;
      }
      std::size_t right = next < triggers.size() ? triggers[next].begin
                                                 : t_.size();
      right = std::min(right, ClauseEnd(tr.end));
      // ... and the governing phrase takes the object of the one it
      // governs ("refused to meet Y" rejects Y).
      std::size_t object_from = tr.end;
      // A governing phrase with no object of its own says nothing the
      // governed event does not ("agreed to" + "cooperation with X").
      governed_ = governed;
      const bool governs_next =
          k + 1 < triggers.size() && Governs(tr, triggers[k + 1]);
      const bool object_noun_next =
          k + 1 < triggers.size() && ObjectNoun(tr, triggers[k + 1]);
      governs_next_ = governs_next;
      // "provided aid for Romania": a noun of the verb's own kind right
      // after it is its object, which says to whom; the verb alone says
      // nothing more.
      if (object_noun_next) governs_next_ = true;
      if (governs_next &&
          triggers[k + 1].begin == tr.end) {
        object_from = triggers[k + 1].end;
        std::size_t next_right = k + 2 < triggers.size()
                                     ? triggers[k + 2].begin
                                     : t_.size();
        right = std::min(next_right, ClauseEnd(object_from));
      }
      std::optional<Cues> forced;
      if (governed) forced = GovernedCues(triggers[k - 1], tr, left, right);
      // "urged Israel and Hamas to return to negotiations", "called on
      // India and Pakistan to resume talks": what an appeal or a demand
      // asks for has not happened.
      if (!forced && k > 0 && AskedFor(triggers[k - 1], tr)) {
        forced = ReadCues(t_, CueIndex(), tr.begin, left, right);
        forced->modality = "hypothetical";
      }
      // "Saudi Arabia will host talks between ...", "could host a summit
      // of ...": a noun that is the object of a verb in the future or a
      // condition is as planned or as possible as the verb.
      if (!forced && k > 0 && previous && ObjectOfVerb(triggers[k - 1], tr) &&
          (Is(previous->modality, "planned") ||
           Is(previous->modality, "hypothetical"))) {
        forced = ReadCues(t_, CueIndex(), tr.begin, left, right);
        forced->modality = previous->modality;
      }
      // "Pelosi arrived in Taipei ... and met Tsai", "spent hours in talks
      // and at a dinner with Qin": a second verb or noun joined by "and"
      // shares the subject of the first.
      const Group* shared = nullptr;
      // (A verb after a plain noun is not its predicate: "talks on a NATO
      // summit ... and met EU leaders" is not NATO meeting them.) The
      // second predicate's dates start at its "and".
      std::size_t and_at = 0;
      // A verb inside a description of the subject set off by commas
      // ("..., the first U.S. official to visit the island, and met") is not
      // the predicate the "and" joins.
      std::size_t j = k;
      if (std::size_t d = DescriptionStart(tr.begin); d != kNone) {
        while (j > 0 && triggers[j - 1].begin > d) --j;
      }
      // "North Korea denounced the summit and warned Japan": a meeting
      // word that is no predicate of its own (the object of "denounced")
      // stands inside the predicate before the "and".
      while (j > 1 && IsPredicate(tr) && !IsPredicate(triggers[j - 1]) &&
             IsPredicate(triggers[j - 2]) &&
             !BreaksClause(triggers[j - 2].end, triggers[j - 1].begin)) {
        --j;
      }
      if (j > 0 && subjects[j - 1] &&
          IsPredicate(triggers[j - 1]) == IsPredicate(tr) &&
          JoinedByAnd(triggers[j - 1].end, tr.begin, objects[j - 1],
                      &and_at)) {
        shared = subjects[j - 1];
        left = std::max(left, and_at);
      }
      // "The two leaders accepted the plan at a meeting in Brussels": a
      // meeting word after "at" or "during" is the subject's meeting.
      if (tr.form == kNoun &&
          (AfterSettingWord(tr.begin) ||
           MeetingSetting(tr, k > 0 ? &triggers[k - 1] : nullptr))) {
        if (k > 0 && subjects[k - 1] &&
            !BreaksClause(triggers[k - 1].end, tr.begin)) {
          shared = subjects[k - 1];
        } else if (const Group* g = ClauseSubject(tr.begin)) {
          shared = g;
        }
      }
      // ... the noun that is a verb's object ("provided aid for"), the
      // verb's subject ...
      if (!shared && k > 0 && subjects[k - 1] &&
          previous_object_noun) {
        shared = subjects[k - 1];
        // (What an intention names is planned: "will send" + "aid to".)
        const std::string& verb = lex_.relations()[triggers[k - 1].relation].cameo;
        if (!forced && StartsWith(verb, "03")) {
          forced = GovernedCues(triggers[k - 1], tr, left, right);
        }
      }
      // "Harris said Washington would keep supporting Ukraine and called
      // on Congress": a past verb right after "and" cannot continue what a
      // modal governs; it is the speaker's.
      if (!shared && tr.form == kVerb && tr.begin > 0 &&
          Is(t_[tr.begin - 1].folded, "and")) {
        if (const Group* speaker = SpeakerAcrossModal(tr.begin)) {
          shared = speaker;
          left = tr.begin;
        } else if (const Group* subject = ClauseSubject(tr.begin);
                   subject && subject->end + 1 < tr.begin &&
                   t_[tr.begin].folded.back() != 's' &&
                   ObjectOfPreposition(GroupBefore(tr.begin, left))) {
          // "Paris would keep sending weapons to Ukraine and urge Germany":
          // a verb right after "and" has no subject of its own; the
          // party before it is the object of the verb before. (A word in
          // -s may be a plural noun: "... and abuses in Tibet".)
          shared = subject;
        }
      }
      // "is expected to travel to Washington next week to meet Trump",
      // "summoned China's ambassador to protest against ...": an
      // infinitive of purpose after the first predicate's object or place
      // is that predicate's subject's act.
      if (!shared && !governed && !forced && k > 0 && subjects[k - 1] &&
          PurposeInfinitive(triggers[k - 1], tr)) {
        shared = subjects[k - 1];
      }
      // ... and its modality and negation: "is expected to travel to
      // Ukraine and to meet Zelensky" plans both.
      // (Not across "but", which contrasts them: "did not meet Kim, but
      // praised him".)
      shared_cues_ = shared && k > 0 && shared == subjects[k - 1] &&
                             !(and_at != 0 && Is(t_[and_at].folded, "but"))
                         ? previous
                         : std::nullopt;
      // "Cairo had not been consulted on the filling of the dam and
      // accused Addis Ababa": the negation of a passive does not reach an
      // active verb after the "and", which is a predicate of its own (it
      // has its own object; "not been ... accused" would be passive too).
      if (shared_cues_ && shared_cues_->negated && tr.form == kVerb &&
          PassiveVoice(triggers[k - 1])) {
        shared_cues_->negated = false;
      }
      last_cues_.reset();
      std::tie(subjects[k], objects[k]) =
          ExtractOne(tr, left, right, object_from, forced, shared, out);
      if (!main_subject_) main_subject_ = subjects[k];
      known_of_previous = true;
      previous_governs = governs_next;
      previous_object_noun = object_noun_next;
      // (Moved: last_cues_ is reset before the next trigger is read.)
      previous = std::move(last_cues_);
    }
  }

 private:
  // Whether `tr` is a verb in the passive voice: a past participle after a
  // form of "be" ("was warned", "had not been consulted").
  bool PassiveVoice(const Trigger& tr) const {
    if (tr.form == kPassive) return true;
    return tr.form == kVerb && tr.begin > 0 &&
           IsBeVerb(t_[tr.begin - 1].folded);
  }

  // True when `first` is a phrase ending in "to" that `second` follows at
  // once ("agreed to" + "visit") or after a few words of its own clause
  // ("agreed to strengthen security" + "cooperation with").
  bool Governs(const Trigger& first, const Trigger& second) const {
    if (first.form != kVerb || first.end <= first.begin ||
        !Is(t_[first.end - 1].folded, "to") || second.begin < first.end ||
        second.begin - first.end > 3) {
      return false;
    }
    for (std::size_t i = first.end; i < second.begin; ++i) {
      if (IsClauseBreak(t_[i].folded) || Is(t_[i].folded, "and")) return false;
      for (const Group& g : groups_) {
        if (g.begin == i) return false;  // a new party: a new clause
      }
    }
    return true;
  }

  // Whether tokens [from, to) end in a comma and a noun phrase with an
  // article ("..., a human rights group protested"): the verb at `to` has
  // a subject of its own that no party stands for.
  bool UnknownSubject(std::size_t from, std::size_t to) const {
    std::size_t comma = to;
    for (std::size_t i = to; i > from; --i) {
      if (Is(t_[i - 1].folded, ",")) {
        comma = i - 1;
        break;
      }
      if (!t_[i - 1].is_word) return false;
    }
    if (comma == to || comma + 2 >= to) return false;
    std::string_view first = t_[comma + 1].folded;
    return Is(first, "a") || Is(first, "an") || Is(first, "the");
  }

  // Whether a verb of ending ("lifted", "ended", "eased") stands at most
  // five words before the noun at `begin`, after `left`, with no party or
  // clause break between.
  bool EndedBefore(std::size_t begin, std::size_t left) const {
    for (std::size_t i = begin; i > left && begin - i < 6; --i) {
      std::string_view f = t_[i - 1].folded;
      if (IsEnding(f)) return true;
      if (IsClauseBreak(f)) return false;
      for (const Group& g : groups_) {
        if (g.begin <= i - 1 && i - 1 < g.end) return false;
      }
    }
    return false;
  }

  // "lifted", "lifts", "lift", "lifting", "ended", "ends", "end", "ending",
  // "eased", "eases", "ease", "easing", "relaxed", "relaxes", "scrapped",
  // "scraps". (By length, inline: a std::set look-up
  // compared strings for each word.)
  static bool IsEnding(std::string_view f) {
    switch (f.size()) {
      case 3:
        return Is(f, "end");
      case 4:
        return Is(f, "lift") || Is(f, "ends") || Is(f, "ease");
      case 5:
        return Is(f, "lifts") || Is(f, "ended") || Is(f, "eased") ||
               Is(f, "eases");
      case 6:
        return Is(f, "lifted") || Is(f, "ending") || Is(f, "easing") ||
               Is(f, "scraps");
      case 7:
        return Is(f, "lifting") || Is(f, "relaxed") || Is(f, "relaxes");
      case 8:
        return Is(f, "scrapped");
      default:
        return false;
    }
  }

  // The relation that eases a coercive act of CAMEO `cameo`: sanctions
  // (163) are eased as sanctions (085), restrictions (17) as restrictions
  // (081), force (18-20) by de-escalation (087); null for the rest.
  const RelationEntry* EasingOf(const std::string& cameo) const {
    if (StartsWith(cameo, "163")) return RelationNamed("ease_sanctions");
    if (StartsWith(cameo, "17")) return RelationNamed("ease_restrictions");
    if (cameo[0] == '2' || StartsWith(cameo, "18") || StartsWith(cameo, "19")) {
      return RelationNamed("de_escalate");
    }
    return nullptr;
  }

  // Whether the party `g` is followed by "'s" and, within four words, a
  // word for what it said or did ("Reagan's latest policy statement",
  // "Iran's decision").
  bool WelcomesAnAct(const Group& g) const {
    static const std::set<std::string, std::less<>> kActs = {
        "statement", "statements", "decision", "decisions", "move",
        "moves", "proposal", "proposals", "plan", "offer", "announcement",
        "initiative", "efforts", "call", "remarks", "commitment",
        "pledge", "steps", "release", "victory", "election", "speech"};
    if (g.end >= t_.size() || !Is(t_[g.end].folded, "'s")) return false;
    for (std::size_t i = g.end + 1; i < t_.size() && i <= g.end + 4; ++i) {
      if (kActs.count(t_[i].folded)) return true;
      if (!t_[i].is_word || IsClauseBreak(t_[i].folded)) return false;
    }
    return false;
  }

  // Whether the noun trigger `noun` is the object of the verb trigger
  // `verb`: of the same CAMEO root or intended by it, at most three words
  // on, with no party, "and" or clause break between ("provided aid for",
  // "will send military aid to", "staged a protest against").
  [[gnu::always_inline]] bool ObjectNoun(const Trigger& verb,
                                         const Trigger& noun) const {
    if (verb.form != kVerb || noun.form != kNoun || noun.begin < verb.end) {
      return false;
    }
    const std::string& a = lex_.relations()[verb.relation].cameo;
    const std::string& b = lex_.relations()[noun.relation].cameo;
    // (An intention's object is what it intends: "will send" + "aid to".
    // Words of saying and meeting take topics: "discussed meeting in
    // person" is no meeting.)
    bool intent = StartsWith(a, "03");
    // ("signed a landmark defence agreement with": the noun of the verb's
    // own relation, under modifiers the verb's phrases do not list, names
    // the partner.)
    bool same = verb.relation == noun.relation;
    if (!intent && !same && !IsMaterialAct(a) && !StartsWith(a, "14")) {
      return false;
    }
    if (a.compare(0, 2, b, 0, 2) != 0 && !intent) return false;
    // (The words between are counted last: the codes rule out most pairs.)
    if (WordsBetween(verb.end, noun.begin, 3) > 3 ||
        Is(t_[verb.end - 1].folded, "to")) {
      return false;
    }
    for (std::size_t i = verb.end; i < noun.begin; ++i) {
      if (InsideNumber(i)) continue;  // "25,000 tons of food aid"
      if (IsClauseBreak(t_[i].folded) || Is(t_[i].folded, "and")) return false;
      for (const Group& g : groups_) {
        if (g.begin == i) return false;
      }
    }
    return true;
  }

  // Whether the verb phrase `tr` ends in its own object ("reach an
  // agreement", "broke off talks", not "talks with", "urged") and is
  // followed, at `from`, by "on", "over" or "about", which then introduce
  // its topic, not a party.
  [[gnu::always_inline]] bool TopicAfter(const Trigger& tr,
                                         std::size_t from) const {
    static const std::unordered_set<std::string_view> kParticles = {
        "to",   "with", "on",   "over", "about", "against", "for", "from",
        "in",   "into", "at",   "by",   "of",    "between", "among",
        "off",  "out",  "up",   "down", "back",  "away"};
    if (tr.form != kVerb || from != tr.end || from >= t_.size()) return false;
    std::string_view next = t_[from].folded;
    // "warned of the threat posed by Beijing", "warned against a
    // ceasefire": a warning of something is about it, not aimed at it.
    if (tr.end == tr.begin + 1 &&
        StartsWith(lex_.relations()[tr.relation].cameo, "13")) {
      return Is(next, "of") || Is(next, "about") || Is(next, "against");
    }
    if (tr.end < tr.begin + 2) return false;
    return (Is(next, "on") || Is(next, "over") || Is(next, "about")) &&
           !kParticles.count(t_[tr.end - 1].folded);
  }

  // Whether `tr` says an act its plural subject does to each other
  // ("Ukraine and Russia agreed to a truce"): a verb of a mutual relation
  // that governs no relation word after it ("agreed to meet" is its own),
  // and a phrase, not a lone verb ("Britain and France joined the
  // coalition" joined no one); or a noun of such a relation that a verb
  // governs ("agreed to a 30-day ceasefire").
  bool MutualAct(const Trigger& tr, const RelationEntry& rel) const {
    if (!rel.mutual || governs_next_) return false;
    return tr.form == kVerb ? tr.end > tr.begin + 1 : governed_;
  }

  // Whether a trigger is said as a verb: a verb, or a noun after a light
  // verb ("held separate talks", "had a phone call").
  [[gnu::always_inline]] bool IsPredicate(const Trigger& tr) const {
    if (tr.form != kNoun) return true;
    for (std::size_t i = tr.begin; i > 0 && tr.begin - i < 4; --i) {
      std::string_view f = t_[i - 1].folded;
      if (Is(f, "held") || Is(f, "holds") || Is(f, "hold") || Is(f, "had") ||
          Is(f, "has") || Is(f, "have") || Is(f, "conducted") ||
          Is(f, "began") || Is(f, "attended") || Is(f, "attends")) {
        return true;
      }
    }
    return false;
  }

  // Whether tokens [from, to) between two triggers join them as two
  // predicates of one subject: an "and" with no party after it (the first
  // trigger's object, `object`, may stand before it) and no clause break
  // other than a comma before the "and".
  bool JoinedByAnd(std::size_t from, std::size_t to, const Group* object,
                   std::size_t* and_position) const {
    std::size_t and_at = to;
    for (std::size_t i = to; i > from; --i) {
      // ("praised Saudi Arabia and Turkey for their mediation, but accused
      // India": "but" joins two predicates of one subject as "and" does.)
      if (Is(t_[i - 1].folded, "and") || Is(t_[i - 1].folded, "but")) {
        and_at = i - 1;
        break;
      }
    }
    if (and_at == to || to - and_at > 4) return false;
    for (const Group& g : groups_) {
      if (g.begin >= from && g.begin < to && &g != object && !IsPlace(g) &&
          !InDescription(g, from, and_at)) {
        return false;
      }
    }
    for (std::size_t i = and_at + 1; i < to; ++i) {
      if (IsClauseBreak(t_[i].folded)) return false;
    }
    *and_position = and_at;
    return true;
  }

  // The party before the reporting verb of a reported clause that a modal
  // governs ("said Washington would keep supporting Ukraine"), when the
  // verb at token `verb` after that clause's "and" is in the past tense.
  const Group* SpeakerAcrossModal(std::size_t verb) const {
    if (!IsPastForm(t_[verb].folded)) return nullptr;
    bool modal = false;
    for (std::size_t i = verb; i > 0; --i) {
      std::string_view f = t_[i - 1].folded;
      if (Is(f, ";") || Is(f, ":")) return nullptr;
      if (Is(f, "would") || Is(f, "will") || Is(f, "could") || Is(f, "can") ||
          Is(f, "may") || Is(f, "might") || Is(f, "should") || Is(f, "must")) {
        modal = true;
      }
      if (IsReportingWord(f) && !Is(f, "according")) {
        if (!modal || i - 1 == 0) return nullptr;
        return GroupBefore(i - 1, ClauseStart(i - 1));
      }
    }
    return nullptr;
  }

  // Whether a preposition introduces the group ("to Ukraine"): it is an
  // object, not the subject of what follows it.
  bool ObjectOfPreposition(const Group* g) const {
    if (!g || g->begin == 0) return false;
    std::string_view f = t_[g->begin - 1].folded;
    return Is(f, "to") || Is(f, "on") || Is(f, "with") || Is(f, "for") ||
           Is(f, "against") || Is(f, "from") || Is(f, "in") || Is(f, "at") ||
           Is(f, "of") || Is(f, "into") || Is(f, "toward") || Is(f, "towards");
  }

  static bool IsPastForm(std::string_view f) {
    if (f.size() > 4 && f.compare(f.size() - 2, 2, "ed") == 0) return true;
    static constexpr std::string_view kIrregular[] = {
        "met", "spoke", "told", "held", "sent", "made", "took", "gave",
        "went", "came", "flew", "left", "won", "struck", "threw", "sought"};
    for (std::string_view w : kIrregular) {
      if (f == w) return true;
    }
    return false;
  }

  // Whether a preposition of time ("after", "during") opens the noun
  // phrase of the word at `noun` ("after the talks", "during the final
  // weeks of talks"), at most five tokens before it and after `from`.
  bool BehindTimePreposition(std::size_t noun, std::size_t from) const {
    for (std::size_t i = noun; i > from && noun - i < 6; --i) {
      std::string_view f = t_[i - 1].folded;
      if (IsTimePreposition(f)) return true;
      if (!t_[i - 1].is_word) return false;
    }
    return false;
  }

  static bool IsTimePreposition(std::string_view f) {
    return Is(f, "after") || Is(f, "before") || Is(f, "during") ||
           Is(f, "since") || Is(f, "following") || Is(f, "throughout");
  }

  static bool IsArrival(std::string_view f) {
    return Is(f, "arrived") || Is(f, "arrives") || Is(f, "arrive") ||
           Is(f, "arriving") || Is(f, "landed");
  }

  // The last place named before token `at` in the sentence ("visited the
  // city of Tianjin in July, and Kerry traveled there").
  const Group* PlaceBefore(std::size_t at) const {
    const Group* place = nullptr;
    for (const Group& g : groups_) {
      if (g.end > at) break;
      bool state =
          g.members.size() == 1 && Is(g.members.front()->actor.kind, "state");
      if (IsPlace(g) || (state && Is(g.members.front()->how, "place"))) {
        place = &g;
      }
    }
    return place;
  }

  // Whether a meeting word stands alone, with no party of its own: "the
  // talks", "after 12 hours of talks", "The meeting on the sidelines of
  // ...". Such a meeting is the one of the parties named just before.
  bool BareMeeting(const Trigger& tr, const RelationEntry& rel) const {
    if (tr.form != kNoun || !rel.symmetric || !StartsWith(rel.cameo, "04") ||
        tr.begin == 0) {
      return false;
    }
    std::string_view before = t_[tr.begin - 1].folded;
    if (!Is(before, "the") && !Is(before, "of")) return false;
    if (tr.end < t_.size()) {
      std::string_view after = t_[tr.end].folded;
      if (Is(after, "with") || Is(after, "between") || Is(after, "among") ||
          Is(after, "of")) {
        return false;
      }
    }
    return true;
  }

  // The parties a bare meeting word at token `at` refers to: two or more
  // parties of different countries named together as the subject of the
  // sentence ("X and Y agreed on Saturday, after 12 hours of talks"), or
  // else in one of the two sentences before (`antecedent_`).
  const Group* MeetingParties(std::size_t at) const {
    for (const Group& g : groups_) {
      if (g.end <= at && g.end <= first_trigger_ && IsJoint(g) &&
          OpensSentence(g)) {
        return &g;
      }
    }
    return antecedent_.members.empty() ? nullptr : &antecedent_;
  }

  // Whether nothing but capitalised words and punctuation (a dateline,
  // "On Friday,") stands before the group in its sentence, leaving out
  // words in parentheses ("OHRID, North Macedonia (entente) — Vucic and
  // Kurti agreed"): the group is the sentence's subject.
  bool OpensSentence(const Group& g) const {
    int depth = 0;
    for (std::size_t i = 0; i < g.begin; ++i) {
      const Token& t = t_[i];
      if (Is(t.folded, "(")) ++depth;
      if (Is(t.folded, ")") && depth > 0) --depth;
      if (depth == 0 && t.is_word && !t.capitalized) return false;
    }
    return true;
  }

  // Two or more parties, not places, of at least two countries. (A
  // sentence without a trigger is read only when MayBeJoint allows it.)
  bool IsJoint(const Group& g) const {
    if (g.members.size() < 2 || IsPlace(g)) return false;
    for (const ActorMention* m : g.members) {
      if (m->actor.country.empty() || Is(m->actor.kind, "group")) return false;
    }
    for (const ActorMention* m : g.members) {
      if (m->actor.country != g.members.front()->actor.country) return true;
    }
    return false;
  }

 public:
  // The first joint group of the sentence (see IsJoint), for the bare
  // meeting words of the sentences after it; empty when there is none.
  std::vector<const ActorMention*> JointParties() const {
    for (const Group& g : groups_) {
      if (IsJoint(g)) return g.members;
    }
    return {};
  }

  // Parties named together in an earlier sentence (JointParties).
  void SetAntecedent(const std::vector<const ActorMention*>& parties) {
    antecedent_.members.assign(parties.begin(), parties.end());
  }

  // The state of the story's dateline, for arrivals that name no place.
  void SetDatelinePlace(const ActorMention* place) {
    dateline_.members.assign(1, place);
  }

 private:
  // The comma that opens a noun phrase describing the subject, set off by
  // commas right before the ", and" that ends within four tokens before
  // `to` ("Pelosi arrived in Taipei late on Tuesday, the most senior U.S.
  // official to visit the island in 25 years, and met Tsai"): the phrase
  // opens with an article. kNone when there is none.
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  [[gnu::always_inline]] std::size_t DescriptionStart(std::size_t to) const {
    std::size_t and_at = kNone;
    for (std::size_t i = to; i > 0 && to - i < 4; --i) {
      if (Is(t_[i - 1].folded, "and")) {
        and_at = i - 1;
        break;
      }
    }
    if (and_at == kNone || and_at < 3 || !Is(t_[and_at - 1].folded, ",")) {
      return kNone;
    }
    // (A description may hold its own "since" or "after": "the first
    // leader to visit since 1945".)
    for (std::size_t i = and_at - 1; i > 0; --i) {
      std::string_view f = t_[i - 1].folded;
      if (Is(f, ",")) {
        std::string_view first = t_[i].folded;
        bool article = Is(first, "the") || Is(first, "a") || Is(first, "an");
        return article ? i - 1 : kNone;
      }
      if (Is(f, ";") || Is(f, ":")) return kNone;
    }
    return kNone;
  }

  // Whether group `g` lies in such a description, between `from` and
  // `and_at`.
  bool InDescription(const Group& g, std::size_t from,
                     std::size_t and_at) const {
    std::size_t d = DescriptionStart(and_at + 1);
    return d != kNone && d >= from && g.begin > d && g.end < and_at;
  }

  // "Sherman, who arrived in Tianjin on Sunday, met Wang": the subject of
  // a verb right after a relative clause is the party before ", who".
  const Group* RelativeClauseSubject(std::size_t trigger) const {
    if (trigger < 4 || !Is(t_[trigger - 1].folded, ",")) return nullptr;
    for (std::size_t i = trigger - 1; i-- > 1;) {
      std::string_view f = t_[i].folded;
      if (Is(f, ";") || Is(f, ":")) return nullptr;
      if ((Is(f, "who") || Is(f, "which")) && Is(t_[i - 1].folded, ",")) {
        for (const Group& g : groups_) {
          if (g.end == i - 1) return &g;
        }
        return nullptr;
      }
    }
    return nullptr;
  }

  // "Japan said on Tuesday it had halted aid to Serbia", "the rebels
  // announced they would free ...": a clause that opens right after a
  // saying verb and whose subject is a pronoun speaks of the speaker, the
  // party before the verb.
  const Group* Speaker(std::size_t left, std::size_t trigger) const {
    if (left == 0 || left > trigger || !IsReportingWord(t_[left - 1].folded) ||
        Is(t_[left - 1].folded, "according")) {
      return nullptr;
    }
    bool pronoun = false;
    for (std::size_t i = left; i < trigger; ++i) {
      std::string_view f = t_[i].folded;
      if (Is(f, "it") || Is(f, "they") || Is(f, "he") || Is(f, "she") ||
          Is(f, "we")) {
        pronoun = true;
      }
      if (IsClauseBreak(f)) return nullptr;
    }
    if (!pronoun) return nullptr;
    return GroupBefore(left - 1, ClauseStart(left - 1));
  }

  // The party before a saying verb ("announced", "confirmed") whose object
  // is the nominal trigger at `trigger`, with at most three lower-case words
  // between them ("announced new sanctions", "confirmed a fresh aid
  // package"), none of them "that" or a pronoun.
  const Group* AnnouncedBy(std::size_t left, std::size_t trigger) const {
    if (left == 0 || left > trigger || trigger - left > 3) return nullptr;
    std::string_view verb = t_[left - 1].folded;
    if (!Is(verb, "announced") && !Is(verb, "announces") &&
        !Is(verb, "confirmed") && !Is(verb, "confirms") &&
        !Is(verb, "unveiled") && !Is(verb, "unveils")) {
      return nullptr;
    }
    for (std::size_t i = left; i < trigger; ++i) {
      const Token& w = t_[i];
      if (!w.is_word || w.capitalized || Is(w.folded, "that") ||
          Is(w.folded, "it") || Is(w.folded, "they") || Is(w.folded, "he") ||
          Is(w.folded, "she") || Is(w.folded, "we")) {
        return nullptr;
      }
    }
    return GroupBefore(left - 1, ClauseStart(left - 1));
  }

  // "Russia said on Tuesday that Sudan must return the helicopter", "a
  // British minister reiterated that Libya must hand over ...": a speaker
  // saying that a party must act demands it (CAMEO 100, as the coders of
  // the field read "SAID ... MUST"). The saying verb becomes a trigger of
  // `demand` when a party follows it within a few words and "must"
  // follows the party, and no other trigger covers those words.
  // Whether "must" follows a party ending at token `end`, at once or after
  // the rest of a coordination ("the Sudanese government and the rebels
  // in Darfur must", "the US and other developed nations must").
  bool MustAfter(std::size_t end) const {
    if (end >= t_.size()) return false;
    if (Is(t_[end].folded, "must")) return true;
    if (!Is(t_[end].folded, "and")) return false;
    for (std::size_t i = end + 1; i < t_.size() && i < end + 8; ++i) {
      std::string_view f = t_[i].folded;
      if (Is(f, "must")) return true;
      if (IsClauseBreak(f) || IsReportingWord(f) || Is(f, "that") ||
          Is(f, "which") || Is(f, "who") || Is(f, "whose")) {
        return false;
      }
    }
    return false;
  }

  // "said", "says", "say", "declared", "declares", "reiterated",
  // "insisted", "insists", "announced", "stated", "concluded", "added".
  // (By length: asked of every token of a sentence with "must".)
  static bool IsSaying(std::string_view f) {
    switch (f.size()) {
      case 3:
        return Is(f, "say");
      case 4:
        return Is(f, "said") || Is(f, "says");
      case 5:
        return Is(f, "added");
      case 6:
        return Is(f, "stated");
      case 7:
        return Is(f, "insists");
      case 8:
        return Is(f, "declared") || Is(f, "declares") || Is(f, "insisted");
      case 9:
        return Is(f, "announced") || Is(f, "concluded");
      case 10:
        return Is(f, "reiterated");
      default:
        return false;
    }
  }

  void AddMustDemands(std::vector<Trigger>* triggers) const {
    // Every demand added here ends in "must" (MustAfter): the caller
    // calls this only for a sentence with one, found as its words'
    // classes are (Classes) or by HasMust. (The triggers of a sentence without
    // one are in order already: FindTriggers gives them so.)
    const RelationEntry* demand = RelationNamed("demand");
    if (!demand) return;
    int index = static_cast<int>(demand - lex_.relations().data());
    for (std::size_t r = 0; r < t_.size(); ++r) {
      if (!IsSaying(t_[r].folded)) continue;
      for (const Group& g : groups_) {
        if (g.begin <= r || g.begin - r > 5 || g.end >= t_.size()) continue;
        if (!MustAfter(g.end) || BreaksClause(r + 1, g.begin)) {
          continue;
        }
        bool covered = std::any_of(
            triggers->begin(), triggers->end(), [&](const Trigger& tr) {
              return tr.begin < g.end && tr.end > r;
            });
        if (!covered) triggers->push_back({r, r + 1, index, kVerb});
        break;
      }
    }
    std::sort(triggers->begin(), triggers->end(),
              [](const Trigger& a, const Trigger& b) {
                return a.begin < b.begin;
              });
  }

  // What a governed event is: refused, declined or failed - negated; a
  // threat (CAMEO 13) - hypothetical; an offer, promise or agreement -
  // planned. Its own cues (an earlier "not", "said") still apply.
  // Whether `tr` is what the appeal or demand (CAMEO 02, 10) `before` it
  // asks for: the "to" of an infinitive stands between them, in one
  // clause ("urged X and Y to resume talks").
  bool AskedFor(const Trigger& before, const Trigger& tr) const {
    const std::string& cameo = lex_.relations()[before.relation].cameo;
    if (!(StartsWith(cameo, "02") || StartsWith(cameo, "10")) ||
        before.end > tr.begin || BreaksClause(before.end, tr.begin)) {
      return false;
    }
    for (std::size_t i = before.end; i < tr.begin; ++i) {
      if (Is(t_[i].folded, "to")) return true;
    }
    return false;
  }

  // Whether the noun trigger `noun` is the direct object of the verb
  // trigger `verb`: right after it or after a determiner or a word or two
  // ("will host talks", "could hold a new summit"), in its clause.
  bool ObjectOfVerb(const Trigger& verb, const Trigger& noun) const {
    if (verb.form != kVerb || noun.form != kNoun || noun.begin < verb.end ||
        noun.begin - verb.end > 2) {
      return false;
    }
    for (std::size_t i = verb.end; i < noun.begin; ++i) {
      if (!t_[i].is_word || IsClauseBreak(t_[i].folded) ||
          Is(t_[i].folded, "and")) {
        return false;
      }
    }
    return true;
  }

  // Whether `tr`, right after "to", is the purpose of the verb `before`
  // in its clause: a few words on, past its object or place, with no
  // "and" between; not after a word of saying, appealing, intending,
  // demanding or threatening, whose object does what "to" introduces
  // ("urged Israel to meet", "invited Modi to visit").
  bool PurposeInfinitive(const Trigger& before, const Trigger& tr) const {
    if (before.form != kVerb || tr.form != kVerb || tr.begin < 2 ||
        before.end + 1 >= tr.begin || tr.begin - before.end > 8 ||
        !Is(t_[tr.begin - 1].folded, "to") ||
        BreaksClause(before.end, tr.begin)) {
      return false;
    }
    const std::string& cameo = lex_.relations()[before.relation].cameo;
    if (StartsWith(cameo, "01") || StartsWith(cameo, "02") ||
        StartsWith(cameo, "03") || StartsWith(cameo, "10") ||
        StartsWith(cameo, "13")) {
      return false;
    }
    for (std::size_t i = before.end; i + 1 < tr.begin; ++i) {
      std::string_view f = t_[i].folded;
      if (Is(f, "and") || Is(f, "but")) return false;
      // (Only the "to" of the infinitive; "to Washington" is a place.)
      if (Is(f, "to") && !t_[i + 1].capitalized) return false;
    }
    return true;
  }

  Cues GovernedCues(const Trigger& governor, const Trigger& tr,
                    std::size_t left, std::size_t right) const {
    Cues c = ReadCues(t_, CueIndex(), tr.begin, left, right);
    const RelationEntry& g = lex_.relations()[governor.relation];
    std::string_view head = t_[governor.begin].folded;
    bool refusal = StartsWith(g.cameo, "12") || Is(head, "refused") ||
                   Is(head, "refuses") || Is(head, "declined") ||
                   Is(head, "declines") || Is(head, "failed") ||
                   Is(head, "fails");
    if (refusal) {
      c.negated = true;
    } else if (StartsWith(g.cameo, "13")) {
      c.modality = "hypothetical";
    } else if (tr.form == kNoun &&
               StartsWith(lex_.relations()[tr.relation].cameo, "03")) {
      // "agreed to a 30-day ceasefire": a noun that is itself an intention
      // is what was agreed, as "agreed to a ceasefire" says it.
    } else if (Is(c.modality, "asserted") || Is(c.modality, "reported")) {
      c.modality = "planned";
      c.governor_happened = true;
    }
    return c;
  }

  // The sentence's cue index (ReadCues), built with its word classes.
  const SentenceCueIndex& CueIndex() const {
    Classes();
    return scratch_.cues;
  }

  // Token index of the first token whose span starts at or after `byte`.
  std::size_t TokenAt(std::size_t byte) const {
    auto it = std::lower_bound(
        t_.begin(), t_.end(), byte,
        [](const Token& t, std::size_t b) { return t.start < b; });
    return static_cast<std::size_t>(it - t_.begin());
  }

  // The kinds of actor BuildGroups tells apart, read once per mention: a
  // test of `actor.kind` compares strings, and each mention is asked
  // about several times.
  enum class Kind : std::uint8_t { kOther, kPerson, kState };
  static Kind KindOf(const Actor& a) {
    std::string_view k = a.kind;
    if (k.size() == 6 && k[0] == 'p' && Is(k, "person")) return Kind::kPerson;
    if (k.size() == 5 && k[0] == 's' && Is(k, "state")) return Kind::kState;
    return Kind::kOther;
  }

  void BuildGroups() {
    // Mentions sharing a span ("the two leaders") form one group; "A and B",
    // "A, B and C" join adjacent groups. A list joined by commas alone
    // ("..., President Zelensky said") is not a coordination: such a group
    // is split back into its members.
    std::vector<PendingGroup>& built = scratch_.pending;
    built.clear();
    // The member and token span of each mention kept, in order: a pending
    // group's members are consecutive mentions, so they are consecutive
    // here.
    std::vector<const ActorMention*>& members = scratch_.members;
    std::vector<std::pair<std::size_t, std::size_t>>& spans = scratch_.spans;
    members.clear();
    spans.clear();
    groups_.Clear();
    // (The tokens and mentions are read through locals: stores into the
    // buffers above would otherwise make every t_[i] load the vector
    // again.)
    const Token* tokens = t_.data();
    const std::size_t n = t_.size();
    const ActorMention* const* mentions = mentions_.data();
    const std::size_t mention_count = mentions_.size();
    std::size_t possessor = n;  // first token of "Bahrain's" before
    // The kind of members.back(), which is the last member of the last
    // pending group.
    Kind back_kind = Kind::kOther;
    // TokenAt, for mentions in text order: each search goes on from where
    // the one before ended, unless the byte lies before it. (A byte after
    // the last token's start is past every token; before it, some token
    // ends the walk, which need not test for the end of the tokens.)
    const Token* cursor = tokens;
    const std::size_t last_start = n == 0 ? 0 : tokens[n - 1].start;
    auto token_at = [&](std::size_t byte) -> std::size_t {
      if (n == 0 || last_start < byte) {
        cursor = tokens + n;
        return n;
      }
      if (cursor > tokens && cursor[-1].start >= byte) {
        cursor = tokens + TokenAt(byte);
      }
      const Token* w = cursor;
      while (w->start < byte) ++w;
      cursor = w;
      return static_cast<std::size_t>(w - tokens);
    };
    for (std::size_t mi = 0; mi < mention_count; ++mi) {
      const ActorMention* m = mentions[mi];
      std::size_t b = token_at(m->start), e = token_at(m->end);
      // "Trump, Netanyahu and Bahrain's King Hamad": a state in the
      // possessive that introduces its own person or group is not a party
      // of its own; the person stands in its place in a coordination.
      if (e + 1 < n && mi + 1 < mention_count &&
          (Is(tokens[e].folded, "'s") || Is(tokens[e].folded, "leader")) &&
          IsPossessorOfNext(mi, e)) {
        possessor = b;
        continue;
      }
      if (possessor < b) b = possessor;
      possessor = n;
      const Kind kind = KindOf(m->actor);
      // "President Milan Ristovic of Serbia met ...": the state of a
      // person, after "of", describes the person; it is no party beside.
      // (The last group ends with the last member kept.)
      if (kind == Kind::kState && b >= 1 && !members.empty() &&
          Is(tokens[b - 1].folded, "of") && built.back().end + 1 == b &&
          back_kind == Kind::kPerson &&
          members.back()->actor.country == m->actor.id) {
        built.back().end = e;
        spans.back().second = e;
        continue;
      }
      // "Putin and North Korean leader Kim Jong Un": the words that
      // describe a person ("North Korean leader") stand with the person.
      if (kind == Kind::kPerson && b >= 2 &&
          Is(tokens[b - 1].folded, "leader")) {
        std::size_t d = b - 1;
        std::size_t floor = spans.empty() ? 0 : spans.back().second;
        while (d > floor && tokens[d - 1].is_word &&
               tokens[d - 1].capitalized) {
          --d;
        }
        if (d < b - 1) b = d;
      }
      members.push_back(m);
      spans.push_back({b, e});
      const Kind last_kind = back_kind;
      back_kind = kind;
      if (!built.empty()) {
        PendingGroup& last = built.back();
        if (last.begin == b && last.end == e) {
          ++last.size;
          continue;
        }
        // A person is not coordinated with a state ("he met Zelensky, and
        // Berlin on Thursday" lists places visited, not parties).
        bool mixed = (last_kind == Kind::kPerson) != (kind == Kind::kPerson) &&
                     (last_kind == Kind::kState || kind == Kind::kState);
        // "... sanctions on Russian companies, and Biden told ...": after
        // ", and" a party followed by its verb opens a new clause, unless
        // the comma ends a list ("Britain, France, and Germany agreed").
        bool new_clause = !last.has_comma && b == last.end + 2 &&
                          Is(tokens[last.end].folded, ",") && StartsClause(e);
        if (!mixed && !new_clause && IsCoordination(last.end, b)) {
          for (std::size_t i = last.end; i < b; ++i) {
            last.has_and |= !Is(tokens[i].folded, ",");
            last.has_comma |= Is(tokens[i].folded, ",");
          }
          last.end = e;
          ++last.size;
          continue;
        }
      }
      built.push_back({b, e, false, false, members.size() - 1, 1});
    }
    for (const PendingGroup& p : built) {
      std::span<const ActorMention* const> p_members(members.data() + p.first,
                                                     p.size);
      if (p.size == 1) {  // (most groups: one mention, no list to split)
        groups_.Add(p.begin, p.end, p_members);
        continue;
      }
      std::span<const std::pair<std::size_t, std::size_t>> p_spans(
          spans.data() + p.first, p.size);
      if (SplitsAtClause(p.begin, p.end, p_members, p_spans)) continue;
      // (Three or more states or organisations joined by commas alone are
      // a list: "embargoes ... to Iran, Libya, North Korea, Sudan, and
      // with strings attached, Cuba".)
      bool list =
          p.size >= 3 && std::none_of(p_members.begin(), p_members.end(),
                                      [](const ActorMention* m) {
                                        return Is(m->actor.kind, "person");
                                      });
      if (!p.has_comma || p.has_and || list) {
        groups_.Add(p.begin, p.end, p_members);
        continue;
      }
      for (std::size_t i = 0; i < p.size; ++i) {
        auto [b, e] = p_spans[i];
        if (groups_.empty() || groups_.back().begin != b) groups_.Add(b, e);
        groups_.back().members.push_back(p_members[i]);
      }
    }
  }

  // Whether mention `mi`, ending at token `e`, is a state followed by
  // "'s" and, right after it, a mention of a person or group of that state.
  bool IsPossessorOfNext(std::size_t mi, std::size_t e) const {
    const Actor& a = mentions_[mi]->actor;
    if (e + 1 >= t_.size() || mi + 1 >= mentions_.size() ||
        !(Is(t_[e].folded, "'s") || Is(t_[e].folded, "leader"))) {
      return false;
    }
    const ActorMention* next = mentions_[mi + 1];
    if (TokenAt(next->start) != e + 1) return false;
    // "Hamas leader Yahya Sinwar", "Taliban leader Hibatullah Akhundzada":
    // the body a leader leads describes the person, as a possessive does.
    if (Is(t_[e].folded, "leader")) {
      return Is(next->actor.kind, "person") && !a.country.empty() &&
             next->actor.country == a.country;
    }
    return Is(a.kind, "state") && Is(t_[e].folded, "'s") &&
           next->actor.country == a.id &&
           (Is(next->actor.kind, "person") || Is(next->actor.kind, "group"));
  }

  // Whether token `i`, right after a party, is a finite verb that makes the
  // party a clause's subject ("Biden told", "Germany said", "Japan has").
  // "sanctions on Russia, the United States and Britain imposed new
  // sanctions": a list after a preposition whose last members are followed
  // by their own verb holds the object of one clause and the subject of
  // the next. Adds the two groups, split at the last comma, and returns
  // true; returns false for any other group.
  bool SplitsAtClause(
      std::size_t g_begin, std::size_t g_end,
      std::span<const ActorMention* const> g_members,
      std::span<const std::pair<std::size_t, std::size_t>> spans) {
    if (g_members.size() < 3 || g_begin == 0 || g_end >= t_.size()) {
      return false;
    }
    std::string_view before = t_[g_begin - 1].folded;
    bool object = Is(before, "on") || Is(before, "to") || Is(before, "with") ||
                  Is(before, "against") || Is(before, "from") ||
                  Is(before, "for");
    const Token& next = t_[g_end];
    bool verb = StartsClause(g_end) ||
                (next.is_word && !next.capitalized && next.folded.size() > 4 &&
                 next.folded.compare(next.folded.size() - 2, 2, "ed") == 0);
    if (!object || !verb) return false;
    std::size_t cut = 0;
    for (std::size_t i = 1; i < spans.size(); ++i) {
      for (std::size_t k = spans[i - 1].second; k < spans[i].first; ++k) {
        if (Is(t_[k].folded, ",")) cut = i;
      }
    }
    if (cut == 0 || cut + 1 >= spans.size()) return false;  // "A, B and C"
    groups_.Add(g_begin, spans[cut - 1].second)
        .members.assign(g_members.begin(), g_members.begin() + cut);
    groups_.Add(spans[cut].first, g_end)
        .members.assign(g_members.begin() + cut, g_members.end());
    return true;
  }

  bool StartsClause(std::size_t i) const {
    if (i >= t_.size() || !t_[i].is_word || t_[i].capitalized) return false;
    std::string_view f = t_[i].folded;
    static constexpr std::string_view kVerbs[] = {
        "said", "says", "told", "tells", "has", "have", "had", "is", "are",
        "was", "were", "will", "would", "could", "can", "may", "might",
        "should", "must", "did", "does", "met", "meets", "spoke", "called",
        "urged", "warned", "agreed", "signed", "announced", "plans"};
    for (std::string_view v : kVerbs) {
      if (f == v) return true;
    }
    return false;
  }

  bool IsCoordination(std::size_t from, std::size_t to) const {
    // ("Israel and the Palestinians": an article may open the next party
    // after "and"; ", the Washington Post said" is no coordination.)
    if (to > from + 1 && Is(t_[to - 1].folded, "the")) {
      if (!Is(t_[to - 2].folded, "and")) return false;
      --to;
    }
    if (to <= from || to - from > 2) return false;
    for (std::size_t i = from; i < to; ++i) {
      std::string_view f = t_[i].folded;
      if (!Is(f, "and") && !Is(f, ",") && !Is(f, "&")) return false;
    }
    return true;
  }

  // (Asked for many positions of a sentence: the few tokens that bound
  // clauses are listed once, on the first call.)
  std::size_t ClauseStart(std::size_t trigger) const {
    Classes();
    std::size_t start = 0;
    for (std::size_t opener : scratch_.clause_openers) {
      if (opener >= trigger) break;
      start = opener + 1;
    }
    return start;
  }

  std::size_t ClauseEnd(std::size_t after) const {
    Classes();
    for (std::size_t end : scratch_.clause_ends) {
      if (end >= after) return end;
    }
    return t_.size();
  }

  // Classes of words that several rules ask about. The words that bound
  // clauses: ClauseStart is the token after the last opener before the
  // trigger ("..., whom they had taken hostage": the clause's subject
  // follows "whom"; the party before it is its object); ClauseEnd is the
  // first ";", reporting word, or comma before "who", "which" or "whom".
  // The words of figures and days leave a token out of WordsBetween.
  enum : std::uint32_t {
    kClauseOpener = 1,
    kSemicolon = 2,
    kCommaWord = 4,
    kRelativeWord = 8,
    kReportingVerb = 16,
    kFigureWord = 32,
    kDayWord = 64,
    kConditionWord = 128,  // "if", "unless" (SentenceCueIndex)
    kMustWord = 256,       // (AddMustDemands)
    kPhoneWord = 512,      // "phone", "video", ... (ByPhone)
    kWithWord = 1024       // "with" (AlsoWith)
  };
  // (Bits kCueShift and up: the classes of CueWordLists, for ReadCues.)
  static constexpr int kCueShift = 11;
  static const WordClasses& ClassTable() {
    static constexpr std::string_view kOpeners[] = {";", ":", "whom"};
    static constexpr std::string_view kSemicolons[] = {";"};
    static constexpr std::string_view kCommas[] = {","};
    static constexpr std::string_view kRelatives[] = {"who", "which", "whom"};
    static constexpr std::string_view kFigures[] = {
        "about",         "nearly", "almost",  "around",   "roughly",
        "approximately", "some",   "hundred", "thousand", "million",
        "billion",       "tons",   "tonnes",  "dollars",  "euros"};
    static constexpr std::string_view kDays[] = {
        "monday",   "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday",  "today",     "yesterday"};
    static constexpr std::string_view kConditions[] = {"if", "unless"};
    static constexpr std::string_view kMust[] = {"must"};
    static constexpr std::string_view kPhoneWords[] = {
        "phone", "telephone", "video", "videoconference"};
    static constexpr std::string_view kWith[] = {"with"};
    static const auto cue = CueWordLists();
    static_assert(kCueLists == 6, "one list of the table per cue list");
    static const WordClasses kTable({kOpeners, kSemicolons, kCommas, kRelatives,
                                     ReportingWords(), kFigures, kDays,
                                     kConditions, kMust, kPhoneWords, kWith,
                                     cue[0], cue[1], cue[2], cue[3], cue[4],
                                     cue[5]});
    return kTable;
  }

  // The classes of each token of the sentence, and 0 past its end, looked
  // up once per sentence, on first use. The same pass indexes the cues
  // (CueIndex), the clause bounds (ClauseStart, ClauseEnd) and "must"
  // (AddMustDemands): one probe per token serves all four.
  // (Asked before most searches: the test of whether they are indexed is
  // inline, the indexing a call of its own.)
  const std::uint32_t* Classes() const {
    if (!classes_indexed_) [[unlikely]] IndexClasses();
    return scratch_.word_classes.data();
  }
  [[gnu::noinline]] void IndexClasses() const {
    std::vector<std::uint32_t>& classes = scratch_.word_classes;
    classes_indexed_ = true;
    std::size_t n = t_.size();
    // (Every position read is written below: a longer buffer left by an
    // earlier sentence is not cut and zeroed again.)
    if (classes.size() < n + 1) classes.resize(n + 1);
    const WordClasses& table = ClassTable();
    std::uint32_t* c = classes.data();
    c[n] = 0;
    SentenceCueIndex& cues = scratch_.cues;
    cues.Index(std::span<const std::uint32_t>(c, n), kCueShift);
    std::vector<std::size_t>& openers = scratch_.clause_openers;
    std::vector<std::size_t>& ends = scratch_.clause_ends;
    openers.clear();
    ends.clear();
    // A clause starts after an opener or a reporting word, and ends at a
    // ";", a reporting word, or a comma before "who", "which" or "whom".
    // (Asked only of the few tokens in some class, as they are looked
    // up: c[i - 1] is set by then.)
    constexpr std::uint32_t kBounds = kClauseOpener | kSemicolon |
                                      kRelativeWord | kReportingVerb |
                                      kConditionWord;
    has_must_ = false;
    has_phone_word_ = false;
    has_and_with_ = false;
    table.OfEach(t_, c, [&](std::size_t i, std::uint32_t ci) {
      if (ci & (kMustWord | kPhoneWord | kWithWord)) [[unlikely]] {
        if (ci & kMustWord) has_must_ = true;
        if (ci & kPhoneWord) has_phone_word_ = true;
        if ((ci & kWithWord) && i > 0 && Is(t_[i - 1].folded, "and")) {
          has_and_with_ = true;
        }
      }
      if (!(ci & kBounds)) return;  // (most words in a class: "the", ",")
      if (ci & kReportingVerb) cues.AddReporting(i);
      if (ci & kConditionWord) cues.AddCondition(i);
      if ((ci & kRelativeWord) && i > 0 && (c[i - 1] & kCommaWord)) {
        ends.push_back(i - 1);
      }
      if (ci & (kSemicolon | kReportingVerb)) ends.push_back(i);
      if (ci & (kClauseOpener | kReportingVerb)) openers.push_back(i);
    });
  }

  // The nearest group before `pos`, skipping places ("In Tokyo last week,
  // she met ...").
  // (The last such group: searched from the end, which asks IsPlace of
  // fewer groups.)
  // (By index: a group's place in the list, which IsPlace would work out
  // from its address, is known here.)
  [[gnu::always_inline]] const Group* GroupBefore(std::size_t pos,
                                                 std::size_t left) const {
    const Group* groups = groups_.begin();
    for (std::size_t k = groups_.size(); k > 0;) {
      --k;
      const Group& g = groups[k];
      if (g.end <= pos && g.begin >= left && !IsPlaceAt(k)) return &g;
    }
    return nullptr;
  }

  // (Asked of the same groups for many triggers: a group of the sentence
  // is looked at once.)
  bool IsPlace(const Group& g) const {
    std::less<const Group*> before;
    if (before(&g, groups_.begin()) || !before(&g, groups_.end())) {
      return LooksLikePlace(g);
    }
    return IsPlaceAt(static_cast<std::size_t>(&g - groups_.begin()));
  }
  // IsPlace(groups_[k]).
  // (Inline: most asks find the answer known.)
  bool IsPlaceAt(std::size_t k) const {
    signed char known = scratch_.group_is_place[k];
    return known >= 0 ? known == 1 : LearnIsPlace(k);
  }
  [[gnu::noinline]] bool LearnIsPlace(std::size_t k) const {
    bool place = LooksLikePlace(groups_[k]);
    scratch_.group_is_place[k] = place ? 1 : 0;
    return place;
  }

  // (The words before the group are read first: IsCity, which builds a
  // key and looks it up, is asked only when they do not settle it.)
  bool LooksLikePlace(const Group& g) const {
    return PlaceWordBefore(g) || IsCity(g);
  }

  // Whether the group follows "in", "at" or "from", or "of" after a word
  // for a place ("the port city of Tianjin").
  bool PlaceWordBefore(const Group& g) const {
    if (g.begin == 0) return false;
    std::string_view before = t_[g.begin - 1].folded;
    if (Is(before, "of") && g.begin >= 2) {
      static constexpr std::string_view kPlaces[] = {
          "city", "town", "village", "port", "resort", "province", "region",
          "island", "capital", "district", "outskirts"};
      for (std::string_view p : kPlaces) {
        if (t_[g.begin - 2].folded == p) return true;
      }
    }
    return Is(before, "in") || Is(before, "at") || Is(before, "from");
  }

  // The group that "by" introduces within six tokens of a noun trigger
  // ending at `from`, with no clause break before it.
  const Group* AgentAfter(std::size_t from, std::size_t right) const {
    const std::uint32_t* classes = Classes();
    for (std::size_t i = from; i < right && i < from + 6; ++i) {
      if (ClauseBreakAt(classes, i)) return nullptr;
      if (!Is(t_[i].folded, "by")) continue;
      for (const Group& g : groups_) {
        if (g.begin > i && g.begin <= i + 3 && g.end <= right) return &g;
      }
      return nullptr;
    }
    return nullptr;
  }

  // Whether "called X" (trigger `tr`, object `object`) is "called X the
  // friend", "called X's remarks shocking": a naming verb, not a call.
  bool IsNaming(const Trigger& tr, const Group& object) const {
    if (tr.end - tr.begin != 1 || object.begin != tr.end ||
        object.end >= t_.size()) {
      return false;
    }
    std::string_view verb = t_[tr.begin].folded;
    if (!Is(verb, "called") && !Is(verb, "calls") && !Is(verb, "call") &&
        !Is(verb, "calling")) {
      return false;
    }
    static constexpr std::string_view kNext[] = {
        "the", "a", "an", "his", "her", "their", "its", "our", "'s"};
    for (std::string_view w : kNext) {
      if (t_[object.end].folded == w) return true;
    }
    return false;
  }

  // Whether token `i` is a personal pronoun that the actors stage leaves
  // unresolved in a clause's subject or object ("they", "him", "them"; not
  // "her", which is also a possessive: "met her counterpart").
  bool IsPersonalPronoun(std::size_t i) const {
    std::string_view f = t_[i].folded;
    if (!Is(f, "they") && !Is(f, "him") && !Is(f, "them")) return false;
    for (const Group& g : groups_) {
      if (g.begin <= i && i < g.end) return false;  // resolved: a party
    }
    return true;
  }

  // Whether token `i` is a comma with no space on either side ("1,000").
  bool InsideNumber(std::size_t i) const {
    return i > 0 && i + 1 < t_.size() && Is(t_[i].folded, ",") &&
           t_[i - 1].end == t_[i].start && t_[i].end == t_[i + 1].start;
  }

  // The number of tokens in [from, to) leaving out those of a figure
  // ("about 70 million dollars of aid for", "nearly 25,000 tons of food
  // to", "up to 4,000 troops to") and of a day ("on Saturday"): a quantity
  // or a date is one modifier, however many words it takes, when
  // measuring how far an object stands.
  // (Counting stops past `most`: the callers ask only whether there are
  // more than a few.)
  std::size_t WordsBetween(std::size_t from, std::size_t to,
                           std::size_t most) const {
    const std::uint32_t* classes = Classes();
    auto digit = [&](std::size_t i) {
      return i < t_.size() && !t_[i].folded.empty() &&
             t_[i].folded[0] >= '0' && t_[i].folded[0] <= '9';
    };
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) {
      std::string_view f = t_[i].folded;
      std::string_view next = i + 1 < t_.size()
                                  ? std::string_view(t_[i + 1].folded)
                                  : std::string_view();
      bool up_to = (Is(f, "up") && Is(next, "to") && digit(i + 2)) ||
                   (Is(f, "to") && i > from && Is(t_[i - 1].folded, "up") &&
                    digit(i + 1));
      bool on_day = Is(f, "on") && (classes[i + 1] & kDayWord);
      if (digit(i) || InsideNumber(i) || up_to || on_day ||
          (classes[i] & (kFigureWord | kDayWord))) {
        continue;
      }
      if (++n > most) break;
    }
    return n;
  }

  // Whether the group is one city of the lexicon ("New York", "Tianjin").
  bool IsCity(const Group& g) const {
    if (cities_.empty() || g.members.size() != 1) return false;
    // (Most names start no city: the bit of the key's first word says so
    // before any key is built. The key leaves out "the" and empty words.)
    std::size_t first = g.begin;
    while (first < g.end &&
           (t_[first].folded.empty() || Is(t_[first].folded, "the"))) {
      ++first;
    }
    if (first < g.end) {
      const Token& w = t_[first];
      if (!cities_.MayStart(w.hash != 0 ? w.hash : HashFolded(w.folded))) {
        return false;
      }
    }
    std::string& key = scratch_.city_key;  // (its memory reused)
    key.clear();
    for (std::size_t i = g.begin; i < g.end; ++i) {
      if (Is(t_[i].folded, "the")) continue;
      key += key.empty() ? "" : " ";
      key += t_[i].folded;
    }
    return cities_.Contains(key);
  }

  // The first group after `pos` that can be the trigger's object: close to
  // it (at most 6 tokens away, nothing but modifiers, dates and
  // prepositions between) and not behind a word that starts a new clause
  // ("since", "after", ","). A group after "in"/"at" is a location. A
  // state in the possessive ("China's top diplomat, Yang Jiechi") gives way
  // to the person it introduces.
  const Group* GroupAfter(std::size_t pos, std::size_t right,
                          const Group** location) const {
    for (std::size_t k = 0; k < groups_.size(); ++k) {
      const Group& g = groups_[k];
      if (g.begin < pos || g.end > right) continue;
      if (g.begin - pos > 6 || BreaksClause(pos, g.begin)) return nullptr;
      // "... entered its airspace overnight, Prime Minister Donald Tusk
      // said": after a comma, a party with its own verb opens the next
      // clause; it is no object of this one.
      if (g.begin > pos && Is(t_[g.begin - 1].folded, ",") &&
          StartsClause(g.end)) {
        return nullptr;
      }
      bool after_in = g.begin > pos && (Is(t_[g.begin - 1].folded, "in") ||
                                        Is(t_[g.begin - 1].folded, "at"));
      if (after_in) {
        if (location && !*location) *location = &g;
        continue;
      }
      bool possessive = g.end < t_.size() && Is(t_[g.end].folded, "'s");
      if (possessive && k + 1 < groups_.size() &&
          groups_[k + 1].end <= right && groups_[k + 1].begin - g.end <= 6 &&
          !PrepositionBetween(g.end + 1, groups_[k + 1].begin)) {
        return &groups_[k + 1];
      }
      return &g;
    }
    return nullptr;
  }

  // Whether a preposition stands in tokens [from, to): "Beijing's support
  // for Russia" names what Beijing did, not a person of Beijing's as
  // "China's ambassador Xie Feng" does.
  bool PrepositionBetween(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to; ++i) {
      std::string_view f = t_[i].folded;
      if (Is(f, "for") || Is(f, "to") || Is(f, "of") || Is(f, "with") ||
          Is(f, "against") || Is(f, "on") || Is(f, "in") || Is(f, "from") ||
          Is(f, "over")) {
        return true;
      }
    }
    return false;
  }

  // The first group in tokens [pos, right) at most 8 tokens on, with no
  // clause break before it, that a preposition of a recipient or object
  // introduces ("aid to X", "sanctions against X", "demands from X"); not
  // "of X" or "alongside X", which name company, not a target.
  [[gnu::always_inline]] const Group* DistantGroupAfter(
      std::size_t pos, std::size_t right) const {
    for (const Group& g : groups_) {
      if (g.begin <= pos || g.end > right) continue;
      if (WordsBetween(pos, g.begin, 8) > 8 || BreaksClause(pos, g.begin)) {
        return nullptr;
      }
      // The preposition may stand before a number or a lower-case word or
      // two ("compensation to 67 elderly British nationals").
      for (std::size_t i = g.begin; i > pos && g.begin - i < 3; --i) {
        const Token& before = t_[i - 1];
        std::string_view f = before.folded;
        if (Is(f, "to") || Is(f, "against") || Is(f, "on") || Is(f, "for") ||
            Is(f, "from") || Is(f, "with") || Is(f, "toward") ||
            Is(f, "towards") || Is(f, "into") || Is(f, "over")) {
          return &g;
        }
        if (!before.is_word || before.capitalized || Is(f, "of") ||
            Is(f, "and")) {
          break;
        }
      }
    }
    return nullptr;
  }

  // The first group in tokens [pos, right), at most 8 tokens on with no
  // clause break before it, that `preposition` introduces.
  const Group* PartnerAfter(std::size_t pos, std::size_t right,
                            const std::string& preposition) const {
    for (const Group& g : groups_) {
      if (g.begin <= pos || g.end > right) continue;
      if (g.begin - pos > 8 || BreaksClause(pos, g.begin)) return nullptr;
      if (t_[g.begin - 1].folded == preposition) return &g;
    }
    return nullptr;
  }

  // A comma right before the group is an apposition ("China's top
  // diplomat, Yang Jiechi"), not a break.
  // (IsClauseBreak by the word classes of the sentence: its words are
  // those of the classes below, and "as".)
  // (CueWordLists()[4]: the subordinators.)
  static constexpr std::uint32_t kBreaks =
      kClauseOpener | kSemicolon | kCommaWord | kRelativeWord |
      (1u << (kCueShift + 4));
  bool BreaksClause(std::size_t from, std::size_t to) const {
    const std::uint32_t* classes = Classes();
    for (std::size_t i = from; i < to; ++i) {
      if (!(classes[i] & kBreaks)) {
        if (Is(t_[i].folded, "as")) return true;
        continue;
      }
      if (InsideNumber(i)) continue;  // "more than 1,000 refugees"
      if (!(i + 1 == to && (classes[i] & kCommaWord))) return true;
    }
    return false;
  }

  // IsClauseBreak(t_[i].folded), given Classes(), without a call.
  bool ClauseBreakAt(const std::uint32_t* classes, std::size_t i) const {
    return (classes[i] & kBreaks) != 0 || Is(t_[i].folded, "as");
  }

  // Whether `noun` is the object of the verb of a rejection (CAMEO 12):
  // it starts one to four tokens after it ("rejected a US offer",
  // "rejected North Korea's consistent demand"), in its clause, and the
  // verb does not govern it as "refused to meet" does.
  bool RejectedNoun(const Trigger& verb, const Trigger& noun) const {
    if (verb.form != kVerb ||
        !StartsWith(lex_.relations()[verb.relation].cameo, "12") ||
        Is(t_[verb.end - 1].folded, "to") || noun.begin <= verb.end ||
        noun.begin - verb.end > 4) {
      return false;
    }
    return !BreaksClause(verb.end, noun.begin);
  }

  // The author of a proposal, offer, demand or call named at most 8 tokens
  // after `from`, in its clause: the party after "by"/"from" that follows
  // such a noun, or the party right before it ("an Indian proposal",
  // "North Korea's demand", "a US offer").
  // (A table of the token's hash: asked of every token of a clause.)
  static bool IsProposalWord(const Token& t) {
    static constexpr std::string_view kProposals[] = {
        "proposal", "proposals", "offer",   "offers",     "demand",
        "demands",  "call",      "calls",   "plan",       "plans",
        "request",  "requests",  "appeal",  "appeals",    "invitation",
        "invitations", "initiative", "ultimatum", "bid", "mediation"};
    static const WordClasses kTable({kProposals});
    return kTable.Of(t) != 0;
  }

  // Whether a proposal word stands in tokens [from, to).
  bool ProposalBetween(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to && i < t_.size(); ++i) {
      if (IsProposalWord(t_[i])) return true;
    }
    return false;
  }

  const Group* AuthorOfProposal(std::size_t from) const {
    std::size_t end = std::min(ClauseEnd(from), from + 9);
    for (std::size_t i = from; i < end; ++i) {
      if (IsClauseBreak(t_[i].folded) && !Is(t_[i].folded, ",")) return nullptr;
      if (!IsProposalWord(t_[i])) continue;
      for (const Group& g : groups_) {
        bool before =
            g.end == i || (g.end + 1 == i && Is(t_[g.end].folded, "'s"));
        bool after =
            g.begin >= i + 2 && g.begin <= i + 4 &&
            (Is(t_[i + 1].folded, "by") || Is(t_[i + 1].folded, "from"));
        if ((before && g.begin >= from) || after) return &g;
      }
      return nullptr;
    }
    return nullptr;
  }

  // The party right after the first "if" or "unless" after token `from`
  // ("unless Baghdad accepted", "if the United States goes ahead").
  const Group* ConditionParty(std::size_t from) const {
    for (std::size_t i = from; i < t_.size(); ++i) {
      std::string_view f = t_[i].folded;
      if (Is(f, ";") || Is(f, ":")) return nullptr;
      if (!Is(f, "if") && !Is(f, "unless")) continue;
      for (const Group& g : groups_) {
        if (g.begin > i && g.begin <= i + 2 && !IsPlace(g)) return &g;
      }
      return nullptr;
    }
    return nullptr;
  }

  // A party named as a place ("in Lebanon", "into Gaza", "at Juba") at most
  // 12 tokens after `from` in tokens [from, right), with no clause break
  // before it.
  const Group* PlaceAfter(std::size_t from, std::size_t right) const {
    for (const Group& g : groups_) {
      if (g.begin <= from || g.end > right) continue;
      if (WordsBetween(from, g.begin, 12) > 12 || BreaksClause(from, g.begin)) {
        return nullptr;
      }
      std::string_view before = t_[g.begin - 1].folded;
      if (Is(before, "in") || Is(before, "into") || Is(before, "at")) return &g;
    }
    return nullptr;
  }

  // Acts done to a place or population rather than said: aid (07),
  // concessions and retreats (08), force postures (15), coercion (17),
  // assault and fighting (18-20). (The caller adds intentions, 03: "agreed
  // to set up a research centre in Tokyo".)
  static bool IsMaterialAct(const std::string& cameo) {
    return StartsWith(cameo, "07") || StartsWith(cameo, "08") ||
           StartsWith(cameo, "15") || StartsWith(cameo, "17") ||
           StartsWith(cameo, "18") || StartsWith(cameo, "19") ||
           StartsWith(cameo, "20");
  }

  // CAMEO 16-20: reducing relations, coercion, assault, fighting, mass
  // violence.
  static bool IsCoercive(const std::string& cameo) {
    return cameo.size() >= 2 && (cameo[0] == '2' ||
                                 (cameo[0] == '1' && cameo[1] >= '6'));
  }

  // Codes a government applies to its own country when no other party is
  // named: yielding and easing restrictions or dissent (080-083) and
  // administrative sanctions such as curfews, bans and states of emergency
  // (172).
  static bool IsDomesticRule(const std::string& cameo) {
    return StartsWith(cameo, "080") || StartsWith(cameo, "081") ||
           StartsWith(cameo, "082") || StartsWith(cameo, "083") ||
           StartsWith(cameo, "172");
  }

  // Whether a word of peacekeeping ("peacekeepers", "peacekeeping",
  // "peace-keeping") stands in tokens [from, to).
  bool NamesPeacekeepers(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to; ++i) {
      std::string_view f = t_[i].folded;
      if (StartsWith(f, "peacekeep") || StartsWith(f, "peace-keep")) {
        return true;
      }
    }
    return false;
  }

  // The party that a purpose names in tokens [from, to): "for" at most six
  // words on, then, at most five tokens after it, "against", "on" or "of"
  // and the party ("troops for an offensive against the rebels", "for a
  // possible invasion of Ukraine"); null if none.
  const Group* PurposeTarget(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to && WordsBetween(from, i, 6) <= 6; ++i) {
      if (IsClauseBreak(t_[i].folded) && !InsideNumber(i)) return nullptr;
      if (!Is(t_[i].folded, "for")) continue;
      for (std::size_t j = i + 1; j < to && j <= i + 5; ++j) {
        std::string_view f = t_[j].folded;
        if (IsClauseBreak(t_[j].folded)) return nullptr;
        if (!Is(f, "against") && !Is(f, "on") && !Is(f, "of")) continue;
        return GroupOpeningAt(j + 1);
      }
      return nullptr;
    }
    return nullptr;
  }

  // The party after "by" that ends a noun phrase introduced by "against",
  // "at" or "over", in tokens [from, to) at most 12 tokens on ("against
  // the alleged violations by the Israeli military"); null if none.
  const Group* AuthorOfProtested(std::size_t from, std::size_t to) const {
    std::size_t against = 0;
    for (std::size_t i = from; i < to && i < from + 12; ++i) {
      std::string_view f = t_[i].folded;
      if (IsClauseBreak(t_[i].folded) && !InsideNumber(i)) return nullptr;
      if (Is(f, "against") || Is(f, "at") || Is(f, "over")) against = i;
      if (!Is(f, "by") || against == 0 || i + 1 >= to) continue;
      return GroupOpeningAt(i + 1);
    }
    return nullptr;
  }

  // The party that starts at token `at`, or right after a "the" there.
  const Group* GroupOpeningAt(std::size_t at) const {
    for (const Group& g : groups_) {
      if (g.begin == at || (g.begin == at + 1 && Is(t_[at].folded, "the"))) {
        return &g;
      }
    }
    return nullptr;
  }

  // The state whose adjective qualifies what a complaint is about, within
  // four tokens after "over", "about" or "against" that stands at most
  // three tokens after `from` ("to the United Nations on Tuesday over two
  // Israeli air raids"); null if none.
  const Group* AuthorByAdjective(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i <= from + 3; ++i) {
      std::string_view f = t_[i].folded;
      if (IsClauseBreak(t_[i].folded)) return nullptr;
      if (!Is(f, "over") && !Is(f, "about") && !Is(f, "against")) continue;
      for (const ActorMention* m : mentions_) {
        std::size_t b = TokenAt(m->start);
        if (!Is(m->how, "attribute") || !Is(m->actor.kind, "state") || b <= i ||
            b > i + 4 || b >= to) {
          continue;
        }
        author_.members = {m};
        author_.begin = b;
        author_.end = TokenAt(m->end);
        return &author_;
      }
      return nullptr;
    }
    return nullptr;
  }

  // Whether a weapon or blast that can act on its own ("a roadside
  // bombing", "an improvised explosive device", "a minefield explosion")
  // is named in tokens [from, to).
  bool NamesBlast(std::size_t from, std::size_t to) const {
    // (A table of the token's hash, as IsProposalWord.)
    static constexpr std::string_view kBlastWords[] = {
        "bombing", "bombings", "bomb", "bombs", "explosion", "explosions",
        "blast", "blasts", "minefield", "landmine", "landmines", "device",
        "devices", "ied", "ieds", "grenade", "grenades", "rocket", "rockets",
        "mortar", "mortars"};
    static const WordClasses kBlast({kBlastWords});
    for (std::size_t i = from; i < to && i < t_.size(); ++i) {
      if (kBlast.Of(t_[i]) != 0) return true;
    }
    return false;
  }

  // "A roadside bombing near Samarra killed a U.S. soldier", "were killed
  // by an improvised explosive device outside Basra": violence by a weapon
  // or blast that names no attacker is by unidentified armed forces (CAMEO
  // UAF, as for "gunmen") of the state where it happened, the first place
  // the sentence names; null when it names none.
  const Group* UnidentifiedForce(std::size_t at) {
    for (const ActorMention* m : mentions_) {
      const Actor& a = m->actor;
      if (!Is(m->how, "place") || !Is(a.kind, "state") ||
          a.country.size() != 3) {
        continue;
      }
      unidentified_mention_ = *m;
      unidentified_mention_.how = "unidentified";
      unidentified_mention_.actor =
          Actor{a.country + "UAF", a.name + " (unidentified armed forces)",
                "group", a.country, a.country + "UAF", ""};
      unidentified_.members = {&unidentified_mention_};
      unidentified_.begin = unidentified_.end = at;
      return &unidentified_;
    }
    return nullptr;
  }

  // CAMEO 18-20: assault, fighting, mass violence.
  static bool IsViolence(const std::string& cameo) {
    return StartsWith(cameo, "18") || StartsWith(cameo, "19") ||
           StartsWith(cameo, "20");
  }

  // Whether a curfew, martial law, emergency rule or a state of emergency
  // or siege is named in tokens [from, to), at most eight tokens on: what
  // a threat holds over a country's own people ("threatened to institute
  // a curfew in Algiers", "is prepared to impose martial law").
  bool NamesRestriction(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to && i < from + 8; ++i) {
      std::string_view f = t_[i].folded;
      std::string_view next = i + 1 < to ? std::string_view(t_[i + 1].folded)
                                         : std::string_view();
      bool state_of = i >= from + 2 && Is(t_[i - 2].folded, "state") &&
                      Is(t_[i - 1].folded, "of");
      if (Is(f, "curfew") || Is(f, "curfews") || Is(f, "lockdown") ||
          (Is(f, "martial") && Is(next, "law")) ||
          (Is(f, "emergency") && (state_of || Is(next, "rule"))) ||
          (Is(f, "siege") && state_of)) {
        return true;
      }
    }
    return false;
  }

  // Whether an actor's CAMEO code ("RUSMIL", "---REB") carries one of
  // `sectors` after its three-letter country.
  static bool HasSector(const Actor& a, const std::vector<std::string>& sectors) {
    if (a.code.size() < 6) return false;
    for (const std::string& s : sectors) {
      if (a.code.compare(3, s.size(), s) == 0) return true;
    }
    return false;
  }

  // Finds the trigger's source and target groups and emits its events;
  // returns the two groups (either may be null). `shared` is the subject
  // of a predicate this one is joined to by "and".
  std::pair<const Group*, const Group*> ExtractOne(
      const Trigger& tr, std::size_t left, std::size_t right,
      std::size_t object_from, const std::optional<Cues>& forced,
      const Group* shared, std::vector<Event>* out) {
    const RelationEntry* rel_entry = &lex_.relations()[tr.relation];
    // "The Israeli army lifted Friday a day-old blockade on Palestinian
    // lorries": a coercive act that is being ended is the easing of it.
    if (tr.form == kNoun && IsCoercive(rel_entry->cameo) &&
        EndedBefore(tr.begin, left)) {
      rel_entry = EasingOf(rel_entry->cameo);
      if (!rel_entry) return {nullptr, nullptr};
    }
    const Group* location = nullptr;
    const Group* sources = nullptr;
    const Group* targets = nullptr;
    bool rejected_proposal = false;  // its author only may be the target
    bool topical = false;  // the party after the phrase is its topic
    if (tr.form == kPassive) {
      targets = GroupBefore(tr.begin, left);
      // "a hospital that was struck by X": the target is the noun before
      // "that", which is an actor only if a group ends right there.
      if (tr.begin >= 2) {
        std::size_t rel_pronoun = tr.begin - 2;
        std::string_view f = t_[rel_pronoun].folded;
        if (Is(f, "that") || Is(f, "which") || Is(f, "who")) {
          if (!targets || targets->end != rel_pronoun) targets = nullptr;
        }
      }
      sources = GroupAfter(tr.by + 1, right, &location);  // after "by"
      // ("killed by a landmine near Timbuktu": the place is not the agent.)
      bool place_agent = sources && std::all_of(sources->members.begin(),
                                                sources->members.end(),
                                                [](const ActorMention* m) {
                                                  return Is(m->how, "place");
                                                });
      if ((!sources || place_agent) && IsViolence(rel_entry->cameo) &&
          NamesBlast(tr.by + 1, tr.by + 6)) {
        sources = UnidentifiedForce(tr.by + 1);
      }
      // "Putin arrived in Pyongyang and was greeted by Kim": a passive
      // joined to a first predicate by "and" has its subject for target.
      if (!targets && shared) targets = shared;
      // "The meeting ... was hosted by Cavusoglu": a meeting with no
      // parties of its own, bound to the parties of an earlier sentence,
      // names them as the host's guests.
      if (!targets && bound_meeting_ && *bound_meeting_ < tr.begin &&
          !BreaksClause(*bound_meeting_, tr.begin)) {
        targets = &antecedent_;
      }
      // "The two leaders met ..., where they were welcomed by Parmelin":
      // a pronoun subject of a passive is the sentence's main subject.
      if (!targets && tr.begin >= 2 && IsPersonalPronoun(tr.begin - 2)) {
        targets = main_subject_;
      }
    } else if (tr.form == kNoun && tr.end < t_.size() &&
               (Is(t_[tr.end].folded, "between") ||
                Is(t_[tr.end].folded, "of") ||
                Is(t_[tr.end].folded, "among"))) {
      sources = GroupAfter(tr.end, right, &location);
    } else if (tr.form == kNoun && !rel_entry->symmetric &&
               tr.end > tr.begin + 1 &&
               (Is(t_[tr.end - 1].folded, "between") ||
                Is(t_[tr.end - 1].folded, "among"))) {
      // "Klibi undertook a mediation mission between Syria and Arafat": a
      // one-way act between parties is done by the party before the noun
      // to each party after it.
      sources = GroupBefore(tr.begin, left);
      targets = GroupAfter(tr.end, right, &location);
    } else if (std::size_t b = tr.form == kNoun ? BetweenSoonAfter(tr) : 0;
               b != 0) {
      // "a meeting he arranged between Erdogan and Kristersson".
      sources = GroupAfter(b + 1, ClauseEnd(b), &location);
    } else if (tr.form == kNoun) {
      // "Biden's call with Xi", "the two leaders' talks": a nominal trigger
      // takes a target only through "with".
      sources = GroupBefore(tr.begin, left);
      if (tr.end < t_.size() && Is(t_[tr.end].folded, "with")) {
        targets = GroupAfter(tr.end + 1, right, &location);
      } else if (tr.end > tr.begin + 1 && Is(t_[tr.end - 1].folded, "with")) {
        // A noun that brings its own "with" ("reached a new agreement
        // with Seoul"): the target is the party right after it ("cooperation
        // with each other and with the United States" names none).
        const Group* location_after = nullptr;
        const Group* after = GroupAfter(tr.end, right, &location_after);
        if (after && after->begin == tr.end) {
          targets = after;
          location = location_after;
        }
      }
      // "after the talks", "during the meeting": a meeting word behind a
      // preposition of time is no act of the party before it ("Modi told
      // reporters after the talks").
      const Group* participant = nullptr;
      if (!targets && BareMeeting(tr, *rel_entry)) {
        participant = MeetingParticipant(tr.begin);
        if (sources && (participant ||
                        BehindTimePreposition(tr.begin, sources->end))) {
          sources = nullptr;
        }
      }
      if (!sources && !targets && BareMeeting(tr, *rel_entry)) {
        sources = MeetingParties(tr.begin);
        if (sources) bound_meeting_ = tr.begin;
        // "Kerry negotiated ... during the final weeks of talks": one who
        // takes part in the parties' meeting meets each of them.
        if (sources && participant && !SharesActor(*participant, *sources)) {
          targets = sources;
          sources = participant;
        }
      }
      // "Washington announced new sanctions on Russia": a saying verb with
      // a noun for its object is the act's own verb.
      if (!sources) sources = AnnouncedBy(left, tr.begin);
      // "(promised to continue) military aid to Mozambique", "sanctions on
      // Russia", "a suspension of air links with Serbia": a noun phrase
      // that ends in the preposition of its recipient names the target
      // next.
      if (std::string_view last = t_[tr.end - 1].folded;
          !targets && tr.end > tr.begin + 1 &&
          (Is(last, "to") || Is(last, "on") || Is(last, "against") ||
           Is(last, "for") || (Is(last, "with") && !rel_entry->symmetric))) {
        targets = GroupAfter(tr.end, right, &location);
        // "food aid to refugees fleeing the war in Liberia": a material
        // act for people the actors stage does not know is done where
        // they are (as a verb's is: PlaceAfter below).
        if (!targets && !rel_entry->symmetric && !Is(last, "on") &&
            IsMaterialAct(rel_entry->cameo)) {
          targets = PlaceAfter(tr.end, right);
          if (targets == location) location = nullptr;
        }
      }
      // "a visit to Taiwan by House Speaker Nancy Pelosi": the party after
      // "by" is the act's agent, whoever stands before the noun.
      if (const Group* agent = AgentAfter(tr.end, right)) {
        sources = agent;
        if (targets && targets->begin >= agent->begin) targets = nullptr;
      }
      // "During a video call with Kerry, Wang said ...": a fronted phrase
      // takes the subject of the clause it introduces.
      if (!sources && targets) sources = FrontedPhraseSubject(targets->end);
      // "He attended a NATO summit": an organisation's meeting that the
      // subject attends is the subject meeting the organisation.
      if (sources && sources != &antecedent_ && !targets &&
          OrganisationAttended(*sources, tr.begin)) {
        const Group* subject = shared ? shared : ClauseSubject(sources->begin);
        if (!subject) subject = GroupBefore(sources->begin, left);
        if (subject && subject != sources) {
          targets = sources;
          sources = subject;
        }
      }
    } else {
      // "Lammy, who visited Islamabad last month, urged both sides": right
      // after a relative clause, its antecedent is the subject, not the
      // party the clause names last. (The clause's dates are its own.)
      sources = RelativeClauseSubject(tr.begin);
      if (sources) {
        left = tr.begin;
      } else {
        sources = GroupBefore(tr.begin, left);
        // "..., a human rights organization charged on Saturday": a
        // subject the actors stage does not know opens the clause after
        // the comma.
        if (sources && UnknownSubject(sources->end, tr.begin)) {
          sources = nullptr;
        }
      }
      if (!sources) sources = Speaker(left, tr.begin);
      if (!sources && !shared && IsViolence(rel_entry->cameo) &&
          NamesBlast(ClauseStart(tr.begin), tr.begin)) {
        sources = UnidentifiedForce(tr.begin);
      }
      targets = rel_entry->partner.empty()
                    ? GroupAfter(object_from, right, &location)
                    : PartnerAfter(object_from, right, rel_entry->partner);
      // "failed to reach an agreement on Ukraine", "broke off talks over
      // Kashmir": after a phrase that ends in its own object, "on" or
      // "over" names the topic; a party comes only through "with".
      if (targets && TopicAfter(tr, object_from) &&
          !Is(t_[targets->begin - 1].folded, "with")) {
        targets = PartnerAfter(targets->end, right, "with");
        topical = !targets;
      }
      // "rejected the demand on NATO membership": a rejected proposal
      // names its topic after it; the target is its author, if named.
      if (targets && StartsWith(rel_entry->cameo, "12") &&
          ProposalBetween(object_from, targets->begin)) {
        targets = AuthorOfProposal(object_from);
        rejected_proposal = true;
      }
      // "Blinken arrived on Sunday" in a story filed from Beijing: an
      // arrival that names no place is at the dateline; "Kerry traveled
      // there": at the place named before.
      if (tr.end - tr.begin == 1 && IsArrival(t_[tr.begin].folded)) {
        location = nullptr;
        targets = dateline_.members.empty() ? nullptr : &dateline_;
        dateline_.begin = dateline_.end = tr.end;
      } else if (Is(t_[tr.end - 1].folded, "there")) {
        location = nullptr;
        targets = PlaceBefore(tr.begin);
      }
    }
    // "Modi arrived in Moscow on Monday, and Putin hosted him": an object
    // pronoun stands for the sentence's main subject.
    if (!targets && tr.form == kVerb && object_from < t_.size() &&
        IsPersonalPronoun(object_from) && main_subject_ != sources) {
      targets = main_subject_;
    }
    // (Between the two, only the first one's object may stand.)
    if (shared && tr.form != kPassive && sources != &antecedent_) {
      sources = shared;
    }
    if (!sources) return {nullptr, targets};
    // Discussing a topic with nobody named is not an exchange.
    if (!rel_entry->partner.empty() && !targets) return {sources, nullptr};
    // "talks with Modi ..., and with Suga": more parties of the same event.
    std::vector<const ActorMention*> more_targets = AlsoWith(tr.end, targets);
    // "discussed the war with Putin by phone": a meeting word said of a
    // call is a call.
    if (StartsWith(rel_entry->cameo, "04") && ByPhone(left, right)) {
      if (const RelationEntry* call = RelationNamed("phone_call")) {
        rel_entry = call;
      }
    }
    // "NATO peacekeeping troops arrived in Bosnia": peacekeepers who
    // arrive are deployed there (CAMEO 074), not visiting.
    if (Is(rel_entry->cameo, "042") && tr.form == kVerb && targets &&
        NamesPeacekeepers(sources->begin, tr.begin)) {
      if (const RelationEntry* pk = RelationNamed("peacekeeping")) {
        rel_entry = pk;
      }
    }
    // "welcomed President Reagan's latest policy statement", "welcomes
    // Iran's decision": a welcome of what a party said or did praises it.
    if (Is(rel_entry->relation, "host") && targets && WelcomesAnAct(*targets)) {
      if (const RelationEntry* praise = RelationNamed("praise")) {
        rel_entry = praise;
      }
    }
    const RelationEntry& rel = *rel_entry;
    // "threatened to institute a curfew in Algiers": a threat of a
    // domestic restriction is aimed at the country's own people, as
    // imposing one is.
    const bool domestic_rule =
        IsDomesticRule(rel.cameo) ||
        (StartsWith(rel.cameo, "13") &&
         NamesRestriction(object_from, ClauseEnd(tr.end)));
    // "He called Putin the dearest friend of the Korean people", "called
    // Johnson's remarks shocking": "call X the/a/X's ..." names, not phones.
    if (Is(rel.relation, "phone_call") && tr.form == kVerb && targets &&
        IsNaming(tr, *targets)) {
      return {sources, nullptr};
    }
    // A verb with no object next to it takes the first party named
    // further on in its clause ("promised to continue military aid to
    // Mozambique"), or failing that the place it names ("set up a centre
    // in Tokyo") - unless its subject is two or more parties, who then
    // act together ("Bosnia and Slovenia agreed").
    if (!targets && tr.form == kVerb && sources->members.size() == 1 &&
        !rejected_proposal && !topical) {
      targets = DistantGroupAfter(object_from, right);
      // (Not for meetings: "will meet him in Vilnius" names the venue.)
      if (!targets && location && location->begin >= object_from &&
          !rel.symmetric && !StartsWith(rel.cameo, "04")) {
        targets = location;
        location = nullptr;
      }
      // "rejected a fresh offer from Afghanistan", "rejected recent calls
      // by Belarus's rulers", "rejected an Indian proposal": a rejection
      // is aimed at the author of what it rejects.
      if (!targets && StartsWith(rel.cameo, "12")) {
        targets = AuthorOfProposal(object_from);
      }
      // "mobilized army reservists for a possible war against Iraq": a
      // force posture (CAMEO 15) is aimed at the party its purpose names.
      if (!targets && StartsWith(rel.cameo, "15")) {
        targets = PurposeTarget(object_from, ClauseEnd(tr.end));
      }
      // "threatened to launch an offensive ... unless Baghdad accepted
      // its conditions": a threat is aimed at the party its condition
      // names.
      if (!targets && StartsWith(rel.cameo, "13")) {
        targets = ConditionParty(object_from);
      }
      // "remained on alert in the occupied West Bank", "fired shells at
      // targets in Jericho": a material act with no party named acts on
      // the place where it happens, a little further on in its clause.
      if (!targets && !rel.symmetric &&
          (IsMaterialAct(rel.cameo) || StartsWith(rel.cameo, "03"))) {
        targets = PlaceAfter(object_from, right);
        if (targets == location) location = nullptr;
      }
    }
    // "demonstrations against human rights violations by the Israeli
    // military", "in protest at abuses by the police": dissent against
    // what a party did is aimed at that party, as is a complaint of it
    // ("protested against abuses by the army").
    if (!targets && sources &&
        (StartsWith(rel.cameo, "11") ||
         (StartsWith(rel.cameo, "14") && !Is(rel.cameo, "140")))) {
      targets = AuthorOfProtested(tr.end - 1, ClauseEnd(tr.end));
    }
    // "Lebanon complained to the United Nations over two Israeli air
    // raids": a complaint made to an organisation about what a state did
    // is aimed at that state.
    if (targets && sources && tr.form == kVerb && StartsWith(rel.cameo, "11") &&
        targets->begin > 0 && Is(t_[targets->begin - 1].folded, "to") &&
        std::all_of(targets->members.begin(), targets->members.end(),
                    [](const ActorMention* m) {
                      return Is(m->actor.kind, "organization");
                    })) {
      if (const Group* a = AuthorByAdjective(targets->end, ClauseEnd(tr.end))) {
        targets = a;
      }
    }
    Cues cues =
        forced ? *forced : ReadCues(t_, CueIndex(), tr.begin, left, right);
    if (shared_cues_ && !cues.negated &&
        (Is(cues.modality, "asserted") || Is(cues.modality, "reported"))) {
      cues = *shared_cues_;
    }
    last_cues_ = cues;
    if (tr.subjunctive) cues.modality = "hypothetical";
    // "will withdraw its force unless ...", "may halt mediation if ...": a
    // coercive act (CAMEO 16-20) on an explicit condition is a threat of
    // it, coded as the planned act is (IntentCode).
    if (Is(cues.modality, "hypothetical") && cues.on_condition &&
        !cues.negated && IsCoercive(rel.cameo)) {
      cues.modality = "planned";
    }
    // "threatened to break relations unless ...": a threat names its
    // condition; the threat itself was made. So are a refusal ("will not
    // accept any more refugees if war starts") and an offer ("is willing
    // to send material to help defend Saudi Arabia if it is attacked").
    if (Is(cues.modality, "hypothetical") && cues.on_condition &&
        (StartsWith(rel.cameo, "13") || StartsWith(rel.cameo, "12") ||
         StartsWith(rel.cameo, "03")) &&
        !forced) {
      cues.modality =
          ReadCues(t_, CueIndex(), tr.begin, left, right, false).modality;
    }
    // "On Friday, G7 leaders agreed to tighten sanctions": what an act
    // that happened plans takes that act's date, the past reading.
    // (As views: each event kept builds its own strings from them. Read
    // when the first event is checked: many triggers keep none.)
    const bool date_planned =
        !cues.governor_happened && Is(cues.modality, "planned");
    const std::size_t date_left = left;
    std::optional<EventDating::DateView> dated;
    std::uint64_t dated_hash = 0;  // FirstOfEachKey::TriggerHash
    auto date = [&]() -> const EventDating::DateView& {
      if (!dated) {
        dated = DateFor(tr, SayingEnd(date_left, tr.begin), right,
                        date_planned);
        dated_hash = FirstOfEachKey::TriggerHash(rel.relation, dated->value);
      }
      return *dated;
    };
    std::optional<Location> loc;
    if (location) {
      const Actor& a = location->members.front()->actor;
      loc = Location{std::string(Text(location->begin, location->end)),
                     a.country};
    }
    // A symmetric relation among three or more parties is one gathering.
    std::vector<Actor> participants;
    // (Actors are copied only for a gathering. The distinct ones are
    // counted on the stack: the parties of a trigger are few, and most
    // triggers of a symmetric relation are no gathering - those of fewer
    // than three mentions are not counted at all.)
    const std::size_t most = (sources ? sources->members.size() : 0) +
                             (targets ? targets->members.size() : 0);
    if (rel.symmetric && most >= 3) {
      std::array<const Actor*, 8> few;
      std::vector<const Actor*> many;
      const Actor** distinct = few.data();
      if (most > few.size()) {
        many.resize(most);
        distinct = many.data();
      }
      std::size_t n = 0;
      for (const Group* g : {sources, targets}) {
        if (!g) continue;
        for (const ActorMention* m : g->members) {
          bool known =
              std::any_of(distinct, distinct + n, [&](const Actor* a) {
                return a->id == m->actor.id;
              });
          if (!known) distinct[n++] = &m->actor;
        }
      }
      if (n >= 3) {
        participants.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
          participants.push_back(*distinct[i]);
        }
      }
    }
    std::string gathering;
    if (!participants.empty()) {
      gathering = doc_.id + "#" + std::to_string(index_) + ":" +
                  std::to_string(tr.begin);
    }
    const Actor& nobody = NoActor();
    // Keeps the event of source `s` and target `t` (empty: one-sided).
    auto keep = [&](const Actor& s, const Actor& t) {
      // (Self links are misreadings: events/event_rules.h.)
      bool one_sided = t.id.empty();
      if (!rel.source_sectors.empty() && !HasSector(s, rel.source_sectors)) {
        return;
      }
      bool domestic = (Is(s.kind, "group") && Is(t.kind, "state") &&
                       StartsWith(rel.cameo, "14")) ||
                      (!Is(s.kind, "state") && Is(t.kind, "state") &&
                       t.id == s.country && domestic_rule);
      if (!one_sided && !domestic && IsSelfLink(s, t)) {
        // "Kostunica promised to democratize Serbia", "Avril resigned to
        // allow Haiti's elections": a person acting on their own state
        // names no second party; the act is one-sided.
        if (!one_sided_ || rel.symmetric || tr.form == kNoun ||
            !Is(s.kind, "person") || !Is(t.kind, "state")) {
          return;
        }
        one_sided = true;
      }
      bool swapped = rel.symmetric && !one_sided && t.id < s.id;
      const Actor& source = swapped ? t : s;
      const Actor& target = one_sided ? nobody : swapped ? s : t;
      std::string_view polarity = cues.negated ? "negated" : "affirmed";
      std::vector<Event>& list = one_sided ? *one_sided_ : *out;
      FirstOfEachKey& seen = one_sided ? *seen_one_sided_ : *seen_;
      if (seen.SeenOrKeep({source.id, rel.relation, target.id, date().value,
                           polarity, cues.modality, dated_hash},
                          list)) {
        return;
      }
      // (Built in place in the output, each of its dozens of strings
      // copied once: see InPlace.)
      bool planned = Is(cues.modality, "planned");
      const RelationCodes& codes = codes_[&rel - lex_.relations().data()];
      const CameoEntry* cameo = planned ? codes.planned : codes.asserted;
      bool gathers = !one_sided && !participants.empty();
      list.emplace_back(InPlace{[&] {
        return Event{
            .doc = doc_.id,
            .sentence = index_,
            .source = source,
            // (A one-sided event's empty target is made, not copied.)
            .target = one_sided ? Actor() : target,
            .relation = rel.relation,
            .cameo = planned ? IntentCode(rel.cameo) : rel.cameo,
            .plover = cameo ? cameo->plover : std::string(),
            .symmetric = rel.symmetric,
            .trigger = std::string(Text(tr.begin, tr.end)),
            .date = dated->ToDate(),
            .polarity = std::string(polarity),
            .modality = std::string(cues.modality),
            .location = loc,
            .gathering = gathers ? gathering : std::string(),
            .participants = gathers ? participants : std::vector<Actor>(),
            .evidence_text = std::string(std::string_view(doc_.text).substr(
                sentence_.start, sentence_.end - sentence_.start)),
            .evidence_start = sentence_.start,
            .evidence_end = sentence_.end};
      }});
    };
    auto emit = [&](const Actor& who, const Actor& named) {
      // "Pakistan deployed police to Karachi": a state acting on a place
      // of its own names no second party; the event is one-sided - but
      // "Iraqis demonstrated in Kirkuk" is the dissent of Iraq's people
      // against their state, as below.
      bool own_place = !named.id.empty() && Is(who.kind, "state") &&
                       named.id == who.id && !rel.symmetric;
      if (!own_place) return keep(who, named);
      if (StartsWith(rel.cameo, "14") && !Is(rel.cameo, "140")) {
        // (Made only for dissent: most events name the parties as they are.)
        Actor people{who.country + "CVL", who.name + " (civilians)", "group",
                     who.country, who.country + "CVL", ""};
        return keep(people, named);
      }
      if (one_sided_) keep(who, nobody);
    };
    if (targets) {
      for (const ActorMention* s : sources->members) {
        for (const ActorMention* t : targets->members) emit(s->actor, t->actor);
        for (const ActorMention* t : more_targets) emit(s->actor, t->actor);
      }
    } else if ((rel.symmetric || MutualAct(tr, rel)) &&
               sources->members.size() >= 2) {
      const auto& m = sources->members;
      std::size_t n = std::min<std::size_t>(m.size(), 4);
      for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = a + 1; b < n; ++b) {
          emit(m[a]->actor, m[b]->actor);
          // ("Thailand and Cambodia broke off talks": each with the other.)
          if (!rel.symmetric) emit(m[b]->actor, m[a]->actor);
        }
      }
    } else if (StartsWith(rel.cameo, "14") && tr.form != kNoun) {
      // Dissent that names no target (strikes, rallies, riots by a group
      // of a country) is dissent against that country's state, as CAMEO
      // codes domestic protest.
      // A people named by nationality ("Young Algerians blocked roads",
      // "Thousands of Nigerians rallied") are that country's civilians;
      // a state's own protest note (140) is diplomacy, not dissent.
      for (const ActorMention* s : sources->members) {
        const Actor& a = s->actor;
        if (a.country.size() != 3) continue;
        Actor state{a.country, a.country, "state", a.country, a.country, ""};
        if (Is(a.kind, "group")) {
          emit(a, state);
        } else if (Is(a.kind, "state") && !Is(rel.cameo, "140")) {
          state.name = a.name;
          Actor people{a.country + "CVL", a.name + " (civilians)", "group",
                       a.country, a.country + "CVL", ""};
          emit(people, state);
        }
      }
    } else if (domestic_rule && tr.form != kNoun && !governs_next_ &&
               sources->members.size() == 1) {
      // Easing or imposing restrictions, curfews and bans that names no
      // target ("Bashir shortened the curfew", "the government lifted the
      // state of emergency in West Darfur") acts on the state's own
      // people: CAMEO codes it against that country. (Two parties that
      // "took steps to settle disputes" yield to each other, not at home.)
      for (const ActorMention* s : sources->members) {
        const Actor& a = s->actor;
        if (a.country.size() != 3) continue;
        if (Is(a.kind, "state")) {
          if (one_sided_) emit(a, nobody);
          continue;
        }
        emit(a, Actor{a.country, a.country, "state", a.country, a.country, ""});
      }
    } else if (one_sided_ && tr.form != kNoun && !governs_next_) {
      // A noun with no second party ("Serbia's suppression of unrest")
      // names an act too loosely to be an event of its own.
      for (const ActorMention* s : sources->members) emit(s->actor, nobody);
    }
    return {sources, targets};
  }

  // The members of groups introduced by "and with" (", and with") after
  // `targets`, up to the end of the clause: "held talks with Modi in the
  // Oval Office, their first meeting, and with Suga".
  std::vector<const ActorMention*> AlsoWith(std::size_t from,
                                            const Group* targets) const {
    std::vector<const ActorMention*> out;
    Classes();
    if (!targets || !has_and_with_) return out;
    std::size_t end = ClauseEnd(from);
    for (const Group& g : groups_) {
      if (g.begin < targets->end + 2 || g.end > end) continue;
      if (Is(t_[g.begin - 1].folded, "with") &&
          Is(t_[g.begin - 2].folded, "and")) {
        out.insert(out.end(), g.members.begin(), g.members.end());
      }
    }
    return out;
  }

  // The party right after the comma that closes a phrase ending at token
  // `end`, when a finite verb follows it (", Wang said").
  const Group* FrontedPhraseSubject(std::size_t end) const {
    for (std::size_t i = end; i < t_.size(); ++i) {
      if (Is(t_[i].folded, ";") || Is(t_[i].folded, ":")) return nullptr;
      if (!Is(t_[i].folded, ",")) continue;
      for (const Group& g : groups_) {
        if (g.begin == i + 1 && StartsClause(g.end)) return &g;
      }
      return nullptr;
    }
    return nullptr;
  }

  // The "between" two or three words after a noun trigger, across a short
  // relative clause without "that" ("the meeting he arranged between"),
  // or 0.
  std::size_t BetweenSoonAfter(const Trigger& tr) const {
    const std::uint32_t* classes = Classes();
    for (std::size_t i = tr.end + 1; i < t_.size() && i < tr.end + 4; ++i) {
      if (ClauseBreakAt(classes, i) || Is(t_[i - 1].folded, "and")) break;
      if (Is(t_[i].folded, "between")) return i;
    }
    return 0;
  }

  // The subject of the clause of a bare meeting word at `noun` when its
  // verb, right after it, is one of taking part ("Kerry negotiated
  // alongside ... during the talks", "Abe later joined the talks").
  const Group* MeetingParticipant(std::size_t noun) const {
    const Group* subject = ClauseSubject(noun);
    if (!subject) return nullptr;
    for (std::size_t i = subject->end; i < noun && i < subject->end + 3; ++i) {
      std::string_view f = t_[i].folded;
      if (Is(f, "took") || Is(f, "takes") || Is(f, "take") || Is(f, "taking")) {
        return i + 1 < noun && Is(t_[i + 1].folded, "part") ? subject : nullptr;
      }
      static constexpr std::string_view kTakePart[] = {
          "negotiated", "negotiates", "negotiate",   "negotiating",
          "participated", "participates", "participate", "participating",
          "joined",     "joins",      "join",        "joining",
          "attended",   "attends",    "attend",      "attending"};
      for (std::string_view w : kTakePart) {
        if (f == w) return subject;
      }
    }
    return nullptr;
  }

  // Whether two groups name one actor in common.
  static bool SharesActor(const Group& a, const Group& b) {
    for (const ActorMention* x : a.members) {
      for (const ActorMention* y : b.members) {
        if (x->actor.id == y->actor.id) return true;
      }
    }
    return false;
  }

  // Whether `g`, right before the noun trigger at `begin`, is an
  // organisation named as the meeting's own ("a NATO summit") after a word
  // of attending ("attended a", "at the", "joined a").
  bool OrganisationAttended(const Group& g, std::size_t begin) const {
    if (g.end != begin || g.begin < 2) return false;
    for (const ActorMention* m : g.members) {
      if (!Is(m->actor.kind, "organization")) return false;
    }
    std::string_view det = t_[g.begin - 1].folded;
    std::string_view verb = t_[g.begin - 2].folded;
    if (!Is(det, "a") && !Is(det, "an") && !Is(det, "the")) return false;
    static constexpr std::string_view kAttend[] = {
        "attended", "attends", "attend", "attending", "joined", "joins",
        "addressed", "addresses", "at", "during", "to"};
    for (std::string_view w : kAttend) {
      if (verb == w) return true;
    }
    return false;
  }

  // "Russia said on Saturday that it would expel ...": a time expression
  // between a reporting verb and its "that" dates the saying, not what is
  // said. Returns where the reported clause starts (after "that"), or
  // `left` when the clause does not open that way.
  std::size_t SayingEnd(std::size_t left, std::size_t trigger) const {
    if (left == 0 || left >= trigger || !IsReportingWord(t_[left - 1].folded)) {
      return left;
    }
    for (std::size_t i = left; i < trigger && i < left + 6; ++i) {
      if (Is(t_[i].folded, "that")) return i + 1;
    }
    return left;
  }

  // The party that opens the clause of token `pos`, if one does.
  const Group* ClauseSubject(std::size_t pos) const {
    std::size_t start = ClauseStart(pos);
    for (const Group& g : groups_) {
      if (g.begin == start && g.end <= pos) return &g;
    }
    return nullptr;
  }

  // Whether "at" or "during" introduces the noun at `begin` ("at a
  // meeting", "during the final talks"), with no party between.
  bool AfterSettingWord(std::size_t begin) const {
    for (std::size_t i = begin; i > 0 && begin - i < 3; --i) {
      std::string_view f = t_[i - 1].folded;
      if (Is(f, "at") || Is(f, "during")) return true;
      for (const Group& g : groups_) {
        if (g.end == i) return false;
      }
    }
    return false;
  }

  // Whether the meeting or call noun `tr` stands after "in" ("discussed
  // the war in a phone call") or, after a trip (`before`), after "for"
  // ("will travel to Kyiv next week for talks with"): the setting of its
  // clause's subject, as after "at" or "during".
  bool MeetingSetting(const Trigger& tr, const Trigger* before) const {
    if (!StartsWith(lex_.relations()[tr.relation].cameo, "04")) return false;
    for (std::size_t i = tr.begin; i > 0 && tr.begin - i < 3; --i) {
      const Token& w = t_[i - 1];
      if (Is(w.folded, "in")) return true;
      if (Is(w.folded, "for")) {
        return before && before->end <= tr.begin &&
               Is(lex_.relations()[before->relation].cameo, "042") &&
               !BreaksClause(before->end, tr.begin);
      }
      if (!w.is_word) return false;
      for (const Group& g : groups_) {
        if (g.end == i) return false;
      }
    }
    return false;
  }

  // Whether tokens [left, right) say the exchange was by phone or video.
  bool ByPhone(std::size_t left, std::size_t right) const {
    // (Found from the second word, whose class says it is one of them;
    // most sentences name none, which their classes tell at once.)
    const std::uint32_t* classes = Classes();
    if (!has_phone_word_) return false;
    std::size_t end = std::min(right, t_.size());
    for (std::size_t i = left; i + 1 < end; ++i) {
      if (!(classes[i + 1] & kPhoneWord)) continue;
      std::string_view a = t_[i].folded;
      std::string_view b = t_[i + 1].folded;
      if ((Is(a, "by") && (Is(b, "phone") || Is(b, "telephone") ||
                           Is(b, "video") || Is(b, "videoconference"))) ||
          (Is(a, "the") && Is(b, "phone") && i > 0 &&
           Is(t_[i - 1].folded, "over"))) {
        return true;
      }
    }
    return false;
  }

  const RelationEntry* RelationNamed(std::string_view name) const {
    for (const RelationEntry& r : lex_.relations()) {
      if (r.relation == name) return &r;
    }
    return nullptr;
  }

  std::string_view Text(std::size_t b, std::size_t e) const {
    return std::string_view(doc_.text)
        .substr(t_[b].start, t_[e - 1].end - t_[b].start);
  }

  // The date of the event of trigger `tr` whose clause is tokens [left,
  // right): see events/event_dating.h.
  EventDating::DateView DateFor(const Trigger& tr, std::size_t left,
                                std::size_t right, bool planned) const {
    EventDating::Span trigger{t_[tr.begin].start, t_[tr.end - 1].end};
    EventDating::Span clause{trigger.begin, trigger.end};
    if (left < right && right <= t_.size()) {
      clause = {t_[left].start, t_[right - 1].end};
    }
    return dating_.DateViewFor(index_, trigger, clause, planned);
  }

  const Lexicon& lex_;
  const Document& doc_;
  const Sentence& sentence_;
  std::size_t index_;
  const std::vector<Token>& t_;
  const std::vector<const ActorMention*>& mentions_;
  SentenceScratch& scratch_;
  GroupList& groups_;
  const EventDating& dating_;
  const PhraseSet& cities_;
  std::span<const RelationCodes> codes_;  // of lex_.relations()
  std::vector<Event>* one_sided_ = nullptr;
  FirstOfEachKey* seen_ = nullptr;            // of the document's events
  FirstOfEachKey* seen_one_sided_ = nullptr;  // of its one-sided events
  bool governed_ = false;      // the trigger being read is governed
  bool governs_next_ = false;  // the trigger being read governs the next
  std::optional<Cues> shared_cues_;  // of the predicate joined by "and"
  const Group* main_subject_ = nullptr;  // of the sentence's first trigger
  Group& antecedent_;  // parties named together before (SetAntecedent)
  std::size_t first_trigger_ = 0;  // token where the first trigger begins
  Group& dateline_;  // the dateline's state, when known (SetDatelinePlace)
  Group& author_;    // a state named by its adjective (AuthorByAdjective)
  // Unidentified armed forces of the place of a blast (UnidentifiedForce).
  ActorMention& unidentified_mention_;
  Group& unidentified_;
  // Token of a bare meeting word bound to earlier parties (BareMeeting).
  std::optional<std::size_t> bound_meeting_;
  std::optional<Cues> last_cues_;    // of the trigger just read
  // (Classes: the word classes, cues and clause bounds of the sentence,
  // and whether a word of it is "must".)
  mutable bool classes_indexed_ = false;
  mutable bool has_must_ = false;
  mutable bool has_phone_word_ = false;  // (ByPhone)
  // Whether the sentence has "and with" (AlsoWith): most have none, which
  // their word classes tell.
  mutable bool has_and_with_ = false;
};

}  // namespace

std::vector<Event> EventExtractor::Extract(
    const Document& doc, const std::vector<Sentence>& sentences,
    const std::vector<SentenceTokens>& tokens,
    const std::vector<ActorMention>& mentions,
    const std::vector<TimeExpression>& times,
    std::vector<Event>* one_sided) const {
  return Extract(doc, sentences, tokens, mentions, times,
                 ReadDateline(doc.text), one_sided);
}

std::vector<Event> EventExtractor::Extract(
    const Document& doc, const std::vector<Sentence>& sentences,
    const std::vector<SentenceTokens>& tokens,
    const std::vector<ActorMention>& mentions,
    const std::vector<TimeExpression>& times,
    const std::optional<Dateline>& line, std::vector<Event>* one_sided) const {
  std::vector<Event> events;
  // (Events are large: room for a usual story, so that they are seldom
  // moved as the list grows. Dense stories have more events than
  // sentences: over the 540 sample articles, room for one a sentence left
  // 140 lists to be moved.)
  std::size_t room = std::min<std::size_t>(2 * sentences.size(), 256);
  events.reserve(room);
  if (one_sided) one_sided->reserve(one_sided->size() + room);
  FirstOfEachKey seen, seen_one_sided;
  // (Kept from one document to the next: its buffers have grown to fit.)
  thread_local SentenceScratch thread_scratch;
  SentenceScratch& scratch = thread_scratch;  // (its address found once)
  // Parties named together ("X and Y agreed"), for the bare meeting words
  // ("after the talks") of the two sentences after theirs.
  std::vector<const ActorMention*> antecedent;
  std::size_t antecedent_sentence = 0;
  // "BEIJING (entente) -": the state where the story is filed.
  const ActorMention* dateline = nullptr;
  EventDating dating(doc, sentences, times, line);
  if (line) {
    std::string_view place = std::string_view(doc.text).substr(
        line->place_begin, line->place_end - line->place_begin);
    auto it = impl_->place_states.find(PlaceKey(place));
    if (it != impl_->place_states.end()) {
      dateline = &impl_->state_places[it->second];
    }
  }
  // The first mention of sentence si or after it. (Walked by pointer:
  // an index would be compared with a size, which is the vector's length
  // in bytes divided by the mentions' size.)
  const ActorMention* next = mentions.data();
  const ActorMention* const last = next + mentions.size();
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    while (next != last && next->sentence < si) ++next;
    if (next == last || next->sentence != si) continue;
    std::vector<const ActorMention*>& ms = scratch.mentions;
    ms.clear();
    for (const ActorMention* m = next; m != last && m->sentence == si; ++m) {
      ms.push_back(m);
    }
    std::vector<Trigger>& triggers = scratch.triggers;
    impl_->FindTriggers(tokens[si].tokens, &triggers);
    // (A sentence without a trigger may still say a party "must" act, or
    // name parties together that a later "the talks" refers to: parties of
    // two countries, SentenceEvents::IsJoint.)
    if (triggers.empty() && !MayBeJoint(ms) && !HasMust(tokens[si].tokens)) {
      continue;
    }
    SentenceEvents sentence(impl_->lex, doc, sentences[si], si,
                            tokens[si].tokens, &scratch, dating, impl_->cities,
                            impl_->codes);
    if (si <= antecedent_sentence + 2) sentence.SetAntecedent(antecedent);
    if (dateline) sentence.SetDatelinePlace(dateline);
    sentence.Extract(&triggers, &events, &seen, one_sided, &seen_one_sided);
    if (auto joint = sentence.JointParties(); !joint.empty()) {
      antecedent = std::move(joint);
      antecedent_sentence = si;
    }
  }
  return events;
}

}  // namespace entente
