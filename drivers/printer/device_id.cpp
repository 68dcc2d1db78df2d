// IEEE 1284 device id parsing (see device_id.hpp).
#include "device_id.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace hk::printer {
namespace {

std::string trim(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return std::string(s);
}

std::string upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

std::optional<DeviceId> parse_device_id(std::span<const std::uint8_t> reply)
{
    if (reply.size() < 2)
        return std::nullopt;
    const std::size_t length = static_cast<std::size_t>(reply[0]) << 8 | reply[1];
    // The length counts its own two bytes. Some printers send the bytes little endian or
    // count without the length field; the bytes received are what there is.
    if (length < 2 || reply.size() < 3)
        return std::nullopt;
    const std::size_t end = std::min(reply.size(), length);
    DeviceId id;
    for (std::size_t i = 2; i < end; ++i) {
        const auto c = reply[i];
        id.text += c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?';
    }
    bool any = false;
    std::string_view rest = id.text;
    while (!rest.empty()) {
        const std::size_t semi = rest.find(';');
        const std::string_view pair = rest.substr(0, semi);
        rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
        const std::size_t colon = pair.find(':');
        if (colon == std::string_view::npos)
            continue;
        any = true;
        const std::string key = upper(trim(pair.substr(0, colon)));
        const std::string value = trim(pair.substr(colon + 1));
        if (key == "MFG" || key == "MANUFACTURER")
            id.manufacturer = value;
        else if (key == "MDL" || key == "MODEL")
            id.model = value;
        else if (key == "CMD" || key == "COMMAND SET")
            id.commands = value;
    }
    if (!any)
        return std::nullopt;
    return id;
}

std::optional<int> width_from_model(std::string_view model)
{
    // A run of exactly two digits, 58 or 80, not part of a longer number ("TM-T88" says nothing).
    for (std::size_t i = 0; i + 1 < model.size(); ++i) {
        const auto digit = [&](std::size_t k) {
            return k < model.size() && std::isdigit(static_cast<unsigned char>(model[k]));
        };
        if (!digit(i) || !digit(i + 1) || (i > 0 && digit(i - 1)) || digit(i + 2))
            continue;
        const std::string_view two = model.substr(i, 2);
        if (two == "58")
            return 384;
        if (two == "80")
            return 576;
    }
    return std::nullopt;
}

} // namespace hk::printer
