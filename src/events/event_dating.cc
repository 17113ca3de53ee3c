// The document is indexed once (the first time expression of each
// sentence, the dateline's end, the lede's expression); each event then
// looks at the expressions of its own sentence and, only when those give
// nothing, at the earlier sentences of its paragraph (whose breaks are
// looked for then). Words between an expression and a trigger are read
// straight from the text, so this needs no tokens.
#include "events/event_dating.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/calendar.h"
#include "dates/dateline.h"

namespace entente {
namespace {

bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// IsAlpha of each byte, looked up: Separated asks it of every byte
// between an expression and a trigger.
constexpr std::array<bool, 256> kLetters = [] {
  std::array<bool, 256> letters{};
  for (int c = 'a'; c <= 'z'; ++c) letters[c] = letters[c - 'a' + 'A'] = true;
  return letters;
}();

bool IsLetter(char c) { return kLetters[static_cast<unsigned char>(c)]; }

// Whether the word right before byte `start` of `text` is "since" or
// "until": the expression there bounds a period ("the first leader to
// visit since 1945") rather than saying when something happened.
bool BoundsPeriod(std::string_view text, std::size_t start) {
  std::size_t e = std::min(start, text.size());
  while (e > 0 && text[e - 1] == ' ') --e;
  std::size_t b = e;
  while (b > 0 && IsAlpha(text[b - 1])) --b;
  std::string_view w = text.substr(b, e - b);
  return w == "since" || w == "Since" || w == "until" || w == "Until";
}

// Whether `text` holds at most `most` ASCII words (runs of letters). (It
// stops at the word after them: the text may be a long sentence.)
bool AtMostWords(std::string_view text, std::size_t most) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    bool letter = IsAlpha(c);
    if (letter && !in_word && ++n > most) return false;
    in_word = letter;
  }
  return true;
}

// Words that open a clause of their own: an expression behind one of them
// from the trigger belongs to that clause.
// (By length: asked of every word between an expression and a trigger.)
bool IsSubordinator(std::string_view w) {
  switch (w.size()) {
    case 4:
      return w == "till" || w == "when";
    case 5:
      return w == "after" || w == "since" || w == "until" || w == "while" ||
             w == "ahead" || w == "where";
    case 6:
      return w == "before";
    case 7:
      return w == "whereas";
    case 9:
      return w == "following";
    default:
      return false;
  }
}

// Subordinators whose clause lies well away in time from the main one
// ("their first talks since Russia invaded Ukraine").
bool IsDistant(std::string_view w) {
  return w == "since" || w == "until" || w == "till";
}

// "on Wednesday, where he met": a relative clause hangs from the expression
// before it, so it separates only what follows the trigger.
bool IsRelative(std::string_view w) { return w == "where" || w == "when"; }

}  // namespace

EventDating::EventDating(const Document& doc,
                         const std::vector<Sentence>& sentences,
                         const std::vector<TimeExpression>& times)
    : EventDating(doc, sentences, times, ReadDateline(doc.text)) {}

EventDating::EventDating(const Document& doc,
                         const std::vector<Sentence>& sentences,
                         const std::vector<TimeExpression>& times,
                         const std::optional<Dateline>& dateline)
    : doc_(doc), sentences_(sentences), times_(times) {
  if (dateline) dateline_end_ = dateline->end;
  first_time_.assign(sentences.size() + 1, times.size());
  for (std::size_t k = times.size(); k > 0; --k) {
    std::size_t s = times[k - 1].sentence;
    if (s < sentences.size()) first_time_[s] = k - 1;
  }
  for (std::size_t s = sentences.size(); s > 0; --s) {
    first_time_[s - 1] = std::min(first_time_[s - 1], first_time_[s]);
  }
  for (std::size_t k = first_time_[0];
       k < times.size() && times[k].sentence == 0; ++k) {
    if (Usable(times[k])) {
      lede_ = &times[k];
      break;
    }
  }
}

// Whether the text between sentence `i` - 1 and sentence `i` breaks the
// line. (Asked only for the events that reach the paragraph's frame, of the
// sentences between theirs and the expression: most documents never need
// to know where their paragraphs break. The gap is a byte or two: read in
// place.)
bool EventDating::ParagraphBreakBefore(std::size_t i) const {
  const std::size_t size = doc_.text.size();
  std::size_t from = std::min(sentences_[i - 1].end, size);
  std::size_t to = std::min(sentences_[i].start, size);
  for (std::size_t k = from; k < to; ++k) {
    if (doc_.text[k] == '\n') return true;
  }
  return false;
}

