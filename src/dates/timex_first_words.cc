// The pattern is parsed into a syntax tree, compiled into a Thompson NFA
// over bytes (assertions as conditional empty moves), and explored breadth
// first over the 26 letters, each standing for both of its cases. After
// each run of letters read from the start, the run is a first word when
// the NFA can go on with a byte that ends the run (a digit, '_' or a
// non-word byte) or can match right there with a non-word byte or the end
// of the text next. A match that could end right after a letter with a
// word character next (so inside a run of letters) would make the run a
// poor key, and an exploration deeper than any word of a finite grammar
// means a loop over letters: both make the analysis give up. For each
// first word, the same walk from the states that a run of spaces after it
// can reach (their union: a superset) gives the second words; when a match
// can end after the first word or in the spaces, any second word will do.
// The bytes the NFA can read right after the first word, and first after
// the spaces, are kept too (every byte where a match can end), so that
// "in-person" and "in 2019" are turned away as well. Runs of digits get
// the same treatment by their length (1 to 4 digits, or 5 and more), from
// the states after any digits of that length: a superset again.
#include "dates/timex_first_words.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <deque>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

namespace entente {
namespace {

using ByteSet = std::bitset<256>;

bool IsAsciiLetter(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Each byte's letter, 0-25 for 'a'-'z' and 'A'-'Z', else 26 or more: the
// trie's symbol, and whether the byte is a letter, in one load.
constexpr std::array<unsigned char, 256> MakeLetters() {
  std::array<unsigned char, 256> letters{};
  for (int c = 0; c < 256; ++c) letters[c] = 255;
  for (int c = 'a'; c <= 'z'; ++c) {
    letters[c] = static_cast<unsigned char>(c - 'a');
    letters[c - 'a' + 'A'] = static_cast<unsigned char>(c - 'a');
  }
  return letters;
}
constexpr std::array<unsigned char, 256> kLetterOf = MakeLetters();

bool IsWordByte(int c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
}

// ---- Syntax tree ----------------------------------------------------------

struct Node {
  enum Kind { kBytes, kConcat, kAlternate, kRepeat, kBoundary, kNotBoundary };
  Kind kind = kConcat;
  ByteSet bytes;              // kBytes
  std::vector<int> children;  // kConcat, kAlternate, kRepeat (one)
  int min = 0, max = 0;       // kRepeat; max < 0: unbounded
};

// A recursive-descent parser of the RE2 subset the grammar uses. Anything
// else fails the parse (ok() false), which makes the analysis give up.
class Parser {
 public:
  explicit Parser(std::string_view pattern) : p_(pattern) {}

  // The root node's index, or -1.
  int Parse() {
    int root = Alternation();
    if (i_ != p_.size()) ok_ = false;
    return ok_ ? root : -1;
  }
  const std::vector<Node>& nodes() const { return nodes_; }

 private:
  int Add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size()) - 1;
  }
  bool At(std::string_view s) const { return p_.substr(i_).starts_with(s); }

  int Alternation() {
    Node alt;
    alt.kind = Node::kAlternate;
    alt.children.push_back(Concatenation());
    while (ok_ && i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      alt.children.push_back(Concatenation());
    }
    return alt.children.size() == 1 ? alt.children[0] : Add(std::move(alt));
  }

  int Concatenation() {
    Node cat;
    cat.kind = Node::kConcat;
    while (ok_ && i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      // A flag group alone sets the flag for the rest of the enclosing
      // group, later alternatives included.
      if (At("(?i)")) {
        fold_ = true, i_ += 4;
        continue;
      }
      if (At("(?-i)")) {
        fold_ = false, i_ += 5;
        continue;
      }
      cat.children.push_back(Quantified(Atom()));
    }
    return Add(std::move(cat));
  }

  int Group() {
    bool saved = fold_;
    if (At("(?:")) {
      i_ += 3;
    } else if (At("(?i:")) {
      fold_ = true, i_ += 4;
    } else if (At("(?-i:")) {
      fold_ = false, i_ += 5;
    } else if (At("(?")) {
      ok_ = false;  // named groups, other flags: not modelled
      return -1;
    } else {
      ++i_;  // a capturing group: the same language
    }
    int inner = Alternation();
    if (!ok_ || i_ >= p_.size() || p_[i_] != ')') {
      ok_ = false;
      return -1;
    }
    ++i_;
    fold_ = saved;
    return inner;
  }

  void AddByte(ByteSet* set, int c) const {
    c = static_cast<unsigned char>(c);  // (a char of the pattern)
    set->set(static_cast<std::size_t>(c));
    // RE2 folds the Latin-1 letters too ("\xE2" and "\xC2"), which the
    // grammar's dashes and apostrophes are written with.
    if (fold_ && (IsAsciiLetter(c) || (c >= 0xC0 && c <= 0xFE && c != 0xD7 &&
                                       c != 0xDF && c != 0xF7))) {
      set->set(static_cast<std::size_t>(c ^ 0x20));
    }
  }

