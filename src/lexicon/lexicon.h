// The lexicon: everything entente knows about actors and relations, loaded
// from JSON Lines records (schemas/lexicon.schema.json). The default
// lexicons are compiled into the binary; users add files with --lexicon.
// A Lexicon is plain data; the stages compile it into their own automata.
#ifndef ENTENTE_LEXICON_LEXICON_H_
#define ENTENTE_LEXICON_LEXICON_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"
#include "entente/types.h"

namespace entente {

struct StateEntry {
  struct Seat {
    std::vector<std::string> names;
    std::string sector;
    bool group = false;  // a body of the state (country+sector), not the state
  };
  std::string code;
  std::string name;
  std::vector<std::string> names, adjectives, demonyms, capitals;
  // Other cities of the state that news names as places of visits and
  // meetings ("arrived in Tianjin", "a summit in Hiroshima").
  std::vector<std::string> cities;
  std::vector<Seat> seats;
  bool user = false;  // from a user's file: its names outrank built-in ones
};

struct OrganizationEntry {
  std::string id, name, code, country;
  std::vector<std::string> names;
  bool user = false;
};

struct RoleEntry {
  std::string title, code, country;
  CivilDate from;
  std::optional<CivilDate> to;  // nullopt: still held
};

struct PersonEntry {
  std::string id, name, country;
  std::vector<std::string> names, short_names;
  std::vector<RoleEntry> roles;
  // The pronoun news uses for the person: 'h' ("he"), 's' ("she"), or 0
  // when the lexicon does not say. "She welcomed him" does not refer to a
  // person known as "he".
  char pronoun = 0;
  bool user = false;

  // The role held on `date` (the latest-starting one if several); nullptr
  // when none was held then. Without a date, the most recent role.
  const RoleEntry* RoleAt(const std::optional<CivilDate>& date) const;
};

struct TitleEntry {
  std::string title, sector, country;
  std::vector<std::string> names;
  bool user = false;
};

struct AgentEntry {
  std::string name, sector;
  std::vector<std::string> names;
  bool context = false;  // no country named: the story's country
  bool user = false;
};

// An actor of a PETRARCH/CAMEO actor dictionary that is not simply a
// country: its phrases and its codes, some restricted to date ranges
// ("[HOBGOV 19950601-19990815]"); the first restriction that holds at the
// document date wins, else the first unrestricted code.
struct CameoActorEntry {
  struct Code {
    std::string code;
    std::optional<CivilDate> from;  // inclusive
    std::optional<CivilDate> to;    // exclusive
    bool restricted() const { return from || to; }
  };
  std::string id, name;
  std::vector<std::string> names;
  std::vector<Code> codes;
  std::string origin;  // "file:line"

  // The code valid at `date`; "" when none is.
  std::string CodeAt(const std::optional<CivilDate>& date) const;
};

struct RelationEntry {
  std::string relation, cameo;
  bool symmetric = false;
  std::vector<std::string> verbs, passive, nouns;
  // When not empty, the relation holds only for a source of one of these
  // CAMEO sectors: "entered" is an incursion for "troops", not for "China
  // entered talks".
  std::vector<std::string> source_sectors;
  // When not empty, the target is the party this preposition introduces
  // after the verb, not its direct object: "discussed the war with Putin"
  // (partner "with") is talks with Putin, not about the war.
  std::string partner;
  // Two or more parties as the subject, with no party after the phrase, do
  // it to each other: "Ukraine and Russia agreed to a truce", "Thailand and
  // Cambodia broke off talks" (a one-way relation read both ways).
  bool mutual = false;
  std::vector<std::string> positive, negative;  // example sentences
  std::string origin;  // "file:line", for messages
};

// A place whose name holds a state's name or adjective but names no actor
// ("the South China Sea"): matched as one phrase so that the state inside
// it is not taken for a mention.
struct PlaceEntry {
  std::string name;
  std::vector<std::string> names;
  bool user = false;
};

struct CameoEntry {
  std::string code, name, plover;
  int quad = 0;
  double goldstein = 0;
};

class Lexicon {
 public:
  // The lexicons compiled into the binary. Fails only if they are broken,
  // which the test suite rules out.
  static Result<Lexicon> LoadDefault();

