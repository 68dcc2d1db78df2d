// Installed or build tree: where the kiosk reads its assets, Rime data and config.
#include "install_paths.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

using namespace hk::app;
namespace fs = std::filesystem;

TEST_CASE("a binary in a prefix with share/hallkiosk reads the installed files and /etc")
{
    const fs::path prefix = fs::temp_directory_path() / ("hk-prefix-" + std::to_string(getpid()));
    fs::remove_all(prefix);
    fs::create_directories(prefix / "share/hallkiosk/assets/i18n");
    const InstallPaths p = install_paths_for(prefix / "bin/hallkiosk", "");
    CHECK(p.installed);
    CHECK(p.assets == prefix / "share/hallkiosk/assets");
    CHECK(p.rime == prefix / "share/hallkiosk/rime");
    CHECK(p.config == "/etc/hallkiosk/kiosk.toml");
    CHECK(install_paths_for(prefix / "bin/hallkiosk", "/opt/assets").assets == "/opt/assets");
    fs::remove_all(prefix);
}

TEST_CASE("a binary in a build tree reads the source tree, never an installed kiosk's config")
{
    const InstallPaths p = install_paths_for("/nowhere/build/kiosk/app/hallkiosk", "");
    CHECK_FALSE(p.installed);
    CHECK(p.config.filename() == "kiosk.toml");
    CHECK(p.config.parent_path().filename() == "config");
    CHECK(fs::exists(p.assets / "i18n"));
    CHECK(p.config != "/etc/hallkiosk/kiosk.toml");
    // This test binary is not installed either.
    CHECK_FALSE(install_paths().installed);
}
