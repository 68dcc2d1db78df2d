// The booking desk's thread and its questions (see booking_desk.hpp).
#include "booking_desk.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace hk::uplink {
namespace {

using nlohmann::json;

// An id that can stand in a URL's path as it is: 1 to 64 letters, digits, '.', '_' or '-' (a
// date, YYYY-MM-DD, is one too).
bool path_safe(std::string_view id)
{
    return !id.empty() && id.size() <= 64 && id != "." && id != ".." && std::ranges::all_of(id, [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' ||
               c == '-';
    });
}

void wipe(std::string& s)
{
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

json resident_json(Resident& r)
{
    json j = {{"name", r.name}, {"id_number", r.id_number}};
    wipe(r.name);
    wipe(r.id_number);
    return j;
}

// The handler of a question whose 200 or 201 answer `read` reads.
template <typename T, typename Read>
std::function<void(const Result<HttpResponse>*)> answer_with(std::function<void(DeskAnswer<T>)> done, Read read)
{
    return [done = std::move(done), read](const Result<HttpResponse>* r) {
        using Kind = typename DeskAnswer<T>::Kind;
        DeskAnswer<T> a;
        if (!r) {
            a.error = "stopped";
        } else if (!*r) {
            a.error = r->error().message;
        } else if (const HttpResponse& resp = **r; resp.status == 200 || resp.status == 201 || resp.status == 204) {
            auto parsed = read(resp.body);
            if (auto* e = std::get_if<ParseError>(&parsed)) {
                a.kind = Kind::garbled;
                a.error = e->message;
            } else {
                a.kind = Kind::done;
                a.value = std::move(std::get<T>(parsed));
            }
        } else if (resp.status == 409) {
            auto refusal = read_refusal(resp.body);
            if (auto* e = std::get_if<ParseError>(&refusal)) {
                a.kind = Kind::garbled;
                a.error = "a refusal that does not read: " + e->message;
            } else {
                a.kind = Kind::refused;
                a.refusal = std::move(std::get<Refusal>(refusal));
                a.error = a.refusal->error;
            }
        } else if (resp.status == 404 || resp.status == 410) {
            a.kind = Kind::gone;
            a.error = "answered " + std::to_string(resp.status);
        } else if (resp.status >= 500) {
            a.error = "answered " + std::to_string(resp.status);
        } else {
            a.kind = Kind::garbled; // a 400 or the like: the question itself was wrong
            a.error = "answered " + std::to_string(resp.status);
        }
        done(std::move(a));
    };
}

template <typename T> void refuse_now(const std::function<void(DeskAnswer<T>)>& done, std::string why)
{
    DeskAnswer<T> a;
    a.kind = DeskAnswer<T>::Kind::garbled;
    a.error = std::move(why);
    done(std::move(a));
}

} // namespace

Result<std::unique_ptr<BookingDesk>> BookingDesk::create(HttpOptions http)
{
    std::unique_ptr<BookingDesk> d(new BookingDesk(std::move(http)));
    HttpOptions options = d->options_;
    options.abort = &d->stopping_;
    auto client = HttpClient::open(std::move(options));
    if (!client)
        return std::unexpected(client.error());
    d->http_.emplace(std::move(*client));
    return d;
}

BookingDesk::BookingDesk(HttpOptions http) : options_(std::move(http)) {}

BookingDesk::~BookingDesk()
{
    stop();
}

void BookingDesk::start()
{
    const std::lock_guard lock(mutex_);
    if (!started_ && !stopping_.load()) {
        started_ = true;
        thread_ = std::thread([this] { run(); });
    }
}

void BookingDesk::stop()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_.store(true);
    }
    wake_.notify_one();
    if (thread_.joinable())
        thread_.join();
    std::deque<Job> left;
    {
        const std::lock_guard lock(mutex_);
        left.swap(jobs_);
    }
    for (Job& j : left) {
        wipe(j.body);
        j.handle(nullptr);
    }
}

void BookingDesk::enqueue(Job job)
{
    std::unique_lock lock(mutex_);
    if (stopping_.load()) { // stopped: answered at once
        lock.unlock();
        wipe(job.body);
        job.handle(nullptr);
        return;
    }
    jobs_.push_back(std::move(job));
    lock.unlock();
    wake_.notify_one();
}

void BookingDesk::run()
{
    while (true) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_.load() || !jobs_.empty(); });
            if (stopping_.load())
                return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        Result<HttpResponse> r = job.method == Job::Method::get    ? http_->get(job.path)
                                 : job.method == Job::Method::del ? http_->del(job.path)
                                                                  : http_->post_json(job.path, job.body);
        wipe(job.body); // it may carry the resident's ID number
        job.handle(&r);
    }
}

