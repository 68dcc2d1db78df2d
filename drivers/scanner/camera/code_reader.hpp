// Finding and decoding codes in a grey frame. ZXing-C++ does the work; its names stay inside
// code_reader.cpp (1.4's DecodeHints and Result become ReaderOptions and Barcode in 2.x).
#pragma once

#include "grey_frame.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hk::camera {

enum class Symbology {
    qr_code, micro_qr_code, data_matrix, aztec, pdf417, // 2-D
    code128, code39, code93, ean13, ean8, upc_a, upc_e, itf, codabar, // 1-D
};

std::string_view symbology_name(Symbology s);
// The symbology identifier of ISO/IEC 15424 ("]Q1", "]C0", ...) a scanner would send for a code
// of this kind without options: used when the decoder does not give one.
std::string_view default_aim_id(Symbology s);

enum class Binariser {
    local_average,    // threshold from each block's neighbourhood: copes with uneven light
    global_histogram, // one threshold per row (1-D) or picture: faster, fails in shadows
};

// How hard to look. Each flag trades time for finds; the two presets below are measured against
// each other by bench/camera_bench.
struct ReadTuning {
    std::vector<Symbology> formats; // empty: every kind the decoder knows
    bool try_harder = true;         // more scan lines and finder searches
    bool try_rotate = true;         // 1-D codes also read at 90 degrees
    bool try_downscale = true;      // also look in a smaller copy (big codes, fast on large frames)
    Binariser binariser = Binariser::local_average;
    // When nothing is found, look once more with the other binariser: dim codes that the local
    // threshold loses, at the cost of a second pass over every frame without a code.
    bool other_binariser_too = false;
    int max_codes = 255;     // stop after this many codes in one frame
    int min_line_count = 2;  // 1-D: rows that must agree before a read counts

    // ZXing-C++'s own defaults: every format, every effort.
    static ReadTuning zxing_defaults();
    // What the kiosk reads (passes and receipts are QR, staff badges Code 128 or Code 39, goods
    // EAN-13, small labels Data Matrix), one code per frame, held up facing the camera. Measured
    // by bench/camera_bench: more effort (try_harder) reads a few more 1-D codes at twice the
    // time a frame; a second binariser helps only very dim codes and costs a pass on every
    // frame without a code, which is most of them.
    static ReadTuning kiosk();
};

struct DecodedCode {
    std::string text; // UTF-8
    std::string aim_id;
    Symbology symbology;
};

// Every code found in the frame (at most tuning.max_codes). Never throws, never aborts.
std::vector<DecodedCode> read_codes(const GreyFrame& frame, const ReadTuning& tuning);

} // namespace hk::camera
