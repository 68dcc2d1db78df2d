// QR codes drawn with ZXing-C++ (see qr_image.hpp).
#include "qr_image.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace hk::printer {

std::optional<escpos::Bitmap> qr_image(std::string_view data, int module_dots, escpos::QrLevel level)
{
    constexpr int kQuietModules = 4;
    const int module = std::clamp(module_dots, 1, 16);
    // ZXing's QR writer takes the level as 0..8 in steps of two: L, M, Q, H → 1, 3, 5, 7.
    const int ecc = (static_cast<int>(level) - static_cast<int>(escpos::QrLevel::L)) * 2 + 1;
    try {
        const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                       .setEncoding(ZXing::CharacterSet::UTF8)
                                       .setEccLevel(ecc)
                                       .setMargin(0)
                                       .encode(std::string(data), 0, 0);
        escpos::Bitmap b;
        b.width = (m.width() + 2 * kQuietModules) * module;
        b.height = (m.height() + 2 * kQuietModules) * module;
        b.dots.assign(static_cast<std::size_t>(b.width) * static_cast<std::size_t>(b.height), 0);
        for (int y = 0; y < b.height; ++y)
            for (int x = 0; x < b.width; ++x) {
                const int mx = x / module - kQuietModules;
                const int my = y / module - kQuietModules;
                if (mx >= 0 && my >= 0 && mx < m.width() && my < m.height() && m.get(mx, my))
                    b.dots[static_cast<std::size_t>(y) * static_cast<std::size_t>(b.width) + static_cast<std::size_t>(x)] = 1;
            }
        return b;
    } catch (const std::exception&) { // too long for any QR version at this level
        return std::nullopt;
    }
}

} // namespace hk::printer
