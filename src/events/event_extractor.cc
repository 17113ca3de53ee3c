// Approach: per sentence, find relation triggers with one phrase trie, map
// every actor mention to the token range it covers, then for each trigger
// look left for the source group and right for the target group within the
// trigger's clause (bounded by other triggers, ';' and reporting verbs).
// Modality and polarity come from a few words before the trigger; the date
// from EventDating (its clause, then the discourse, then the document).
#include "events/event_extractor.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "core/calendar.h"
#include "events/event_dating.h"
#include "events/sentence_cues.h"
#include "text/phrase_matcher.h"

namespace entente {
namespace {

enum TriggerForm : int { kVerb = 0, kPassive = 1, kNoun = 2 };

struct Trigger {
  std::size_t begin, end;  // tokens
  int relation;
  TriggerForm form;
};

// A group of coordinated mentions ("Blinken and Sullivan"): token range and
// the actors.
struct Group {
  std::size_t begin = 0, end = 0;
  std::vector<const ActorMention*> members;
};

}  // namespace

struct EventExtractor::Impl {
  const Lexicon& lex;
  PhraseMatcher matcher;

  explicit Impl(const Lexicon& l) : lex(l) {
    const auto& rels = lex.relations();
    for (std::size_t i = 0; i < rels.size(); ++i) {
      int idx = static_cast<int>(i) * 4;
      for (const auto& v : rels[i].verbs) matcher.Add(v, idx + kVerb, false);
      for (const auto& v : rels[i].passive) {
        matcher.Add(v, idx + kPassive, false);
      }
      for (const auto& v : rels[i].nouns) matcher.Add(v, idx + kNoun, false);
    }
  }

  std::vector<Trigger> FindTriggers(const std::vector<Token>& t) const {
    std::vector<Trigger> out;
    const std::vector<std::uint32_t> ids = matcher.Encode(t);
    for (std::size_t i = 0; i < t.size();) {
      PhraseMatcher::Match m = matcher.Longest(t, ids, i, t.size());
      if (m.length == 0) {
        ++i;
        continue;
      }
      // A passive participle counts as passive only between a form of "be"
      // and "by"; otherwise the phrase's active or nominal reading holds.
      bool passive_context =
          i > 0 && IsBeVerb(t[i - 1].folded) && i + m.length < t.size() &&
          t[i + m.length].folded == "by";
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
      if ((chosen < 0 && !passive_context) || agentless) {
        ++i;
        continue;
      }
      if (chosen < 0) chosen = m.payloads->front();
      out.push_back({i, i + m.length, chosen / 4,
                     static_cast<TriggerForm>(chosen % 4)});
      i += m.length;
    }
    return out;
  }
};

EventExtractor::EventExtractor(const Lexicon& lexicon)
    : impl_(std::make_unique<Impl>(lexicon)) {}
EventExtractor::~EventExtractor() = default;

namespace {

// The CAMEO code of the intention to do what `code` names: a planned
// meeting is 036 "express intent to meet", planned aid 033, a planned
// attack a threat (138). Codes of saying things (01, 02, 03, 10-14) stay.
std::string IntentCode(const std::string& code) {
  std::string root = code.substr(0, 2);
  if (code == "045") return "039";
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") return "035";
  if (root == "16") return "136";
  if (root == "17") return "137";
  if (root == "18" || root == "19" || root == "20") return "138";
  return code;
}

class SentenceEvents {
 public:
  SentenceEvents(const Lexicon& lex, const Document& doc,
                 const Sentence& sentence, std::size_t index,
                 const std::vector<Token>& tokens,
                 std::vector<const ActorMention*> mentions,
                 const EventDating& dating)
      : lex_(lex), doc_(doc), sentence_(sentence), index_(index), t_(tokens),
        mentions_(std::move(mentions)), dating_(dating) {
    BuildGroups();
  }

