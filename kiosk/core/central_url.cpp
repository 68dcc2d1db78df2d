// The central URL rule (central_url.hpp).
#include "central_url.hpp"

namespace hk {

bool is_central_url(std::string_view url)
{
    constexpr std::string_view https = "https://";
    if (url.starts_with(https))
        return url.size() > https.size();
    for (std::string_view local : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
        if (!url.starts_with(local))
            continue;
        // The host must end here: "http://localhost.example.com" is another machine.
        const std::string_view rest = url.substr(local.size());
        return rest.empty() || rest.front() == ':' || rest.front() == '/';
    }
    return false;
}

} // namespace hk
