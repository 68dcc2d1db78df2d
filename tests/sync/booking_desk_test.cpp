// Tests of the booking desk against a loopback HTTPS server: each question's method, path and
// body, its answer read or its refusal by rule, a hold gone, a central side that fails or
// garbles, and a desk stopped with questions waiting. The ID number goes only in bodies.
#include "booking_desk.hpp"

#include "test_central.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <mutex>

using namespace hk;
using namespace hk::uplink;
using namespace hk::uplink::test;
using hk::test::wait_until;

namespace {

const std::string kBooking = R"({"id": "B-1", "venue": "V-1", "start": "2026-03-02T14:00:00+08:00",
    "end": "2026-03-02T16:00:00+08:00", "group_size": 8, "cancel_until": "2026-03-01T06:00:00Z"})";

struct DeskRig : Served {
    std::mutex mutex;
    std::vector<std::string> seen; // "METHOD path" of each request
    std::unique_ptr<BookingDesk> desk = [this] {
        HttpOptions o;
        o.base_url = central.url();
        o.ca_file = pki.file("ca.pem");
        o.total_timeout_ms = 3000;
        auto d = BookingDesk::create(o);
        REQUIRE(d);
        (*d)->start();
        return std::move(*d);
    }();

    // Answers every request with `status` and `body`, noting what was asked.
    void answer(int status, std::string body)
    {
        central.set([this, status, body](const httplib::Request& req, httplib::Response& res) {
            {
                const std::lock_guard lock(mutex);
                seen.push_back(req.method + " " + req.path + (req.params.empty() ? "" : "?date=" + req.get_param_value("date")));
            }
            res.status = status;
            res.set_content(body, "application/json");
        });
    }
};

// Waits for the one answer a question gets.
template <typename T> struct Answer {
    std::mutex mutex;
    std::optional<DeskAnswer<T>> got;
    std::function<void(DeskAnswer<T>)> callback()
    {
        return [this](DeskAnswer<T> a) {
            const std::lock_guard lock(mutex);
            got = std::move(a);
        };
    }
    DeskAnswer<T> wait()
    {
        REQUIRE(wait_until([&] {
            const std::lock_guard lock(mutex);
            return got.has_value();
        }, std::chrono::seconds(10)));
        const std::lock_guard lock(mutex);
        return *got;
    }
};

} // namespace

TEST_CASE("a day's slots are asked for by venue and date, and read")
{
    DeskRig rig;
    rig.answer(200, R"({"venue": "V-1", "date": "2026-03-02", "slots": [
        {"start": "2026-03-02T09:00:00+08:00", "end": "2026-03-02T11:00:00+08:00", "state": "free"}]})");
    Answer<std::vector<Slot>> a;
    rig.desk->day_slots("V-1", "2026-03-02", a.callback());
    const auto got = a.wait();
    REQUIRE(got.kind == DeskAnswer<std::vector<Slot>>::Kind::done);
    CHECK(got.value->size() == 1);
    CHECK(rig.seen.at(0) == "GET /v1/venues/V-1/slots?date=2026-03-02");
}

TEST_CASE("a hold carries the resident in its body, and a refusal comes back with its rule")
{
    DeskRig rig;
    rig.answer(409, R"({"error": "at most 2 a week", "rule": "weekly_limit", "limit": 2})");
    Answer<Hold> a;
    rig.desk->hold("V-1", "2026-03-02T14:00:00+08:00", 8, Resident{"王建国", "110105199007071236"}, "hall-1",
                   a.callback());
    const auto got = a.wait();
    REQUIRE(got.kind == DeskAnswer<Hold>::Kind::refused);
    CHECK(got.refusal->rule == BookingRule::weekly_limit);
    CHECK(got.refusal->limit == 2);
    CHECK(rig.seen.at(0) == "POST /v1/holds");
    const auto body = nlohmann::json::parse(rig.central.bodies().at(0));
    CHECK(body.at("resident").at("id_number") == "110105199007071236");
    CHECK(body.at("group_size") == 8);
    CHECK(body.at("hall") == "hall-1");
}

