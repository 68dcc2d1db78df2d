// The ZXing-C++ 1.4 adapter (see code_reader.hpp).
//
// Result::text() in 1.4 is std::wstring unless ZX_USE_UTF8 is defined, then std::string holding
// UTF-8 (Result::utf8(), which Debian's libZXing exports). The project defines it wherever it reads
// results, so every translation unit sees the same inline text().
#define ZX_USE_UTF8
#include "code_reader.hpp"

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <array>
#include <exception>
#include <type_traits>
#include <utility>

namespace hk::camera {

static_assert(std::is_same_v<decltype(std::declval<ZXing::Result>().text()), std::string>,
              "ZXing's Result::text() must give UTF-8");

namespace {

struct Kind {
    Symbology ours;
    ZXing::BarcodeFormat theirs;
    std::string_view name;
    std::string_view aim_id; // ISO/IEC 15424, modifier for the plain form of the code
};

constexpr std::array kKinds{
    Kind{Symbology::qr_code, ZXing::BarcodeFormat::QRCode, "QR Code", "]Q1"},
    Kind{Symbology::micro_qr_code, ZXing::BarcodeFormat::MicroQRCode, "Micro QR Code", "]Q1"},
    Kind{Symbology::data_matrix, ZXing::BarcodeFormat::DataMatrix, "Data Matrix", "]d1"},
    Kind{Symbology::aztec, ZXing::BarcodeFormat::Aztec, "Aztec", "]z0"},
    Kind{Symbology::pdf417, ZXing::BarcodeFormat::PDF417, "PDF417", "]L2"},
    Kind{Symbology::code128, ZXing::BarcodeFormat::Code128, "Code 128", "]C0"},
    Kind{Symbology::code39, ZXing::BarcodeFormat::Code39, "Code 39", "]A0"},
    Kind{Symbology::code93, ZXing::BarcodeFormat::Code93, "Code 93", "]G0"},
    Kind{Symbology::ean13, ZXing::BarcodeFormat::EAN13, "EAN-13", "]E0"},
    Kind{Symbology::ean8, ZXing::BarcodeFormat::EAN8, "EAN-8", "]E4"},
    Kind{Symbology::upc_a, ZXing::BarcodeFormat::UPCA, "UPC-A", "]E0"},
    Kind{Symbology::upc_e, ZXing::BarcodeFormat::UPCE, "UPC-E", "]E0"},
    Kind{Symbology::itf, ZXing::BarcodeFormat::ITF, "ITF", "]I0"},
    Kind{Symbology::codabar, ZXing::BarcodeFormat::Codabar, "Codabar", "]F0"},
};

const Kind& kind_of(Symbology s)
{
    return *std::find_if(kKinds.begin(), kKinds.end(), [s](const Kind& k) { return k.ours == s; });
}

const Kind* kind_of(ZXing::BarcodeFormat f)
{
    const auto it = std::find_if(kKinds.begin(), kKinds.end(), [f](const Kind& k) { return k.theirs == f; });
    return it == kKinds.end() ? nullptr : &*it;
}

ZXing::DecodeHints hints_for(const ReadTuning& t)
{
    ZXing::BarcodeFormats formats;
    for (Symbology s : t.formats)
        formats |= kind_of(s).theirs;
    ZXing::DecodeHints h;
    h.setFormats(formats)
        .setTryHarder(t.try_harder)
        .setTryRotate(t.try_rotate)
        .setTryDownscale(t.try_downscale)
        .setBinarizer(t.binariser == Binariser::local_average ? ZXing::Binarizer::LocalAverage
                                                              : ZXing::Binarizer::GlobalHistogram)
        .setMaxNumberOfSymbols(static_cast<std::uint8_t>(std::clamp(t.max_codes, 1, 255)))
        .setMinLineCount(static_cast<std::uint8_t>(std::clamp(t.min_line_count, 1, 255)));
    // Debian's ZXing-C++ 1.4 is built with assertions on, and ReadBarcodes aborts the program
    // (Result.cpp:140, assert lineCount() == 1 in Result::operator==) when it finds a 1-D code in
    // the full picture and again in its downscaled copy: it compares the two reads to drop the
    // duplicate, and only single-line reads may be compared. Any 1-D code big enough to read at a
    // third of its size does it (tests/camera/code_reader_test.cpp keeps such a frame). Reading
    // one code stops at the first find, so nothing is compared; otherwise, with 1-D formats on,
    // the downscaled copy is not searched.
    const bool linear = formats.empty() || formats.testFlags(ZXing::BarcodeFormat::LinearCodes);
    if (t.try_downscale && linear && h.maxNumberOfSymbols() > 1)
        h.setTryDownscale(false);
    return h;
}

} // namespace

std::string_view symbology_name(Symbology s) { return kind_of(s).name; }
std::string_view default_aim_id(Symbology s) { return kind_of(s).aim_id; }

ReadTuning ReadTuning::zxing_defaults() { return ReadTuning{}; }

ReadTuning ReadTuning::kiosk()
{
    ReadTuning t;
    t.formats = {Symbology::qr_code, Symbology::code128, Symbology::code39, Symbology::ean13, Symbology::data_matrix};
    t.try_harder = false;
    t.try_rotate = true;
    t.try_downscale = true;
    t.max_codes = 1;
    return t;
}

std::vector<DecodedCode> read_codes(const GreyFrame& frame, const ReadTuning& tuning)
{
    std::vector<DecodedCode> codes;
    if (frame.width <= 0 || frame.height <= 0 || frame.stride < frame.width ||
        frame.pixels.size() < static_cast<std::size_t>(frame.stride) * static_cast<std::size_t>(frame.height))
        return codes;
    const ZXing::ImageView view(frame.pixels.data(), frame.width, frame.height, ZXing::ImageFormat::Lum, frame.stride);
    ZXing::Results results;
    try {
        results = ZXing::ReadBarcodes(view, hints_for(tuning));
        if (results.empty() && tuning.other_binariser_too) {
            ReadTuning other = tuning;
            other.binariser = tuning.binariser == Binariser::local_average ? Binariser::global_histogram
                                                                           : Binariser::local_average;
            results = ZXing::ReadBarcodes(view, hints_for(other));
        }
    } catch (const std::exception&) { // allocation failure or a decoder bug on hostile input
        return codes;
    }
    for (const ZXing::Result& r : results) {
        const Kind* k = kind_of(r.format());
        if (!r.isValid() || k == nullptr)
            continue;
        std::string aim = r.symbologyIdentifier();
        codes.push_back(DecodedCode{r.text(), aim.empty() ? std::string(k->aim_id) : std::move(aim), k->ours});
    }
    return codes;
}

} // namespace hk::camera
