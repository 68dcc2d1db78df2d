// One kiosk per state folder: the lock, a lock left by a crash, and the folder made when missing.
#include "instance_lock.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hk::app;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const char* name)
{
    const fs::path dir = fs::temp_directory_path() / (std::string("hk-lock-") + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    return dir;
}

std::string read_all(const fs::path& file)
{
    std::ifstream in(file);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("the state folder is made when missing, private, and the lock names its holder")
{
    const fs::path dir = fresh_dir("make") / "state";
    auto lock = InstanceLock::acquire(dir);
    REQUIRE(lock);
    CHECK(fs::is_directory(dir));
    CHECK((fs::status(dir).permissions() & fs::perms::all) == fs::perms::owner_all);
    CHECK(read_all(dir / "hallkiosk.lock") == std::to_string(getpid()) + "\n");
    CHECK((*lock)->earlier_unclean_pid() == 0);
    fs::remove_all(dir.parent_path());
}

TEST_CASE("a second kiosk on the same state folder is refused while the first runs, and starts after it")
{
    const fs::path dir = fresh_dir("second");
    auto first = InstanceLock::acquire(dir);
    REQUIRE(first);
    auto second = InstanceLock::acquire(dir);
    REQUIRE_FALSE(second);
    CHECK(second.error().message.find("another hallkiosk (pid " + std::to_string(getpid()) + ")") != std::string::npos);
    first->reset(); // a clean end empties the file
    CHECK(read_all(dir / "hallkiosk.lock").empty());
    auto third = InstanceLock::acquire(dir);
    REQUIRE(third);
    CHECK((*third)->earlier_unclean_pid() == 0);
    fs::remove_all(dir);
}

TEST_CASE("a lock left by a kiosk that died is taken over and its pid reported")
{
    const fs::path dir = fresh_dir("crash");
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // Takes the lock and dies without its destructor, as a crash or the watchdog's kill does.
        auto held = InstanceLock::acquire(dir);
        _exit(held ? 0 : 1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    auto lock = InstanceLock::acquire(dir);
    REQUIRE(lock);
    CHECK((*lock)->earlier_unclean_pid() == child);
    fs::remove_all(dir);
}

TEST_CASE("a state folder that cannot be made is an error naming it")
{
    const fs::path file = fresh_dir("file");
    std::ofstream(file) << "not a folder";
    auto lock = InstanceLock::acquire(file / "state");
    REQUIRE_FALSE(lock);
    CHECK(lock.error().message.find((file / "state").string()) != std::string::npos);
    fs::remove(file);
}
