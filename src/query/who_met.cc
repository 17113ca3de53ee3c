// Who-met asks the graph for the contact edges of the named actor (its
// index touches only those edges, and only their evidence inside the time
// window), then groups the evidence by (date, actors, kind of contact):
// several documents reporting one contact on one date make one row with
// several sources.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/utf8.h"
#include "entente/query.h"

namespace entente {
namespace {

// The relations behind each kind of contact.
const std::map<std::string, std::vector<std::string>>& RelationsOfKind() {
  static const auto* kinds = new std::map<std::string, std::vector<std::string>>{
      {"call", {"phone_call"}},
      {"meeting", {"meeting"}},
      {"visit", {"visit", "host"}},
      {"talks", {"talks", "discussion"}},
  };
  return *kinds;
}

const char* HowOf(const std::string& relation) {
  if (relation == "meeting") return "meeting";
  if (relation == "phone_call") return "call";
  if (relation == "visit" || relation == "host") return "visit";
  if (relation == "talks" || relation == "discussion") return "talks";
  return nullptr;
}

std::string Folded(const std::string& s) {
  std::string out = FoldWord(s);
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

// The relations a query asks for, or a usage error for an unknown kind.
Result<std::vector<std::string>> RelationsFor(
    const std::vector<std::string>& how) {
  std::vector<std::string> relations;
  for (const std::string& kind : how.empty() ? ContactKinds() : how) {
    auto it = RelationsOfKind().find(kind);
    if (it == RelationsOfKind().end()) {
      return Status::Usage("--how: '" + kind +
                           "' is not one of call, meeting, visit, talks");
    }
    relations.insert(relations.end(), it->second.begin(), it->second.end());
  }
  return relations;
}

}  // namespace

const std::vector<std::string>& ContactKinds() {
  static const auto* kinds =
      new std::vector<std::string>{"call", "meeting", "visit", "talks"};
  return *kinds;
}

Result<std::string> ResolveActor(const RelationGraph& graph,
                                 const std::string& text) {
  if (!text.empty() && graph.FindActor(text)) return text;  // an exact id
  std::string want = Folded(text);
  std::vector<Actor> exact, partial;
  for (const Actor& a : graph.actors()) {
    std::string id = Folded(a.id), name = Folded(a.name);
    if (id == want || name == want) {
      exact.push_back(a);
      continue;
    }
    // A whole word of the name: "biden" for "Joe Biden".
    std::string padded = " " + name + " ";
    if (padded.find(" " + want + " ") != std::string::npos) {
      partial.push_back(a);
    }
  }
  const std::vector<Actor>& found = exact.empty() ? partial : exact;
  if (found.size() == 1) return found[0].id;
  if (found.empty()) {
    return Status::NotFound("no actor matches '" + text +
                            "' in the graph (try an id such as USA or "
                            "joe-biden)");
  }
  std::string list;
  for (const Actor& a : found) list += "\n  " + a.id + " (" + a.name + ")";
  return Status::InvalidInput("'" + text + "' is ambiguous; candidates:" +
                              list);
}

Result<std::vector<WhoMetRow>> WhoMet(const RelationGraph& graph,
                                      const WhoMetQuery& q) {
  EdgeFilter filter;
  filter.time = {q.from, q.to, q.as_of};
  if (Status s = CheckTimeFilter(filter.time); !s.ok()) return s;
  Result<std::vector<std::string>> relations = RelationsFor(q.how);
  if (!relations.ok()) return relations.status();
  filter.relations = std::move(*relations);
  for (auto [text, id] : {std::pair{&q.actor, &filter.actor},
                          std::pair{&q.with, &filter.other}}) {
    if (text->empty()) continue;
    Result<std::string> r = ResolveActor(graph, *text);
    if (!r.ok()) return r.status();
    *id = *r;
  }
  filter.scan_all_edges = q.scan_all_edges;
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  std::map<Key, WhoMetRow> contacts;
  graph.ForEachEdge(filter, [&](const RelationEdge& e) {
    std::string a = e.source, b = e.target;
    if (e.relation == "host") std::swap(a, b);  // the visitor first
    if (!filter.actor.empty() && b == filter.actor) std::swap(a, b);
    const char* how = HowOf(e.relation);
    for (const EvidenceRef& r : e.evidence) {
      WhoMetRow& row = contacts[Key{r.date, a, b, how}];
      row.evidence.push_back(r);
      if (row.where.empty()) row.where = r.location;
    }
  });
  std::vector<WhoMetRow> rows;
  for (auto& [key, row] : contacts) {
    std::set<std::string> docs;
    for (const EvidenceRef& r : row.evidence) {
      docs.insert(r.doc);
      row.mentions += r.mentions;
    }
    row.sources = docs.size();
    if (row.sources < q.min_sources) continue;
    row.date = std::get<0>(key);
    row.a = *graph.FindActor(std::get<1>(key));
    row.b = *graph.FindActor(std::get<2>(key));
    row.how = std::get<3>(key);
    std::sort(row.evidence.begin(), row.evidence.end());
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return std::tie(x.date, x.a.name, x.b.name, x.how) <
           std::tie(y.date, y.a.name, y.b.name, y.how);
  });
  return rows;
}

}  // namespace entente
