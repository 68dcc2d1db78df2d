// Tests of the file-backed replay guard: consumed once, remembered across a re-open, pruned and
// repaired on load.
#include "file_replay_guard.hpp"

#include "test_keys.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace hk::codes;
using namespace hk::codes::test;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "hk-replay-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()));
        path = pattern;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::filesystem::path file() const { return path / FileReplayGuard::kFileName; }
};

std::string read_file(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::filesystem::path& p, std::string_view text)
{
    std::ofstream(p, std::ios::binary) << text;
}

std::unique_ptr<FileReplayGuard> open(const TempDir& dir, std::int64_t now = kNow)
{
    auto guard = FileReplayGuard::open(dir.path, now);
    REQUIRE(guard);
    return std::move(*guard);
}

} // namespace

TEST_CASE("a pass is consumed once: the second consume is refused")
{
    TempDir dir;
    auto guard = open(dir);
    CHECK_FALSE(guard->seen("PQ7XK2"));
    CHECK(guard->consume("PQ7XK2", kNow + 3600));
    CHECK(guard->seen("PQ7XK2"));
    CHECK_FALSE(guard->consume("PQ7XK2", kNow + 3600));
    CHECK_FALSE(guard->seen("PQ7XK3"));
}

TEST_CASE("a consumed pass is still used after the guard is opened again from disk")
{
    TempDir dir;
    open(dir)->consume("PQ7XK2", kNow + 3600);
    auto again = open(dir);
    CHECK(again->seen("PQ7XK2"));
    CHECK_FALSE(again->consume("PQ7XK2", kNow + 3600));
    CHECK(read_file(dir.file()) == "PQ7XK2 " + std::to_string(kNow + 3600) + "\n");
}

TEST_CASE("entries a day past their exp are pruned on load, and the file rewritten without them")
{
    TempDir dir;
    {
        auto guard = open(dir);
        guard->consume("OLD", kNow - 86401);
        guard->consume("EDGE", kNow - 86400);
        guard->consume("NEW", kNow + 60);
    }
    auto guard = open(dir);
    CHECK_FALSE(guard->seen("OLD"));
    CHECK(guard->seen("EDGE"));
    CHECK(guard->seen("NEW"));
    CHECK(guard->size() == 2);
    CHECK(read_file(dir.file()).find("OLD") == std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file().string() + ".tmp"));
}

TEST_CASE("corrupt lines and a torn last line are skipped, never fatal, and cleaned away")
{
    TempDir dir;
    write_file(dir.file(), "GOOD1 " + std::to_string(kNow) + "\n" + "garbage line\n" + "\x01\xff\n" + "NOEXP\n" +
                               "BAD 0123\n" + "GOOD2 " + std::to_string(kNow) + "\n" + "TORN 17");
    auto guard = open(dir);
    CHECK(guard->seen("GOOD1"));
    CHECK(guard->seen("GOOD2"));
    CHECK(guard->size() == 2);
    CHECK(guard->consume("NEXT", kNow));
    CHECK(read_file(dir.file()) == "GOOD1 " + std::to_string(kNow) + "\nGOOD2 " + std::to_string(kNow) + "\nNEXT " +
                                       std::to_string(kNow) + "\n");
}

TEST_CASE("ids that are not claim values are refused, so the file keeps its form")
{
    TempDir dir;
    auto guard = open(dir);
    CHECK_FALSE(guard->consume("", kNow));
    CHECK_FALSE(guard->consume("A B", kNow));
    CHECK_FALSE(guard->consume("A\n1", kNow));
    CHECK_FALSE(guard->consume(std::string(65, 'A'), kNow));
    CHECK(guard->size() == 0);
}

TEST_CASE("the folder is made when missing, and a folder that cannot be made is an error")
{
    TempDir dir;
    auto guard = FileReplayGuard::open(dir.path / "a" / "b", kNow);
    REQUIRE(guard);
    CHECK(std::filesystem::exists(dir.path / "a" / "b" / FileReplayGuard::kFileName));
    write_file(dir.path / "plain", "x");
    CHECK_FALSE(FileReplayGuard::open(dir.path / "plain" / "sub", kNow));
}

TEST_CASE("of many threads consuming the same pass, exactly one succeeds")
{
    TempDir dir;
    auto guard = open(dir);
    std::atomic<int> wins = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for (int n = 0; n < 50; ++n)
                if (guard->consume("P" + std::to_string(n), kNow))
                    ++wins;
        });
    for (std::thread& t : threads)
        t.join();
    CHECK(wins == 50);
    CHECK(open(dir)->size() == 50);
}
