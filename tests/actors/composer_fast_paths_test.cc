// The composer's fast paths against the slow definitions they stand for:
// an ASCII slug made in one pass (SlugOf), the pronoun filter of the
// short-form pass, role ids (folded roles) and the facts of an actor
// worked out when it is made (its strings).
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "actors/actor_phrases.h"
#include "core/calendar.h"
#include "core/utf8.h"
#include "lexicon/lexicon.h"
#include "real_texts.h"
#include "text/tokens.h"

namespace entente {
namespace {

const Lexicon& DefaultLexicon() {
  static const Lexicon lexicon = *Lexicon::LoadDefault();
  return lexicon;
}

const ActorRecognizer::Impl& DefaultImpl() {
  static const ActorRecognizer::Impl impl(DefaultLexicon());
  return impl;
}

// Every token of the real texts (whole files tokenized as one range).
std::vector<TokenList> RealTokens() {
  std::vector<TokenList> lists;
  for (const auto& path : testing::RealTextFiles()) {
    std::string text = testing::ReadBytes(path);
    lists.push_back(Tokenize(text, 0, text.size()));
    // The tokens view their list's own buffer, not `text`.
  }
  return lists;
}

void CheckSlug(std::string_view name) {
  std::string slug = "left over from an earlier actor";
  AssignSlug(name, &slug);
  CHECK(slug == SlugOf(name));
}

TEST_CASE("an actor's slug made in one pass is SlugOf's") {
  std::size_t checked = 0;
  for (const PersonEntry& p : DefaultLexicon().people()) {
    CAPTURE(p.name);
    CheckSlug(p.name);
    for (const std::string& n : p.names) CheckSlug(n);
    checked += 1 + p.names.size();
  }
  // Runs of up to four words of real text, as titled names are.
  for (const auto& path : testing::RealTextFiles()) {
    std::string text = testing::ReadBytes(path);
    TokenList t = Tokenize(text, 0, text.size());
    for (std::size_t i = 0; i + 4 < t.size(); i += 3) {
      for (std::size_t n = 1; n <= 4; ++n) {
        CheckSlug(std::string_view(text).substr(
            t[i].start, t[i + n - 1].end - t[i].start));
        ++checked;
      }
    }
  }
  // Random strings of ASCII punctuation, letters, digits and a few
  // non-ASCII bytes, up to 80 bytes (past the one-pass buffer's 64).
  std::mt19937 rng(9);
  const std::string alphabet =
      "aZ09 -.'_,()\xC3\xA9\xE2\x80\x99" "Ab";
  for (int k = 0; k < 20000; ++k) {
    std::string s(rng() % 81, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    CAPTURE(s);
    CheckSlug(s);
    ++checked;
  }
  CHECK(checked > 20000);
}

TEST_CASE("the short-form pass's pronoun filter passes every pronoun") {
  const ActorRecognizer::Impl& impl = DefaultImpl();
  auto passes = [&](const Token& t) {
    return ((impl.pronoun_bits >> ActorRecognizer::Impl::HashBit(t.hash)) &
            1) != 0;
  };
  std::size_t pronouns = 0, rejected = 0;
  for (const TokenList& list : RealTokens()) {
    for (const Token& t : list) {
      bool pronoun = t.folded == "he" || t.folded == "she" || t.folded == "him";
      if (pronoun) {
        CHECK(passes(t));
        ++pronouns;
      }
      rejected += passes(t) ? 0 : 1;
    }
  }
  for (std::string_view w : {"he", "she", "him"}) {
    Token t;
    t.folded = w;
    t.hash = HashFolded(w);
    CHECK(passes(t));
    t.hash = 0;  // a token made by hand, not hashed: compared in full
    CHECK(passes(t));
  }
  CHECK(rejected > 0);  // the filter filters
  if (!testing::RealTextFiles().empty()) CHECK(pronouns > 0);
}

TEST_CASE("role ids number the folded roles of titles and people") {
  const ActorRecognizer::Impl& impl = DefaultImpl();
  std::map<std::string, int> id_of_folded;
  std::map<int, std::string> folded_of_id;
  auto check = [&](const std::string& role, int id) {
    CAPTURE(role);
    CHECK(impl.RoleId(role) == id);
    if (role.empty()) {
      CHECK(id == -1);
      return;
    }
    REQUIRE(id >= 0);
    std::string folded = FoldWord(role);
    // One id for each folded role, and one folded role for each id.
    auto [a, new_folded] = id_of_folded.try_emplace(folded, id);
    CHECK(a->second == id);
    auto [b, new_id] = folded_of_id.try_emplace(id, folded);
    CHECK(b->second == folded);
    std::size_t space = folded.rfind(' ');
    CHECK(impl.role_heads[static_cast<std::size_t>(id)] ==
          (space == std::string::npos ? folded : folded.substr(space + 1)));
  };
  const auto& titles = DefaultLexicon().titles();
  for (std::size_t i = 0; i < titles.size(); ++i) {
    check(titles[i].title, impl.TitleRole(titles[i]));
  }
  const auto& people = DefaultLexicon().people();
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (std::size_t j = 0; j < people[i].roles.size(); ++j) {
      check(people[i].roles[j].title,
            impl.person_roles[impl.person_role_at[i] + j]);
    }
  }
  CHECK(folded_of_id.size() == impl.role_heads.size());
}

void CheckFacts(const ActorRecognizer::Impl& impl, const KnownActor& k) {
  CAPTURE(k.actor.id);
  CHECK(k.kind == KindOfActor(k.actor.kind));
  CHECK(k.country == PackCode(k.actor.country));
  CHECK(k.state == impl.FindState(k.actor.country));
  CHECK(k.role == impl.RoleId(k.actor.role));
}

TEST_CASE("an actor's facts are those of its strings") {
  const ActorRecognizer::Impl& impl = DefaultImpl();
  for (const KnownActor& k : impl.state_actors) CheckFacts(impl, k);
  for (const KnownActor& k : impl.org_actors) CheckFacts(impl, k);
  for (const KnownActor& k : impl.seat_actors) CheckFacts(impl, k);
  // People at dates before, inside and after their roles, and undated,
  // with and without a title introducing them; the slot is reused, as the
  // composer's pool does.
  const auto& titles = DefaultLexicon().titles();
  REQUIRE(!titles.empty());
  KnownActor slot;
  const std::optional<CivilDate> dates[] = {
      std::nullopt, CivilDate{1990, 1, 1}, CivilDate{2013, 6, 1},
      CivilDate{2024, 6, 19}};
  const auto& people = DefaultLexicon().people();
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (const auto& date : dates) {
      const TitleEntry* title = &titles[i % titles.size()];
      for (const TitleEntry* t : {static_cast<const TitleEntry*>(nullptr),
                                  title}) {
        impl.PersonActor(static_cast<int>(i), date, &slot, t);
        CHECK(slot.actor.kind == "person");
        CheckFacts(impl, slot);
      }
    }
  }
  // KnownPerson, the composer's way to a known person, gives PersonActor's
  // actor wherever it gives one: always without a title, and with one
  // unless the title gives the role.
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (const auto& date : dates) {
      const TitleEntry* title = &titles[i % titles.size()];
      for (const TitleEntry* t : {static_cast<const TitleEntry*>(nullptr),
                                  title}) {
        CAPTURE(people[i].id);
        CAPTURE(t != nullptr);
        impl.PersonActor(static_cast<int>(i), date, &slot, t);
        const KnownActor* known =
            impl.KnownPerson(static_cast<int>(i), date, t);
        if (t == nullptr) REQUIRE(known != nullptr);
        if (known == nullptr) {
          CHECK(slot.role == impl.TitleRole(*t));
          continue;
        }
        CHECK(known->actor == slot.actor);
        CHECK(known->kind == slot.kind);
        CHECK(known->country == slot.country);
        CHECK(known->state == slot.state);
        CHECK(known->role == slot.role);
        CHECK(known->pronoun == slot.pronoun);
      }
    }
  }
  // (PackCode: codes of up to eight bytes differ as integers.)
  CHECK(PackCode("") == 0);
  CHECK(PackCode("USA") != PackCode("USAGOV"));
  CHECK(PackCode("IGOUNOXX") != PackCode("IGOUNOXY"));
  CHECK(PackCode("IGOUNOXXX") == kLongCode);
}

}  // namespace
}  // namespace entente
