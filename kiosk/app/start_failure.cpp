// The out-of-service screen of a kiosk that cannot start (see start_failure.hpp).
#include "start_failure.hpp"

#include "line_break.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_freetype.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace hk::app {
namespace {

// The screen's words. They are written here and not in assets/i18n because this screen must
// show when the translations are what failed to load; the residents' lines say the same in each
// language, side by side, since nobody has chosen one yet. The staff's lines are English, like
// the errors they explain.
enum class Script { sc, tc, latin };
struct Words {
    Script script;
    std::string_view text;
};
constexpr Words kOutOfService[] = {
    {Script::sc, "暂停服务"}, {Script::tc, "暫停服務"}, {Script::latin, "Out of service"}};
constexpr Words kAskAtDesk[] = {
    {Script::sc, "请到服务台咨询"}, {Script::tc, "請到服務台諮詢"}, {Script::latin, "Please ask at the service desk"}};
constexpr std::string_view kBetween = "  /  ";
constexpr std::string_view kForStaff = "For staff: this kiosk could not start.";
constexpr std::string_view kWhereToLook = "More in the journal: journalctl -u hallkiosk";
constexpr std::string_view kVersion = "hallkiosk " HK_VERSION;
constexpr std::string_view kCut = " ...";

// The last font to try before ImGui's own: Debian's fonts-noto-cjk, which the kiosk's package
// depends on, so it is there even when the config naming the fonts could not be read.
constexpr const char* kDebianCjkFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
// Faces inside NotoSansCJK-*.ttc: 2 Simplified, 3 Traditional Chinese (each shapes the same code
// point its own way).
constexpr int kTtcIndexSc = 2;
constexpr int kTtcIndexTc = 3;

// Text sizes in units of a 1080-pixel short edge (ui::Metrics): the residents' lines read from a
// few steps away; the staff's from in front of the screen.
enum class Role { title, body, staff };
constexpr std::array<float, 3> kSizeU{88.0f, 52.0f, 28.0f};
constexpr std::size_t kMaxReasonLines = 6;

// The screen's fonts: each role in each Chinese face (Latin text is drawn in the Simplified one),
// with only the glyphs of the screen's texts, so the atlas takes milliseconds.
class ScreenFonts {
public:
    // Builds `atlas` for `unit` from the first fonts that work: the config's, Debian's Noto CJK,
    // ImGui's own (Latin only).
    void build(ImFontAtlas& atlas, const std::optional<ui::FontFiles>& config_fonts, float unit,
               std::string_view reason)
    {
        unit_ = unit;
        std::vector<ui::FontFiles> tries;
        if (config_fonts)
            tries.push_back(*config_fonts);
        tries.push_back({kDebianCjkFont, kDebianCjkFont});
        for (const ui::FontFiles& files : tries) {
            auto regular = ui::MappedFile::open(files.regular);
            auto bold = ui::MappedFile::open(files.bold);
            if (regular && bold && build_cjk(atlas, *regular, *bold, reason)) {
                cjk_ = true;
                if (!logged_) // once: a window resized rebuilds the atlas
                    spdlog::info("start failure screen: fonts {} and {}", files.regular.string(), files.bold.string());
                logged_ = true;
                return;
            }
            spdlog::warn("start failure screen: cannot use the fonts {} and {}: {}", files.regular.string(),
                         files.bold.string(),
                         !regular ? regular.error().message
                         : !bold  ? bold.error().message
                                  : "the font builder refused them");
        }
        build_builtin(atlas);
        cjk_ = false;
    }

    float unit() const { return unit_; }
    void forget() { unit_ = 0; }
    bool cjk() const { return cjk_; }
    ImFont* font(Role role, Script script) const
    {
        return fonts_[static_cast<std::size_t>(role)][script == Script::tc ? 1 : 0];
    }

private:
    float size_px(Role role) const { return std::round(kSizeU[static_cast<std::size_t>(role)] * unit_); }

