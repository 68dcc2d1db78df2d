// Every code a scanner or the camera delivers is routed here, on the frame loop: a booking pass,
// a staff badge, a queue ticket or a tracking code (hk::codes), or a refusal. One log line per
// scan, never with what was scanned in it, and what the resident is told about a code that cannot
// be used.
#pragma once

#include "router.hpp"
#include "scan_event.hpp"
#include "screens.hpp"
#include "trusted_keys.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace hk::app {

struct RoutedScan {
    codes::RoutedCode code;
    scanner::ScanEvent::Source source;
    std::chrono::nanoseconds latency{}; // from the scanner's last report to the routed code
};

// What the resident is told: nothing for a code the kiosk takes; for a refused code, the reason
// when its signature checked out (expired, not yet valid, another hall's, used), otherwise that
// it is not for this kiosk.
ui::ScanNotice notice_for(const codes::RoutedCode& code);

class ScanRouter {
public:
    using Clock = std::function<std::int64_t()>; // unix seconds

    ScanRouter(codes::TrustedKeys keys, std::string hall, std::unique_ptr<codes::ReplayGuard> guard,
               Clock clock = system_unix_time);

    // Routes `scan` and logs one line: its kind and source, never its content.
    RoutedScan route(const scanner::ScanEvent& scan);
    // Logs a scan that went wrong on the device (a code cut off): the resident is asked to scan again.
    static ui::ScanNotice problem(const scanner::ScanProblem& problem);

    codes::ReplayGuard& replay_guard() { return *guard_; }
    const codes::TrustedKeys& keys() const { return keys_; }
    // Replaces the trusted keys (a new "keys" catalogue); the used passes stay used.
    void set_keys(codes::TrustedKeys keys) { keys_ = std::move(keys); }

    static std::int64_t system_unix_time();

private:
    codes::TrustedKeys keys_;
    std::string hall_;
    std::unique_ptr<codes::ReplayGuard> guard_;
    Clock clock_;
};

// Adds the keys of a "keys" catalogue document (docs/protocol.md; checked for shape when it came)
// to `keys`: ES256 and EdDSA keys with their not_after; a key of another algorithm, or of a kid
// `keys` already holds (config's own come first), is left out with a log line. Returns how many
// were added.
std::size_t add_catalogue_keys(codes::TrustedKeys& keys, std::string_view catalogue_body);

} // namespace hk::app
