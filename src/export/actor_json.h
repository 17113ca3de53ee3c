// The actor object of the output contract, shared by events, annotations
// and graph nodes so the three stay the same.
#ifndef ENTENTE_EXPORT_ACTOR_JSON_H_
#define ENTENTE_EXPORT_ACTOR_JSON_H_

#include "core/json_writer.h"
#include "entente/types.h"

namespace entente {

// Writes {"id","name","kind","country","code","role"}; empty fields other
// than id and name are null.
inline void WriteActorJson(JsonWriter& w, const Actor& a) {
  w.BeginObject();
  w.Key("id").String(a.id);
  w.Key("name").String(a.name);
  w.Key("kind").StringOrNull(a.kind);
  w.Key("country").StringOrNull(a.country);
  w.Key("code").StringOrNull(a.code);
  w.Key("role").StringOrNull(a.role);
  w.EndObject();
}

}  // namespace entente

#endif  // ENTENTE_EXPORT_ACTOR_JSON_H_
