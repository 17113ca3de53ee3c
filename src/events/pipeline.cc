// The pipeline owns the lexicon and one compiled instance of each stage,
// and runs them in order on each document. It also converts event evidence
// offsets from bytes to code points, the last step before output.
#include "entente/pipeline.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "actors/actor_recognizer.h"
#include "core/calendar.h"
#include "core/utf8.h"
#include "dates/dateline.h"
#include "dates/time_recognizer.h"
#include "events/event_coreference.h"
#include "events/event_extractor.h"
#include "events/verb_patterns.h"
#include "lexicon/lexicon.h"
#include "text/sentences.h"

namespace entente {

struct Pipeline::Impl {
  Impl(Lexicon l, const TimeRecognizerOptions& time_options)
      : lexicon(std::move(l)), actors(lexicon), times(time_options),
        events(lexicon) {}
  Lexicon lexicon;
  ActorRecognizer actors;
  TimeRecognizer times;
  EventExtractor events;
  // The user's verb dictionaries and their coder (null when none given).
  CameoVerbDictionary verbs;
  std::unique_ptr<VerbPatternCoder> verb_coder;
  std::vector<std::string> warnings;  // the lexicon's, then the verbs'
  bool one_sided_events = false;      // PipelineOptions::one_sided_events
};

namespace {

// A story without a date takes its dateline's, when the dateline has a
// full date or a month and day whose year the text writes out
// (DatelineDate). A story with a date is checked against its dateline.
// Returns the dateline, ReadDateline(doc.text), for the events stage: read
// once here rather than again there.
std::optional<Dateline> DateFromDateline(const TimeRecognizer& times,
                                         DocumentAnalysis& a) {
  Document& doc = a.document;
  std::optional<Dateline> line = ReadDateline(doc.text);
  if (!doc.date) {
    // (The text's dates are found only when the dateline needs a year from
    // them: a story without a dateline is not scanned twice.)
    doc.date = DatelineDate(
        line, DatelineNeedsYear(line)
                  ? times.Find(doc.text, a.sentences, std::nullopt)
                  : std::vector<TimeExpression>());
    return line;
  }
  if (!line || line->month == 0) return line;
  // Without a year, the nearest reading ("Dec. 31" for a story of Jan. 1).
  int y = doc.date->year;
  std::vector<int> years = {y, y - 1, y + 1};
  if (line->year != 0) years = {line->year};
  std::optional<CivilDate> said;
  long apart = 0;
  for (int year : years) {
    if (!IsValidDate(year, line->month, line->day)) continue;
    CivilDate d{year, line->month, line->day};
    long days = DaysFromCivil(d) - DaysFromCivil(*doc.date);
    if (!said || std::labs(days) < std::labs(apart)) said = d, apart = days;
  }
  if (said && std::labs(apart) > 2) {
    a.warnings.push_back(doc.id + ": its dateline says " +
                         FormatIsoDate(*said) + " but its date is " +
                         FormatIsoDate(*doc.date) +
                         "; relative dates count from " +
                         FormatIsoDate(*doc.date));
  }
  return line;
}

// The number of UTF-8 lead bytes (code points) in text[from, to): a
// continuation byte is 10xxxxxx. With SSE2 (always there on x86-64), 16
// bytes at a time: a continuation byte, 0x80-0xBF, is below -64 as a signed
// byte, and each compare gives -1 for one, so subtracting the compares
// counts them in 16 byte-wide counters, summed (psadbw) every 255 blocks,
// before one could overflow. The rest eight bytes at a time: the flags are
// summed with one multiply (each byte holds 0 or 1, so the top byte of the
// product is their sum) rather than std::popcount, which without a -m flag
// for the POPCNT instruction is a library call.
std::size_t CodePointsBetween(std::string_view text, std::size_t from,
                              std::size_t to) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t continuations = 0, i = from;
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8(-64);
  while (i + 16 <= to) {
    std::size_t blocks = std::min<std::size_t>((to - i) / 16, 255);
    __m128i counts = _mm_setzero_si128();
    for (std::size_t b = 0; b < blocks; ++b, i += 16) {
      __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(v, below));
    }
    __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    continuations += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
                     static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i + 8 <= to; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    std::uint64_t flags = (w & ~(w << 1) & kHigh) >> 7;
    continuations += (flags * 0x0101010101010101ULL) >> 56;
  }
  for (; i < to; ++i) {
    continuations += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
  }
  return (to - from) - continuations;
}

