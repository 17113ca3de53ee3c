// Reading the field's dictionaries: PETRARCH/TABARI actor and agent files.
//
// Actor files hold entries of a phrase line ("GONDOR [GON]", "SAM_GAMGEE
// [HOB]") followed by "+SYNONYM" lines and indented code lines ("[HOBGOV
// 20121109-20130119]"). Words are joined by '_' or ' '; a phrase whose last
// word does not end in '_' is a stem in TABARI ("ARGENTIN" matches
// "Argentina"), which we approximate by adding the common English endings.
// Dates are YYMMDD (00-30 read as 20YY, as PETRARCH does) or YYYYMMDD.
// "#" starts a comment; "<!-- ... -->" blocks (also "<! -- ... -->") are
// skipped. Agent files hold "PHRASE {PLURALS} [~CODE]" lines and "!SET! =
// A, B" substitutions used as "!SET!" inside phrases.
#include <cctype>

#include "core/calendar.h"
#include "core/files.h"
#include "lexicon/dictionary_text.h"
#include "lexicon/lexicon.h"

namespace entente {
namespace {

// "SAM_GAMGEE_" -> "Sam Gamgee" (title case, so that matching requires the
// capitals a proper name has); `stem` says whether the last word was open.
std::string PhraseToName(std::string_view phrase, bool* stem) {
  std::string out;
  bool start = true;
  *stem = !phrase.empty() && phrase.back() != '_';
  for (char c : phrase) {
    if (c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      start = true;
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(static_cast<char>(start ? std::toupper(u) : std::tolower(u)));
    start = !std::isalnum(u) && c != '\'';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The phrase and, for stems, the forms with the endings English adds to
// names of places and peoples.
std::vector<std::string> Forms(const std::string& name, bool stem) {
  std::vector<std::string> out{name};
  if (!stem) return out;
  for (const char* suffix : {"s", "es", "a", "e", "i", "n", "an", "ans", "ian",
                             "ians", "ine", "ines", "ese", "ish", "is", "'s"}) {
    out.push_back(name + suffix);
  }
  return out;
}

std::optional<CivilDate> ParseDictionaryDate(const std::string& s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  int y, m, d;
  if (s.size() == 6) {
    y = std::stoi(s.substr(0, 2));
    y += y <= 30 ? 2000 : 1900;
    m = std::stoi(s.substr(2, 2));
    d = std::stoi(s.substr(4, 2));
  } else if (s.size() == 8) {
    y = std::stoi(s.substr(0, 4));
    m = std::stoi(s.substr(4, 2));
    d = std::stoi(s.substr(6, 2));
  } else {
    return std::nullopt;
  }
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

// Parses "CODE", "CODE >date", "CODE <date", "CODE date-date" (the inside
// of one pair of brackets).
Result<CameoActorEntry::Code> ParseCode(std::string inside) {
  CameoActorEntry::Code code;
  std::string text = TrimText(inside);
  std::size_t sp = 0;
  while (sp < text.size() && !std::isspace(static_cast<unsigned char>(text[sp])) &&
         text[sp] != '<' && text[sp] != '>') {
    ++sp;
  }
  code.code = text.substr(0, sp);
  for (char& c : code.code) c = static_cast<char>(std::toupper(c));
  std::string rest = TrimText(text.substr(sp));
  if (code.code.empty()) return Status::InvalidInput("empty code in [" + inside + "]");
  if (rest.empty()) return code;
  auto bad = [&] {
    return Status::InvalidInput("bad date restriction '" + rest +
                                "' (use >YYMMDD, <YYMMDD or YYMMDD-YYMMDD)");
  };
  if (rest[0] == '>' || rest[0] == '<') {
    auto d = ParseDictionaryDate(TrimText(rest.substr(1)));
    if (!d) return bad();
    (rest[0] == '>' ? code.from : code.to) = d;
    return code;
  }
  std::size_t dash = rest.find('-');
  if (dash == std::string::npos) return bad();
  auto a = ParseDictionaryDate(TrimText(rest.substr(0, dash)));
  auto b = ParseDictionaryDate(TrimText(rest.substr(dash + 1)));
  if (!a || !b || !(*a < *b)) return bad();
  code.from = a;
  code.to = b;
  return code;
}

// Splits "PHRASE [A] [B >date]" into the phrase and bracket contents.
Status SplitCodes(const std::string& line, std::string* phrase,
                  std::vector<std::string>* codes) {
  std::size_t open = line.find('[');
  *phrase = TrimText(line.substr(0, open));
  while (open != std::string::npos) {
    std::size_t close = line.find(']', open);
    if (close == std::string::npos) {
      return Status::InvalidInput("'[' without a closing ']'");
    }
    codes->push_back(line.substr(open + 1, close - open - 1));
    open = line.find('[', close);
    std::string between = TrimText(line.substr(close + 1, open == std::string::npos
                                                          ? std::string::npos
                                                          : open - close - 1));
    if (!between.empty()) {
      return Status::InvalidInput("unexpected text '" + between +
                                  "' after a code");
    }
  }
  return Status::Ok();
}

// The regular English plural of a (lower-case) noun phrase's last word.
std::string Plural(const std::string& name) {
  auto ends = [&](const char* suffix) {
    std::string_view n(name), x(suffix);
    return n.size() > x.size() && n.substr(n.size() - x.size()) == x;
  };
  if (ends("y") && !ends("ay") && !ends("ey") && !ends("oy")) {
    return name.substr(0, name.size() - 1) + "ies";
  }
  if (ends("s") || ends("x") || ends("ch") || ends("sh") || ends("z")) {
    return name + "es";
  }
  return name + "s";
}

bool IsCountryCode(const std::string& code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

std::string CameoActorEntry::CodeAt(const std::optional<CivilDate>& date) const {
  for (const Code& c : codes) {
    if (!c.restricted() || !date) continue;
    if ((!c.from || !(*date < *c.from)) && (!c.to || *date < *c.to)) {
      return c.code;
    }
  }
  for (const Code& c : codes) {
    if (!c.restricted()) return c.code;
  }
  return date || codes.empty() ? "" : codes.front().code;
}

Status Lexicon::AddCameoActors(std::string_view content,
                               const std::string& origin) {
  std::string text = StripDictionaryComments(content, false);
  std::optional<CameoActorEntry> pending;  // the entry being read
  bool skipping = false;  // the current entry had a bad line
  std::size_t entries = 0;
  auto warn = [&](const std::string& what) {
    warnings_.push_back(what + "; skipped");
  };
  auto finish = [&] {
    if (!pending) return;
    CameoActorEntry e = std::move(*pending);
    pending.reset();
    if (skipping) return;
    if (e.codes.empty()) {
      warn(e.origin + ": '" + e.name + "' has no code");
      return;
    }
    ++entries;
    if (e.codes.size() == 1 && !e.codes[0].restricted() &&
        IsCountryCode(e.codes[0].code)) {
      StateEntry s;
      s.code = e.codes[0].code;
      s.name = e.name;
      s.names = e.names;
      s.user = true;
      MergeState(std::move(s));
      return;
    }
    cameo_actors_.push_back(std::move(e));
  };
  bool blank_since_phrase = false;
  for (const auto& [line_no, line] : NumberedLines(text)) {
    if (line.empty()) {
      blank_since_phrase = true;
      continue;
    }
    std::string where = origin + ":" + std::to_string(line_no);
    if (line[0] == '+') {
      if (!pending) {
        warn(where + ": a '+' synonym before any actor");
        continue;
      }
      bool stem;
      std::string name = PhraseToName(TrimText(line.substr(1)), &stem);
      for (std::string& f : Forms(name, stem)) pending->names.push_back(f);
      continue;
    }
    std::string phrase;
    std::vector<std::string> codes;
    if (Status s = SplitCodes(line, &phrase, &codes); !s.ok()) {
      warn(where + ": " + s.message());
      if (pending && phrase.empty()) skipping = true;
      continue;
    }
    if (phrase.empty()) {  // an indented code line of the current entry
      if (!pending) {
        warn(where + ": a code line before any actor");
        continue;
      }
    } else {
      bool stem;
      std::string name = PhraseToName(phrase, &stem);
      // A phrase line without codes directly followed by another phrase
      // line shares that line's entry.
      bool joins = pending && !skipping && pending->codes.empty() &&
                   !blank_since_phrase;
      if (joins) {
        for (std::string& f : Forms(name, stem)) pending->names.push_back(f);
      } else {
        finish();
        skipping = false;
        pending = CameoActorEntry{};
        pending->name = name;
        pending->names = Forms(name, stem);
        pending->origin = where;
      }
    }
    blank_since_phrase = false;
    for (const std::string& c : codes) {
      Result<CameoActorEntry::Code> code = ParseCode(c);
      if (!code.ok()) {
        warn(where + ": " + code.status().message());
        skipping = true;
        break;
      }
      pending->codes.push_back(*code);
    }
  }
  finish();
  if (entries == 0) {
    return Status::InvalidInput(origin + ": no actor entries found (is it a "
                                         "PETRARCH actor dictionary?)");
  }
  return Status::Ok();
}

Status Lexicon::AddCameoAgents(std::string_view content,
                               const std::string& origin) {
  std::string text = StripDictionaryComments(content, false);
  std::map<std::string, std::vector<std::string>> sets;
  std::size_t agents = 0;
  for (const auto& [line_no, line] : NumberedLines(text)) {
    if (line.empty()) continue;
    std::string where = origin + ":" + std::to_string(line_no);
    // "!PERSON! = MAN, MEN" defines a set; "!MINST!_OF_X [~GOV]" uses one.
    if (line[0] == '!' && line.find('=') != std::string::npos &&
        line.find('[') == std::string::npos) {
      std::size_t close = line.find('!', 1), eq = line.find('=');
      if (close == std::string::npos || eq == std::string::npos || eq < close) {
        return Status::InvalidInput(where + ": a substitution set needs "
                                            "'!NAME! = A, B'");
      }
      std::vector<std::string>& alts = sets[line.substr(0, close + 1)];
      std::string rest = line.substr(eq + 1);
      for (std::size_t b = 0; b <= rest.size();) {
        std::size_t comma = rest.find(',', b);
        if (comma == std::string::npos) comma = rest.size();
        std::string alt = TrimText(rest.substr(b, comma - b));
        if (!alt.empty()) alts.push_back(alt);
        b = comma + 1;
      }
      continue;
    }
    std::size_t open = line.find('[');
    std::size_t close = line.find(']', open == std::string::npos ? 0 : open);
    if (open == std::string::npos || close == std::string::npos) {
      warnings_.push_back(where + ": an agent line needs a [~CODE]; skipped");
      continue;
    }
    std::string code = TrimText(line.substr(open + 1, close - open - 1));
    if (code.size() < 2 || (code.front() != '~' && code.back() != '~')) {
      warnings_.push_back(where + ": agent code '" + code +
                          "' must be ~CODE; skipped");
      continue;
    }
    code.erase(code.front() == '~' ? 0 : code.size() - 1, 1);
    std::string head = line.substr(0, open);
    std::vector<std::string> plurals;
    bool explicit_plurals = false;
    if (std::size_t b = head.find('{'); b != std::string::npos) {
      std::size_t e = head.find('}', b);
      if (e == std::string::npos) {
        warnings_.push_back(where + ": '{' without '}'; skipped");
        continue;
      }
      explicit_plurals = true;
      std::string inside = head.substr(b + 1, e - b - 1);
      for (std::size_t k = 0; k <= inside.size();) {
        std::size_t sp = inside.find(' ', k);
        if (sp == std::string::npos) sp = inside.size();
        std::string p = TrimText(inside.substr(k, sp - k));
        if (!p.empty()) plurals.push_back(p);
        k = sp + 1;
      }
      head = head.substr(0, b);
    }
    std::string phrase = TrimText(head);
    // Expand one "!SET!" (the dictionaries use at most one per phrase).
    std::vector<std::string> variants{phrase};
    if (std::size_t a = phrase.find('!'); a != std::string::npos) {
      std::size_t b = phrase.find('!', a + 1);
      auto it = b == std::string::npos ? sets.end()
                                       : sets.find(phrase.substr(a, b - a + 1));
      if (it == sets.end()) {
        warnings_.push_back(where + ": unknown substitution set in '" +
                            phrase + "'; skipped");
        continue;
      }
      variants.clear();
      for (const std::string& alt : it->second) {
        variants.push_back(phrase.substr(0, a) + alt + phrase.substr(b + 1));
      }
    }
    AgentEntry agent;
    agent.sector = code;
    agent.user = true;
    for (const std::string& v : variants) {
      bool stem;
      std::string name = PhraseToName(v, &stem);
      for (char& c : name) c = static_cast<char>(std::tolower(c));
      if (agent.name.empty()) agent.name = name;
      agent.names.push_back(name);
      if (!explicit_plurals) agent.names.push_back(Plural(name));
    }
    for (const std::string& p : plurals) {
      bool stem;
      std::string name = PhraseToName(p, &stem);
      for (char& c : name) c = static_cast<char>(std::tolower(c));
      agent.names.push_back(name);
    }
    AddAgent(std::move(agent));
    ++agents;
  }
  if (agents == 0) return Status::InvalidInput(origin + ": no agent entries found");
  return Status::Ok();
}

Status Lexicon::AddCameoActorsFile(const std::string& path) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return AddCameoActors(*content, path);
}

Status Lexicon::AddCameoAgentsFile(const std::string& path) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return AddCameoAgents(*content, path);
}

}  // namespace entente
