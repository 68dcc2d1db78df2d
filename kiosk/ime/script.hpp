// The script candidates and committed text are written in: Simplified or Traditional, following
// the resident's UI language, converted with OpenCC from the Traditional text Rime gives.
#pragma once

#include "error.hpp"
#include "lang.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace opencc {
class SimpleConverter;
}

namespace hk::ime {

enum class Script { simplified, traditional };

// Traditional for a resident reading zh-Hant; Simplified otherwise, English included, since the
// district reads requests in Simplified.
constexpr Script script_for(Lang lang)
{
    return lang == Lang::zh_Hant ? Script::traditional : Script::simplified;
}

// luna_pinyin spells words in OpenCC's Traditional standard (爲, 裏, 衆). Simplified comes from
// t2s, which is exact in that direction (many Traditional forms to one Simplified). Traditional
// goes through t2tw, Taiwan's standard forms (為, 裡, 眾), which the kiosk's zh-Hant text uses too.
class ScriptConverter {
public:
    // Loads OpenCC's t2s and t2tw (libopencc-data). Reads files: once, at start.
    static Result<ScriptConverter> load();

    ScriptConverter(ScriptConverter&&) noexcept;
    ScriptConverter& operator=(ScriptConverter&&) noexcept;
    ~ScriptConverter();

    // `traditional` as Rime wrote it, in `script`. Letters, digits and spaces pass unchanged.
    std::string convert(std::string_view traditional, Script script) const;

private:
    ScriptConverter() = default;
    std::unique_ptr<opencc::SimpleConverter> t2s_;
    std::unique_ptr<opencc::SimpleConverter> t2tw_;
};

} // namespace hk::ime
