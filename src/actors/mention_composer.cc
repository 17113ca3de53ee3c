// Composition reads the raw matches of a sentence left to right: a state
// adjective or possessive before a title or group word becomes that
// mention's country; a title followed by a capitalised name makes a person
// (known or new); a title with no name refers back to the nearest earlier
// holder; remaining names stand for themselves. Names of people met earlier
// in the document are remembered by their last word so later short forms
// resolve to them, and pronouns go to the sentence's (or the previous
// sentence's) first person.
#include "actors/mention_composer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/utf8.h"
#include "events/word_classes.h"

namespace entente {
namespace {

// Comparisons with literals as string_views test the length first (a
// std::string == "literal" runs strlen and compare on every call).
using namespace std::string_view_literals;

// f == word for a literal word, inline: the length, then that many bytes,
// a constant number, compared in a register or two. (The compiler leaves
// std::string_view's == a call in the large functions below, with the
// registers saved around it.)
template <std::size_t N>
[[gnu::always_inline]] inline bool Is(std::string_view f,
                                      const char (&word)[N]) {
  return f.size() == N - 1 && std::memcmp(f.data(), word, N - 1) == 0;
}

bool IsDash(const Token& t) {
  return Is(t.folded, "-") || Is(t.folded, "\xE2\x80\x94") ||
         Is(t.folded, "\xE2\x80\x93") || Is(t.folded, "--");
}

// Words that end an adjective's reach: a verb or the like after "the
// Chinese" ("the Chinese said", "the U.S. imposed") means it names the
// state, not a common noun's modifier (Composer::IsAttributive).
constexpr std::string_view kVerbs[] = {
    "said", "says", "say", "has", "have", "had", "is", "are", "was",
    "were", "will", "would", "could", "can", "may", "might", "should",
    "must", "did", "does", "do", "and", "or", "also", "then", "still",
    "again", "not", "never", "already", "wants", "want", "plans", "hopes",
    "told", "insists", "warns", "urges", "agrees", "rejects", "denies"};
constexpr std::string_view kPrepositions[] = {
    "in", "at", "on", "from", "to", "for", "with", "by", "near", "into",
    "inside", "across", "after", "during"};
// Lower-case words inside Arabic, Dutch, Spanish... names.
constexpr std::string_view kParticles[] = {
    "bin", "ibn", "bint", "al", "el", "van", "von", "de", "da", "di",
    "der", "den", "la", "le", "du", "dos", "das", "del", "ben", "abu"};

// The classes of ComposerWords(), one bit per list above.
enum : std::uint32_t {
  kVerbWord = 1,
  kPrepositionWord = 2,
  kParticleWord = 4,
};
// The lists above in one table: a token's classes are one probe, by the
// hash it carries, not a comparison with each listed word.
const WordClasses& ComposerWords() {
  static const WordClasses words({kVerbs, kPrepositions, kParticles});
  return words;
}

// Number of leading tokens of the first sentence that form a dateline
// ("WASHINGTON (AP) —", "BONN, Germany, Feb. 17 (Kyodo) -"); 0 if none.
std::size_t DatelineLength(const std::vector<Token>& t) {
  if (t.empty() || !t[0].all_caps) return 0;
  for (std::size_t i = 1; i < t.size() && i < 16; ++i) {
    if (IsDash(t[i])) return i + 1;
  }
  return 0;
}


// The short forms of the people named so far in a document: a person's
// last (or a two-word name's first) folded word -> the mention that
// introduced them. An open-addressing table whose keys view the
// document's tokens, which outlive the composer: no string is copied and
// a lookup reuses the hash the token carries.
class ShortForms {
 public:
  const std::size_t* Find(const Token& t) const {
    std::uint64_t h = HashOf(t);
    if (((bits_ >> Bit(h)) & 1) == 0) return nullptr;  // (none when empty)
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.at == kEmpty) return nullptr;
      if (s.hash == h && s.key == t.folded) return &s.at;
    }
  }
  bool Empty() const { return count_ == 0; }
  // A bit for each word of the table, Bit(its hash): a word whose bit is
  // clear is none of them (most words, looked up by their bit alone).
  std::uint64_t Bits() const { return bits_; }
  static unsigned Bit(std::uint64_t hash) {
    return ActorRecognizer::Impl::HashBit(hash);
  }
  // Forgets every word; keeps a small table's memory for the next
  // document (a large one is released, so that clearing stays cheap).
  void Clear() {
    if (count_ == 0) return;
    if (slots_.size() > 1024) {
      slots_ = {};
    } else {
      std::fill(slots_.begin(), slots_.end(), Slot{});
    }
    count_ = 0;
    bits_ = 0;
  }
  // map[t.folded] = at
  void Set(const Token& t, std::size_t at) { *SlotOf(t) = at; }
  // map.try_emplace(t.folded, at)
  void Add(const Token& t, std::size_t at) {
    std::size_t* s = SlotOf(t);
    if (*s == kEmpty) *s = at;
  }

 private:
  static constexpr std::size_t kEmpty = SIZE_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    std::size_t at = kEmpty;
  };
  static std::uint64_t HashOf(const Token& t) {
    return t.hash != 0 ? t.hash : HashFolded(t.folded);
  }
  // The slot of t's word, claimed (with `at` still kEmpty) if new.
  std::size_t* SlotOf(const Token& t) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    std::uint64_t h = HashOf(t);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.at == kEmpty && s.key.data() == nullptr) {
        s.hash = h;
        s.key = t.folded;
        ++count_;
        bits_ |= std::uint64_t{1} << Bit(h);
        return &s.at;
      }
      if (s.hash == h && s.key == t.folded) return &s.at;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    std::size_t mask = slots_.size() - 1;
    for (const Slot& o : old) {
      if (o.key.data() == nullptr) continue;
      std::size_t i = o.hash & mask;
      while (slots_[i].key.data() != nullptr) i = (i + 1) & mask;
      slots_[i] = o;
    }
  }
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
  std::uint64_t bits_ = 0;
};

// A country named by the mentions so far: its code packed (PackCode), the
// mention that named it first (whose actor.country spells a long code),
// its state (null for an organisation's code) and how often it was named.
struct Named {
  std::uint64_t key;
  std::size_t at;
  const StateEntry* state;
  int mentions;
};

// The latest holder of a role (Impl::RoleId): any, and of each country
// (keyed by PackCode of the country; a long code is told apart by the
// holder's actor.country).
struct Holders {
  std::size_t any = 0;
  std::vector<std::pair<std::uint64_t, std::size_t>> by_country;
};

// How a mention was resolved (ActorMention::how), as a number while
// composing: the tests of Noted and FromAPlace compare one byte, and the
// string is made once, in the mention returned.
enum class How : std::uint8_t {
  kLexicon,
  kTitle,
  kShort,
  kAgent,
  kCoref,
  kPair,
  kPlace,
  kAttribute,
};
// The name of `how`, made from a literal: its length is a constant, so the
// bytes are stored with no call to copy them (a mention's other strings
// are copies of any length).
[[gnu::always_inline]] inline std::string NameOf(How how) {
  switch (how) {
    case How::kLexicon: return "lexicon";
    case How::kTitle: return "title";
    case How::kShort: return "short";
    case How::kAgent: return "agent";
    case How::kCoref: return "coref";
    case How::kPair: return "pair";
    case How::kPlace: return "place";
    case How::kAttribute: return "attribute";
  }
  return "";
}

// NameOf(how), made straight in the member it initialises: emplace_back
// with a std::string temporary would make it, then move it (a second copy
// of a short string's bytes).
struct HowName {
  How how;
  operator std::string() const { return NameOf(how); }
};

// Actor::kind of `k`, made from a literal where the kind is one of the
// four KindOfActor names (as NameOf: a constant length, no call to copy
// the bytes), else copied. (k.kind is KindOfActor(k.actor.kind): every
// maker of a KnownActor sets the two together.)
[[gnu::always_inline]] inline std::string KindName(const KnownActor& k) {
  switch (k.kind) {
    case ActorKind::kPerson: return "person";
    case ActorKind::kState: return "state";
    case ActorKind::kOrganization: return "organization";
    case ActorKind::kGroup: return "group";
    case ActorKind::kOther: break;
  }
  return k.actor.kind;
}

// A copy of `s`; a code or country of three or six bytes ("USA",
// "USAGOV": most of them) is copied as such, with no call to memcpy.
[[gnu::always_inline]] inline std::string CodeCopy(const std::string& s) {
  if (s.size() == 3) return std::string(s.data(), 3);
  if (s.size() == 6) return std::string(s.data(), 6);
  return s;
}

// A copy of k.actor, made straight in the member it initialises (as
// HowName), its kind, country and code as above: copying a mention's
// actor is most of what Take costs.
struct ActorCopy {
  const KnownActor* k;
  operator Actor() const {
    const Actor& a = k->actor;
    return Actor{a.id, a.name, KindName(*k), CodeCopy(a.country),
                 CodeCopy(a.code), a.role};
  }
};

