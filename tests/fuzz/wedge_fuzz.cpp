// Fuzz target for the keyboard-wedge assembler (drivers/scanner/wedge_assembler.cpp): boot
// keyboard reports with fuzzed pauses between them, fed one report at a time, and again with the
// reports of one instant joined into one feed() and flush_if_idle() asked at times in between.
// Checks: the two give the same codes and problems; a code's text and AIM id are printable
// ASCII and within kMaxCodeBytes.
//
// Input: records of 9 bytes, a pause in milliseconds before the report (0 to 255) then the
// 8-byte report; a shorter record at the end is left out.
#include "fuzz_expect.hpp"
#include "wedge_assembler.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace hk::scanner;
using hk::fuzz::expect;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kRecord = 1 + WedgeAssembler::kReportBytes;

bool printable(const std::string& s)
{
    for (const char c : s)
        if (c < 0x20 || c > 0x7E)
            return false;
    return true;
}

bool same(const WedgeOutput& x, const WedgeOutput& y)
{
    if (x.index() != y.index())
        return false;
    if (const auto* e = std::get_if<ScanEvent>(&x)) {
        const auto& f = std::get<ScanEvent>(y);
        return e->data == f.data && e->aim_id == f.aim_id && e->last_report_at == f.last_report_at;
    }
    return std::get<ScanProblem>(x).what == std::get<ScanProblem>(y).what;
}

void add(std::vector<WedgeOutput>& all, std::vector<WedgeOutput> more)
{
    for (auto& o : more)
        all.push_back(std::move(o));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::size_t n = size / kRecord;
    const Clock::time_point t0{};

    // One report a feed, at its own time.
    WedgeAssembler one;
    std::vector<WedgeOutput> by_one;
    Clock::time_point t = t0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* rec = data + i * kRecord;
        t += std::chrono::milliseconds(rec[0]);
        add(by_one, one.feed(std::span(rec + 1, WedgeAssembler::kReportBytes), t));
    }
    if (auto e = one.flush_if_idle(t + std::chrono::hours(1)))
        by_one.push_back(std::move(*e));

    // The reports of one instant in one feed, with the timer asking half way through each pause.
    WedgeAssembler grouped;
    std::vector<WedgeOutput> by_group;
    std::vector<std::uint8_t> batch;
    t = t0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* rec = data + i * kRecord;
        if (rec[0] != 0 && !batch.empty()) {
            add(by_group, grouped.feed(batch, t));
            batch.clear();
        }
        if (rec[0] != 0) {
            if (auto e = grouped.flush_if_idle(t + std::chrono::milliseconds(rec[0] / 2)))
                by_group.push_back(std::move(*e));
            t += std::chrono::milliseconds(rec[0]);
        }
        batch.insert(batch.end(), rec + 1, rec + kRecord);
    }
    if (!batch.empty())
        add(by_group, grouped.feed(batch, t));
    if (auto e = grouped.flush_if_idle(t + std::chrono::hours(1)))
        by_group.push_back(std::move(*e));

    expect(by_one.size() == by_group.size(), "joined into fewer feeds, the reports gave other outputs");
    for (std::size_t i = 0; i < by_one.size(); ++i) {
        expect(same(by_one[i], by_group[i]), "joined into fewer feeds, the reports gave other outputs");
        if (const auto* e = std::get_if<ScanEvent>(&by_one[i])) {
            expect(!e->data.empty() && e->data.size() <= kMaxCodeBytes, "a code empty or past the limit");
            expect(printable(e->data) && printable(e->aim_id), "a code with a character that is not printable ASCII");
        }
    }
    return 0;
}
