// Running the real hallkiosk binary as systemd would run it as a service: the notify variables
// of whatever runs the test left out, SDL's offscreen driver, what the kiosk prints collected and
// what it tells a stand-in notify socket (notify_socket.hpp) handed to the test as it arrives.
#pragma once

#include "notify_socket.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace hk::test {

struct Outcome {
    int status = -1;
    double seconds = 0;
    std::string output;                // stdout and stderr
    std::vector<std::string> messages; // what arrived at the notify socket, in order
};

// Runs hallkiosk with `args` as a service would: its environment without the notify variables of
// whatever runs the test, plus `extra_env`; offscreen. `on_message` sees each notify datagram as
// it arrives and may act on the child (its pid is given).
inline Outcome run_kiosk(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                  const NotifySocket* socket = nullptr,
                  const std::function<void(const std::string&, pid_t)>& on_message = {})
{
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string_view v(*e);
        if (!v.starts_with("NOTIFY_SOCKET=") && !v.starts_with("WATCHDOG_") && !v.starts_with("SDL_VIDEODRIVER="))
            env.emplace_back(v);
    }
    env.emplace_back("SDL_VIDEODRIVER=offscreen");
    for (const std::string& e : extra_env) {
        const std::string name = e.substr(0, e.find('=') + 1);
        std::erase_if(env, [&](const std::string& v) { return v.starts_with(name); });
        env.push_back(e);
    }
    static int runs = 0; // runs may nest: each its own log
    std::vector<std::string> argv_s{HK_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    auto pointers = [](std::vector<std::string>& v) {
        std::vector<char*> p;
        for (std::string& s : v)
            p.push_back(s.data());
        p.push_back(nullptr);
        return p;
    };
    auto argv = pointers(argv_s);
    auto envp = pointers(env);

    const std::filesystem::path out_file = std::filesystem::path(HK_TEST_OUTPUT) / ("service-run-" + std::to_string(::getpid()) + "-" + std::to_string(++runs) + ".log");
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    REQUIRE(out >= 0);
    const auto began = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(out, 1);
        ::dup2(out, 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(out);

    Outcome o;
    int raw = 0;
    auto take = [&](const std::string& m) {
        o.messages.push_back(m);
        if (on_message)
            on_message(m, pid);
    };
    while (true) {
        if (socket) {
            while (auto m = socket->receive(20))
                take(*m);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (::waitpid(pid, &raw, WNOHANG) == pid)
            break;
        if (std::chrono::steady_clock::now() - began > std::chrono::seconds(90)) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &raw, 0);
            FAIL("hallkiosk still ran after 90 s");
        }
    }
    o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    if (socket)
        while (auto m = socket->receive())
            take(*m);
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream in(out_file);
    o.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::filesystem::remove(out_file);
    return o;
}

} // namespace hk::test