// A mention as it is composed: its actor is pointed at, not copied. Copies
// are made once, when the document's mentions are complete and in order
// (Composer::Take): putting a sentence's mentions in order then moves these
// small records, not seven strings each.
struct Mention {
  std::size_t start, end;  // byte span
  std::size_t sentence;
  // The recognizer's (a state, organisation, seat) or the pool's (made
  // for this document): either outlives the composition.
  const KnownActor* actor;
  How how;
  bool person;  // actor->kind == ActorKind::kPerson
};

// The actors a document's mentions make (people, groups), in chunks that
// never move, so that mentions may point at them. Kept per thread: a slot
// reused by a later document is assigned over, keeping its strings'
// memory, so that making an actor allocates nothing once warm.
class ActorPool {
 public:
  // A slot for a new actor, holding an earlier document's actor or
  // nothing: the caller assigns every field.
  KnownActor& Next() {
    if (size_ == chunks_.size() * kChunk) {
      chunks_.push_back(std::make_unique<KnownActor[]>(kChunk));
    }
    KnownActor& a = chunks_[size_ / kChunk][size_ % kChunk];
    ++size_;
    return a;
  }
  void Clear() { size_ = 0; }

 private:
  static constexpr std::size_t kChunk = 64;
  std::vector<std::unique_ptr<KnownActor[]>> chunks_;
  std::size_t size_ = 0;
};

// The containers of a document's composer, kept per thread from one
// document to the next: composing a document then allocates little more
// than its mentions (a document has a few dozen, so the tables' own
// allocations cost as much as the mentions).
struct ComposerScratch {
  std::vector<std::size_t> person_mentions, people;
  std::vector<Holders> holders;  // the first holders_used are live
  std::size_t holders_used = 0;
  // By role id: the index in holders of that role's, valid when its stamp
  // is this document's (so a new document forgets them all by counting
  // one, not by clearing the table).
  struct RoleSlot {
    std::uint32_t stamp = 0;
    std::uint32_t holders = 0;
  };
  std::vector<RoleSlot> role_slots;
  std::uint32_t stamp = 0;
  std::vector<Named> named;
  std::vector<std::uint64_t> named_keys;  // PackCode of each named
  // By a hash of a country's code: 1 + the index in named of the country
  // with that hash found last, or 0 (Composer::NamedIndex).
  std::uint32_t named_recent[16] = {};
  ShortForms short_forms;
  std::vector<std::uint32_t> covered;
  std::uint32_t cover_mark = 0;
  std::vector<Mention> mentions;
  ActorPool pool;

  void Clear() {
    person_mentions.clear();
    people.clear();
    holders_used = 0;
    if (++stamp == 0) {  // wrapped: no slot may look current
      std::fill(role_slots.begin(), role_slots.end(), RoleSlot{});
      stamp = 1;
    }
    named.clear();
    named_keys.clear();
    std::fill(std::begin(named_recent), std::end(named_recent), 0);
    short_forms.Clear();
    mentions.clear();
    pool.Clear();
  }
};

// The per-document state of pass 2.
class Composer {
 public:
  Composer(const ActorRecognizer::Impl& impl, const Document& doc,
           int context_state, ComposerScratch& scratch)
      : m_(impl),
        doc_(doc),
        context_state_(context_state),
        person_mentions_(scratch.person_mentions),
        holders_(scratch),
        people_(scratch.people),
        named_(scratch.named),
        named_keys_(scratch.named_keys),
        short_forms_(scratch.short_forms),
        covered_(scratch.covered),
        cover_mark_(scratch.cover_mark),
        out_(scratch.mentions),
        pool_(scratch.pool) {
    scratch.Clear();
  }

  void Sentence(std::size_t index, const std::vector<Token>& t, Spans spans,
                std::size_t skip) {
    sentence_ = index;
    tokens_ = &t;
    // The tokens under the sentence's mentions, marked by Emit: the pass
    // for short forms and pronouns below skips them. A token is covered
    // when its mark is this sentence's: counting one forgets the last
    // sentence's marks, with no clearing.
    if (++cover_mark_ == 0) {  // wrapped: no old mark may look current
      std::fill(covered_.begin(), covered_.end(), 0);
      cover_mark_ = 1;
    }
    if (covered_.size() < t.size()) covered_.resize(t.size(), 0);
    for (std::size_t k = 0; k < spans.size(); ++k) {
      const RawSpan& s = spans[k];
      if (s.begin < skip || s.begin < consumed_until_) continue;
      Compose(spans, k);
    }
    consumed_until_ = 0;
    // With no person named yet in the document, no pronoun has an
    // antecedent and no word is a short form: the pass below could emit
    // nothing.
    if (!person_mentions_.empty() || !short_forms_.Empty()) {
      ShortFormPass(t, spans, skip);
    }
    // (After the short forms, which may be the parties a pair refers to.)
    if (!pending_pairs_.empty()) EmitPendingPairs();
  }

  // The pass for short forms and pronouns over the sentence's tokens. (Not
  // inlined in Sentence, for the reason given at ShortFormOrPronoun.)
  [[gnu::noinline]] void ShortFormPass(const std::vector<Token>& t,
                                       Spans spans, std::size_t skip) {
    // Capitalised words no phrase matched may be short forms of people
    // named earlier in the document; "he" and "she" refer to the nearest
    // person named before them.
    // (Covered() per token would walk the sentence's mentions each time.
    // Mentions emitted below cover only their own token, which the pass
    // has then left behind.)
    // The phrase matches are in order and never overlap (Find steps over
    // each): the tokens outside them are the gaps between, walked here
    // gap by gap rather than testing every token against the matches.
    // Only pronouns and capitalised words that are short forms can be
    // mentions here: the rest (most words) are passed over by one bit that
    // the word's hash picks, of the pronouns' bits (Impl::pronoun_bits)
    // and the short forms' (ShortForms::Bits), together. A word whose bit
    // is clear is none of them; one whose bit is set is compared in full.
    // (The pass adds no short form: its mentions are one word each. The
    // bits are read once.)
    // One walk from `skip` to the sentence's end that steps over each
    // match: a gap costs a comparison or two, not a computation of its
    // bounds (a sentence has about as many gaps as it has words outside
    // them, so that cost was the pass's).
    const Token* w = t.data() + skip;
    const Token* const end = t.data() + t.size();
    const RawSpan* next = spans.data();
    const RawSpan* const last_span = next + spans.size();
    const std::uint64_t may = m_.pronoun_bits | short_forms_.Bits();
    for (;;) {
      const Token* const gap_end =
          next == last_span ? end : t.data() + next->begin;
      for (; w < gap_end; ++w) {
        if (((may >> ActorRecognizer::Impl::HashBit(w->hash)) & 1) == 0) {
          continue;
        }
        // A lower-case word can only be a pronoun: the others whose bit is
        // set (one word in sixteen) are passed over here, as
        // ShortFormOrPronoun would, without a call. (A pronoun's bit is
        // always set: Impl::pronoun_bits.)
        if (!w->capitalized && !IsHeOrShe(w->folded) && !IsHim(w->folded)) {
          continue;
        }
        ShortFormOrPronoun(w);
      }
      if (next == last_span) break;
      const Token* const after = t.data() + next->end;
      if (w < after) w = after;
      ++next;
    }
  }

  // A token of the sentence under no phrase match: a pronoun or a later
  // short form of a person named earlier becomes a mention. (Not inlined
  // in the pass's loop, which it would crowd: the loop then keeps its
  // values in registers rather than reading them from the stack at every
  // token.)
  [[gnu::noinline]] void ShortFormOrPronoun(const Token* token) {
    const std::size_t i = static_cast<std::size_t>(token - T().data());
    const Token& w = *token;
    // Only pronouns and capitalised words can be mentions here: other
    // tokens are passed over first.
    bool pronoun = IsHeOrShe(w.folded);
    bool object = !pronoun && IsHim(w.folded);
    if (!w.capitalized && !pronoun && !object) return;
    if (!w.is_word || covered_[i] == cover_mark_) return;
    if (pronoun || object) {
      // ("she" has three letters, "he" two.)
      const KnownActor* a =
          pronoun ? PersonBefore(w.start, w.folded.size() == 3 ? 's' : 'h')
                  : ObjectPersonBefore(i);
      if (a) Emit(i, i + 1, a, How::kCoref);
      return;
    }
    if (const std::size_t* at = short_forms_.Find(w)) {
      Emit(i, i + 1, out_[*at].actor, How::kShort);
    }
  }

  // f == "he" || f == "she", byte by byte (this runs for most words of a
  // text, and the compiler may not inline string_view's operator==).
  static bool IsHeOrShe(std::string_view f) {
    if (f.size() == 2) return f[0] == 'h' && f[1] == 'e';
    return f.size() == 3 && f[0] == 's' && f[1] == 'h' && f[2] == 'e';
  }

  static bool IsHim(std::string_view f) {
    return f.size() == 3 && f[0] == 'h' && f[1] == 'i' && f[2] == 'm';
  }

