// Building the CJK font atlas (see fonts.hpp).
#include "fonts.hpp"

#include "typing_charset.hpp"
#include "utf8.hpp"

#include <imgui.h>
#include <imgui_freetype.h>

#include <cerrno>
#include <utility>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hk::ui {
namespace {

// Face indices inside NotoSansCJK-*.ttc: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
constexpr int kTtcIndexSc = 2;
constexpr int kTtcIndexTc = 3;

// Pixel sizes at scale 1 (a display whose short edge is 1080 px).
constexpr std::array<float, kRoleCount> kBaseSizePx{
    34.0f,  // body: paragraphs, buttons
    52.0f,  // title: screen titles, tile names
    72.0f,  // hero: the attract screen's invitation
    150.0f, // clock: the attract screen's time (digits only)
    44.0f,  // input: typed text and pinyin candidates
};

constexpr const char* kClockText = "0123456789:";

} // namespace

Result<MappedFile> MappedFile::open(const std::filesystem::path& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail("cannot open font " + path.string() + ": " + std::strerror(errno));
    struct stat st{};
    if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        return fail("font " + path.string() + " is empty or unreadable");
    }
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED)
        return fail("cannot map font " + path.string() + ": " + std::strerror(errno));
    MappedFile m;
    m.data_ = p;
    m.size_ = static_cast<std::size_t>(st.st_size);
    return m;
}

MappedFile::MappedFile(MappedFile&& o) noexcept : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& o) noexcept
{
    if (this != &o) {
        if (data_)
            ::munmap(data_, size_);
        data_ = std::exchange(o.data_, nullptr);
        size_ = std::exchange(o.size_, 0);
    }
    return *this;
}

MappedFile::~MappedFile()
{
    if (data_)
        ::munmap(data_, size_);
}

Result<FontSet> FontSet::open(const FontFiles& files)
{
    FontSet set;
    auto regular = MappedFile::open(files.regular);
    if (!regular)
        return std::unexpected(regular.error());
    auto bold = MappedFile::open(files.bold);
    if (!bold)
        return std::unexpected(bold.error());
    set.files_[0] = std::move(*regular);
    set.files_[1] = std::move(*bold);
    return set;
}

void FontSet::set_text(Face face, FaceText text)
{
    text_[static_cast<std::size_t>(face)] = std::move(text);
    dirty_ = true;
}

void FontSet::configure(Face primary, float scale)
{
    if (primary != primary_ || scale != scale_)
        dirty_ = true;
    primary_ = primary;
    scale_ = scale;
}

void FontSet::want_typing()
{
    if (!typing_)
        dirty_ = true;
    typing_ = true;
}

void FontSet::end_typing()
{
    if (typing_)
        dirty_ = true;
    typing_ = false;
}

float FontSet::size_px(FontRole role) const
{
    // Whole pixels: FreeType hints to the pixel grid, and fractional sizes only blur.
    return static_cast<float>(static_cast<int>(kBaseSizePx[static_cast<std::size_t>(role)] * scale_ + 0.5f));
}

AtlasStats FontSet::build(ImFontAtlas& atlas)
{
    const auto t0 = std::chrono::steady_clock::now();
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
    atlas.TexDesiredWidth = 2048;
    slots_.clear();
    ranges_.clear();

    for (Face face : {Face::sc, Face::tc}) {
        const FaceText& text = text_[static_cast<std::size_t>(face)];
        for (FontRole role : {FontRole::body, FontRole::title, FontRole::hero, FontRole::clock, FontRole::input}) {
            // Digits look the same in both faces: one clock font is enough.
            if (role == FontRole::clock && face != Face::sc)
                continue;
            ImFontGlyphRangesBuilder b;
            b.AddChar(0xFFFD); // drawn for characters no font has, instead of '?'
            switch (role) {
            case FontRole::body:
                b.AddText(text.ui.c_str());
                if (face == primary_)
                    b.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
                else
                    b.AddRanges(atlas.GetGlyphRangesDefault());
                break;
            case FontRole::title: b.AddText(text.ui.c_str()); b.AddRanges(atlas.GetGlyphRangesDefault()); break;
            case FontRole::hero: b.AddText(text.hero.c_str()); break;
            case FontRole::clock: b.AddText(kClockText); break;
            case FontRole::input:
                // Only the resident's face is typed in: the other has letters until it becomes theirs.
                b.AddRanges(atlas.GetGlyphRangesDefault());
                if (face == primary_ && typing_) {
                    if (const std::string& typed = typing_charset(face); !typed.empty())
                        b.AddText(typed.c_str());
                    else
                        b.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
                }
                break;
            }
            for (char32_t c : extra_[key(role, face)])
                b.AddChar(static_cast<ImWchar>(c));
            ImVector<ImWchar> built;
            b.BuildRanges(&built);
            ranges_.emplace_back(built.begin(), built.end());

            const MappedFile& file = files_[role == FontRole::body || role == FontRole::input ? 0 : 1];
            ImFontConfig cfg;
            // ImGui 1.86 copies font data it does not own: 20 MB per font, per size. Handing it
            // the mapping as "owned" avoids the copy; the pointers are taken back after Build()
            // so that the atlas never frees memory it did not allocate.
            cfg.FontData = const_cast<void*>(file.data()); // read only; the atlas never writes it
            cfg.FontDataSize = static_cast<int>(file.size());
            cfg.FontDataOwnedByAtlas = true;
            cfg.FontNo = face == Face::sc ? kTtcIndexSc : kTtcIndexTc;
            cfg.SizePixels = size_px(role);
            cfg.OversampleH = cfg.OversampleV = 1;
            cfg.PixelSnapH = true;
            cfg.GlyphRanges = ranges_.back().data();
            ImFont* font = atlas.AddFont(&cfg);
            slots_.push_back(Slot{role, face, font, ranges_.size() - 1});
        }
    }
    atlas.Build();
    for (ImFontConfig& c : atlas.ConfigData) {
        c.FontData = nullptr;
        c.FontDataSize = 0;
    }
    dirty_ = false;

    AtlasStats stats;
    stats.width = atlas.TexWidth;
    stats.height = atlas.TexHeight;
    for (const Slot& s : slots_)
        stats.glyphs += s.font->Glyphs.Size;
    stats.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return stats;
}

ImFont* FontSet::font(FontRole role, Face face) const
{
    if (role == FontRole::clock)
        face = Face::sc;
    for (const Slot& s : slots_)
        if (s.role == role && s.face == face)
            return s.font;
    return slots_.empty() ? nullptr : slots_.front().font;
}

bool FontSet::ensure(ImFont* font, std::string_view text)
{
    const Slot* slot = nullptr;
    for (const Slot& s : slots_)
        if (s.font == font)
            slot = &s;
    if (!slot)
        return true;

    auto was_requested = [&](char32_t c) {
        const auto& r = ranges_[slot->ranges];
        for (std::size_t i = 0; i + 1 < r.size() && r[i] != 0; i += 2)
            if (c >= r[i] && c <= r[i + 1])
                return true;
        return false;
    };

    bool complete = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = utf8::next(text, pos);
        if (c < 0x20 || unavailable_.contains(c))
            continue;
        if (c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
            continue;
        if (c > 0xFFFF || was_requested(c)) {
            unavailable_.insert(c); // the font file has no such glyph: no rebuild can help
            continue;
        }
        extra_[key(slot->role, slot->face)].insert(c);
        dirty_ = true;
        complete = false;
    }
    return complete;
}

} // namespace hk::ui
