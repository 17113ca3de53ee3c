// Events the text mentions more than once: a story often names an event in
// passing ("since Russia invaded Ukraine") and dates it elsewhere ("Russian
// troops entered Ukraine on Feb. 24"). The passing mention, which its own
// clause and the discourse left with the story's date, takes the date of
// the dated mention.
#ifndef ENTENTE_EVENTS_EVENT_COREFERENCE_H_
#define ENTENTE_EVENTS_EVENT_COREFERENCE_H_

#include <vector>

#include "entente/types.h"

namespace entente {

// For every affirmed event of one document dated only by the document
// (basis "document"): when the document's affirmed, asserted or reported
// events with a date from the text that share its CAMEO root code, its
// source country and its target country all carry one and the same date,
// not after the document date, the event takes that date (basis "text",
// with that expression's text). Anything else - no such event, or several
// dates, as with an attack repeated on several days - leaves it alone.
// `document_date` is YYYY-MM-DD or empty (then no date counts as past).
void DateByCoreference(const std::string& document_date,
                       std::vector<Event>* events);

}  // namespace entente

#endif  // ENTENTE_EVENTS_EVENT_COREFERENCE_H_
