// The characters typed Chinese mostly uses, for the font that draws typed text and pinyin
// candidates: GB 2312's 6,763 hanzi for Simplified, Big5's 5,401 frequently used hanzi for
// Traditional, each with its encoding's punctuation. Rime's first pages of candidates for everyday
// pinyin stay within them; ImGui's common set (2,500 Simplified characters) misses everyday ones
// such as 噪 and 啥, and every Traditional form, and each character missing costs an atlas build.
#pragma once

#include "fonts.hpp"

#include <string>

namespace hk::ui {

// The characters in UTF-8, read once from glibc's iconv tables (the lists are the encodings' own,
// not kept here). Empty when iconv lacks the encoding.
const std::string& typing_charset(Face face);

} // namespace hk::ui
