// Camera pictures made up rather than captured: a code drawn into a frame as a camera would see
// it (turned, tilted, dim), and the usual faults of a cheap lens and sensor (noise, blur). For
// the tests, the decoder benchmark and demo mode's pretend camera.
#pragma once

#include "code_reader.hpp"
#include "grey_frame.hpp"

#include <cstdint>
#include <optional>
#include <random>
#include <string_view>

namespace hk::camera {

// The code's module pattern, quiet zone included: 1 = dark. One row for 1-D codes.
struct CodePattern {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> dark;
};

// Nothing when the writer cannot encode `text` in that symbology (wrong characters, too long).
std::optional<CodePattern> code_pattern(std::string_view text, Symbology symbology);

struct Placement {
    double centre_x = 0.5;   // share of the frame's width
    double centre_y = 0.5;   // share of the frame's height
    double width_px = 300;   // the symbol's width with its quiet zone
    double height_px = 0;    // 0: square for 2-D codes, 40 % of the width for 1-D codes
    double angle_deg = 0;    // turned clockwise in the picture plane
    double tilt = 0;         // perspective: the right edge is this share shorter than the left
    std::uint8_t dark = 20;  // ink
    std::uint8_t light = 235; // paper
};

// Draws `pattern` into `frame` (antialiased, 3x3 samples a pixel).
void draw_code(GreyFrame& frame, const CodePattern& pattern, const Placement& where);

// Something for the code to lie on: a soft gradient with a few darker blotches, like a counter
// and a hand, so blank frames are not trivially empty.
GreyFrame background(int width, int height, std::mt19937& rng);

// Gaussian sensor noise of standard deviation `sigma` grey levels.
void add_noise(GreyFrame& frame, double sigma, std::mt19937& rng);
// A box blur of radius `radius` pixels run twice (close to a Gaussian): focus a little off.
void blur(GreyFrame& frame, int radius);

} // namespace hk::camera
