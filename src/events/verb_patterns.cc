// Approach (see verb_patterns.h): one phrase trie over every verb form of
// the dictionary; per sentence, actor mentions become token-range groups
// (coordinations joined), each verb occurrence tries the patterns of its
// own block(s) by a greedy left-to-right (after the verb) and right-to-left
// (before it) walk with bounded gaps, and the best match decides the code
// and any bound actors; defaults fill the rest.
#include "events/verb_patterns.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <unordered_map>

#include "events/event_dating.h"
#include "events/event_rules.h"
#include "events/sentence_cues.h"
#include "text/phrase_matcher.h"

namespace entente {
namespace {

// Tokens a pattern may skip between two of its elements ("abandon full
// diplomatic ties" for "* {DIPLOMATIC TIES}").
constexpr std::size_t kMaxGap = 4;
// How far after the verb a default target may start.
constexpr std::size_t kTargetReach = 12;

// (Length and first byte first: called for most tokens of each clause.)
template <std::size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view e : list) {
    if (e.size() == w.size() && e[0] == w[0] && e == w) return true;
  }
  return false;
}

// A word before a verb form that makes it a noun ("the attack", "their
// meeting").
bool IsDeterminer(std::string_view f) {
  static constexpr std::array<std::string_view, 13> kDet = {
      "the", "a",  "an",   "its", "their", "his",  "her",
      "our", "my", "your", "'s",  "this",  "these"};
  return In(kDet, f);
}

// Words that start another clause: a verb's arguments are not sought
// across them.
bool IsClauseBoundary(std::string_view f) {
  static constexpr std::array<std::string_view, 14> kBounds = {
      ";",    ":",        "after", "before",  "since", "because", "while",
      "when", "although", "until", "whether", "if",    "unless",  "whereas"};
  return In(kBounds, f);
}

bool IsCoordinator(std::string_view f) {
  return f == "and" || f == "&" || f == "or" || f == "nor";
}

// "heavily", "also", "not": words that may stand between an auxiliary and
// its verb.
bool IsAdverbLike(const Token& t) {
  std::string_view f = t.folded;
  return (f.size() > 3 && f.compare(f.size() - 2, 2, "ly") == 0) ||
         f == "also" || f == "not" || f == "n't" || f == "never" ||
         f == "again" || f == "already" || f == "earlier" || f == "and";
}

struct Group {
  std::size_t begin = 0, end = 0;  // tokens
  std::vector<const ActorMention*> members;
  bool place = false;  // after "in", "at", ... or marked as a place
};

// A pattern's word: the token itself, or (unless exact) its plural.
bool WordMatches(const CameoWord& w, std::string_view token) {
  // Most tokens differ from the word in their first byte.
  if (token.empty() || w.text.empty() || token[0] != w.text[0]) {
    return token == w.text ||
           (!w.exact && w.text.empty() && (token == "s" || token == "es"));
  }
  if (token == w.text) return true;
  if (w.exact || token.size() <= w.text.size()) return false;
  if (token.compare(0, w.text.size(), w.text) != 0) return false;
  std::string_view rest = std::string_view(token).substr(w.text.size());
  return rest == "s" || rest == "es";
}

// The dictionary compiled for matching.
struct CompiledVerbs {
  struct FormRef {
    int block, form;
  };
  struct Described {
    std::string relation, plover;
  };

  // A block's patterns by one plain word each needs (the longest; see
  // PatternsFor), and those without any plain word.
  struct BlockIndex {
    std::unordered_map<std::string_view, std::vector<int>> by_word;
    std::vector<int> always;
    // The first bytes and lengths (63 for longer) of the words of
    // by_word: most tokens are ruled out by these before any hashing.
    std::bitset<256> first;
    std::uint64_t lengths = 0;
    void Add(std::string_view word, int pattern) {
      by_word[word].push_back(pattern);
      first.set(static_cast<unsigned char>(word[0]));
      lengths |= std::uint64_t{1} << std::min<std::size_t>(word.size(), 63);
    }
    bool MayHave(std::string_view word) const {
      return !word.empty() && first[static_cast<unsigned char>(word[0])] &&
             ((lengths >> std::min<std::size_t>(word.size(), 63)) & 1) != 0;
    }
  };

