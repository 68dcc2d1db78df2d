// Removable storage from the mount table (see maint_targets.hpp).
#include "maint_targets.hpp"

#include <sstream>

namespace hk::app {
namespace {

// The kernel writes space, tab, newline and backslash in a mount table's fields as \ooo.
std::string unescape(std::string_view field)
{
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const std::string_view o = field.substr(i + 1, 3);
            if (o.size() == 3 && o[0] >= '0' && o[0] <= '3' && o[1] >= '0' && o[1] <= '7' && o[2] >= '0' && o[2] <= '7') {
                out.push_back(static_cast<char>((o[0] - '0') * 64 + (o[1] - '0') * 8 + (o[2] - '0')));
                i += 3;
                continue;
            }
        }
        out.push_back(field[i]);
    }
    return out;
}

} // namespace

std::vector<RemovableMount> removable_mounts(std::string_view mounts)
{
    std::vector<RemovableMount> out;
    std::istringstream lines{std::string(mounts)};
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string device, point, type, options;
        if (!(fields >> device >> point >> type >> options))
            continue;
        const std::string path = unescape(point);
        if (!path.starts_with("/media/") && !path.starts_with("/run/media/"))
            continue;
        // "ro" among the options: nothing can be exported there.
        const std::string opts = "," + options + ",";
        if (opts.find(",ro,") != std::string::npos)
            continue;
        const std::size_t slash = path.find_last_of('/');
        out.push_back({path, path.substr(slash + 1)});
    }
    return out;
}

} // namespace hk::app
