// Pinyin input figures: from a key on the on-screen keyboard to the candidates page ready to draw
// (Rime's lookup, the candidate list read back, OpenCC's conversion, de-duplication, the page),
// over residents' requests typed letter by letter in both scripts, choosing words as a resident
// would; Engine::start (first with the data files evicted from the page cache as far as
// posix_fadvise can, then warm) and Session creation; the memory the engine adds. Targets (issue
// 8): keystroke to candidates < 20 ms; start-up within the shell's first frame (< 0.5 s).
// Prints figures.
//
//   ime_bench [--rounds N] [--dir DEPLOYED_RIME_DIR]
#include "engine.hpp"
#include "figures.hpp"
#include "rime_build_dir.hpp"
#include "session.hpp"
#include "typed_requests.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace hk;
using namespace hk::ime;
using Clock = std::chrono::steady_clock;
using bench::ms;
using bench::percentile;
using bench::kRequests;

namespace {

long rss_kb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmRSS:"))
            return std::atol(line.c_str() + 6);
    return 0;
}

void evict(const std::filesystem::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

// The deployed folder's files and OpenCC's tables: what Engine::start reads.
void evict_data(const std::filesystem::path& deployed)
{
    for (const auto& e : std::filesystem::directory_iterator(deployed))
        evict(e.path());
    for (const char* f : {"t2s.json", "t2tw.json", "TSPhrases.ocd2", "TSCharacters.ocd2", "TWVariants.ocd2"})
        evict(std::filesystem::path("/usr/share/opencc") / f);
}

struct Times {
    std::vector<double> letters, chooses, backspaces;
};

// Types each request letter by letter, takes the last two letters back and types them again,
// then chooses until the request is committed: the whole sentence Rime offers first, or, with
// `word_by_word`, the second candidate each time (mostly a word for the start of the pinyin).
void type_requests(Session& s, bool word_by_word, Times& t)
{
    for (const char* request : kRequests) {
        const std::string letters = request;
        for (char c : letters) {
            const auto t0 = Clock::now();
            s.type(c);
            t.letters.push_back(ms(Clock::now() - t0));
        }
        for (int i = 0; i < 2; ++i) {
            const auto t0 = Clock::now();
            s.backspace();
            t.backspaces.push_back(ms(Clock::now() - t0));
        }
        for (char c : letters.substr(letters.size() - 2)) {
            const auto t0 = Clock::now();
            s.type(c);
            t.letters.push_back(ms(Clock::now() - t0));
        }
        for (int guard = 0; s.composing() && guard < 40; ++guard) {
            const auto t0 = Clock::now();
            if (!(word_by_word && s.select(1)))
                s.select(0);
            t.chooses.push_back(ms(Clock::now() - t0));
        }
        s.take_committed();
    }
}

void print_row(const char* what, const std::vector<double>& v)
{
    std::printf("  %-28s n %5zu  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n", what, v.size(), percentile(v, 0.5),
                percentile(v, 0.99), percentile(v, 1.0));
}

} // namespace

int main(int argc, char** argv)
{
    int rounds = 5;
    std::filesystem::path dir = kBuildTreeRimeDir;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--dir") == 0)
            dir = argv[i + 1];
    }

    const long rss_before = rss_kb();
    evict_data(dir);
    auto t0 = Clock::now();
    auto engine = Engine::start(dir);
    const double cold_start_ms = ms(Clock::now() - t0);
    if (!engine) {
        std::fprintf(stderr, "ime_bench: %s\n", engine.error().message.c_str());
        return 1;
    }
    const long rss_started = rss_kb();

    std::vector<double> warm_starts;
    for (int i = 0; i < 5; ++i) {
        engine->reset();
        t0 = Clock::now();
        engine = Engine::start(dir);
        warm_starts.push_back(ms(Clock::now() - t0));
        if (!engine) {
            std::fprintf(stderr, "ime_bench: %s\n", engine.error().message.c_str());
            return 1;
        }
    }

    std::vector<double> session_ms;
    for (int i = 0; i < 50; ++i) {
        t0 = Clock::now();
        auto s = (*engine)->session(i % 2 == 0 ? Script::simplified : Script::traditional);
        session_ms.push_back(ms(Clock::now() - t0));
    }

    std::size_t letters = 0;
    for (const char* r : kRequests)
        letters += std::strlen(r) + 2;
    std::printf("pinyin input (librime, luna_pinyin, OpenCC), page of %zu, %zu requests x %d rounds "
                "(%zu letters a round)\n",
                kPageSize, std::size(kRequests), rounds, letters);
    std::printf("  Engine::start, data evicted from the page cache  %6.1f ms\n", cold_start_ms);
    std::printf("  Engine::start, warm                  p50 %6.1f ms  max %6.1f ms  (target: within the first "
                "frame's 500 ms)\n",
                percentile(warm_starts, 0.5), percentile(warm_starts, 1.0));
    std::printf("  Session creation                     p50 %6.2f ms  max %6.2f ms\n", percentile(session_ms, 0.5),
                percentile(session_ms, 1.0));

    for (Script script : {Script::simplified, Script::traditional}) {
        Times t;
        for (int r = 0; r < rounds; ++r) {
            auto s = (*engine)->session(script);
            type_requests(*s, r % 2 == 1, t);
        }
        std::printf("%s, keystroke -> candidates page ready (target < 20 ms):\n",
                    script == Script::simplified ? "Simplified" : "Traditional");
        print_row("letter", t.letters);
        print_row("backspace", t.backspaces);
        print_row("choose a candidate", t.chooses);
    }
    std::printf("memory: RSS %+.1f MB after start, %+.1f MB after typing (%.1f MB before)\n",
                static_cast<double>(rss_started - rss_before) / 1024.0,
                static_cast<double>(rss_kb() - rss_before) / 1024.0, static_cast<double>(rss_before) / 1024.0);
}
