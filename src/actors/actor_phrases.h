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

// *out = SlugOf(name). A plain ASCII name (most) is folded and joined
// here in one pass, into out's own memory: for ASCII, FoldWord only
// lower-cases, so this is SlugOf's loop over it. Others go to SlugOf.
inline void AssignSlug(std::string_view name, std::string* out) {
  char buffer[64];
  if (name.size() > sizeof buffer) {
    *out = SlugOf(name);
    return;
  }
  std::size_t n = 0;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      *out = SlugOf(name);
      return;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      buffer[n++] = static_cast<char>(c);
    } else if (n > 0 && buffer[n - 1] != '-') {
      buffer[n++] = '-';
    }
  }
  while (n > 0 && buffer[n - 1] == '-') --n;
  out->assign(buffer, n);
}

// A country code of up to eight bytes as an integer (codes hold no zero
// byte, so different codes differ, and only the empty code is 0);
// kLongCode for longer ones, which are told apart by their strings.
inline constexpr std::uint64_t kLongCode = ~std::uint64_t{0};
inline std::uint64_t PackCode(std::string_view code) {
  // Most codes are three letters: packed at once, as the loop would.
  if (code.size() == 3) {
    return std::uint64_t{static_cast<unsigned char>(code[0])} |
           std::uint64_t{static_cast<unsigned char>(code[1])} << 8 |
           std::uint64_t{static_cast<unsigned char>(code[2])} << 16;
  }
  if (code.size() > 8) return kLongCode;
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < code.size(); ++k) {
    v |= std::uint64_t{static_cast<unsigned char>(code[k])} << (8 * k);
  }
  return v;
}

// Actor::kind as a number.
enum class ActorKind : std::uint8_t {
  kOther,
  kPerson,
  kState,
  kOrganization,
  kGroup,
};
inline ActorKind KindOfActor(std::string_view kind) {
  using namespace std::string_view_literals;
  if (kind == "person"sv) return ActorKind::kPerson;
  if (kind == "state"sv) return ActorKind::kState;
  if (kind == "organization"sv) return ActorKind::kOrganization;
  if (kind == "group"sv) return ActorKind::kGroup;
  return ActorKind::kOther;
}

