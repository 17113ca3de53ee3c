// The grammar is assembled from named fragments (month, day, year, count,
// unit...) so that each alternative reads like the phrase it matches. No
// fragment captures: the scanner only needs the extent of a match, and the
// kind is found afterwards by matching that short span against the kinds.
//
// Choices that keep false alarms down in news text:
//  - month names are case-sensitive ("March" the month, "march" the verb);
//  - bare "May" needs a preposition or modifier before it ("in May", "last
//    May") because "May" alone is as often a modal or a surname;
//  - abbreviated months without a period ("Jan", "Mar") only count next to a
//    day or a year;
//  - bare years are limited to 1800-2099.
// Leading prepositions that some alternatives need as context ("in May",
// "for years") are stripped by the recogniser, following TempEval-3.
#include "dates/timex_grammar.h"

#include <string>

namespace entente {
namespace {

// Month names, case-sensitive inside the case-insensitive whole.
const std::string kMonthFull =
    "(?-i:January|February|March|April|June|July|August|September|October|"
    "November|December)";
const std::string kMay = "(?-i:May)";
const std::string kMonthAbbr =
    "(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
// Any month, full or abbreviated (with an optional period).
const std::string kMonth =
    "(?:(?:" + kMonthFull + "|" + kMay + ")\\b|" + kMonthAbbr + "(?:\\.|\\b))";
const std::string kDay = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\\b";
const std::string kYear4 = "(?:1[0-9]{3}|20[0-9]{2})\\b";
const std::string kBareYear = "(?:1[89][0-9]{2}|20[0-9]{2})\\b";
const std::string kWeekday =
    "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b";
const std::string kDayPart = "(?:morning|afternoon|evening|night)\\b";
// "early", "mid-", "the end of" ... with their trailing separator.
const std::string kPart =
    "(?:(?:early|late|mid|the\\s+(?:end|beginning|start|middle)\\s+of)\\s+|"
    "mid-)";
const std::string kRel = "(?:last|this|next|past|coming|previous|current)";
const std::string kPrep =
    "(?:in|since|until|till|by|during|from|through|before|after|of)";
const std::string kSeason = "(?:spring|summer|autumn|fall|winter)";
const std::string kCount =
    "(?:[0-9]+(?:\\.[0-9]+)?|an?|one|two|three|four|five|six|seven|eight|"
    "nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    "ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
    "a\\s+hundred|hundred|a\\s+few|few|several|a\\s+couple\\s+of|couple\\s+of|"
    "a\\s+dozen|dozens\\s+of|many)";
const std::string kUnit =
    "(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|"
    "century|centuries)\\b";
const std::string kUnitPlural =
    "(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\\b";
const std::string kApprox =
    "(?:about|almost|nearly|around|roughly|some|more\\s+than|less\\s+than|"
    "at\\s+least|up\\s+to|just|only)";
const std::string kRelYear = "(?:" + kYear4 + "|(?:this|last|next)\\s+year\\b)";

std::string CalendarDate() {
  const std::string head =
      "(?:" + kPart + ")?(?:" + kRel + "\\s+)?(?:" + kWeekday + ",?\\s+)?";
  return "(?:" + head + "(?:" +
         // Sept. 9, 2021 · Sep 9th
         kMonth + "\\s*" + kDay + "(?:,?\\s+" + kYear4 + ")?|" +
         // 9 September 2021 · 9th of September
         kDay + "\\s+(?:of\\s+)?" + kMonth + "(?:,?\\s+" + kYear4 + ")?|" +
         // July 2021 · March of 2020
         kMonth + "(?:,?\\s+|\\s+of\\s+)" + kYear4 + "|" +
         // July
         kMonthFull + "\\b))|" +
         // in May · last May · mid-May
         "(?:(?:" + kPart + "|(?:" + kRel + "|" + kPrep + ")\\s+)+" + kMay +
         "\\b(?:\\s*" + kDay + ")?(?:,?\\s+" + kYear4 + ")?)";
}

std::string Year() {
  return "(?:" + kPart +
         ")?(?:" + "(?:(?:the\\s+)?year\\s+|fiscal\\s+(?:year\\s+)?)?" +
         kBareYear + "|(?:the\\s+)?(?:1[89][0-9]0|20[0-9]0)'?s\\b" +
         "|the\\s+'[0-9]0s\\b" +
         "|(?:the\\s+)?(?:1st|2nd|3rd|[4-9]th|1[0-9]th|20th|21st)[\\s-]+"
         "century\\b" +
         "|(?:the\\s+)?(?:nineteenth|twentieth|twenty-first)[\\s-]+"
         "century\\b)";
}

std::string Weekday() {
  return "(?:(?:later|earlier)\\s+on\\s+|" + kPart + ")?(?:(?:" + kRel +
         ")\\s+)?" + kWeekday + "(?:\\s+" + kDayPart + ")?";
}

std::string RelativeDay() {
  return "(?:" + kPart +
         ")?(?:(?:the\\s+)?day\\s+(?:before\\s+yesterday|after\\s+tomorrow)"
         "|yesterday|today|tomorrow|tonight)\\b(?:\\s+" +
         kDayPart +
         ")?|(?:last|this)\\s+(?:morning|afternoon|evening)\\b"
         "|last\\s+night\\b";
}

std::string RelativeUnit() {
  return "(?:" + kPart + "|(?:earlier|later)\\s+)?(?:the\\s+)?" + kRel +
         "\\s+(?:week(?:end)?|month|(?:fiscal\\s+)?year|quarter|decade|"
         "century|" +
         kSeason +
         ")\\b|the\\s+(?:end|beginning|start|middle)\\s+of\\s+"
         "(?:the\\s+)?"
         "(?:week|month|year|decade)\\b";
}

std::string SeasonQuarter() {
  return "(?:the\\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\\s+"
         "quarter\\b(?:(?:,?\\s+|\\s+of\\s+)" +
         kRelYear +
         ")?"
         "|Q[1-4](?:\\s+" +
         kYear4 +
         "|\\b)"
         "|(?:the\\s+)?(?:first|second)\\s+half\\s+of\\s+" +
         kRelYear + "|(?:" + kPart + ")?(?:the\\s+)?" + kSeason +
         "(?:\\s+of)?\\s+" + kYear4 +
         // "in the autumn": the one the tense of the clause points to
         "|in\\s+the\\s+(?:" + kPart + ")?" + kSeason +
         "\\b(?:(?:\\s+of)?\\s+" + kYear4 + ")?";
}

std::string Ago() {
  return "(?:" + kApprox + "\\s+)?" + kCount + "[\\s-]+" + kUnit +
         "\\s+(?:ago|from\\s+(?:now|today)|hence)\\b";
}

std::string Duration() {
  return "(?:" + kApprox +
         "\\s+)?(?:the\\s+(?:past|last|next|coming|first|"
         "previous|following|final)\\s+)?" +
         kCount + "(?:\\s+|-)" + kUnit +
         "|(?:the\\s+)?(?:past|last|next|coming|recent)\\s+(?:few\\s+|"
         "several\\s+|couple\\s+of\\s+)?" +
         kUnitPlural + "|for\\s+" + kUnitPlural;
}

// 9/10/2021 · 9/10/21 · 2021/09/10 · 10.09.2021 · 2015-3-3 · 2014-10 ·
// 2014/10 · 2/2013. Which of two small numbers is the month is for the
// normaliser to say (--date-order); here only their shapes count. A year
// is required: "9/11" alone is a name, and "3/4" a fraction.
std::string NumericDate() {
  const std::string n12 = "(?:0?[1-9]|[12][0-9]|3[01])";
  const std::string month = "(?:0?[1-9]|1[0-2])";
  return n12 + "/" + n12 + "/(?:" + kYear4 + "|[0-9]{2}\\b)|" + n12 + "\\." +
         n12 + "\\." + kYear4 + "|" + kYear4 + "/" + month + "/" + n12 +
         "\\b|" + kBareYear + "-" + month + "-" + n12 + "\\b|" + kBareYear +
         "[-/](?:0[1-9]|1[0-2])\\b|" + month + "/" + kBareYear;
}

// Two dates joined by "to", "and", "through" or a dash. The recogniser
// reports the two ends as two DATE expressions (see time_recognizer.cc).
std::string Range() {
  const std::string cal = "(?:" + kMonth + "\\s*" + kDay + "|" + kDay +
                          "\\s+(?:of\\s+)?" + kMonth + "|" + kMonth +
                          ")(?:,?\\s+" + kYear4 + ")?";
  const std::string end = "(?:" + cal + "|" + kBareYear + "|" + kWeekday + ")";
  const std::string dash = "\\s*(?:-|\xE2\x80\x93)\\s*";
  return "(?:from|between)\\s+(?:" + cal + "|" + kBareYear + "|" + kWeekday +
         ")\\s+(?:to|and|until|till|through)\\s+" + end + "|" + kMonth +
         "\\s*" + kDay + "(?:" + dash + "|\\s+(?:to|through)\\s+)" + kDay +
         "(?:,?\\s+" + kYear4 + ")?|" + kMonthFull + "(?:" + dash +
         "|\\s+(?:to|through)\\s+)(?:" + kMonthFull + "|" + kMay +
         ")\\b(?:,?\\s+" + kYear4 + ")?|" + kBareYear + dash +
         "(?:" + kBareYear + "|[0-9]{2}\\b)";
}

// A clock time, alone or with the day it falls on: "8 p.m.", "8:30 a.m.",
// "15:00 GMT", "noon", "Thursday at 8 p.m.", "15:00 GMT Saturday".
std::string ClockTime() {
  const std::string hour = "(?:[01]?[0-9]|2[0-3])";
  const std::string minutes = ":[0-5][0-9](?::[0-5][0-9])?";
  // "a.m." keeps its last period; "am" and "pm" leave a full stop alone.
  const std::string meridiem = "(?:[ap]\\.\\s?m\\.|[ap]\\.?\\s?m\\b)";
  const std::string zone =
      "(?:\\s+(?-i:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|MST|MDT|"
      "PST|PDT|JST|KST|IST)\\b)?";
  const std::string clock = "(?:" + hour + "(?:" + minutes + ")?\\s*" +
                            meridiem + "|" + hour + minutes + "\\b|" +
                            "(?:noon|midnight|midday)\\b|(?:[1-9]|1[0-2])\\s+"
                            "o'clock\\b)" +
                            zone;
  const std::string day = "(?:(?:" + kRel + "\\s+)?" + kWeekday +
                          "|yesterday\\b|today\\b|tomorrow\\b|tonight\\b|" +
                          kMonth + "\\s*" + kDay + "(?:,?\\s+" + kYear4 + ")?)";
  return "(?:" + day + "(?:,?\\s+at|,)?\\s+)?" + clock +
         "(?:,?\\s+(?:on\\s+)?" + day + ")?";
}

// Expressions anchored to the date the text last set, not to the story's:
// "the day before", "a week later", "three weeks later", "the next day",
// "that evening", "later that day", "hours later".
std::string Anchored() {
  const std::string unit =
      "(?:day|morning|afternoon|evening|night|week(?:end)?|month|year)\\b";
  return "(?:the\\s+)?(?:same|following|next|previous|preceding)\\s+" + unit +
         "|(?:that|the\\s+same)\\s+(?:day|morning|afternoon|evening|night)\\b"
         "|the\\s+same\\s+(?:week|month|year)\\b" +
         "|(?:later|earlier)\\s+(?:that|the\\s+same|in\\s+the)\\s+" + unit +
         "|the\\s+(?:day|night|morning|evening|week|month|year)\\s+"
         "(?:before|after)\\b"
         "|the\\s+(?:end|beginning|start|middle)\\s+of\\s+the\\s+day\\b"
         "|(?:" +
         kApprox + "\\s+)?(?:" + kCount + "[\\s-]+)?" + "(?:" + kUnit +
         "|moments?\\b)\\s+(?:later|earlier|before|after)\\b";
}

// Recurring times (TIMEX3 SET): "every week", "each year", "annually",
// "twice a year", "every Monday", "every other week".
std::string Set() {
  const std::string unit =
      "(?:day|week(?:end|day)?|month|year|quarter|decade|morning|afternoon|"
      "evening|night|season|" +
      kSeason + ")\\b";
  return "(?:every|each)\\s+(?:other\\s+|single\\s+)?(?:" + unit + "|" +
         kWeekday +
         ")|(?-i:daily|weekly|fortnightly|monthly|quarterly|"
         "annually|yearly|biannually|biennially|nightly|hourly)\\b|"
         "(?:once|twice|three\\s+times|four\\s+times|[0-9]+\\s+times)\\s+"
         "(?:a|per|every|each)\\s+(?:day|week|month|year|decade)\\b";
}

std::string Holiday() {
  const std::string apostrophe = "(?:'|\xE2\x80\x99)";
  return "(?:Christmas|New\\s+Year" + apostrophe +
         "?s?)(?:\\s+(?:Day|Eve))?"
         "\\b";
}

}  // namespace

std::string TimexKindPattern(TimexKind kind) {
  switch (kind) {
    case TimexKind::kIsoDate:
      return "[0-9]{4}-[0-9]{2}-[0-9]{2}\\b";
    case TimexKind::kNumericDate:
      return NumericDate();
    case TimexKind::kRange:
      return Range();
    case TimexKind::kClockTime:
      return ClockTime();
    case TimexKind::kAnchored:
      return Anchored();
    case TimexKind::kSet:
      return Set();
    case TimexKind::kCalendarDate:
      return CalendarDate();
    case TimexKind::kYear:
      return Year();
    case TimexKind::kWeekday:
      return Weekday();
    case TimexKind::kRelativeDay:
      return RelativeDay();
    case TimexKind::kRelativeUnit:
      return RelativeUnit();
    case TimexKind::kSeasonQuarter:
      return SeasonQuarter();
    case TimexKind::kAgo:
      return Ago();
    case TimexKind::kDuration:
      return Duration();
    case TimexKind::kHoliday:
      return Holiday();
    case TimexKind::kPresent:
      return "(?:now|currently|nowadays|at\\s+present|these\\s+days|"
             "at\\s+the\\s+moment)\\b";
  }
  return "\\b\\B";  // can never match
}

std::string TimexPattern(bool present_references) {
  std::string alternatives;
  for (int i = 0; i < kTimexKindCount; ++i) {
    auto kind = static_cast<TimexKind>(i);
    if (kind == TimexKind::kPresent && !present_references) continue;
    if (!alternatives.empty()) alternatives += "|";
    alternatives += "(?:" + TimexKindPattern(kind) + ")(?:\\x01{" +
                    std::to_string(kTimexKindCount - i) + "})?";
  }
  static_assert(kTimexTypeMarker == '\x01');
  return "(?i)\\b(?:" + alternatives + ")";
}

}  // namespace entente
