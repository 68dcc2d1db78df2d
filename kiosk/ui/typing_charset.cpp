// Enumerating GB 2312 and Big5 through iconv (see typing_charset.hpp).
#include "typing_charset.hpp"

#include <iconv.h>

#include <array>

namespace hk::ui {
namespace {

struct Span {
    unsigned first, last; // two-byte codes, inclusive
};

// GB 2312 (EUC-CN): row 1 (、。“”…), row 3 (full-width ASCII), rows 16-87 (the hanzi, level 1
// then level 2). Trail bytes A1-FE.
constexpr std::array kGb2312{Span{0xA1A1, 0xA1FE}, Span{0xA3A1, 0xA3FE}, Span{0xB0A1, 0xF7FE}};
// Big5: the symbols (，、。？！（）...) from A140, and the frequently used hanzi A440-C67E.
// Trail bytes 40-7E and A1-FE.
constexpr std::array kBig5{Span{0xA140, 0xA1FE}, Span{0xA440, 0xC67E}};

template <std::size_t N>
std::string enumerate(const char* encoding, const std::array<Span, N>& spans, bool big5_trails)
{
    std::string out;
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == reinterpret_cast<iconv_t>(-1))
        return out;
    for (const Span& s : spans) {
        for (unsigned code = s.first; code <= s.last; ++code) {
            const unsigned trail = code & 0xFF;
            const bool valid = big5_trails ? (trail >= 0x40 && trail <= 0x7E) || (trail >= 0xA1 && trail <= 0xFE)
                                           : trail >= 0xA1 && trail <= 0xFE;
            if (!valid)
                continue;
            char in[2] = {static_cast<char>(code >> 8), static_cast<char>(trail)};
            char buf[8];
            char* inp = in;
            char* outp = buf;
            std::size_t in_left = 2, out_left = sizeof buf;
            // Codes the encoding leaves unassigned fail and are skipped.
            if (iconv(cd, &inp, &in_left, &outp, &out_left) != static_cast<std::size_t>(-1))
                out.append(buf, sizeof buf - out_left);
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
        }
    }
    iconv_close(cd);
    return out;
}

} // namespace

const std::string& typing_charset(Face face)
{
    static const std::string simplified = enumerate("GB2312", kGb2312, false);
    static const std::string traditional = enumerate("BIG5", kBig5, true);
    return face == Face::tc ? traditional : simplified;
}

} // namespace hk::ui
