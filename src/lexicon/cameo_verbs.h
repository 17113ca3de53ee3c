// A PETRARCH/CAMEO verb dictionary (the "CAMEO.2.0" format of the field's
// coders): synonym sets, verb blocks with their forms, and the patterns
// that give a verb its CAMEO code from the words around it.
//
//   &CURRENCY            a synonym set: "+" members, '_' joins words,
//   +DOLLAR              a trailing '_' means "this exact word" (else the
//   +CASH_               plural matches too)
//
//   --- MEET [040:040] ---               a block and its default code
//   MEET {MEETS MET MEETING}             a verb and its irregular forms
//   +BREAK_DOWN {+BROKE_DOWN}            a phrasal verb; '+' marks the verb
//   COMMUNICATE [040]                    a form with its own default code
//   - $ * (WITH +) {PEACE TALKS} [046]   a pattern: '*' the verb, '$' the
//                                        source, '+' the target, '^' any
//                                        word, '%' a compound subject,
//                                        '&SET' any member of a set
//
// Codes are "CODE" or "CODE:REVERSE" (the second codes the event from the
// target back to the source, as "arrive [042:043]" does for the host;
// ":REVERSE" alone codes only that one); "---" means "no event". Parentheses
// and braces group words as phrases; we read them as words in order. "~"
// transformation lines are not used.
#ifndef ENTENTE_LEXICON_CAMEO_VERBS_H_
#define ENTENTE_LEXICON_CAMEO_VERBS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entente/status.h"

namespace entente {

// One word of a pattern or synonym: folded text, and whether the dictionary
// asked for exactly this word (trailing '_') rather than it or its plural.
struct CameoWord {
  std::string text;
  bool exact = false;
};

// An element of a pattern, in text order on its side of the verb.
struct CameoPatternElement {
  enum class Kind { kWord, kSynset, kSource, kTarget, kSkip, kCompound };
  Kind kind = Kind::kWord;
  CameoWord word;   // kWord
  int synset = -1;  // kSynset: index into CameoVerbDictionary::synsets
};

struct CameoVerbPattern {
  std::vector<CameoPatternElement> before;  // words before the verb
  std::vector<CameoPatternElement> after;   // words after the verb
  std::string code;                         // "---": the verb here is no event
  std::string reverse;  // code of the target-to-source event, or ""
  std::string origin;   // "file:line"
};

// A verb form: its folded words, which of them is the verb, and a code of
// its own (else the block's).
struct CameoVerbForm {
  std::vector<std::string> words;
  std::size_t head = 0;
  std::string code, reverse;
  bool has_code = false;
};

struct CameoVerbBlock {
  std::string name;
  std::string code, reverse;  // the default
  std::vector<CameoVerbForm> forms;
  std::vector<CameoVerbPattern> patterns;
  std::string origin;
};

struct CameoSynset {
  std::string name;  // without '&'
  // Each member is a phrase of one or more words (members that name other
  // sets are expanded when the file is read).
  std::vector<std::vector<CameoWord>> members;
};

struct CameoVerbDictionary {
  std::vector<CameoSynset> synsets;
  std::vector<CameoVerbBlock> blocks;
  // Problems that were reported and skipped: "path:line: what; skipped".
  std::vector<std::string> warnings;

  // Adds the synsets and blocks of one dictionary file's content; `origin`
  // names it in messages. A malformed line is reported in warnings and
  // skipped (real dictionaries have a few); content without any verb block
  // fails.
  Status Add(std::string_view content, const std::string& origin);
  // Reads and adds a file.
  Status AddFile(const std::string& path);

  std::size_t pattern_count() const;

 private:
  std::map<std::string, int> synset_index_;  // name -> index into synsets
};

// The inflected forms of an English verb: base, third person, past, -ing
// (with both single and doubled final consonants where English may double
// it). `verb` is folded.
std::vector<std::string> RegularVerbForms(const std::string& verb);

}  // namespace entente

#endif  // ENTENTE_LEXICON_CAMEO_VERBS_H_
