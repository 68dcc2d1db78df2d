// The simulated printer's paper: an ESC/POS interpreter that draws what a thermal printer would
// print onto a roll of dots, so that a person (or a test, through a QR decoder) can see every
// receipt. Text is drawn with Noto Sans CJK at the printer's character sizes (12x24 dots for
// ASCII, 24x24 for Chinese, times the size multipliers), raster images dot for dot, native QR
// codes and CODE128 barcodes as the printer would build them, and cuts as dashed lines. A
// command the interpreter does not know is drawn as a marked box with its bytes, so a wrong byte
// never hides.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace hk::sim {

// A greyscale picture: 0 black, 255 white.
struct Picture {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

// Writes `p` as a PNG. False (with errno set by the writer) if it cannot.
bool save_png(const Picture& p, const std::filesystem::path& file);

class PaperRoll {
public:
    static constexpr const char* kFontDir = "/usr/share/fonts/opentype/noto";
    // 20 m of paper at 8 dots a millimetre, a small roll: at most 92 MB of picture at 576 dots.
    static constexpr int kRollLengthDots = 20'000 * 8;

    // `width_dots`: 384 (58 mm) or 576 (80 mm). `font_dir`: where NotoSansCJK-*.ttc are.
    // `length_dots`: the paper on the roll. When it is used up nothing more is printed or cut, as
    // on a printer at the end of its roll, so no byte stream can make the paper grow without end.
    explicit PaperRoll(int width_dots = 576, std::filesystem::path font_dir = kFontDir,
                       int length_dots = kRollLengthDots);
    ~PaperRoll();
    PaperRoll(PaperRoll&&) noexcept;
    PaperRoll& operator=(PaperRoll&&) noexcept;

    // Bytes as the printer receives them, in pieces of any size: a command split across two
    // pieces is completed by the second.
    void feed(std::span<const std::uint8_t> bytes);

    // Receipts finished by a cut, oldest first, and the paper printed since the last cut.
    const std::vector<Picture>& receipts() const;
    Picture current() const;
    // Commands that were not understood, as "1B 7A" (for tests and the log).
    const std::vector<std::string>& unknown() const;

    struct State;

private:
    std::unique_ptr<State> s_;
};

} // namespace hk::sim
