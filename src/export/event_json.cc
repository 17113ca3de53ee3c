// Event and annotation JSON, written field by field in the order of the
// output contract (DESIGN.md) so that files diff cleanly.
#include "core/calendar.h"
#include "core/json_writer.h"
#include "core/utf8.h"
#include "entente/export.h"
#include "export/actor_json.h"

namespace entente {
namespace {

void WriteEvent(JsonWriter& w, const Event& e) {
  w.BeginObject();
  w.Key("doc").String(e.doc);
  w.Key("sentence").Int(static_cast<long long>(e.sentence));
  w.Key("source");
  WriteActorJson(w, e.source);
  w.Key("target");
  WriteActorJson(w, e.target);
  w.Key("relation").String(e.relation);
  w.Key("cameo").StringOrNull(e.cameo);
  w.Key("plover").StringOrNull(e.plover);
  w.Key("symmetric").Bool(e.symmetric);
  w.Key("trigger").String(e.trigger);
  w.Key("date").BeginObject();
  w.Key("value").StringOrNull(e.date.value);
  w.Key("precision").StringOrNull(e.date.precision);
  w.Key("text").StringOrNull(e.date.text);
  w.Key("basis").String(e.date.basis.empty() ? "none" : e.date.basis);
  w.EndObject();
  w.Key("polarity").String(e.polarity);
  w.Key("modality").String(e.modality);
  w.Key("location");
  if (e.location) {
    w.BeginObject();
    w.Key("name").String(e.location->name);
    w.Key("country").StringOrNull(e.location->country);
    w.EndObject();
  } else {
    w.Null();
  }
  if (!e.gathering.empty()) {  // multi-party events only (types.h)
    w.Key("gathering").String(e.gathering);
    w.Key("participants").BeginArray();
    for (const Actor& a : e.participants) WriteActorJson(w, a);
    w.EndArray();
  }
  w.Key("evidence").BeginObject();
  w.Key("text").String(e.evidence_text);
  w.Key("start").Int(static_cast<long long>(e.evidence_start));
  w.Key("end").Int(static_cast<long long>(e.evidence_end));
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string EventToJson(const Event& event) {
  JsonWriter w;
  WriteEvent(w, event);
  return w.Take();
}

std::string AnnotationToJson(const DocumentAnalysis& a) {
  const Document& d = a.document;
  CodePointIndex cp(d.text);
  auto span = [&](JsonWriter& w, std::size_t s, std::size_t e) {
    w.Key("start").Int(static_cast<long long>(cp.ToCodePoint(s)));
    w.Key("end").Int(static_cast<long long>(cp.ToCodePoint(e)));
  };
  JsonWriter w;
  w.BeginObject();
  w.Key("id").String(d.id);
  w.Key("date").StringOrNull(d.date ? FormatIsoDate(*d.date) : "");
  w.Key("title").StringOrNull(d.title);
  w.Key("url").StringOrNull(d.url);
  w.Key("metadata");
  if (d.metadata_json.empty()) {
    w.Null();
  } else {
    w.Raw(d.metadata_json);
  }
  w.Key("text").String(d.text);
  w.Key("sentences").BeginArray();
  for (const Sentence& s : a.sentences) {
    w.BeginObject();
    span(w, s.start, s.end);
    w.EndObject();
  }
  w.EndArray();
  w.Key("actors").BeginArray();
  for (const ActorMention& m : a.actors) {
    w.BeginObject();
    w.Key("text").String(std::string_view(d.text).substr(m.start,
                                                         m.end - m.start));
    span(w, m.start, m.end);
    w.Key("sentence").Int(static_cast<long long>(m.sentence));
    w.Key("how").String(m.how);
    w.Key("actor");
    WriteActorJson(w, m.actor);
    w.EndObject();
  }
  w.EndArray();
  w.Key("times").BeginArray();
  for (const TimeExpression& t : a.times) {
    w.BeginObject();
    w.Key("text").String(t.text);
    span(w, t.start, t.end);
    w.Key("sentence").Int(static_cast<long long>(t.sentence));
    w.Key("type").String(t.type);
    w.Key("value").StringOrNull(t.value);
    w.Key("precision").StringOrNull(t.precision);
    w.EndObject();
  }
  w.EndArray();
  w.Key("events").BeginArray();
  for (const Event& e : a.events) WriteEvent(w, e);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace entente