  // One allocation each for the document, not one per doubling.
  void Reserve(std::size_t mentions) {
    out_.reserve(mentions);
    person_mentions_.reserve(mentions / 2 + 4);
    people_.reserve(mentions / 2 + 4);
  }

  // The document's mentions, in order, each with its own copy of its
  // actor (made here, once). (Not inlined in ComposeMentions: its copying
  // loop runs with fewer values kept on the stack on its own.)
  [[gnu::noinline]] std::vector<ActorMention> Take() {
    auto by_start = [](const Mention& a, const Mention& b) {
      return a.start < b.start;
    };
    // Sentences are composed in order, so only a sentence's own mentions
    // can be out of order (short forms and pronouns are found after its
    // phrases). Each sentence's run is put in order on its own.
    for (std::size_t b = 0, e; b < out_.size(); b = e) {
      e = b + 1;
      while (e < out_.size() && out_[e].sentence == out_[b].sentence) ++e;
      auto first = out_.begin() + static_cast<std::ptrdiff_t>(b);
      auto last = out_.begin() + static_cast<std::ptrdiff_t>(e);
      if (!std::is_sorted(first, last, by_start)) SortRun(b, e);
    }
    // Sorted runs of sentences in order are the stable sort of the whole
    // (ties keep their order within and across runs). Should sentences
    // ever overlap, the whole is sorted, with the same result.
    if (!std::is_sorted(out_.begin(), out_.end(), by_start)) {
      SortRun(0, out_.size());
    }
    std::vector<ActorMention> mentions;
    mentions.reserve(out_.size());
    for (const Mention& m : out_) {
      mentions.emplace_back(m.start, m.end, m.sentence, ActorCopy{m.actor},
                            HowName{m.how});
    }
    return mentions;
  }

  // Stable-sorts out_[b, e) by start. A sentence's run is short, with a
  // mention or two out of place: insertion moves only those and the ones
  // they pass.
  void SortRun(std::size_t b, std::size_t e) {
    auto first = out_.begin() + static_cast<std::ptrdiff_t>(b);
    auto last = out_.begin() + static_cast<std::ptrdiff_t>(e);
    if (e - b > 32) {
      std::stable_sort(first, last, [](const Mention& x, const Mention& y) {
        return x.start < y.start;
      });
      return;
    }
    for (auto i = first + 1; i < last; ++i) {
      if (i->start >= (i - 1)->start) continue;
      Mention m = *i;
      auto j = i;
      for (; j > first && (j - 1)->start > m.start; --j) *j = *(j - 1);
      *j = m;
    }
  }


 private:
  const std::vector<Token>& T() const { return *tokens_; }