    bool build_cjk(ImFontAtlas& atlas, const ui::MappedFile& regular, const ui::MappedFile& bold,
                   std::string_view reason)
    {
        start(atlas);
        // Glyphs for each face: what is drawn in it, and nothing else.
        std::array<ImFontGlyphRangesBuilder, 2> wanted;
        for (const auto* message : {&kOutOfService, &kAskAtDesk})
            for (const Words& w : *message)
                wanted[w.script == Script::tc ? 1 : 0].AddText(w.text.data(), w.text.data() + w.text.size());
        for (std::string_view s : {kBetween, kForStaff, kWhereToLook, kVersion, kCut, reason})
            wanted[0].AddText(s.data(), s.data() + s.size());
        for (std::size_t face = 0; face < 2; ++face) {
            wanted[face].AddChar(0xFFFD); // drawn for a character of the reason the font lacks
            ranges_[face].clear();
            wanted[face].BuildRanges(&ranges_[face]);
        }
        for (Role role : {Role::title, Role::body, Role::staff})
            for (std::size_t face = 0; face < 2; ++face) {
                auto& slot = fonts_[static_cast<std::size_t>(role)];
                if (role == Role::staff && face == 1) { // the staff's lines are English
                    slot[1] = slot[0];
                    continue;
                }
                ImFontConfig cfg;
                const ui::MappedFile& file = role == Role::title ? bold : regular;
                // The atlas would copy font data it does not own, 20 MB a font: it is lent the
                // mapping as its own and the pointers are taken back after Build(), as FontSet does.
                cfg.FontData = const_cast<void*>(file.data()); // read only: the builder never writes it
                cfg.FontDataSize = static_cast<int>(file.size());
                cfg.FontDataOwnedByAtlas = true;
                cfg.FontNo = face == 0 ? kTtcIndexSc : kTtcIndexTc;
                cfg.SizePixels = size_px(role);
                cfg.GlyphRanges = ranges_[face].Data;
                slot[face] = atlas.AddFont(&cfg);
            }
        const bool built = atlas.Build();
        for (ImFontConfig& c : atlas.ConfigData) {
            c.FontData = nullptr;
            c.FontDataSize = 0;
        }
        if (!built)
            atlas.Clear();
        return built;
    }

    // ImGui's own font (ProggyClean, an outline font FreeType draws at any size): Latin letters
    // only, so the screen leaves out its Chinese lines.
    void build_builtin(ImFontAtlas& atlas)
    {
        start(atlas);
        for (Role role : {Role::title, Role::body, Role::staff}) {
            ImFontConfig cfg;
            cfg.SizePixels = size_px(role);
            ImFont* font = atlas.AddFontDefault(&cfg);
            fonts_[static_cast<std::size_t>(role)] = {font, font};
        }
        atlas.Build();
    }

    static void start(ImFontAtlas& atlas)
    {
        atlas.Clear();
        atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
        atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
    }

