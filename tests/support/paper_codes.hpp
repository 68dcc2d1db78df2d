// Reading printed paper back in tests: the QR codes and barcodes on a simulated printer's
// picture, decoded with ZXing-C++ as a phone's scanner would, and how much of it is inked.
#pragma once

#define ZX_USE_UTF8
#include "paper_roll.hpp"

#include <ZXing/ReadBarcode.h>

#include <optional>
#include <string>

namespace hk::test {

inline std::optional<std::string> read_code(const sim::Picture& p,
                                            ZXing::BarcodeFormat format = ZXing::BarcodeFormat::QRCode)
{
    const ZXing::ImageView view(p.pixels.data(), p.width, p.height, ZXing::ImageFormat::Lum);
    const auto r = ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(format).setTryHarder(true));
    if (!r.isValid())
        return std::nullopt;
    return r.text();
}

// The share of the picture's dots that are black.
inline double ink(const sim::Picture& p)
{
    std::size_t black = 0;
    for (std::uint8_t v : p.pixels)
        black += v < 128;
    return p.pixels.empty() ? 0 : static_cast<double>(black) / static_cast<double>(p.pixels.size());
}

} // namespace hk::test