// Converts the evidence offsets of `lists` from bytes to code points (an
// offset past the text counts as its end) in one pass over the text: the
// offsets are visited in increasing order.
void EvidenceToCodePoints(std::string_view text,
                          std::initializer_list<std::vector<Event>*> lists) {
  std::vector<std::size_t*> offsets;
  for (std::vector<Event>* list : lists) {
    for (Event& e : *list) {
      offsets.push_back(&e.evidence_start);
      offsets.push_back(&e.evidence_end);
    }
  }
  std::sort(offsets.begin(), offsets.end(),
            [](const std::size_t* x, const std::size_t* y) { return *x < *y; });
  std::size_t byte = 0, code_points = 0;
  for (std::size_t* offset : offsets) {
    std::size_t to = std::min(*offset, text.size());
    code_points += CodePointsBetween(text, byte, to);
    byte = to;
    *offset = code_points;
  }
}

}  // namespace

Pipeline::Pipeline() = default;
Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& options) {
  Result<Lexicon> lexicon = Lexicon::LoadDefault();
  if (!lexicon.ok()) return lexicon.status();
  for (const std::string& path : options.lexicon_files) {
    Status s = lexicon->AddFile(path);
    if (!s.ok()) return s;
  }
  for (const std::string& path : options.cameo_actor_files) {
    Status s = lexicon->AddCameoActorsFile(path);
    if (!s.ok()) return s;
  }
  for (const std::string& path : options.cameo_agent_files) {
    Status s = lexicon->AddCameoAgentsFile(path);
    if (!s.ok()) return s;
  }
  TimeRecognizerOptions time_options;
  time_options.present_references = true;  // "now": annotated, never a date
  if (options.date_order == "dmy") {
    time_options.date_order = NumericDateOrder::kDayMonthYear;
  } else if (options.date_order == "ymd") {
    time_options.date_order = NumericDateOrder::kYearMonthDay;
  } else if (options.date_order != "mdy") {
    return Status::Usage("--date-order: '" + options.date_order +
                         "' is not one of mdy, dmy, ymd");
  }
  CameoVerbDictionary verbs;
  for (const std::string& path : options.cameo_verb_files) {
    Status s = verbs.AddFile(path);
    if (!s.ok()) return s;
  }
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->impl_ = std::make_unique<Impl>(std::move(*lexicon), time_options);
  Impl& impl = *p->impl_;
  impl.warnings = impl.lexicon.warnings();
  impl.one_sided_events = options.one_sided_events;
  impl.warnings.insert(impl.warnings.end(), verbs.warnings.begin(),
                       verbs.warnings.end());
  if (!options.cameo_verb_files.empty()) {
    impl.verbs = std::move(verbs);
    impl.verb_coder =
        std::make_unique<VerbPatternCoder>(impl.verbs, impl.lexicon);
  }
  return p;
}

DocumentAnalysis Pipeline::Analyze(Document document) const {
  DocumentAnalysis a;
  a.document = std::move(document);
  const Document& doc = a.document;
  a.sentences = SplitSentences(doc.text);
  std::vector<SentenceTokens> tokens(a.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    tokens[i].tokens =
        Tokenize(doc.text, a.sentences[i].start, a.sentences[i].end);
  }
  std::optional<Dateline> dateline = DateFromDateline(impl_->times, a);
  a.actors = impl_->actors.Find(doc, a.sentences, tokens);
  a.times = impl_->times.Find(
      doc.text, a.sentences,
      [&tokens](std::size_t i) -> std::span<const Token> {
        return tokens[i].tokens;
      },
      doc.date);
  std::vector<Event>* one_sided =
      impl_->one_sided_events ? &a.one_sided_events : nullptr;
  a.events = impl_->events.Extract(doc, a.sentences, tokens, a.actors, a.times,
                                   dateline, one_sided);
  if (impl_->verb_coder) {
    a.events = MergeVerbCoding(
        std::move(a.events),
        impl_->verb_coder->Code(doc, a.sentences, tokens, a.actors, a.times),
        doc, a.sentences, one_sided);
  }
  DateByCoreference(doc.date ? FormatIsoDate(*doc.date) : std::string(),
                    &a.events);
  EvidenceToCodePoints(doc.text, {&a.events, &a.one_sided_events});
  return a;
}

const std::vector<std::string>& Pipeline::load_warnings() const {
  return impl_->warnings;
}

Pipeline::LexiconStats Pipeline::lexicon_stats() const {
  const Lexicon& l = impl_->lexicon;
  return {l.states().size(),    l.organizations().size(), l.people().size(),
          l.titles().size(),    l.agents().size(),        l.relations().size(),
          l.cameo_codes().size()};
}

}  // namespace entente