  // An escape's bytes (after the backslash), or false for \b, \B and
  // anything not modelled; `kind` says which.
  bool Escape(ByteSet* set, Node::Kind* kind) {
    if (i_ >= p_.size()) return ok_ = false;
    char c = p_[i_++];
    *kind = Node::kBytes;
    switch (c) {
      case 'b':
        *kind = Node::kBoundary;
        return true;
      case 'B':
        *kind = Node::kNotBoundary;
        return true;
      case 's':  // RE2's \s is [\t\n\f\r ]; \v too, to err on the safe side
        for (char s : {'\t', '\n', '\f', '\r', ' ', '\v'}) set->set(s);
        return true;
      case 'd':
        for (int d = '0'; d <= '9'; ++d) set->set(d);
        return true;
      case 'x': {
        if (i_ + 2 > p_.size()) return ok_ = false;
        int value = 0;
        for (int k = 0; k < 2; ++k) {
          char h = p_[i_++];
          int digit = h >= '0' && h <= '9'   ? h - '0'
                      : h >= 'a' && h <= 'f' ? h - 'a' + 10
                      : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                             : -1;
          if (digit < 0) return ok_ = false;
          value = value * 16 + digit;
        }
        AddByte(set, value);
        return true;
      }
      default:
        // Escaped punctuation is itself; escaped letters and digits are
        // classes or references this parser does not know.
        if (IsWordByte(static_cast<unsigned char>(c))) return ok_ = false;
        AddByte(set, c);
        return true;
    }
  }

  int Class() {
    ++i_;  // '['
    Node node;
    node.kind = Node::kBytes;
    bool negate = i_ < p_.size() && p_[i_] == '^';
    if (negate) ++i_;
    bool first = true;
    while (ok_ && i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      int low = static_cast<unsigned char>(p_[i_]);
      if (p_[i_] == '\\') {
        ++i_;
        Node::Kind kind;
        if (!Escape(&node.bytes, &kind) || kind != Node::kBytes) {
          ok_ = false;
          return -1;
        }
        continue;
      }
      ++i_;
      int high = low;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        high = static_cast<unsigned char>(p_[i_ + 1]);
        i_ += 2;
        if (high < low || high == '\\') {
          ok_ = false;
          return -1;
        }
      }
      for (int c = low; c <= high; ++c) AddByte(&node.bytes, c);
    }
    if (i_ >= p_.size()) {
      ok_ = false;
      return -1;
    }
    ++i_;  // ']'
    if (negate) node.bytes.flip();
    return Add(std::move(node));
  }

