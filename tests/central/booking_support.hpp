// What the booking tests share: residents with valid ID numbers, request bodies, and a fixed
// "now" (Monday 1 March 2027, 10:00 in the hall) far from the sample catalogue's dates' expiry.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace hk::central::test {

inline constexpr std::int64_t kMonday10am = 1803866400; // 2027-03-01T10:00:00+08:00

// An 18-character ID number (area 110105) of someone born on `yyyymmdd`, with sequence `seq` (0
// to 999) and its GB 11643 check character.
inline std::string id_number_born(const std::string& yyyymmdd, int seq)
{
    char tail[8];
    std::snprintf(tail, sizeof tail, "%03d", (seq % 1000 + 1000) % 1000);
    std::string s = "110105" + yyyymmdd + tail;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        int weight = 1;
        for (std::size_t k = 0; k < 17 - i; ++k)
            weight = weight * 2 % 11;
        sum += (s[i] - '0') * weight;
    }
    const int check = (12 - sum % 11) % 11;
    return s + (check == 10 ? 'X' : static_cast<char>('0' + check));
}

inline std::string resident_id(int seq)
{
    return id_number_born("19900707", seq);
}

inline nlohmann::json resident(int seq)
{
    return {{"name", "王建国"}, {"id_number", resident_id(seq)}};
}

inline std::string hold_body(const std::string& venue, const std::string& start, int group, int who,
                             const std::string& hall = "demo-hall-001")
{
    return nlohmann::json{
        {"venue", venue}, {"start", start}, {"group_size", group}, {"resident", resident(who)}, {"hall", hall}}
        .dump();
}

inline std::string signup_body(const std::string& activity, const nlohmann::json& who)
{
    return nlohmann::json{{"activity", activity}, {"resident", who}}.dump();
}

inline std::string id_body(const std::string& id_number)
{
    return nlohmann::json{{"id_number", id_number}}.dump();
}

} // namespace hk::central::test
