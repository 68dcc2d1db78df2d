// Opening the keyboard's pinyin composer (see pinyin_composer.hpp).
#include "pinyin_composer.hpp"

namespace hk::ime {

Result<std::unique_ptr<PinyinComposer>> PinyinComposer::open(Engine& engine, Lang lang, std::size_t page_size)
{
    auto session = engine.session(script_for(lang), page_size);
    if (!session)
        return std::unexpected(session.error());
    return std::unique_ptr<PinyinComposer>(new PinyinComposer(std::move(*session)));
}

} // namespace hk::ime
