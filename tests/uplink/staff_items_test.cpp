// Tests of reading the staff catalogue: the sample reads whole and its demo staff's PINs match,
// an item that does not read is left out alone, and a badge's PIN is found for its own hall and
// for the district's staff only.
#include "staff_items.hpp"
#include "parsed_document.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <vector>

using namespace hk;
using namespace hk::uplink;
using nlohmann::json;
using hk::uplink::test::document;
using hk::uplink::test::ok;
using hk::uplink::test::sample_items;

TEST_CASE("the sample staff read whole, and the demo PINs match their staff")
{
    const auto r = ok(read_staff(document(sample_items("staff"))));
    CHECK(r.left_out == 0);
    REQUIRE(r.items.size() == 3);
    const StaffPin* staff = find_staff(r.items, "S0042", "demo-hall-001");
    const StaffPin* tech = find_staff(r.items, "T0007", "demo-hall-001");
    const StaffPin* admin = find_staff(r.items, "A0001", "demo-hall-001");
    REQUIRE(staff);
    REQUIRE(tech);
    REQUIRE(admin);
    CHECK(codes::pin_matches("246810", staff->pin));
    CHECK(codes::pin_matches("135790", tech->pin));
    CHECK(codes::pin_matches("975310", admin->pin));
    CHECK_FALSE(codes::pin_matches("246810", tech->pin));
    // Another hall's kiosk: its own staff only, and the district's.
    CHECK(find_staff(r.items, "S0042", "hall-elsewhere") == nullptr);
    CHECK(find_staff(r.items, "A0001", "hall-elsewhere") == admin);
    CHECK(find_staff(r.items, "S9999", "demo-hall-001") == nullptr);
}

TEST_CASE("a staff item without an id, a hall or a PIN hash that reads is left out alone, as is an id twice")
{
    const std::vector<std::function<void(json&)>> changes{
        [](json& o) { o.erase("id"); },
        [](json& o) { o["id"] = "S 0042"; },
        [](json& o) { o.erase("hall"); },
        [](json& o) { o["hall"] = ""; },
        [](json& o) { o["hall"] = std::string(65, 'h'); },
        [](json& o) { o.erase("pin"); },
        [](json& o) { o["pin"] = "246810"; }, // a PIN in the clear is refused
        [](json& o) { o["pin"] = "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA$" + std::string(43, 'A'); },
        [](json& o) { o["id"] = "T0007"; }, // the next item's id
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        CAPTURE(i);
        json items = sample_items("staff");
        changes[i](items[0]);
        const auto r = ok(read_staff(document(items)));
        CHECK(r.left_out == 1);
        CHECK(r.items.size() == 2);
    }
}
