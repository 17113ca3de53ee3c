// Internal to src/actors: what the phrase matcher's payloads mean, the raw
// phrase matches of a sentence, and the compiled recognizer (its matcher
// and the ways of turning lexicon entries into Actors). Shared by
// actor_recognizer.cc (matching) and mention_composer.cc (composition).
#ifndef ENTENTE_ACTORS_ACTOR_PHRASES_H_
#define ENTENTE_ACTORS_ACTOR_PHRASES_H_

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "actors/actor_recognizer.h"
#include "core/utf8.h"
#include "text/phrase_matcher.h"

namespace entente {

// Hashes folded words as Tokenize does (a cheap hash of a few words, not
// std::hash's), so that a token is looked up by the hash it already
// carries; string_views and tokens look up std::string keys directly.
struct FoldedHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view w) const { return HashFolded(w); }
  std::size_t operator()(const Token& t) const {
    return t.hash != 0 ? t.hash : HashFolded(t.folded);
  }
};
struct FoldedEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return a == b;
  }
  bool operator()(const Token& t, std::string_view w) const {
    return t.folded == w;
  }
  bool operator()(std::string_view w, const Token& t) const {
    return t.folded == w;
  }
};

// What a phrase names; a payload packs the kind with an index into the
// lexicon's list of that kind.
enum Kind : int {
  kStateName = 1,
  kStateAdj,
  kDemonym,
  kCapital,
  kSeat,
  kOrg,
  kPersonFull,
  kPersonShort,
  kTitle,
  kAgent,
  kPair,  // "the two leaders"
  kCameoActor,  // an actor of a PETRARCH/CAMEO dictionary
  kCity,        // another city of a state: always a place of it
  kPlace,       // a place that names no actor ("the South China Sea")
};

inline int Pack(Kind k, int index) { return (k << 24) | index; }
inline Kind KindOf(int p) { return static_cast<Kind>(p >> 24); }
inline int IndexOf(int p) { return p & 0xFFFFFF; }

// Refers to the matcher's payloads (no copy per match) and keeps a bit per
// kind present, so Has() is one test.
struct RawSpan {
  RawSpan(std::size_t b, std::size_t e, const std::vector<int>& p)
      : begin(b), end(e), payloads(&p) {
    for (int v : p) kinds |= KindBit(KindOf(v));
  }
  std::size_t begin = 0, end = 0;  // token range
  const std::vector<int>* payloads;
  std::uint32_t kinds = 0;
  bool Has(Kind k) const { return (kinds & KindBit(k)) != 0; }
  // Whether k is the only kind the phrase names.
  bool Only(Kind k) const { return kinds == KindBit(k); }
  // Whether the span names a state in any way (name, adjective, demonym,
  // capital, city): one test before looking for which.
  bool HasStateKind() const {
    return (kinds & (KindBit(kStateName) | KindBit(kStateAdj) |
                     KindBit(kDemonym) | KindBit(kCapital) |
                     KindBit(kCity))) != 0;
  }
  // The state a match counts for (what ActorRecognizer::Find tallies):
  // Get(k) of the last kind k present in the order name, adjective,
  // demonym, capital, city, or -1. That order is the kinds' numeric
  // order, so one pass over the payloads finds it.
  int CountedState() const {
    if (!HasStateKind()) return -1;
    int best_kind = 0, state = -1;
    for (int p : *payloads) {
      int k = KindOf(p);
      bool counted = k == kStateName || k == kStateAdj || k == kDemonym ||
                     k == kCapital || k == kCity;
      if (counted && k > best_kind) best_kind = k, state = IndexOf(p);
    }
    return state;
  }
  int Get(Kind k) const {
    if (!Has(k)) return -1;
    for (int p : *payloads) {
      if (KindOf(p) == k) return IndexOf(p);
    }
    return -1;
  }

 private:
  static std::uint32_t KindBit(Kind k) {
    return std::uint32_t{1} << (static_cast<unsigned>(k) & 31);
  }
};

