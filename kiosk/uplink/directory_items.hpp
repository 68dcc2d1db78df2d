// The service directory's catalogues (docs/protocol.md, "Service directory") read into the
// kiosk's own types: the services of the service alliance, each grid's party-member volunteer
// team, and the traffic safety pages. As for the other catalogues, an item that does not read is
// left out and counted, and members the protocol does not name are left alone. Pure; fuzzed
// (tests/fuzz/directory_items_fuzz.cpp).
#pragma once

#include "catalogue_items.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

inline constexpr std::size_t kMaxPhoneChars = 20;
inline constexpr std::size_t kMaxLeaderBytes = 32 * 4; // 32 characters
inline constexpr std::size_t kMaxSafetyParagraphs = 12;
inline constexpr std::size_t kMaxParagraphBytes = 400 * 4; // 400 characters

// The eight sectors of the service alliance (服务联盟), in the order the kiosk shows them.
enum class Sector { government, legal, education, health, culture_sports, social, talent, public_welfare };
inline constexpr std::array<Sector, 8> kSectors = {Sector::government, Sector::legal,          Sector::education,
                                                   Sector::health,     Sector::culture_sports, Sector::social,
                                                   Sector::talent,     Sector::public_welfare};
std::optional<Sector> sector_from_name(std::string_view name);
std::string_view sector_name(Sector sector);

struct DirectoryService {
    std::string id;
    Sector sector = Sector::government;
    LocalText name;
    LocalText provider;
    LocalText where;
    LocalText hours;
    std::string phone;
    std::optional<LocalText> how;         // how to reach it
    std::vector<std::string> communities; // the communities it serves; empty: all
};

struct VolunteerTeam {
    std::string id;
    std::string community;
    std::string grid;
    LocalText name;
    std::string leader; // the team leader's public name
    std::string phone;
    int members = 1;
    LocalText where;
    LocalText hours;
    LocalText offers; // what the team helps with
};

struct SafetyPage {
    std::string id;
    LocalText title;
    LocalText summary;
    std::vector<LocalText> paragraphs; // 1 to kMaxSafetyParagraphs, in order
};

// The "directory" document's items.
Parsed<ReadItems<DirectoryService>> read_directory(std::string_view document);
// The "teams" document's items: a second team for a grid that has one is left out.
Parsed<ReadItems<VolunteerTeam>> read_teams(std::string_view document);
// The "traffic_safety" document's items, in catalogue order.
Parsed<ReadItems<SafetyPage>> read_traffic_safety(std::string_view document);

// The team of `grid` in `community`, or null.
const VolunteerTeam* find_team(const std::vector<VolunteerTeam>& teams, std::string_view community,
                               std::string_view grid);

} // namespace hk::uplink
