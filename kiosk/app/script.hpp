// UI scripts for the headless driver (--script): what a tester's finger would do.
//
//   # comment
//   tap WIDGET_ID     tap the centre of a widget (ids: docs/ui-ids.md)
//   wait MS           let MS milliseconds pass (virtual time: a script never sleeps)
//   key NAME          press and release a key (SDL key names: Escape, Home, ...)
//   shot NAME         write NAME.png
#pragma once

#include "error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hk::app {

struct ScriptStep {
    enum class Kind { tap, wait, key, shot } kind;
    std::string arg; // widget id, key name or shot name
    int ms = 0;      // for wait
    int line = 0;
};

// Parses a script; errors carry the line number.
Result<std::vector<ScriptStep>> parse_script(std::string_view text);

} // namespace hk::app