  const CameoVerbDictionary& dict;
  const Lexicon& lex;
  PhraseMatcher forms;
  std::vector<FormRef> refs;
  std::map<std::string, std::string> relation_of_code;
  std::vector<BlockIndex> index;  // by block
  // A synset's members by the text of their first word and of their last
  // (members with an empty one are in `always`): a synset is tried only
  // with the members that can start or end at a token.
  struct SynsetIndex {
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_first,
        by_last;
    std::vector<std::size_t> always;
  };
  std::vector<SynsetIndex> synset_index;

  CompiledVerbs(const CameoVerbDictionary& d, const Lexicon& l)
      : dict(d), lex(l) {
    for (const CameoSynset& set : d.synsets) {
      SynsetIndex& si = synset_index.emplace_back();
      for (std::size_t m = 0; m < set.members.size(); ++m) {
        const auto& member = set.members[m];
        if (member.empty()) continue;  // matches nothing
        if (member.front().text.empty() || member.back().text.empty()) {
          si.always.push_back(m);
          continue;
        }
        si.by_first[member.front().text].push_back(m);
        si.by_last[member.back().text].push_back(m);
      }
    }
    index.resize(d.blocks.size());
    for (std::size_t b = 0; b < d.blocks.size(); ++b) {
      const auto& block = d.blocks[b];
      for (std::size_t i = 0; i < block.patterns.size(); ++i) {
        int n = static_cast<int>(i);
        std::vector<std::string_view> keys;
        if (KeysOf(block.patterns[i], &keys)) {
          for (std::string_view k : keys) index[b].Add(k, n);
        } else {
          index[b].always.push_back(n);
        }
      }
      for (std::size_t f = 0; f < block.forms.size(); ++f) {
        std::string phrase;
        for (const std::string& w : block.forms[f].words) {
          phrase += (phrase.empty() ? "" : " ") + w;
        }
        forms.Add(phrase, static_cast<int>(refs.size()), false);
        refs.push_back({static_cast<int>(b), static_cast<int>(f)});
      }
    }
    for (const RelationEntry& r : l.relations()) {
      relation_of_code.emplace(r.cameo, r.relation);
    }
  }

  // Words of which a clause must have one (as WordMatches reads a token)
  // for pattern `p` to match there: its longest plain word, else the first
  // words of the members of its first synset. False when there are none.
  bool KeysOf(const CameoVerbPattern& p,
              std::vector<std::string_view>* keys) const {
    using K = CameoPatternElement::Kind;
    const CameoWord* key = nullptr;
    const CameoPatternElement* synset = nullptr;
    for (const auto* side : {&p.before, &p.after}) {
      for (const CameoPatternElement& e : *side) {
        if (e.kind == K::kSynset && !synset) synset = &e;
        if (e.kind != K::kWord || e.word.text.empty()) continue;
        if (!key || e.word.text.size() > key->text.size()) key = &e.word;
      }
    }
    if (key) {
      keys->push_back(key->text);
      return true;
    }
    if (!synset || synset->synset < 0 ||
        static_cast<std::size_t>(synset->synset) >= dict.synsets.size()) {
      return false;
    }
    for (const auto& member :
         dict.synsets[static_cast<std::size_t>(synset->synset)].members) {
      if (member.empty()) continue;  // matches nothing
      if (member.front().text.empty()) return false;
      keys->push_back(member.front().text);
    }
    return true;
  }

