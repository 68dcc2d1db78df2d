// Made-up camera pictures (see synthetic_frames.hpp).
#include "synthetic_frames.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <numbers>
#include <string>

namespace hk::camera {

namespace {

bool is_linear(Symbology s) { return s >= Symbology::code128; }

ZXing::BarcodeFormat writer_format(Symbology s)
{
    switch (s) {
    case Symbology::qr_code: return ZXing::BarcodeFormat::QRCode;
    case Symbology::micro_qr_code: return ZXing::BarcodeFormat::MicroQRCode;
    case Symbology::data_matrix: return ZXing::BarcodeFormat::DataMatrix;
    case Symbology::aztec: return ZXing::BarcodeFormat::Aztec;
    case Symbology::pdf417: return ZXing::BarcodeFormat::PDF417;
    case Symbology::code128: return ZXing::BarcodeFormat::Code128;
    case Symbology::code39: return ZXing::BarcodeFormat::Code39;
    case Symbology::code93: return ZXing::BarcodeFormat::Code93;
    case Symbology::ean13: return ZXing::BarcodeFormat::EAN13;
    case Symbology::ean8: return ZXing::BarcodeFormat::EAN8;
    case Symbology::upc_a: return ZXing::BarcodeFormat::UPCA;
    case Symbology::upc_e: return ZXing::BarcodeFormat::UPCE;
    case Symbology::itf: return ZXing::BarcodeFormat::ITF;
    case Symbology::codabar: return ZXing::BarcodeFormat::Codabar;
    }
    return ZXing::BarcodeFormat::None;
}

// Maps the unit square onto a quadrilateral (p0 top left, p1 top right, p2 bottom right, p3
// bottom left): the projective map of Heckbert's "Fundamentals of Texture Mapping" §2.2.3.
struct Homography {
    std::array<double, 9> m{}; // row major, m[8] = 1

    static Homography square_to_quad(const std::array<double, 8>& q)
    {
        const double x0 = q[0], y0 = q[1], x1 = q[2], y1 = q[3], x2 = q[4], y2 = q[5], x3 = q[6], y3 = q[7];
        const double sx = x0 - x1 + x2 - x3;
        const double sy = y0 - y1 + y2 - y3;
        Homography h;
        if (std::abs(sx) < 1e-12 && std::abs(sy) < 1e-12) { // affine
            h.m = {x1 - x0, x3 - x0, x0, y1 - y0, y3 - y0, y0, 0, 0, 1};
            return h;
        }
        const double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
        const double den = dx1 * dy2 - dx2 * dy1;
        const double g = (sx * dy2 - dx2 * sy) / den;
        const double hh = (dx1 * sy - sx * dy1) / den;
        h.m = {x1 - x0 + g * x1, x3 - x0 + hh * x3, x0, y1 - y0 + g * y1, y3 - y0 + hh * y3, y0, g, hh, 1};
        return h;
    }

    Homography inverse() const
    {
        const auto& a = m;
        std::array<double, 9> c{a[4] * a[8] - a[5] * a[7], a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
                                a[5] * a[6] - a[3] * a[8], a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
                                a[3] * a[7] - a[4] * a[6], a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3]};
        const double det = a[0] * c[0] + a[1] * c[3] + a[2] * c[6];
        Homography h;
        for (std::size_t i = 0; i < 9; ++i)
            h.m[i] = c[i] / det;
        return h;
    }

