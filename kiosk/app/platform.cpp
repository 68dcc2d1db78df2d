// SDL2 window and renderer with Dear ImGui's SDL_Renderer backend (see platform.hpp).
#include "platform.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image_write.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

namespace hk::app {

void PointerQueue::feed_one_frame()
{
    ImGuiIO& io = ImGui::GetIO();
    while (!events_.empty()) {
        const Event e = events_.front();
        events_.pop_front();
        io.MousePos = ImVec2(e.x, e.y);
        if (e.kind != Kind::move) {
            io.MouseDown[0] = e.kind == Kind::down;
            return;
        }
    }
}

Result<std::unique_ptr<Platform>> Platform::create(const WindowSpec& spec)
{
    if (!is_rotation(spec.rotation_deg))
        return fail("the picture can be turned " + std::string(kRotationChoices) + " degrees, not " +
                    std::to_string(spec.rotation_deg));
    // On X11 the "software" renderer otherwise backs the window with OpenGL (llvmpipe without a
    // GPU): slower, and 100 MB more memory.
    if (spec.software)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    // Touch arrives as mouse events where SDL makes them of fingers (X11, Wayland); touch()
    // follows the fingers itself where it does not (see there). The kiosk handles one finger.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    // A kiosk screen must not blank while the hall is open.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
        return fail(std::string("cannot start the display: ") + SDL_GetError());

    std::unique_ptr<Platform> p(new Platform());
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (spec.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    p->window_ = SDL_CreateWindow(spec.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, spec.width,
                                  spec.height, flags);
    if (!p->window_)
        return fail(std::string("cannot open a window: ") + SDL_GetError());

    const Uint32 rflags = spec.software ? SDL_RENDERER_SOFTWARE : (SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    p->renderer_ = SDL_CreateRenderer(p->window_, -1, rflags);
    if (!p->renderer_ && !spec.software) {
        spdlog::warn("no accelerated renderer ({}); using the software renderer", SDL_GetError());
        p->renderer_ = SDL_CreateRenderer(p->window_, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!p->renderer_)
        return fail(std::string("cannot create a renderer: ") + SDL_GetError());
    // Checked here rather than at the first frame: a kiosk that cannot turn its picture would
    // show it sideways, with touches landing elsewhere than they seem to.
    p->rotation_deg_ = spec.rotation_deg;
    if (p->rotation_deg_ != 0) {
        if (!p->upright_target())
            return fail("cannot turn the picture with renderer '" + p->renderer_name() + "': " + SDL_GetError());
        spdlog::info("display: the picture is turned {} degrees clockwise", p->rotation_deg_);
    }
    if (spec.fullscreen)
        SDL_ShowCursor(SDL_DISABLE);
    const std::string_view driver = SDL_GetCurrentVideoDriver();
    p->driver_waits_ = driver == "x11" || driver == "wayland";

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // nothing about a resident's session is written to disk
    io.LogFilename = nullptr;
    io.BackendPlatformName = "hallkiosk";
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    if (!ImGui_ImplSDLRenderer_Init(p->renderer_))
        return fail("cannot start the ImGui renderer");
    p->imgui_ready_ = true;
    return p;
}

bool Platform::chime()
{
    constexpr int kRate = 48000;
    if (!audio_ && !audio_failed_) {
        SDL_AudioSpec want{};
        want.freq = kRate;
        want.format = AUDIO_S16SYS;
        want.channels = 1;
        want.samples = 1024;
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0 ||
            (audio_ = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0)) == 0) {
            spdlog::warn("sound: no audio device ({}); reminders are shown only", SDL_GetError());
            audio_failed_ = true;
            return false;
        }
        SDL_PauseAudioDevice(audio_, 0);
    }
    if (!audio_)
        return false;
    // E6 then C6, each faded in and out so that it does not click: a doorbell, not an alarm.
    std::vector<std::int16_t> samples;
    for (const auto& [hz, ms] : {std::pair{1318.5, 220}, std::pair{1046.5, 380}}) {
        const int n = kRate * ms / 1000;
        for (int i = 0; i < n; ++i) {
            const double fade = std::min({1.0, i / 480.0, (n - i) / 4800.0});
            samples.push_back(static_cast<std::int16_t>(9000.0 * fade * std::sin(2 * M_PI * hz * i / kRate)));
        }
    }
    SDL_QueueAudio(audio_, samples.data(), static_cast<Uint32>(samples.size() * sizeof(std::int16_t)));
    spdlog::info("sound: chime");
    return true;
}

Platform::~Platform()
{
    if (audio_)
        SDL_CloseAudioDevice(audio_);
    if (imgui_ready_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext();
    }
    if (upright_)
        SDL_DestroyTexture(upright_);
    if (renderer_)
        SDL_DestroyRenderer(renderer_);
    if (window_)
        SDL_DestroyWindow(window_);
    SDL_Quit();
}

PixelSize Platform::output_size() const
{
    PixelSize out;
    SDL_GetRendererOutputSize(renderer_, &out.width, &out.height);
    return out;
}

int Platform::width() const
{
    const PixelSize out = output_size();
    return logical_size(rotation_deg_, out.width, out.height).width;
}

int Platform::height() const
{
    const PixelSize out = output_size();
    return logical_size(rotation_deg_, out.width, out.height).height;
}

LogicalPoint Platform::touch_point(int x, int y) const
{
    const PixelSize out = output_size();
    return logical_point(rotation_deg_, out.width, out.height, static_cast<float>(x), static_cast<float>(y));
}

std::optional<Touch> Platform::touch(const SDL_Event& e)
{
    using enum Touch::Kind;
    switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e.button.button != SDL_BUTTON_LEFT)
            return std::nullopt;
        return Touch{e.type == SDL_MOUSEBUTTONDOWN ? press : release, touch_point(e.button.x, e.button.y)};
    case SDL_MOUSEMOTION:
        if (!(e.motion.state & SDL_BUTTON_LMASK))
            return std::nullopt;
        return Touch{move, touch_point(e.motion.x, e.motion.y)};
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: break;
    default: return std::nullopt;
    }
    // SDL 2.26 makes mouse events only of fingers on a window; its own evdev input (KMSDRM) gives
    // fingers none, so they come as finger events alone, at 0..1 of the touch device's axes.
    // Those are followed here, one finger at a time, as SDL would have made mouse events of them.
    const SDL_TouchFingerEvent& f = e.tfinger;
    if (f.windowID != 0)
        return std::nullopt;
    if (e.type == SDL_FINGERDOWN) {
        if (finger_)
            return std::nullopt;
        finger_ = f.fingerId;
    } else if (finger_ != f.fingerId) {
        return std::nullopt;
    }
    if (e.type == SDL_FINGERUP)
        finger_.reset();
    const PixelSize out = output_size();
    const auto pixel = [](float at, int extent) { return std::clamp(static_cast<int>(at * extent), 0, extent - 1); };
    const Touch::Kind kind = e.type == SDL_FINGERDOWN ? press : e.type == SDL_FINGERUP ? release : move;
    return Touch{kind, touch_point(pixel(f.x, out.width), pixel(f.y, out.height))};
}