  // Adds the records of a JSON Lines file. Each line is validated against
  // the lexicon schema; the first bad line fails the whole file with a
  // message "path:line: JSON pointer: what is wrong". Records with the id
  // (or state code, title, CAMEO code) of an earlier record replace it.
  Status AddFile(const std::string& path);

  // As AddFile, for content already in memory; `origin` names it in errors.
  // `user`: the records come from a user's file (AddFile does so).
  Status AddJsonLines(std::string_view content, const std::string& origin,
                      bool user = true);

  const std::vector<StateEntry>& states() const { return states_; }
  const std::vector<OrganizationEntry>& organizations() const {
    return organizations_;
  }
  const std::vector<PersonEntry>& people() const { return people_; }
  const std::vector<TitleEntry>& titles() const { return titles_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const std::vector<RelationEntry>& relations() const { return relations_; }
  const std::vector<CameoEntry>& cameo_codes() const { return cameo_; }
  const std::vector<PlaceEntry>& places() const { return places_; }
  const std::vector<CameoActorEntry>& cameo_actors() const {
    return cameo_actors_;
  }

  // Adds the actors of a PETRARCH/CAMEO actor dictionary (phrase lines,
  // "+synonym" lines, "[CODE]", "[CODE >YYMMDD]", "[CODE <date]",
  // "[CODE date-date]"). Entries whose only code is a country code extend
  // (or add) that state; the others become CameoActorEntry records. A
  // malformed entry is reported in warnings() and skipped, as real
  // dictionaries have a few; a file with no usable entry fails.
  Status AddCameoActors(std::string_view content, const std::string& origin);
  // Adds the agents of a PETRARCH agents dictionary ("PHRASE {PLURAL}
  // [~CODE]", "!SET! = A, B" substitutions).
  Status AddCameoAgents(std::string_view content, const std::string& origin);

  // Problems in dictionary files that were reported and skipped (a bad line
  // among good ones), "path:line: what is wrong; skipped".
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Reads and adds a file of either kind.
  Status AddCameoActorsFile(const std::string& path);
  Status AddCameoAgentsFile(const std::string& path);

  // Adds a state record (used by the dictionary reader); merges names into
  // an existing state with the same code.
  void MergeState(StateEntry entry);
  void AddCameoActor(CameoActorEntry entry) {
    cameo_actors_.push_back(std::move(entry));
  }
  void AddAgent(AgentEntry entry);

  // The CAMEO entry for a code, or nullptr.
  const CameoEntry* FindCameo(std::string_view code) const;
  // The state with this code, or nullptr.
  const StateEntry* FindState(std::string_view code) const;

 private:
  template <typename T>
  void Upsert(std::vector<T>* list, std::map<std::string, std::size_t>* index,
              const std::string& key, T entry);

  Status AddRecord(const void* json_value, const std::string& where,
                   bool user);
  Status CheckPerson(const PersonEntry& person, const std::string& where);

  std::vector<StateEntry> states_;
  std::vector<OrganizationEntry> organizations_;
  std::vector<PersonEntry> people_;
  std::vector<TitleEntry> titles_;
  std::vector<AgentEntry> agents_;
  std::vector<RelationEntry> relations_;
  std::vector<CameoEntry> cameo_;
  std::vector<CameoActorEntry> cameo_actors_;
  std::vector<PlaceEntry> places_;
  std::vector<std::string> warnings_;
  std::map<std::string, std::size_t> state_index_, organization_index_,
      person_index_, title_index_, agent_index_, cameo_index_, place_index_;
};

}  // namespace entente

#endif  // ENTENTE_LEXICON_LEXICON_H_
