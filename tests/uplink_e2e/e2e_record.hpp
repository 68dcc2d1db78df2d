// What the uplink's end-to-end test and its kiosk program agree on: the record a kiosk run
// submits as its n-th (its type and body follow from the run and n alone, so that the test can
// tell what every record stored at the central side must hold), and the line the kiosk prints
// once a submission returned.
#pragma once

#include "tracking_code.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hk::e2e {

inline std::string record_type(int n)
{
    static constexpr const char* kTypes[] = {"request", "booking", "audit"};
    return kTypes[n % 3];
}

// A body different for every (run, n), of a kind the central side takes (docs/protocol.md).
// Requests: a tracking number of their own (the run picks the date, n the sequence), a category of
// the sample catalogue, and for every other one a named resident with the personal fields. Staff
// audit events: the run and n in their detail.
inline nlohmann::json record_body(int run, int n)
{
    const int k = run * 100000 + n;
    const std::string text = "第 " + std::to_string(run) + " 轮第 " + std::to_string(n) + " 条：楼道灯坏了，晚上很黑。";
    if (record_type(n) == "audit")
        return {{"hall", "hall-1"}, {"staff", "S0042"},
                {"role", "staff"},  {"action", "page"},
                {"result", "ok"},   {"detail", "run " + std::to_string(run) + " n " + std::to_string(n)}};
    if (record_type(n) != "request")
        return {{"run", run}, {"n", n}, {"text", text}};
    const codes::TrackingDate date{2026 + run / 336, 1 + (run / 28) % 12, 1 + run % 28};
    nlohmann::json body = {{"tracking", codes::make_tracking_number(date, static_cast<std::uint32_t>(n)).value()},
                           {"check", std::to_string(100000 + k % 900000)},
                           {"hall", "hall-1"},
                           {"category", "property.repairs"},
                           {"place", {{"kind", "hall"}}},
                           {"description", text},
                           {"lang", "zh-Hans"},
                           {"filed_at", "2026-03-01T08:30:00Z"},
                           {"reporter", {{"kind", "anonymous"}}}};
    if (n % 2 == 0) {
        body["reporter"] = {{"kind", "named"},
                            {"name", "测试居民" + std::to_string(k % 97)},
                            {"id_number", "11010519491231002X"},
                            {"phone", "138" + std::to_string(10000000 + k % 90000000)}};
        body["consent"] = {{"version", "2026-12"}, {"at", "2026-03-01T08:30:00Z"}};
    }
    return body;
}

// The run and n a body of record_body() was made for: its own members, an audit event's detail, or
// a request's tracking number (the date gives the run, the sequence n).
inline std::pair<int, int> run_and_n(const nlohmann::json& body)
{
    if (body.contains("detail")) {
        int run = -1;
        int n = -1;
        const std::string detail = body.value("detail", "");
        if (std::sscanf(detail.c_str(), "run %d n %d", &run, &n) != 2)
            return {-1, -1};
        return {run, n};
    }
    if (!body.contains("tracking"))
        return {body.value("run", -1), body.value("n", -1)};
    const std::string t = body.value("tracking", "");
    if (t.size() != 14)
        return {-1, -1};
    const int year = 2000 + std::stoi(t.substr(0, 2));
    const int month = std::stoi(t.substr(2, 2));
    const int day = std::stoi(t.substr(4, 2));
    return {(year - 2026) * 336 + (month - 1) * 28 + (day - 1), std::stoi(t.substr(6, 7))};
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