// An Actor with what composing mentions tests of it, worked out once when
// the actor is made: a mention then compares numbers, not the actor's
// strings (its kind, its country, the role whose holders it joins).
struct KnownActor {
  Actor actor;
  ActorKind kind = ActorKind::kOther;   // KindOfActor(actor.kind)
  std::uint64_t country = 0;            // PackCode(actor.country)
  const StateEntry* state = nullptr;    // Impl::FindState(actor.country)
  int role = -1;  // Impl::RoleId(actor.role); -1 for no role
  // The pronoun that can name a person: 'h' ("he", "him"), 's' ("she"),
  // 0 for either (a person the lexicon does not describe).
  char pronoun = 0;
};

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
  std::vector<KnownActor> state_actors, org_actors, seat_actors;
  // Folded first words of the relation lexicon's verbs (see EmitPair).
  std::unordered_set<std::string, FoldedHash, FoldedEqual> relation_verbs;
  // Roles as numbers. The holders of a role ("the president") are keyed
  // by the role folded, so spellings that fold alike are one role: each
  // folded role of a title or person has an id, and each spelling maps to
  // it. Every role an actor gets is a title's or a person's (see
  // PersonActor and the composer's titled people), so every role has one.
  std::unordered_map<std::string, int, FoldedHash, FoldedEqual> role_ids;
  std::vector<std::string> role_heads;  // by id: the folded role's last word
  std::vector<int> title_roles;  // by title index: RoleId(title.title)
  // RoleId(people[i].roles[j].title) is person_roles[person_role_at[i] + j].
  std::vector<int> person_roles;
  std::vector<std::size_t> person_role_at;
  // FindState of the countries actors get, worked out here: of each
  // title's country, each person's and each role's (by the index of
  // person_roles).
  std::vector<const StateEntry*> title_states, person_states,
      person_role_states;
  // A bit for each pronoun the composer resolves ("he", "she", "him"),
  // picked by HashBit of its hash, and bit 0 for a token whose hash was
  // not computed (0): a token whose bit is clear is none of them, so most
  // words are passed over with no comparison.
  static unsigned HashBit(std::uint64_t hash) {
    return static_cast<unsigned>(hash >> 58);
  }
  std::uint64_t pronoun_bits =
      std::uint64_t{1} | std::uint64_t{1} << HashBit(HashFolded("he")) |
      std::uint64_t{1} << HashBit(HashFolded("she")) |
      std::uint64_t{1} << HashBit(HashFolded("him"));
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
    for (const StateEntry& s : states) {
      state_by_code.try_emplace(s.code, lex.FindState(s.code));
    }
    for (std::size_t i = 0; i < states.size(); ++i) {
      const StateEntry& s = states[i];
      state_actors.push_back(
          Known(Actor{s.code, s.name, "state", s.code, s.code, ""}));
    }
    for (const SeatRef& seat : seats) {
      const StateEntry& s = states[seat.state];
      std::string code = s.code + seat.sector;
      seat_actors.push_back(Known(
          seat.group  // "the Pentagon", "the State Department"
              ? Actor{code, s.name + " (" + seat.name + ")", "group", s.code,
                      code, ""}
              : Actor{s.code, s.name, "state", s.code, code, ""}));
    }
    AddRoles();
    AddPeople();
    for (const OrganizationEntry& o : orgs) {
      org_actors.push_back(
          Known(Actor{o.id, o.name, "organization", o.country, o.code, ""}));
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

  // Numbers the roles of titles and people (role_ids and the tables
  // after it).
  void AddRoles() {
    std::unordered_map<std::string, int> by_folded;
    auto id_of = [&](const std::string& role) {
      if (role.empty()) return -1;
      if (auto it = role_ids.find(role); it != role_ids.end()) {
        return it->second;
      }
      std::string folded = FoldWord(role);
      auto [it, added] =
          by_folded.try_emplace(folded, static_cast<int>(role_heads.size()));
      if (added) {
        std::size_t space = folded.rfind(' ');
        role_heads.push_back(space == std::string::npos
                                 ? folded
                                 : folded.substr(space + 1));
      }
      role_ids.try_emplace(role, it->second);
      return it->second;
    };
    for (const TitleEntry& t : lex.titles()) {
      title_roles.push_back(id_of(t.title));
      title_states.push_back(FindState(t.country));
    }
    for (const PersonEntry& p : lex.people()) {
      person_role_at.push_back(person_roles.size());
      person_states.push_back(FindState(p.country));
      for (const RoleEntry& r : p.roles) {
        person_roles.push_back(id_of(r.title));
        person_role_states.push_back(
            FindState(r.country.empty() ? p.country : r.country));
      }
    }
  }

  // The Actor of each person with each of their roles and with none, built
  // once here (PersonActor's), so that a mention of a known person copies
  // no strings: person i with no role is person_actors[person_actor_at[i]],
  // with role j the one j + 1 after it.
  std::vector<KnownActor> person_actors;
  std::vector<std::size_t> person_actor_at;

  void AddPeople() {
    const auto& people = lex.people();
    for (std::size_t i = 0; i < people.size(); ++i) {
      const PersonEntry& p = people[i];
      person_actor_at.push_back(person_actors.size());
      for (std::size_t j = 0; j <= p.roles.size(); ++j) {
        KnownActor& k = person_actors.emplace_back();
        FillPerson(static_cast<int>(i), j == 0 ? nullptr : &p.roles[j - 1],
                   &k);
      }
    }
  }

  // The actor PersonActor(idx, date, *, title) makes, from person_actors,
  // or null when the title adds to it (a person with no role of their own
  // at `date`, introduced by a title): then PersonActor must make it.
  const KnownActor* KnownPerson(int idx, const std::optional<CivilDate>& date,
                                const TitleEntry* title = nullptr) const {
    const PersonEntry& p = lex.people()[idx];
    const RoleEntry* r = RoleFor(p, date, title);
    if (title != nullptr && (r == nullptr || r->title.empty())) return nullptr;
    std::size_t at = person_actor_at[idx];
    if (r != nullptr) at += 1 + static_cast<std::size_t>(r - p.roles.data());
    return &person_actors[at];
  }

  // The id of a role as an actor spells it, or -1 (no role, or none of the
  // lexicon's, which no actor gets).
  int RoleId(std::string_view role) const {
    if (role.empty()) return -1;
    auto it = role_ids.find(role);
    return it == role_ids.end() ? -1 : it->second;
  }
  int TitleRole(const TitleEntry& t) const {
    return title_roles[TitleIndex(t)];
  }

  // `a` with its facts worked out from its strings.
  KnownActor Known(Actor a) const {
    KnownActor k;
    k.kind = KindOfActor(a.kind);
    k.country = PackCode(a.country);
    k.state = FindState(a.country);
    k.role = RoleId(a.role);
    k.actor = std::move(a);
    return k;
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

  const KnownActor& StateActor(int idx) const { return state_actors[idx]; }
  // lex.FindState(code).
  const StateEntry* FindState(std::string_view code) const {
    auto it = state_by_code.find(code);
    return it == state_by_code.end() ? nullptr : it->second;
  }
  std::size_t TitleIndex(const TitleEntry& t) const {
    return static_cast<std::size_t>(&t - lex.titles().data());
  }
  const KnownActor& OrgActor(int idx) const { return org_actors[idx]; }
  const KnownActor& SeatActor(int seat) const { return seat_actors[seat]; }

  // Assigns person idx, with the role they held at `date`, to *a (every
  // field: *a may hold an earlier actor, whose strings' memory is reused).
  // `title`: the title the text introduces them with ("Foreign Minister
  // Annalena Baerbock"). A document without a date gets a person's most
  // recent role, unless they held one of that title: then the text says
  // that is the one meant, and they get the latest such role.
  // A person introduced by a title with no role of their own at `date`
  // gets the title as their role (the composer's "if the role is empty").
  void PersonActor(int idx, const std::optional<CivilDate>& date,
                   KnownActor* k, const TitleEntry* title = nullptr) const {
    const PersonEntry& p = lex.people()[idx];
    const RoleEntry* r = RoleFor(p, date, title);
    FillPerson(idx, r, k);
    Actor* a = &k->actor;
    if (a->role.empty() && title != nullptr) {
      // ("President Laurent Gbagbo" in a story the lexicon dates before
      // his term: the text's title is the evidence, and gives its sector.)
      a->role = title->title;
      k->role = TitleRole(*title);
      if (!title->sector.empty()) a->code.append(title->sector);
    }
  }

  // The role of p that PersonActor gives them (see there), or null.
  static const RoleEntry* RoleFor(const PersonEntry& p,
                                  const std::optional<CivilDate>& date,
                                  const TitleEntry* title) {
    const RoleEntry* r = p.RoleAt(date);
    if (!date && title != nullptr) {
      if (const RoleEntry* titled = LatestRoleTitled(p, *title)) r = titled;
    }
    return r;
  }

  // Assigns person idx with role r (one of theirs, or null) to *k, every
  // field.
  void FillPerson(int idx, const RoleEntry* r, KnownActor* k) const {
    const PersonEntry& p = lex.people()[idx];
    Actor* a = &k->actor;
    a->id = p.id;
    a->name = p.name;
    a->kind.assign("person", 6);
    k->kind = ActorKind::kPerson;
    if (r == nullptr) {
      a->country = p.country;
      a->code = p.country;
      a->role.clear();
      k->role = -1;
      k->state = person_states[idx];
    } else {
      a->country = r->country.empty() ? p.country : r->country;
      a->code = r->code;
      a->role = r->title;
      std::size_t at = person_role_at[idx] +
                       static_cast<std::size_t>(r - p.roles.data());
      k->role = person_roles[at];
      k->state = person_role_states[at];
    }
    k->country = PackCode(a->country);
    // (The built-in lexicon marks every woman "she"; a user's entry that
    // says nothing may be either.)
    k->pronoun = p.pronoun != 0 ? p.pronoun : p.user ? 0 : 'h';
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
