// A resident's typing: pinyin to candidates for everyday words in both scripts, paging,
// backspace, choosing part of the pinyin, committing as typed, clearing.
#include "ime_fixture.hpp"

#include <set>
#include <span>

using namespace hk::ime;
using namespace hk::ime::test;

namespace {

struct Word {
    const char* pinyin;
    const char* text;
};

// Words of residents' requests: property, noise, leaks, lifts, parking, street lights, rubbish,
// neighbours, pensions, medical insurance, schools, works and fees.
constexpr Word kEverydayWords[] = {
    {"dianti", "电梯"},       {"ludeng", "路灯"},
    {"loushui", "漏水"},      {"zaoyin", "噪音"},
    {"zaosheng", "噪声"},     {"wuye", "物业"},
    {"wuyefei", "物业费"},    {"yezhu", "业主"},
    {"tingche", "停车"},      {"tingchechang", "停车场"},
    {"chewei", "车位"},       {"diandongche", "电动车"},
    {"laji", "垃圾"},         {"baojie", "保洁"},
    {"loudao", "楼道"},       {"loushang", "楼上"},
    {"shuiguan", "水管"},     {"duse", "堵塞"},
    {"xiashuidao", "下水道"}, {"jishui", "积水"},
    {"shenshui", "渗水"},     {"waiqiang", "外墙"},
    {"xiaoqu", "小区"},       {"shequ", "社区"},
    {"juweihui", "居委会"},   {"jiedao", "街道"},
    {"linju", "邻居"},        {"raomin", "扰民"},
    {"zhuangxiu", "装修"},    {"shigong", "施工"},
    {"banli", "办理"},        {"weixiu", "维修"},
    {"tousu", "投诉"},        {"tingdian", "停电"},
    {"tingshui", "停水"},     {"ranqi", "燃气"},
    {"nuanqi", "暖气"},       {"jinggai", "井盖"},
    {"zhandao", "占道"},      {"lvhua", "绿化"},
    {"xiaofang", "消防"},     {"tongdao", "通道"},
    {"weisheng", "卫生"},     {"menjin", "门禁"},
    {"yanglaojin", "养老金"}, {"laonianren", "老年人"},
    {"shebao", "社保"},       {"dibao", "低保"},
    {"yibao", "医保"},        {"yiliaobaoxian", "医疗保险"},
    {"canjiren", "残疾人"},   {"hukou", "户口"},
    {"xuexiao", "学校"},      {"ruxue", "入学"},
    {"youeryuan", "幼儿园"},  {"gongjiao", "公交"},
    {"shuifei", "水费"},
};

constexpr Word kTraditionalWords[] = {
    {"dianti", "電梯"},  {"ludeng", "路燈"},   {"loushui", "漏水"},    {"zaoyin", "噪音"},       {"wuye", "物業"},
    {"tingche", "停車"}, {"laji", "垃圾"},     {"loudao", "樓道"},     {"shuiguan", "水管"},     {"xiaoqu", "小區"},
    {"linju", "鄰居"},   {"banli", "辦理"},    {"weixiu", "維修"},     {"yanglaojin", "養老金"}, {"yibao", "醫保"},
    {"xuexiao", "學校"}, {"weisheng", "衛生"}, {"juweihui", "居委會"},
};

void check_on_first_page(Script script, std::span<const Word> words)
{
    auto engine = start_engine();
    Session s = open_session(*engine, script);
    for (const Word& w : words) {
        s.clear();
        type(s, w.pinyin);
        CHECK_MESSAGE(has(s.page().candidates, w.text), w.pinyin << " gives no " << w.text);
    }
}

} // namespace

TEST_CASE("everyday words of residents' requests are on the first page of their pinyin")
{
    check_on_first_page(Script::simplified, kEverydayWords);
}

TEST_CASE("a Traditional session offers the same words in Traditional")
{
    check_on_first_page(Script::traditional, kTraditionalWords);
}

