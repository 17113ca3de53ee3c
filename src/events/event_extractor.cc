// Approach: per sentence, find relation triggers with one phrase trie, map
// every actor mention to the token range it covers, then for each trigger
// look left for the source group and right for the target group within the
// trigger's clause (bounded by other triggers, ';' and reporting verbs).
// Modality and polarity come from a few words before the trigger; the date
// from EventDating (its clause, then the discourse, then the document).
#include "events/event_extractor.h"

#include <algorithm>
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
      if (chosen < 0 && !passive_context) {
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

  void Extract(const std::vector<Trigger>& triggers, std::vector<Event>* out) {
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      const Trigger& tr = triggers[k];
      std::size_t left = k > 0 ? triggers[k - 1].end : 0;
      std::size_t right = k + 1 < triggers.size() ? triggers[k + 1].begin
                                                  : t_.size();
      left = std::max(left, ClauseStart(tr.begin));
      right = std::min(right, ClauseEnd(tr.end));
      ExtractOne(tr, left, right, out);
    }
  }

 private:
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
        if (!mixed && IsCoordination(last.group.end, b)) {
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

  void ExtractOne(const Trigger& tr, std::size_t left, std::size_t right,
                  std::vector<Event>* out) {
    const RelationEntry& rel = lex_.relations()[tr.relation];
    const Group* location = nullptr;
    const Group* sources = nullptr;
    const Group* targets = nullptr;
    if (tr.form == kPassive) {
      targets = GroupBefore(tr.begin, left);
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
      targets = GroupAfter(tr.end, right, &location);
    }
    if (!sources) return;
    Cues cues = ReadCues(t_, tr.begin, left, right);
    EventDate date = DateFor(tr, left, right, cues.modality == "planned");
    std::optional<Location> loc;
    if (location) {
      const Actor& a = location->members.front()->actor;
      loc = Location{std::string(Text(location->begin, location->end)),
                     a.country};
    }
    auto emit = [&](const Actor& s, const Actor& t) {
      // An actor and itself, or a person and their own state ("Putin ...
      // met ... Russia"), is a misreading in diplomatic news.
      if (s.id == t.id || (s.kind == "person" && s.country == t.id) ||
          (t.kind == "person" && t.country == s.id)) {
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
      if (rel.symmetric && t.id < s.id) std::swap(e.source, e.target);
      e.trigger = std::string(Text(tr.begin, tr.end));
      e.date = date;
      e.polarity = cues.negated ? "negated" : "affirmed";
      e.modality = cues.modality;
      if (e.modality == "planned" && e.cameo.rfind("04", 0) == 0) {
        e.cameo = "036";  // express intent to meet or negotiate
      }
      if (const CameoEntry* c = lex_.FindCameo(e.cameo)) e.plover = c->plover;
      e.location = loc;
      e.evidence_text = std::string(
          std::string_view(doc_.text).substr(sentence_.start,
                                             sentence_.end - sentence_.start));
      e.evidence_start = sentence_.start;
      e.evidence_end = sentence_.end;
      out->push_back(std::move(e));
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
};

using EventKey = std::tuple<std::string, std::string, std::string,
                            std::string, std::string, std::string>;

}  // namespace

std::vector<Event> EventExtractor::Extract(
    const Document& doc, const std::vector<Sentence>& sentences,
    const std::vector<SentenceTokens>& tokens,
    const std::vector<ActorMention>& mentions,
    const std::vector<TimeExpression>& times) const {
  std::vector<Event> events;
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
    std::vector<Event> found;
    SentenceEvents(impl_->lex, doc, sentences[si], si, tokens[si].tokens,
                   std::move(ms), dating)
        .Extract(triggers, &found);
    for (Event& e : found) {
      EventKey key{e.source.id, e.relation, e.target.id,
                   e.date.value, e.polarity, e.modality};
      if (seen.insert(key).second) events.push_back(std::move(e));
    }
  }
  return events;
}

}  // namespace entente