// A quick test that a word may be one of a short list: the lengths and
// first bytes of the list's words, one bit each. Never false for a word
// of the list.
class WordFilter {
 public:
  template <std::size_t N>
  constexpr explicit WordFilter(const std::string_view (&words)[N]) {
    for (std::string_view w : words) {
      if (w.size() < 64) lengths_ |= std::uint64_t{1} << w.size();
      if (!w.empty()) {
        auto c = static_cast<unsigned char>(w[0]);
        firsts_[c >> 6] |= std::uint64_t{1} << (c & 63);
      }
    }
  }
  constexpr bool MayBe(std::string_view f) const {
    if (f.empty() || f.size() >= 64) return true;  // compared in full
    auto c = static_cast<unsigned char>(f[0]);
    return ((lengths_ >> f.size()) & 1) != 0 &&
           ((firsts_[c >> 6] >> (c & 63)) & 1) != 0;
  }

 private:
  std::uint64_t lengths_ = 0;
  std::uint64_t firsts_[4] = {0, 0, 0, 0};
};

// The raw matches of one sentence, in order.
using Spans = std::span<const RawSpan>;

struct ActorRecognizer::Impl {
  const Lexicon& lex;
  PhraseMatcher matcher;
  struct SeatRef {
    int state;
    std::string sector;
    bool group;
    std::string name;  // the seat's first name, for a group's display name
  };
  std::vector<SeatRef> seats;
  // The Actor of each state, organisation and seat, built once here, so
  // that a mention copies one instead of concatenating its strings.
  std::vector<Actor> state_actors, org_actors, seat_actors;
  // Folded first words of the relation lexicon's verbs (see EmitPair).
  std::unordered_set<std::string, FoldedHash, FoldedEqual> relation_verbs;
  // Each title folded, and the last word of that (by title index): what
  // "the president" is looked up by, folded once here, not per mention.
  std::vector<std::string> title_folded, title_head;
  // The roles of titles and people, folded (what holders are keyed by).
  std::unordered_map<std::string, std::string, FoldedHash, FoldedEqual>
      role_folded;
  // Lexicon::FindState by code without building a std::string each time.
  std::unordered_map<std::string, const StateEntry*, FoldedHash, FoldedEqual>
      state_by_code;

