// A code arriving a character at a time (see code_buffer.hpp).
#include "code_buffer.hpp"

namespace hk::scanner {

std::optional<ScanProblem> CodeBuffer::add(char c, time_point now)
{
    receiving_ = true;
    last_at_ = now;
    if (discarding_)
        return std::nullopt;
    if (text_.size() >= kMaxCodeBytes) {
        text_.clear();
        discarding_ = true;
        return ScanProblem{"a " + std::string(source_name(source_)) + " code longer than " +
                               std::to_string(kMaxCodeBytes) + " bytes is dropped",
                           source_};
    }
    text_.push_back(c);
    return std::nullopt;
}

std::optional<ScanEvent> CodeBuffer::end(time_point now)
{
    const bool had = receiving_ && !discarding_ && !text_.empty();
    receiving_ = false;
    discarding_ = false;
    if (!had) {
        text_.clear();
        return std::nullopt;
    }
    ScanEvent scan{std::move(text_), "", source_, now};
    text_.clear();
    split_aim_prefix(scan.data, scan.aim_id);
    if (scan.data.empty()) // an AIM prefix alone is no code
        return std::nullopt;
    return scan;
}

std::optional<ScanEvent> CodeBuffer::flush_if_idle(time_point now)
{
    if (!receiving_ || now - last_at_ < gap_)
        return std::nullopt;
    return end(last_at_);
}

std::optional<CodeBuffer::time_point> CodeBuffer::flush_due() const
{
    if (!receiving_)
        return std::nullopt;
    return last_at_ + gap_;
}

} // namespace hk::scanner