  int Atom() {
    char c = p_[i_];
    if (c == '(') return Group();
    if (c == '[') return Class();
    Node node;
    node.kind = Node::kBytes;
    if (c == '\\') {
      ++i_;
      Escape(&node.bytes, &node.kind);
      return ok_ ? Add(std::move(node)) : -1;
    }
    if (c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{') {
      ok_ = false;  // anchors, or a quantifier with nothing to repeat
      return -1;
    }
    ++i_;
    if (c == '.') {
      node.bytes.set();  // all bytes: a superset of "all but \n"
    } else {
      AddByte(&node.bytes, c);
    }
    return Add(std::move(node));
  }

  // Reads a number of a {n,m}; -1 when there is none.
  int Number() {
    int n = -1;
    while (i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '9') {
      n = (n < 0 ? 0 : n * 10) + (p_[i_++] - '0');
      if (n > 100) return ok_ = false, -1;
    }
    return n;
  }

  int Quantified(int atom) {
    while (ok_ && i_ < p_.size()) {
      char c = p_[i_];
      Node rep;
      rep.kind = Node::kRepeat;
      rep.children = {atom};
      if (c == '?') {
        rep.min = 0, rep.max = 1, ++i_;
      } else if (c == '*') {
        rep.min = 0, rep.max = -1, ++i_;
      } else if (c == '+') {
        rep.min = 1, rep.max = -1, ++i_;
      } else if (c == '{') {
        ++i_;
        rep.min = Number();
        rep.max = rep.min;
        if (i_ < p_.size() && p_[i_] == ',') {
          ++i_;
          rep.max = Number();  // -1: unbounded
        }
        if (rep.min < 0 || i_ >= p_.size() || p_[i_] != '}' ||
            (rep.max >= 0 && rep.max < rep.min)) {
          ok_ = false;
          return -1;
        }
        ++i_;
      } else {
        return atom;
      }
      if (i_ < p_.size() && p_[i_] == '?') ++i_;  // lazy: same language
      atom = Add(std::move(rep));
    }
    return atom;
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool ok_ = true;
  bool fold_ = false;
  std::vector<Node> nodes_;
};

// ---- NFA ------------------------------------------------------------------

struct State {
  enum Kind { kByte, kEmpty, kBoundary, kNotBoundary, kMatch };
  Kind kind = kEmpty;
  ByteSet bytes;          // kByte: the bytes it reads
  std::vector<int> next;  // one for kByte and assertions, any for kEmpty
};

class Nfa {
 public:
  Nfa(const std::vector<Node>& nodes, int root) : nodes_(nodes) {
    int match = Add(State::kMatch);
    start_ = Compile(root, match);
  }
  int start() const { return start_; }
  const State& operator[](int s) const { return states_[s]; }

  // The states reachable from `from` by empty moves, the assertions judged
  // with a word character before (or not) and after (or not): the byte
  // readers and the match among them.
  std::vector<int> Closure(const std::vector<int>& from, bool word_before,
                           bool word_after) const {
    // The states seen carry this call's mark: nothing to clear between
    // calls, of which the analysis makes hundreds of thousands.
    if (seen_.size() != states_.size() || ++mark_ == 0) {
      seen_.assign(states_.size(), 0);
      mark_ = 1;
    }
    std::vector<int> stack(from), out;
    while (!stack.empty()) {
      int s = stack.back();
      stack.pop_back();
      if (seen_[s] == mark_) continue;
      seen_[s] = mark_;
      const State& st = states_[s];
      bool boundary = word_before != word_after;
      switch (st.kind) {
        case State::kByte:
        case State::kMatch:
          out.push_back(s);
          break;
        case State::kBoundary:
          if (boundary) stack.push_back(st.next[0]);
          break;
        case State::kNotBoundary:
          if (!boundary) stack.push_back(st.next[0]);
          break;
        case State::kEmpty:
          for (int n : st.next) stack.push_back(n);
          break;
      }
    }
    return out;
  }

 private:
  int Add(State::Kind kind) {
    states_.push_back(State{kind, {}, {}});
    return static_cast<int>(states_.size()) - 1;
  }

  // Compiles node `n` to run before state `then`; returns its entry. (Built
  // back to front, so no dangling arrows need patching.)
  int Compile(int n, int then) {
    const Node& node = nodes_[n];
    switch (node.kind) {
      case Node::kBytes: {
        int s = Add(State::kByte);
        states_[s].bytes = node.bytes;
        states_[s].next = {then};
        return s;
      }
      case Node::kBoundary:
      case Node::kNotBoundary: {
        int s = Add(node.kind == Node::kBoundary ? State::kBoundary
                                                 : State::kNotBoundary);
        states_[s].next = {then};
        return s;
      }
      case Node::kConcat: {
        int s = then;
        for (auto it = node.children.rbegin(); it != node.children.rend();
             ++it) {
          s = Compile(*it, s);
        }
        return s;
      }
      case Node::kAlternate: {
        std::vector<int> entries;
        for (int child : node.children) entries.push_back(Compile(child, then));
        int s = Add(State::kEmpty);
        states_[s].next = std::move(entries);
        return s;
      }
      case Node::kRepeat: {
        int child = node.children[0];
        int tail = then;
        if (node.max < 0) {
          int loop = Add(State::kEmpty);
          int body = Compile(child, loop);
          states_[loop].next = {body, then};
          tail = loop;
        } else {
          for (int k = node.min; k < node.max; ++k) {
            int body = Compile(child, tail);
            int skip = Add(State::kEmpty);
            states_[skip].next = {body, tail};
            tail = skip;
          }
        }
        for (int k = 0; k < node.min; ++k) tail = Compile(child, tail);
        return tail;
      }
    }
    return then;
  }

  const std::vector<Node>& nodes_;
  std::vector<State> states_;
  int start_ = 0;
  mutable std::vector<unsigned> seen_;  // Closure's marks, by state
  mutable unsigned mark_ = 0;
};

// Deeper than any word of the grammar: a longer run means a loop. And more
// runs than the prefixes of any word list, which a loop over several
// letters ("[a-z]+") reaches long before it is that deep.
constexpr std::size_t kMaxWord = 40;
constexpr std::size_t kMaxRuns = 20000;

// The states after one byte of `bytes` read from `states` (closed).
std::vector<int> Step(const Nfa& nfa, const std::vector<int>& closed,
                      const ByteSet& bytes) {
  std::vector<int> next;
  for (int s : closed) {
    if (nfa[s].kind == State::kByte && (nfa[s].bytes & bytes).any()) {
      next.push_back(nfa[s].next[0]);
    }
  }
  std::sort(next.begin(), next.end());
  next.erase(std::unique(next.begin(), next.end()), next.end());
  return next;
}

bool HasMatch(const Nfa& nfa, const std::vector<int>& closed) {
  for (int s : closed) {
    if (nfa[s].kind == State::kMatch) return true;
  }
  return false;
}

// A walk over runs of letters from `start` (states before their empty
// moves; the byte before is no word character): calls `on_run(run, states)`
// for each run after which the NFA can end the run (read a digit, '_' or a
// non-word byte, or match with one next), `states` being those after the
// run. False when a match can end inside a run or the runs do not end.
template <typename OnRun>
bool ExploreRuns(const Nfa& nfa, const std::vector<int>& start, OnRun on_run) {
  ByteSet ends_run_word, ends_run_other;  // digits and '_'; non-word bytes
  for (int c = 0; c < 256; ++c) {
    if (IsAsciiLetter(c)) continue;
    (IsWordByte(c) ? ends_run_word : ends_run_other).set(c);
  }
  struct Item {
    std::vector<int> states;  // before their empty moves
    std::string run;          // the letters read, lower-case
  };
  std::deque<Item> queue;
  std::size_t explored = 0;
  queue.push_back({start, ""});
  while (!queue.empty()) {
    Item item = std::move(queue.front());
    queue.pop_front();
    // The byte before the run is no word character; after a letter it is.
    bool before = !item.run.empty();
    std::vector<int> word_next = nfa.Closure(item.states, before, true);
    if (!item.run.empty()) {
      if (HasMatch(nfa, word_next)) return false;  // may end inside a word
      std::vector<int> other_next = nfa.Closure(item.states, before, false);
      if (HasMatch(nfa, other_next) ||
          !Step(nfa, other_next, ends_run_other).empty() ||
          !Step(nfa, word_next, ends_run_word).empty()) {
        if (!on_run(item.run, item.states)) return false;
      }
    }
    // The states after each letter (either case): Step for each, read in
    // one pass over the states.
    std::array<std::vector<int>, 26> after_letter;
    for (int s : word_next) {
      if (nfa[s].kind != State::kByte) continue;
      const ByteSet& bytes = nfa[s].bytes;
      for (int c = 0; c < 26; ++c) {
        if (bytes[static_cast<std::size_t>('a' + c)] ||
            bytes[static_cast<std::size_t>('A' + c)]) {
          after_letter[static_cast<std::size_t>(c)].push_back(nfa[s].next[0]);
        }
      }
    }
    for (int c = 'a'; c <= 'z'; ++c) {
      std::vector<int>& next = after_letter[static_cast<std::size_t>(c - 'a')];
      if (next.empty()) continue;
      std::sort(next.begin(), next.end());
      next.erase(std::unique(next.begin(), next.end()), next.end());
      // A loop over letters, or more words than a word list has.
      if (item.run.size() >= kMaxWord || ++explored > kMaxRuns) return false;
      queue.push_back({std::move(next), item.run + static_cast<char>(c)});
    }
  }
  return true;
}

// The bytes that may come next after `states` (before their empty moves),
// given whether the byte before is a word character: those the NFA can
// read there, and every byte before which a match can end.
ByteSet FollowingBytes(const Nfa& nfa, const std::vector<int>& states,
                       bool word_before) {
  ByteSet out;
  for (bool word_after : {false, true}) {
    ByteSet kind;  // the bytes that are word characters or not, as asked
    for (int c = 0; c < 256; ++c) {
      if (IsWordByte(c) == word_after) kind.set(c);
    }
    std::vector<int> closed = nfa.Closure(states, word_before, word_after);
    if (HasMatch(nfa, closed)) {
      out |= kind;
      continue;
    }
    for (int s : closed) {
      if (nfa[s].kind == State::kByte) out |= nfa[s].bytes & kind;
    }
  }
  return out;
}

// What can follow a first run (`after`: the states after it) when spaces
// and then a run of letters come next: the runs it can be, or nullopt for
// "any" (a match can end before them, or the walk gives up). Sets
// `after_spaces` to the bytes that may come first after the spaces (all
// when a match can end before them).
std::optional<std::vector<std::string>> SecondRuns(
    const Nfa& nfa, const std::vector<int>& after, ByteSet* after_spaces) {
  after_spaces->set();  // any, unless the spaces are followed through below
  ByteSet spaces;
  for (int c = 0; c < 256; ++c) {
    if (IsTimexSpace(static_cast<char>(c))) spaces.set(c);
  }
  std::vector<int> closed = nfa.Closure(after, true, false);
  if (HasMatch(nfa, closed)) return std::nullopt;  // the first run may end it
  // Every state some run of spaces can lead to: their union, a superset of
  // what any one run of spaces leads to.
  std::vector<int> in_spaces = Step(nfa, closed, spaces);
  for (;;) {
    std::vector<int> inner = nfa.Closure(in_spaces, false, false);
    if (HasMatch(nfa, inner)) return std::nullopt;  // ends in the spaces
    std::vector<int> more = Step(nfa, inner, spaces);
    std::vector<int> joined;
    std::set_union(in_spaces.begin(), in_spaces.end(), more.begin(), more.end(),
                   std::back_inserter(joined));
    if (joined == in_spaces) break;
    in_spaces = std::move(joined);
  }
  // (A match could also end after the spaces, before a word.)
  if (HasMatch(nfa, nfa.Closure(in_spaces, false, true))) return std::nullopt;
  *after_spaces = FollowingBytes(nfa, in_spaces, false);
  std::vector<std::string> runs;
  bool bounded = ExploreRuns(
      nfa, in_spaces, [&runs](const std::string& run, const std::vector<int>&) {
        runs.push_back(run);
        return true;
      });
  if (!bounded) return std::nullopt;
  return runs;
}

}  // namespace

struct TimexFirstWords::Analysis {
  Analysis(std::vector<Node> parsed, int root)
      : nodes(std::move(parsed)), nfa(nodes, root) {}
  std::vector<Node> nodes;
  Nfa nfa;  // (views `nodes`)
};

TimexFirstWords::~TimexFirstWords() = default;

void TimexFirstWords::ForgetAutomaton() { analysis_.reset(); }

TimexFirstWords::TimexFirstWords(std::string_view pattern) {
  Parser parser(pattern);
  int root = parser.Parse();
  if (root < 0) return;
  analysis_ = std::make_unique<Analysis>(parser.nodes(), root);
  const Nfa& nfa = analysis_->nfa;
  struct FirstWord {
    std::string run;
    std::optional<std::vector<std::string>> second;
    ByteSet next, after_spaces;
  };
  std::vector<FirstWord> words;
  // Words of one alternation ("monday|tuesday|...") end in the same
  // states, and then have the same followers: each set is followed once.
  std::map<std::vector<int>, std::size_t> followed;  // states -> word
  bool bounded = ExploreRuns(
      nfa, {nfa.start()},
      [&](const std::string& run, const std::vector<int>& after) {
        auto [it, added] = followed.try_emplace(after, words.size());
        if (!added) {
          FirstWord w = words[it->second];
          w.run = run;
          words.push_back(std::move(w));
          return true;
        }
        FirstWord w{run, std::nullopt, FollowingBytes(nfa, after, true), {}};
        w.second = SecondRuns(nfa, after, &w.after_spaces);
        words.push_back(std::move(w));
        return true;
      });
  if (!bounded) return;
  for (const auto& [word, second, next, after_spaces] : words) {
    std::uint32_t node = Insert(0, word);
    word_end_[node] = true;
    followers_.resize(word_end_.size());
    followers_[node] = {next, after_spaces};
    if (!second) {
      any_second_[node] = true;
      continue;
    }
    std::uint32_t space = Child(node, kSpace);
    for (const std::string& run : *second) word_end_[Insert(space, run)] = true;
  }
  // Runs of digits, judged by their length and what follows them in the
  // same way ("2 billion", "100,000 troops" begin no match). The states
  // after n digits are those after any n digits (a superset); for five or
  // more, the union over all such lengths, a fixed point.
  ByteSet digits;
  for (int c = '0'; c <= '9'; ++c) digits.set(c);
  auto add_digit_run = [this, &nfa](std::size_t n,
                                    const std::vector<int>& after) {
    // A node of its own, outside the letters' trie.
    const auto node = static_cast<std::uint32_t>(word_end_.size());
    word_end_.push_back(!after.empty());
    any_second_.push_back(false);
    next_.resize(next_.size() + kSymbols, 0);
    followers_.resize(word_end_.size());
    digit_runs_[n] = node;
    if (after.empty()) return;  // no match begins with n digits
    ByteSet after_spaces;
    std::optional<std::vector<std::string>> second =
        SecondRuns(nfa, after, &after_spaces);
    followers_[node] = {FollowingBytes(nfa, after, true), after_spaces};
    if (!second) {
      any_second_[node] = true;
      return;
    }
    std::uint32_t space = Child(node, kSpace);
    for (const std::string& run : *second) {
      word_end_[Insert(space, run)] = true;
    }
  };
  auto step = [&](const std::vector<int>& states, bool word_before) {
    return Step(nfa, nfa.Closure(states, word_before, true), digits);
  };
  std::vector<int> states = step({nfa.start()}, false);
  for (std::size_t n = 1; n < kDigitRuns; ++n) {
    add_digit_run(n, states);
    states = step(states, true);
  }
  for (;;) {
    std::vector<int> more = step(states, true), joined;
    std::set_union(states.begin(), states.end(), more.begin(), more.end(),
                   std::back_inserter(joined));
    if (joined == states) break;
    states = std::move(joined);
  }
  add_digit_run(kDigitRuns, states);
  bounded_ = true;
}

std::uint32_t TimexFirstWords::Child(std::uint32_t node, unsigned symbol) {
  if (next_[node * kSymbols + symbol] == 0) {
    auto added = static_cast<std::uint32_t>(word_end_.size());
    word_end_.push_back(false);
    any_second_.push_back(false);
    next_.resize(next_.size() + kSymbols, 0);
    next_[node * kSymbols + symbol] = added;
  }
  return next_[node * kSymbols + symbol];
}

std::uint32_t TimexFirstWords::Insert(std::uint32_t node,
                                      std::string_view word) {
  for (char c : word) node = Child(node, static_cast<unsigned>(c - 'a'));
  return node;
}

std::uint32_t TimexFirstWords::Walk(std::uint32_t node,
                                    std::string_view run) const {
  for (char c : run) {
    // Letters only: anything else is no word of the trie.
    const unsigned letter = kLetterOf[static_cast<unsigned char>(c)];
    if (letter >= 26) return 0;
    node = next_[node * kSymbols + letter];
    if (node == 0) return 0;
  }
  return node;
}

bool TimexFirstWords::MayBegin(std::string_view run) const {
  if (!bounded_) return true;
  std::uint32_t node = Walk(0, run);
  return node != 0 && word_end_[node];
}

bool TimexFirstWords::MayEndAfter(std::string_view run) const {
  if (!bounded_) return true;
  // A first word has a space node, and no "any second word", exactly when
  // SecondRuns listed its second words: no match ends after it or in the
  // spaces.
  std::uint32_t node = Walk(0, run);
  return node == 0 || !word_end_[node] || any_second_[node] ||
         next_[node * kSymbols + kSpace] == 0;
}

bool TimexFirstWords::MayBegin(std::string_view run,
                               std::string_view second) const {
  if (!bounded_) return true;
  std::uint32_t node = Walk(0, run);
  if (node == 0 || !word_end_[node]) return false;
  if (any_second_[node]) return true;
  std::uint32_t space = next_[node * kSymbols + kSpace];
  if (space == 0) return false;
  node = Walk(space, second);
  return node != 0 && word_end_[node];
}

bool TimexFirstWords::MayBeginAt(std::string_view text, std::size_t pos,
                                 std::size_t* run_end_out) const {
  auto run_end = [text](std::size_t i) {
    while (i < text.size() &&
           kLetterOf[static_cast<unsigned char>(text[i])] < 26) {
      ++i;
    }
    return i;
  };
  std::size_t end = pos;
  std::uint32_t node = 0;
  if (text[pos] >= '0' && text[pos] <= '9') {
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    node = digit_runs_[std::min(end - pos, kDigitRuns)];
  } else {
    // The trie is walked as the run is read: most runs leave it within a
    // letter or two, and then only where they end matters.
    while (end < text.size()) {
      const unsigned letter = kLetterOf[static_cast<unsigned char>(text[end])];
      if (letter >= 26) break;
      node = next_[node * kSymbols + letter];
      ++end;
      if (node == 0) {
        end = run_end(end);
        break;
      }
    }
  }
  if (run_end_out) *run_end_out = end;
  if (!bounded_) return true;
  if (node == 0 || !word_end_[node]) return false;
  if (end == text.size()) return true;
  const Followers& f = followers_[node];
  const auto next = static_cast<unsigned char>(text[end]);
  if (!IsTimexSpace(text[end])) return f.next[next];
  std::size_t second = end;
  while (second < text.size() && IsTimexSpace(text[second])) ++second;
  if (second == text.size()) return true;
  const auto after = static_cast<unsigned char>(text[second]);
  if (!IsAsciiLetter(after)) return f.after_spaces[after];
  if (any_second_[node]) return true;
  // The second run, walked as it is read (most leave the trie at once).
  node = next_[node * kSymbols + kSpace];
  for (std::size_t i = second; node != 0 && i < text.size(); ++i) {
    const unsigned letter = kLetterOf[static_cast<unsigned char>(text[i])];
    if (letter >= 26) return word_end_[node];
    node = next_[node * kSymbols + letter];
  }
  return node != 0 && word_end_[node];
}

namespace {

// The bytes the states can read next (`states` before their empty moves,
// after a word byte or not), and whether a match can end there.
ByteSet Readable(const Nfa& nfa, const std::vector<int>& states,
                 bool word_before, bool* may_end) {
  static const ByteSet kWordBytes = [] {
    ByteSet word;
    for (int c = 0; c < 256; ++c) {
      if (IsWordByte(c)) word.set(static_cast<std::size_t>(c));
    }
    return word;
  }();
  ByteSet out;
  for (bool word_after : {false, true}) {
    const ByteSet kind = word_after ? kWordBytes : ~kWordBytes;
    std::vector<int> closed = nfa.Closure(states, word_before, word_after);
    if (HasMatch(nfa, closed)) *may_end = true;
    for (int s : closed) {
      if (nfa[s].kind == State::kByte) out |= nfa[s].bytes & kind;
    }
  }
  return out;
}

// The states after byte `c` read from `states` (before their empty moves).
std::vector<int> After(const Nfa& nfa, const std::vector<int>& states,
                       bool word_before, unsigned char c) {
  ByteSet one;
  one.set(c);
  return Step(nfa, nfa.Closure(states, word_before, IsWordByte(c)), one);
}

// What can be read first after a run of spaces that follows `closed` (the
// closed states before the first space): false when a match can end in or
// right after the spaces.
bool AfterSpaces(const Nfa& nfa, const std::vector<int>& closed,
                 ByteSet* readable) {
  ByteSet spaces;
  for (int c = 0; c < 256; ++c) {
    if (IsTimexSpace(static_cast<char>(c))) spaces.set(c);
  }
  // Every state some run of spaces leads to (a superset, as in SecondRuns).
  std::vector<int> in_spaces = Step(nfa, closed, spaces);
  for (;;) {
    std::vector<int> more =
        Step(nfa, nfa.Closure(in_spaces, false, false), spaces);
    std::vector<int> joined;
    std::set_union(in_spaces.begin(), in_spaces.end(), more.begin(), more.end(),
                   std::back_inserter(joined));
    if (joined == in_spaces) break;
    in_spaces = std::move(joined);
  }
  bool may_end = false;
  *readable = Readable(nfa, in_spaces, false, &may_end);
  return !may_end;
}

// The tail after `states` (after the span's last byte, a word byte or
// not).
TimexTail TailAfter(const Nfa& nfa, const std::vector<int>& states,
                    bool word_before) {
  TimexTail tail;
  bool ignored = false;
  tail.next = Readable(nfa, states, word_before, &ignored);
  for (int c = 0; c < 256; ++c) {
    if (IsWordByte(c)) tail.next.reset(static_cast<std::size_t>(c));
  }
  tail.spaces_end_nothing = AfterSpaces(
      nfa, nfa.Closure(states, word_before, false), &tail.after_spaces);
  for (int c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    // (Spaces are read above; control bytes, the type markers among them,
    // are left unjudged.)
    if (!tail.next[byte] || c <= ' ') continue;
    if (tail.mark_count == TimexTail::kMarks) break;
    TimexTail::Mark mark;
    mark.byte = static_cast<char>(c);
    const std::vector<int> after = After(nfa, states, word_before, byte);
    bool may_end = false;
    mark.next = Readable(nfa, after, false, &may_end);
    mark.ends_nothing =
        !may_end &&
        AfterSpaces(nfa, nfa.Closure(after, false, false), &mark.after_spaces);
    tail.marks[tail.mark_count++] = mark;
  }
  return tail;
}

}  // namespace

std::optional<TimexTail> TimexFirstWords::TailOf(std::string_view span) const {
  return TailsOf({span})[0];
}

namespace {

// The sets of states the spans lead to, each given a number, and the
// moves between them, made as they are first needed (a lazy subset
// construction): "Last week", "last week" and "last Week" part at a letter
// whose cases lead to the same states, and then share every move after it,
// each a look-up rather than an NFA step (thousands of instructions from
// the large sets near the start).
class SpanWalker {
 public:
  explicit SpanWalker(const Nfa& nfa) : nfa_(nfa) {
    Number({});             // 0: no states, where a dead end leads
    Number({nfa.start()});  // 1: the start
  }
  static constexpr int kStart = 1;

