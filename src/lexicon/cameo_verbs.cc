// Reading PETRARCH/CAMEO verb dictionaries, line by line: a small state
// machine (synonym set, verb block) over comment-stripped lines, in the
// same spirit and with the same messages ("path:line: what; skipped") as
// the actor and agent reader in petrarch_dictionary.cc. Synonym sets may
// name other sets ("+&TIETYPES"); those are expanded once the whole file
// is read, since a set may be used before it is defined.
#include "lexicon/cameo_verbs.h"

#include <cctype>
#include <utility>

#include "core/files.h"
#include "lexicon/dictionary_text.h"

namespace entente {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits on spaces and tabs.
std::vector<std::string> Fields(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// "DIPLOMATIC_TIES_" -> {diplomatic, ties(exact)}: '_' joins words and a
// trailing '_' asks for the exact word.
std::vector<CameoWord> PhraseWords(std::string_view phrase) {
  std::vector<CameoWord> out;
  std::string cur;
  auto flush = [&](bool exact) {
    if (!cur.empty()) out.push_back({Lower(cur), exact});
    cur.clear();
  };
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    if (c == '_' || c == ' ') {
      bool last = phrase.find_first_not_of("_ ", i) == std::string_view::npos;
      flush(c == '_' && last);
      continue;
    }
    if (c == '(' || c == ')' || c == '{' || c == '}') continue;
    cur.push_back(c);
  }
  flush(false);
  return out;
}

// Parses "042:043" into code and reverse; false when empty or spaced.
bool ParseCodeText(const std::string& inside, std::string* code,
                   std::string* reverse) {
  std::string t = TrimText(inside);
  if (t.empty() || t.find_first_of(" \t") != std::string::npos) return false;
  std::size_t colon = t.find(':');
  *code = Lower(t.substr(0, colon));
  reverse->clear();
  if (colon != std::string::npos) *reverse = Lower(t.substr(colon + 1));
  // "[:110]" codes only the event from the target back to the source.
  return !code->empty() || !reverse->empty();
}

// Cuts "[...]" off the end of `line`; returns false for an unclosed one.
bool TakeCode(std::string* line, std::string* inside, bool* found) {
  *found = false;
  std::size_t open = line->rfind('[');
  if (open == std::string::npos) {
    return line->find(']') == std::string::npos;
  }
  std::size_t close = line->find(']', open);
  if (close == std::string::npos) return false;
  *inside = line->substr(open + 1, close - open - 1);
  *found = true;
  *line = TrimText(line->substr(0, open)) + " " + TrimText(line->substr(close + 1));
  *line = TrimText(*line);
  return true;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

std::vector<std::string> RegularVerbForms(const std::string& v) {
  std::vector<std::string> out{v};
  if (v.size() < 2) return out;
  char last = v.back(), prev = v[v.size() - 2];
  auto ends = [&](std::string_view s) {
    return v.size() >= s.size() &&
           v.compare(v.size() - s.size(), s.size(), s) == 0;
  };
  bool consonant_y = last == 'y' && !IsVowel(prev);
  std::string stem_y = v.substr(0, v.size() - 1);
  // Third person.
  if (consonant_y) {
    out.push_back(stem_y + "ies");
  } else if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") ||
             ends("o")) {
    out.push_back(v + "es");
  } else {
    out.push_back(v + "s");
  }
  // Past and -ing.
  if (last == 'e') {
    out.push_back(v + "d");
    out.push_back(ends("ee") ? v + "ing" : v.substr(0, v.size() - 1) + "ing");
  } else if (consonant_y) {
    out.push_back(stem_y + "ied");
    out.push_back(v + "ing");
  } else {
    out.push_back(v + "ed");
    out.push_back(v + "ing");
    // "permit" -> "permitted": a final consonant after a single vowel may
    // double; both spellings are kept (they cost nothing when unused).
    bool cvc = !IsVowel(last) && IsVowel(prev) &&
               (v.size() < 3 || !IsVowel(v[v.size() - 3])) && last != 'w' &&
               last != 'x' && last != 'y';
    if (cvc) {
      out.push_back(v + last + "ed");
      out.push_back(v + last + "ing");
    }
  }
  return out;
}

std::size_t CameoVerbDictionary::pattern_count() const {
  std::size_t n = 0;
  for (const CameoVerbBlock& b : blocks) n += b.patterns.size();
  return n;
}

namespace {

// The reader's state over one file.
class VerbFileReader {
 public:
  VerbFileReader(CameoVerbDictionary* dict, const std::string& origin,
                 std::map<std::string, int>* index)
      : d_(dict), origin_(origin), index_(index) {}

