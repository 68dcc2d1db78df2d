// The window, the renderer and Dear ImGui on top of them, and the touch input that feeds it.
#pragma once

#include "display_rotation.hpp"
#include "error.hpp"

#include <SDL.h>

#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

struct ImFontAtlas;

namespace hk::app {

struct WindowSpec {
    bool fullscreen = true;
    int width = 1920;  // for a window
    int height = 1080;
    bool software = true; // the plain software renderer (no GPU on most kiosk boards)
    int rotation_deg = 0; // degrees clockwise the picture is turned on the panel (display_rotation.hpp)
    std::string title = "hallkiosk";
};

// Taps and drags as ImGui should see them. A touch screen delivers press and release within
// microseconds; ImGui 1.86 reads the button state once per frame and would miss such a tap,
// so transitions are queued and applied one per frame.
class PointerQueue {
public:
    void move(float x, float y) { events_.push_back({x, y, Kind::move}); }
    void press(float x, float y) { events_.push_back({x, y, Kind::down}); }
    void release(float x, float y) { events_.push_back({x, y, Kind::up}); }
    bool empty() const { return events_.empty(); }
    // Applies moves up to and including the next press or release to ImGui's io.
    void feed_one_frame();

private:
    enum class Kind { move, down, up };
    struct Event {
        float x, y;
        Kind kind;
    };
    std::deque<Event> events_;
};

// A press, drag or release of the one finger (or the mouse) the kiosk follows, on the picture the
// screens lay out.
struct Touch {
    enum class Kind { press, move, release };
    Kind kind;
    LogicalPoint at;
};

class Platform {
public:
    static Result<std::unique_ptr<Platform>> create(const WindowSpec& spec);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    // The size of the picture the screens lay out, in pixels: the drawable size, with width and
    // height swapped when the picture is turned a quarter.
    int width() const;
    int height() const;
    // Where a mouse or finger position SDL reports, in output pixels, lies on that picture.
    LogicalPoint touch_point(int x, int y) const;
    // The touch an SDL mouse or finger event makes, if any: the left button, or the first finger
    // down of those SDL made no mouse events of. Nothing on a touch kiosk reacts to hovering.
    std::optional<Touch> touch(const SDL_Event& e);
    const char* video_driver() const { return SDL_GetCurrentVideoDriver(); }
    std::string renderer_name() const;

    // Uploads the font atlas as the ImGui font texture, then frees the atlas's CPU copy.
    void upload_fonts(ImFontAtlas& atlas);
    // ImGui frame start: display size, time step, pointer.
    void new_frame(double dt_s);
    // Clears the back buffer to `backdrop` (an ImU32, RGBA) and renders ImGui's draw data into
    // it, without presenting. A turned picture is drawn upright into a texture of its own first,
    // then copied turned to the back buffer.
    void render(unsigned int backdrop);
    void present();
    // Waits up to `timeout_ms` for an event. SDL 2.26 sleeps in SDL_WaitEventTimeout only on
    // video drivers that can wait (X11, Wayland); on the others (KMSDRM, offscreen) it polls
    // every millisecond, 2-3 % of a core on an idle kiosk. There this polls every 10 ms
    // instead: a tap waits at most that long to be seen.
    bool wait_event(SDL_Event& e, int timeout_ms);
    // Writes the picture as the screens laid it out to a PNG (call between render() and
    // present()): upright, at width() x height(), so that screenshots compare the same whichever
    // way the panel is mounted. The turned output is in the back buffer (SDL_RenderReadPixels).
    Result<void> save_png(const std::filesystem::path& file);

    PointerQueue& pointer() { return pointer_; }

    // A short two-note chime that draws a resident's attention (a card left on the reader). The
    // sound device opens on first use; a kiosk without one logs that once and stays silent.
    // Returns whether the chime was queued.
    bool chime();

private:
    Platform() = default;
    PixelSize output_size() const;
    // The turned picture's texture at the current logical size, made again when the window's
    // size changed; null when SDL cannot make it.
    SDL_Texture* upright_target();

    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    int rotation_deg_ = 0;
    SDL_Texture* upright_ = nullptr; // the picture before it is turned; only when rotation_deg_ != 0
    bool imgui_ready_ = false;
    bool driver_waits_ = false;
    PointerQueue pointer_;
    std::optional<SDL_FingerID> finger_; // the finger followed, while it is down
    std::uint32_t audio_ = 0;   // SDL_AudioDeviceID; 0 when none is open
    bool audio_failed_ = false; // tried and failed: do not try again
};

} // namespace hk::app
