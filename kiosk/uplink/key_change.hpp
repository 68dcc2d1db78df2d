// Changing the kiosk's identity key without a moment in which it has none: a pending key and the
// district's certificate for it wait beside the current ones until the kiosk starts again, and
// are then moved into place, the old key kept (docs/records.md, "Changing the key").
#pragma once

#include "error.hpp"

#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace hk::uplink {

// Files in the identity folder beside key.pem and cert.pem.
inline constexpr std::string_view kNextKeyFile = "next-key.pem";   // the pending key, PKCS#8 PEM, 0600
inline constexpr std::string_view kNextCertFile = "next-cert.pem"; // the certificate for it, once installed
inline constexpr std::string_view kRetiredFolder = "retired";      // 0700: <kid>.pem, each key that signed before
// The kiosk's first key under a second name, made by its first key change: the store's data key
// stays derived from it, so that what the store sealed before the change can still be read.
inline constexpr std::string_view kFirstKeyFile = "first-key.pem";

inline constexpr int kEveryStep = std::numeric_limits<int>::max();

// Moves the pending key and its certificate in the identity folder `folder` into place when the
// certificate (next-cert.pem) is there and is for the pending key (next-key.pem), in this order,
// each step one file operation made durable (the folder fsynced) before the next:
//   1. retired/ made;  2. key.pem linked as retired/<kid>.pem;  3. key.pem linked as
//   first-key.pem unless there is one;  4. next-key.pem renamed over key.pem;  5. next-cert.pem
//   renamed over cert.pem.
// A step already done is passed over, so that a start after a power cut at any point finishes the
// change; key.pem holds the old key or the new one throughout. A certificate for neither the
// pending key nor (after step 4) key.pem is left where it is, with a sentence saying so.
// `max_steps` stops it after that many steps, as a power cut would (for tests).
// Returns a sentence for the operator when it changed or refused something, else nothing.
[[nodiscard]] Result<std::optional<std::string>> finish_key_change(const std::filesystem::path& folder,
                                                                   int max_steps = kEveryStep);

} // namespace hk::uplink