    float unit_ = 0;
    bool cjk_ = false;
    bool logged_ = false;
    std::array<std::array<ImFont*, 2>, 3> fonts_{};
    std::array<ImVector<ImWchar>, 2> ranges_; // alive as long as the atlas uses them
};

// One of the residents' messages as it is drawn: on one line, the languages side by side, where
// it fits the width; else a line a language.
struct Message {
    std::vector<Words> parts;
    Role role;
    bool one_line = true;
};

float parts_width(const ScreenFonts& f, const Message& m)
{
    float w = 0;
    for (std::size_t i = 0; i < m.parts.size(); ++i)
        w += ui::text_size(f.font(m.role, m.parts[i].script), m.parts[i].text).x +
             (i > 0 ? ui::text_size(f.font(m.role, Script::latin), kBetween).x : 0.0f);
    return w;
}

float message_height(const ScreenFonts& f, const Message& m)
{
    const float line = f.font(m.role, Script::latin)->FontSize * 1.3f;
    return m.one_line ? line : line * static_cast<float>(m.parts.size());
}

// Draws `m` centred on `center_x` from `y`; returns the height used.
float draw_message(ImDrawList* d, const ScreenFonts& f, const Message& m, float center_x, float y, ImU32 col,
                   ImU32 between_col)
{
    ImFont* latin = f.font(m.role, Script::latin);
    const float line = latin->FontSize * 1.3f;
    auto put = [&](ImFont* font, float x, float at_y, ImU32 c, std::string_view s) {
        d->AddText(font, font->FontSize, ImVec2(std::floor(x), std::floor(at_y)), c, s.data(), s.data() + s.size());
        return ui::text_size(font, s).x;
    };
    if (m.one_line) {
        float x = center_x - parts_width(f, m) * 0.5f;
        for (std::size_t i = 0; i < m.parts.size(); ++i) {
            if (i > 0)
                x += put(latin, x, y, between_col, kBetween);
            x += put(f.font(m.role, m.parts[i].script), x, y, col, m.parts[i].text);
        }
        return line;
    }
    float at = y;
    for (const Words& w : m.parts) {
        ImFont* font = f.font(m.role, w.script);
        put(font, center_x - ui::text_size(font, w.text).x * 0.5f, at, col, w.text);
        at += line;
    }
    return at - y;
}

// The reason as the lines the staff's block shows: broken to the width, at most kMaxReasonLines,
// the last cut short when there is more (the journal has it whole).
std::vector<std::string> reason_lines(ImFont* font, std::string_view reason, float width)
{
    const auto lines = text::break_lines(reason, width, [font](char32_t c) { return ui::advance_of(font, c); });
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < lines.size() && i < kMaxReasonLines; ++i)
        shown.emplace_back(lines[i]);
    if (lines.size() > kMaxReasonLines) {
        // ASCII dots rather than an ellipsis: ImGui's own font has no "…".
        std::string& last = shown.back();
        while (!last.empty() && ui::text_size(font, last + std::string(kCut)).x > width) {
            // One character off the end: its continuation bytes, then its first.
            while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80)
                last.pop_back();
            if (!last.empty())
                last.pop_back();
        }
        last += kCut;
    }
    return shown;
}

// A pause sign in a ring: the screen reads as "stopped for now" before a word of it is read.
void draw_pause(ImDrawList* d, ImVec2 center, float size, ImU32 col)
{
    const float r = size * 0.5f;
    d->AddCircle(center, r, col, 64, size * 0.06f);
    const float bar_w = size * 0.11f, bar_h = size * 0.42f, gap = size * 0.09f;
    for (float sign : {-1.0f, 1.0f}) {
        const float x = center.x + sign * (gap + bar_w * 0.5f);
        d->AddRectFilled(ImVec2(x - bar_w * 0.5f, center.y - bar_h * 0.5f),
                         ImVec2(x + bar_w * 0.5f, center.y + bar_h * 0.5f), col, bar_w * 0.3f);
    }
}

void draw_screen(ImDrawList* d, const ScreenFonts& f, const ui::Theme& theme, ImVec2 size, std::string_view reason)
{
    const float unit = f.unit();
    const float margin = std::max(16.0f, 64.0f * unit);
    const float width = size.x - 2 * margin;

    // The staff's block, at the foot of the screen.
    ImFont* staff = f.font(Role::staff, Script::latin);
    const float staff_line = staff->FontSize * 1.35f;
    const auto reason_shown = reason_lines(staff, reason, width);
    const float staff_h = staff_line * static_cast<float>(reason_shown.size() + 3);
    float y = size.y - margin - staff_h;
    const float rule_y = y - 28.0f * unit;
    d->AddLine(ImVec2(margin, rule_y), ImVec2(size.x - margin, rule_y), theme.inactive, std::max(1.0f, 2.0f * unit));
    auto staff_text = [&](std::string_view s, ImU32 col) {
        d->AddText(staff, staff->FontSize, ImVec2(margin, std::floor(y)), col, s.data(), s.data() + s.size());
        y += staff_line;
    };
    staff_text(kForStaff, theme.inactive_text);
    for (const std::string& line : reason_shown)
        staff_text(line, theme.text);
    staff_text(kWhereToLook, theme.inactive_text);
    staff_text(kVersion, theme.inactive_text);

    // The residents' block, centred in the space above it.
    std::vector<Message> messages;
    for (const auto& [words, role] : {std::pair{&kOutOfService, Role::title}, std::pair{&kAskAtDesk, Role::body}}) {
        Message m{{}, role};
        for (const Words& w : *words)
            if (f.cjk() || w.script == Script::latin)
                m.parts.push_back(w);
        messages.push_back(std::move(m));
    }
    // Both messages stacked or neither: the languages then line up under each other.
    const bool fits = std::ranges::all_of(messages, [&](const Message& m) { return parts_width(f, m) <= width; });
    for (Message& m : messages)
        m.one_line = fits;
    const float icon = 120.0f * unit;
    const float gap = 40.0f * unit;
    const float block_h = icon + gap + message_height(f, messages[0]) + gap + message_height(f, messages[1]);
    float top = std::max(margin, (rule_y - block_h) * 0.5f);
    draw_pause(d, ImVec2(size.x * 0.5f, top + icon * 0.5f), icon, theme.inactive_text);
    top += icon + gap;
    top += draw_message(d, f, messages[0], size.x * 0.5f, top, theme.text, theme.inactive) + gap;
    draw_message(d, f, messages[1], size.x * 0.5f, top, theme.accent, theme.inactive);
}

