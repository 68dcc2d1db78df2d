// A kiosk without its screen, for the uplink's end-to-end crash test: the kiosk's own
// UplinkService (identity, durable store, sync loop) on a state folder, sending to a central URL.
//
//   uplink_e2e_kiosk submit STATE_DIR URL CA_FILE KIOSK_ID RUN
//     submits records (e2e_record.hpp) one after another until killed; after each submit
//     returned, prints "submitted ID SEQ RUN N". SIGTERM ends it cleanly (exit 0).
//   uplink_e2e_kiosk drain STATE_DIR URL CA_FILE KIOSK_ID SECONDS
//     sends what waits; exit 0 once nothing does, 1 when SECONDS pass first, 3 when the
//     central side rejected a record.
// Exit 2 for a kiosk that cannot take submissions. Logs go to stderr.
#include "e2e_record.hpp"
#include "uplink_service.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <sys/prctl.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_term(int)
{
    g_stop = 1;
}

// One write per line, so that a kill leaves whole lines and at most one cut short.
bool say(const std::string& line)
{
    return ::write(STDOUT_FILENO, line.data(), line.size()) == static_cast<ssize_t>(line.size());
}

int submit_until_stopped(hk::app::UplinkService& uplink, int run)
{
    for (int n = 1; g_stop == 0; ++n) {
        auto entry = uplink.submit(hk::e2e::record_type(n), hk::e2e::record_body(run, n));
        if (!entry) {
            std::fprintf(stderr, "kiosk: submit %d failed: %s\n", n, entry.error().message.c_str());
            return 2;
        }
        if (!say(hk::e2e::submitted_line({entry->id, entry->seq, run, n})))
            return 4;
    }
    return 0;
}

int drain(hk::app::UplinkService& uplink, int seconds)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < until && g_stop == 0) {
        auto stats = uplink.store()->stats();
        if (stats && stats->rejected > 0) {
            std::fprintf(stderr, "kiosk: the central side rejected %lld records\n",
                         static_cast<long long>(stats->rejected));
            return 3;
        }
        if (stats && stats->waiting == 0) {
            say("drained\n");
            return 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::fprintf(stderr, "kiosk: records still wait after %d s: %s\n", seconds, uplink.view().last_error.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    // Gone with the test that started it, however that ends.
    const pid_t parent = ::getppid();
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        return 2;
    if (argc != 7) {
        std::fprintf(stderr, "usage: %s submit|drain STATE_DIR URL CA_FILE KIOSK_ID RUN|SECONDS\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    std::signal(SIGTERM, on_term);
    spdlog::set_default_logger(spdlog::stderr_logger_mt("kiosk"));
    spdlog::set_level(spdlog::level::warn); // not a line per record

    hk::app::KioskConfig config;
    config.kiosk_id = argv[5];
    config.central_url = argv[3];
    config.central_ca = argv[4];
    auto uplink = hk::app::UplinkService::open(config, argv[2]);
    if (!uplink->view().accepting) {
        std::fprintf(stderr, "kiosk: takes no submissions: %s\n", uplink->view().problem.c_str());
        return 2;
    }
    uplink->start_sync(config);
    const int number = std::atoi(argv[6]);
    if (mode == "submit")
        return submit_until_stopped(*uplink, number);
    if (mode == "drain")
        return drain(*uplink, number);
    return 2;
}
