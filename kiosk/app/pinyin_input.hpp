// Pinyin input for the kiosk's on-screen keyboards: the engine started once over the deployed
// Rime data, and a TextEntry for each field a resident types in. An engine that cannot start is
// said once in the log; the keyboards then offer letters and digits, and say pinyin is unavailable.
#pragma once

#include "engine.hpp"
#include "text_entry.hpp"

#include <filesystem>
#include <memory>

namespace hk::app {

class PinyinInput {
public:
    // Starts librime over `rime_dir` (rime_deployer's output: ime::kBuildTreeRimeDir in a build
    // tree). Never fails: without an engine, entries have no pinyin.
    static PinyinInput start(const std::filesystem::path& rime_dir);
    // No pinyin at all.
    PinyinInput() = default;

    bool available() const { return engine_ != nullptr; }
    // A new, empty entry in `lang` holding at most `max_chars` characters; with pinyin when the
    // engine runs. Entries must be dropped before this object.
    text::TextEntry entry(Lang lang, std::size_t max_chars, std::size_t page_size = ime::kPageSize);

private:
    std::unique_ptr<ime::Engine> engine_;
};

} // namespace hk::app