TEST_CASE("a character with two Traditional forms is offered once, in the script's own form")
{
    auto engine = start_engine();
    struct Case {
        const char* pinyin;
        Script script;
        const char* offered;
        const char* not_offered;
    };
    const Case cases[] = {
        {"li", Script::simplified, "里", "裏"},    {"li", Script::traditional, "裡", "裏"},
        {"wei", Script::simplified, "为", "爲"},   {"wei", Script::traditional, "為", "爲"},
        {"zhong", Script::simplified, "众", "衆"}, {"zhong", Script::traditional, "眾", "衆"},
    };
    for (const Case& c : cases) {
        Session s = open_session(*engine, c.script);
        type(s, c.pinyin);
        const auto all = all_candidates(s);
        CHECK_MESSAGE(std::count(all.begin(), all.end(), c.offered) == 1, c.pinyin << ": " << c.offered);
        CHECK_MESSAGE(!has(all, c.not_offered), c.pinyin << ": " << c.not_offered);
    }
}

TEST_CASE("Traditional forms that fold into one Simplified character are offered once in Simplified")
{
    auto engine = start_engine();
    Session hans = open_session(*engine, Script::simplified);
    type(hans, "fa");
    const auto simplified = all_candidates(hans);
    CHECK(std::count(simplified.begin(), simplified.end(), "发") == 1);
    CHECK(std::set<std::string>(simplified.begin(), simplified.end()).size() == simplified.size());

    Session hant = open_session(*engine, Script::traditional);
    type(hant, "fa");
    const auto traditional = all_candidates(hant);
    CHECK(has(traditional, "發"));
    CHECK(has(traditional, "髮"));
}

TEST_CASE("pages go forward and back and end where the candidates end")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    type(s, "dian");
    const Page first = s.page();
    CHECK(first.number == 0);
    CHECK(first.candidates.size() == kPageSize);
    CHECK_FALSE(first.has_prev);
    REQUIRE(first.has_next);

    s.prev_page();
    CHECK(s.page().number == 0);
    s.next_page();
    const Page second = s.page();
    CHECK(second.number == 1);
    CHECK(second.has_prev);
    CHECK(second.preedit == first.preedit);
    for (const auto& c : second.candidates)
        CHECK_MESSAGE(!has(first.candidates, c), c << " is on both pages");

    s.prev_page();
    CHECK(s.page().number == 0);
    CHECK(s.page().candidates == first.candidates);

    std::size_t pages = 1;
    while (s.page().has_next && pages < 500) {
        s.next_page();
        ++pages;
    }
    REQUIRE_FALSE(s.page().has_next);
    const Page last = s.page();
    CHECK(last.number == pages - 1);
    CHECK_FALSE(last.candidates.empty());
    s.next_page();
    CHECK(s.page().number == last.number);
    CHECK(s.page().candidates == last.candidates);
}

TEST_CASE("a session can show more candidates to a page")
{
    auto engine = start_engine();
    Session s = open_session(*engine, Script::simplified, 8);
    type(s, "shi");
    CHECK(s.page().candidates.size() == 8);
    s.next_page();
    CHECK(s.page().candidates.size() == 8);
}

TEST_CASE("choosing a word for part of the pinyin leaves the rest in the preedit")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    type(s, "diantihuaile");
    CHECK(s.page().preedit == "dian ti huai le");
    CHECK(s.page().candidates.front() == "电梯坏了");

    choose(s, "电梯");
    CHECK(s.composing());
    CHECK(s.page().preedit == "电梯huai le");
    CHECK(s.page().candidates.front() == "坏了");
    CHECK(s.take_committed().empty());

    choose(s, "坏了");
    CHECK_FALSE(s.composing());
    CHECK(s.page().candidates.empty());
    CHECK(s.take_committed() == "电梯坏了");
    CHECK(s.take_committed().empty());
}

TEST_CASE("a word that covers all the pinyin is committed at once")
{
    auto engine = start_engine();
    Session s = open_session(*engine, Script::traditional);
    type(s, "wuye");
    choose(s, "物業");
    CHECK_FALSE(s.composing());
    CHECK(s.take_committed() == "物業");
}

