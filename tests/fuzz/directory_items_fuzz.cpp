// Fuzz target for reading the service directory, the volunteer teams and the traffic safety
// pages (kiosk/uplink/directory_items.cpp), and the staff catalogue (staff_items.cpp): never a
// crash, and everything taken is within the bounds the protocol sets (ids once, phones of their
// characters, one team per grid, paragraphs, PIN hashes that read back the same).
//
// Input: the first byte picks the reader (modulo 4); the rest is the document.
#include "directory_items.hpp"
#include "fuzz_expect.hpp"
#include "staff_items.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>
#include <utility>

using namespace hk;
using namespace hk::uplink;
using hk::fuzz::expect;

namespace {

bool good_phone(const std::string& phone)
{
    if (phone.empty() || phone.size() > kMaxPhoneChars)
        return false;
    for (char c : phone)
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' '))
            return false;
    return true;
}

void expect_directory(const ReadItems<DirectoryService>& read)
{
    std::set<std::string> seen;
    for (const DirectoryService& s : read.items) {
        expect(seen.insert(s.id).second, "a service id taken twice");
        expect(good_phone(s.phone), "a phone the protocol does not allow");
        expect(sector_from_name(sector_name(s.sector)) == s.sector, "a sector without its name");
        std::set<std::string> communities(s.communities.begin(), s.communities.end());
        expect(communities.size() == s.communities.size(), "a community served twice");
    }
}

void expect_teams(const ReadItems<VolunteerTeam>& read)
{
    std::set<std::string> seen;
    std::set<std::pair<std::string, std::string>> grids;
    for (const VolunteerTeam& t : read.items) {
        expect(seen.insert(t.id).second, "a team id taken twice");
        expect(grids.emplace(t.community, t.grid).second, "two teams for one grid");
        expect(t.members >= 1 && t.members <= 999, "members out of range");
        expect(!t.leader.empty() && t.leader.size() <= kMaxLeaderBytes, "a leader's name out of bounds");
        expect(good_phone(t.phone), "a phone the protocol does not allow");
        expect(find_team(read.items, t.community, t.grid) == &t, "a team not found by its grid");
    }
}

void expect_pages(const ReadItems<SafetyPage>& read)
{
    std::set<std::string> seen;
    for (const SafetyPage& p : read.items) {
        expect(seen.insert(p.id).second, "a page id taken twice");
        expect(!p.paragraphs.empty() && p.paragraphs.size() <= kMaxSafetyParagraphs, "paragraphs out of bounds");
        for (const LocalText& t : p.paragraphs)
            for (const std::string& s : t.text)
                expect(s.size() <= kMaxParagraphBytes, "a paragraph too long");
    }
}

void expect_staff(const ReadItems<StaffPin>& read)
{
    std::set<std::string> seen;
    for (const StaffPin& s : read.items) {
        expect(seen.insert(s.id).second, "a staff id taken twice");
        expect(!s.hall.empty() && s.hall.size() <= 64, "a hall out of bounds");
        const auto again = codes::PinHash::parse(s.pin.text());
        expect(again.has_value() && again->text() == s.pin.text(), "a PIN hash that does not read back");
        expect(find_staff(read.items, s.id, s.hall) == &s, "a staff member not found at their hall");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 4) {
    case 0:
        if (auto r = read_directory(text); std::holds_alternative<ReadItems<DirectoryService>>(r))
            expect_directory(std::get<ReadItems<DirectoryService>>(r));
        break;
    case 1:
        if (auto r = read_teams(text); std::holds_alternative<ReadItems<VolunteerTeam>>(r))
            expect_teams(std::get<ReadItems<VolunteerTeam>>(r));
        break;
    case 2:
        if (auto r = read_traffic_safety(text); std::holds_alternative<ReadItems<SafetyPage>>(r))
            expect_pages(std::get<ReadItems<SafetyPage>>(r));
        break;
    default:
        if (auto r = read_staff(text); std::holds_alternative<ReadItems<StaffPin>>(r))
            expect_staff(std::get<ReadItems<StaffPin>>(r));
        break;
    }
    return 0;
}
