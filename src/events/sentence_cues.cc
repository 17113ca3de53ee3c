// Cues are read from a small window: the (at most) six tokens before the
// trigger inside its clause, where English puts auxiliaries, negation and
// verbs of intention ("has not yet", "is expected to", "declined to"), plus
// the whole sentence for conditionals and attribution.
#include "events/sentence_cues.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "events/word_classes.h"

namespace entente {
namespace {

// Called for most tokens of every sentence with a trigger: the length and
// first byte rule out nearly every entry before any bytes are compared.
template <std::size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view e : list) {
    if (e.size() == w.size() && e[0] == w[0] &&
        std::memcmp(e.data(), w.data(), e.size()) == 0) {
      return true;
    }
  }
  return false;
}

// ("cancelled his trip to Germany", "the scrapped summit with Kim",
// "postponed his visit to Washington": what was called off or put off did
// not happen.)
constexpr std::array<std::string_view, 19> kNegation = {
    "not",       "n't",      "never",     "no",       "declined",
    "refused",   "failed",   "neither",   "nor",      "cancelled",
    "canceled",  "cancels",  "cancel",    "scrapped", "postponed",
    "postpones", "postpone", "shelved",   "aborted"};
constexpr std::array<std::string_view, 26> kFuture = {
    "will",     "'ll",      "shall",     "plans",    "plan",
    "planned",  "planning", "intends",   "intend",   "expected",
    "scheduled", "set",     "due",       "hopes",    "hope",
    "wants",    "seeks",    "upcoming",  "preparing", "aims",
    "hoped",    "wanted",   "intended",  "sought",    "expects",
    "expect"};
// ("must": what a party must do, as a demand or a conclusion says, has not
// happened. "whether": "declined to say whether Beijing would retaliate"
// leaves it open.)
constexpr std::array<std::string_view, 9> kConditional = {
    "could", "might", "may", "would", "if", "unless", "should", "must",
    "whether"};
constexpr std::array<std::string_view, 12> kOffers = {
    "invitation", "invited", "invite", "invites", "proposal", "proposed",
    "proposes", "offer", "offered", "offers", "ready", "willing"};
constexpr std::array<std::string_view, 10> kSubordinators = {
    "after", "before", "since", "because", "while", "when", "until", "amid",
    "although", "but"};
constexpr std::array<std::string_view, 11> kReporting = {
    "said",      "says",     "say",      "according", "announced", "stated",
    "added",     "reported", "confirmed", "claimed",  "quoted"};

// The lists ReadCues asks of each token near a trigger, as classes of one
// table: a probe or two per token instead of a scan of each list.
// (Determiners: "accepted the plan at a meeting" - a word after one is a
// noun.)
constexpr std::array<std::string_view, 4> kDeterminers = {"the", "a", "its",
                                                          "their"};
// (Bit k is list k of CueWordLists.)
enum : std::uint32_t {
  kNegationWord = 1,
  kFutureWord = 2,
  kConditionalWord = 4,
  kOfferWord = 8,
  kSubordinatorWord = 16,
  kDeterminerWord = 32
};
const WordClasses& CueTable() {
  static const WordClasses kTable({kNegation, kFuture, kConditional, kOffers,
                                   kSubordinators, kDeterminers});
  return kTable;
}
std::uint32_t CueClasses(const Token& t) { return CueTable().Of(t); }

// Whether the "would" at `i` follows a reporting verb by at most four
// tokens ("said on Wednesday they would"), with no clause break between.
bool ReportedWould(const std::vector<Token>& t, std::size_t i) {
  for (std::size_t k = i; k > 0 && i - k < 5; --k) {
    std::string_view f = t[k - 1].folded;
    if (In(kReporting, f) && f != "according") return true;
    if (f == "," || f == ";" || f == "if" || f == "unless") return false;
  }
  return false;
}

}  // namespace

bool IsBeVerb(std::string_view f) {
  return f == "is" || f == "was" || f == "were" || f == "been" || f == "be" ||
         f == "being" || f == "are" || f == "'s";
}