TEST_CASE("backspace deletes the last letter and is refused when there is nothing to delete")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    CHECK_FALSE(s.backspace());

    type(s, "dianti");
    CHECK(s.backspace());
    CHECK(s.page().preedit == "dian t");
    // "dian t" is read as an abbreviation, so the word is still offered.
    CHECK(has(s.page().candidates, "电梯"));

    for (int i = 0; i < 5; ++i)
        CHECK(s.backspace());
    CHECK_FALSE(s.composing());
    CHECK(s.page().candidates.empty());
    CHECK_FALSE(s.backspace());
    CHECK(s.take_committed().empty());
}

TEST_CASE("backspace after choosing part of the pinyin takes the choice back, and letters still go at the end")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    type(s, "diantihuaile");
    choose(s, "电梯");
    REQUIRE(s.page().preedit == "电梯huai le");

    CHECK(s.backspace());
    CHECK(s.page().preedit == "dian ti huai le");
    CHECK(s.page().candidates.front() == "电梯坏了");

    type(s, "a");
    CHECK(s.page().preedit == "dian ti huai le a");
    CHECK(s.backspace());
    CHECK(s.backspace());
    CHECK(s.page().preedit == "dian ti huai l");
}

TEST_CASE("committing as typed gives the words chosen so far and the rest of the letters")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    type(s, "diantihuaile");
    s.commit_raw();
    CHECK_FALSE(s.composing());
    CHECK(s.take_committed() == "diantihuaile");

    type(s, "diantihuaile");
    choose(s, "电梯");
    s.commit_raw();
    CHECK(s.take_committed() == "电梯huaile");

    s.commit_raw();
    CHECK(s.take_committed().empty());
}

TEST_CASE("clearing drops the composition and commits nothing")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    type(s, "loushuiyanzhong");
    choose(s, "漏水");
    s.clear();
    CHECK_FALSE(s.composing());
    CHECK(s.page().preedit.empty());
    CHECK(s.page().candidates.empty());
    CHECK_FALSE(s.page().has_next);
    CHECK(s.take_committed().empty());

    type(s, "laji");
    CHECK(s.page().candidates.front() == "垃圾");
}

TEST_CASE("only the letters a to z are taken")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    for (char c : {'A', 'Z', '1', ' ', '\'', '\n', '-', '\0'}) {
        CHECK_FALSE(s.type(c));
        CHECK_FALSE(s.composing());
    }
    type(s, "ni");
    const Page before = s.page();
    CHECK_FALSE(s.type('3'));
    CHECK(s.page().preedit == before.preedit);
    CHECK(s.page().candidates == before.candidates);
}

TEST_CASE("choosing past the end of the page is refused")
{
    auto engine = start_engine();
    Session s = open_session(*engine);
    CHECK_FALSE(s.select(0));
    type(s, "ni");
    CHECK_FALSE(s.select(kPageSize));
    CHECK(s.composing());
    CHECK(s.take_committed().empty());
}

TEST_CASE("switching the script rewrites the page where it is, and what is committed after")
{
    auto engine = start_engine();
    Session hant = open_session(*engine, Script::traditional);
    type(hant, "diantihuai");
    choose(hant, "電梯");
    hant.next_page();
    const Page expected = hant.page();

    Session s = open_session(*engine);
    type(s, "diantihuai");
    choose(s, "电梯");
    CHECK(s.page().preedit == "电梯huai");
    s.next_page();
    s.set_script(Script::traditional);
    CHECK(s.script() == Script::traditional);
    CHECK(s.page().number == 1);
    CHECK(s.page().preedit == "電梯huai");
    CHECK(s.page().candidates == expected.candidates);

    s.prev_page();
    choose(s, "壞");
    CHECK(s.take_committed() == "電梯壞");

    s.set_script(Script::simplified);
    type(s, "xiaoqu");
    choose(s, "小区");
    CHECK(s.take_committed() == "小区");
}
