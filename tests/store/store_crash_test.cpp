// Crash safety of the outbox: a writer process killed with SIGKILL at random moments, many times.
// After each kill the store must open cleanly, with contiguous seqs, every record the writer was
// told was committed present and decrypting, and the chain unbroken.
#include "store.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace hk;
using namespace hk::store;
using namespace hk::store::test;

namespace {

int rounds()
{
    const char* v = std::getenv("HK_STORE_CRASH_ROUNDS");
    const int n = v != nullptr ? std::atoi(v) : 0;
    return n > 0 ? n : 30;
}

// The child: enqueues until killed, writing each committed seq to `out` once enqueue returned.
[[noreturn]] void write_until_killed(const std::filesystem::path& dir, int out)
{
    StoreOptions options;
    options.dir = dir;
    const auto key = test_key();
    auto store = Store::open(options, key);
    if (!store)
        ::_exit(2);
    for (;;) {
        auto e = (*store)->enqueue("request", stand_in());
        if (!e)
            ::_exit(3);
        const std::int64_t seq = e->seq;
        if (::write(out, &seq, sizeof seq) != static_cast<ssize_t>(sizeof seq))
            ::_exit(4);
    }
}

std::vector<std::int64_t> read_seqs(int in)
{
    std::vector<std::int64_t> seqs;
    std::int64_t seq = 0;
    // A kill can cut a write short; only whole numbers count.
    for (;;) {
        const ssize_t n = ::read(in, &seq, sizeof seq);
        if (n != static_cast<ssize_t>(sizeof seq))
            break;
        seqs.push_back(seq);
    }
    return seqs;
}

} // namespace

TEST_CASE("a writer killed at random moments loses no committed record and leaves the chain whole")
{
    TempDir dir;
    std::mt19937 rng(20240607);
    std::uniform_int_distribution<int> delay_ms(0, 30);
    std::set<std::int64_t> committed;
    const int n = rounds();
    for (int round = 0; round < n; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            write_until_killed(dir.state(), fds[1]);
        }
        ::close(fds[1]);
        // The kill comes a random moment after the writer's first commit of the round, so that it
        // lands while records are being written, however slow the machine is.
        std::int64_t first = 0;
        const bool started = ::read(fds[0], &first, sizeof first) == static_cast<ssize_t>(sizeof first);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
        REQUIRE(::kill(child, SIGKILL) == 0);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        // The child ends only by the kill: any other end is a failure of the store in it.
        REQUIRE_MESSAGE(WIFSIGNALED(status), "writer exited with " << WEXITSTATUS(status) << " in round " << round);
        REQUIRE_MESSAGE(started, "the writer committed nothing in round " << round);
        committed.insert(first);
        const auto seqs = read_seqs(fds[0]);
        ::close(fds[0]);
        committed.insert(seqs.begin(), seqs.end());

        auto store = open_store(dir.state());
        auto all = store->waiting(1'000'000);
        REQUIRE_MESSAGE(all.has_value(), (all ? std::string() : all.error().message));
        std::string prev;
        std::int64_t expect = 1;
        for (const OutboxRecord& r : *all) {
            REQUIRE_MESSAGE(r.seq == expect, "round " << round << ": seq " << r.seq << " where " << expect
                                                      << " was due");
            ++expect;
            CHECK(r.hash == sha256_hex(r.jws));
            // The stand-in JWS names the hash it was made with.
            REQUIRE_MESSAGE(r.jws.find("\"prev\":\"" + prev + "\"") != std::string::npos,
                            "round " << round << ": chain broken at seq " << r.seq);
            prev = r.hash;
        }
        const std::int64_t present = expect - 1;
        if (!committed.empty())
            REQUIRE_MESSAGE(*committed.rbegin() <= present,
                            "round " << round << ": seq " << *committed.rbegin() << " was committed but is missing");
    }
    CHECK(committed.size() >= static_cast<std::size_t>(n));
    MESSAGE(n << " kills, " << committed.size() << " records committed");
}
