// Fuzz target for the HID POS report assembler (drivers/scanner/hid_pos_report.cpp): reports of
// any size and content, with resets between them, as a scanner and the device part's quiet-gap
// timer would give them. Checks: no code and no partial code past kMaxCodeBytes; a code comes
// only with a report that ends one; every code is exactly the data of the reports since the
// last one that ended a code (or since the last problem or reset), joined, with the first
// one's AIM id.
//
// Input: records, each a size byte then that many report bytes (fewer at the end of the input);
// a size byte of 0xFF is a reset() instead.
#include "fuzz_expect.hpp"
#include "hid_pos_report.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

using namespace hk::scanner;
using hk::fuzz::expect;
using L = HidPosLayout;

namespace {

// A report the assembler must take: a scanned data report, whole, its length within it.
bool well_formed(std::span<const std::uint8_t> r)
{
    return r.size() >= L::kReportBytes && r[0] == L::kReportId && r[L::kLength] <= L::kMaxData;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    HidPosAssembler a;
    std::string joined;      // the data of the reports since the last code ended, joined
    std::string first_aim;   // the AIM bytes of the first of them
    bool have_first = false;
    const auto t = std::chrono::steady_clock::time_point{};
    std::size_t at = 0;
    while (at < size) {
        const std::uint8_t n = data[at++];
        if (n == 0xFF) {
            a.reset();
            joined.clear();
            have_first = false;
            expect(!a.partial() && a.partial_bytes() == 0, "a reset left a partial code");
            continue;
        }
        const std::span<const std::uint8_t> r(data + at, std::min<std::size_t>(n, size - at));
        at += r.size();
        const HidPosFed fed = a.feed(r, t);
        expect(!(fed.scan && fed.problem), "a report gave a code and a problem");
        expect(a.partial_bytes() <= kMaxCodeBytes, "a partial code past the limit is held");
        if (!well_formed(r)) {
            expect(fed.problem.has_value() && !fed.scan, "a broken report was taken");
            joined.clear();
            have_first = false;
            continue;
        }
        if (!have_first) {
            first_aim.assign(r.begin() + L::kAim, r.begin() + L::kAim + 3);
            have_first = true;
        }
        joined.append(r.begin() + L::kData, r.begin() + L::kData + r[L::kLength]);
        const bool ends = r[L::kMore] == 0;
        if (fed.scan) {
            expect(ends, "a code came with a report that says more follow");
            expect(fed.scan->data.size() <= kMaxCodeBytes, "a code past the limit");
            expect(fed.scan->data == joined, "a code is not its reports' data joined");
            expect(fed.scan->aim_id.empty() || fed.scan->aim_id == first_aim, "a code's AIM id is not its first report's");
        }
        if (ends || fed.problem) {
            joined.clear();
            have_first = false;
        }
    }
    return 0;
}
