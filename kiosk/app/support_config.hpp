// The kiosk's configuration as support may see it: for the diagnostic bundle and maintenance
// mode's Config page.
#pragma once

#include "config.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace hk::app {

// Every setting that helps find a fault, by its TOML section and key, each named here one by one:
// a field added to KioskConfig later stays out until someone decides it is fit to show. Files are
// given by path, never by content (the central CA, fonts, devices); trusted keys by kid, alg and
// not_after, without the key itself; the central URL without user, password, query or fragment.
// KioskConfig holds no private key, PIN or password today; the list keeps any that come out too.
nlohmann::json support_config(const KioskConfig& config);

// `url` without what could carry a credential: "https://user:pw@host:443/api?token=x#f" gives
// "https://host:443/api".
std::string url_without_credentials(std::string_view url);

} // namespace hk::app
