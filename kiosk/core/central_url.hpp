// Which URLs may name the central platform: config checks the one it is given, the sync client
// the one it connects to.
#pragma once

#include <string_view>

namespace hk {

// https://..., or plain http to this machine only (127.0.0.1, localhost, [::1]), where the
// reference endpoint for demos and tests runs: residents' requests must not cross a network
// unencrypted.
bool is_central_url(std::string_view url);

} // namespace hk
