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
  };
  std::string code;
  std::string name;
  std::vector<std::string> names, adjectives, demonyms, capitals;
  std::vector<Seat> seats;
};

struct OrganizationEntry {
  std::string id, name, code, country;
  std::vector<std::string> names;
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

  // The role held on `date` (the latest-starting one if several); nullptr
  // when none was held then. Without a date, the most recent role.
  const RoleEntry* RoleAt(const std::optional<CivilDate>& date) const;
};

struct TitleEntry {
  std::string title, sector, country;
  std::vector<std::string> names;
};

struct AgentEntry {
  std::string name, sector;
  std::vector<std::string> names;
};

struct RelationEntry {
  std::string relation, cameo;
  bool symmetric = false;
  std::vector<std::string> verbs, passive, nouns;
  std::vector<std::string> positive, negative;  // example sentences
  std::string origin;  // "file:line", for messages
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
  Status AddJsonLines(std::string_view content, const std::string& origin);

  const std::vector<StateEntry>& states() const { return states_; }
  const std::vector<OrganizationEntry>& organizations() const {
    return organizations_;
  }
  const std::vector<PersonEntry>& people() const { return people_; }
  const std::vector<TitleEntry>& titles() const { return titles_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  const std::vector<RelationEntry>& relations() const { return relations_; }
  const std::vector<CameoEntry>& cameo_codes() const { return cameo_; }

  // The CAMEO entry for a code, or nullptr.
  const CameoEntry* FindCameo(std::string_view code) const;
  // The state with this code, or nullptr.
  const StateEntry* FindState(std::string_view code) const;

 private:
  template <typename T>
  void Upsert(std::vector<T>* list, std::map<std::string, std::size_t>* index,
              const std::string& key, T entry);

  Status AddRecord(const void* json_value, const std::string& where);

  std::vector<StateEntry> states_;
  std::vector<OrganizationEntry> organizations_;
  std::vector<PersonEntry> people_;
  std::vector<TitleEntry> titles_;
  std::vector<AgentEntry> agents_;
  std::vector<RelationEntry> relations_;
  std::vector<CameoEntry> cameo_;
  std::map<std::string, std::size_t> state_index_, organization_index_,
      person_index_, title_index_, agent_index_, cameo_index_;
};

}  // namespace entente

#endif  // ENTENTE_LEXICON_LEXICON_H_