std::span<const std::string_view> ReportingWords() { return kReporting; }

std::array<std::span<const std::string_view>, kCueLists> CueWordLists() {
  return {kNegation, kFuture, kConditional, kOffers, kSubordinators,
          kDeterminers};
}

// (kReporting, by length: called for every token of the clauses around
// each trigger, where most words are rejected by their length or first
// letter.)
bool IsReportingWord(std::string_view folded) {
  std::string_view f = folded;
  switch (f.size()) {
    case 3:
      return f == "say";
    case 4:
      return f[0] == 's' && (f == "said" || f == "says");
    case 5:
      return f == "added";
    case 6:
      return (f[0] == 's' && f == "stated") || (f[0] == 'q' && f == "quoted");
    case 7:
      return f == "claimed";
    case 8:
      return f == "reported";
    case 9:
      return (f[0] == 'a' && (f == "according" || f == "announced")) ||
             (f[0] == 'c' && f == "confirmed");
    default:
      return false;
  }
}

// (By length, as IsReportingWord: called for most tokens near a trigger.)
bool IsClauseBreak(std::string_view f) {
  switch (f.size()) {
    case 1:
      return f[0] == ',' || f[0] == ';' || f[0] == ':';
    case 2:
      return f == "as";
    case 3:
      return f == "but" || f == "who";
    case 4:
      return f == "when" || f == "whom" || f == "amid";
    case 5:
      return f == "since" || f == "after" || f == "while" || f == "which" ||
             f == "until";
    case 6:
      return f == "before";
    case 7:
      return f == "because";
    case 8:
      return f == "although";
    default:
      return false;
  }
}

namespace {

// What ReadCues reads of the whole sentence rather than of the trigger's
// window: whether a reporting word stands outside the clause, and whether
// "if" or "unless" stands inside it.
struct SentenceWide {
  bool reported = false;
  bool condition = false;
};

// ReadCues, given the cue classes of each token (`classes(i)`) and what
// the sentence says outside the window.
template <typename ClassesOf>
Cues ReadWindow(const std::vector<Token>& t, ClassesOf classes,
                std::size_t trigger, std::size_t left, bool condition_counts,
                SentenceWide wide) {
  Cues c;
  std::size_t from = trigger > left + 6 ? trigger - 6 : left;
  bool future = false, conditional = false;
  // One pass back from the trigger: "would follow suit, after a phone
  // call", "did not sign but met": a cue before a subordinator or "but"
  // belongs to another verb, so the pass stops at one. (What it finds is
  // the same read in either direction: each cue only sets its flag.)
  // Most tokens are in no cue list and neither "to" nor "ruled": one test
  // of their classes and one of their size pass them.
  for (std::size_t i = trigger; i > from; --i) {
    const std::size_t k = i - 1;
    const std::uint32_t word = classes(k);
    if (word & kSubordinatorWord) break;
    if (word & (kNegationWord | kFutureWord | kConditionalWord)) {
      if (word & kNegationWord) c.negated = true;
      // ("accepted the plan at a meeting": after a determiner, a noun.)
      bool noun = k > 0 && (classes(k - 1) & kDeterminerWord);
      if ((word & kFutureWord) && !noun) future = true;
      // "said it would allow", "said on Wednesday they would meet":
      // "would" in reported speech is the speaker's "will", a stated
      // intention. (Only a conditional word can be "would".)
      if (word & kConditionalWord) {
        if (t[k].folded == "would" && ReportedWould(t, k)) {
          future = true;
        } else {
          conditional = true;
        }
      }
    }
    std::string_view f = t[k].folded;
    if (f.size() == 2) {
      // "is to meet", "are to hold talks": a scheduled event.
      if (f == "to" && k > 0 && IsBeVerb(t[k - 1].folded)) future = true;
    } else if (f.size() == 5 && f == "ruled" && k + 1 < trigger &&
               t[k + 1].folded == "out") {
      // "ruled out talks", "no plans to meet" read the same way.
      c.negated = true;
    }
  }
  // "declined an invitation for Austin and Li to meet", "offered to
  // mediate": what is offered, proposed or invited is not yet done.
  // The offer may name its parties first ("an invitation for Lloyd Austin
  // and Li Shangfu to meet"): up to ten words back, within the clause.
  if (trigger > 0 && t[trigger - 1].folded == "to") {
    std::size_t offer_from = trigger > left + 10 ? trigger - 10 : left;
    for (std::size_t i = offer_from; i < trigger; ++i) {
      if (classes(i) & kOfferWord) future = true;
    }
  }
  if (wide.condition) {
    conditional = conditional || condition_counts;
    c.on_condition = true;
  }
  if (conditional) {
    c.modality = "hypothetical";
  } else if (future) {
    c.modality = "planned";
  } else if (wide.reported) {
    c.modality = "reported";
  }
  return c;
}

bool IsConditionWord(std::string_view f) {
  // (Sizes first: this runs for every token of the clause.)
  return (f.size() == 2 && f == "if") || (f.size() == 6 && f == "unless");
}

// Whether the condition word at `i` bears on the trigger at `trigger`:
// not when a relative or complement clause opens between them ("signed a
// treaty that commits each to help the other if it is attacked", "warned
// that if Russia attacked ...": the condition is that clause's own).
bool ConditionBearsOn(const std::vector<Token>& t, std::size_t trigger,
                      std::size_t i) {
  for (std::size_t k = trigger + 1; k < i; ++k) {
    std::string_view f = t[k].folded;
    if (f == "that" || f == "which" || f == "who" || f == "whereby") {
      return false;
    }
  }
  return true;
}

}  // namespace

