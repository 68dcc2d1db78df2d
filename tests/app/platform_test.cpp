// Tests of the platform's turned picture under SDL's offscreen driver and software renderer:
// markers drawn on the logical picture are looked for in the output's pixels, read back before
// present, and touches on them are turned back onto the markers. The pictures are kept in the
// build tree (HK_TEST_OUTPUT/rotation) for a person to look at.
#include "platform.hpp"
#include "rgba_image.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <array>
#include <filesystem>
#include <optional>
#include <string>

namespace fs = std::filesystem;
using namespace hk;
using namespace hk::app;
using hk::test::Image;
using hk::test::load;

namespace {

constexpr ImU32 kBackdrop = IM_COL32(0, 0, 255, 255);
constexpr ImU32 kRed = IM_COL32(255, 0, 0, 255);
constexpr ImU32 kGreen = IM_COL32(0, 255, 0, 255);
constexpr float kMarker = 40; // the markers' side, in logical pixels

fs::path pictures()
{
    const fs::path dir = fs::path(HK_TEST_OUTPUT) / "rotation";
    fs::create_directories(dir);
    return dir;
}

std::unique_ptr<Platform> open_window(int width, int height, int rotation_deg)
{
    WindowSpec spec;
    spec.fullscreen = false;
    spec.width = width;
    spec.height = height;
    spec.rotation_deg = rotation_deg;
    auto p = Platform::create(spec);
    REQUIRE_MESSAGE(p, (p ? std::string() : p.error().message));
    return std::move(*p);
}

// A frame with a red marker at the logical picture's top-left corner and a green one at its
// top-right, rendered but not presented.
void draw_markers(Platform& platform)
{
    platform.new_frame(1.0 / 60.0);
    const float w = static_cast<float>(platform.width());
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(ImVec2(0, 0), ImVec2(kMarker, kMarker), kRed);
    draw->AddRectFilled(ImVec2(w - kMarker, 0), ImVec2(w, kMarker), kGreen);
    ImGui::Render();
    platform.render(kBackdrop);
}

ImU32 colour(const Image& img, int x, int y)
{
    return IM_COL32(img.at(x, y, 0), img.at(x, y, 1), img.at(x, y, 2), 255);
}

// What the panel gets: the back buffer, read as it is before present().
Image read_output(Platform& platform)
{
    Image out;
    SDL_GetRendererOutputSize(platform.renderer(), &out.w, &out.h);
    out.rgba.resize(static_cast<std::size_t>(out.w) * static_cast<std::size_t>(out.h) * 4);
    REQUIRE(SDL_RenderReadPixels(platform.renderer(), nullptr, SDL_PIXELFORMAT_ABGR8888, out.rgba.data(), out.w * 4) ==
            0);
    return out;
}

void keep(const Image& img, const std::string& name)
{
    CHECK(stbi_write_png((pictures() / name).c_str(), img.w, img.h, 4, img.rgba.data(), img.w * 4));
}

// The middle of the output's corner `corner` (0 top-left, then clockwise), a marker's half in.
std::array<int, 2> corner_of(const Image& out, int corner)
{
    const int in = static_cast<int>(kMarker) / 2;
    const int right = out.w - 1 - in, bottom = out.h - 1 - in;
    constexpr int kCorners[4][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    return {kCorners[corner][0] ? right : in, kCorners[corner][1] ? bottom : in};
}

// After draw_markers() on an output of `w` x `h` turned 90 degrees: the markers are where the
// turn puts them, to the pixel, and the screenshot is the upright picture, `h` x `w`. Both
// pictures are kept as `name`-output.png and `name`-logical.png.
void check_turned_90(Platform& platform, int w, int h, const std::string& name)
{
    const Image out = read_output(platform);
    keep(out, name + "-output.png");
    REQUIRE(out.w == w);
    REQUIRE(out.h == h);
    CHECK(colour(out, w - 21, 20) == kRed);       // the picture's top-left, at the output's top-right
    CHECK(colour(out, w - 21, h - 21) == kGreen); // its top-right, at the output's bottom-right
    CHECK(colour(out, 20, 20) == kBackdrop);
    CHECK(colour(out, 20, h - 21) == kBackdrop);
    // Turned to the pixel: the red marker's 40 rows of the picture are the output's last 40 columns.
    CHECK(colour(out, w - 40, 39) == kRed);
    CHECK(colour(out, w - 41, 39) == kBackdrop);
    CHECK(colour(out, w - 40, 40) == kBackdrop);
    // Every pixel of the output comes from the picture: the backdrop reaches the output's edges.
    CHECK(colour(out, 0, h / 2) == kBackdrop);
    CHECK(colour(out, w / 2, 0) == kBackdrop);
    CHECK(colour(out, w / 2, h - 1) == kBackdrop);

    // Screenshots are the picture as laid out, upright, whichever way the panel is mounted.
    const fs::path png = pictures() / (name + "-logical.png");
    REQUIRE(platform.save_png(png));
    const Image logical = load(png);
    REQUIRE(logical.w == h);
    REQUIRE(logical.h == w);
    CHECK(colour(logical, 20, 20) == kRed);
    CHECK(colour(logical, h - 21, 20) == kGreen);
    CHECK(colour(logical, 20, w - 21) == kBackdrop);
}

} // namespace

TEST_CASE("turned 90 degrees on a 1280x720 output, a portrait picture is laid out and lands turned, "
          "its top-left at the output's top-right")
{
    auto platform = open_window(1280, 720, 90);
    CHECK(platform->width() == 720);
    CHECK(platform->height() == 1280);
    draw_markers(*platform);
    check_turned_90(*platform, 1280, 720, "90");
    platform->present();
}

TEST_CASE("for every rotation the markers land in their corners and a touch there is turned back onto them")
{
    struct Case {
        int rotation_deg;
        int red_corner; // where the picture's top-left lands on the output (0 top-left, then clockwise)
    };
    for (const Case c : {Case{0, 0}, Case{90, 1}, Case{180, 2}, Case{270, 3}}) {
        INFO("rotation ", c.rotation_deg);
        auto platform = open_window(1280, 720, c.rotation_deg);
        draw_markers(*platform);
        const Image out = read_output(*platform);
        keep(out, std::to_string(c.rotation_deg) + "-output.png");
        const auto red = corner_of(out, c.red_corner);
        const auto green = corner_of(out, (c.red_corner + 1) % 4); // the picture's top-right, a corner on
        CHECK(colour(out, red[0], red[1]) == kRed);
        CHECK(colour(out, green[0], green[1]) == kGreen);
        const auto opposite = corner_of(out, (c.red_corner + 2) % 4);
        CHECK(colour(out, opposite[0], opposite[1]) == kBackdrop);

        // A finger in the middle of the red marker, as SDL reports it in output pixels, is in the
        // middle of the red marker of the picture the screens laid out; the same for the green.
        const LogicalPoint on_red = platform->touch_point(red[0], red[1]);
        CHECK(on_red.x == 20);
        CHECK(on_red.y == 20);
        const LogicalPoint on_green = platform->touch_point(green[0], green[1]);
        CHECK(on_green.x == static_cast<float>(platform->width() - 21));
        CHECK(on_green.y == 20);
        platform->present();
    }
}

namespace {

SDL_Event finger(Uint32 type, SDL_FingerID id, float x, float y, Uint32 window_id = 0)
{
    SDL_Event e{};
    e.type = type;
    e.tfinger.fingerId = id;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.windowID = window_id;
    return e;
}

// `t` is a touch of `kind` at logical (x, y).
void check_touch(const std::optional<Touch>& t, Touch::Kind kind, float x, float y)
{
    REQUIRE(t);
    CHECK(t->kind == kind);
    CHECK(t->at.x == x);
    CHECK(t->at.y == y);
}

} // namespace

// Under KMSDRM, SDL's evdev input gives fingers no window and makes no mouse events of them.
TEST_CASE("a finger SDL made no mouse event of is followed, one at a time, and turned like the mouse")
{
    using enum Touch::Kind;
    auto platform = open_window(1280, 720, 90);
    // The middle of output pixel (1259, 20), at 0..1 of the touch device's axes: the picture's (20, 20).
    const float x = 1259.5f / 1280, y = 20.5f / 720;
    check_touch(platform->touch(finger(SDL_FINGERDOWN, 7, x, y)), press, 20, 20);
    CHECK_FALSE(platform->touch(finger(SDL_FINGERDOWN, 8, 0.5f, 0.5f))); // a second finger is not followed
    CHECK_FALSE(platform->touch(finger(SDL_FINGERMOTION, 8, 0.6f, 0.5f)));
    check_touch(platform->touch(finger(SDL_FINGERMOTION, 7, x, 120.5f / 720)), move, 120, 20);
    CHECK_FALSE(platform->touch(finger(SDL_FINGERUP, 8, 0.6f, 0.5f)));
    check_touch(platform->touch(finger(SDL_FINGERUP, 7, x, 120.5f / 720)), release, 120, 20);
    // The last column and row of the device's range are the output's last pixels, not beyond.
    check_touch(platform->touch(finger(SDL_FINGERDOWN, 8, 1.0f, 1.0f)), press, 719, 0);
    check_touch(platform->touch(finger(SDL_FINGERUP, 8, 1.0f, 1.0f)), release, 719, 0);

    // A finger on a window (X11, Wayland) comes as mouse events too: those are the ones followed.
    CHECK_FALSE(platform->touch(finger(SDL_FINGERDOWN, 9, x, y, SDL_GetWindowID(platform->window()))));
    SDL_Event down{};
    down.type = SDL_MOUSEBUTTONDOWN;
    down.button.button = SDL_BUTTON_LEFT;
    down.button.x = 1259;
    down.button.y = 20;
    check_touch(platform->touch(down), press, 20, 20);
    SDL_Event hover{};
    hover.type = SDL_MOUSEMOTION;
    hover.motion.x = 100;
    CHECK_FALSE(platform->touch(hover)); // no button held: nothing on a touch kiosk reacts to hovering
}

TEST_CASE("when the window's size changes the turned picture follows it")
{
    auto platform = open_window(1280, 720, 90);
    draw_markers(*platform);
    platform->present();
    SDL_SetWindowSize(platform->window(), 1024, 768);
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
    }
    CHECK(platform->width() == 768);
    CHECK(platform->height() == 1024);
    draw_markers(*platform);
    check_turned_90(*platform, 1024, 768, "90-resized");
}

TEST_CASE("a rotation other than a quarter turn is refused before a window opens")
{
    WindowSpec spec;
    spec.fullscreen = false;
    spec.rotation_deg = 45;
    const auto p = Platform::create(spec);
    REQUIRE_FALSE(p);
    CHECK(p.error().message == "the picture can be turned 0, 90, 180 or 270 degrees, not 45");
}
