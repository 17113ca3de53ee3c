// Rules both event coders (the relation lexicon's and the verb
// dictionary's) apply to a candidate event.
#ifndef ENTENTE_EVENTS_EVENT_RULES_H_
#define ENTENTE_EVENTS_EVENT_RULES_H_

#include "entente/types.h"
#include "events/literals.h"

namespace entente {

// An actor and itself, or a person and their own state ("Putin ... met
// ... Russia"), is a misreading in diplomatic news, not an event.
inline bool IsSelfLink(const Actor& source, const Actor& target) {
  return source.id == target.id ||
         (Is(source.kind, "person") && source.country == target.id) ||
         (Is(target.kind, "person") && target.country == source.id);
}

}  // namespace entente

#endif  // ENTENTE_EVENTS_EVENT_RULES_H_
