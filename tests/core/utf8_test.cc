#include "core/utf8.h"

#include <doctest/doctest.h>

namespace entente {
namespace {

TEST_CASE("finds the first invalid UTF-8 byte") {
  CHECK_FALSE(FindInvalidUtf8("plain ASCII").has_value());
  CHECK_FALSE(FindInvalidUtf8("Vu\xC4\x8Di\xC4\x87 \xE2\x80\x94 \xF0\x9F\x8C\x8D").has_value());
  CHECK(FindInvalidUtf8("Pr\xE9sident").value() == 2);      // Latin-1 byte
  CHECK(FindInvalidUtf8("ab\xC0\xAF").value() == 2);         // overlong '/'
  CHECK(FindInvalidUtf8("x\xED\xA0\x80").value() == 1);      // surrogate
  CHECK(FindInvalidUtf8("cut \xE2\x80").value() == 4);       // truncated
}

TEST_CASE("converts byte offsets to code points across long texts") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "\xC3\xA9t\xC3\xA9 ";  // "été "
  CodePointIndex index(text);
  CHECK(index.ToCodePoint(0) == 0);
  CHECK(index.ToCodePoint(6) == 4);
  CHECK(index.ToCodePoint(6 * 200) == 4 * 200);
  CHECK(index.ToCodePoint(text.size()) == CountCodePoints(text));
}

TEST_CASE("folds case, accents and typographic apostrophes for matching") {
  CHECK(FoldWord("Vu\xC4\x8Di\xC4\x87") == "vucic");
  CHECK(FoldWord("Erdo\xC4\x9F" "an") == "erdogan");
  CHECK(FoldWord("\xC3\x87" "avu\xC5\x9F" "o\xC4\x9Flu") == "cavusoglu");
  CHECK(FoldWord("C\xC3\xB4te") == "cote");
  CHECK(FoldWord("d\xE2\x80\x99Ivoire") == "d'ivoire");
  CHECK(FoldWord("Stra\xC3\x9F" "e") == "strasse");
  CHECK(FoldWord("\xC5\x81\xC3\xB3" "d\xC5\xBA") == "lodz");
}

}  // namespace
}  // namespace entente
