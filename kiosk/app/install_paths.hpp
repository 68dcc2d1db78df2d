// Where the kiosk finds what it reads but does not keep: its translations, the deployed Rime
// data and its config. An installed kiosk (the Debian package: /usr/bin/hallkiosk) reads
// /usr/share/hallkiosk and /etc/hallkiosk; a binary in a build tree reads the source tree and
// the build tree, so that a developer's build never picks up an installed kiosk's config.
#pragma once

#include <filesystem>

namespace hk::app {

struct InstallPaths {
    bool installed = false;           // the binary sits in a prefix with share/hallkiosk
    std::filesystem::path assets;     // translations (i18n/)
    std::filesystem::path rime;       // rime_deployer's output
    std::filesystem::path config;     // the config file when --config is not given
};

// The paths for a binary at `exe`. `assets_override` ($HALLKIOSK_ASSETS) wins for the assets when
// not empty. Build-tree paths are those compiled in.
InstallPaths install_paths_for(const std::filesystem::path& exe, const std::filesystem::path& assets_override);
// The paths for this process (/proc/self/exe).
const InstallPaths& install_paths();

} // namespace hk::app
