// Simple vector pictograms drawn with ImGui's draw list, so they scale with the display and
// need no image files. Each reads without its label for residents who cannot read the text.
#pragma once

#include <imgui.h>

namespace hk::ui {

enum class Icon {
    none,
    file_request,
    track_request,
    book_venue,
    activities,
    rate_service,
    service_directory,
    traffic_request,
    traffic_safety,
    back,
    home,
    finish,
    large_text,
    touch,
    info,
    printer,
    id_card,
    qr_code,
    backspace,     // the keyboard's delete key
    caps,          // the keyboard's upper case key
    chevron_left,  // the previous page of candidates
    chevron_right, // the next page
    check,         // done: a tick
};

// Draws `icon` centred in a square of side `size` at `center`, in `col`.
void draw_icon(ImDrawList* draw, Icon icon, ImVec2 center, float size, ImU32 col);

} // namespace hk::ui