bool EventDating::Usable(const TimeExpression& t) const {
  // (As views: compared in place, without a call per comparison.)
  std::string_view type = t.type, precision = t.precision;
  if (type != "DATE" && type != "TIME") return false;
  if (t.value.empty() || t.start < dateline_end_) return false;
  if (precision.empty() || precision == "decade" || precision == "century") {
    return false;  // PRESENT_REF; "the 1990s" is background
  }
  return true;
}

// True when a word that opens another clause stands between bytes `from`
// and `to`: any subordinator after the trigger; before it, any but a
// relative "where"/"when", or only "since"/"until" (kDistant).
bool EventDating::Separated(std::size_t from, std::size_t to,
                            Separation what) const {
  if (to <= from) return false;
  // (A word is looked at only when its first letter starts a subordinator
  // of its length (IsSubordinator): "with", "says", "they" are skipped
  // without being copied.)
  constexpr auto bit = [](char c) { return 1u << (c - 'a'); };
  static constexpr std::uint32_t kFirsts[10] = {
      0, 0, 0, 0, bit('t') | bit('w'),  // till, when
      bit('a') | bit('s') | bit('u') | bit('w'),  // after, since, until ...
      bit('b'), bit('w'), 0, bit('f')};  // before, whereas, following
  const char* p = doc_.text.data() + from;
  const char* end = doc_.text.data() + std::min(to, doc_.text.size());
  while (p < end) {
    if (!IsLetter(*p)) {
      ++p;
      continue;
    }
    const char* start = p;
    // (No bound is checked per letter: the '\0' that ends the string stops
    // a word that runs to the end of the text, and a word that runs past
    // `end` is cut there.)
    do ++p;
    while (IsLetter(*p));
    if (p > end) p = end;
    std::size_t n = static_cast<std::size_t>(p - start);
    // (Before `end`, the byte that ended the word is no letter: passed.)
    if (p < end) ++p;
    unsigned first = static_cast<unsigned char>(*start | 0x20) - 'a';
    if (n < 4 || n > 9 || ((kFirsts[n] >> first) & 1) == 0) continue;
    char buf[9];
    // (Letters only: setting the case bit lower-cases each.)
    for (std::size_t k = 0; k < n; ++k) {
      buf[k] = static_cast<char>(start[k] | 0x20);
    }
    std::string_view w(buf, n);
    bool separates = what == Separation::kDistant ? IsDistant(w)
                     : what == Separation::kBefore
                         ? IsSubordinator(w) && !IsRelative(w)
                         : IsSubordinator(w);
    if (separates) return true;
  }
  return false;
}

// "Lammy, who visited Islamabad last month, urged both sides": an
// expression inside a relative clause (from ", who", ", which" or ", whom"
// to the next comma) that closes before the trigger dates that clause.
bool EventDating::InClosedRelative(const TimeExpression& t,
                                   std::size_t trigger) const {
  std::string_view text = doc_.text;
  if (t.end > trigger || t.sentence >= sentences_.size()) return false;
  std::size_t from = sentences_[t.sentence].start;
  // (Only the sentence's commas count: the search stops at its start.)
  if (t.start < from) return false;
  // The last comma of [from, t.start]. (Found forwards by memchr, comma
  // to comma: it passes the words between a sentence's few commas faster
  // than a loop reads them back from the expression.)
  std::string_view head = text.substr(from, t.start - from + 1);
  const char* comma = nullptr;
  for (const char* p = head.data(); p < head.data() + head.size();) {
    const void* c = std::memchr(p, ',', head.data() + head.size() - p);
    if (!c) break;
    comma = static_cast<const char*>(c);
    p = comma + 1;
  }
  if (!comma) return false;
  std::size_t w = static_cast<std::size_t>(comma - text.data()) + 1;
  while (w < t.start && text[w] == ' ') ++w;
  std::string_view rest = text.substr(w, t.start - w);
  bool relative = false;
  for (std::string_view r : {"who ", "which ", "whom "}) {
    relative = relative || rest.substr(0, r.size()) == r;
  }
  return relative &&
         text.substr(t.end, trigger - t.end).find(',') != std::string_view::npos;
}

// "On Thursday, Kerry met ...", "In Tokyo last week, she met ...": at most
// three words and no comma between the sentence start and the expression.
bool EventDating::Fronted(const TimeExpression& t) const {
  std::size_t from = std::max(sentences_[t.sentence].start, dateline_end_);
  if (t.start < from) return false;
  std::string_view before =
      std::string_view(doc_.text).substr(from, t.start - from);
  // (Words first: they stop the scan within a few words, where a search
  // for a comma would read a long sentence up to the expression.)
  return AtMostWords(before, 3) && before.find(',') == std::string_view::npos;
}

