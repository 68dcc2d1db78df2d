// The uplink end to end under kill -9: a kiosk program (kiosk_child.cpp, the kiosk's own
// UplinkService) submits records and uploads them to the real hallkiosk-central, and one or the
// other, or both, is killed with SIGKILL at random moments, round after round; the central side
// is restarted on the same data folder. Then the kiosk runs until its outbox is empty, and every
// record it was told was submitted must be at the central side exactly once, with the content it
// submitted, in one unbroken chain of seqs 1..N that holds nothing else.
//
// HK_UPLINK_CRASH_ROUNDS rounds (12 by default, a few seconds); HK_UPLINK_CRASH_SEED picks other
// random moments. The long form is the test labelled soak, 300 rounds:
//   ctest --test-dir build/ci -L soak -R uplink_crash_soak --output-on-failure
#include "central_support.hpp"
#include "e2e_record.hpp"

#include "jwk.hpp"
#include "store.hpp"

#include <doctest/doctest.h>

#include <sys/prctl.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <random>
#include <set>
#include <unistd.h>

using namespace hk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

constexpr const char* kKioskId = "hall-7-k2";

int env_number(const char* name, int fallback)
{
    const char* v = std::getenv(name);
    const int n = v != nullptr ? std::atoi(v) : 0;
    return n > 0 ? n : fallback;
}

// The last `bytes` of a log file, for failure messages.
std::string tail_of(const fs::path& file, std::size_t bytes = 1500)
{
    const auto all = uplink::test::read_bytes(file);
    const std::size_t from = all.size() > bytes ? all.size() - bytes : 0;
    return std::string(all.begin() + static_cast<std::ptrdiff_t>(from), all.end());
}

// A program started with its stdout on a pipe and its stderr appended to a log file. Killed
// (SIGKILL) and reaped when dropped, so that a failing test leaves nothing running; and killed by
// the kernel should this test process die first.
class Child {
public:
    Child(const std::vector<std::string>& args, const fs::path& log)
    {
        int fds[2];
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        std::vector<char*> argv;
        for (const auto& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const std::string log_path = log.string();
        const pid_t parent = ::getpid();
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            // Only async-signal-safe calls until exec.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent)
                ::_exit(127);
            const int err = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (err < 0 || ::dup2(fds[1], STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0)
                ::_exit(127);
            if (err != STDERR_FILENO)
                ::close(err);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        ::close(fds[1]);
        out_fd_ = fds[0];
        ::fcntl(out_fd_, F_SETFL, O_NONBLOCK);
    }
    ~Child()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(out_fd_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // What it printed so far.
    const std::string& out() const { return out_; }

    // Collects what it prints for `span`, or until it closes its stdout (returns false then).
    bool read_for(Clock::duration span)
    {
        const auto until = Clock::now() + span;
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
            if (left <= 0)
                return true;
            pollfd p{out_fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left)) < 0 && errno != EINTR)
                return false;
            if (!drain_pipe())
                return false;
        }
    }
    // Waits up to `bound` for a whole line; the first one.
    std::optional<std::string> first_line(Clock::duration bound)
    {
        const auto until = Clock::now() + bound;
        while (out_.find('\n') == std::string::npos && Clock::now() < until)
            if (!read_for(10ms))
                break;
        const auto end = out_.find('\n');
        return end == std::string::npos ? std::nullopt : std::optional(out_.substr(0, end));
    }

    void signal(int sig) const { ::kill(pid_, sig); }
    // Its wait status once it ended within `bound`; killed and reaped otherwise (nullopt).
    std::optional<int> wait(Clock::duration bound)
    {
        const auto until = Clock::now() + bound;
        for (;;) {
            int status = 0;
            const pid_t r = ::waitpid(pid_, &status, WNOHANG);
            if (r == pid_) {
                pid_ = -1;
                drain_pipe();
                return status;
            }
            if (Clock::now() >= until) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, nullptr, 0);
                pid_ = -1;
                return std::nullopt;
            }
            read_for(5ms);
        }
    }
    // SIGKILL now; its wait status.
    int kill_now()
    {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        drain_pipe();
        return status;
    }

private:
    // Reads what is there; false at the end of its output.
    bool drain_pipe()
    {
        char buf[8192];
        for (;;) {
            const ssize_t n = ::read(out_fd_, buf, sizeof buf);
            if (n > 0) {
                out_.append(buf, static_cast<std::size_t>(n));
                continue;
            }
            return n < 0 && (errno == EAGAIN || errno == EINTR);
        }
    }

    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string out_;
};

