// Tests of .po parsing and message look-up.
#include "i18n.hpp"

#include <doctest/doctest.h>

using namespace hk;

TEST_CASE("a catalogue maps message ids to their translations")
{
    auto cat = Catalogue::parse(R"(# comment
msgid ""
msgstr "Language: en\n"

msgid "nav.back"
msgstr "Back"
)");
    REQUIRE(cat);
    REQUIRE(cat->find("nav.back"));
    CHECK(*cat->find("nav.back") == "Back");
    CHECK(cat->entries().size() == 1); // the header entry is not a message
}

TEST_CASE("continued strings are joined and escapes decoded")
{
    auto cat = Catalogue::parse("msgid \"a\"\nmsgstr \"one \"\n\"two\\n\\\"three\\\"\"\n");
    REQUIRE(cat);
    CHECK(*cat->find("a") == "one two\n\"three\"");
}

TEST_CASE("an empty translation counts as missing")
{
    auto cat = Catalogue::parse("msgid \"a\"\nmsgstr \"\"\n");
    REQUIRE(cat);
    CHECK(cat->find("a") == nullptr);
}

TEST_CASE("malformed catalogues are rejected with the line of the fault")
{
    auto dup = Catalogue::parse("msgid \"a\"\nmsgstr \"x\"\nmsgid \"a\"\nmsgstr \"y\"\n");
    REQUIRE_FALSE(dup);
    CHECK(dup.error().line == 3);

    auto unquoted = Catalogue::parse("msgid \"a\"\nmsgstr x\n");
    REQUIRE_FALSE(unquoted);
    CHECK(unquoted.error().line == 2);

    auto orphan = Catalogue::parse("msgstr \"x\"\n");
    REQUIRE_FALSE(orphan);
    CHECK(orphan.error().line == 1);

    auto no_str = Catalogue::parse("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"y\"\n");
    REQUIRE_FALSE(no_str);
    CHECK(no_str.error().line == 1);

    auto bad_escape = Catalogue::parse("msgid \"a\"\nmsgstr \"\\q\"\n");
    REQUIRE_FALSE(bad_escape);
    CHECK(bad_escape.error().line == 2);
}

TEST_CASE("a message missing in one language falls back to Simplified Chinese, then to its key")
{
    std::array<Catalogue, 3> cats{*Catalogue::parse("msgid \"x\"\nmsgstr \"简\"\n"), Catalogue{},
                                  *Catalogue::parse("msgid \"x\"\nmsgstr \"en\"\n")};
    Translator tr = Translator::from(std::move(cats));
    tr.set_lang(Lang::en);
    CHECK(tr.tr("x"_k) == "en");
    tr.set_lang(Lang::zh_Hant);
    CHECK(tr.tr("x"_k) == "简");
    CHECK(tr.tr("y"_k) == "y");
}

TEST_CASE("placeholders are replaced by name and unknown ones are left alone")
{
    CHECK(substitute("{seconds} 秒后结束 {x}", {{"seconds", "20"}}) == "20 秒后结束 {x}");
    CHECK(substitute("{a}{b}{a}", {{"a", "1"}, {"b", "2"}}) == "121");
    CHECK(substitute("open { brace", {{"a", "1"}}) == "open { brace");
}

TEST_CASE("the shipped catalogues load and speak their own language")
{
    auto tr = Translator::load(HK_SOURCE_DIR "/assets/i18n");
    REQUIRE_MESSAGE(tr, (tr ? "" : tr.error().message));
    CHECK(tr->tr_in(Lang::zh_Hans, "lang.self"_k) == "简体");
    CHECK(tr->tr_in(Lang::zh_Hant, "lang.self"_k) == "繁體");
    CHECK(tr->tr_in(Lang::en, "lang.self"_k) == "English");
}