  // `one_sided` (may be null) receives the events whose sentence names a
  // source but no target ("Iran agreed to ...").
  void Extract(const std::vector<Trigger>& triggers, std::vector<Event>* out,
               std::vector<Event>* one_sided) {
    one_sided_ = one_sided;
    std::vector<std::size_t> lefts(triggers.size());
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      const Trigger& tr = triggers[k];
      std::size_t left = k > 0 ? triggers[k - 1].end : 0;
      left = std::max(left, ClauseStart(tr.begin));
      // "X refused to meet Y", "X threatened to attack Y": the relation
      // word right after a phrase ending in "to" shares its subject.
      bool governed = k > 0 && Governs(triggers[k - 1], tr);
      if (governed) left = lefts[k - 1];
      lefts[k] = left;
      std::size_t right = k + 1 < triggers.size() ? triggers[k + 1].begin
                                                  : t_.size();
      right = std::min(right, ClauseEnd(tr.end));
      // ... and the governing phrase takes the object of the one it
      // governs ("refused to meet Y" rejects Y).
      std::size_t object_from = tr.end;
      // A governing phrase with no object of its own says nothing the
      // governed event does not ("agreed to" + "cooperation with X").
      governs_next_ = k + 1 < triggers.size() && Governs(tr, triggers[k + 1]);
      if (k + 1 < triggers.size() && Governs(tr, triggers[k + 1]) &&
          triggers[k + 1].begin == tr.end) {
        object_from = triggers[k + 1].end;
        std::size_t next_right = k + 2 < triggers.size()
                                     ? triggers[k + 2].begin
                                     : t_.size();
        right = std::min(next_right, ClauseEnd(object_from));
      }
      std::optional<Cues> forced;
      if (governed) forced = GovernedCues(triggers[k - 1], tr, left, right);
      ExtractOne(tr, left, right, object_from, forced, out);
    }
  }

 private:
  // True when `first` is a phrase ending in "to" that `second` follows at
  // once ("agreed to" + "visit") or after a few words of its own clause
  // ("agreed to strengthen security" + "cooperation with").
  bool Governs(const Trigger& first, const Trigger& second) const {
    if (first.form != kVerb || first.end <= first.begin ||
        t_[first.end - 1].folded != "to" || second.begin < first.end ||
        second.begin - first.end > 3) {
      return false;
    }
    for (std::size_t i = first.end; i < second.begin; ++i) {
      if (IsClauseBreak(t_[i].folded) || t_[i].folded == "and") return false;
      for (const Group& g : groups_) {
        if (g.begin == i) return false;  // a new party: a new clause
      }
    }
    return true;
  }

  // What a governed event is: refused, declined or failed - negated; a
  // threat (CAMEO 13) - hypothetical; an offer, promise or agreement -
  // planned. Its own cues (an earlier "not", "said") still apply.
  Cues GovernedCues(const Trigger& governor, const Trigger& tr,
                    std::size_t left, std::size_t right) const {
    Cues c = ReadCues(t_, tr.begin, left, right);
    const RelationEntry& g = lex_.relations()[governor.relation];
    const std::string& head = t_[governor.begin].folded;
    bool refusal = g.cameo.rfind("12", 0) == 0 || head == "refused" ||
                   head == "refuses" || head == "declined" ||
                   head == "declines" || head == "failed" || head == "fails";
    if (refusal) {
      c.negated = true;
    } else if (g.cameo.rfind("13", 0) == 0) {
      c.modality = "hypothetical";
    } else if (c.modality == "asserted" || c.modality == "reported") {
      c.modality = "planned";
    }
    return c;
  }

  // Token index of the first token whose span starts at or after `byte`.
  std::size_t TokenAt(std::size_t byte) const {
    auto it = std::lower_bound(
        t_.begin(), t_.end(), byte,
        [](const Token& t, std::size_t b) { return t.start < b; });
    return static_cast<std::size_t>(it - t_.begin());
  }

  void BuildGroups() {
    // Mentions sharing a span ("the two leaders") form one group; "A and B",
    // "A, B and C" join adjacent groups. A list joined by commas alone
    // ("..., President Zelensky said") is not a coordination: such a group
    // is split back into its members.
    struct Pending {
      Group group;
      bool has_and = false, has_comma = false;
      std::vector<std::pair<std::size_t, std::size_t>> spans;  // per member
    };
    std::vector<Pending> built;
    for (const ActorMention* m : mentions_) {
      std::size_t b = TokenAt(m->start), e = TokenAt(m->end);
      if (!built.empty()) {
        Pending& last = built.back();
        if (last.group.begin == b && last.group.end == e) {
          last.group.members.push_back(m);
          last.spans.push_back({b, e});
          continue;
        }
        // A person is not coordinated with a state ("he met Zelensky, and
        // Berlin on Thursday" lists places visited, not parties).
        bool mixed = (last.group.members.back()->actor.kind == "person") !=
                         (m->actor.kind == "person") &&
                     (last.group.members.back()->actor.kind == "state" ||
                      m->actor.kind == "state");
        // "... sanctions on Russian companies, and Biden told ...": after
        // ", and" a party followed by its verb opens a new clause, unless
        // the comma ends a list ("Britain, France, and Germany agreed").
        bool new_clause = !last.has_comma && b == last.group.end + 2 &&
                          t_[last.group.end].folded == "," &&
                          StartsClause(e);
        if (!mixed && !new_clause && IsCoordination(last.group.end, b)) {
          for (std::size_t i = last.group.end; i < b; ++i) {
            last.has_and |= t_[i].folded != ",";
            last.has_comma |= t_[i].folded == ",";
          }
          last.group.end = e;
          last.group.members.push_back(m);
          last.spans.push_back({b, e});
          continue;
        }
      }
      built.push_back({{b, e, {m}}, false, false, {{b, e}}});
    }
    for (Pending& p : built) {
      if (!p.has_comma || p.has_and) {
        groups_.push_back(std::move(p.group));
        continue;
      }
      for (std::size_t i = 0; i < p.group.members.size(); ++i) {
        auto [b, e] = p.spans[i];
        if (!groups_.empty() && groups_.back().begin == b) {
          groups_.back().members.push_back(p.group.members[i]);
        } else {
          groups_.push_back({b, e, {p.group.members[i]}});
        }
      }
    }
  }

