// Camera decoding, side by side on one frame set: ZXing-C++ with its defaults and with the
// kiosk's tuning, and zbar. Per resolution (1280x720 and 640x480), 200 made-up frames from a
// fixed seed: QR codes mostly, some Code 128, EAN-13, Code 39 and Data Matrix, turned, tilted,
// dim, noisy and out of focus to varying degrees, and some frames with no code at all. A read
// counts when the frame's text comes back exactly. Single thread; prints a table. Targets: at
// least zbar's success rate, and under 10 ms median per 1280x720 frame with the kiosk tuning.
//
//   camera_bench [--frames N] [--seed S] [--variants]
#include "code_reader.hpp"
#include "figures.hpp"
#include "synthetic_frames.hpp"

#include <zbar.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>

using namespace hk::camera;
using Clock = std::chrono::steady_clock;
using hk::bench::percentile;
using namespace zbar; // zbar.h puts its C API there when compiled as C++

namespace {

struct Sample {
    GreyFrame frame;
    std::string text; // empty: no code in the frame
    Symbology symbology = Symbology::qr_code;
    std::string faults; // for the breakdown
};

// zbar reads neither Data Matrix nor the others the kiosk does not use.
bool zbar_knows(Symbology s) { return s != Symbology::data_matrix; }

std::string random_text(Symbology s, std::mt19937& rng)
{
    const auto digits = [&](int n) {
        std::string d;
        for (int i = 0; i < n; ++i)
            d += static_cast<char>('0' + rng() % 10);
        return d;
    };
    switch (s) {
    case Symbology::ean13: { // twelve digits and the GS1 check digit
        std::string d = digits(12);
        int sum = 0;
        for (int i = 0; i < 12; ++i)
            sum += (d[static_cast<std::size_t>(i)] - '0') * (i % 2 == 0 ? 1 : 3);
        return d + static_cast<char>('0' + (10 - sum % 10) % 10);
    }
    case Symbology::code39: return "HK " + digits(6);
    case Symbology::code128: return "STAFF-" + digits(5);
    case Symbology::data_matrix: return "HK1:DOC:" + digits(10);
    default: { // a booking pass: a signed token's length
        static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        std::string t = "HK1.";
        for (int i = 0; i < 60 + static_cast<int>(rng() % 60); ++i)
            t += kAlphabet[rng() % 64];
        return t;
    }
    }
}

std::vector<Sample> frame_set(int width, int height, int count, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    std::vector<Sample> set;
    for (int i = 0; i < count; ++i) {
        Sample s;
        s.frame = background(width, height, rng);
        const double kind = uni(rng);
        if (kind >= 0.15) {
            s.symbology = kind < 0.60   ? Symbology::qr_code
                          : kind < 0.72 ? Symbology::code128
                          : kind < 0.82 ? Symbology::ean13
                          : kind < 0.90 ? Symbology::code39
                                        : Symbology::data_matrix;
            s.text = random_text(s.symbology, rng);
            const auto pattern = code_pattern(s.text, s.symbology);
            const bool linear = pattern->height == 1;
            Placement where;
            where.width_px = linear ? width * (0.35 + 0.45 * uni(rng)) : height * (0.25 + 0.40 * uni(rng));
            where.centre_x = 0.35 + 0.3 * uni(rng);
            where.centre_y = 0.35 + 0.3 * uni(rng);
            where.angle_deg = linear ? (uni(rng) - 0.5) * 40 : uni(rng) * 360;
            where.tilt = uni(rng) * 0.25;
            const double range = 50 + 170 * uni(rng);
            where.dark = static_cast<std::uint8_t>(15 + (220 - range) * uni(rng) * 0.5);
            where.light = static_cast<std::uint8_t>(std::min(245.0, where.dark + range));
            draw_code(s.frame, *pattern, where);
            if (range < 100)
                s.faults += " dim";
            if (where.tilt > 0.15)
                s.faults += " tilted";
        }
        const int radius = static_cast<int>(rng() % 3);
        blur(s.frame, radius);
        const double sigma = uni(rng) * 10;
        add_noise(s.frame, sigma, rng);
        if (radius == 2)
            s.faults += " blurred";
        if (sigma > 6)
            s.faults += " noisy";
        set.push_back(std::move(s));
    }
    return set;
}

// One decoder's run over a set: what it read, and how long each frame took.
struct Outcome {
    int read = 0, codes = 0;           // frames with a code, and those read right
    int zbar_read = 0, zbar_codes = 0; // the same, for the kinds zbar knows
    int false_reads = 0;               // a text that was not in the frame
    std::vector<double> ms;
};

using ReadFn = std::function<std::vector<std::string>(const GreyFrame&)>;

Outcome run(const std::vector<Sample>& set, const ReadFn& decode)
{
    Outcome o;
    for (const Sample& s : set) {
        const auto t0 = Clock::now();
        const std::vector<std::string> texts = decode(s.frame);
        o.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        const bool right = !s.text.empty() && std::find(texts.begin(), texts.end(), s.text) != texts.end();
        for (const auto& t : texts)
            o.false_reads += t != s.text;
        if (s.text.empty())
            continue;
        ++o.codes;
        o.read += right;
        if (zbar_knows(s.symbology)) {
            ++o.zbar_codes;
            o.zbar_read += right;
        }
    }
    return o;
}

class Zbar {
public:
    Zbar() : scanner_(zbar_image_scanner_create())
    {
        zbar_image_scanner_set_config(scanner_, ZBAR_NONE, ZBAR_CFG_ENABLE, 1);
    }
    ~Zbar() { zbar_image_scanner_destroy(scanner_); }
    Zbar(const Zbar&) = delete;
    Zbar& operator=(const Zbar&) = delete;

