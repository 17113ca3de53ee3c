// The query side of the resident graph: folding pending mentions into the
// per-edge arrays, the actor index, edge selection and making RelationEdge
// values.
//
// The index is an adjacency in compressed-sparse-row form (the layout of
// Boost's compressed_sparse_row_graph, with 6-byte entries): for each
// actor, one entry per (incident edge, month in which the edge has
// evidence), sorted by relation and month. A query for an actor
// binary-searches the months of its window within each relation it wants,
// and binary-searches each edge's date-sorted evidence; it never looks at
// the rest of the graph. The same selection by scanning every edge is kept
// as the baseline that benchmarks and tests compare against.
#include <algorithm>
#include <numeric>
#include <span>
#include <thread>
#include <tuple>

#include "core/calendar.h"
#include "graph/graph_store.h"

namespace entente {
namespace graph {

// Months since year 0, in 16 bits (years up to 5460); kUndatedMonth for
// mentions without days.
inline constexpr std::int32_t kUndatedMonth = 0xffff;

// Actor a's incidences are [starts[a], starts[a + 1]) of `edge` and
// `month` (two arrays: 6 bytes an entry), sorted by (relation, month,
// edge): one per month in which the edge has mentions (a coarse date
// counts in every month it covers).
struct Index {
  std::vector<std::uint32_t> starts;
  std::vector<Id> edge;
  std::vector<std::uint16_t> month;
};

std::int32_t MonthOf(std::int32_t day) {
  CivilDate d = CivilFromDays(day);
  return std::clamp(d.year * 12 + d.month - 1, 0, kUndatedMonth - 1);
}

void IndexDeleter::operator()(Index* index) const { delete index; }

namespace {

// Calls fn(part, begin, end) for two parts [0, mid) and [mid, n) of edges
// whose mentions start at offsets[e] (offsets[n] in all), split so that each
// part has about half of the mentions; the second part on a thread of its
// own. Small graphs: fn(0, 0, n) alone.
template <typename Fn>
void InTwoParts(std::size_t n, const std::vector<std::uint32_t>& offsets,
                Fn fn) {
  if (n < 2 || offsets[n] < two_thread_mentions) {
    fn(0, 0, n);
    return;
  }
  std::size_t mid = static_cast<std::size_t>(
      std::lower_bound(offsets.begin(), offsets.begin() + n, offsets[n] / 2) -
      offsets.begin());
  std::thread second([&] { fn(1, mid, n); });
  fn(0, 0, mid);
  second.join();
}

// A stable counting sort of the sequence a, b by key(x) (below `keys`):
// put(i, x) is called with x's place i. With `two_threads`, a and b are
// counted and placed on two threads (b's x after a's of the same key).
// Returns, for each key, where its elements end.
template <typename T, typename Key, typename Put>
std::vector<std::uint32_t> CountingSort(std::span<const T> a,
                                        std::span<const T> b, std::size_t keys,
                                        bool two_threads, Key key, Put put) {
  std::vector<std::uint32_t> at_a(keys, 0), at_b(keys, 0);
  auto both = [&](auto fn) {
    if (!two_threads) {
      fn(a, at_a);
      fn(b, at_b);
      return;
    }
    std::thread second([&] { fn(b, at_b); });
    fn(a, at_a);
    second.join();
  };
  both([&](std::span<const T> in, std::vector<std::uint32_t>& at) {
    for (const T& x : in) ++at[key(x)];
  });
  std::uint32_t place = 0;
  for (std::size_t k = 0; k < keys; ++k) {
    std::uint32_t in_a = at_a[k];
    at_a[k] = place;
    place += in_a;
    std::uint32_t in_b = at_b[k];
    at_b[k] = place;
    place += in_b;
  }
  both([&](std::span<const T> in, std::vector<std::uint32_t>& at) {
    for (const T& x : in) put(at[key(x)]++, x);
  });
  return at_b;
}

}  // namespace

}  // namespace graph

using graph::Id;
using graph::kNoId;
using graph::Mention;

// Moves pending mentions into the per-edge arrays; sorts the edges that
// received some by date, then document, sentence and context.
void RelationGraph::Impl::FoldPending() {
  Impl& g = *this;
  std::size_t edge_count = g.edges.size();
  std::size_t old_edges = g.offsets.size() - 1;
  if (g.pending.empty() && old_edges == edge_count) return;
  std::vector<std::uint32_t> next(edge_count + 1, 0);
  for (std::size_t e = 0; e < old_edges; ++e) {
    next[e + 1] = g.offsets[e + 1] - g.offsets[e];
  }
  std::vector<bool> touched(edge_count, false);
  for (const auto& p : g.pending) {
    ++next[p.edge + 1];
    touched[p.edge] = true;
  }
  std::partial_sum(next.begin(), next.end(), next.begin());
  std::vector<Mention> merged(next[edge_count]);
  std::vector<std::uint32_t> fill(next.begin(), next.end() - 1);
  for (std::size_t e = 0; e < old_edges; ++e) {
    fill[e] = std::copy(g.mentions.begin() + g.offsets[e],
                        g.mentions.begin() + g.offsets[e + 1],
                        merged.begin() + fill[e]) -
              merged.begin();
  }
  for (const auto& p : g.pending) merged[fill[p.edge]++] = p.mention;
  auto key = [&](const Mention& m) {
    const graph::Context& c = g.contexts[m.context];
    return std::make_tuple(g.spans[c.date].first, c.date, m.doc, m.sentence,
                           m.context);
  };
  graph::InTwoParts(edge_count, next, [&](int, std::size_t b, std::size_t end) {
    for (std::size_t e = b; e < end; ++e) {
      if (!touched[e]) continue;
      std::sort(merged.begin() + next[e], merged.begin() + next[e + 1],
                [&](const Mention& a, const Mention& b) { return key(a) < key(b); });
    }
  });
  g.mentions.swap(merged);
  g.offsets.swap(next);
  std::vector<RelationGraph::Impl::Pending>().swap(g.pending);
}

void RelationGraph::Impl::RankActors() {
  Impl& g = *this;
  std::vector<Id> order(g.actors.size());
  std::iota(order.begin(), order.end(), Id{0});
  std::sort(order.begin(), order.end(), [&](Id a, Id b) {
    return g.actor_ids.View(a) < g.actor_ids.View(b);
  });
  g.actor_rank.assign(order.size(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    g.actor_rank[order[i]] = static_cast<std::uint32_t>(i);
  }
}


void RelationGraph::Impl::BuildIndex() {
  Impl& g = *this;
  // The months each date value covers.
  std::vector<std::pair<std::int32_t, std::int32_t>> months(g.spans.size());
  for (std::size_t d = 0; d < g.spans.size(); ++d) {
    const graph::DateSpan& span = g.spans[d];
    if (span.first == graph::kUndated) {
      months[d] = {graph::kUndatedMonth, graph::kUndatedMonth};
      continue;
    }
    months[d] = {graph::MonthOf(span.first), graph::MonthOf(span.last)};
  }
  struct Entry {
    Id actor, relation;
    std::int32_t month;
    Id edge;
  };
  // The entries of each part of the edges, in edge order.
  std::vector<Entry> parts[2];
  graph::InTwoParts(g.edges.size(), g.offsets, [&](int part, std::size_t b,
                                                  std::size_t end) {
    std::vector<Entry>& entries = parts[part];
    entries.reserve(2 * (end - b) + (end - b) / 4);
    std::vector<std::int32_t> seen;
    for (Id e = static_cast<Id>(b); e < end; ++e) {
      const graph::EdgeRecord& x = g.edges[e];
      seen.clear();
      for (std::size_t i = g.MentionBegin(e); i < g.MentionEnd(e); ++i) {
        auto [first, last] = months[g.contexts[g.mentions[i].context].date];
        for (std::int32_t m = first; m <= last; ++m) {
          seen.push_back(m);
          if (m == graph::kUndatedMonth) break;
        }
      }
      if (seen.empty()) seen.push_back(graph::kUndatedMonth);
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      for (std::int32_t m : seen) {
        entries.push_back({x.source, x.relation, m, e});
        if (x.target != x.source) entries.push_back({x.target, x.relation, m, e});
      }
    }
  });
  // Sorted by (actor, relation, month, edge): entries come in edge order,
  // and stable counting sorts by month, then relation, then actor (the
  // last one straight into the index) give that order in linear time.
  bool two = parts[1].size() > 0;
  std::vector<Entry> by_month(parts[0].size() + parts[1].size());
  graph::CountingSort(
      std::span<const Entry>(parts[0]), std::span<const Entry>(parts[1]),
      graph::kUndatedMonth + 1, two,
      [](const Entry& x) { return static_cast<std::size_t>(x.month); },
      [&](std::uint32_t i, const Entry& x) { by_month[i] = x; });
  std::vector<Entry>().swap(parts[0]);
  std::vector<Entry>().swap(parts[1]);
  std::vector<Entry> entries(by_month.size());
  std::size_t half = two ? by_month.size() / 2 : by_month.size();
  std::span<const Entry> all(by_month);
  graph::CountingSort(
      all.first(half), all.subspan(half), g.labels.size(), two,
      [](const Entry& x) { return static_cast<std::size_t>(x.relation); },
      [&](std::uint32_t i, const Entry& x) { entries[i] = x; });
  std::vector<Entry>().swap(by_month);
  auto index = std::unique_ptr<graph::Index, graph::IndexDeleter>(new graph::Index);
  index->edge.resize(entries.size());
  index->month.resize(entries.size());
  all = std::span<const Entry>(entries);
  std::vector<std::uint32_t> ends = graph::CountingSort(
      all.first(half), all.subspan(half), g.actors.size(), two,
      [](const Entry& x) { return static_cast<std::size_t>(x.actor); },
      [&](std::uint32_t i, const Entry& x) {
        index->edge[i] = x.edge;
        index->month[i] = static_cast<std::uint16_t>(x.month);
      });
  // ends[a] is where actor a's entries end, and a + 1's start.
  index->starts.assign(g.actors.size() + 1, 0);
  std::copy(ends.begin(), ends.end(), index->starts.begin() + 1);
  g.index = std::move(index);
}

void RelationGraph::Impl::Ready() {
  std::lock_guard<std::mutex> lock(ready_mutex);
  if (!dirty) return;
  FoldPending();
  RankActors();
  BuildIndex();
  decltype(edge_slots)().swap(edge_slots);
  max_span = 0;
  for (const graph::DateSpan& s : spans) {
    if (s.first != graph::kUndated) max_span = std::max(max_span, s.last - s.first);
  }
  dirty = false;
}

std::size_t RelationGraph::Impl::IndexBytes() const {
  if (!index) return 0;
  return index->starts.capacity() * sizeof(std::uint32_t) +
         index->edge.capacity() * sizeof(Id) +
         index->month.capacity() * sizeof(std::uint16_t);
}

std::pair<std::size_t, std::size_t> RelationGraph::Impl::Candidates(
    Id edge, const graph::DayWindow& w) const {
  std::size_t b = MentionBegin(edge), e = MentionEnd(edge);
  if (!w.bounded) return {b, e};
  // A mention overlapping `from` starts at most max_span days before it.
  std::int64_t low = std::int64_t{w.from} - max_span;
  std::int32_t high = std::min(w.to, w.as_of);
  auto lo = std::partition_point(
      mentions.begin() + b, mentions.begin() + e,
      [&](const Mention& m) { return SpanOf(m).first < low; });
  auto hi = std::partition_point(lo, mentions.begin() + e, [&](const Mention& m) {
    return SpanOf(m).first <= high;
  });
  return {static_cast<std::size_t>(lo - mentions.begin()),
          static_cast<std::size_t>(hi - mentions.begin())};
}

bool RelationGraph::Impl::EdgeLess(Id a, Id b) const {
  const graph::EdgeRecord& x = edges[a];
  const graph::EdgeRecord& y = edges[b];
  if (x.source != y.source) return actor_rank[x.source] < actor_rank[y.source];
  if (x.target != y.target) return actor_rank[x.target] < actor_rank[y.target];
  return labels.View(x.relation) < labels.View(y.relation);
}

namespace {

// Which ends an edge must have.
struct Ends {
  Id actor = kNoId, other = kNoId;
  bool Match(const graph::EdgeRecord& x) const {
    if (actor != kNoId && x.source != actor && x.target != actor) return false;
    if (other == kNoId) return true;
    if (actor == kNoId) return x.source == other || x.target == other;
    return (x.source == actor && x.target == other) ||
           (x.target == actor && x.source == other);
  }
};

}  // namespace

std::vector<Id> RelationGraph::Impl::Select(
    const EdgeFilter& filter, std::vector<std::vector<Mention>>* kept) const {
  Ends ends;
  for (auto [text, id] : {std::pair{&filter.actor, &ends.actor},
                          std::pair{&filter.other, &ends.other}}) {
    if (text->empty()) continue;
    *id = actor_ids.Find(*text);
    if (*id == kNoId) return {};
  }
  std::vector<Id> relations;
  for (const std::string& r : filter.relations) {
    if (Id id = labels.Find(r); id != kNoId) relations.push_back(id);
  }
  if (!filter.relations.empty() && relations.empty()) return {};
  std::sort(relations.begin(), relations.end());
  relations.erase(std::unique(relations.begin(), relations.end()),
                  relations.end());
  auto wanted = [&](Id r) {
    return filter.relations.empty() ||
           std::binary_search(relations.begin(), relations.end(), r);
  };
  graph::DayWindow w = graph::DayWindow::Of(filter.time);
  std::int32_t last_first = w.bounded ? std::min(w.to, w.as_of) : graph::kUndated;

  std::vector<Id> found;
  Id start = ends.actor != kNoId ? ends.actor : ends.other;
  if (filter.scan_all_edges || start == kNoId) {
    for (Id e = 0; e < edges.size(); ++e) {
      if (wanted(edges[e].relation) && ends.Match(edges[e])) found.push_back(e);
    }
  } else {
    // The months the window can touch (mentions are indexed by month).
    std::int32_t month_lo = 0, month_hi = graph::kUndatedMonth;
    if (w.bounded) {
      if (w.from != INT32_MIN) month_lo = graph::MonthOf(w.from);
      month_hi = last_first >= INT32_MAX - 1 ? graph::kUndatedMonth - 1
                                             : graph::MonthOf(last_first);
    }
    const graph::Index& ix = *index;
    std::size_t begin = ix.starts[start], end = ix.starts[start + 1];
    auto key = [&](std::size_t i) {
      return std::make_pair(edges[ix.edge[i]].relation, std::int32_t{ix.month[i]});
    };
    // First position in [b, e) whose key is not below `k` (or above, when
    // `inclusive`).
    auto bound = [&](std::size_t b, std::size_t e, std::pair<Id, std::int32_t> k,
                     bool inclusive) {
      while (b < e) {
        std::size_t mid = b + (e - b) / 2;
        if (inclusive ? key(mid) <= k : key(mid) < k) b = mid + 1;
        else e = mid;
      }
      return b;
    };
    auto walk = [&](Id relation, bool any_relation) {
      std::size_t lo = begin, hi = end;
      if (!any_relation) {
        lo = bound(begin, end, {relation, month_lo}, false);
        hi = bound(lo, end, {relation, month_hi}, true);
      }
      for (std::size_t i = lo; i < hi; ++i) {
        if (any_relation && w.bounded &&
            (ix.month[i] < month_lo || ix.month[i] > month_hi)) {
          continue;
        }
        if (ends.Match(edges[ix.edge[i]])) found.push_back(ix.edge[i]);
      }
    };
    if (filter.relations.empty()) {
      walk(0, true);
    } else {
      for (Id r : relations) walk(r, false);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
  }

  std::vector<std::vector<Mention>> kept_all;
  std::vector<Id> selected;
  for (Id e : found) {
    std::vector<Mention> ms;
    auto [b, end] = Candidates(e, w);
    for (std::size_t i = b; i < end; ++i) {
      if (w.Keeps(SpanOf(mentions[i]))) ms.push_back(mentions[i]);
    }
    if (w.bounded && ms.empty()) continue;
    selected.push_back(e);
    kept_all.push_back(std::move(ms));
  }
  std::vector<std::size_t> order(selected.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return EdgeLess(selected[a], selected[b]);
  });
  std::vector<Id> out;
  out.reserve(order.size());
  if (kept) kept->clear();
  for (std::size_t i : order) {
    out.push_back(selected[i]);
    if (kept) kept->push_back(std::move(kept_all[i]));
  }
  return out;
}

RelationEdge RelationGraph::Impl::Materialize(Id edge, const Mention* begin,
                                              const Mention* end) const {
  const graph::EdgeRecord& x = edges[edge];
  RelationEdge out;
  out.source = actor_ids.Str(x.source);
  out.target = actor_ids.Str(x.target);
  out.relation = labels.Str(x.relation);
  out.cameo = labels.Str(x.cameo);
  out.plover = labels.Str(x.plover);
  out.role = labels.Str(x.role);
  out.quad = x.quad;
  out.symmetric = x.symmetric;
  out.count = static_cast<std::size_t>(end - begin);
  std::vector<std::pair<Id, Id>> dated;  // (date, doc)
  for (const Mention* m = begin; m != end;) {
    const Mention* run = m;
    while (run != end && *run == *m) ++run;
    const graph::Context& c = contexts[m->context];
    out.evidence.insert(EvidenceRef{
        docs.Str(m->doc),
        m->sentence == kNoId ? kUnknownSentence : std::size_t{m->sentence},
        dates.Str(c.date), locations.Str(c.location),
        static_cast<std::size_t>(run - m)});
    if (m->doc != 0) out.documents.insert(docs.Str(m->doc));
    if (c.date != 0) {
      out.dates.insert(dates.Str(c.date));
      for (const Mention* k = m; k != run; ++k) dated.emplace_back(c.date, m->doc);
    }
    m = run;
  }
  std::sort(dated.begin(), dated.end());
  for (std::size_t i = 0; i < dated.size();) {
    DatedEvent event{dates.Str(dated[i].first), 0, 0};
    std::size_t j = i;
    for (; j < dated.size() && dated[j].first == dated[i].first; ++j) {
      ++event.mentions;
      if (dated[j].second != 0 && (j == i || dated[j].second != dated[j - 1].second)) {
        ++event.sources;
      }
    }
    out.events.push_back(std::move(event));
    i = j;
  }
  std::sort(out.events.begin(), out.events.end(),
            [](const DatedEvent& a, const DatedEvent& b) { return a.date < b.date; });
  return out;
}

}  // namespace entente