bool killed_by_sigkill(int status)
{
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// hallkiosk-central on the data folder, restarted on the same port when it is free.
class Central {
public:
    Central(fs::path data, fs::path log) : data_(std::move(data)), log_(std::move(log)) { start(); }

    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

    void start()
    {
        // Port 0 (a free one) at first, and when the last one is taken.
        for (const int port : {port_, 0}) {
            process_ = std::make_unique<Child>(
                std::vector<std::string>{HK_CENTRAL_SERVER, "--data", data_.string(), "--catalogue",
                                         central::test::sample_catalogue().string(), "--port", std::to_string(port),
                                         "--allow-unenrolled"},
                log_);
            const auto line = process_->first_line(10s);
            int got = 0;
            if (line && std::sscanf(line->c_str(), "listening on https://127.0.0.1:%d", &got) == 1) {
                port_ = got;
                return;
            }
            process_.reset();
        }
        FAIL("hallkiosk-central did not start: " << tail_of(log_));
    }
    void kill()
    {
        const int status = process_->kill_now();
        process_.reset();
        REQUIRE_MESSAGE(killed_by_sigkill(status), "hallkiosk-central ended by itself: " << tail_of(log_));
    }
    void stop()
    {
        process_->signal(SIGTERM);
        const auto status = process_->wait(10s);
        process_.reset();
        REQUIRE_MESSAGE((status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0),
                        "hallkiosk-central did not stop cleanly: " << tail_of(log_));
    }

private:
    fs::path data_;
    fs::path log_;
    int port_ = 0;
    std::unique_ptr<Child> process_;
};

enum class Victim { kiosk, central, both };

} // namespace

