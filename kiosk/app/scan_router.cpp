// Routing scanned codes on the frame loop (see scan_router.hpp).
#include "scan_router.hpp"

#include "rfc3339.hpp"

#include <nlohmann/json.hpp>

#include <spdlog/spdlog.h>

namespace hk::app {

namespace {

template <class... F> struct Overloaded : F... {
    using F::operator()...;
};

// "the HID POS scanner", "the camera".
std::string device_name(scanner::ScanEvent::Source source)
{
    const std::string name(scanner::source_name(source));
    return source == scanner::ScanEvent::Source::camera ? "the " + name : "the " + name + " scanner";
}

double millis(std::chrono::nanoseconds d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

} // namespace

ui::ScanNotice notice_for(const codes::RoutedCode& code)
{
    const auto* r = std::get_if<codes::Rejected>(&code);
    if (!r)
        return ui::ScanNotice::none;
    switch (r->reason) {
    case codes::Reason::expired: return ui::ScanNotice::expired;
    case codes::Reason::not_yet_valid: return ui::ScanNotice::not_yet_valid;
    case codes::Reason::wrong_hall: return ui::ScanNotice::other_hall;
    case codes::Reason::already_used: return ui::ScanNotice::already_used;
    default: return ui::ScanNotice::not_for_kiosk;
    }
}

ScanRouter::ScanRouter(codes::TrustedKeys keys, std::string hall, std::unique_ptr<codes::ReplayGuard> guard,
                       Clock clock)
    : keys_(std::move(keys)), hall_(std::move(hall)), guard_(std::move(guard)), clock_(std::move(clock))
{
}

std::int64_t ScanRouter::system_unix_time()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

RoutedScan ScanRouter::route(const scanner::ScanEvent& scan, bool rating)
{
    codes::RouterContext ctx{keys_, hall_, clock_(), guard_.get()};
    ctx.rating = rating;
    RoutedScan out{codes::route(scan.data, ctx), scan.source, {}};
    out.latency = std::chrono::steady_clock::now() - scan.last_report_at;
    const std::string from = device_name(scan.source);
    const double ms = millis(out.latency);
    std::visit(Overloaded{[&](const codes::BookingPass& p) {
                              spdlog::info("scan: a booking pass ({}, key {}) from {}, routed in {:.2f} ms",
                                           p.once ? "single use" : "reusable", p.kid, from, ms);
                          },
                          [&](const codes::StaffBadge& b) {
                              spdlog::info("scan: a staff badge (role {}, key {}) from {}, routed in {:.2f} ms",
                                           codes::role_name(b.role), b.kid, from, ms);
                          },
                          [&](const codes::QueueTicket& t) {
                              spdlog::info("scan: a queue ticket (key {}) from {}, routed in {:.2f} ms", t.kid, from, ms);
                          },
                          [&](const codes::TrackingCode&) {
                              spdlog::info("scan: a request's tracking code from {}, routed in {:.2f} ms", from, ms);
                          },
                          [&](const codes::Rejected& r) { spdlog::warn("scan: {} from {}", r.log_line, from); }},
               out.code);
    return out;
}

ui::ScanNotice ScanRouter::problem(const scanner::ScanProblem& problem)
{
    spdlog::warn("scan: {} (from {}); the resident is asked to scan again", problem.what, device_name(problem.source));
    return ui::ScanNotice::scan_again;
}

std::size_t add_catalogue_keys(codes::TrustedKeys& keys, std::string_view catalogue_body)
{
    const auto json = nlohmann::json::parse(catalogue_body, nullptr, false);
    if (!json.is_object() || !json.contains("items") || !json["items"].is_array())
        return 0;
    std::size_t added = 0;
    for (const nlohmann::json& item : json["items"]) {
        if (!item.is_object())
            continue;
        const std::string kid = item.value("kid", "");
        const std::string alg_name = item.value("alg", "");
        const auto alg = codes::algorithm_from_name(alg_name);
        if (!alg) {
            spdlog::warn("scan: catalogue key {} is {}, which codes are not signed with; left out", kid, alg_name);
            continue;
        }
        if (const codes::TrustedKey* there = keys.find(kid)) {
            // The same key served back (demo mode's key, which the demo's central side trusts
            // too) is no conflict.
            if (!codes::same_public_key(there->key.get(), item.value("public_key", "")))
                spdlog::warn("scan: catalogue key {} has the kid of a key already trusted; left out", kid);
            continue;
        }
        std::optional<std::int64_t> not_after;
        if (item.contains("not_after") && item["not_after"].is_string())
            not_after = uplink::parse_rfc3339_utc(item["not_after"].get<std::string>());
        if (auto why = keys.add_pem(kid, *alg, item.value("public_key", ""), not_after))
            spdlog::error("scan: catalogue key {} not loaded: {}", kid, *why);
        else
            ++added;
    }
    return added;
}

} // namespace hk::app
