// The font atlas: Noto Sans CJK, baked with only the glyphs the kiosk needs.
//
// Each language is drawn in its own face (Simplified and Traditional Chinese shape the same code
// point differently), at a few sizes (roles). In the resident's face the body font also carries
// the common Chinese character set, so that names read from cards rarely need a rebuild, and while
// a keyboard is up the input font carries the characters typed Chinese mostly uses. A character missing from the atlas
// (from config, a name on an ID card, typed input) is recorded when text is measured, and the
// frame loop rebuilds the atlas and redraws before presenting: the resident never sees a box.
#pragma once

#include "error.hpp"
#include "lang.hpp"

#include <array>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace hk::ui {

// `input`: what a resident types and the pinyin candidates, larger than body text.
enum class FontRole { body, title, hero, clock, input };
inline constexpr std::size_t kRoleCount = 5;
enum class Face { sc, tc };
inline constexpr std::size_t kFaceCount = 2;

constexpr Face face_for(Lang lang)
{
    return lang == Lang::zh_Hant ? Face::tc : Face::sc;
}

// A read-only memory map of a font file. Fonts are 20 MB each; mapping them lets the atlas read
// the tables it needs without copying the file (pages it never touches are never loaded).
class MappedFile {
public:
    static Result<MappedFile> open(const std::filesystem::path& path);
    MappedFile() = default;
    MappedFile(MappedFile&& o) noexcept;
    MappedFile& operator=(MappedFile&& o) noexcept;
    ~MappedFile();
    const void* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
};

// What one atlas build cost.
struct AtlasStats {
    double build_ms = 0;
    int width = 0;
    int height = 0;
    int glyphs = 0;
};

// The text each face must be able to draw: everything the translations and config show in the
// languages drawn with that face (`ui`), and the few large strings of the attract screen (`hero`).
struct FaceText {
    std::string ui;
    std::string hero;
};

class FontSet {
public:
    static Result<FontSet> open(const FontFiles& files);

    void set_text(Face face, FaceText text);
    // The face whose body font carries the common character set, and the size scale (display
    // scale times the large-text factor). A change takes effect at the next build().
    void configure(Face primary, float scale);

    // An on-screen keyboard is drawn: from the next build() the input font of the resident's face
    // carries the characters typed Chinese mostly uses (typing_charset.hpp), so that pinyin
    // candidates rarely need a rebuild. They cost more than the rest of the atlas together (build
    // time, texture memory), so only a screen with a keyboard asks for them, and end_typing()
    // lets them go when the session ends.
    void want_typing();
    void end_typing();
    bool typing() const { return typing_; }

    // True when configure() or missing glyphs call for a new atlas.
    bool needs_build() const { return dirty_; }
    // Rebuilds every font into `atlas` (cleared first). Texture upload is the caller's.
    AtlasStats build(ImFontAtlas& atlas);

    ImFont* font(FontRole role, Face face) const;
    float size_px(FontRole role) const;

    // Makes sure `font` can draw `text`. Records what it lacks for the next build() and returns
    // false if anything was missing. Characters the font file itself lacks, or outside the
    // Basic Multilingual Plane (ImGui 1.86 has 16-bit ImWchar), are recorded once and reported.
    bool ensure(ImFont* font, std::string_view text);
    // Characters no build could add (not in the font file); drawn as U+FFFD.
    const std::set<char32_t>& unavailable() const { return unavailable_; }

private:
    struct Slot {
        FontRole role;
        Face face;
        ImFont* font = nullptr;
        std::size_t ranges = 0; // index into ranges_: what the build asked the font file for
    };
    static std::size_t key(FontRole role, Face face)
    {
        return static_cast<std::size_t>(face) * kRoleCount + static_cast<std::size_t>(role);
    }

    std::array<MappedFile, 2> files_; // regular, bold
    std::array<FaceText, kFaceCount> text_;
    Face primary_ = Face::sc;
    float scale_ = 1.0f;
    bool typing_ = false;
    bool dirty_ = true;
    std::vector<Slot> slots_;
    std::vector<std::vector<unsigned short>> ranges_;               // alive as long as the atlas uses them
    std::array<std::set<char32_t>, kRoleCount * kFaceCount> extra_; // added on demand, by key()
    std::set<char32_t> unavailable_;
};

} // namespace hk::ui
