// The central side's pass-signing key (ES256, P-256): made by central-admin init, or on the
// server's start for a data folder made before passes; its public half is served in the keys
// catalogue so that kiosks verify the passes it signs (docs/codes.md).
#pragma once

#include "error.hpp"
#include "evp.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string_view>

namespace hk::central {

inline constexpr std::string_view kPassKeyFile = "pass-key.pem"; // private, 0600
inline constexpr std::string_view kPassKid = "central-pass-1";

// The key of `data_dir`, made when it is not there yet.
[[nodiscard]] Result<codes::PkeyPtr> load_or_make_pass_key(const std::filesystem::path& data_dir);

// Its item in the keys catalogue: {kid, alg "ES256", public_key (PEM), not_after null}.
[[nodiscard]] Result<nlohmann::json> pass_key_item(EVP_PKEY* key);

} // namespace hk::central