  // Whether token `i`, right after a party, is a finite verb that makes the
  // party a clause's subject ("Biden told", "Germany said", "Japan has").
  bool StartsClause(std::size_t i) const {
    if (i >= t_.size() || !t_[i].is_word || t_[i].capitalized) return false;
    const std::string& f = t_[i].folded;
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
    if (to <= from || to - from > 2) return false;
    for (std::size_t i = from; i < to; ++i) {
      const std::string& f = t_[i].folded;
      if (f != "and" && f != "," && f != "&") return false;
    }
    return true;
  }

  std::size_t ClauseStart(std::size_t trigger) const {
    for (std::size_t i = trigger; i > 0; --i) {
      const std::string& f = t_[i - 1].folded;
      if (f == ";" || f == ":" || IsReportingWord(f)) return i;
    }
    return 0;
  }

  std::size_t ClauseEnd(std::size_t after) const {
    for (std::size_t i = after; i < t_.size(); ++i) {
      const std::string& f = t_[i].folded;
      if (f == ";" || IsReportingWord(f)) return i;
      if (f == "," && i + 1 < t_.size() &&
          (t_[i + 1].folded == "who" || t_[i + 1].folded == "which")) {
        return i;
      }
    }
    return t_.size();
  }

  // The nearest group before `pos`, skipping places ("In Tokyo last week,
  // she met ...").
  const Group* GroupBefore(std::size_t pos, std::size_t left) const {
    const Group* best = nullptr;
    for (const Group& g : groups_) {
      if (g.end <= pos && g.begin >= left && !IsPlace(g)) best = &g;
    }
    return best;
  }

  bool IsPlace(const Group& g) const {
    if (g.begin == 0) return false;
    const std::string& before = t_[g.begin - 1].folded;
    return before == "in" || before == "at" || before == "from";
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
      bool after_in = g.begin > pos && (t_[g.begin - 1].folded == "in" ||
                                        t_[g.begin - 1].folded == "at");
      if (after_in) {
        if (location && !*location) *location = &g;
        continue;
      }
      bool possessive = g.end < t_.size() && t_[g.end].folded == "'s";
      if (possessive && k + 1 < groups_.size() &&
          groups_[k + 1].end <= right && groups_[k + 1].begin - g.end <= 6) {
        return &groups_[k + 1];
      }
      return &g;
    }
    return nullptr;
  }

  // The first group in tokens [pos, right) at most 8 tokens on, with no
  // clause break before it, that a preposition of a recipient or object
  // introduces ("aid to X", "sanctions against X", "demands from X"); not
  // "of X" or "alongside X", which name company, not a target.
  const Group* DistantGroupAfter(std::size_t pos, std::size_t right) const {
    for (const Group& g : groups_) {
      if (g.begin <= pos || g.end > right) continue;
      if (g.begin - pos > 8 || BreaksClause(pos, g.begin)) return nullptr;
      const std::string& before = t_[g.begin - 1].folded;
      if (before == "to" || before == "against" || before == "on" ||
          before == "for" || before == "from" || before == "with" ||
          before == "toward" || before == "towards" || before == "into" ||
          before == "over") {
        return &g;
      }
    }
    return nullptr;
  }

