// hallkiosk-central: the reference central endpoint, serving until SIGINT or SIGTERM.
#include "server.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

namespace {

constexpr const char* kUsage =
    "usage: hallkiosk-central --data DIR --catalogue DIR [--port N] [--allow-unenrolled]\n"
    "  --data DIR          central.db and the CA's files (made by central-admin init)\n"
    "  --catalogue DIR     categories.json, communities.json, venues.json, activities.json, keys.json,\n"
    "                      windows.json, rating_reasons.json, and questionnaires.json (optional: each\n"
    "                      questionnaire the database does not know yet is published at start)\n"
    "  --port N            port on 127.0.0.1; 0 (default) takes a free one\n"
    "  --allow-unenrolled  registered kiosks may upload without a client certificate (demo, tests)\n"
    "Prints \"listening on https://127.0.0.1:PORT\" as its first line once it accepts connections.\n";

int usage_error(const std::string& message)
{
    std::fprintf(stderr, "hallkiosk-central: %s\n%s", message.c_str(), kUsage);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    hk::central::ServerOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--data" && has_value) {
            options.data_dir = argv[++i];
        } else if (arg == "--catalogue" && has_value) {
            options.catalogue_dir = argv[++i];
        } else if (arg == "--port" && has_value) {
            char* end = nullptr;
            const long port = std::strtol(argv[++i], &end, 10);
            if (*end != '\0' || port < 0 || port > 65535)
                return usage_error("--port takes 0 to 65535");
            options.port = static_cast<int>(port);
        } else if (arg == "--allow-unenrolled") {
            options.allow_unenrolled = true;
        } else if (arg == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        } else {
            return usage_error("unknown argument " + std::string(arg));
        }
    }
    if (options.data_dir.empty() || options.catalogue_dir.empty())
        return usage_error("--data and --catalogue are required");

    // Signals are taken by one thread with sigwait, set up before any other thread starts.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto server = hk::central::CentralServer::open(options);
    if (!server) {
        std::fprintf(stderr, "hallkiosk-central: %s\n", server.error().message.c_str());
        return 1;
    }
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        (*server)->stop();
    });
    std::printf("listening on https://%s:%d\n", options.host.c_str(), (*server)->port());
    std::fflush(stdout);
    const bool served = (*server)->run();
    if (!served)
        pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return served ? 0 : 1;
}