bool needs_redraw(const SDL_Event& e)
{
    return e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET;
}

} // namespace

std::string failure_status(std::string_view reason)
{
    constexpr std::size_t kMaxBytes = 200;
    std::string_view line = reason.substr(0, reason.find('\n'));
    std::string status = "cannot start: ";
    if (line.size() <= kMaxBytes)
        return status + std::string(line);
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) // not inside a character
        --cut;
    return status + std::string(line.substr(0, cut)) + "…";
}

int show_start_failure(const StartFailure& failure, const FailureScreenSetup& setup, ServiceNotifier& service)
{
    auto platform = Platform::create(setup.window);
    if (!platform) {
        spdlog::critical("cannot show why on screen: {}", platform.error().message);
        return failure.exit_code;
    }
    Platform& p = **platform;
    const ui::Theme theme = ui::make_theme(true); // dark and high contrast: a sign, not a screen to use
    ScreenFonts fonts;
    using Clock = ServiceNotifier::Clock;
    const auto until = Clock::now() + setup.hold;
    auto last_frame = Clock::now();
    bool shot_due = !setup.screenshot_dir.empty();

    auto draw = [&] {
        const ImVec2 size(static_cast<float>(p.width()), static_cast<float>(p.height()));
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        if (const float unit = ui::make_metrics(size, false).unit; unit != fonts.unit()) {
            fonts.build(atlas, setup.fonts, unit, failure.reason);
            p.upload_fonts(atlas);
        }
        const auto now = Clock::now();
        p.new_frame(std::chrono::duration<double>(now - last_frame).count());
        last_frame = now;
        draw_screen(ImGui::GetBackgroundDrawList(), fonts, theme, size, failure.reason);
        ImGui::Render();
        p.render(theme.background);
        if (shot_due) {
            shot_due = false;
            std::error_code ec;
            std::filesystem::create_directories(setup.screenshot_dir, ec);
            if (auto saved = p.save_png(setup.screenshot_dir / "start-failure.png"); !saved)
                spdlog::error("{}", saved.error().message);
        }
        p.present();
    };

    // Ready once the screen is up: from then on `systemctl status` shows the reason.
    draw();
    spdlog::info("start failure screen: shown for {} s on a {}x{} display", setup.hold.count(), p.width(), p.height());
    service.ready(failure_status(failure.reason));
    bool dirty = false;
    while (true) {
        const auto now = Clock::now();
        service.feed(now);
        if (dirty)
            draw();
        dirty = false;
        if (now >= until)
            break;
        // Wakes in time for the watchdog as well as at the end.
        auto wait = std::chrono::ceil<std::chrono::milliseconds>(until - now);
        if (const auto within = service.wake_within())
            wait = std::min(wait, *within);
        SDL_Event e;
        bool quit = false;
        if (p.wait_event(e, static_cast<int>(wait.count()))) {
            do {
                quit = quit || e.type == SDL_QUIT;
                dirty = dirty || needs_redraw(e);
                if (e.type == SDL_RENDER_DEVICE_RESET)
                    fonts.forget(); // the font texture went with the device
            } while (SDL_PollEvent(&e));
        }
        if (quit) {
            spdlog::info("start failure screen: told to quit");
            break;
        }
    }
    service.stopping();
    return failure.exit_code;
}

} // namespace hk::app