  explicit Impl(const Lexicon& l) : lex(l) {
    const auto& states = lex.states();
    for (std::size_t i = 0; i < states.size(); ++i) {
      const StateEntry& s = states[i];
      int idx = static_cast<int>(i);
      AddNames({s.name}, kStateName, idx, true, s.user);
      AddNames(s.names, kStateName, idx, true, s.user);
      AddNames(s.adjectives, kStateAdj, idx, true, s.user);
      AddNames(s.demonyms, kDemonym, idx, true, s.user);
      AddNames(s.capitals, kCapital, idx, true, s.user);
      // Other cities are named as the state's places, never as the state.
      AddNames(s.cities, kCity, idx, true, s.user);
      for (const auto& seat : s.seats) {
        std::string name = seat.names.empty() ? seat.sector : seat.names[0];
        if (name.rfind("the ", 0) == 0) name = name.substr(4);
        seats.push_back({idx, seat.sector, seat.group, name});
        AddNames(seat.names, kSeat, static_cast<int>(seats.size()) - 1, true,
                 s.user);
      }
    }
    // Places whose names hold a state word: matched whole, so that the
    // state inside ("the South China Sea") is no mention. Each is added
    // with "the" too, which a state phrase may also start with ("the
    // Irish", "the Congo") and then take the longer match.
    const auto& places = lex.places();
    for (std::size_t i = 0; i < places.size(); ++i) {
      const PlaceEntry& p = places[i];
      std::vector<std::string> names = p.names;
      names.push_back(p.name);
      for (std::size_t n = 0, count = names.size(); n < count; ++n) {
        names.push_back("the " + names[n]);
      }
      AddNames(names, kPlace, static_cast<int>(i), true, p.user);
    }
    const auto& orgs = lex.organizations();
    for (std::size_t i = 0; i < orgs.size(); ++i) {
      AddNames({orgs[i].name}, kOrg, static_cast<int>(i), true, orgs[i].user);
      AddNames(orgs[i].names, kOrg, static_cast<int>(i), true, orgs[i].user);
    }
    const auto& people = lex.people();
    for (std::size_t i = 0; i < people.size(); ++i) {
      const PersonEntry& p = people[i];
      int idx = static_cast<int>(i);
      AddNames({p.name}, kPersonFull, idx, true, p.user);
      AddNames(p.names, kPersonFull, idx, true, p.user);
      AddNames(p.short_names, kPersonShort, idx, true, p.user);
    }
    const auto& titles = lex.titles();
    for (std::size_t i = 0; i < titles.size(); ++i) {
      AddNames({titles[i].title}, kTitle, static_cast<int>(i), false,
               titles[i].user);
      AddNames(titles[i].names, kTitle, static_cast<int>(i), false,
               titles[i].user);
    }
    const auto& agents = lex.agents();
    for (std::size_t i = 0; i < agents.size(); ++i) {
      AddNames(agents[i].names, kAgent, static_cast<int>(i), false,
               agents[i].user);
    }
    const auto& cameo = lex.cameo_actors();
    for (std::size_t i = 0; i < cameo.size(); ++i) {
      AddNames(cameo[i].names, kCameoActor, static_cast<int>(i), true, true);
    }
    for (std::size_t i = 0; i < states.size(); ++i) {
      const StateEntry& s = states[i];
      state_actors.push_back(
          Actor{s.code, s.name, "state", s.code, s.code, ""});
    }
    for (const SeatRef& seat : seats) {
      const StateEntry& s = states[seat.state];
      std::string code = s.code + seat.sector;
      seat_actors.push_back(
          seat.group  // "the Pentagon", "the State Department"
              ? Actor{code, s.name + " (" + seat.name + ")", "group", s.code,
                      code, ""}
              : Actor{s.code, s.name, "state", s.code, code, ""});
    }
    for (const StateEntry& s : states) {
      state_by_code.try_emplace(s.code, lex.FindState(s.code));
    }
    for (const TitleEntry& t : titles) {
      title_folded.push_back(FoldWord(t.title));
      std::size_t space = title_folded.back().rfind(' ');
      title_head.push_back(space == std::string::npos
                               ? title_folded.back()
                               : title_folded.back().substr(space + 1));
    }
    for (const TitleEntry& t : titles) {
      role_folded.try_emplace(t.title, FoldWord(t.title));
    }
    for (const PersonEntry& p : people) {
      for (const RoleEntry& r : p.roles) {
        role_folded.try_emplace(r.title, FoldWord(r.title));
      }
    }
    for (const OrganizationEntry& o : orgs) {
      org_actors.push_back(
          Actor{o.id, o.name, "organization", o.country, o.code, ""});
    }
    // The first words of the relation lexicon's verbs ("thanked", "met"):
    // a pair reference right after one is that verb's object.
    for (const RelationEntry& r : lex.relations()) {
      for (const std::string& verb : r.verbs) {
        std::vector<std::string> words = FoldPhrase(verb);
        if (!words.empty()) relation_verbs.insert(std::move(words[0]));
      }
    }
    // Pair references: index 0 pairs the last two people, 1 the last two
    // states.
    for (const char* p : {"the two leaders", "both leaders", "the two men",
                          "the two ministers", "the two presidents",
                          "the two women", "the two diplomats"}) {
      matcher.Add(p, Pack(kPair, 0), false);
    }
    for (const char* p : {"the two countries", "both countries",
                          "the two sides", "both sides", "the two nations"}) {
      matcher.Add(p, Pack(kPair, 1), false);
    }
    // 3: the governments of the last two states.
    for (const char* p : {"the two governments", "both governments"}) {
      matcher.Add(p, Pack(kPair, 3), false);
    }
    // 2: the armed forces of the last two states.
    for (const char* p : {"the two militaries", "both militaries",
                          "the two armies", "both armies"}) {
      matcher.Add(p, Pack(kPair, 2), false);
    }
  }

