// Starting the pinyin engine for the keyboards (see pinyin_input.hpp).
#include "pinyin_input.hpp"

#include "pinyin_composer.hpp"

#include <spdlog/spdlog.h>

namespace hk::app {

PinyinInput PinyinInput::start(const std::filesystem::path& rime_dir)
{
    PinyinInput input;
    auto engine = ime::Engine::start(rime_dir);
    if (!engine) {
        spdlog::error("keyboard: pinyin input is unavailable ({}); the keyboards offer letters and digits only",
                      engine.error().message);
        return input;
    }
    input.engine_ = std::move(*engine);
    spdlog::info("keyboard: pinyin input over the Rime data in {}", rime_dir.string());
    return input;
}

text::TextEntry PinyinInput::entry(Lang lang, std::size_t max_chars, std::size_t page_size)
{
    std::unique_ptr<text::Composer> composer;
    if (engine_) {
        if (auto c = ime::PinyinComposer::open(*engine_, lang, page_size))
            composer = std::move(*c);
        else
            spdlog::error("keyboard: no pinyin for this entry: {}", c.error().message);
    }
    return text::TextEntry(std::move(composer), lang, max_chars);
}

} // namespace hk::app
