// What the uplink's end-to-end test and its kiosk program agree on: the record a kiosk run
// submits as its n-th (its type and body follow from the run and n alone, so that the test can
// tell what every record stored at the central side must hold), and the line the kiosk prints
// once a submission returned.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace hk::e2e {

inline std::string record_type(int n)
{
    static constexpr const char* kTypes[] = {"request", "booking", "rating"};
    return kTypes[n % 3];
}

// A body with the personal fields a request carries, different for every (run, n).
inline nlohmann::json record_body(int run, int n)
{
    const int k = run * 100000 + n;
    return {{"run", run},
            {"n", n},
            {"name", "测试居民" + std::to_string(k % 97)},
            {"id_number", "44030419900101" + std::to_string(1000 + k % 9000)},
            {"phone", "138" + std::to_string(10000000 + k % 90000000)},
            {"text", "第 " + std::to_string(run) + " 轮第 " + std::to_string(n) + " 条：楼道灯坏了，晚上很黑。"}};
}

// "submitted ID SEQ RUN N": the kiosk was told the record is kept.
struct Submitted {
    std::string id;
    std::int64_t seq = 0;
    int run = 0;
    int n = 0;
};

inline std::string submitted_line(const Submitted& s)
{
    return "submitted " + s.id + " " + std::to_string(s.seq) + " " + std::to_string(s.run) + " " + std::to_string(s.n) +
           "\n";
}

inline std::optional<Submitted> parse_submitted(std::string_view line)
{
    char id[65] = {};
    long long seq = 0;
    int run = 0;
    int n = 0;
    const std::string text(line);
    if (std::sscanf(text.c_str(), "submitted %64s %lld %d %d", id, &seq, &run, &n) != 4)
        return std::nullopt;
    return Submitted{id, seq, run, n};
}

} // namespace hk::e2e
