// UI scripts for the headless driver (--script): what a tester's finger would do.
//
//   # comment
//   tap WIDGET_ID     tap the centre of a widget (ids: docs/ui-ids.md)
//   wait MS           let MS milliseconds pass (virtual time: a script never sleeps)
//   hold WIDGET_ID MS press the centre of a widget, let MS milliseconds pass, then let go
//   key NAME          press and release a key (SDL key names: Escape, Home, ...)
//   shot NAME         write NAME.png
//   scan TEXT         demo mode: the simulated scanner reads a QR code of TEXT
//   await WHAT        wait (in real time, at most 20 s) until something the kiosk does apart
//                     from the frame loop is done; the script fails if it does not come:
//                       catalogue  the request categories and the venues have been fetched
//                       sent       no record waits to be sent to the central side
//                       answer     the question the screen asked of the central side (a
//                                  request's status, a day's slots, a hold...) has its answer
//                       printed    no receipt waits for the printer
//                       maintenance  maintenance mode's PIN check, export, test scan or test
//                                    card read has its outcome
//   release NAME      wait (in real time, at most 20 s) until a file NAME appears in the
//                     screenshot folder: another program lets the script go on (tests that
//                     run two kiosks side by side line them up with it)
#pragma once

#include "error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hk::app {

struct ScriptStep {
    enum class Kind { tap, wait, key, shot, scan, await, release, hold } kind;
    std::string arg; // widget id, key name, shot name, code text or what is awaited
    int ms = 0;      // for wait and hold
    int line = 0;
};

inline constexpr std::string_view kAwaitable[] = {"catalogue", "sent", "answer", "printed", "maintenance"};

// Parses a script; errors carry the line number.
Result<std::vector<ScriptStep>> parse_script(std::string_view text);

} // namespace hk::app
