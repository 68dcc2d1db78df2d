// The on-screen keyboard: the text field with the pinyin composition shown inline, the candidates
// bar with its page buttons, and the keys of the mode (QWERTY letters for pinyin and ABC; digits
// and punctuation for 123, full-width in Chinese), with the mode switch, space, delete and done.
//
// Like every widget it keeps no state: it draws a TextEntry and returns the key tapped, which the
// caller hands to TextEntry::press() (and acts on itself for Key::Kind::done). Every key is a
// single tap: no double tap, no long press, no timing.
#pragma once

#include "text_entry.hpp"
#include "widgets.hpp"

#include <optional>
#include <string_view>

namespace hk::ui {

// Draws the keyboard into `area`: the keys at the bottom, the text field above them taking the
// height left (two to five lines). Twelve key widths go across: on a portrait screen give it the
// screen's whole width. `placeholder`: what the empty field asks for (the screen's own prompt;
// a general one when empty). The first frame with a keyboard asks the font atlas for the
// characters typed Chinese uses (FontSet::want_typing): the frame loop rebuilds it, once.
std::optional<text::Key> draw_keyboard(Painter& p, const text::TextEntry& entry, Rect area,
                                       std::string_view placeholder = {});

// The height the keyboard is drawn best in: a field of three lines and keys of a comfortable size.
float keyboard_height(const Painter& p);

} // namespace hk::ui
