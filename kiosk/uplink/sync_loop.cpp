// The sync loop's thread and its one step: read a batch, POST it, read the answer, mark it.
#include "sync_loop.hpp"

#include "http_date.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>

namespace hk::uplink {

namespace {

store::Ack ack_of(UploadStatus s)
{
    switch (s) {
    case UploadStatus::accepted: return store::Ack::accepted;
    case UploadStatus::duplicate: return store::Ack::duplicate;
    case UploadStatus::rejected: return store::Ack::rejected;
    }
    return store::Ack::rejected;
}

} // namespace

Result<std::unique_ptr<SyncLoop>> SyncLoop::create(store::Store& store, SyncOptions options)
{
    if (options.kiosk_id.empty())
        return fail("the sync loop needs the kiosk's id");
    if (options.batch_size < 1 || options.batch_size > kMaxBatchRecords)
        return fail("a batch holds 1 to " + std::to_string(kMaxBatchRecords) + " records");
    std::unique_ptr<SyncLoop> loop(new SyncLoop(store, std::move(options)));
    HttpOptions http = loop->options_.http;
    http.abort = &loop->stopping_; // its transfers answer to stop()
    auto client = HttpClient::open(std::move(http));
    if (!client)
        return std::unexpected(client.error());
    loop->http_.emplace(std::move(*client));
    loop->refresh_counts(); // status() counts what waits from the start, not from the first attempt
    return loop;
}

SyncLoop::SyncLoop(store::Store& store, SyncOptions options)
    : store_(store), options_(std::move(options)), random_(random_unit_or_default(options_.random_unit))
{
}

SyncLoop::~SyncLoop()
{
    stop();
}

void SyncLoop::start()
{
    if (!thread_.joinable() && !stopping_.load())
        thread_ = std::thread([this] { run(); });
}

void SyncLoop::notify()
{
    {
        const std::lock_guard lock(wake_mutex_);
        notified_ = true;
    }
    wake_.notify_one();
}

void SyncLoop::retry_now()
{
    {
        const std::lock_guard lock(wake_mutex_);
        notified_ = true;
        retry_ = true;
    }
    wake_.notify_one();
}

void SyncLoop::stop()
{
    {
        const std::lock_guard lock(wake_mutex_);
        stopping_.store(true);
    }
    wake_.notify_one();
    if (thread_.joinable())
        thread_.join();
}

SyncStatus SyncLoop::status() const
{
    const std::lock_guard lock(status_mutex_);
    return status_;
}

std::int64_t SyncLoop::now_ms() const
{
    if (options_.now_ms)
        return options_.now_ms();
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void SyncLoop::run()
{
    refresh_counts();
    while (!stopping_.load()) {
        const Step s = step();
        if (s == Step::sent)
            continue; // there may be more waiting
        if (s == Step::failed) {
            const std::int64_t delay = status().next_delay_ms;
            if (options_.sleep) {
                options_.sleep(delay);
            } else {
                std::unique_lock lock(wake_mutex_);
                wake_.wait_for(lock, std::chrono::milliseconds(delay), [this] { return stopping_.load() || retry_; });
                retry_ = false;
            }
            continue;
        }
        std::unique_lock lock(wake_mutex_);
        wake_.wait(lock, [this] { return stopping_.load() || notified_; });
        notified_ = false;
    }
}

SyncLoop::Step SyncLoop::step()
{
    {
        // What is waiting now is sent now: a notice that came before this point is served by it.
        const std::lock_guard lock(wake_mutex_);
        notified_ = false;
        retry_ = false;
    }
    auto records = store_.waiting(options_.batch_size);
    if (!records)
        return failed("the store: " + records.error().message);
    {
        const std::lock_guard lock(status_mutex_);
        status_.idle = records->empty();
    }
    if (records->empty()) {
        refresh_counts();
        return Step::idle;
    }

    std::vector<std::string> ids;
    ids.reserve(records->size());
    nlohmann::json jws = nlohmann::json::array();
    for (store::OutboxRecord& r : *records) {
        ids.push_back(r.id);
        jws.push_back(std::move(r.jws));
    }
    const nlohmann::json envelope = {{"kiosk", options_.kiosk_id}, {"records", std::move(jws)}};
    auto response = http_->post_json("/v1/records", envelope.dump());
    if (!response)
        return failed(response.error().message);
    note_date(response->date);
    if (response->status != 200)
        return failed("the central side answered HTTP " + std::to_string(response->status));
    auto results = parse_upload_results(response->body, ids);
    if (auto* e = std::get_if<ParseError>(&results))
        return failed("the central side's answer: " + e->message);

    std::vector<store::Answer> answers;
    answers.reserve(ids.size());
    std::size_t rejected = 0;
    for (UploadResult& u : std::get<std::vector<UploadResult>>(results)) {
        rejected += u.status == UploadStatus::rejected ? 1 : 0;
        answers.push_back(store::Answer{std::move(u.id), ack_of(u.status), std::move(u.reason)});
    }
    if (auto marked = store_.mark(answers); !marked)
        return failed("the store: " + marked.error().message);
    if (rejected > 0)
        spdlog::warn("uplink: the central side rejected {} of {} records; kept for staff", rejected, ids.size());
    {
        const std::lock_guard lock(status_mutex_);
        status_.online = true;
        status_.failures = 0;
        status_.next_delay_ms = 0;
        status_.last_success_ms = now_ms();
        status_.answered += static_cast<std::int64_t>(answers.size());
    }
    refresh_counts();
    return Step::sent;
}

SyncLoop::Step SyncLoop::failed(std::string what)
{
    int failures = 0;
    bool was_online = false;
    {
        const std::lock_guard lock(status_mutex_);
        was_online = status_.online || status_.failures == 0;
        status_.online = false;
        failures = ++status_.failures;
        status_.next_delay_ms = options_.backoff.delay_ms(failures, random_());
        status_.last_error = what;
    }
    // One line when the kiosk goes offline, then one per ten failures: a week offline is not
    // a hundred thousand lines.
    if (was_online || failures % 10 == 0)
        spdlog::warn("uplink: upload failed ({} in a row): {}", failures, what);
    refresh_counts();
    return Step::failed;
}

void SyncLoop::note_date(const std::string& date)
{
    const auto server_s = parse_http_date(date);
    if (!server_s)
        return;
    const std::int64_t skew = *server_s - now_ms() / 1000;
    const bool too_large = std::llabs(skew) > options_.skew_limit_s;
    bool changed = false;
    {
        const std::lock_guard lock(status_mutex_);
        status_.skew_s = skew;
        changed = too_large != status_.skew_too_large;
        status_.skew_too_large = too_large;
    }
    if (changed && too_large)
        spdlog::warn("uplink: this kiosk's clock is {} s off the central side's (over {} s)", -skew,
                     options_.skew_limit_s);
    else if (changed)
        spdlog::info("uplink: this kiosk's clock agrees with the central side's again ({} s)", -skew);
}

void SyncLoop::refresh_counts()
{
    auto stats = store_.stats();
    if (!stats)
        return; // the store reports its own faults (health())
    const std::int64_t now = now_ms();
    const std::lock_guard lock(status_mutex_);
    status_.waiting = stats->waiting;
    status_.rejected = stats->rejected;
    status_.oldest_waiting_age_ms.reset();
    if (stats->oldest_waiting_ms)
        status_.oldest_waiting_age_ms = now - *stats->oldest_waiting_ms;
}

} // namespace hk::uplink
