// Tests of the peripheral state machine and counters.
#include "device_health.hpp"

#include <doctest/doctest.h>

using namespace hk::usb;

namespace {
const auto t0 = std::chrono::system_clock::time_point{} + std::chrono::hours(1);
const Result<void> ok{};
Result<void> failed(Errc c) { return std::unexpected(Error{c, "x"}); }
} // namespace

TEST_CASE("a device goes absent, opening, ready, busy and back to ready")
{
    DeviceHealth h;
    CHECK(h.state() == DeviceState::absent);
    h.attached();
    CHECK(h.state() == DeviceState::opening);
    h.opened();
    CHECK(h.state() == DeviceState::ready);
    h.work_started();
    CHECK(h.state() == DeviceState::busy);
    h.count_transfer(ok, t0);
    h.count_transfer(ok, t0);
    CHECK(h.state() == DeviceState::busy);
    h.work_done(ok);
    CHECK(h.state() == DeviceState::ready);
    CHECK(h.counters().transfers == 2);
    CHECK(h.counters().errors == 0);
}

TEST_CASE("a timeout or a stall is counted but is not a fault but an i/o error is")
{
    DeviceHealth h;
    h.attached();
    h.opened();
    for (Errc c : {Errc::timeout, Errc::stall}) {
        h.work_started();
        h.count_transfer(failed(c), t0);
        h.work_done(failed(c));
        CHECK(h.state() == DeviceState::ready);
    }
    h.work_started();
    h.count_transfer(failed(Errc::io), t0 + std::chrono::seconds(5));
    h.work_done(failed(Errc::io));
    CHECK(h.state() == DeviceState::fault);
    CHECK(h.counters().errors == 3);
    CHECK(h.counters().transfers == 3);
    REQUIRE(h.counters().last_error);
    CHECK(h.counters().last_error->code == Errc::io);
    CHECK(h.counters().last_error_at == t0 + std::chrono::seconds(5));
}

TEST_CASE("unplugging mid-transfer makes the device absent, and a replug counts as a reconnect")
{
    DeviceHealth h;
    h.attached();
    h.opened();
    h.work_started();
    h.count_transfer(failed(Errc::no_device), t0);
    h.work_done(failed(Errc::no_device));
    CHECK(h.state() == DeviceState::absent);
    h.detached();
    CHECK(h.counters().reconnects == 0);
    h.attached();
    CHECK(h.state() == DeviceState::opening);
    CHECK(h.counters().reconnects == 1);
}

TEST_CASE("a device that cannot be opened is a fault until it is plugged again")
{
    DeviceHealth h;
    h.attached();
    h.open_failed(Error{Errc::access, "no permission"}, t0);
    CHECK(h.state() == DeviceState::fault);
    h.work_started();
    CHECK(h.state() == DeviceState::fault);
    h.work_done(ok);
    CHECK(h.state() == DeviceState::fault);
    h.attached();
    CHECK(h.state() == DeviceState::opening);
}
