// What the IME tests share: an engine over the data deployed in the build tree, sessions, and
// typing a string of letters. Each test starts its own engine (Rime allows one per process, and
// each test runs in a process of its own under ctest).
#pragma once

#include "engine.hpp"
#include "rime_build_dir.hpp"
#include "session.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hk::ime::test {

inline std::unique_ptr<Engine> start_engine()
{
    auto engine = Engine::start(kBuildTreeRimeDir);
    REQUIRE_MESSAGE(engine.has_value(), (engine ? std::string() : engine.error().message));
    return std::move(*engine);
}

inline Session open_session(Engine& engine, Script script = Script::simplified, std::size_t page_size = kPageSize)
{
    auto s = engine.session(script, page_size);
    REQUIRE_MESSAGE(s.has_value(), (s ? std::string() : s.error().message));
    return std::move(*s);
}

inline void type(Session& s, std::string_view letters)
{
    for (char c : letters)
        REQUIRE(s.type(c));
}

inline bool has(const std::vector<std::string>& candidates, std::string_view text)
{
    return std::find(candidates.begin(), candidates.end(), text) != candidates.end();
}

// The candidate's place on the page, or the page size when it is not there.
inline std::size_t place(const Page& page, std::string_view text)
{
    return static_cast<std::size_t>(std::find(page.candidates.begin(), page.candidates.end(), text) -
                                    page.candidates.begin());
}

// Chooses `text` on the current page; fails the test when it is not there.
inline void choose(Session& s, std::string_view text)
{
    const std::size_t i = place(s.page(), text);
    REQUIRE_MESSAGE(i < s.page().candidates.size(), "no " << text << " on the page");
    REQUIRE(s.select(i));
}

// Chooses `text` on whichever page it is, paging forward from the first (bounded).
inline void choose_anywhere(Session& s, std::string_view text, std::size_t max_pages = 50)
{
    for (std::size_t n = 0; n < max_pages && place(s.page(), text) == s.page().candidates.size(); ++n)
        s.next_page();
    choose(s, text);
}

// Every candidate the list gives, page after page from the first (bounded), then back to the
// first page.
inline std::vector<std::string> all_candidates(Session& s, std::size_t max_pages = 200)
{
    while (s.page().has_prev)
        s.prev_page();
    std::vector<std::string> all;
    for (std::size_t n = 0; n < max_pages; ++n) {
        all.insert(all.end(), s.page().candidates.begin(), s.page().candidates.end());
        if (!s.page().has_next)
            break;
        s.next_page();
    }
    while (s.page().has_prev)
        s.prev_page();
    return all;
}

// A folder as the file system tells it: every entry under it (the folder too) with its size and
// modification time, so that a file written, added or removed shows.
struct Entry {
    std::string path;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified;
    bool operator==(const Entry&) const = default;
};

inline std::vector<Entry> snapshot(const std::filesystem::path& dir)
{
    namespace fs = std::filesystem;
    std::vector<Entry> entries{{".", 0, fs::last_write_time(dir)}};
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const auto size = e.is_regular_file() ? e.file_size() : 0;
        entries.push_back({fs::relative(e.path(), dir).string(), size, e.last_write_time()});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
    return entries;
}

} // namespace hk::ime::test
