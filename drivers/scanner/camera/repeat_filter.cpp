// Holding back texts seen again (see repeat_filter.hpp).
#include "repeat_filter.hpp"

namespace hk::camera {

std::vector<std::string> RepeatFilter::frame(const std::vector<std::string>& texts, Clock::time_point now)
{
    ++frame_;
    const auto gone = static_cast<std::uint64_t>(options_.gone_frames > 0 ? options_.gone_frames : 0);
    std::vector<std::string> out;
    for (const std::string& t : texts) {
        auto [it, fresh] = seen_.try_emplace(t, Seen{now, frame_});
        Seen& s = it->second;
        if (fresh) {
            out.push_back(t);
            continue;
        }
        if (s.last_frame == frame_) { // twice in one frame
            continue;
        }
        const bool out_of_view_long_enough = frame_ - s.last_frame > gone;
        const bool held_long_enough = now - s.reported_at >= options_.hold;
        if (out_of_view_long_enough && held_long_enough) {
            s.reported_at = now;
            out.push_back(t);
        }
        s.last_frame = frame_;
    }
    // Forget what can be reported afresh anyway, so the table stays as small as what is in view.
    std::erase_if(seen_, [&](const auto& kv) {
        return frame_ - kv.second.last_frame > gone && now - kv.second.reported_at >= options_.hold;
    });
    return out;
}

} // namespace hk::camera