  void AddNames(const std::vector<std::string>& names, Kind kind, int index,
                bool case_sensitive, bool user) {
    for (const std::string& n : names) {
      matcher.Add(n, Pack(kind, index), case_sensitive, user);
    }
  }

  Actor CameoActor(int idx, const std::optional<CivilDate>& date) const {
    const CameoActorEntry& e = lex.cameo_actors()[idx];
    std::string code = e.CodeAt(date);
    bool igo = code.rfind("IGO", 0) == 0 || code.rfind("NGO", 0) == 0 ||
               code.rfind("IMG", 0) == 0 || code.rfind("MNC", 0) == 0;
    bool dated = false;
    for (const auto& c : e.codes) dated |= c.restricted();
    std::string kind = code.size() == 3 ? "state"
                       : igo            ? "organization"
                       : dated          ? "person"
                                        : "organization";
    std::string country = igo ? code : code.substr(0, 3);
    std::string id = code.size() == 3 ? code : SlugOf(e.name);
    return Actor{id, e.name, kind, country, code, ""};
  }

  const Actor& StateActor(int idx) const { return state_actors[idx]; }
  // lex.FindState(code).
  const StateEntry* FindState(std::string_view code) const {
    auto it = state_by_code.find(code);
    return it == state_by_code.end() ? nullptr : it->second;
  }
  // FoldWord(role) if the role is a title's or a person's, else null.
  const std::string* RoleFolded(std::string_view role) const {
    auto it = role_folded.find(role);
    return it == role_folded.end() ? nullptr : &it->second;
  }
  std::size_t TitleIndex(const TitleEntry& t) const {
    return static_cast<std::size_t>(&t - lex.titles().data());
  }
  const Actor& OrgActor(int idx) const { return org_actors[idx]; }
  const Actor& SeatActor(int seat) const { return seat_actors[seat]; }

  // Assigns person idx, with the role they held at `date`, to *a (every
  // field: *a may hold an earlier actor, whose strings' memory is reused).
  // `title`: the title the text introduces them with ("Foreign Minister
  // Annalena Baerbock"). A document without a date gets a person's most
  // recent role, unless they held one of that title: then the text says
  // that is the one meant, and they get the latest such role.
  void PersonActor(int idx, const std::optional<CivilDate>& date, Actor* a,
                   const TitleEntry* title = nullptr) const {
    const PersonEntry& p = lex.people()[idx];
    const RoleEntry* r = p.RoleAt(date);
    if (!date && title != nullptr) {
      if (const RoleEntry* titled = LatestRoleTitled(p, *title)) r = titled;
    }
    a->id = p.id;
    a->name = p.name;
    a->kind.assign("person", 6);
    if (r == nullptr) {
      a->country = p.country;
      a->code = p.country;
      a->role.clear();
      return;
    }
    a->country = r->country.empty() ? p.country : r->country;
    a->code = r->code;
    a->role = r->title;
  }

  // p's latest role named by `title` (its title, or one of its names in
  // any case), or null.
  static const RoleEntry* LatestRoleTitled(const PersonEntry& p,
                                           const TitleEntry& title) {
    auto same = [](std::string_view x, std::string_view y) {
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(x[i])) !=
            std::tolower(static_cast<unsigned char>(y[i]))) {
          return false;
        }
      }
      return true;
    };
    const RoleEntry* best = nullptr;
    for (const RoleEntry& r : p.roles) {
      bool named = same(r.title, title.title);
      for (const std::string& n : title.names) named = named || same(r.title, n);
      if (named && (!best || best->from < r.from)) best = &r;
    }
    return best;
  }
};

}  // namespace entente

#endif  // ENTENTE_ACTORS_ACTOR_PHRASES_H_