SDL_Texture* Platform::upright_target()
{
    const int w = width(), h = height();
    int tw = 0, th = 0;
    if (upright_ && SDL_QueryTexture(upright_, nullptr, nullptr, &tw, &th) == 0 && tw == w && th == h)
        return upright_;
    if (upright_)
        SDL_DestroyTexture(upright_);
    // Opaque, as window surfaces are: SDL's software renderer turns a texture with alpha through
    // an extra mask and conversion. At 1080p the turn costs about 19 ms a frame that way against
    // 4.5 ms opaque (shell_bench --rotation 90 on the development machine).
    upright_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET, w, h);
    // Copied over the output as it is, not blended: every pixel of the output comes from it.
    if (upright_)
        SDL_SetTextureBlendMode(upright_, SDL_BLENDMODE_NONE);
    return upright_;
}

std::string Platform::renderer_name() const
{
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer_, &info);
    return info.name ? info.name : "?";
}

void Platform::upload_fonts(ImFontAtlas& atlas)
{
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    // The texture holds the pixels now; the atlas's 8-bit and 32-bit copies are not needed.
    atlas.ClearTexData();
}

void Platform::new_frame(double dt_s)
{
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width()), static_cast<float>(height()));
    io.DeltaTime = static_cast<float>(dt_s > 1e-4 ? dt_s : 1e-4);
    pointer_.feed_one_frame();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
}