  // Appends to `out` the patterns of `block` that may match in a clause of
  // tokens `clause`, in no particular order and possibly repeated: those
  // whose key word is a token or, less a plural "s" or "es", a token's
  // stem, and those without a key word. So a verb's cost follows its
  // clause and the patterns that could match, not the size of its block.
  void PatternsFor(std::size_t block, std::span<const Token> clause,
                   std::vector<int>* out) const {
    const BlockIndex& bi = index[block];
    out->insert(out->end(), bi.always.begin(), bi.always.end());
    if (bi.by_word.empty()) return;
    auto visit = [&](std::string_view w) {
      if (!bi.MayHave(w)) return;
      auto it = bi.by_word.find(w);
      if (it != bi.by_word.end()) {
        out->insert(out->end(), it->second.begin(), it->second.end());
      }
    };
    // The readings of ForEachReading, each first checked against MayHave.
    for (const Token& t : clause) {
      std::string_view f = t.folded;
      visit(f);
      if (f.ends_with('s')) visit(f.substr(0, f.size() - 1));
      if (f.ends_with("es")) visit(f.substr(0, f.size() - 2));
    }
  }

  // Calls `f` with the entries of `map` under each word `token` may be
  // read as (WordMatches): itself, and itself less a plural "s" or "es".
  template <typename Map, typename F>
  static void ForEachReading(const Map& map, std::string_view token, F f) {
    auto visit = [&](std::string_view w) {
      auto it = map.find(w);
      if (it != map.end()) f(it->second);
    };
    visit(token);
    if (token.ends_with('s')) visit(token.substr(0, token.size() - 1));
    if (token.ends_with("es")) visit(token.substr(0, token.size() - 2));
  }

  Described Describe(const std::string& code) const {
    Described d;
    auto it = relation_of_code.find(code);
    d.relation = it != relation_of_code.end() ? it->second : "cameo_" + code;
    // Unknown sub-codes ("0579") fall back to their parents.
    for (std::size_t n = code.size(); n >= 2; --n) {
      if (const CameoEntry* c = lex.FindCameo(code.substr(0, n))) {
        d.plover = c->plover;
        break;
      }
    }
    return d;
  }
};

}  // namespace

struct VerbPatternCoder::Impl : CompiledVerbs {
  using CompiledVerbs::CompiledVerbs;
};

VerbPatternCoder::VerbPatternCoder(const CameoVerbDictionary& dictionary,
                                   const Lexicon& lexicon)
    : impl_(std::make_unique<Impl>(dictionary, lexicon)) {}
VerbPatternCoder::~VerbPatternCoder() = default;

namespace {

// What a pattern match found: bound actors and how good the match was.
struct Binding {
  const Group* source = nullptr;
  const Group* target = nullptr;
  bool compound = false;
  std::size_t elements = 0, skipped = 0;
  bool better_than(const Binding& o) const {
    return elements != o.elements ? elements > o.elements : skipped < o.skipped;
  }
};

class SentenceCoder {
 public:
  SentenceCoder(const CompiledVerbs& impl, const Document& doc,
                const Sentence& sentence, std::size_t index,
                const std::vector<Token>& tokens,
                const std::vector<const ActorMention*>& mentions,
                const EventDating& dating, VerbCoding* out)
      : impl_(impl),
        doc_(doc),
        sentence_(sentence),
        index_(index),
        t_(tokens),
        dating_(dating),
        out_(out),
        ids_(impl.forms.Encode(tokens)) {
    BuildGroups(mentions);
  }

  void Run() {
    struct Found {
      std::size_t begin, end;
      const std::vector<int>* payloads;
    };
    std::vector<Found> verbs;
    for (std::size_t i = 0; i < t_.size();) {
      PhraseMatcher::Match m = impl_.forms.Longest(t_, ids_, i, t_.size());
      if (m.length == 0 || !VerbReading(i, i + m.length)) {
        ++i;
        continue;
      }
      verbs.push_back({i, i + m.length, m.payloads});
      i += m.length;
    }
    for (std::size_t k = 0; k < verbs.size(); ++k) {
      // A default target is not sought past the next verb: what follows
      // it is that verb's object.
      std::size_t next = k + 1 < verbs.size() ? verbs[k + 1].begin : t_.size();
      CodeVerb(verbs[k].begin, verbs[k].end, next, *verbs[k].payloads);
    }
  }

