// The window, the renderer and Dear ImGui on top of them, and the touch input that feeds it.
#pragma once

#include "error.hpp"

#include <SDL.h>

#include <deque>
#include <filesystem>
#include <memory>
#include <string>

struct ImFontAtlas;

namespace hk::app {

struct WindowSpec {
    bool fullscreen = true;
    int width = 1920;  // for a window
    int height = 1080;
    bool software = true; // the plain software renderer (no GPU on most kiosk boards)
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

class Platform {
public:
    static Result<std::unique_ptr<Platform>> create(const WindowSpec& spec);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    // The drawable size in pixels.
    int width() const;
    int height() const;
    const char* video_driver() const { return SDL_GetCurrentVideoDriver(); }
    std::string renderer_name() const;

    // Uploads the font atlas as the ImGui font texture, then frees the atlas's CPU copy.
    void upload_fonts(ImFontAtlas& atlas);
    // ImGui frame start: display size, time step, pointer.
    void new_frame(double dt_s);
    // Clears the back buffer to `backdrop` (an ImU32, RGBA) and renders ImGui's draw data into
    // it, without presenting.
    void render(unsigned int backdrop);
    void present();
    // Waits up to `timeout_ms` for an event. SDL 2.26 sleeps in SDL_WaitEventTimeout only on
    // video drivers that can wait (X11, Wayland); on the others (KMSDRM, offscreen) it polls
    // every millisecond, 2-3 % of a core on an idle kiosk. There this polls every 10 ms
    // instead: a tap waits at most that long to be seen.
    bool wait_event(SDL_Event& e, int timeout_ms);
    // Writes the back buffer to a PNG (call between render() and present()).
    Result<void> save_png(const std::filesystem::path& file);

    PointerQueue& pointer() { return pointer_; }

    // A short two-note chime that draws a resident's attention (a card left on the reader). The
    // sound device opens on first use; a kiosk without one logs that once and stays silent.
    // Returns whether the chime was queued.
    bool chime();

private:
    Platform() = default;

    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool imgui_ready_ = false;
    bool driver_waits_ = false;
    PointerQueue pointer_;
    std::uint32_t audio_ = 0;   // SDL_AudioDeviceID; 0 when none is open
    bool audio_failed_ = false; // tried and failed: do not try again
};

} // namespace hk::app
