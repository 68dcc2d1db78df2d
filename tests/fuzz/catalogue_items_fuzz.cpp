// Fuzz target for reading request categories and communities (kiosk/uplink/catalogue_items.cpp):
// never a crash; every item taken has a good id, a zh-Hans name within the limit, response
// times in range, at most kMaxPhrasesPerCategory phrases, and no id twice in one document.
//
// Input: the first byte's low bit picks the reader (categories, communities); the rest is the
// document.
#include "catalogue_items.hpp"
#include "fuzz_expect.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

using namespace hk;
using namespace hk::uplink;
using hk::fuzz::expect;

namespace {

void expect_text(const LocalText& t)
{
    expect(!t.in(Lang::zh_Hans).empty(), "an item without its zh-Hans text");
    for (Lang lang : kAllLangs)
        expect(t.in(lang).size() <= kMaxCatalogueTextBytes, "a text over the limit");
}

void expect_new(std::set<std::string>& seen, const std::string& id)
{
    expect(!id.empty() && id.size() <= 64, "an id out of bounds");
    expect(seen.insert(id).second, "an id taken twice");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    std::set<std::string> seen;
    if ((data[0] & 1) == 0) {
        const auto read = read_categories(text);
        if (std::holds_alternative<ParseError>(read))
            return 0;
        for (const CategoryGroup& g : std::get<ReadItems<CategoryGroup>>(read).items) {
            expect_new(seen, g.id);
            expect_text(g.name);
            expect(!g.children.empty(), "a group taken without children");
            for (const Category& c : g.children) {
                expect_new(seen, c.id);
                expect_text(c.name);
                expect(c.response_hours >= 1 && c.response_hours <= 8760, "a response time out of range");
                expect(c.phrases.size() <= kMaxPhrasesPerCategory, "too many phrases");
                for (const QuickPhrase& p : c.phrases) {
                    expect_new(seen, p.id);
                    expect_text(p.text);
                }
            }
        }
    } else {
        const auto read = read_communities(text);
        if (std::holds_alternative<ParseError>(read))
            return 0;
        for (const Community& c : std::get<ReadItems<Community>>(read).items) {
            expect_new(seen, c.id);
            expect_text(c.name);
            for (const Grid& g : c.grids) {
                expect_new(seen, g.id);
                expect_text(g.name);
            }
        }
    }
    return 0;
}