    // Where (x, y) lands; false on the vanishing line.
    bool map(double x, double y, double& u, double& v) const
    {
        const double w = m[6] * x + m[7] * y + m[8];
        if (std::abs(w) <= 1e-12)
            return false;
        u = (m[0] * x + m[1] * y + m[2]) / w;
        v = (m[3] * x + m[4] * y + m[5]) / w;
        return true;
    }
};

std::uint8_t clamp_grey(double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

} // namespace

std::optional<CodePattern> code_pattern(std::string_view text, Symbology symbology)
{
    const bool linear = is_linear(symbology);
    // The quiet zones the standards ask for: 4 modules for QR (ISO/IEC 18004 §6.3.8), 1 for Data
    // Matrix, 10 (Code 128, Code 39) or 11 (EAN-13) modules left and right of 1-D codes; 11 for all.
    const int quiet_x = linear ? 11 : (symbology == Symbology::data_matrix ? 2 : 4);
    const int quiet_y = linear ? 0 : quiet_x;
    try {
        ZXing::MultiFormatWriter w(writer_format(symbology));
        w.setMargin(0).setEncoding(ZXing::CharacterSet::UTF8);
        const ZXing::BitMatrix m = w.encode(std::string(text), 0, 0);
        // 1-D writers return one row per module (height 1) when asked for no size.
        const int rows = linear ? 1 : m.height();
        CodePattern p;
        p.width = m.width() + 2 * quiet_x;
        p.height = rows + 2 * quiet_y;
        p.dark.assign(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height), 0);
        for (int y = 0; y < rows; ++y)
            for (int x = 0; x < m.width(); ++x)
                if (m.get(x, y))
                    p.dark[static_cast<std::size_t>(y + quiet_y) * static_cast<std::size_t>(p.width) +
                           static_cast<std::size_t>(x + quiet_x)] = 1;
        return p;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void draw_code(GreyFrame& frame, const CodePattern& pattern, const Placement& where)
{
    if (pattern.width <= 0 || pattern.height <= 0)
        return;
    const double w = where.width_px;
    const double h = where.height_px > 0 ? where.height_px : (pattern.height == 1 ? w * 0.4 : w);
    const double cx = where.centre_x * frame.width;
    const double cy = where.centre_y * frame.height;
    // Corners before turning, around the centre; tilt shortens the right edge.
    const double right = h * (1.0 - std::clamp(where.tilt, 0.0, 0.9));
    std::array<double, 8> q{-w / 2, -h / 2, w / 2, -right / 2, w / 2, right / 2, -w / 2, h / 2};
    const double a = where.angle_deg * std::numbers::pi / 180.0;
    const double ca = std::cos(a), sa = std::sin(a);
    double min_x = 1e9, min_y = 1e9, max_x = -1e9, max_y = -1e9;
    for (std::size_t i = 0; i < 8; i += 2) {
        const double x = q[i], y = q[i + 1];
        q[i] = cx + x * ca - y * sa;
        q[i + 1] = cy + x * sa + y * ca;
        min_x = std::min(min_x, q[i]);
        max_x = std::max(max_x, q[i]);
        min_y = std::min(min_y, q[i + 1]);
        max_y = std::max(max_y, q[i + 1]);
    }
    const Homography to_code = Homography::square_to_quad(q).inverse();
    const int x0 = std::max(0, static_cast<int>(std::floor(min_x)));
    const int x1 = std::min(frame.width - 1, static_cast<int>(std::ceil(max_x)));
    const int y0 = std::max(0, static_cast<int>(std::floor(min_y)));
    const int y1 = std::min(frame.height - 1, static_cast<int>(std::ceil(max_y)));
    constexpr int kSamples = 3;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            int inside = 0;
            int dark = 0;
            for (int sy = 0; sy < kSamples; ++sy)
                for (int sx = 0; sx < kSamples; ++sx) {
                    double u = 0, v = 0;
                    if (!to_code.map(x + (sx + 0.5) / kSamples, y + (sy + 0.5) / kSamples, u, v) || u < 0 ||
                        u >= 1 || v < 0 || v >= 1)
                        continue;
                    ++inside;
                    const auto mx = static_cast<std::size_t>(u * pattern.width);
                    const auto my = static_cast<std::size_t>(v * pattern.height);
                    dark += pattern.dark[my * static_cast<std::size_t>(pattern.width) + mx];
                }
            if (inside == 0)
                continue;
            std::uint8_t& px = frame.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(frame.stride) +
                                            static_cast<std::size_t>(x)];
            const double code = (dark * where.dark + (inside - dark) * where.light) / static_cast<double>(inside);
            const double cover = inside / static_cast<double>(kSamples * kSamples);
            px = clamp_grey(cover * code + (1.0 - cover) * px);
        }
}

GreyFrame background(int width, int height, std::mt19937& rng)
{
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    const double base = 90 + 80 * uni(rng);
    const double gx = (uni(rng) - 0.5) * 80;
    const double gy = (uni(rng) - 0.5) * 80;
    GreyFrame f = grey_frame(width, height, 0);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            f.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] =
                clamp_grey(base + gx * x / width + gy * y / height);
    for (int b = 0; b < 3; ++b) { // soft dark ellipses
        const double bx = uni(rng) * width, by = uni(rng) * height;
        const double r = (0.05 + 0.15 * uni(rng)) * std::min(width, height);
        const double depth = 30 + 40 * uni(rng);
        for (int y = std::max(0, static_cast<int>(by - r)); y < std::min(height, static_cast<int>(by + r)); ++y)
            for (int x = std::max(0, static_cast<int>(bx - r)); x < std::min(width, static_cast<int>(bx + r)); ++x) {
                const double d = std::hypot(x - bx, y - by) / r;
                if (d < 1) {
                    auto& px = f.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                        static_cast<std::size_t>(x)];
                    px = clamp_grey(px - depth * (1 - d * d));
                }
            }
    }
    return f;
}

void add_noise(GreyFrame& frame, double sigma, std::mt19937& rng)
{
    if (sigma <= 0)
        return;
    std::normal_distribution<double> noise(0.0, sigma);
    for (int y = 0; y < frame.height; ++y)
        for (int x = 0; x < frame.width; ++x) {
            auto& px = frame.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(frame.stride) +
                                    static_cast<std::size_t>(x)];
            px = clamp_grey(px + noise(rng));
        }
}

void blur(GreyFrame& frame, int radius)
{
    if (radius <= 0 || frame.width <= 0 || frame.height <= 0)
        return;
    const auto at = [&](int x, int y) -> std::uint8_t& {
        return frame.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(frame.stride) +
                            static_cast<std::size_t>(x)];
    };
    // One box pass along `n` pixels, the edge pixels repeated beyond the ends.
    std::vector<int> line;
    const auto box = [&](int n, const auto& pixel) {
        line.resize(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            line[static_cast<std::size_t>(i)] = pixel(i);
        const auto in = [&](int i) { return line[static_cast<std::size_t>(std::clamp(i, 0, n - 1))]; };
        const int span = 2 * radius + 1;
        int sum = 0;
        for (int k = -radius; k <= radius; ++k)
            sum += in(k);
        for (int i = 0; i < n; ++i) {
            pixel(i) = static_cast<std::uint8_t>((sum + span / 2) / span);
            sum += in(i + radius + 1) - in(i - radius);
        }
    };
    for (int pass = 0; pass < 2; ++pass) {
        for (int y = 0; y < frame.height; ++y)
            box(frame.width, [&](int x) -> std::uint8_t& { return at(x, y); });
        for (int x = 0; x < frame.width; ++x)
            box(frame.height, [&](int y) -> std::uint8_t& { return at(x, y); });
    }
}

} // namespace hk::camera
