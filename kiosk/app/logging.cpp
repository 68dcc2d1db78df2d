// Logger set-up (see logging.hpp).
#include "logging.hpp"

#include <spdlog/details/null_mutex.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>

namespace hk::app {
namespace {

// %* : the sd-daemon(3) priority prefix the journal reads from a stream.
class JournalPriority final : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override
    {
        static constexpr const char* kPrefix[] = {"<7>", "<7>", "<6>", "<4>", "<3>", "<2>", "<6>"};
        const auto i = static_cast<std::size_t>(msg.level);
        const std::string_view p = kPrefix[i < 7 ? i : 6];
        dest.append(p.data(), p.data() + p.size());
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JournalPriority>(); }
};

// The ring shared by every logger init_logging makes; held by pointer so that a sink still in
// spdlog's registry at exit never outlives it.
const std::shared_ptr<LogRing>& process_ring()
{
    static const auto ring = std::make_shared<LogRing>(kRecentLogLines);
    return ring;
}

// Copies each message into the ring. The ring locks for itself, so the sink needs no mutex.
class RingSink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
public:
    explicit RingSink(std::shared_ptr<LogRing> ring) : ring_(std::move(ring)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override
    {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
        const auto level = static_cast<LogLevel>(std::min<int>(msg.level, static_cast<int>(LogLevel::critical)));
        ring_->push(LogLine{static_cast<std::int64_t>(ms), level, std::string(msg.payload.data(), msg.payload.size())});
    }
    void flush_() override {}

private:
    std::shared_ptr<LogRing> ring_;
};

} // namespace

void init_logging(std::string_view level)
{
    const auto journal_level = spdlog::level::from_str(std::string(level));
    const auto ring_level = std::min(journal_level, spdlog::level::info);
    auto journal = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    journal->set_level(journal_level);
    auto ring = std::make_shared<RingSink>(process_ring());
    ring->set_level(ring_level);

    auto logger = std::make_shared<spdlog::logger>("hallkiosk", spdlog::sinks_init_list{journal, ring});
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    if (std::getenv("JOURNAL_STREAM"))
        formatter->add_flag<JournalPriority>('*').set_pattern("%*%v");
    else
        formatter->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
    logger->set_formatter(std::move(formatter));
    logger->set_level(ring_level);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(std::move(logger));
}

std::vector<LogLine> recent_log(std::size_t max)
{
    return process_ring()->latest(max);
}

std::uint64_t recent_log_count()
{
    return process_ring()->pushed();
}

} // namespace hk::app
