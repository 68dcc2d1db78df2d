// Times in record bodies as seconds: RFC 3339 (section 5.6) with "Z" or a numeric offset, for
// the resident-side times a kiosk writes (filed_at, at) and the due time computed from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace hk::central {

// The Unix time of `text`, YYYY-MM-DDTHH:MM:SS, an optional fraction of 1 to 9 digits (dropped),
// then "Z" or +HH:MM / -HH:MM; upper-case T and Z only. Nothing for any other form or a field
// out of range (day within its month, second up to 60 for a leap second, offset below 24 h).
std::optional<std::int64_t> rfc3339_seconds(std::string_view text);

} // namespace hk::central