Cues ReadCues(const std::vector<Token>& t, std::size_t trigger,
              std::size_t left, std::size_t right, bool condition_counts) {
  SentenceWide wide;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i >= left && i < right) {
      wide.condition = wide.condition || (IsConditionWord(t[i].folded) &&
                                          ConditionBearsOn(t, trigger, i));
    } else if (IsReportingWord(t[i].folded)) {
      wide.reported = true;
    }
  }
  return ReadWindow(
      t, [&t](std::size_t i) { return CueClasses(t[i]); }, trigger, left,
      condition_counts, wide);
}

void SentenceCueIndex::Index(const std::vector<Token>& t) {
  const WordClasses& table = CueTable();
  own_classes_.clear();
  for (const Token& token : t) own_classes_.push_back(table.Of(token));
  Index(own_classes_, 0);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (IsReportingWord(t[i].folded)) AddReporting(i);
    if (IsConditionWord(t[i].folded)) AddCondition(i);
  }
}

Cues ReadCues(const std::vector<Token>& t, const SentenceCueIndex& index,
              std::size_t trigger, std::size_t left, std::size_t right,
              bool condition_counts) {
  // (As the scan of ReadCues above: reporting words outside [left,
  // right), conditions inside.)
  auto inside = [left, right](std::size_t i) { return i >= left && i < right; };
  SentenceWide wide;
  // (The reporting words are in order: one stands outside when the first
  // is before the clause or the last after it.)
  const std::vector<std::size_t>& reporting = index.reporting_;
  wide.reported = !reporting.empty() &&
                  (reporting.front() < left || reporting.back() >= right);
  const std::vector<std::size_t>& conditions = index.conditions_;
  wide.condition =
      !conditions.empty() &&
      std::any_of(conditions.begin(), conditions.end(), [&](std::size_t i) {
        return inside(i) && ConditionBearsOn(t, trigger, i);
      });
  // (Each token's classes were looked up once, when it was indexed.)
  const std::uint32_t* classes = index.classes_;
  int shift = index.shift_;
  return ReadWindow(
      t, [classes, shift](std::size_t i) { return classes[i] >> shift; },
      trigger, left, condition_counts, wide);
}

}  // namespace entente