  bool Covered(std::size_t tok) const {
    std::size_t b = T()[tok].start;
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->sentence != sentence_) break;
      if (it->start <= b && b < it->end) return true;
    }
    return false;
  }

  // Emits a mention over tokens [begin, end); a person's name alone spans
  // [name_begin, end) (after any title), which later short forms refer to.
  // `actor` must outlive the composition: the recognizer's, the pool's
  // (NewActor) or an earlier mention's.
  void Emit(std::size_t begin, std::size_t end, const KnownActor* actor,
            How how, std::size_t name_begin = SIZE_MAX) {
    how = PlaceOr(begin, *actor, how);
    bool person = actor->kind == ActorKind::kPerson;
    if (person) person_mentions_.push_back(out_.size());
    out_.push_back({T()[begin].start, T()[end - 1].end, sentence_, actor, how,
                    person});
    Cover(begin, end);
    Noted(begin, end, name_begin);
  }

  // Person idx of the lexicon, with the role they held at the document's
  // date (Impl::PersonActor): the recognizer's actor for that role, or,
  // when `title` gives the role, a new one of the document.
  const KnownActor* Person(int idx, const TitleEntry* title = nullptr) {
    if (const KnownActor* known = m_.KnownPerson(idx, doc_.date, title)) {
      return known;
    }
    KnownActor& a = NewActor();
    m_.PersonActor(idx, doc_.date, &a, title);
    return &a;
  }

  // A new actor of the document, to be assigned in full by the caller.
  KnownActor& NewActor() {
    KnownActor& k = pool_.Next();
    k.pronoun = 0;  // (each maker sets the rest)
    return k;
  }

  // Marks tokens [begin, end) as under a mention: they are the tokens
  // whose start lies in the mention's byte span.
  void Cover(std::size_t begin, std::size_t end) {
    covered_[begin] = cover_mark_;  // most mentions: one word
    for (std::size_t i = begin + 1; i < end; ++i) covered_[i] = cover_mark_;
  }

  // "met in Geneva", "at the Kremlin": a state or organisation after
  // "in"/"at" is where something happened, not who did it.
  [[gnu::always_inline]] How PlaceOr(std::size_t begin,
                                     const KnownActor& actor, How how) const {
    if ((actor.kind == ActorKind::kState ||
         actor.kind == ActorKind::kOrganization) &&
        begin > 0 &&
        (IsPlacePreposition(T()[begin - 1].folded) || FromAPlace(begin - 1))) {
      return How::kPlace;
    }
    return how;
  }

  // Bookkeeping for the mention just added (out_.back()): the countries
  // named, and the people later short forms and titles refer to.
  void Noted(std::size_t begin, std::size_t end, std::size_t name_begin) {
    const Mention& m = out_.back();
    const KnownActor& a = *m.actor;
    How how = m.how;
    if (how != How::kPlace && how != How::kPair && a.country != 0) {
      // Each country once, so "the two countries" costs the number of
      // countries named, not of mentions (long documents stay linear).
      ++named_[NamedIndex(a)].mentions;
    }
    if (how == How::kPair || how == How::kPlace || how == How::kAttribute) {
      return;
    }
    if (m.person) {
      Remember(a, name_begin == SIZE_MAX ? begin : name_begin, end);
    }
  }

  // The index in named_ of actor a's country, added if new. A story names
  // a few countries: a scan of their codes packed in integers beats
  // hashing. (`a` is out_.back()'s actor.)
  std::size_t NamedIndex(const KnownActor& a) {
    std::uint64_t key = a.country;
    // Most mentions name a country named before: the slot its key picks
    // remembers where it was found last (a long code is told apart by its
    // string, so it is always looked for in the scan).
    std::uint32_t& recent =
        holders_.named_recent[(key * 0x9E3779B97F4A7C15ULL) >> 60];
    if (recent != 0 && named_keys_[recent - 1] == key && key != kLongCode) {
      return recent - 1;
    }
    for (std::size_t i = 0; i < named_keys_.size(); ++i) {
      if (named_keys_[i] == key &&
          (key != kLongCode ||
           out_[named_[i].at].actor->actor.country == a.actor.country)) {
        recent = static_cast<std::uint32_t>(i + 1);
        return i;
      }
    }
    recent = static_cast<std::uint32_t>(named_keys_.size() + 1);
    named_keys_.push_back(key);
    named_.push_back({key, out_.size() - 1, a.state, 0});
    return named_.size() - 1;
  }

  // "in", "at", "leaving", "via", "across", "throughout", "around",
  // "near". (By length, then compared inline: most words have a length of
  // none of them, and a comparison with a word of the list as a
  // string_view would be a call of memcmp.)
  static bool IsPlacePreposition(std::string_view f) {
    switch (f.size()) {
      case 2: return Is(f, "in") || Is(f, "at");
      case 3: return Is(f, "via");
      case 4: return Is(f, "near");
      case 6: return Is(f, "across") || Is(f, "around");
      case 7: return Is(f, "leaving");
      case 10: return Is(f, "throughout");
      default: return false;
    }
  }

  // "arrived in Moscow from Ankara", "flew back from Beijing": "from" at
  // token `i` after a verb of motion or a place names where someone came
  // from, not an actor.
  bool FromAPlace(std::size_t i) const {
    if (!Is(T()[i].folded, "from") || i == 0) return false;
    static constexpr std::string_view kMotion[] = {
        "arrived", "arrives", "returned", "returns", "flew", "flies",
        "travelled", "traveled", "came", "comes", "withdrew", "withdrawn",
        "fled", "departed", "back", "home", "away", "route", "en"};
    std::string_view before = T()[i - 1].folded;
    for (std::string_view v : kMotion) {
      if (before == v) return true;
    }
    if (out_.empty() || out_.back().sentence != sentence_) return false;
    return out_.back().how == How::kPlace && out_.back().end == T()[i - 1].end;
  }

  // Whether the pronoun `want` ('h' or 's') can name the person of `m`.
  static bool Fits(const Mention& m, char want) {
    return m.actor->pronoun == 0 || m.actor->pronoun == want;
  }

  // The antecedent of a pronoun (`want`: 'h' for "he", 's' for "she") at
  // byte `offset`: the first person it can name earlier in the same
  // sentence, else the first such person (usually the subject) of the
  // nearest earlier sentence that names one, at most three sentences with
  // people back ("Merz met Meloni in Rome. She welcomed him": Meloni).
  const KnownActor* PersonBefore(std::size_t offset, char want) const {
    // Walks back over the person mentions (in document order), so the cost
    // is that of the last few sentences with people, not of the document.
    // Within the sentence, the first person named (its subject, usually)
    // is the antecedent: "Blinken visited Kyiv, where he met Zelensky, and
    // Berlin, where he met ..." - both are Blinken.
    const Mention* same = nullptr;
    std::size_t i = person_mentions_.size();
    while (i > 0 && out_[person_mentions_[i - 1]].sentence == sentence_) {
      const Mention& m = out_[person_mentions_[--i]];
      if (m.start < offset && Fits(m, want) &&
          (!same || m.start < same->start)) {
        same = &m;
      }
    }
    if (same) return same->actor;
    for (int sentences = 0; i > 0 && sentences < 3; ++sentences) {
      std::size_t previous = out_[person_mentions_[i - 1]].sentence;
      const Mention* first = nullptr;
      while (i > 0 && out_[person_mentions_[i - 1]].sentence == previous) {
        const Mention& m = out_[person_mentions_[--i]];
        if (Fits(m, want) && (!first || m.start < first->start)) first = &m;
      }
      if (first) return first->actor;
    }
    return nullptr;
  }

  // The person "him" (token i) refers to: the last person named before it
  // in its sentence that is neither the sentence's first person (its
  // subject, usually) nor the subject of the pronoun's own clause, which an
  // object pronoun never names (a person with no clause break before the
  // pronoun: "Putin hosted him"). "Erdogan met Putin in Sochi and pressed
  // him" is Putin. Otherwise none: across sentences the object is too
  // often unclear to guess.
  const KnownActor* ObjectPersonBefore(std::size_t i) const {
    const std::size_t offset = T()[i].start;
    const Mention* subject = nullptr;
    for (std::size_t k = person_mentions_.size();
         k > 0 && out_[person_mentions_[k - 1]].sentence == sentence_; --k) {
      const Mention& m = out_[person_mentions_[k - 1]];
      if (m.start < offset && (!subject || m.start < subject->start)) {
        subject = &m;
      }
    }
    const Mention* best = nullptr;
    for (std::size_t k = person_mentions_.size();
         k > 0 && out_[person_mentions_[k - 1]].sentence == sentence_; --k) {
      const Mention& m = out_[person_mentions_[k - 1]];
      if (m.start >= offset || &m == subject || !Fits(m, 'h') ||
          m.actor->actor.id == subject->actor->actor.id ||
          !ClauseBreakBetween(m.end, i) ||
          (best && best->start > m.start)) {
        continue;
      }
      best = &m;
    }
    return best ? best->actor : nullptr;
  }

  // Whether a clause break (a comma, "and", "but", "that", "who", a
  // semicolon) stands between byte offset `from` and token i.
  bool ClauseBreakBetween(std::size_t from, std::size_t i) const {
    for (std::size_t k = i; k > 0 && T()[k - 1].start >= from; --k) {
      std::string_view f = T()[k - 1].folded;
      if (Is(f, ",") || Is(f, ";") || Is(f, "and") || Is(f, "but") ||
          Is(f, "that") || Is(f, "who")) {
        return true;
      }
    }
    return false;
  }

  // `a` is out_.back().actor; the tables keep its index, not a copy.
  // Countries whose names English news writes family name first.
  static bool FamilyNameFirst(std::string_view country) {
    return Is(country, "CHN") || Is(country, "TWN") || Is(country, "KOR") ||
           Is(country, "PRK") || Is(country, "VNM") || Is(country, "HKG");
  }

  void Remember(const KnownActor& a, std::size_t begin, std::size_t end) {
    std::size_t at = out_.size() - 1;
    people_.push_back(at);
    if (a.role >= 0) {  // the latest holder of a role, any / by country
      Holders& h = HoldersOf(a.role);
      h.any = at;
      std::uint64_t key = a.country;
      auto by = std::find_if(
          h.by_country.begin(), h.by_country.end(), [&](const auto& c) {
            if (c.first != key) return false;
            return key != kLongCode ||
                   out_[c.second].actor->actor.country == a.actor.country;
          });
      if (by == h.by_country.end()) {
        h.by_country.emplace_back(key, at);
      } else {
        by->second = at;
      }
    }
    if (end - begin >= 2) {
      short_forms_.Set(T()[end - 1], at);
      // "Abdel Fattah al-Burhan" ... "Burhan": a family name with the
      // Arabic article is also written without it.
      if (std::string_view bare = WithoutArticle(T()[end - 1].folded);
          !bare.empty()) {
        Token t;
        t.folded = bare;  // views the document's token: outlives the table
        short_forms_.Add(t, at);
      }
      // Chinese, Korean and Vietnamese names put the family name first:
      // "Xi Jinping" is "Xi", and "Kim Jong Un" of North Korea is "Kim".
      if (end - begin == 2 ||
          (end - begin == 3 && FamilyNameFirst(a.actor.country))) {
        short_forms_.Add(T()[begin], at);
      }
    }
  }

  // The word after an Arabic article joined by a hyphen ("al-burhan",
  // "el-sisi", "ash-sharaa"), or empty.
  static std::string_view WithoutArticle(std::string_view folded) {
    // The first hyphen, looked for in the first four bytes only (an
    // article's hyphen is the third or fourth): most names have none,
    // and the search of the whole word was a call.
    std::size_t dash = 0;
    while (dash < 4 && dash < folded.size() && folded[dash] != '-') ++dash;
    if (dash < 2 || dash > 3 || dash + 3 > folded.size()) return {};
    std::string_view article = folded.substr(0, dash);
    if (dash == 3) {
      return Is(article, "ash") ? folded.substr(4) : std::string_view();
    }
    for (const char* a : {"al", "el", "ad", "ar", "as", "at", "az", "an",
                          "ud"}) {
      if (article[0] == a[0] && article[1] == a[1]) {
        return folded.substr(3);
      }
    }
    return {};
  }

  // Country (state index) from a modifier span: adjective, demonym, name
  // (possibly with "'s").
  static int StateOf(const RawSpan& s) {
    // One bit test for most spans (people, titles, groups, organisations),
    // which name no state in any of the ways below.
    if (!s.HasStateKind()) return -1;
    for (Kind k : {kStateAdj, kStateName, kDemonym, kCapital, kCity}) {
      if (s.Has(k)) return s.Get(k);
    }
    return -1;
  }

  // The state named later in the sentence after "in" (and at most one
  // lower-case word: "in southeastern Serbia"), or -1.
  int HomeState(Spans spans, std::size_t k) const {
    for (std::size_t j = k + 1; j < spans.size(); ++j) {
      int st = StateOf(spans[j]);
      std::size_t b = spans[j].begin;
      if (st < 0 || b < 2) continue;
      if (Is(T()[b - 1].folded, "in") ||
          (Is(T()[b - 2].folded, "in") && !T()[b - 1].capitalized &&
           T()[b - 1].is_word)) {
        return st;
      }
    }
    return -1;
  }

  // The state of "officials of/from/in STATE" after the group word
  // spans[k], or -1.
  int StateAfter(Spans spans, std::size_t k) const {
    if (k + 1 >= spans.size()) return -1;
    const RawSpan& next = spans[k + 1];
    std::size_t at = spans[k].end;
    if (next.begin != at + 1) return -1;
    std::string_view prep = T()[at].folded;
    if (!Is(prep, "of") && !Is(prep, "from") && !Is(prep, "in")) return -1;
    return StateOf(next);
  }

  // Whether spans[k] is followed by ", STATE", "and STATE" or ", and
  // STATE".
  bool StartsList(Spans spans, std::size_t k) const {
    if (k + 1 >= spans.size() || StateOf(spans[k + 1]) < 0) return false;
    std::size_t at = spans[k].end, gap = spans[k + 1].begin - at;
    if (spans[k + 1].begin <= at || gap > 2 || at + gap > T().size()) {
      return false;
    }
    if (gap == 2) {
      return Is(T()[at].folded, ",") && Is(T()[at + 1].folded, "and");
    }
    return Is(T()[at].folded, ",") || Is(T()[at].folded, "and");
  }

  // Capitalised name words from token `i`: at most 4, stopping at
  // punctuation or lower-case words.
  std::size_t NameRun(std::size_t i) const {
    std::size_t j = i;
    while (j < T().size() && j - i < 6 && T()[j].is_word &&
           !Is(T()[j].folded, "'s") &&
           (T()[j].capitalized || (j > i && IsNameParticle(j)))) {
      ++j;
    }
    // A name ends in a capitalised word ("al-Zayani" counts as one).
    while (j > i && !T()[j - 1].capitalized && !IsCapitalisedParticle(j - 1)) {
      --j;
    }
    return j - i;
  }

  // Whether token `i` is a common noun an adjective before it modifies: a
  // lower-case word that is not a verb ("the Chinese said", "the U.S.
  // imposed").
  bool IsAttributive(std::size_t i) const {
    if (i >= T().size() || !T()[i].is_word || T()[i].capitalized) return false;
    // Not a verb (kVerbs), nor a preposition, which follows a noun, never
    // an adjective ("killed four Iraqis in Basra").
    if (ComposerWords().Of(T()[i]) & (kVerbWord | kPrepositionWord)) {
      return false;
    }
    std::string_view f = T()[i].folded;
    return !(f.size() > 3 && f.compare(f.size() - 2, 2, "ed") == 0);
  }

  static bool IsTitlePreposition(std::string_view f) {
    return Is(f, "to") || Is(f, "for") || Is(f, "of") || Is(f, "in") ||
           Is(f, "at");
  }

  // "al-Zayani", "el-Sisi": a particle joined to a capitalised name.
  bool IsCapitalisedParticle(std::size_t j) const {
    const Token& t = T()[j];
    std::string_view text(doc_.text.data() + t.start, t.end - t.start);
    std::size_t dash = text.find('-');
    return dash != std::string_view::npos && dash + 1 < text.size() &&
           text[dash + 1] >= 'A' && text[dash + 1] <= 'Z' && IsNameParticle(j);
  }

  // Lower-case words inside Arabic, Dutch, Spanish... names: "bin", "al-",
  // "van", "de", "da".
  bool IsNameParticle(std::size_t j) const {
    if (ComposerWords().Of(T()[j]) & kParticleWord) return true;
    std::string_view f = T()[j].folded;
    return f.rfind("al-", 0) == 0 || f.rfind("el-", 0) == 0;
  }

  void Compose(Spans spans, std::size_t k) {
    const RawSpan& s = spans[k];
    const RawSpan* next = k + 1 < spans.size() ? &spans[k + 1] : nullptr;
    // "his German, French and British counterparts": coordinated adjectives
    // before one plural title or group word give a group for each state.
    if (ComposeCoordinatedAdjectives(spans, k)) return;
    // A state word used as a modifier: "Chinese Foreign Minister",
    // "Russia's foreign minister", "U.S. officials".
    int state = StateOf(s);
    if (state >= 0 && next) {
      std::size_t gap = next->begin - s.end;
      // "Gondor's main opposition group": up to two lower-case words may
      // stand between the possessive and its title or group.
      bool possessive = gap >= 1 && gap <= 3 && Is(T()[s.end].folded, "'s");
      for (std::size_t i = s.end + 1; i < next->begin && possessive; ++i) {
        possessive = T()[i].is_word && !T()[i].capitalized;
      }
      if (possessive && gap > 1 && !next->Has(kTitle) && !next->Has(kAgent)) {
        possessive = false;
      }
      // A state in the possessive is named in its own right ("South
      // Korea's presidential office" names South Korea too); its title or
      // group takes its country.
      // "the U.S. State Department": the state's own word is part of the
      // body's name.
      if (gap == 0 && next->Has(kSeat) &&
          m_.seats[next->Get(kSeat)].state == state) {
        return;
      }
      if (possessive) {
        Emit(s.begin, s.end, &m_.StateActor(state), How::kLexicon);
      }
      // "two Ukrainian tank battalions", "the Russian invasion force": up to
      // two nouns may stand between an adjective and its group word.
      bool modified_group = gap >= 1 && gap <= 2 && s.Has(kStateAdj) &&
                            next->Has(kAgent) && !next->Has(kTitle);
      for (std::size_t i = s.end; i < next->begin && modified_group; ++i) {
        modified_group = IsAttributive(i) || Is(T()[i].folded, "and");
      }
      // "Nigerian junior foreign minister Dubem Oniya": a word of rank may
      // stand between an adjective and its title.
      bool ranked_title = gap >= 1 && gap <= 2 && s.Has(kStateAdj) &&
                          next->Has(kTitle);
      for (std::size_t i = s.end; i < next->begin && ranked_title; ++i) {
        static constexpr std::string_view kRanks[] = {
            "junior", "senior", "deputy", "former", "acting", "interim",
            "outgoing", "new", "top", "assistant", "then"};
        ranked_title = std::find(std::begin(kRanks), std::end(kRanks),
                                 T()[i].folded) != std::end(kRanks);
      }
      if ((gap == 0 || possessive || modified_group || ranked_title) &&
          (next->Has(kTitle) || next->Has(kAgent))) {
        ComposeTitled(spans, k + 1, state, possessive ? next->begin : s.begin);
        return;
      }
      if (possessive && (next->Has(kPersonFull) || next->Has(kPersonShort))) {
        return;  // "China's Xi Jinping": the person carries the country
      }
      // "North Korean leader Kim Jong Un": an adjective before a person,
      // perhaps with a lower-case noun between, is the person's, not an
      // actor of its own.
      bool adjective =
          !s.Has(kStateName) && !s.Has(kCapital) && !s.Has(kCity);
      bool lower_gap = gap <= 2;
      for (std::size_t i = s.end; i < next->begin && lower_gap; ++i) {
        lower_gap = T()[i].is_word && !T()[i].capitalized;
      }
      if (adjective && lower_gap &&
          (next->Has(kPersonFull) || next->Has(kPersonShort))) {
        return;
      }
    }
    if (s.Has(kTitle) || s.Has(kAgent)) {
      ComposeTitled(spans, k, -1, s.begin);
      return;
    }
    if (s.Has(kCameoActor)) {
      ComposeCameo(s);
      return;
    }
    if (s.Has(kPersonFull)) {
      const KnownActor* a = Person(s.Get(kPersonFull));
      Emit(s.begin, s.end, a, How::kLexicon);
      return;
    }
    if (s.Has(kOrg)) {
      if (InsideLongerName(s)) {
        ComposeStateBody(spans, k);
        return;
      }
      Emit(s.begin, s.end, &m_.OrgActor(s.Get(kOrg)), How::kLexicon);
      return;
    }
    if (s.Has(kSeat)) {
      // "the Pentagon", "the State Department" are groups of their state.
      Emit(s.begin, s.end, &m_.SeatActor(s.Get(kSeat)), How::kLexicon);
      return;
    }
    if (s.Has(kCity) && !s.Has(kStateName) && !s.Has(kCapital) &&
        !s.Has(kDemonym)) {
      // "arrived in Tianjin", "the Munich Security Conference", "Lake
      // Geneva": a city is where something happens, never a party.
      Emit(s.begin, s.end, &m_.StateActor(state), How::kPlace);
      return;
    }
    if (s.Has(kDemonym) && !s.Has(kStateName) && s.begin > 0 &&
        Is(T()[s.begin - 1].folded, "ethnic")) {
      // "ethnic Albanians ... in Serbia": an ethnic group is the people of
      // the state it lives in, when the sentence names that state.
      if (int home = HomeState(spans, k); home >= 0 && home != state) {
        const KnownActor& base = m_.StateActor(home);
        Emit(s.begin, s.end,
             GroupOf(base, base.actor.code, "CVL", "civilians"),
             How::kAgent);
        return;
      }
    }
    if (s.Has(kStateName) || s.Has(kCapital) || s.Has(kDemonym)) {
      // "Chinese warships", "U.S. sanctions", "the Austrian capital": an
      // adjective before a common noun modifies it and names no actor.
      bool adjective = s.Has(kStateAdj) || (s.Has(kDemonym) &&
                                            !s.Has(kStateName));
      Emit(s.begin, s.end, &m_.StateActor(state),
           adjective && IsAttributive(s.end) ? How::kAttribute : How::kLexicon);
      return;
    }
    if (s.Has(kPersonShort)) {
      // "Montenegro Municipality Association (AKK) officials": a short
      // form in parentheses abbreviates the name before it.
      if (s.begin > 0 && s.end < T().size() &&
          Is(T()[s.begin - 1].folded, "(") && Is(T()[s.end].folded, ")")) {
        return;
      }
      const std::size_t* at = short_forms_.Find(T()[s.begin]);
      if (s.end - s.begin == 1 && at != nullptr) {
        Emit(s.begin, s.end, out_[*at].actor, How::kShort);
      } else {
        const KnownActor* a = Person(s.Get(kPersonShort));
        Emit(s.begin, s.end, a, How::kLexicon);
      }
      return;
    }
    if (s.Has(kPair)) EmitPair(s);
  }

  // An actor of a CAMEO dictionary. (Not inlined in Compose: its actor
  // temporaries would enlarge Compose's frame, which every span pays for;
  // only a user's dictionary makes such spans.)
  [[gnu::noinline]] void ComposeCameo(const RawSpan& s) {
    Actor a = m_.CameoActor(s.Get(kCameoActor), doc_.date);
    if (!a.code.empty()) {
      KnownActor& pooled = NewActor();
      pooled = m_.Known(std::move(a));
      Emit(s.begin, s.end, &pooled, How::kLexicon);
    }
  }

  // "Iran's Supreme National Security Council": an organisation's name of
  // two or more words after capitalised words no phrase matched is the end
  // of a longer name, and not that organisation.
  bool InsideLongerName(const RawSpan& s) const {
    if (s.end - s.begin < 2 || s.begin == 0) return false;
    const Token& before = T()[s.begin - 1];
    if (!before.is_word || !before.capitalized || Covered(s.begin - 1)) {
      return false;
    }
    // A sentence's first word, a weekday or a month is capitalised anyway.
    if (s.begin - 1 == 0) return false;
    static constexpr std::string_view kCalendar[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december", "the"};
    for (std::string_view w : kCalendar) {
      if (before.folded == w) return false;
    }
    return true;
  }

  // The body a longer name stands for, when a state in the possessive
  // owns it: "Iran's Supreme National Security Council" is Iran's
  // government.
  void ComposeStateBody(Spans spans, std::size_t k) {
    const RawSpan& s = spans[k];
    std::size_t b = s.begin;
    while (b > 0 && T()[b - 1].is_word && T()[b - 1].capitalized &&
           !Covered(b - 1)) {
      --b;
    }
    if (k == 0 || b < 2 || !Is(T()[b - 1].folded, "'s") ||
        spans[k - 1].end != b - 1 || StateOf(spans[k - 1]) < 0) {
      return;
    }
    const KnownActor& base = m_.StateActor(StateOf(spans[k - 1]));
    std::string_view name = std::string_view(doc_.text).substr(
        T()[b].start, T()[s.end - 1].end - T()[b].start);
    Emit(b, s.end, GroupOf(base, base.actor.code, "GOV", name), How::kAgent);
  }

  bool ComposeCoordinatedAdjectives(Spans spans,
                                    std::size_t k) {
    // Cheap test first: most spans are no adjective followed by another.
    if (!spans[k].Has(kStateAdj) || k + 2 >= spans.size() ||
        !spans[k + 1].Has(kStateAdj)) {
      return false;
    }
    return ComposeAdjectiveList(spans, k);
  }

  // ComposeCoordinatedAdjectives past its cheap test. (Not inlined in
  // Compose, whose every span would pay for its vector.)
  [[gnu::noinline]] bool ComposeAdjectiveList(Spans spans, std::size_t k) {
    std::vector<std::size_t> adjectives;
    std::size_t j = k;
    while (j < spans.size() && spans[j].Has(kStateAdj)) {
      adjectives.push_back(j);
      if (j + 1 >= spans.size()) return false;
      std::size_t from = spans[j].end, to = spans[j + 1].begin;
      bool joined = to > from && to - from <= 2;
      for (std::size_t i = from; i < to && joined; ++i) {
        joined = Is(T()[i].folded, ",") || Is(T()[i].folded, "and");
      }
      if (!joined || !spans[j + 1].Has(kStateAdj)) break;
      ++j;
    }
    if (adjectives.size() < 2 || j + 1 >= spans.size()) return false;
    const RawSpan& head = spans[j + 1];  // what the last adjective modifies
    bool adjacent = head.begin == spans[adjectives.back()].end;
    if (!adjacent || !(head.Has(kTitle) || head.Has(kAgent))) return false;
    std::string_view sector, what;
    if (head.Has(kTitle)) {
      sector = m_.lex.titles()[head.Get(kTitle)].sector;
      what = m_.lex.titles()[head.Get(kTitle)].title;
    } else {
      sector = m_.lex.agents()[head.Get(kAgent)].sector;
      what = m_.lex.agents()[head.Get(kAgent)].name;
    }
    for (std::size_t a : adjectives) {
      const KnownActor& base = m_.StateActor(StateOf(spans[a]));
      Emit(spans[a].begin, a == adjectives.back() ? head.end : spans[a].end,
           GroupOf(base, base.actor.code, sector, what), How::kAgent);
    }
    consumed_until_ = head.end;
    return true;
  }

  void EmitPair(const RawSpan& s) {
    if (s.Get(kPair) != 0) {
      // The states' pair waits for the end of the sentence: the parties
      // named before it in its own sentence may be short forms, which are
      // found after the sentence's phrases. The story's protagonists are
      // taken now, as counted up to this point.
      PendingPair p{s.begin, s.end, s.Get(kPair), {nullptr, nullptr}, 0,
                    IsObjectOfRelation(s.begin)};
      p.n = TwoMainStates(p.main);
      std::swap(p.main[0], p.main[1]);
      pending_pairs_.push_back(p);
      return;
    }
    // The two people named last.
    const KnownActor* last[2] = {nullptr, nullptr};
    std::size_t n = 0;
    // "Zelenskiy thanked both leaders": a pair that is the object of a
    // relation verb leaves out the people named before it in its
    // sentence (the verb's subject is not one of its own objects).
    bool object = IsObjectOfRelation(s.begin);
    std::size_t from = T()[s.begin].start;
    for (auto it = people_.rbegin(); it != people_.rend() && n < 2; ++it) {
      const Mention& m = out_[*it];
      if (object && m.sentence == sentence_ && m.start < from) continue;
      const KnownActor* p = m.actor;
      if (n == 0 || last[0]->actor.id != p->actor.id) last[n++] = p;
    }
    if (n < 2) return;
    Emit(s.begin, s.end, last[1], How::kPair);
    Emit(s.begin, s.end, last[0], How::kPair);
  }

  // Whether the phrase at token `begin` follows a relation verb as its
  // object ("thanked both leaders", "urged both sides").
  bool IsObjectOfRelation(std::size_t begin) const {
    return begin > 0 && m_.relation_verbs.count(std::string_view(
                            T()[begin - 1].folded)) != 0;
  }

  // A pair of states ("the two sides", "both governments") met in the
  // sentence being composed: its tokens, its kind (1 the states, 2 their
  // militaries, 3 their governments) and the story's two main states when
  // it was met (main[1] named first).
  struct PendingPair {
    std::size_t begin, end;
    int kind;
    const KnownActor* main[2];
    std::size_t n;
    bool object;  // of a relation verb: see EmitPendingPairs
  };

  // Emits the sentence's pairs of states, after its short forms.
  void EmitPendingPairs() {
    for (const PendingPair& p : pending_pairs_) {
      // ("Lammy, who visited Islamabad, urged both sides to show
      // restraint": as an object, the pair is not the parties of its own
      // sentence, one of which is the subject.)
      const KnownActor* two[2] = {p.main[0], p.main[1]};
      std::size_t n = p.object ? 0 : TwoStatesOfSentence(p.begin, two);
      if (n < 2) n = p.n;
      if (n < 2) continue;
      if (p.kind >= 2) {  // the two states' armed forces, governments
        bool mil = p.kind == 2;
        std::string_view sector = mil ? "MIL" : "GOV";
        std::string_view what = mil ? "military" : "government";
        Emit(p.begin, p.end,
             GroupOf(*two[1], two[1]->actor.country, sector, what),
             How::kPair);
        Emit(p.begin, p.end,
             GroupOf(*two[0], two[0]->actor.country, sector, what),
             How::kPair);
        continue;
      }
      Emit(p.begin, p.end, two[1], How::kPair);
      Emit(p.begin, p.end, two[0], How::kPair);
    }
    pending_pairs_.clear();
  }

  // A new actor of the document: the group `base's name (what)` of
  // base's country and of code `code_base + sector` ("China (officials)",
  // CHNGOV). The strings are assigned in place, with no temporaries (a
  // pooled actor's strings already have the room, mostly). (The slot is
  // new to this document: no argument can be one of its strings.)
  const KnownActor* GroupOf(const KnownActor& base, std::string_view code_base,
                            std::string_view sector, std::string_view what) {
    KnownActor& k = NewActor();
    Actor& g = k.actor;
    g.code.assign(code_base).append(sector);
    g.id = g.code;
    g.name.assign(base.actor.name).append(" (").append(what).append(")");
    g.kind.assign("group"sv);
    g.country = base.actor.country;
    g.role.clear();
    k.kind = ActorKind::kGroup;
    k.country = base.country;
    k.state = base.state;
    k.role = -1;
    return &k;
  }

  // "Kamikawa will meet Manalo in Manila, and the two sides are expected
  // to sign": when the pair's own sentence has named the states of
  // exactly two parties before it, the pair is those two, whatever the
  // story's protagonists are. Puts them in out[1] (first named) and
  // out[0], and returns 2; returns 0 when the sentence names fewer or more.
  std::size_t TwoStatesOfSentence(std::size_t begin,
                                  const KnownActor* out[2]) const {
    std::size_t from = T()[begin].start;
    const StateEntry* seen[2] = {nullptr, nullptr};
    std::size_t n = 0;
    std::size_t first = out_.size();  // the sentence's first mention
    while (first > 0 && out_[first - 1].sentence == sentence_) --first;
    for (std::size_t i = first; i < out_.size(); ++i) {
      const Mention& m = out_[i];
      if (m.start >= from) continue;
      How how = m.how;
      if (how == How::kPlace || how == How::kPair || how == How::kAttribute) {
        continue;
      }
      const StateEntry* state = m.actor->state;
      if (state == nullptr || state == seen[0] || state == seen[1]) continue;
      if (n == 2) return 0;
      seen[n++] = state;
    }
    if (n < 2) return 0;
    for (std::size_t i = 0; i < 2; ++i) {
      out[1 - i] = &m_.StateActor(
          static_cast<int>(seen[i] - m_.lex.states().data()));
    }
    return 2;
  }

  // "the two countries", "the two sides": the story's protagonists, which
  // are the two states named most often so far (the more recent first on
  // a tie), not merely the last two ("...after leaving Singapore. Military
  // communication between the two countries" means the United States and
  // China).
  // Every mention but places counts for its country: "Japanese Prime
  // Minister Fumio Kishida welcomed South Korean President Yoon" makes
  // Japan and South Korea "the two governments". On a tie, the country
  // named first wins: a story names its protagonists in its lead.
  // Puts the states' Actors in out[0..n) and returns n (at most 2).
  std::size_t TwoMainStates(const KnownActor* out[2]) const {
    // The first two of the states ordered by mentions, first named first
    // among equals (as a stable sort would put them), in one pass.
    const StateEntry* order[2] = {nullptr, nullptr};
    std::size_t n = 0;
    int counts[2] = {0, 0};
    for (const Named& c : named_) {
      if (c.state == nullptr) continue;
      int m = c.mentions;
      if (n == 0 || m > counts[0]) {
        order[1] = order[0], order[0] = c.state;
        counts[1] = counts[0], counts[0] = m;
        n = n < 2 ? n + 1 : 2;
      } else if (n < 2 || m > counts[1]) {
        order[1] = c.state;
        counts[1] = m;
        n = 2;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      out[i] = &m_.StateActor(
          static_cast<int>(order[i] - m_.lex.states().data()));
    }
    return n;
  }

  // spans[k] is a title or group word; `state` is the modifier's state or
  // -1; `begin` is where the mention starts (the modifier, if any).
  void ComposeTitled(Spans spans, std::size_t k,
                     int state, std::size_t begin) {
    const RawSpan& s = spans[k];
    consumed_until_ = s.end;
    if (s.Has(kAgent) && !s.Has(kTitle)) {
      std::size_t end = s.end;
      // "Israel has strengthened its forces in Lebanon": after a possessive
      // pronoun the group is its owner's, and the state after "in" is
      // where it is.
      std::string_view owner = s.begin > 0 ? T()[s.begin - 1].folded : "";
      bool owned = state < 0 && (Is(owner, "its") || Is(owner, "their") ||
                                 Is(owner, "his") || Is(owner, "our"));
      if (state < 0 && !owned) {  // "soldiers from Gondor": the state follows
        state = StateAfter(spans, k);
        // "the foreign ministers of Britain, France, Germany, Russia and
        // China": a list says which states took part; each is named in its
        // own right.
        if (state >= 0 && StartsList(spans, k + 1)) return;
        if (state >= 0) end = consumed_until_ = spans[k + 1].end;
      }
      const AgentEntry& a = m_.lex.agents()[s.Get(kAgent)];
      if (state < 0 && a.context) state = context_state_;
      if (state < 0) return;  // a group of no known country
      const KnownActor& base = m_.StateActor(state);
      Emit(begin, end, GroupOf(base, base.actor.code, a.sector, a.name),
           How::kAgent);
      // "the Israeli cabinet and parliament": a second group word joined by
      // "and" shares the modifier.
      if (end == s.end && k + 1 < spans.size() && end + 1 < T().size() &&
          Is(T()[end].folded, "and") && spans[k + 1].begin == end + 1 &&
          spans[k + 1].Has(kAgent) && !spans[k + 1].Has(kTitle)) {
        const RawSpan& other = spans[k + 1];
        const AgentEntry& b = m_.lex.agents()[other.Get(kAgent)];
        Emit(other.begin, other.end,
             GroupOf(base, base.actor.code, b.sector, b.name), How::kAgent);
        consumed_until_ = other.end;
      }
      return;
    }
    const TitleEntry& title = m_.lex.titles()[s.Get(kTitle)];
    // "Putin's envoy Kirill Dmitriev": the official of a person named in
    // the possessive serves that person's country.
    if (state < 0 && begin >= 1 && Is(T()[begin - 1].folded, "'s") &&
        !out_.empty() && out_.back().person &&
        out_.back().sentence == sentence_ &&
        out_.back().end == T()[begin - 1].start &&
        out_.back().actor->state != nullptr) {
      state = static_cast<int>(out_.back().actor->state -
                               m_.lex.states().data());
    }
    // Titles run on: "Deputy Prime Minister", "Foreign Minister".
    std::size_t after = s.end;
    // "Chinese Defense Minister Gen. Li Shangfu": a rank between the title
    // and a name belongs to the same person.
    if (k + 2 < spans.size() && spans[k + 1].begin == after &&
        spans[k + 1].Has(kTitle) && !spans[k + 1].Has(kPersonFull) &&
        spans[k + 2].begin == spans[k + 1].end &&
        spans[k + 2].Has(kPersonFull)) {
      ++k;
      after = spans[k].end;
    }
    const RawSpan* next = k + 1 < spans.size() ? &spans[k + 1] : nullptr;
    // "China's top diplomat, Yang Jiechi": a known person in apposition.
    bool apposed = next && next->begin == after + 1 && after < T().size() &&
                   Is(T()[after].folded, ",");
    if (next && (next->begin == after || apposed) && next->Has(kPersonFull)) {
      const KnownActor* a = Person(next->Get(kPersonFull), &title);
      consumed_until_ = next->end;
      Emit(begin, next->end, a, How::kLexicon, next->begin);
      return;
    }
    // "Russian President Putin", "Turkish President Erdogan": a known
    // person's short form, alone after the title (no other name word), of
    // the title's country when it names one, is that person.
    if (next && next->begin == after && next->Has(kPersonShort) &&
        !next->Has(kPersonFull) &&
        NameRun(after) == next->end - next->begin) {
      const int idx = next->Get(kPersonShort);
      if (state < 0 ||
          m_.lex.people()[idx].country == m_.lex.states()[state].code) {
        const KnownActor* a = Person(idx, &title);
        consumed_until_ = next->end;
        Emit(begin, next->end, a, How::kLexicon, next->begin);
        return;
      }
    }
    // "France's ambassador to the United States, Philippe Etienne", "the
    // EU's special envoy for the region, Miroslav Lajcak": a short
    // prepositional phrase, a comma, then the name.
    if (after < T().size() && IsTitlePreposition(T()[after].folded)) {
      std::size_t comma = after + 1;
      while (comma < T().size() && comma - after <= 5 &&
             !Is(T()[comma].folded, ",")) {
        ++comma;
      }
      std::size_t name = comma + 1;
      std::size_t r = comma < T().size() && Is(T()[comma].folded, ",")
                          ? NameRun(name)
                          : 0;
      const RawSpan* named = nullptr;
      for (std::size_t j = k + 1; j < spans.size(); ++j) {
        if (spans[j].begin == name) named = &spans[j];
        if (spans[j].begin < comma && StateOf(spans[j]) >= 0) {
          Emit(spans[j].begin, spans[j].end, &m_.StateActor(StateOf(spans[j])),
               How::kLexicon);
        }
      }
      if (named && named->Has(kPersonFull)) {
        const KnownActor* a = Person(named->Get(kPersonFull), &title);
        consumed_until_ = named->end;
        Emit(name, named->end, a, How::kLexicon, name);
        return;
      }
      if (r >= 2 && !named) {
        consumed_until_ = name + r;
        Emit(name, name + r, NewPerson(name, name + r, title, state),
             How::kTitle, name);
        return;
      }
    }
    // "his Chinese counterpart, Gen. Wei Fenghe": the next title introduces
    // the same person, who is composed from there.
    if (next && next->begin == after + 1 && after < T().size() &&
        Is(T()[after].folded, ",") && next->Has(kTitle)) {
      return;
    }
    std::size_t run = after < T().size() ? NameRun(after) : 0;
    // ("Russian President Boris Yeltsin": a known first name that a
    // surname follows is another person's first name; so is a city's name,
    // "President Milan Kucan".)
    bool first_name = next && next->begin == after && next->end < after + run &&
                      ((next->Has(kPersonShort) && !next->Has(kPersonFull)) ||
                       next->Has(kCity) || next->Has(kCapital));
    if (next && next->begin < after + run && !first_name) {
      run = next->begin - after;
    }
    // "his Japanese counterpart, Takeshi Iwaya": apposition after a comma.
    if (run == 0 && after + 1 < T().size() && Is(T()[after].folded, ",")) {
      std::size_t r = NameRun(after + 1);
      if (r >= 2 && !(next && next->begin == after + 1)) {
        after += 1;
        run = r;
      }
    }
    if (run >= 1 && !(run == 1 && s.end == T().size() - 1)) {
      // "King Hassan of Morocco": a state after "of" is the holder's (and
      // still named in its own right).
      std::size_t end = after + run;
      if (state < 0 && end + 1 < T().size() && Is(T()[end].folded, "of")) {
        for (std::size_t j = k + 1; j < spans.size(); ++j) {
          if (spans[j].begin != end + 1) continue;
          if (int st = StateOf(spans[j]); st >= 0 && !spans[j].Has(kCity)) {
            state = st;
          }
          break;
        }
      }
      const KnownActor* a = NewPerson(after, end, title, state);
      consumed_until_ = end;
      Emit(begin, end, a, How::kTitle, after);
      return;
    }
    // "the foreign minister", "the president": the nearest earlier holder
    // - but "the last secretary of state to visit China", "the first
    // Japanese premier to ..." describe another holder, not the one named.
    bool ranked = begin > 0 && IsRankWord(T()[begin - 1].folded);
    if (const std::size_t* at = ranked ? nullptr : Holder(title, state)) {
      Emit(begin, s.end, out_[*at].actor, How::kCoref);
      return;
    }
    // "Musaed al-Aiban, Saudi Arabia's national security adviser": the name
    // stands before the title, after a comma.
    std::size_t lead = begin;  // before "Saudi Arabia's", if any
    if (k > 0 && state >= 0 && spans[k - 1].end + 1 == begin &&
        Is(T()[begin - 1].folded, "'s")) {
      lead = spans[k - 1].begin;
    }
    if (lead >= 2 && Is(T()[lead - 1].folded, ",")) {
      begin = lead;
      // A person already named there: "Wang Yi, China's top diplomat".
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (it->sentence != sentence_) break;
        if (it->end == T()[begin - 2].end && it->person) {
          Emit(begin, s.end, it->actor, How::kCoref);
          return;
        }
      }
      std::size_t ne = begin - 1, nb = ne;
      while (nb > 0 && ne - nb < 6 && T()[nb - 1].is_word &&
             (T()[nb - 1].capitalized || IsNameParticle(nb - 1)) &&
             !Covered(nb - 1)) {
        --nb;
      }
      while (nb < ne && !T()[nb].capitalized) ++nb;
      if (ne - nb >= 2) {
        const KnownActor* a = NewPerson(nb, ne, title, state);
        Emit(nb, ne, a, How::kTitle, nb);
        Emit(begin, s.end, a, How::kCoref);
        return;
      }
    }
    // "the Emirati minister" after "Emirati Foreign Minister Abdullah bin
    // Zayed": the latest person of that country whose role ends in the
    // same word.
    if (const KnownActor* a = ranked ? nullptr : HolderByHead(title, state)) {
      Emit(begin, s.end, a, How::kCoref);
      return;
    }
    // "the Japanese ambassador": an unnamed official of a known country.
    if (state >= 0) {
      const StateEntry& st = m_.lex.states()[state];
      KnownActor& a = NewActor();
      a.actor = Actor{SlugOf(st.name + " " + title.title),
                      st.name + " (" + title.title + ")", "person", st.code,
                      st.code + title.sector, title.title};
      a.kind = ActorKind::kPerson;
      a.country = PackCode(st.code);
      a.state = m_.StateActor(state).state;
      a.role = m_.TitleRole(title);
      Emit(begin, s.end, &a, How::kTitle);
    }
  }

  // Words that rank one holder of a title among others ("the first
  // secretary of state to visit", "the last president who ...").
  static bool IsRankWord(std::string_view f) {
    return Is(f, "first") || Is(f, "last") || Is(f, "only") ||
           Is(f, "next") || Is(f, "previous") || Is(f, "second") ||
           Is(f, "third");
  }

  // The mention of the latest holder of `title` (of `state`'s country when
  // state >= 0), or null.
  const std::size_t* Holder(const TitleEntry& title, int state) const {
    const Holders* h = FindHolders(m_.TitleRole(title));
    if (h == nullptr) return nullptr;
    if (state < 0) return &h->any;
    const std::string& code = m_.lex.states()[state].code;
    std::uint64_t key = PackCode(code);
    for (const auto& [country, at] : h->by_country) {
      if (country == key &&
          (key != kLongCode || out_[at].actor->actor.country == code)) {
        return &at;
      }
    }
    return nullptr;
  }

  // The holders of role id `role` in this document, or null.
  const Holders* FindHolders(int role) const {
    if (role < 0 || static_cast<std::size_t>(role) >=
                        holders_.role_slots.size()) {
      return nullptr;
    }
    const ComposerScratch::RoleSlot& slot = holders_.role_slots[role];
    if (slot.stamp != holders_.stamp) return nullptr;
    return &holders_.holders[slot.holders];
  }
  // The holders of role id `role` (>= 0), added (with no holder yet) if
  // new.
  Holders& HoldersOf(int role) {
    auto r = static_cast<std::size_t>(role);
    if (r >= holders_.role_slots.size()) holders_.role_slots.resize(r + 1);
    ComposerScratch::RoleSlot& slot = holders_.role_slots[r];
    std::vector<Holders>& all = holders_.holders;
    if (slot.stamp == holders_.stamp) return all[slot.holders];
    if (holders_.holders_used == all.size()) all.emplace_back();
    Holders& h = all[holders_.holders_used];
    h.any = 0;
    h.by_country.clear();
    slot.stamp = holders_.stamp;
    slot.holders = static_cast<std::uint32_t>(holders_.holders_used++);
    return h;
  }

  const KnownActor* HolderByHead(const TitleEntry& title, int state) const {
    if (state < 0) return nullptr;
    const std::string& country = m_.lex.states()[state].code;
    std::uint64_t key = PackCode(country);
    int role = m_.TitleRole(title);
    if (role < 0) return nullptr;
    const std::string& head = m_.role_heads[role];
    std::size_t looked = 0;
    for (auto it = people_.rbegin(); it != people_.rend() && looked < 64;
         ++it, ++looked) {
      const KnownActor& p = *out_[*it].actor;
      if (p.country == key &&
          (key != kLongCode || p.actor.country == country) && p.role >= 0 &&
          m_.role_heads[p.role] == head) {
        return &p;
      }
    }
    return nullptr;
  }

  // The person of name tokens [b, e) introduced by `title`: an earlier
  // mention's (a one-word short form), else a new actor of the document.
  const KnownActor* NewPerson(std::size_t b, std::size_t e,
                              const TitleEntry& title, int state) {
    if (e - b == 1) {
      if (const std::size_t* at = short_forms_.Find(T()[e - 1])) {
        return out_[*at].actor;
      }
    }
    std::string_view name = std::string_view(doc_.text).substr(
        T()[b].start, T()[e - 1].end - T()[b].start);
    std::string_view country;
    const StateEntry* entry = nullptr;  // m_.FindState(country)
    if (state >= 0) {
      country = m_.lex.states()[state].code;
      entry = m_.StateActor(state).state;
    } else if (!title.country.empty()) {
      country = title.country;
      entry = m_.title_states[m_.TitleIndex(title)];
    } else if (context_state_ >= 0) {
      country = m_.lex.states()[context_state_].code;
      entry = m_.StateActor(context_state_).state;
    }
    // The strings are assigned in place, as in GroupOf.
    KnownActor& k = NewActor();
    Actor& a = k.actor;
    AssignSlug(name, &a.id);
    a.name.assign(name);
    a.kind.assign("person"sv);
    a.country.assign(country);
    a.code.assign(country.empty() ? "---"sv : country).append(title.sector);
    a.role.assign(title.title);
    k.kind = ActorKind::kPerson;
    k.country = PackCode(country);
    k.state = entry;
    k.role = m_.TitleRole(title);
    return &k;
  }

  const ActorRecognizer::Impl& m_;
  const Document& doc_;
  int context_state_;
  std::size_t sentence_ = 0;
  const std::vector<Token>* tokens_ = nullptr;
  std::size_t consumed_until_ = 0;
  // The containers below are the thread's ComposerScratch's.
  std::vector<std::size_t>& person_mentions_;  // indexes into out_
  // Tables of people name the mention (index into out_) that introduced
  // them, so remembering a person copies no strings.
  // The latest holder of each folded role (holders_.holders).
  ComposerScratch& holders_;
  std::vector<std::size_t>& people_;  // person mentions Remember()ed
  // Each country named (other than as a place or pair), first named
  // first.
  std::vector<Named>& named_;
  std::vector<PendingPair> pending_pairs_;  // of the current sentence
  std::vector<std::uint64_t>& named_keys_;  // PackCode of each named_
  ShortForms& short_forms_;
  // Sentence(): tokens under a mention (those marked cover_mark_).
  std::vector<std::uint32_t>& covered_;
  std::uint32_t& cover_mark_;
  std::vector<Mention>& out_;   // the document's mentions so far
  ActorPool& pool_;             // the actors they made
};

}  // namespace

std::vector<ActorMention> ComposeMentions(
    const ActorRecognizer::Impl& impl, const Document& doc, int context_state,
    const std::vector<SentenceTokens>& tokens, const std::vector<RawSpan>& raw,
    const std::vector<std::size_t>& first) {
  thread_local ComposerScratch scratch;
  Composer composer(impl, doc, context_state, scratch);
  std::size_t spans = raw.size();
  composer.Reserve(spans + spans / 4 + 8);  // mentions: about one a span
  for (std::size_t si = 0; si < tokens.size(); ++si) {
    std::size_t skip = si == 0 ? DatelineLength(tokens[si].tokens) : 0;
    composer.Sentence(si, tokens[si].tokens,
                      Spans(raw.data() + first[si], first[si + 1] - first[si]),
                      skip);
  }
  return composer.Take();
}

}  // namespace entente