 private:
  std::size_t TokenAt(std::size_t byte) const {
    auto it = std::lower_bound(
        t_.begin(), t_.end(), byte,
        [](const Token& t, std::size_t b) { return t.start < b; });
    return static_cast<std::size_t>(it - t_.begin());
  }

  // Mentions sharing a span form one group; mentions joined by "and", ","
  // (with a coordinator somewhere in the list) and a few determiners and
  // adjectives ("Arnor and the evil Gondor") form one coordination.
  void BuildGroups(const std::vector<const ActorMention*>& mentions) {
    std::vector<Group> raw;
    for (const ActorMention* m : mentions) {
      std::size_t b = TokenAt(m->start), e = TokenAt(m->end);
      if (e <= b) continue;
      if (!raw.empty() && raw.back().begin == b && raw.back().end == e) {
        raw.back().members.push_back(m);
        continue;
      }
      if (!raw.empty() && b < raw.back().end) continue;  // overlapping
      // "Bree Prime Minister Romendacil": a title and a name of the same
      // country, side by side, are one actor; the more specific code wins.
      if (!raw.empty() && b == raw.back().end &&
          raw.back().members.size() == 1 &&
          raw.back().members[0]->actor.country == m->actor.country &&
          !m->actor.country.empty()) {
        Group& last = raw.back();
        last.end = e;
        if (m->actor.code.size() > last.members[0]->actor.code.size()) {
          last.members[0] = m;
        }
        continue;
      }
      Group g{b, e, {m}, m->how == "place"};
      if (b > 0) {
        std::string_view f = t_[b - 1].folded;
        g.place |= f == "in" || f == "at" || f == "near";
      }
      raw.push_back(std::move(g));
    }
    std::vector<Group> chain;
    bool has_coordinator = false;
    auto flush = [&] {
      if (chain.size() > 1 && !has_coordinator) {
        for (Group& g : chain) groups_.push_back(std::move(g));
      } else if (!chain.empty()) {
        Group joined = chain.front();
        for (std::size_t k = 1; k < chain.size(); ++k) {
          joined.end = chain[k].end;
          for (const ActorMention* m : chain[k].members) {
            joined.members.push_back(m);
          }
        }
        groups_.push_back(std::move(joined));
      }
      chain.clear();
      has_coordinator = false;
    };
    for (Group& g : raw) {
      bool coord = false;
      if (!chain.empty() && !g.place)
        coord = Joins(chain.back().end, g.begin, &has_coordinator);
      if (!coord) flush();
      chain.push_back(std::move(g));
    }
    flush();
  }

  // Whether tokens [from, to) join two actor mentions into a coordination.
  bool Joins(std::size_t from, std::size_t to, bool* has_coordinator) const {
    if (to <= from || to - from > 4) return false;
    bool joiner = false, coordinator = false;
    for (std::size_t i = from; i < to; ++i) {
      const Token& t = t_[i];
      if (IsCoordinator(t.folded)) {
        joiner = coordinator = true;
      } else if (t.folded == ",") {
        joiner = true;
      } else if (!t.is_word || t.capitalized || i == from ||
                 IsPreposition(t.folded) ||
                 impl_.forms.Longest(t_, ids_, i, t_.size()).length > 0) {
        return false;  // "X and promised aid to Y" is no coordination
      }
    }
    if (coordinator) *has_coordinator = true;
    return joiner;
  }

  // A verb form reads as a verb unless it is capitalised inside the
  // sentence, follows a determiner, or lies inside an actor's name.
  bool VerbReading(std::size_t b, std::size_t e) const {
    if (b > 0 && t_[b].capitalized && !t_[b].all_caps) return false;
    if (b > 0 && IsDeterminer(t_[b - 1].folded)) return false;
    for (const Group& g : groups_) {
      if (b < g.end && g.begin < e) {
        for (const ActorMention* m : g.members) {
          if (TokenAt(m->start) < e && b < TokenAt(m->end)) return false;
        }
      }
    }
    return true;
  }

