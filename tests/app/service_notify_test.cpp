// Tests of what the kiosk tells the service manager: the datagrams ServiceNotifier sends to a
// notify socket the test holds, and when it feeds the watchdog.
#include "service_notify.hpp"

#include "notify_socket.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdlib>
#include <optional>
#include <string>
#include <unistd.h>

using namespace hk::app;
using hk::test::NotifySocket;
using namespace std::chrono_literals;

namespace {

// Sets the variables systemd gives a service for one test and puts back what was there before.
class ServiceEnvironment {
public:
    ServiceEnvironment()
    {
        for (std::size_t i = 0; i < kNames.size(); ++i)
            if (const char* v = std::getenv(kNames[i]))
                saved_[i] = v;
        for (const char* name : kNames)
            ::unsetenv(name);
    }
    ~ServiceEnvironment()
    {
        for (std::size_t i = 0; i < kNames.size(); ++i)
            if (saved_[i])
                ::setenv(kNames[i], saved_[i]->c_str(), 1);
            else
                ::unsetenv(kNames[i]);
    }
    ServiceEnvironment(const ServiceEnvironment&) = delete;
    ServiceEnvironment& operator=(const ServiceEnvironment&) = delete;

    void set(const char* name, const std::string& value) { ::setenv(name, value.c_str(), 1); }

private:
    static constexpr std::array<const char*, 3> kNames{"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"};
    std::array<std::optional<std::string>, 3> saved_;
};

} // namespace

TEST_CASE("ready, status and stopping each send their line to the notify socket")
{
    ServiceEnvironment env;
    NotifySocket socket;
    env.set("NOTIFY_SOCKET", socket.path());
    auto n = ServiceNotifier::from_environment();
    CHECK(n.active());
    CHECK_FALSE(n.watchdog());

    n.ready("cannot start: kiosk.toml:6: [session] idle_timeout_s must be a number");
    CHECK(socket.receive(1000) ==
          "READY=1\nSTATUS=cannot start: kiosk.toml:6: [session] idle_timeout_s must be a number");
    n.status("serving");
    CHECK(socket.receive(1000) == "STATUS=serving");
    n.stopping();
    CHECK(socket.receive(1000) == "STOPPING=1");
    // Without a watchdog asked for, feeding sends nothing.
    n.feed(ServiceNotifier::Clock::now());
    CHECK_FALSE(socket.receive());
}

TEST_CASE("the watchdog is fed when a quarter of its timeout has passed, and the loop wakes within half")
{
    ServiceEnvironment env;
    NotifySocket socket;
    env.set("NOTIFY_SOCKET", socket.path());
    env.set("WATCHDOG_USEC", "200000");
    auto n = ServiceNotifier::from_environment();
    REQUIRE(n.watchdog());
    CHECK(*n.watchdog() == 200ms);
    REQUIRE(n.wake_within());
    CHECK(*n.wake_within() == 100ms);

    const ServiceNotifier::Clock::time_point t0{};
    n.feed(t0 + 10s); // the first turn of the loop feeds at once
    CHECK(socket.receive(1000) == "WATCHDOG=1");
    n.feed(t0 + 10s + 49ms);
    CHECK_FALSE(socket.receive());
    n.feed(t0 + 10s + 50ms);
    CHECK(socket.receive(1000) == "WATCHDOG=1");
    n.feed(t0 + 10s + 80ms); // counted from the last feed, not the first
    CHECK_FALSE(socket.receive());
    n.feed(t0 + 10s + 100ms);
    CHECK(socket.receive(1000) == "WATCHDOG=1");
}

TEST_CASE("outside a service nothing is sent and the notifier says it is not active")
{
    ServiceEnvironment env;
    NotifySocket socket; // listening, but not named to the notifier
    env.set("WATCHDOG_USEC", "200000");
    auto n = ServiceNotifier::from_environment();
    CHECK_FALSE(n.active());
    CHECK_FALSE(n.watchdog());
    CHECK_FALSE(n.wake_within());
    n.ready("up");
    n.status("up");
    n.feed(ServiceNotifier::Clock::now());
    n.stopping();
    CHECK_FALSE(socket.receive(100));
}

TEST_CASE("a watchdog meant for another process is left alone")
{
    ServiceEnvironment env;
    NotifySocket socket;
    env.set("NOTIFY_SOCKET", socket.path());
    env.set("WATCHDOG_USEC", "200000");
    SUBCASE("WATCHDOG_PID names another process: no watchdog")
    {
        const pid_t other = ::getpid() + 1 == ::getppid() ? ::getpid() + 2 : ::getpid() + 1;
        env.set("WATCHDOG_PID", std::to_string(other));
        auto n = ServiceNotifier::from_environment();
        CHECK(n.active());
        CHECK_FALSE(n.watchdog());
        CHECK_FALSE(n.wake_within());
        n.feed(ServiceNotifier::Clock::now());
        CHECK_FALSE(socket.receive(100));
        n.ready("up"); // the rest of the protocol still works
        CHECK(socket.receive(1000) == "READY=1\nSTATUS=up");
    }
    SUBCASE("WATCHDOG_PID names this process: the watchdog is on")
    {
        env.set("WATCHDOG_PID", std::to_string(::getpid()));
        auto n = ServiceNotifier::from_environment();
        REQUIRE(n.watchdog());
        n.feed(ServiceNotifier::Clock::now());
        CHECK(socket.receive(1000) == "WATCHDOG=1");
    }
    SUBCASE("WATCHDOG_PID names the parent (the compositor the kiosk runs in): the kiosk feeds it")
    {
        env.set("WATCHDOG_PID", std::to_string(::getppid()));
        auto n = ServiceNotifier::from_environment();
        REQUIRE(n.watchdog());
        CHECK(n.watchdog()->count() == 200000);
        CHECK(n.wake_within()->count() == 100);
        n.feed(ServiceNotifier::Clock::now());
        CHECK(socket.receive(1000) == "WATCHDOG=1");
    }
}