  // A comma right before the group is an apposition ("China's top
  // diplomat, Yang Jiechi"), not a break.
  bool BreaksClause(std::size_t from, std::size_t to) const {
    for (std::size_t i = from; i < to; ++i) {
      if (IsClauseBreak(t_[i].folded) && !(i + 1 == to && t_[i].folded == ",")) {
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

  void ExtractOne(const Trigger& tr, std::size_t left, std::size_t right,
                  std::size_t object_from, const std::optional<Cues>& forced,
                  std::vector<Event>* out) {
    const RelationEntry& rel = lex_.relations()[tr.relation];
    const Group* location = nullptr;
    const Group* sources = nullptr;
    const Group* targets = nullptr;
    if (tr.form == kPassive) {
      targets = GroupBefore(tr.begin, left);
      // "a hospital that was struck by X": the target is the noun before
      // "that", which is an actor only if a group ends right there.
      if (tr.begin >= 2) {
        std::size_t rel_pronoun = tr.begin - 2;
        const std::string& f = t_[rel_pronoun].folded;
        if (f == "that" || f == "which" || f == "who") {
          if (!targets || targets->end != rel_pronoun) targets = nullptr;
        }
      }
      sources = GroupAfter(tr.end + 1, right, &location);  // after "by"
    } else if (tr.form == kNoun && tr.end < t_.size() &&
               (t_[tr.end].folded == "between" ||
                t_[tr.end].folded == "of" || t_[tr.end].folded == "among")) {
      sources = GroupAfter(tr.end, right, &location);
    } else if (tr.form == kNoun) {
      // "Biden's call with Xi", "the two leaders' talks": a nominal trigger
      // takes a target only through "with".
      sources = GroupBefore(tr.begin, left);
      if (tr.end < t_.size() && t_[tr.end].folded == "with") {
        targets = GroupAfter(tr.end + 1, right, &location);
      }
    } else {
      sources = GroupBefore(tr.begin, left);
      targets = GroupAfter(object_from, right, &location);
    }
    if (!sources) return;
    // A verb with no object next to it takes the first party named
    // further on in its clause ("promised to continue military aid to
    // Mozambique"), or failing that the place it names ("set up a centre
    // in Tokyo") - unless its subject is two or more parties, who then
    // act together ("Bosnia and Slovenia agreed").
    if (!targets && tr.form == kVerb && sources->members.size() == 1) {
      targets = DistantGroupAfter(object_from, right);
      // (Not for meetings: "will meet him in Vilnius" names the venue.)
      if (!targets && location && location->begin >= object_from &&
          !rel.symmetric && rel.cameo.rfind("04", 0) != 0) {
        targets = location;
        location = nullptr;
      }
    }
    Cues cues = forced ? *forced : ReadCues(t_, tr.begin, left, right);
    EventDate date = DateFor(tr, left, right, cues.modality == "planned");
    std::optional<Location> loc;
    if (location) {
      const Actor& a = location->members.front()->actor;
      loc = Location{std::string(Text(location->begin, location->end)),
                     a.country};
    }
    // A symmetric relation among three or more parties is one gathering.
    std::vector<Actor> participants;
    if (rel.symmetric) {
      for (const Group* g : {sources, targets}) {
        if (!g) continue;
        for (const ActorMention* m : g->members) {
          bool known = std::any_of(
              participants.begin(), participants.end(),
              [&](const Actor& a) { return a.id == m->actor.id; });
          if (!known) participants.push_back(m->actor);
        }
      }
      if (participants.size() < 3) participants.clear();
    }
    std::string gathering;
    if (!participants.empty()) {
      gathering = doc_.id + "#" + std::to_string(index_) + ":" +
                  std::to_string(tr.begin);
    }
    auto emit = [&](const Actor& s, const Actor& t) {
      // An actor and itself, or a person and their own state ("Putin ...
      // met ... Russia"), is a misreading in diplomatic news.
      bool one_sided = t.id.empty();
      if (!rel.source_sectors.empty() && !HasSector(s, rel.source_sectors)) {
        return;
      }
      bool domestic = s.kind == "group" && t.kind == "state" &&
                      rel.cameo.rfind("14", 0) == 0;
      if (!one_sided && !domestic &&
          (s.id == t.id || (s.kind == "person" && s.country == t.id) ||
           (t.kind == "person" && t.country == s.id))) {
        return;
      }
      Event e;
      e.doc = doc_.id;
      e.sentence = index_;
      e.source = s;
      e.target = t;
      e.relation = rel.relation;
      e.cameo = rel.cameo;
      e.symmetric = rel.symmetric;
      if (rel.symmetric && !one_sided && t.id < s.id) {
        std::swap(e.source, e.target);
      }
      e.trigger = std::string(Text(tr.begin, tr.end));
      e.date = date;
      e.polarity = cues.negated ? "negated" : "affirmed";
      e.modality = cues.modality;
      if (e.modality == "planned") e.cameo = IntentCode(e.cameo);
      if (const CameoEntry* c = lex_.FindCameo(e.cameo)) e.plover = c->plover;
      e.location = loc;
      if (!one_sided) {
        e.gathering = gathering;
        e.participants = participants;
      }
      e.evidence_text = std::string(
          std::string_view(doc_.text).substr(sentence_.start,
                                             sentence_.end - sentence_.start));
      e.evidence_start = sentence_.start;
      e.evidence_end = sentence_.end;
      (one_sided ? *one_sided_ : *out).push_back(std::move(e));
    };
    if (targets) {
      for (const ActorMention* s : sources->members) {
        for (const ActorMention* t : targets->members) emit(s->actor, t->actor);
      }
    } else if (rel.symmetric && sources->members.size() >= 2) {
      const auto& m = sources->members;
      std::size_t n = std::min<std::size_t>(m.size(), 4);
      for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = a + 1; b < n; ++b) emit(m[a]->actor, m[b]->actor);
      }
    } else if (rel.cameo.rfind("14", 0) == 0 && tr.form != kNoun) {
      // Dissent that names no target (strikes, rallies, riots by a group
      // of a country) is dissent against that country's state, as CAMEO
      // codes domestic protest.
      for (const ActorMention* s : sources->members) {
        const Actor& a = s->actor;
        if (a.kind != "group" || a.country.size() != 3) continue;
        emit(a, Actor{a.country, a.country, "state", a.country, a.country, ""});
      }
    } else if (one_sided_ && tr.form != kNoun && !governs_next_) {
      // A noun with no second party ("Serbia's suppression of unrest")
      // names an act too loosely to be an event of its own.
      for (const ActorMention* s : sources->members) emit(s->actor, Actor{});
    }
  }

  std::string_view Text(std::size_t b, std::size_t e) const {
    return std::string_view(doc_.text)
        .substr(t_[b].start, t_[e - 1].end - t_[b].start);
  }

  // The date of the event of trigger `tr` whose clause is tokens [left,
  // right): see events/event_dating.h.
  EventDate DateFor(const Trigger& tr, std::size_t left, std::size_t right,
                    bool planned) const {
    EventDating::Span trigger{t_[tr.begin].start, t_[tr.end - 1].end};
    EventDating::Span clause{trigger.begin, trigger.end};
    if (left < right && right <= t_.size()) {
      clause = {t_[left].start, t_[right - 1].end};
    }
    return dating_.DateFor(index_, trigger, clause, planned);
  }

  const Lexicon& lex_;
  const Document& doc_;
  const Sentence& sentence_;
  std::size_t index_;
  const std::vector<Token>& t_;
  std::vector<const ActorMention*> mentions_;
  const EventDating& dating_;
  std::vector<Group> groups_;
  std::vector<Event>* one_sided_ = nullptr;
  bool governs_next_ = false;  // the trigger being read governs the next
};

using EventKey = std::tuple<std::string, std::string, std::string,
                            std::string, std::string, std::string>;

}  // namespace