void Platform::render(unsigned int backdrop)
{
    // Unturned, ImGui draws straight into the back buffer: no texture, no extra copy.
    SDL_Texture* upright = rotation_deg_ != 0 ? upright_target() : nullptr;
    if (rotation_deg_ != 0 && !upright)
        spdlog::error("display: cannot make the picture to turn ({}); drawn unturned", SDL_GetError());
    if (upright)
        SDL_SetRenderTarget(renderer_, upright);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(backdrop);
    SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(c.x * 255.0f + 0.5f), static_cast<Uint8>(c.y * 255.0f + 0.5f),
                           static_cast<Uint8>(c.z * 255.0f + 0.5f), 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (!upright)
        return;
    SDL_SetRenderTarget(renderer_, nullptr);
    // SDL turns a copy about its destination's centre: the upright picture is placed centred on
    // the output, so that a quarter turn of it covers the output exactly and needs no clear.
    const PixelSize out = output_size();
    const float w = static_cast<float>(width()), h = static_cast<float>(height());
    const SDL_FRect dst{(static_cast<float>(out.width) - w) / 2, (static_cast<float>(out.height) - h) / 2, w, h};
    SDL_RenderCopyExF(renderer_, upright, nullptr, &dst, rotation_deg_, nullptr, SDL_FLIP_NONE);
}

void Platform::present() { SDL_RenderPresent(renderer_); }

bool Platform::wait_event(SDL_Event& e, int timeout_ms)
{
    if (timeout_ms <= 0)
        return SDL_PollEvent(&e) != 0;
    if (driver_waits_)
        return SDL_WaitEventTimeout(&e, timeout_ms) != 0;
    constexpr int kPollMs = 10;
    const Uint64 end = SDL_GetTicks64() + static_cast<Uint64>(timeout_ms);
    while (true) {
        if (SDL_PollEvent(&e))
            return true;
        const Uint64 now = SDL_GetTicks64();
        if (now >= end)
            return false;
        SDL_Delay(static_cast<Uint32>(std::min<Uint64>(kPollMs, end - now)));
    }
}

Result<void> Platform::save_png(const std::filesystem::path& file)
{
    const int w = width(), h = height();
    // A turned picture is read from its upright texture (render() left the output as the target).
    if (rotation_deg_ != 0 && !upright_)
        return fail("cannot read the frame: the picture to turn was not made");
    if (upright_)
        SDL_SetRenderTarget(renderer_, upright_);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    const SDL_Rect all{0, 0, w, h};
    // ABGR8888 is R,G,B,A in memory on little-endian machines, as PNG wants it.
    const int read = SDL_RenderReadPixels(renderer_, &all, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4);
    SDL_SetRenderTarget(renderer_, nullptr);
    if (read != 0)
        return fail(std::string("cannot read the frame: ") + SDL_GetError());
    // Screenshots are written after every step of a script: fast compression over small files
    // (about a fifth of the time at level 8, the default, for files a third larger).
    stbi_write_png_compression_level = 1;
    if (!stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4))
        return fail("cannot write " + file.string());
    return {};
}

} // namespace hk::app
