// Every message the code names exists, non-empty, in every language, with the same
// placeholders; and no catalogue carries keys the others lack.
#include "i18n.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace hk;
namespace fs = std::filesystem;

namespace {

// Every "key"_k literal in the program's sources.
std::set<std::string> keys_in_code()
{
    std::set<std::string> keys;
    const std::regex literal(R"re("([A-Za-z0-9_.\-]+)"_k)re");
    for (const char* dir : {"kiosk", "drivers"}) {
        const fs::path root = fs::path(HK_SOURCE_DIR) / dir;
        if (!fs::exists(root))
            continue;
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            const auto ext = e.path().extension();
            if (ext != ".cpp" && ext != ".hpp")
                continue;
            std::ifstream in(e.path());
            std::stringstream ss;
            ss << in.rdbuf();
            const std::string text = ss.str();
            for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it)
                keys.insert((*it)[1]);
        }
    }
    return keys;
}

std::set<std::string> placeholders(const std::string& s)
{
    std::set<std::string> out;
    const std::regex ph(R"(\{([a-z_]+)\})");
    for (std::sregex_iterator it(s.begin(), s.end(), ph), end; it != end; ++it)
        out.insert((*it)[1]);
    return out;
}

Translator shipped()
{
    auto tr = Translator::load(HK_SOURCE_DIR "/assets/i18n");
    REQUIRE_MESSAGE(tr, (tr ? "" : tr.error().message));
    return std::move(*tr);
}

} // namespace

TEST_CASE("every key used in code is translated in every language")
{
    const Translator tr = shipped();
    const auto keys = keys_in_code();
    REQUIRE(keys.size() > 40); // the scan found the code's keys
    for (const auto& key : keys)
        for (Lang lang : kAllLangs)
            CHECK_MESSAGE(tr.catalogue(lang).find(key) != nullptr,
                          "missing \"" << key << "\" in " << lang_tag(lang) << ".po");
}

TEST_CASE("the catalogues have the same keys and nothing the code does not use")
{
    const Translator tr = shipped();
    const auto used = keys_in_code();
    const auto& reference = tr.catalogue(Lang::zh_Hans).entries();
    for (Lang lang : kAllLangs) {
        const auto& entries = tr.catalogue(lang).entries();
        CHECK(entries.size() == reference.size());
        for (const auto& [key, text] : entries) {
            CHECK_MESSAGE(reference.contains(key), key << " is only in " << lang_tag(lang) << ".po");
            CHECK_MESSAGE(used.contains(key), key << " in " << lang_tag(lang) << ".po is used nowhere");
        }
    }
}

TEST_CASE("a message has the same placeholders in every language")
{
    const Translator tr = shipped();
    for (const auto& [key, text] : tr.catalogue(Lang::zh_Hans).entries()) {
        const auto expected = placeholders(text);
        for (Lang lang : {Lang::zh_Hant, Lang::en}) {
            const std::string* other = tr.catalogue(lang).find(key);
            if (other)
                CHECK_MESSAGE(placeholders(*other) == expected, key << " differs in " << lang_tag(lang));
        }
    }
}