  std::size_t ClauseStart(std::size_t verb) const {
    for (std::size_t i = verb; i > 0; --i) {
      if (IsClauseBoundary(t_[i - 1].folded)) return i;
    }
    return 0;
  }

  std::size_t ClauseEnd(std::size_t after) const {
    for (std::size_t i = after; i < t_.size(); ++i) {
      std::string_view f = t_[i].folded;
      if (IsClauseBoundary(f) || f == "who" || f == "which") return i;
    }
    return t_.size();
  }

  const Group* GroupStartingAt(std::size_t p) const {
    for (const Group& g : groups_) {
      if (g.begin == p) return &g;
    }
    return nullptr;
  }
  const Group* GroupEndingAt(std::size_t p) const {
    for (const Group& g : groups_) {
      if (g.end == p) return &g;
    }
    return nullptr;
  }

  // Matches element `e` at `p`, forwards (it starts at p) or backwards (it
  // ends at p); on success sets `*next` past it and records slots.
  bool MatchElement(const CameoPatternElement& e, std::size_t p, bool forward,
                    std::size_t lo, std::size_t hi, std::size_t* next,
                    Binding* b) const {
    using K = CameoPatternElement::Kind;
    // (Words and synsets need no group: looked up only for the others.)
    const Group* g = nullptr;
    if (e.kind != K::kWord && e.kind != K::kSynset) {
      g = forward ? GroupStartingAt(p) : GroupEndingAt(p);
      if (g && (g->begin < lo || g->end > hi)) g = nullptr;
    }
    switch (e.kind) {
      case K::kWord:
        if (forward ? p >= hi : p <= lo) return false;
        if (!WordMatches(e.word, t_[forward ? p : p - 1].folded)) return false;
        *next = forward ? p + 1 : p - 1;
        return true;
      case K::kSynset:
        return MatchSynset(e.synset, p, forward, lo, hi, next);
      case K::kSkip:
        if (forward ? p >= hi : p <= lo) return false;
        *next = g ? (forward ? g->end : g->begin) : (forward ? p + 1 : p - 1);
        return true;
      case K::kSource:
      case K::kTarget:
      case K::kCompound:
        if (!g) return false;
        if (e.kind == K::kCompound) {
          if (g->members.size() < 2) return false;
          b->compound = true;
        }
        (e.kind == K::kTarget ? b->target : b->source) = g;
        *next = forward ? g->end : g->begin;
        return true;
    }
    return false;
  }

  bool MatchSynset(int set, std::size_t p, bool forward, std::size_t lo,
                   std::size_t hi, std::size_t* next) const {
    // The longest member that starts at p (forwards) or ends at p
    // (backwards); only members whose first or last word the token there
    // can be are tried.
    if (forward ? p >= hi : p <= lo) return false;
    const auto& members =
        impl_.dict.synsets[static_cast<std::size_t>(set)].members;
    const auto& si = impl_.synset_index[static_cast<std::size_t>(set)];
    std::size_t best = 0;
    auto consider = [&](std::size_t m) {
      const auto& member = members[m];
      std::size_t k = member.size();
      if (k <= best) return;
      if (forward ? p + k > hi : p < lo + k) return;
      std::size_t start = forward ? p : p - k;
      for (std::size_t j = 0; j < k; ++j) {
        if (!WordMatches(member[j], t_[start + j].folded)) return;
      }
      best = k;
    };
    for (std::size_t m : si.always) consider(m);
    CompiledVerbs::ForEachReading(
        forward ? si.by_first : si.by_last, t_[forward ? p : p - 1].folded,
        [&](const std::vector<std::size_t>& ms) {
          for (std::size_t m : ms) consider(m);
        });
    if (best == 0) return false;
    *next = forward ? p + best : p - best;
    return true;
  }

