// A QR code as a 1-bit image, for printers without native QR (GS ( k): built with ZXing-C++'s
// writer and printed as a raster (GS v 0).
#pragma once

#include "escpos.hpp"

#include <optional>
#include <string_view>

namespace hk::printer {

// `data` (UTF-8, byte mode) as a model 2 QR code, each module `module_dots` square (1..16), with
// the 4-module quiet zone the standard asks for (ISO/IEC 18004 §6.3.8) on every side. Nothing
// when the data does not fit in a QR code at that error correction level.
std::optional<escpos::Bitmap> qr_image(std::string_view data, int module_dots, escpos::QrLevel level);

} // namespace hk::printer
