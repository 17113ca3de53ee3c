#include "events/event_coreference.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "events/literals.h"

namespace entente {
namespace {

bool Happened(const Event& e) {
  return Is(e.polarity, "affirmed") &&
         (Is(e.modality, "asserted") || Is(e.modality, "reported"));
}

std::string_view Root(std::string_view cameo) { return cameo.substr(0, 2); }

// Whether two events name the same happening as far as the record shows:
// one root code, one source country, one target country.
bool SameHappening(const Event& a, const Event& b) {
  return !a.source.country.empty() && !a.target.country.empty() &&
         a.source.country == b.source.country &&
         a.target.country == b.target.country && Root(a.cameo) == Root(b.cameo);
}

// TIMEX3 date values compare as strings within a granularity; a value of
// coarser granularity ("2022-02") sorts before its days, so comparing the
// prefix the document date shares is enough to tell "not after".
bool NotAfter(const std::string& value, const std::string& document_date) {
  if (document_date.empty() || value.empty()) return false;
  if (value.size() < 4 || value[0] < '0' || value[0] > '9') return false;
  return value.compare(0, std::min(value.size(), document_date.size()),
                       document_date, 0,
                       std::min(value.size(), document_date.size())) <= 0;
}

bool SameRecord(const Event& a, const Event& b) {
  return a.source.id == b.source.id && a.target.id == b.target.id &&
         a.relation == b.relation && a.date.value == b.date.value &&
         a.polarity == b.polarity && a.modality == b.modality;
}

}  // namespace

void DateByCoreference(const std::string& document_date,
                       std::vector<Event>* events) {
  std::vector<Event>& all = *events;
  // The events that may lend their date: those a text dates that happened,
  // not after the document date. (Most documents have none, or no event
  // dated only by the document: those end here, allocating nothing.) An
  // event re-dated below could lend its date too, but it matches only the
  // events its lender matches, with the lender's date: leaving it out
  // changes nothing.
  auto by_document = [](const Event& e) {
    return Is(e.date.basis, "document") && Happened(e);
  };
  if (std::none_of(all.begin(), all.end(), by_document)) return;
  std::vector<const Event*> lenders;
  for (const Event& f : all) {
    if (Is(f.date.basis, "text") && Happened(f) &&
        NotAfter(f.date.value, document_date)) {
      lenders.push_back(&f);
    }
  }
  if (lenders.empty()) return;
  std::vector<std::size_t> redated;
  for (Event& e : all) {
    if (!by_document(e)) continue;
    const Event* found = nullptr;
    bool several = false;
    for (const Event* f : lenders) {
      if (!SameHappening(e, *f)) continue;
      if (found && found->date.value != f->date.value) several = true;
      found = f;
    }
    if (found && !several) {
      e.date = found->date;
      redated.push_back(&e - all.data());
    }
  }
  if (redated.empty()) return;
  // A re-dated event may now repeat one the document already has; the
  // first keeps the place.
  std::vector<bool> drop(all.size(), false);
  for (std::size_t i : redated) {
    for (std::size_t j = 0; j < all.size(); ++j) {
      if (j != i && !drop[j] && SameRecord(all[i], all[j])) {
        drop[std::max(i, j)] = true;
        break;
      }
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!drop[i]) {
      if (kept != i) all[kept] = std::move(all[i]);
      ++kept;
    }
  }
  all.resize(kept);
}

}  // namespace entente
