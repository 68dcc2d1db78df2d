// Starting the engine over the data deployed at build time, and what residents' typing leaves
// behind: nothing learnt, nothing offered to the next resident, nothing written to disk.
#include "ime_fixture.hpp"

#include <fstream>
#include <unistd.h>

using namespace hk::ime;
using namespace hk::ime::test;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir()
    {
        std::string pattern = (fs::temp_directory_path() / "hk-ime-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()));
        path = pattern;
    }
    ~TempDir() { fs::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// What a resident does in a session: types, chooses words, commits, takes back.
void type_a_request(Session& s)
{
    const bool hans = s.script() == Script::simplified;
    type(s, "diantihuaile");
    choose(s, hans ? "电梯" : "電梯");
    choose(s, hans ? "坏了" : "壞了");
    type(s, "loushuiyanzhong");
    s.next_page();
    s.prev_page();
    s.commit_raw();
    type(s, "wangxiaoming");
    s.backspace();
    s.clear();
    CHECK_FALSE(s.take_committed().empty());
}

// The glog files Rime would write (named after the app name we give it) in the temporary folder.
std::vector<std::string> rime_logs()
{
    std::vector<std::string> logs;
    for (const auto& e : fs::directory_iterator(fs::temp_directory_path()))
        if (e.path().filename().string().starts_with("rime.hallkiosk"))
            logs.push_back(e.path().filename().string());
    return logs;
}

} // namespace

TEST_CASE("the engine starts over the folder deployed at build time")
{
    auto engine = start_engine();
    CHECK(engine->deployed_dir() == fs::path(kBuildTreeRimeDir));
    Session s = open_session(*engine);
    type(s, "ni");
    CHECK(s.page().preedit == "ni");
    CHECK(has(s.page().candidates, "你"));
}

TEST_CASE("a data folder that does not exist is refused with a message that names it")
{
    const auto engine = Engine::start("/nonexistent/hk-rime");
    REQUIRE_FALSE(engine.has_value());
    const std::string& m = engine.error().message;
    CHECK(m.find("/nonexistent/hk-rime") != std::string::npos);
    CHECK(m.find("does not exist") != std::string::npos);
    CHECK(m.find("rime_deployer") != std::string::npos);
}

TEST_CASE("a folder without the compiled dictionary is refused, and nothing is compiled into it")
{
    TempDir dir;
    fs::copy(kBuildTreeRimeDir, dir.path, fs::copy_options::recursive);
    fs::remove(dir.path / "luna_pinyin.table.bin");
    fs::remove(dir.path / "luna_pinyin.prism.bin");
    const auto before = snapshot(dir.path);

    const auto engine = Engine::start(dir.path);
    REQUIRE_FALSE(engine.has_value());
    CHECK(engine.error().message.find("luna_pinyin.table.bin") != std::string::npos);
    CHECK(engine.error().message.find("does not deploy at start") != std::string::npos);
    CHECK(snapshot(dir.path) == before);
}

TEST_CASE("a folder of something else than deployed data is refused")
{
    TempDir dir;
    const char* names[] = {"default.yaml", "luna_pinyin.schema.yaml", "luna_pinyin.table.bin", "luna_pinyin.prism.bin",
                           "luna_pinyin.reverse.bin"};
    for (const char* name : names)
        std::ofstream(dir.path / name) << "not Rime's\n";
    const auto engine = Engine::start(dir.path);
    REQUIRE_FALSE(engine.has_value());
    CHECK(engine.error().message.find(dir.path.string()) != std::string::npos);
    // The engine ended Rime again, so a good folder starts.
    start_engine();
}

TEST_CASE("starting, typing and ending leave the deployed folder as they found it")
{
    const auto before = snapshot(kBuildTreeRimeDir);
    {
        auto engine = start_engine();
        for (Script script : {Script::simplified, Script::traditional}) {
            Session s = open_session(*engine, script);
            type(s, "tingche");
            s.commit_raw();
        }
        Session s = open_session(*engine);
        type_a_request(s);
    }
    CHECK(snapshot(kBuildTreeRimeDir) == before);
}

TEST_CASE("one engine at a time, and another may start once it has ended")
{
    auto engine = start_engine();
    const auto second = Engine::start(kBuildTreeRimeDir);
    REQUIRE_FALSE(second.has_value());
    CHECK(second.error().message.find("already running") != std::string::npos);
    engine.reset();

    engine = start_engine();
    Session s = open_session(*engine);
    type(s, "laji");
    CHECK(s.page().candidates.front() == "垃圾");
}

TEST_CASE("Rime's user folder is private, typing writes nothing to disk, and the folder goes with the engine")
{
    const auto logs_before = rime_logs();
    auto engine = start_engine();
    const fs::path user = engine->user_dir();
    REQUIRE(fs::is_directory(user));
    CHECK(fs::status(user).permissions() == fs::perms::owner_all);
    CHECK(user.parent_path() == fs::temp_directory_path());

    const auto user_before = snapshot(user);
    const auto deployed_before = snapshot(kBuildTreeRimeDir);
    {
        Session s = open_session(*engine);
        type_a_request(s);
        Session t = open_session(*engine, Script::traditional);
        type_a_request(t);
        CHECK(snapshot(user) == user_before);
    }
    CHECK(snapshot(user) == user_before);
    CHECK(snapshot(kBuildTreeRimeDir) == deployed_before);
    CHECK(rime_logs() == logs_before);

    engine.reset();
    CHECK_FALSE(fs::exists(user));
}

TEST_CASE("a name one resident puts together is not offered to the next")
{
    auto engine = start_engine();
    std::vector<std::string> baseline;
    {
        Session first = open_session(*engine);
        type(first, "wangxiaoming");
        baseline = all_candidates(first);
    }
    REQUIRE_FALSE(has(baseline, "王小明"));

    {
        Session a = open_session(*engine);
        for (int i = 0; i < 3; ++i) {
            type(a, "wangxiaoming");
            choose_anywhere(a, "王");
            choose(a, "小明");
            CHECK(a.take_committed() == "王小明");
        }
    }

    Session b = open_session(*engine);
    type(b, "wangxiaoming");
    CHECK(all_candidates(b) == baseline);
    CHECK(b.page().candidates.front() == baseline.front());
}

TEST_CASE("a word one resident picks from far down the list does not move up for the next")
{
    auto engine = start_engine();
    std::vector<std::string> baseline;
    {
        Session first = open_session(*engine);
        type(first, "shi");
        for (int i = 0; i < 3; ++i)
            first.next_page();
        REQUIRE_FALSE(first.page().candidates.empty());
        baseline = all_candidates(first);
    }
    const std::string rare = baseline.at(3 * kPageSize);

    {
        Session a = open_session(*engine);
        for (int i = 0; i < 5; ++i) {
            type(a, "shi");
            choose_anywhere(a, rare);
            CHECK(a.take_committed() == rare);
        }
    }

    Session b = open_session(*engine);
    type(b, "shi");
    CHECK_FALSE(has(b.page().candidates, rare));
    CHECK(all_candidates(b) == baseline);
}