  void Line(std::size_t line_no, const std::string& line) {
    where_ = origin_ + ":" + std::to_string(line_no);
    if (line.rfind("---", 0) == 0) return Block(line);
    switch (line[0]) {
      case '&':
        return Synset(line);
      case '~':
        return;  // transformation rules: not used
      case '-':
        return Pattern(line.substr(1));
      case '*':  // a pattern whose '-' was left out: unambiguous, accepted
        return Pattern(line);
      case '+':
        if (in_synset_) return Member(line.substr(1));
        return Form(line);
      default:
        return Form(line);
    }
  }

  // Expands "+&SET" members; called after all files' sets are known.
  void ExpandReferences() {
    for (auto& [set, member, where] : references_) {
      int ref = FindRef(member);
      if (ref < 0 || ref == set) {
        Warn(where, "unknown synonym set '&" + member + "'");
        continue;
      }
      for (const auto& m : d_->synsets[static_cast<std::size_t>(ref)].members) {
        d_->synsets[static_cast<std::size_t>(set)].members.push_back(m);
      }
    }
  }

  std::size_t blocks_added() const { return blocks_added_; }

 private:
  void Warn(const std::string& where, const std::string& what) {
    d_->warnings.push_back(where + ": " + what + "; skipped");
  }
  void Warn(const std::string& what) { Warn(where_, what); }

  int FindRef(const std::string& name) const {
    std::string n = name;
    for (int pass = 0; pass < 2; ++pass) {
      auto it = index_->find(n);
      if (it != index_->end()) return it->second;
      if (!n.empty() && n.back() == '_') {
        n.pop_back();
      } else {
        n.push_back('_');
      }
    }
    return -1;
  }

  void Block(const std::string& line) {
    in_synset_ = false;
    block_ = -1;
    std::string body = TrimText(std::string_view(line).substr(3));
    while (body.size() >= 3 && body.compare(body.size() - 3, 3, "---") == 0) {
      body = TrimText(body.substr(0, body.size() - 3));
    }
    std::string inside;
    bool found;
    if (!TakeCode(&body, &inside, &found) || !found) {
      return Warn("a verb block header needs '--- NAME [CODE] ---'");
    }
    CameoVerbBlock b;
    b.name = body;
    b.origin = where_;
    if (b.name.empty() || !ParseCodeText(inside, &b.code, &b.reverse)) {
      return Warn("bad verb block header");
    }
    d_->blocks.push_back(std::move(b));
    block_ = static_cast<int>(d_->blocks.size()) - 1;
    ++blocks_added_;
  }

  void Synset(const std::string& line) {
    block_ = -1;
    std::string name = TrimText(std::string_view(line).substr(1));
    if (name.empty() || name.find_first_of(" \t") != std::string::npos) {
      in_synset_ = false;
      return Warn("a synonym set header needs '&NAME'");
    }
    in_synset_ = true;
    auto it = index_->find(name);
    if (it != index_->end()) {  // a set defined twice: later members add
      synset_ = it->second;
      return;
    }
    d_->synsets.push_back({name, {}});
    synset_ = static_cast<int>(d_->synsets.size()) - 1;
    (*index_)[name] = synset_;
  }

  void Member(const std::string& text) {
    std::string m = TrimText(text);
    if (m.empty()) return Warn("an empty synonym");
    if (m[0] == '&') {
      references_.push_back({synset_, m.substr(1), where_});
      return;
    }
    std::vector<CameoWord> words = PhraseWords(m);
    if (words.empty()) return Warn("an empty synonym");
    d_->synsets[static_cast<std::size_t>(synset_)].members.push_back(words);
  }

  // "SAY {SAYS SAID}", "+CLEAR_UP {+CLEARS_UP}", "WIRE_+TAP", "WIN [010]".
  void Form(const std::string& text) {
    in_synset_ = false;
    if (block_ < 0)
      return Warn("a verb form outside a '--- VERB [CODE] ---' block");
    std::string line = text, inside;
    bool has_code;
    if (!TakeCode(&line, &inside, &has_code)) return Warn("'[' without ']'");
    CameoVerbForm base;
    if (has_code && !ParseCodeText(inside, &base.code, &base.reverse)) {
      return Warn("bad code [" + inside + "]");
    }
    base.has_code = has_code;
    std::vector<std::string> irregular;
    if (std::size_t b = line.find('{'); b != std::string::npos) {
      std::size_t e = line.find('}', b);
      if (e == std::string::npos) return Warn("'{' without '}'");
      // Some lists separate their forms with commas as well.
      std::string inside = line.substr(b + 1, e - b - 1);
      for (char& c : inside) c = c == ',' ? ' ' : c;
      irregular = Fields(inside);
      line = TrimText(line.substr(0, b)) + " " + TrimText(line.substr(e + 1));
    }
    std::vector<std::string> fields = Fields(line);
    if (fields.size() != 1)
      return Warn("a verb form line needs one verb (words joined by '_')");
    CameoVerbBlock& block = d_->blocks[static_cast<std::size_t>(block_)];
    if (!SplitForm(fields[0], &base))
      return Warn("bad verb form '" + fields[0] + "'");
    // The regular forms of the verb word, then the listed irregular ones.
    for (const std::string& f : RegularVerbForms(base.words[base.head])) {
      CameoVerbForm form = base;
      form.words[form.head] = f;
      block.forms.push_back(std::move(form));
    }
    for (const std::string& irr : irregular) {
      CameoVerbForm form = base;
      if (!SplitForm(irr, &form)) return Warn("bad verb form '" + irr + "'");
      block.forms.push_back(std::move(form));
    }
  }