TEST_CASE("a confirmation brings the booking and its pass, an expired hold is gone")
{
    DeskRig rig;
    rig.answer(201, R"({"booking": )" + kBooking + R"(, "pass": "HK1.e30.c2ln"})");
    Answer<Confirmed> ok;
    rig.desk->confirm("H-1", ok.callback());
    const auto got = ok.wait();
    REQUIRE(got.kind == DeskAnswer<Confirmed>::Kind::done);
    CHECK(got.value->pass == "HK1.e30.c2ln");
    CHECK(rig.seen.at(0) == "POST /v1/holds/H-1/confirm");
    rig.answer(410, R"({"error": "the hold expired"})");
    Answer<Confirmed> late;
    rig.desk->confirm("H-1", late.callback());
    CHECK(late.wait().kind == DeskAnswer<Confirmed>::Kind::gone);
    rig.desk->release("H-2");
    REQUIRE(wait_until([&] { return rig.central.requests() == 3; }));
    CHECK(rig.seen.at(2) == "DELETE /v1/holds/H-2");
}

TEST_CASE("a lookup, a cancellation and a sign-up read their answers")
{
    DeskRig rig;
    rig.answer(200, R"({"bookings": [)" + kBooking + R"(], "signups": []})");
    Answer<ResidentItems> items;
    rig.desk->lookup("110105199007071236", items.callback());
    CHECK(items.wait().value->bookings.size() == 1);
    CHECK(rig.seen.at(0) == "POST /v1/residents/lookup");
    rig.answer(409, R"({"rule": "too_late", "limit": 24})");
    Answer<Booking> cancel;
    rig.desk->cancel_booking("B-1", "110105199007071236", cancel.callback());
    CHECK(cancel.wait().refusal->rule == BookingRule::too_late);
    rig.answer(201, R"({"signup": {"id": "S-1", "activity": "A-1", "state": "waiting", "position": 2}})");
    Answer<Signup> signup;
    rig.desk->sign_up("A-1", Resident{"王建国", "110105199007071236"}, signup.callback());
    CHECK(signup.wait().value->position == 2);
    // Nothing personal in any path.
    for (const std::string& s : rig.seen)
        CHECK(s.find("110105") == std::string::npos);
}

TEST_CASE("a failing or garbling central side, and ids that cannot stand in a path")
{
    DeskRig rig;
    rig.answer(503, "busy");
    Answer<Seats> busy;
    rig.desk->seats("A-1", busy.callback());
    CHECK(busy.wait().kind == DeskAnswer<Seats>::Kind::unreachable);
    rig.answer(200, R"({"activity": "A-1", "places": "many"})");
    Answer<Seats> garbled;
    rig.desk->seats("A-1", garbled.callback());
    CHECK(garbled.wait().kind == DeskAnswer<Seats>::Kind::garbled);
    Answer<Confirmed> bad_id;
    rig.desk->confirm("../../v1/records", bad_id.callback());
    CHECK(bad_id.wait().kind == DeskAnswer<Confirmed>::Kind::garbled);
    CHECK(rig.central.requests() == 2);
}

TEST_CASE("questions still waiting when the desk stops are answered, unreachable")
{
    DeskRig rig;
    rig.answer(200, R"({"activity": "A-1", "places": 5, "taken": 1, "waiting": 0})");
    rig.central.hold(); // the first question hangs until the desk stops and aborts it
    Answer<Seats> first, second;
    rig.desk->seats("A-1", first.callback());
    rig.desk->seats("A-1", second.callback());
    REQUIRE(wait_until([&] { return rig.central.held() == 1; }));
    rig.desk->stop();
    CHECK(first.wait().kind == DeskAnswer<Seats>::Kind::unreachable);
    CHECK(second.wait().error == "stopped");
    Answer<Seats> after;
    rig.desk->seats("A-1", after.callback());
    CHECK(after.wait().error == "stopped");
    rig.central.release();
}