  const std::vector<int>& states(int set) const { return sets_[set]; }

  // The set after byte `c` read from `set`; `word_before` says whether the
  // byte before `c` is a word byte.
  int Next(int set, bool word_before, unsigned char c) {
    if (set == 0) return 0;
    // (Never 0, the empty slot's key: `set` is not.)
    const std::uint64_t key = static_cast<std::uint64_t>(set) << 9 |
                              static_cast<std::uint64_t>(word_before) << 8 | c;
    std::size_t i = (key * 0x9E3779B97F4A7C15ull) >> 40 & mask_;
    while (moves_[i].key != 0) {
      if (moves_[i].key == key) return moves_[i].to;
      i = (i + 1) & mask_;
    }
    const int to = Number(After(nfa_, sets_[set], word_before, c));
    moves_[i] = {key, to};
    if (2 * ++move_count_ > moves_.size()) Grow();
    return to;
  }

  // The set after `span`, read from a word start.
  int Read(std::string_view span) {
    int set = kStart;
    for (std::size_t k = 0; k < span.size() && set != 0; ++k) {
      const bool word_before =
          k > 0 && IsWordByte(static_cast<unsigned char>(span[k - 1]));
      set = Next(set, word_before, static_cast<unsigned char>(span[k]));
    }
    return set;
  }

