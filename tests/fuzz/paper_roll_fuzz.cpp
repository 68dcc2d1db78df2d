// Fuzz target for the simulated printer's ESC/POS interpreter (drivers/sim/paper_roll.cpp):
// any byte stream, fed whole or in pieces of any size, draws the same well-formed pictures.
//
// Input: a 4-byte header, then the bytes the printer receives. Header byte 0: bit 0 picks the
// roll, 384 dots (58 mm) or 576 (80 mm); bit 1 draws text with the fonts (loading them costs
// more than most inputs, so half the runs go without). Bytes 1-3: the sizes of the pieces the
// stream is cut into for the second feeding, each byte value + 1, taken in turn.
#include "paper_roll.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>

using hk::sim::PaperRoll;
using hk::sim::Picture;

namespace {

constexpr std::size_t kHeader = 4;
// A short roll (half a metre), so that running out is reached often and runs stay fast.
constexpr int kRollLengthDots = 4'000;
// No fonts there: text takes its place on the paper but is not drawn.
const char* const kNoFonts = "/dev/null";

void expect(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "paper_roll_fuzz: %s\n", what);
        std::abort();
    }
}

void check_picture(const Picture& p, int width_dots)
{
    expect(p.width == width_dots, "a picture is not as wide as the roll");
    expect(p.height >= 0, "a picture has a negative height");
    expect(p.pixels.size() == static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height),
           "a picture's pixels are not width x height");
}

bool same(const Picture& a, const Picture& b)
{
    return a.width == b.width && a.height == b.height && a.pixels == b.pixels;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < kHeader)
        return 0;
    const int width_dots = (data[0] & 1) ? 576 : 384;
    const char* font_dir = (data[0] & 2) ? PaperRoll::kFontDir : kNoFonts;
    const std::size_t piece[3] = {data[1] + 1u, data[2] + 1u, data[3] + 1u};
    const std::span<const std::uint8_t> stream(data + kHeader, size - kHeader);

    PaperRoll whole(width_dots, font_dir, kRollLengthDots);
    whole.feed(stream);

    PaperRoll pieces(width_dots, font_dir, kRollLengthDots);
    pieces.feed({});
    for (std::size_t at = 0, i = 0; at < stream.size(); ++i) {
        const std::size_t n = std::min(piece[i % 3], stream.size() - at);
        pieces.feed(stream.subspan(at, n));
        at += n;
    }

    const auto& receipts = whole.receipts();
    const Picture current = whole.current();
    long rows = current.height;
    for (const Picture& p : receipts) {
        check_picture(p, width_dots);
        rows += p.height;
    }
    check_picture(current, width_dots);
    expect(rows <= kRollLengthDots, "more paper was printed than the roll holds");

    expect(pieces.receipts().size() == receipts.size(), "split feeding cut another number of receipts");
    for (std::size_t i = 0; i < receipts.size(); ++i)
        expect(same(pieces.receipts()[i], receipts[i]), "split feeding drew another receipt");
    expect(same(pieces.current(), current), "split feeding drew other paper since the last cut");
    expect(pieces.unknown() == whole.unknown(), "split feeding found other unknown commands");
    return 0;
}
