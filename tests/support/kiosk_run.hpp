// Running the real hallkiosk binary from a test, as the UI script tests do: under SDL's offscreen
// video driver, with a state folder of the run's own, and its screenshots read back as pictures.
// Needs HK_BINARY, HK_SOURCE_DIR and HK_TEST_OUTPUT defined, and stb_image.
#pragma once

#include "rgba_image.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace hk::test {

struct Run {
    int status = -1;
    std::string output;
};

// A shell command, its output and error output together.
inline Run run_command(const std::string& cmd)
{
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
        r.output.append(buf, n);
    const int raw = ::pclose(p);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

// hallkiosk with `args`, under SDL's offscreen driver.
inline Run run(const std::string& args)
{
    return run_command("SDL_VIDEODRIVER=offscreen '" HK_BINARY "' " + args + " 2>&1");
}

// Share of pixels that differ between two images of the same size.
inline double difference(const Image& a, const Image& b)
{
    REQUIRE(a.w == b.w);
    REQUIRE(a.h == b.h);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4)
        if (a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2])
            ++differ;
    return static_cast<double>(differ) / static_cast<double>(a.rgba.size() / 4);
}

// A picture, not a blank: many distinct colours across the frame.
inline bool looks_drawn(const Image& img)
{
    std::vector<bool> seen(4096);
    int distinct = 0;
    for (std::size_t i = 0; i < img.rgba.size(); i += 4 * 7) {
        const int key = (img.rgba[i] >> 4) << 8 | (img.rgba[i + 1] >> 4) << 4 | (img.rgba[i + 2] >> 4);
        if (!seen[static_cast<std::size_t>(key)]) {
            seen[static_cast<std::size_t>(key)] = true;
            ++distinct;
        }
    }
    return distinct >= 8;
}

inline std::filesystem::path fresh_dir(const std::string& name)
{
    const std::filesystem::path dir = std::filesystem::path(HK_TEST_OUTPUT) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// The test config, and a state folder of the run's own (identity, records, used passes) in the
// build tree, so that runs neither share state nor write to /var/lib.
inline std::string config_args()
{
    const std::filesystem::path states = std::filesystem::path(HK_TEST_OUTPUT) / "states";
    std::filesystem::create_directories(states);
    std::string pattern = (states / "run-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()));
    return "--config '" HK_SOURCE_DIR "/tests/data/kiosk-test.toml' --state-dir '" + pattern + "' ";
}


} // namespace hk::test