 private:
  struct Hash {
    std::size_t operator()(const std::vector<int>& v) const {
      std::uint64_t h = v.size();
      for (int s : v) {
        h = (h ^ static_cast<std::uint32_t>(s)) * 0x100000001B3ull;
      }
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  // The moves, open addressing over a power-of-two array at most half
  // full (the walk asks for a move a hundred thousand times, for a few
  // thousand distinct ones: a look-up must cost little).
  struct Move {
    std::uint64_t key = 0;
    int to = 0;
  };
  void Grow() {
    std::vector<Move> old = std::move(moves_);
    moves_.assign(2 * old.size(), Move{});
    mask_ = moves_.size() - 1;
    for (const Move& m : old) {
      if (m.key == 0) continue;
      std::size_t i = (m.key * 0x9E3779B97F4A7C15ull) >> 40 & mask_;
      while (moves_[i].key != 0) i = (i + 1) & mask_;
      moves_[i] = m;
    }
  }
  int Number(std::vector<int> states) {
    auto [it, added] =
        numbers_.try_emplace(std::move(states), static_cast<int>(sets_.size()));
    if (added) sets_.push_back(it->first);
    return it->second;
  }

  const Nfa& nfa_;
  std::vector<std::vector<int>> sets_;  // [number]
  std::unordered_map<std::vector<int>, int, Hash> numbers_;
  std::vector<Move> moves_ = std::vector<Move>(1 << 12);
  std::size_t mask_ = (1 << 12) - 1, move_count_ = 0;
};

// Calls `on_span(index, set, word_before)` for each span of `spans`
// (beginning with a word byte) that a match can begin with, `set` being the
// walker's number for the states after it (before their empty moves) and
// `word_before` whether its last byte is a word byte.
template <typename OnSpan>
void WalkSpans(SpanWalker* walker, const std::vector<std::string_view>& spans,
               OnSpan on_span) {
  for (std::size_t index = 0; index < spans.size(); ++index) {
    const std::string_view span = spans[index];
    if (span.empty() || !IsWordByte(static_cast<unsigned char>(span[0]))) {
      continue;
    }
    const int set = walker->Read(span);
    if (set == 0) continue;
    on_span(index, set, IsWordByte(static_cast<unsigned char>(span.back())));
  }
}

}  // namespace

std::vector<std::optional<TimexTail>> TimexFirstWords::TailsOf(
    const std::vector<std::string_view>& spans) const {
  std::vector<std::optional<TimexTail>> out(spans.size());
  if (!bounded_ || !analysis_) return out;
  const Nfa& nfa = analysis_->nfa;
  // Many spans end in the same states ("two days", "three days").
  std::map<std::pair<int, bool>, TimexTail> tails;
  SpanWalker walker(nfa);
  WalkSpans(&walker, spans, [&](std::size_t index, int set, bool word_before) {
    auto known = tails.find({set, word_before});
    if (known == tails.end()) {
      known = tails
                  .emplace(std::pair(set, word_before),
                           TailAfter(nfa, walker.states(set), word_before))
                  .first;
    }
    out[index] = known->second;
  });
  return out;
}

std::vector<int> TimexFirstWords::MarkedMatches(
    const std::vector<std::string_view>& spans, char marker, int max_markers,
    std::vector<std::shared_ptr<const TimexTail>>* tails) const {
  if (tails) tails->assign(spans.size(), nullptr);
  if (!analysis_) return {};
  const Nfa& nfa = analysis_->nfa;
  const auto byte = static_cast<unsigned char>(marker);
  std::vector<int> out(spans.size(), 0);
  // Many spans end in the same states ("two days", "three days").
  struct End {
    int markers = 0;
    std::shared_ptr<const TimexTail> tail;
  };
  std::map<std::pair<int, bool>, End> known;
  SpanWalker walker(nfa);
  WalkSpans(&walker, spans, [&](std::size_t index, int end, bool word_before) {
    auto [it, added] = known.try_emplace({end, word_before});
    End& e = it->second;
    if (added) {
      int set = end;
      for (int n = 1; n <= max_markers && set != 0; ++n) {
        set = walker.Next(set, n == 1 && word_before, byte);
        // (The marker is no word byte, nor what comes after.)
        if (HasMatch(nfa, nfa.Closure(walker.states(set), false, false))) {
          e.markers = n;
        }
      }
      if (tails && bounded_) {
        if (std::optional<TimexTail> tail =
                TailAfter(nfa, walker.states(end), word_before)) {
          e.tail = std::make_shared<const TimexTail>(*tail);
        }
      }
    }
    out[index] = e.markers;
    if (tails) (*tails)[index] = e.tail;
  });
  return out;
}

bool TimexTailStops(const TimexTail& tail, std::string_view text,
                    std::size_t end, std::size_t limit) {
  limit = std::min(limit, text.size());
  if (end >= limit) return true;
  // The first byte after spaces that start at `i`, read from `spaces`:
  // whether it cannot be read (or none is left before the limit).
  auto after_spaces = [&](std::size_t i, const std::bitset<256>& readable) {
    while (i < limit && IsTimexSpace(text[i])) ++i;
    return i >= limit || !readable[static_cast<unsigned char>(text[i])];
  };
  const char c = text[end];
  if (IsWordByte(static_cast<unsigned char>(c))) return false;  // not judged
  if (IsTimexSpace(c)) {
    return tail.spaces_end_nothing && after_spaces(end, tail.after_spaces);
  }
  if (!tail.next[static_cast<unsigned char>(c)]) return true;
  for (std::size_t m = 0; m < tail.mark_count; ++m) {
    const TimexTail::Mark& mark = tail.marks[m];
    if (mark.byte != c) continue;
    if (!mark.ends_nothing) return false;
    const std::size_t i = end + 1;
    if (i >= limit) return true;
    if (IsTimexSpace(text[i])) return after_spaces(i, mark.after_spaces);
    return !mark.next[static_cast<unsigned char>(text[i])];
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> TimexFirstWords::WordPairs()
    const {
  std::vector<std::pair<std::string, std::string>> out;
  // Below each first word's space node, as Words() walks the root.
  auto walk = [this, &out](const std::string& first, std::uint32_t space) {
    std::vector<std::pair<std::uint32_t, std::string>> stack = {{space, ""}};
    while (!stack.empty()) {
      auto [node, word] = std::move(stack.back());
      stack.pop_back();
      if (word_end_[node]) out.emplace_back(first, word);
      for (int c = 25; c >= 0; --c) {
        std::uint32_t next = next_[node * kSymbols + c];
        if (next != 0) {
          stack.push_back({next, word + static_cast<char>('a' + c)});
        }
      }
    }
  };
  for (const std::string& first : Words()) {
    const std::uint32_t node = Walk(0, first);
    const std::uint32_t space = next_[node * kSymbols + kSpace];
    if (space != 0 && !any_second_[node]) walk(first, space);
  }
  return out;
}

std::vector<std::string> TimexFirstWords::Words() const {
  std::vector<std::string> out;
  // Depth first from the root, letters in order: sorted.
  std::vector<std::pair<std::uint32_t, std::string>> stack = {{0, ""}};
  while (!stack.empty()) {
    auto [node, word] = std::move(stack.back());
    stack.pop_back();
    if (word_end_[node]) out.push_back(word);
    for (int c = 25; c >= 0; --c) {
      std::uint32_t next = next_[node * kSymbols + c];
      if (next != 0) stack.push_back({next, word + static_cast<char>('a' + c)});
    }
  }
  return out;
}

}  // namespace entente
