// Time stamps for HTTP's Date header (RFC 7231 section 7.1.1.1, IMF-fixdate), which kiosks read
// to see how far their clock is off.
#pragma once

#include <cstdint>
#include <string>

namespace hk::central {

// "Sun, 06 Nov 1994 08:49:37 GMT" for `unix_seconds`; English names whatever the locale.
std::string http_date(std::int64_t unix_seconds);

} // namespace hk::central
