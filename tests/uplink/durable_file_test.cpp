// Durable small files: mode, replacement, and never overwriting what must be kept.
#include "durable_file.hpp"

#include "uplink_support.hpp"

#include <doctest/doctest.h>

using namespace hk::uplink;
using namespace hk::uplink::test;

TEST_CASE("a file is written whole with the mode asked for, whatever the umask")
{
    ScratchDir dir;
    const mode_t old_umask = ::umask(0);
    REQUIRE(write_file_durably(dir / "a", "first", 0600));
    ::umask(old_umask);
    CHECK(mode_of(dir / "a") == 0600);
    CHECK(*read_small_file(dir / "a") == "first");
    REQUIRE(write_file_durably(dir / "a", "second", 0644));
    CHECK(*read_small_file(dir / "a") == "second");
    CHECK(mode_of(dir / "a") == 0644);
    CHECK_FALSE(std::filesystem::exists(dir / "a.tmp"));
}

TEST_CASE("with keep, a file already there is not overwritten")
{
    ScratchDir dir;
    REQUIRE(write_file_durably(dir / "key", "mine", 0600, Existing::keep));
    CHECK_FALSE(write_file_durably(dir / "key", "theirs", 0600, Existing::keep));
    CHECK(*read_small_file(dir / "key") == "mine");
    CHECK_FALSE(std::filesystem::exists(dir / "key.tmp"));
}

TEST_CASE("a temporary file a power cut left behind does not stop the next write")
{
    ScratchDir dir;
    write_file(dir / "key.tmp", "half");
    REQUIRE(write_file_durably(dir / "key", "whole", 0600, Existing::keep));
    CHECK(*read_small_file(dir / "key") == "whole");
}

TEST_CASE("a folder that is not there is an error naming the file")
{
    ScratchDir dir;
    auto r = write_file_durably(dir / "no" / "key", "x", 0600);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("key") != std::string::npos);
    CHECK_FALSE(read_small_file(dir / "no" / "key"));
}

TEST_CASE("a failed write gives the errno of the call that failed")
{
    ScratchDir dir;
    int os_error = 0;
    CHECK_FALSE(write_file_durably(dir / "no" / "key", "x", 0600, Existing::replace, os_error));
    CHECK(os_error == ENOENT);
    REQUIRE(write_file_durably(dir / "key", "x", 0600, Existing::replace, os_error));
    CHECK(os_error == 0);
    CHECK_FALSE(write_file_durably(dir / "key", "y", 0600, Existing::keep, os_error));
    CHECK(os_error == EEXIST);
}