std::vector<Event> EventExtractor::Extract(
    const Document& doc, const std::vector<Sentence>& sentences,
    const std::vector<SentenceTokens>& tokens,
    const std::vector<ActorMention>& mentions,
    const std::vector<TimeExpression>& times,
    std::vector<Event>* one_sided) const {
  std::vector<Event> events;
  std::set<EventKey> seen_one_sided;
  std::set<EventKey> seen;
  EventDating dating(doc, sentences, times);
  std::size_t mi = 0;
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    std::vector<const ActorMention*> ms;
    while (mi < mentions.size() && mentions[mi].sentence < si) ++mi;
    for (std::size_t k = mi; k < mentions.size() && mentions[k].sentence == si;
         ++k) {
      ms.push_back(&mentions[k]);
    }
    if (ms.empty()) continue;
    std::vector<Trigger> triggers = impl_->FindTriggers(tokens[si].tokens);
    if (triggers.empty()) continue;
    std::vector<Event> found, found_one_sided;
    SentenceEvents(impl_->lex, doc, sentences[si], si, tokens[si].tokens,
                   std::move(ms), dating)
        .Extract(triggers, &found, one_sided ? &found_one_sided : nullptr);
    for (Event& e : found) {
      EventKey key{e.source.id, e.relation, e.target.id,
                   e.date.value, e.polarity, e.modality};
      if (seen.insert(key).second) events.push_back(std::move(e));
    }
    for (Event& e : found_one_sided) {
      EventKey key{e.source.id, e.relation, "",
                   e.date.value, e.polarity, e.modality};
      if (seen_one_sided.insert(key).second) {
        one_sided->push_back(std::move(e));
      }
    }
  }
  return events;
}

}  // namespace entente
