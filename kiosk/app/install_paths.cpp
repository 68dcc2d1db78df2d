// Installed or build-tree paths (see install_paths.hpp).
#include "install_paths.hpp"

#include "rime_build_dir.hpp"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace hk::app {

InstallPaths install_paths_for(const std::filesystem::path& exe, const std::filesystem::path& assets_override)
{
    InstallPaths p;
    std::error_code ec;
    const std::filesystem::path share = exe.parent_path().parent_path() / "share/hallkiosk";
    p.installed = !exe.empty() && std::filesystem::is_directory(share / "assets/i18n", ec);
    if (p.installed) {
        p.assets = share / "assets";
        p.rime = share / "rime";
        p.config = "/etc/hallkiosk/kiosk.toml";
    } else {
        p.assets = std::filesystem::path(HK_SOURCE_DIR) / "assets";
        p.rime = ime::kBuildTreeRimeDir;
        p.config = std::filesystem::path(HK_SOURCE_DIR) / "config/kiosk.toml";
    }
    if (!assets_override.empty())
        p.assets = assets_override;
    return p;
}

const InstallPaths& install_paths()
{
    static const InstallPaths paths = [] {
        char exe[4096];
        const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
        const char* env = std::getenv("HALLKIOSK_ASSETS");
        return install_paths_for(n > 0 ? std::filesystem::path(std::string(exe, static_cast<std::size_t>(n)))
                                       : std::filesystem::path(),
                                 env ? env : "");
    }();
    return paths;
}

} // namespace hk::app
