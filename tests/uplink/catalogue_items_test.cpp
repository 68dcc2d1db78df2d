// Tests of the request categories and communities read from their catalogue documents.
#include "catalogue_document.hpp"
#include "catalogue_items.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace hk;
using namespace hk::uplink;
using nlohmann::json;

namespace {

std::string document(const char* name, const json& items)
{
    return json{{"name", name}, {"version", "1"}, {"items", items}}.dump();
}

json names(const char* zh, const char* en = nullptr)
{
    json n = {{"zh-Hans", zh}};
    if (en)
        n["en"] = en;
    return n;
}

json child(const char* id, int hours, json phrases = json::array())
{
    return {{"id", id}, {"name", names("路灯故障", "Street lights")}, {"response_hours", hours}, {"phrases", phrases}};
}

std::string sample(const char* file)
{
    std::ifstream in(std::string(HK_SOURCE_DIR) + "/config/central-sample/" + file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("categories are read in two levels with response times and quick phrases")
{
    const json phrases = json::array({{{"id", "p.out"}, {"text", names("路灯不亮", "The street light is out")}}});
    const auto read = read_categories(
        document("categories", json::array({{{"id", "traffic"},
                                             {"name", names("交通出行", "Traffic")},
                                             {"response_hours", 72},
                                             {"children", json::array({child("traffic.light", 24, phrases)})}}})));
    REQUIRE(std::holds_alternative<ReadItems<CategoryGroup>>(read));
    const auto& r = std::get<ReadItems<CategoryGroup>>(read);
    CHECK(r.left_out == 0);
    REQUIRE(r.items.size() == 1);
    const CategoryGroup& g = r.items[0];
    CHECK(g.id == "traffic");
    CHECK(g.name.in(Lang::en) == "Traffic");
    CHECK(g.name.in(Lang::zh_Hant) == "交通出行"); // no zh-Hant: the zh-Hans text
    REQUIRE(g.children.size() == 1);
    CHECK(g.children[0].response_hours == 24);
    REQUIRE(g.children[0].phrases.size() == 1);
    CHECK(g.children[0].phrases[0].text.in(Lang::en) == "The street light is out");
    CHECK(find_category(r.items, "traffic.light") == &g.children[0]);
    CHECK(find_category(r.items, "traffic") == nullptr); // a group is not a category to file under
}

TEST_CASE("a bad child is left out and counted, and a group left without children goes too")
{
    const json items = json::array({
        {{"id", "a"},
         {"name", names("甲")},
         {"response_hours", 72},
         {"children", json::array({child("a.1", 24), child("a.2", 0), child("a 3", 24), child("a.1", 24)})}},
        {{"id", "b"}, {"name", names("乙")}, {"response_hours", 72}, {"children", json::array({child("b.1", 9000)})}},
        {{"id", "c"}, {"name", {{"en", "no Chinese name"}}}, {"response_hours", 72}, {"children", json::array()}},
        {{"id", "d"},
         {"name", names("丁")},
         {"response_hours", 72},
         {"children", json::array({child("d.1", 24, json::array({{{"id", "d.p"}, {"text", 5}}}))})}},
    });
    const auto read = read_categories(document("categories", items));
    REQUIRE(std::holds_alternative<ReadItems<CategoryGroup>>(read));
    const auto& r = std::get<ReadItems<CategoryGroup>>(read);
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].children.size() == 1);
    // a.2 (0 h), "a 3" (a space), the second a.1, b.1 (over a year) and group b, group c, d.1 (a
    // phrase that is not text) and group d
    CHECK(r.left_out == 8);
}

TEST_CASE("communities are read with their grids, and a document without items is refused")
{
    const auto read = read_communities(document(
        "communities",
        json::array({{{"id", "C-1"},
                      {"name", names("莲花社区", "Lianhua")},
                      {"grids", json::array({{{"id", "G-1"}, {"name", names("第一网格")}}})}},
                     {{"id", "C-2"}, {"name", names("景田社区")}},
                     {{"id", "C-3"}, {"name", names("福中社区")}, {"grids", json::array({{{"id", "G-1"}}})}}})));
    REQUIRE(std::holds_alternative<ReadItems<Community>>(read));
    const auto& r = std::get<ReadItems<Community>>(read);
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].grids.size() == 1);
    CHECK(r.items[1].grids.empty());
    CHECK(r.left_out == 1);
    CHECK(std::holds_alternative<ParseError>(read_communities(R"({"name":"communities","version":"1"})")));
    CHECK(std::holds_alternative<ParseError>(read_communities("[]")));
}

TEST_CASE("the sample catalogues read whole")
{
    const auto wrap = [](const char* name, const std::string& items) {
        return std::string(R"({"name":")") + name + R"(","version":"1","items":)" + items + "}";
    };
    const auto categories = read_categories(wrap("categories", sample("categories.json")));
    REQUIRE(std::holds_alternative<ReadItems<CategoryGroup>>(categories));
    CHECK(std::get<ReadItems<CategoryGroup>>(categories).left_out == 0);
    CHECK(std::get<ReadItems<CategoryGroup>>(categories).items.size() >= 13);
    // The keys sample reads too: the catalogue reader checks every key it carries.
    CHECK(std::holds_alternative<CatalogueDocument>(parse_catalogue(wrap("keys", sample("keys.json")), "keys")));
    const auto communities = read_communities(wrap("communities", sample("communities.json")));
    REQUIRE(std::holds_alternative<ReadItems<Community>>(communities));
    CHECK(std::get<ReadItems<Community>>(communities).left_out == 0);
}