    std::vector<std::string> operator()(const GreyFrame& f)
    {
        zbar_image_t* image = zbar_image_create();
        zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
        zbar_image_set_size(image, static_cast<unsigned>(f.width), static_cast<unsigned>(f.height));
        zbar_image_set_data(image, f.pixels.data(), f.pixels.size(), nullptr);
        std::vector<std::string> texts;
        if (zbar_scan_image(scanner_, image) > 0)
            for (const zbar_symbol_t* s = zbar_image_first_symbol(image); s != nullptr; s = zbar_symbol_next(s))
                texts.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
        zbar_image_destroy(image);
        return texts;
    }

private:
    zbar_image_scanner_t* scanner_;
};

ReadFn zxing(ReadTuning tuning)
{
    return [tuning](const GreyFrame& f) {
        std::vector<std::string> texts;
        for (auto& c : read_codes(f, tuning))
            texts.push_back(std::move(c.text));
        return texts;
    };
}

} // namespace

int main(int argc, char** argv)
{
    int frames = 200;
    unsigned seed = 20260501;
    bool variants = false; // also the kiosk tuning with one trade-off changed at a time
    for (int i = 1; i < argc; ++i)
        variants |= std::strcmp(argv[i], "--variants") == 0;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--frames") == 0)
            frames = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--seed") == 0)
            seed = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
    }
    std::printf("camera_bench: %d frames per resolution, seed %u, one thread\n\n", frames, seed);
    std::printf("%-10s %-18s %14s %16s %6s %10s %8s\n", "frame", "decoder", "read", "zbar's kinds", "false", "median ms",
                "p90 ms");
    for (const auto& [w, h] : {std::pair{1280, 720}, std::pair{640, 480}}) {
        const std::vector<Sample> set = frame_set(w, h, frames, seed);
        Zbar zbar;
        std::vector<std::pair<std::string, ReadFn>> decoders = {
            {"zxing defaults", zxing(ReadTuning::zxing_defaults())},
            {"zxing kiosk", zxing(ReadTuning::kiosk())},
            {"zbar", std::ref(zbar)},
        };
        if (variants) {
            const auto vary = [&](const char* name, const std::function<void(ReadTuning&)>& change) {
                ReadTuning t = ReadTuning::kiosk();
                change(t);
                decoders.emplace_back(name, zxing(t));
            };
            vary("kiosk +harder", [](ReadTuning& t) { t.try_harder = !t.try_harder; });
            vary("kiosk +-rotate", [](ReadTuning& t) { t.try_rotate = !t.try_rotate; });
            vary("kiosk +-downscale", [](ReadTuning& t) { t.try_downscale = !t.try_downscale; });
            vary("kiosk +-2nd binar.", [](ReadTuning& t) { t.other_binariser_too = !t.other_binariser_too; });
            vary("kiosk hist. binar.", [](ReadTuning& t) { t.binariser = Binariser::global_histogram; });
        }
        for (const auto& [name, decode] : decoders) {
            const Outcome o = run(set, decode);
            char read[32], zread[32];
            std::snprintf(read, sizeof read, "%d/%d %3.0f%%", o.read, o.codes, 100.0 * o.read / std::max(1, o.codes));
            std::snprintf(zread, sizeof zread, "%d/%d %3.0f%%", o.zbar_read, o.zbar_codes,
                          100.0 * o.zbar_read / std::max(1, o.zbar_codes));
            std::printf("%4dx%-5d %-18s %14s %16s %6d %10.2f %8.2f\n", w, h, name.c_str(), read, zread, o.false_reads,
                        percentile(o.ms, 0.5), percentile(o.ms, 0.9));
        }
    }
    std::printf("\nread: frames whose code came back exactly, of those with a code; zbar's kinds: the same\n"
                "over the codes zbar knows (all but Data Matrix); false: texts not in the frame.\n");
    return 0;
}
