// The HTTP Date header (RFC 7231 section 7.1.1.1), in its one form a server may send:
// IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT". Pure; the kiosk compares it with its own clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hk::uplink {

// Unix seconds of `text`, or nothing when it is not a valid IMF-fixdate (the obsolete RFC 850 and
// asctime forms included: a server "MUST generate" IMF-fixdate, and skew is only a warning).
std::optional<std::int64_t> parse_http_date(std::string_view text);

} // namespace hk::uplink
