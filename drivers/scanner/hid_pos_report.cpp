// HID POS scanned data reports into codes (see hid_pos_report.hpp).
#include "hid_pos_report.hpp"

#include <algorithm>

namespace hk::scanner {
namespace {

using L = HidPosLayout;

std::string aim_of(std::span<const std::uint8_t> report)
{
    // An AIM identifier is "]" and two printable ASCII characters; anything else (zeros from a
    // scanner set to send none) means none.
    const std::string aim(report.begin() + L::kAim, report.begin() + L::kAim + 3);
    const bool ok = aim[0] == ']' && std::all_of(aim.begin() + 1, aim.end(), [](char c) { return c > 0x20 && c < 0x7F; });
    return ok ? aim : std::string();
}

} // namespace

void HidPosAssembler::reset()
{
    data_.clear();
    aim_id_.clear();
    started_ = false;
    discarding_ = false;
}

HidPosFed HidPosAssembler::drop(std::string why)
{
    if (started_ && !discarding_)
        why += "; the " + std::to_string(data_.size()) + " bytes of the code being assembled are dropped";
    reset();
    return {std::nullopt, std::move(why)};
}

HidPosFed HidPosAssembler::feed(std::span<const std::uint8_t> report, std::chrono::steady_clock::time_point now)
{
    if (report.empty())
        return drop("an empty HID POS report");
    if (report[0] != L::kReportId)
        return drop("HID POS report id " + std::to_string(report[0]) + " is not a scanned data report");
    if (report.size() < L::kReportBytes)
        return drop("a HID POS report of " + std::to_string(report.size()) + " bytes, short of " +
                    std::to_string(L::kReportBytes));
    const std::size_t len = report[L::kLength];
    if (len > L::kMaxData)
        return drop("a HID POS report says it holds " + std::to_string(len) + " bytes, past the " +
                    std::to_string(L::kMaxData) + " it has room for");
    const bool more = report[L::kMore] != 0;

    if (discarding_) {
        // The rest of an oversized code: nothing to say until it ends.
        if (!more)
            reset();
        return {};
    }
    if (!started_)
        aim_id_ = aim_of(report);
    if (data_.size() + len > kMaxCodeBytes) {
        HidPosFed fed{std::nullopt, "a HID POS code longer than " + std::to_string(kMaxCodeBytes) + " bytes is dropped"};
        reset();
        discarding_ = more;
        started_ = more;
        return fed;
    }
    data_.append(report.begin() + L::kData, report.begin() + L::kData + static_cast<std::ptrdiff_t>(len));
    if (more) {
        started_ = true;
        return {};
    }
    if (data_.empty()) {
        reset();
        return {std::nullopt, "a HID POS scan with no data"};
    }
    ScanEvent scan{std::move(data_), std::move(aim_id_), ScanEvent::Source::hid_pos, now};
    reset();
    return {std::move(scan), std::nullopt};
}

} // namespace hk::scanner