  static bool IsWordLike(const CameoPatternElement& e) {
    return e.kind == CameoPatternElement::Kind::kWord ||
           e.kind == CameoPatternElement::Kind::kSynset;
  }

  // Greedy walk of one side of the pattern: each element at the nearest
  // position (at most kMaxGap tokens on) where it matches.
  bool MatchSide(const std::vector<CameoPatternElement>& elements,
                 std::size_t from, bool forward, std::size_t lo, std::size_t hi,
                 Binding* b) const {
    std::size_t pos = from;
    for (std::size_t k = 0; k < elements.size(); ++k) {
      const auto& e = forward ? elements[k] : elements[elements.size() - 1 - k];
      bool found = false;
      std::size_t max_gap = kMaxGap;
      // Words before the verb are its auxiliaries and adverbs: adjacent.
      if (!forward && IsWordLike(e)) max_gap = 0;
      // The first word after the verb may follow an article and modifiers.
      if (forward && k == 0) max_gap = kMaxGap + 1;
      for (std::size_t gap = 0; gap <= kMaxGap + 1 && !found; ++gap) {
        if (forward ? pos + gap > hi : pos < lo + gap) break;
        // The word right before the verb may be separated from it by the
        // verb's auxiliaries ("{DEATH TOLL} *": "death toll has risen").
        if (gap > max_gap &&
            !(k == 0 && !forward && IsAuxiliary(t_[pos - gap]))) {
          break;
        }
        std::size_t p = forward ? pos + gap : pos - gap, next = 0;
        if (MatchElement(e, p, forward, lo, hi, &next, b)) {
          found = true;
          b->skipped += gap;
          pos = next;
        }
      }
      if (!found) return false;
      ++b->elements;
    }
    return true;
  }

