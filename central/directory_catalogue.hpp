// The service directory's catalogues (docs/protocol.md, "Service directory"): the services of
// the service alliance, each grid's volunteer team and the traffic safety pages, each item read
// strictly: every member of its form, exactly the members the protocol names, and the communities
// and grids it names in the communities catalogue. A refusal names the item and the member
// ("team T-0412-07: grid: not a grid of C-0412"). Pure.
#pragma once

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hk::central {

// The sectors of the service alliance, in the order the kiosk shows them.
inline constexpr std::array<std::string_view, 8> kDirectorySectors = {
    "government", "legal", "education", "health", "culture_sports", "social", "talent", "public_welfare"};
inline constexpr std::size_t kMaxPhoneChars = 20;
inline constexpr std::size_t kMaxLeaderChars = 32;
inline constexpr std::size_t kMaxSafetyParagraphs = 12;
inline constexpr std::size_t kMaxSafetyParagraphChars = 400;

struct DirectoryService {
    std::string id;
    std::string sector;
    std::vector<std::string> communities; // empty: it serves every community
};

struct Team {
    std::string id;
    std::string community;
    std::string grid;
};

struct SafetyPage {
    std::string id;
    std::size_t paragraphs = 0;
};

using DirectoryServices = std::map<std::string, DirectoryService, std::less<>>;
using Teams = std::map<std::string, Team, std::less<>>;
using SafetyPages = std::map<std::string, SafetyPage, std::less<>>;

// `has_community` says whether a community is in the catalogue, `has_grid` whether a grid is
// one of that community's.
[[nodiscard]] Result<DirectoryServices> read_directory(const nlohmann::json& items,
                                                       const std::function<bool(std::string_view)>& has_community);
[[nodiscard]] Result<Teams> read_teams(const nlohmann::json& items,
                                       const std::function<bool(std::string_view)>& has_community,
                                       const std::function<bool(std::string_view, std::string_view)>& has_grid);
[[nodiscard]] Result<SafetyPages> read_traffic_safety(const nlohmann::json& items);

} // namespace hk::central