  static bool SplitForm(const std::string& text, CameoVerbForm* form) {
    form->words.clear();
    form->head = 0;
    std::string cur;
    bool head_next = false;
    auto flush = [&] {
      if (cur.empty()) return;
      if (head_next) form->head = form->words.size();
      form->words.push_back(Lower(cur));
      cur.clear();
      head_next = false;
    };
    for (char c : text) {
      if (c == '_') {
        flush();
      } else if (c == '+') {
        flush();
        head_next = true;
      } else {
        cur.push_back(c);
      }
    }
    flush();
    bool letters = false;
    for (const std::string& w : form->words) {
      for (char c : w)
        letters |= std::isalpha(static_cast<unsigned char>(c)) != 0;
    }
    return letters;
  }

  void Pattern(const std::string& text) {
    in_synset_ = false;
    if (block_ < 0) return Warn("a pattern outside a verb block");
    std::string line = text, inside;
    bool found;
    if (!TakeCode(&line, &inside, &found) || !found) {
      return Warn("a pattern needs a [CODE]");
    }
    CameoVerbPattern p;
    p.origin = where_;
    if (!ParseCodeText(inside, &p.code, &p.reverse)) {
      return Warn("bad code [" + inside + "]");
    }
    std::string spaced;
    for (char c : line) {
      bool bracket = c == '(' || c == ')' || c == '{' || c == '}';
      if (c == '*')
        spaced += " * ";  // "- *SCEPTICAL" has it attached
      else
        spaced.push_back(bracket ? ' ' : c);
    }
    bool seen_verb = false;
    for (const std::string& f : Fields(spaced)) {
      if (f == "*") {
        if (seen_verb) return Warn("a pattern with two '*'");
        seen_verb = true;
        continue;
      }
      auto& side = seen_verb ? p.after : p.before;
      using K = CameoPatternElement::Kind;
      CameoPatternElement e;
      if (f == "$") {
        e.kind = K::kSource;
      } else if (f == "+") {
        e.kind = K::kTarget;
      } else if (f == "^") {
        e.kind = K::kSkip;
      } else if (f == "%") {
        e.kind = K::kCompound;
      } else if (f[0] == '&') {
        int s = FindRef(f.substr(1));
        if (s < 0) return Warn("unknown synonym set '" + f + "'");
        e.kind = K::kSynset;
        e.synset = s;
      } else {
        for (CameoWord& w : PhraseWords(f)) {
          CameoPatternElement word;
          word.word = std::move(w);
          side.push_back(std::move(word));
        }
        continue;
      }
      side.push_back(std::move(e));
    }
    if (!seen_verb) return Warn("a pattern needs '*' for the verb");
    d_->blocks[static_cast<std::size_t>(block_)].patterns.push_back(
        std::move(p));
  }

  CameoVerbDictionary* d_;
  const std::string& origin_;
  std::map<std::string, int>* index_;
  std::string where_;
  bool in_synset_ = false;
  int synset_ = -1, block_ = -1;
  std::size_t blocks_added_ = 0;
  struct Reference {
    int set;
    std::string member, where;
  };
  std::vector<Reference> references_;
};

}  // namespace

Status CameoVerbDictionary::Add(std::string_view content,
                                const std::string& origin) {
  std::string text = StripDictionaryComments(content, true);
  VerbFileReader reader(this, origin, &synset_index_);
  for (const auto& [line_no, line] : NumberedLines(text)) {
    if (!line.empty()) reader.Line(line_no, line);
  }
  reader.ExpandReferences();
  if (reader.blocks_added() == 0) {
    return Status::InvalidInput(origin +
                                ": no verb blocks ('--- VERB [CODE] "
                                "---') found (is it a PETRARCH verb "
                                "dictionary?)");
  }
  return Status::Ok();
}

Status CameoVerbDictionary::AddFile(const std::string& path) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return Add(*content, path);
}

}  // namespace entente
