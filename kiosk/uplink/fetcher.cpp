// The fetcher's thread: status questions first, then the catalogue refresh when it is due.
#include "fetcher.hpp"

#include "pulls.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace hk::uplink {

Result<std::unique_ptr<Fetcher>> Fetcher::create(store::Store& store, FetcherOptions options)
{
    if (options.refresh_interval_ms < 1000)
        return fail("the catalogues are refreshed at most once a second");
    std::unique_ptr<Fetcher> f(new Fetcher(store, std::move(options)));
    HttpOptions http = f->options_.http;
    http.abort = &f->stopping_;
    auto client = HttpClient::open(std::move(http));
    if (!client)
        return std::unexpected(client.error());
    f->http_.emplace(std::move(*client));
    f->status_.next_refresh_ms = f->now_ms();
    return f;
}

Fetcher::Fetcher(store::Store& store, FetcherOptions options)
    : store_(store), options_(std::move(options)), random_(random_unit_or_default(options_.random_unit))
{
}

Fetcher::~Fetcher()
{
    stop();
}

void Fetcher::on_updated(std::function<void(std::string_view name)> hook)
{
    on_updated_ = std::move(hook);
}

void Fetcher::start()
{
    const std::lock_guard lock(mutex_);
    if (!started_ && !stopping_.load()) {
        started_ = true;
        thread_ = std::thread([this] { run(); });
    }
}

void Fetcher::stop()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_.store(true);
    }
    wake_.notify_one();
    if (thread_.joinable())
        thread_.join();
    std::deque<Question> left;
    {
        const std::lock_guard lock(mutex_);
        left.swap(questions_);
    }
    for (Question& q : left)
        q.done(StatusAnswer{StatusAnswer::Kind::unreachable, std::nullopt, std::nullopt, "stopped"});
}

void Fetcher::refresh_now()
{
    {
        const std::lock_guard lock(mutex_);
        refresh_asked_ = true;
    }
    wake_.notify_one();
}

void Fetcher::request_status(std::string tracking, std::string check, std::function<void(StatusAnswer)> done)
{
    if (auto why = status_question_problem(tracking, check))
        return done(StatusAnswer{StatusAnswer::Kind::invalid, std::nullopt, std::nullopt, *why});
    {
        const std::lock_guard lock(mutex_);
        if (!stopping_.load()) {
            questions_.push_back(Question{std::move(tracking), std::move(check), std::move(done)});
            wake_.notify_one();
            return;
        }
    }
    done(StatusAnswer{StatusAnswer::Kind::unreachable, std::nullopt, std::nullopt, "stopped"});
}

FetcherStatus Fetcher::status() const
{
    const std::lock_guard lock(status_mutex_);
    return status_;
}

std::int64_t Fetcher::now_ms() const
{
    if (options_.now_ms)
        return options_.now_ms();
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool Fetcher::refresh()
{
    std::string error;
    std::int64_t updated = 0;
    for (std::string_view name : kCatalogues) {
        if (stopping_.load())
            return false;
        auto pulled = pull_catalogue(*http_, store_, name);
        if (!pulled) {
            error = pulled.error().message;
            // An unreachable central side fails every catalogue alike: one failure says it.
            break;
        }
        if (*pulled == PullOutcome::updated) {
            ++updated;
            spdlog::info("catalogue: {} updated", name);
            if (on_updated_)
                on_updated_(name);
        }
    }
    const std::int64_t now = now_ms();
    int failures = 0;
    {
        const std::lock_guard lock(status_mutex_);
        status_.updated += updated;
        if (error.empty()) {
            status_.last_refresh_ms = now;
            status_.failures = 0;
            status_.next_refresh_ms = now + options_.refresh_interval_ms;
        } else {
            failures = ++status_.failures;
            status_.last_error = error;
            // Never later than the regular interval, however many failures in a row.
            status_.next_refresh_ms =
                now + std::min(options_.refresh_interval_ms, options_.backoff.delay_ms(failures, random_()));
        }
    }
    if (!error.empty() && (failures == 1 || failures % 10 == 0))
        spdlog::warn("catalogue: refresh failed ({} in a row): {}", failures, error);
    return error.empty();
}

StatusAnswer Fetcher::ask_status(const std::string& tracking, const std::string& check)
{
    if (auto why = status_question_problem(tracking, check))
        return StatusAnswer{StatusAnswer::Kind::invalid, std::nullopt, std::nullopt, *why};
    auto fetched = uplink::request_status(*http_, store_, tracking, check);
    if (fetched && *fetched)
        return StatusAnswer{StatusAnswer::Kind::found, std::move(**fetched), now_ms(), ""};
    if (fetched)
        return StatusAnswer{StatusAnswer::Kind::unknown, std::nullopt, std::nullopt, ""};
    StatusAnswer a;
    a.error = fetched.error().message;
    auto cached = cached_request_status(store_, tracking, check);
    if (cached && *cached) {
        a.doc = std::move((*cached)->doc);
        a.fetched_ms = (*cached)->fetched_ms;
    }
    return a;
}

void Fetcher::run()
{
    while (!stopping_.load()) {
        std::optional<Question> question;
        bool refresh_due = false;
        {
            std::unique_lock lock(mutex_);
            const auto due_in = [this] { return status().next_refresh_ms - now_ms(); };
            wake_.wait_for(lock, std::chrono::milliseconds(std::max<std::int64_t>(0, due_in())),
                           [&] { return stopping_.load() || !questions_.empty() || refresh_asked_ || due_in() <= 0; });
            if (stopping_.load())
                break;
            if (!questions_.empty()) {
                question = std::move(questions_.front());
                questions_.pop_front();
            } else {
                refresh_due = true;
                refresh_asked_ = false;
            }
        }
        if (question)
            question->done(ask_status(question->tracking, question->check));
        else if (refresh_due)
            refresh();
    }
}

} // namespace hk::uplink
