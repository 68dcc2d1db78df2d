// The resident's script: Simplified by OpenCC's t2s, Traditional in Taiwan's standard forms.
#include "script.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::ime;

namespace {

const ScriptConverter& converter()
{
    static const ScriptConverter c = [] {
        auto loaded = ScriptConverter::load();
        REQUIRE_MESSAGE(loaded.has_value(), (loaded ? std::string() : loaded.error().message));
        return std::move(*loaded);
    }();
    return c;
}

} // namespace

TEST_CASE("the script follows the UI language, Simplified unless it is Traditional Chinese")
{
    CHECK(script_for(Lang::zh_Hans) == Script::simplified);
    CHECK(script_for(Lang::zh_Hant) == Script::traditional);
    CHECK(script_for(Lang::en) == Script::simplified);
}

TEST_CASE("Rime's Traditional words come out Simplified")
{
    CHECK(converter().convert("電梯壞了", Script::simplified) == "电梯坏了");
    CHECK(converter().convert("物業", Script::simplified) == "物业");
    CHECK(converter().convert("路燈", Script::simplified) == "路灯");
    // Several Traditional forms fold into one Simplified character.
    CHECK(converter().convert("發", Script::simplified) == "发");
    CHECK(converter().convert("髮", Script::simplified) == "发");
    CHECK(converter().convert("裏", Script::simplified) == "里");
    CHECK(converter().convert("裡", Script::simplified) == "里");
}

TEST_CASE("Traditional output uses the Taiwan standard forms the kiosk's zh-Hant text uses")
{
    CHECK(converter().convert("爲", Script::traditional) == "為");
    CHECK(converter().convert("裏", Script::traditional) == "裡");
    CHECK(converter().convert("衆", Script::traditional) == "眾");
    // Words already in those forms are left alone, and nothing is simplified.
    CHECK(converter().convert("電梯壞了", Script::traditional) == "電梯壞了");
    CHECK(converter().convert("發髮", Script::traditional) == "發髮");
}

TEST_CASE("letters, digits and spaces of a preedit pass through either way")
{
    CHECK(converter().convert("電梯huai le 3", Script::simplified) == "电梯huai le 3");
    CHECK(converter().convert("電梯huai le 3", Script::traditional) == "電梯huai le 3");
    CHECK(converter().convert("", Script::simplified).empty());
}
