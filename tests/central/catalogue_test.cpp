#include "catalogue.hpp"

#include "central_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::test::run;
using hk::uplink::test::ScratchDir;
using hk::uplink::test::write_file;

namespace {

void copy_sample(const std::filesystem::path& to)
{
    for (const auto name : kCatalogueNames) {
        const std::string file = std::string(name) + ".json";
        std::filesystem::copy_file(test::sample_catalogue() / file, to / file);
    }
}

} // namespace

TEST_CASE("each catalogue's version is the SHA-256 of its file, as sha256sum computes it")
{
    auto catalogue = Catalogue::load(test::sample_catalogue());
    REQUIRE(catalogue);
    for (const auto name : kCatalogueNames) {
        CAPTURE(name);
        const auto file = test::sample_catalogue() / (std::string(name) + ".json");
        const auto sum = run("sha256sum '" + file.string() + "'");
        REQUIRE(sum.status == 0);
        const CatalogueEntry* entry = catalogue->find(name);
        REQUIRE(entry);
        CHECK(entry->version == sum.output.substr(0, 64));
        CHECK(entry->etag == "\"" + entry->version + "\"");
        const auto body = nlohmann::json::parse(entry->body);
        CHECK(body["items"] == nlohmann::json::parse(std::ifstream(file)));
    }
    CHECK(catalogue->find("passwords") == nullptr);
}

TEST_CASE("the sample catalogue has every language and two levels of categories with response times")
{
    auto catalogue = Catalogue::load(test::sample_catalogue());
    REQUIRE(catalogue);
    const auto categories = nlohmann::json::parse(catalogue->find("categories")->body)["items"];
    CHECK(categories.size() == 13);
    for (const auto& c : categories) {
        CAPTURE(c["id"]);
        for (const char* lang : {"zh-Hans", "zh-Hant", "en"})
            CHECK(c["name"][lang].is_string());
        CHECK(c["response_hours"].is_number_integer());
        CHECK_FALSE(c["children"].empty());
        for (const auto& child : c["children"])
            CHECK(child["response_hours"].is_number_integer());
    }
}

TEST_CASE("a catalogue folder with a file missing or not a JSON array is refused, naming the file")
{
    ScratchDir dir;
    copy_sample(dir.path());
    SUBCASE("missing")
    {
        std::filesystem::remove(dir.path() / "venues.json");
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.find("venues.json") != std::string::npos);
    }
    SUBCASE("an object")
    {
        write_file(dir.path() / "keys.json", "{\"kid\":\"x\"}");
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.find("keys.json") != std::string::npos);
    }
    SUBCASE("not JSON")
    {
        write_file(dir.path() / "activities.json", "[{\"id\":");
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.find("activities.json") != std::string::npos);
    }
}