void BookingDesk::day_slots(std::string venue, std::string date,
                            std::function<void(DeskAnswer<std::vector<Slot>>)> done)
{
    if (!path_safe(venue) || date.size() != 10 || !path_safe(date))
        return refuse_now(done, "not a venue id and date");
    const std::string path = "/v1/venues/" + venue + "/slots?date=" + date;
    enqueue(Job{Job::Method::get, path, "",
                answer_with<std::vector<Slot>>(std::move(done), [venue, date](std::string_view body) {
                    return read_day_slots(body, venue, date);
                })});
}

void BookingDesk::hold(std::string venue, std::string start, int group_size, Resident resident, std::string hall,
                       std::function<void(DeskAnswer<Hold>)> done)
{
    const json body = {{"venue", venue},
                       {"start", start},
                       {"group_size", group_size},
                       {"resident", resident_json(resident)},
                       {"hall", hall}};
    enqueue(Job{Job::Method::post, "/v1/holds", body.dump(), answer_with<Hold>(std::move(done), read_hold)});
}

void BookingDesk::confirm(std::string hold_id, std::function<void(DeskAnswer<Confirmed>)> done)
{
    if (!path_safe(hold_id))
        return refuse_now(done, "not a hold id");
    enqueue(Job{Job::Method::post, "/v1/holds/" + hold_id + "/confirm", "{}",
                answer_with<Confirmed>(std::move(done), read_confirmed)});
}

void BookingDesk::release(std::string hold_id)
{
    if (!path_safe(hold_id))
        return;
    enqueue(Job{Job::Method::del, "/v1/holds/" + hold_id, "", [](const Result<HttpResponse>*) {}});
}

void BookingDesk::cancel_booking(std::string booking, std::string id_number,
                                 std::function<void(DeskAnswer<Booking>)> done)
{
    if (!path_safe(booking))
        return refuse_now(done, "not a booking id");
    json body = {{"id_number", id_number}};
    wipe(id_number);
    enqueue(Job{Job::Method::post, "/v1/bookings/" + booking + "/cancel", body.dump(),
                answer_with<Booking>(std::move(done), read_cancelled)});
}

void BookingDesk::lookup(std::string id_number, std::function<void(DeskAnswer<ResidentItems>)> done)
{
    json body = {{"id_number", id_number}};
    wipe(id_number);
    enqueue(Job{Job::Method::post, "/v1/residents/lookup", body.dump(),
                answer_with<ResidentItems>(std::move(done), read_resident_items)});
}

void BookingDesk::seats(std::string activity, std::function<void(DeskAnswer<Seats>)> done)
{
    if (!path_safe(activity))
        return refuse_now(done, "not an activity id");
    enqueue(Job{Job::Method::get, "/v1/activities/" + activity + "/seats", "",
                answer_with<Seats>(std::move(done),
                                   [activity](std::string_view body) { return read_seats(body, activity); })});
}

void BookingDesk::sign_up(std::string activity, Resident resident, std::function<void(DeskAnswer<Signup>)> done)
{
    const json body = {{"activity", activity}, {"resident", resident_json(resident)}};
    enqueue(Job{Job::Method::post, "/v1/signups", body.dump(), answer_with<Signup>(std::move(done), read_signup)});
}

void BookingDesk::cancel_signup(std::string signup, std::string id_number, std::function<void(DeskAnswer<bool>)> done)
{
    if (!path_safe(signup))
        return refuse_now(done, "not a sign-up id");
    json body = {{"id_number", id_number}};
    wipe(id_number);
    enqueue(Job{Job::Method::post, "/v1/signups/" + signup + "/cancel", body.dump(),
                answer_with<bool>(std::move(done), [](std::string_view) { return Parsed<bool>(true); })});
}

void BookingDesk::check_rating(std::string body, std::function<void(DeskAnswer<bool>)> done)
{
    Job job{Job::Method::post, "/v1/ratings/check", body, answer_with<bool>(std::move(done), read_rating_check)};
    wipe(body);
    enqueue(std::move(job));
}

void BookingDesk::satisfaction(std::string hall, std::function<void(DeskAnswer<Satisfaction>)> done)
{
    if (!path_safe(hall))
        return refuse_now(done, "not a hall id");
    enqueue(Job{Job::Method::get, "/v1/halls/" + hall + "/satisfaction", "",
                answer_with<Satisfaction>(std::move(done),
                                          [hall](std::string_view text) { return read_satisfaction(text, hall); })});
}

} // namespace hk::uplink
