// Dating events: which time expression gives an event its date.
//
// An event takes, in this order:
//  1. the time expression of its own clause: the one nearest its trigger
//     within the clause, leaving out those a subordinator ("after",
//     "before", "since", "until", "while", "following", "ahead of",
//     "where", "when") puts in another clause ("X met Y on Monday, a day
//     after Z visited W on Sunday": each event gets its own day); a
//     relative "where"/"when" hangs from the expression before it ("Kyiv
//     on Wednesday, where he met Zelensky") and separates only forwards;
//  2. the sentence's frame: an expression fronted at the start of the
//     sentence ("On Thursday, Kerry met Zarif after a meeting of ...");
//     1b. else the nearest expression of the sentence that is not behind a
//     subordinator after the trigger: an event inside an "after" or
//     "where" clause takes the date of the clause it hangs from ("left in
//     April, after Washington imposed sanctions"), but not across "since"
//     or "until";
//  3. the paragraph's frame: the last expression of the previous sentences
//     of its paragraph ("In July, ... . She also ...");
//  4. the story's frame: the first expression of the first sentence after
//     the dateline (the lede says when the story's main event happened);
//  5. the document date, with basis "document".
// Only DATE and TIME expressions with a calendar value date events (not
// "now", decades or centuries, nor the dateline itself); a TIME dates its
// day. A direction-open expression of the event's own sentence ("on
// Monday") takes its future reading for a planned event and its past
// reading otherwise. Frames from other sentences (3, 4) keep their own
// reading, and a planned event takes one only when it lies after the
// document date.
#ifndef ENTENTE_EVENTS_EVENT_DATING_H_
#define ENTENTE_EVENTS_EVENT_DATING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/dateline.h"
#include "entente/types.h"

namespace entente {

class EventDating {
 public:
  // Borrows `doc`, `sentences` and `times` (sorted by start, as the dates
  // stage gives them), which must outlive this.
  EventDating(const Document& doc, const std::vector<Sentence>& sentences,
              const std::vector<TimeExpression>& times);
  // As above, given ReadDateline(doc.text), for a caller that read it.
  EventDating(const Document& doc, const std::vector<Sentence>& sentences,
              const std::vector<TimeExpression>& times,
              const std::optional<Dateline>& dateline);

  // Byte span [begin, end) in the document text.
  struct Span {
    std::size_t begin = 0, end = 0;
  };

  // The date of an event of sentence `sentence` whose trigger spans
  // `trigger` and whose clause (the stretch where its arguments were
  // sought) spans `clause`. Never fails: an event of an undated story
  // without time expressions gets basis "none".
  EventDate DateFor(std::size_t sentence, Span trigger, Span clause,
                    bool planned) const {
    return DateViewFor(sentence, trigger, clause, planned).ToDate();
  }

  // An EventDate as views of the time expressions, of this object's copy
  // of the document date and of literals: valid while this and `times`
  // live. (For a caller that makes several events of one date, or keeps
  // few of those it dates: each builds its strings once, from the views.)
  struct DateView {
    std::string_view value, precision, text, basis;
    EventDate ToDate() const {
      return {std::string(value), std::string(precision), std::string(text),
              std::string(basis)};
    }
  };
  // As DateFor.
  DateView DateViewFor(std::size_t sentence, Span trigger, Span clause,
                       bool planned) const;

 private:
  bool ParagraphBreakBefore(std::size_t sentence) const;
  bool Usable(const TimeExpression& t) const;
  enum class Separation { kBefore, kAfter, kDistant };
  bool Separated(std::size_t from, std::size_t to, Separation what) const;
  bool Fronted(const TimeExpression& t) const;
  bool InClosedRelative(const TimeExpression& t, std::size_t trigger) const;
  DateView FromExpression(const TimeExpression& t, bool planned) const;
  bool FrameFits(const TimeExpression& t, bool planned) const;
  DateView FromFrame(const TimeExpression& t) const;

  const Document& doc_;
  const std::vector<Sentence>& sentences_;
  const std::vector<TimeExpression>& times_;
  std::size_t dateline_end_ = 0;
  std::vector<std::size_t> first_time_;  // first index into times_ per sentence
  const TimeExpression* lede_ = nullptr;  // the story's frame
  // The document date in ISO form, once one event needed it (DateFor).
  mutable std::string document_date_;
};

}  // namespace entente

#endif  // ENTENTE_EVENTS_EVENT_DATING_H_