  // The best pattern of the candidate blocks; false when none matches.
  bool BestPattern(const std::vector<int>& payloads, std::size_t vb,
                   std::size_t ve, std::size_t lo, std::size_t hi,
                   const CameoVerbPattern** best, Binding* binding) const {
    std::set<int> tried;
    std::vector<int> candidates;
    for (int payload : payloads) {
      int block = impl_.refs[static_cast<std::size_t>(payload)].block;
      if (!tried.insert(block).second) continue;
      const auto& patterns =
          impl_.dict.blocks[static_cast<std::size_t>(block)].patterns;
      // Only the patterns whose words the clause has, in the dictionary's
      // order (which breaks ties between equally good matches).
      candidates.clear();
      impl_.PatternsFor(static_cast<std::size_t>(block),
                        std::span<const Token>(t_).subspan(lo, hi - lo),
                        &candidates);
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()),
                       candidates.end());
      for (int c : candidates) {
        const auto& p = patterns[static_cast<std::size_t>(c)];
        Binding b;
        if (!MatchSide(p.before, vb, false, lo, hi, &b)) continue;
        if (!MatchSide(p.after, ve, true, lo, hi, &b)) continue;
        if (!*best || b.better_than(*binding)) *best = &p, *binding = b;
      }
    }
    return *best != nullptr;
  }

  // A passive: a form of "be" (or "get") before the verb, with only
  // adverbs between, and a participle ("-ed", "-en", or an irregular form).
  bool Passive(std::size_t vb) const {
    std::string_view f = t_[vb].folded;
    if (f.size() > 3 && f.compare(f.size() - 3, 3, "ing") == 0) return false;
    for (std::size_t i = vb; i > 0 && vb - i < 4; --i) {
      const Token& w = t_[i - 1];
      if (IsBeVerb(w.folded) || w.folded == "got" || w.folded == "get") {
        return w.folded != "'s";
      }
      if (!IsAdverbLike(w)) return false;
    }
    return false;
  }

  const Group* Before(std::size_t pos, std::size_t lo) const {
    const Group* best = nullptr;
    for (const Group& g : groups_) {
      if (g.end <= pos && g.begin >= lo && !g.place) best = &g;
    }
    return best;
  }

  // The first group after `pos` within reach: not a place if another is
  // there, and not `other`.
  const Group* After(std::size_t pos, std::size_t hi,
                     const Group* other) const {
    const Group* place = nullptr;
    for (const Group& g : groups_) {
      if (g.begin < pos || g.end > hi || &g == other) continue;
      if (g.begin - pos > kTargetReach) break;
      if (SpeakerAfterComma(pos, g)) continue;
      if (!g.place) return &g;
      if (!place) place = &g;
    }
    return place;
  }

  // ", a senior Bree official said": an actor after a comma that a
  // reporting verb follows is the speaker, not the verb's object.
  bool SpeakerAfterComma(std::size_t from, const Group& g) const {
    bool comma = false;
    for (std::size_t i = from; i < g.begin; ++i) comma |= t_[i].folded == ",";
    if (!comma) return false;
    for (std::size_t i = g.end; i < t_.size() && i < g.end + 3; ++i) {
      if (IsReportingWord(t_[i].folded)) return true;
    }
    return false;
  }

  // Auxiliaries and adverbs of a verb group ("has risen", "did not").
  bool IsAuxiliary(const Token& t) const {
    static constexpr std::array<std::string_view, 12> kAux = {
        "has",    "have", "had",   "will", "would", "shall",
        "should", "can",  "could", "may",  "might", "must"};
    return In(kAux, t.folded) || IsBeVerb(t.folded) || IsAdverbLike(t) ||
           t.folded == "does" || t.folded == "did" || t.folded == "do";
  }

  // "X condemned ... and promised aid": the verb after "and" shares the
  // previous verb's subject.
  bool SharesSubject(std::size_t vb) const {
    for (std::size_t i = vb; i > 0 && vb - i < 3; --i) {
      const Token& w = t_[i - 1];
      if (w.folded == "and") return true;
      if (!IsAdverbLike(w)) return false;
    }
    return false;
  }

  void CodeVerb(std::size_t vb, std::size_t ve, std::size_t next_verb,
                const std::vector<int>& payloads) {
    std::size_t lo = ClauseStart(vb), hi = ClauseEnd(ve);
    const CameoVerbPattern* pattern = nullptr;
    Binding b;
    std::string code, reverse;
    if (BestPattern(payloads, vb, ve, lo, hi, &pattern, &b)) {
      code = pattern->code;
      reverse = pattern->reverse;
    } else {
      // The form's own code, else its block's.
      const auto& ref = impl_.refs[static_cast<std::size_t>(payloads.front())];
      const CameoVerbBlock& block =
          impl_.dict.blocks[static_cast<std::size_t>(ref.block)];
      const CameoVerbForm& form =
          block.forms[static_cast<std::size_t>(ref.form)];
      code = form.has_code ? form.code : block.code;
      reverse = form.has_code ? form.reverse : block.reverse;
    }
    // The dictionary knows this verb: what it says (even "no event", as
    // "--- BURN [---] ---" says without a pattern) is what counts.
    out_->claimed.push_back({index_, t_[vb].start, t_[ve - 1].end});
    if (code == "---") return;
    bool passive = Passive(vb);
    if (!b.source && !b.target && passive) {
      b.target = Before(vb, lo);
      std::size_t by = ve;
      while (by < hi && by < ve + 4 && t_[by].folded != "by") ++by;
      std::size_t from = by < hi && t_[by].folded == "by" ? by + 1 : ve;
      b.source = After(from, std::min(hi, next_verb), b.target);
    }
    if (!b.source) {
      bool shared = SharesSubject(vb) && last_source_;
      b.source = shared ? last_source_ : Before(vb, lo);
    }
    if (!b.target && !b.compound) {
      b.target = After(ve, std::min(hi, next_verb), b.source);
    }
    if (!b.source) return;
    last_source_ = b.source;
    Emit(vb, ve, lo, hi, *b.source, b.target, b.compound, code, reverse);
  }

  void Emit(std::size_t vb, std::size_t ve, std::size_t lo, std::size_t hi,
            const Group& sources, const Group* targets, bool compound,
            const std::string& code, const std::string& reverse) {
    Cues cues = ReadCues(t_, vb, lo, hi);
    // Contractions stay one token here ("didn't", "won't").
    for (std::size_t i = vb > lo + 6 ? vb - 6 : lo; i < vb; ++i) {
      std::string_view f = t_[i].folded;
      if (f.size() > 3 && f.compare(f.size() - 3, 3, "n't") == 0) {
        cues.negated = true;
      }
    }
    EventDating::Span trigger{t_[vb].start, t_[ve - 1].end};
    EventDating::Span clause{t_[lo].start, t_[hi - 1].end};
    EventDate date =
        dating_.DateFor(index_, trigger, clause, cues.modality == "planned");
    auto one = [&](const Actor& s, const Actor& t, const std::string& c) {
      if (c.empty() || c == "---" || IsSelfLink(s, t)) return;
      Event e;
      e.doc = doc_.id;
      e.sentence = index_;
      e.source = s;
      e.target = t;
      e.cameo = c;
      CompiledVerbs::Described d = impl_.Describe(c);
      e.relation = d.relation;
      e.plover = d.plover;
      e.trigger = std::string(std::string_view(doc_.text).substr(
          trigger.begin, trigger.end - trigger.begin));
      e.date = date;
      e.polarity = cues.negated ? "negated" : "affirmed";
      e.modality = cues.modality;
      e.evidence_text = std::string(std::string_view(doc_.text).substr(
          sentence_.start, sentence_.end - sentence_.start));
      e.evidence_start = sentence_.start;
      e.evidence_end = sentence_.end;
      out_->events.push_back(std::move(e));
    };
    const auto& s = sources.members;
    if (targets) {
      for (const ActorMention* a : s) {
        for (const ActorMention* b : targets->members) {
          one(a->actor, b->actor, code);
          one(b->actor, a->actor, reverse);
        }
      }
      return;
    }
    // A compound subject without a target: its members did it together
    // ("Gondor and Osgiliath postponed their meeting").
    if (!compound && (reverse.empty() || s.size() < 2)) return;
    std::size_t n = std::min<std::size_t>(s.size(), 6);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        if (i != j) one(s[i]->actor, s[j]->actor, code);
      }
    }
  }

  static bool IsPreposition(std::string_view f) {
    static constexpr std::array<std::string_view, 12> kPrepositions = {
        "to", "in", "at",   "of",   "with",    "for",
        "on", "by", "from", "into", "against", "about"};
    return In(kPrepositions, f);
  }

  const CompiledVerbs& impl_;
  const Document& doc_;
  const Sentence& sentence_;
  std::size_t index_;
  const std::vector<Token>& t_;
  const EventDating& dating_;
  VerbCoding* out_;
  std::vector<std::uint32_t> ids_;  // the phrase trie's ids of the tokens
  std::vector<Group> groups_;
  const Group* last_source_ = nullptr;
};

}  // namespace

VerbCoding VerbPatternCoder::Code(
    const Document& doc, const std::vector<Sentence>& sentences,
    const std::vector<SentenceTokens>& tokens,
    const std::vector<ActorMention>& mentions,
    const std::vector<TimeExpression>& times) const {
  VerbCoding out;
  EventDating dating(doc, sentences, times);
  std::size_t mi = 0;
  for (std::size_t si = 0; si < sentences.size() && si < tokens.size(); ++si) {
    std::vector<const ActorMention*> ms;
    while (mi < mentions.size() && mentions[mi].sentence < si) ++mi;
    for (std::size_t k = mi; k < mentions.size() && mentions[k].sentence == si;
         ++k) {
      ms.push_back(&mentions[k]);
    }
    if (ms.empty() || tokens[si].tokens.empty()) continue;
    SentenceCoder(*impl_, doc, sentences[si], si, tokens[si].tokens, ms, dating,
                  &out)
        .Run();
  }
  return out;
}

}  // namespace entente