EventDating::DateView EventDating::FromExpression(const TimeExpression& t,
                                                  bool planned) const {
  const std::string& directed = planned ? t.future_value : t.past_value;
  std::string_view value = directed.empty() ? t.value : directed;
  std::string_view precision = t.precision;
  if (std::string_view(t.type) == "TIME") {  // an event is dated to the day
    value = value.substr(0, value.find('T'));
    if (value.size() != 10) return {"", "", "", "none"};
    precision = "day";
  }
  return {value, precision, t.text, "text"};
}

// A frame set by another clause keeps its own reading; a planned event
// takes it only when it lies after the document date.
bool EventDating::FrameFits(const TimeExpression& t, bool planned) const {
  if (!planned || !doc_.date) return true;
  CivilDate first, last;
  return TimexDayRange(FromExpression(t, false).value, &first, &last) &&
         last > *doc_.date;
}

EventDating::DateView EventDating::FromFrame(const TimeExpression& t) const {
  DateView date = FromExpression(t, false);
  std::string_view value = t.value;
  date.value =
      std::string_view(t.type) == "TIME" ? value.substr(0, value.find('T'))
                                         : value;
  return date;
}

EventDating::DateView EventDating::DateViewFor(std::size_t sentence,
                                               Span trigger, Span clause,
                                               bool planned) const {
  if (sentence < sentences_.size()) {
    std::size_t first = first_time_[sentence], end = first_time_[sentence + 1];
    // 1. The clause's own expression, nearest the trigger; then 1b. the
    // nearest one of the sentence that no subordinator puts in a clause of
    // its own (an event of an "after" clause takes the main clause's date).
    // (A pass over a list of two flags costs more than the loop itself.)
    for (int pass = 0; pass < 2; ++pass) {
      const bool own = pass == 0;
      const TimeExpression* best = nullptr;
      std::size_t best_distance = 0;
      for (std::size_t k = first; k < end; ++k) {
        const TimeExpression& t = times_[k];
        if (!Usable(t)) continue;
        if (own && (t.start < clause.begin || t.end > clause.end)) continue;
        if (!own && BoundsPeriod(doc_.text, t.start)) continue;
        bool before = t.end <= trigger.begin;
        std::size_t distance = before
                                   ? trigger.begin - t.end
                                   : t.start - std::min(t.start, trigger.end);
        // (No nearer than the best: whether it is apart does not matter.)
        if (best && distance >= best_distance) continue;
        if (!own && InClosedRelative(t, trigger.begin)) continue;
        bool apart =
            before ? Separated(t.end, trigger.begin,
                               own ? Separation::kBefore : Separation::kDistant)
                   : Separated(trigger.end, t.start, Separation::kAfter);
        if (apart) continue;
        best = &t;
        best_distance = distance;
      }
      // Outside the event's clause and before it, an expression dates what
      // frames the event ("said on Saturday that it would expel"), which
      // happened: its past reading.
      if (best) {
        bool framing = !own && best->end <= clause.begin;
        return FromExpression(*best, planned && !framing);
      }
      if (!own) break;
      // 2. The sentence's fronted expression.
      for (std::size_t k = first; k < end; ++k) {
        const TimeExpression& t = times_[k];
        if (Usable(t) && t.end <= trigger.begin && Fronted(t)) {
          return FromExpression(t, planned && t.end > clause.begin);
        }
      }
    }
    // 3. The paragraph's frame: the last expression before this sentence.
    // (The sentences after `same` up to this one are known to share its
    // paragraph.)
    std::size_t same = sentence;
    for (std::size_t k = first; k > 0; --k) {
      const TimeExpression& t = times_[k - 1];
      if (t.sentence >= sentences_.size()) break;
      while (same > t.sentence && !ParagraphBreakBefore(same)) --same;
      if (same > t.sentence) break;
      if (Usable(t)) {
        if (FrameFits(t, planned)) return FromFrame(t);
        break;
      }
    }
    // 4. The story's frame.
    if (lede_ && lede_->sentence < sentence && FrameFits(*lede_, planned)) {
      return FromFrame(*lede_);
    }
  }
  if (doc_.date) {
    // (Formatted on first use, once per document.)
    if (document_date_.empty()) document_date_ = FormatIsoDate(*doc_.date);
    return {document_date_, "day", "", "document"};
  }
  return {"", "", "", "none"};
}

}  // namespace entente
