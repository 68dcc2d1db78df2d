// Line breaking for mixed Chinese and Latin text, on screen and on receipts printed as images.
// ImGui 1.86 wraps only at spaces, which leaves a Chinese paragraph as one overlong line; this
// breaks between ideographs, keeps Latin words whole, and keeps closing punctuation off the start
// of a line (and opening punctuation off its end), as Chinese typesetting expects.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace hk::text {

// Advance width of one code point in the font that will draw it.
using AdvanceFn = std::function<float(char32_t)>;

// Splits `text` into lines no wider than `max_width` (a single unbreakable character wider than
// that still gets a line of its own). '\n' always breaks. Spaces at a break are dropped.
std::vector<std::string_view> break_lines(std::string_view text, float max_width, const AdvanceFn& advance);

} // namespace hk::text