TEST_CASE("kiosk and central side killed at random moments: every submitted record arrives once and intact")
{
    const int rounds = env_number("HK_UPLINK_CRASH_ROUNDS", 12);
    const int seed = env_number("HK_UPLINK_CRASH_SEED", 20260301);
    INFO("seed " << seed);
    uplink::test::ScratchDir dir;
    const fs::path state = dir.path() / "kiosk";
    const fs::path data = dir.path() / "central";
    const fs::path kiosk_log = dir.path() / "kiosk.log";
    const fs::path central_log = dir.path() / "central.log";
    const std::string admin = HK_CENTRAL_ADMIN;

    // The kiosk's identity made here first, so that the central side can register its key.
    auto identity = uplink::DeviceIdentity::load_or_create(state, uplink::KeyAlg::es256);
    REQUIRE(identity);
    uplink::test::write_file(dir.path() / "kiosk.jwk", identity->public_jwk().dump());
    REQUIRE(uplink::test::run(admin + " init '" + data.string() + "'").status == 0);
    const auto registered = uplink::test::run(admin + " register '" + data.string() + "' --kiosk " + kKioskId +
                                              " --jwk '" + (dir.path() / "kiosk.jwk").string() + "'");
    REQUIRE_MESSAGE(registered.status == 0, registered.output);
    const std::string ca = (data / central::kCaCertFile).string();

    Central central(data, central_log);
    const auto kiosk = [&](const char* mode, int number) {
        return std::make_unique<Child>(std::vector<std::string>{HK_E2E_KIOSK, mode, state.string(), central.url(), ca,
                                                                kKioskId, std::to_string(number)},
                                       kiosk_log);
    };

    std::mt19937 rng(static_cast<unsigned>(seed));
    std::uniform_int_distribution<int> run_ms(20, 300);
    std::uniform_int_distribution<int> pick(0, 9);
    std::map<std::string, e2e::Submitted> submitted; // by id
    std::map<Victim, int> kills;
    for (int run = 1; run <= rounds; ++run) {
        const int p = pick(rng);
        const Victim victim = p < 6 ? Victim::kiosk : p < 8 ? Victim::central : Victim::both;
        auto child = kiosk("submit", run);
        child->read_for(std::chrono::milliseconds(run_ms(rng)));
        int status = 0;
        switch (victim) {
        case Victim::kiosk: status = child->kill_now(); break;
        case Victim::both:
            central.kill();
            status = child->kill_now();
            central.start();
            break;
        case Victim::central: {
            // The kiosk goes on submitting while the central side is down and back (on the same
            // port when it is free), then is stopped as a service manager stops it.
            central.kill();
            central.start();
            child->read_for(std::chrono::milliseconds(run_ms(rng)));
            child->signal(SIGTERM);
            const auto ended = child->wait(10s);
            REQUIRE_MESSAGE(ended.has_value(), "round " << run << ": the kiosk did not stop on SIGTERM");
            status = *ended;
            REQUIRE_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0),
                            "round " << run << ": the kiosk stopped badly: " << tail_of(kiosk_log));
            break;
        }
        }
        if (victim != Victim::central)
            REQUIRE_MESSAGE(killed_by_sigkill(status),
                            "round " << run << ": the kiosk ended by itself: " << tail_of(kiosk_log));
        ++kills[victim];
        // Whole lines only: a kill can cut the last one short.
        const std::string& out = child->out();
        for (std::size_t at = 0, end; (end = out.find('\n', at)) != std::string::npos; at = end + 1) {
            const auto s = e2e::parse_submitted(std::string_view(out).substr(at, end - at));
            REQUIRE_MESSAGE(s.has_value(), "round " << run << ": the kiosk printed " << out.substr(at, end - at));
            REQUIRE(submitted.emplace(s->id, *s).second);
        }
    }

    // The kiosk once more, until nothing waits.
    {
        auto child = kiosk("drain", 60);
        const auto ended = child->wait(90s);
        REQUIRE_MESSAGE((ended && WIFEXITED(*ended) && WEXITSTATUS(*ended) == 0),
                        "the kiosk did not empty its outbox: " << tail_of(kiosk_log));
    }
    central.stop();

    // The kiosk's store: nothing waits, nothing was rejected, and its last seq is N.
    auto key = identity->data_key();
    REQUIRE(key);
    store::StoreOptions options;
    options.dir = state;
    auto kiosk_store = store::Store::open(options, *key);
    REQUIRE(kiosk_store);
    const auto stats = (*kiosk_store)->stats();
    REQUIRE(stats);
    CHECK(stats->waiting == 0);
    CHECK(stats->rejected == 0);

    // The central side: seqs 1..N in order, each once, unflagged, chained, signed by the kiosk,
    // each body the one its run and number say; every submitted record among them as submitted.
    auto central_store = central::CentralStore::open(data);
    REQUIRE(central_store);
    const auto held = central_store->records(std::string_view(kKioskId));
    REQUIRE(held);
    REQUIRE(stats->last_acknowledged_seq == static_cast<std::int64_t>(held->size()));
    const auto public_key = uplink::jwk_to_pkey(identity->public_jwk());
    REQUIRE(public_key);
    std::set<std::string> ids;
    std::set<std::pair<int, int>> made;
    std::string prev;
    for (std::size_t i = 0; i < held->size(); ++i) {
        const central::StoredRecord& r = (*held)[i];
        INFO("seq " << r.seq << ", record " << r.id);
        REQUIRE(r.seq == static_cast<std::int64_t>(i + 1));
        REQUIRE(r.flag == central::ChainFlag::ok);
        REQUIRE(ids.insert(r.id).second);
        const auto v = uplink::verify_record(r.jws, public_key->get());
        REQUIRE_MESSAGE(v.has_value(), (v ? "" : v.error().message));
        REQUIRE(v->header.id == r.id);
        REQUIRE(v->header.seq == r.seq);
        REQUIRE(v->header.prev == prev);
        prev = v->hash_hex;
        const auto [run, n] = e2e::run_and_n(v->body);
        REQUIRE(made.emplace(run, n).second);
        CHECK(v->header.type == e2e::record_type(n));
        CHECK(v->body == e2e::record_body(run, n));
        if (const auto s = submitted.find(r.id); s != submitted.end()) {
            CHECK(s->second.seq == r.seq);
            CHECK(s->second.run == run);
            CHECK(s->second.n == n);
        }
    }
    for (const auto& [id, s] : submitted)
        CHECK_MESSAGE(ids.count(id) == 1, "submitted record " << id << " (seq " << s.seq << ") is not at the centre");
    CHECK(submitted.size() >= static_cast<std::size_t>(rounds / 2));
    MESSAGE(rounds << " rounds (kiosk killed " << kills[Victim::kiosk] << ", central killed " << kills[Victim::central]
                   << ", both " << kills[Victim::both] << "): " << submitted.size() << " records reported submitted, "
                   << held->size() << " at the centre");
}
