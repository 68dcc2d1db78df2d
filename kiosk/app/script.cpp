// Parsing of UI scripts.
#include "script.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace hk::app {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool valid_name(std::string_view s)
{
    if (s.empty() || s.size() > 128)
        return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

} // namespace

Result<std::vector<ScriptStep>> parse_script(std::string_view text)
{
    std::vector<ScriptStep> steps;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty() || line.front() == '#')
            continue;

        const auto sp = line.find_first_of(" \t");
        const std::string_view cmd = line.substr(0, sp);
        const std::string_view arg = sp == std::string_view::npos ? std::string_view{} : trim(line.substr(sp));
        if (arg.empty())
            return fail("'" + std::string(cmd) + "' needs an argument", line_no);

        ScriptStep step{ScriptStep::Kind::tap, std::string(arg), 0, line_no};
        if (cmd == "tap") {
            step.kind = ScriptStep::Kind::tap;
        } else if (cmd == "key") {
            step.kind = ScriptStep::Kind::key;
        } else if (cmd == "shot") {
            step.kind = ScriptStep::Kind::shot;
        } else if (cmd == "wait") {
            step.kind = ScriptStep::Kind::wait;
            auto [p, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), step.ms);
            if (ec != std::errc{} || p != arg.data() + arg.size() || step.ms < 0 || step.ms > 24 * 3600 * 1000)
                return fail("wait needs milliseconds (0 to 86400000), not '" + std::string(arg) + "'", line_no);
        } else if (cmd == "scan") {
            step.kind = ScriptStep::Kind::scan;
        } else if (cmd == "await") {
            step.kind = ScriptStep::Kind::await;
            if (std::ranges::find(kAwaitable, arg) == std::end(kAwaitable))
                return fail("await needs catalogue, sent, answer, printed or maintenance, not '" + std::string(arg) + "'", line_no);
        } else if (cmd == "release") {
            step.kind = ScriptStep::Kind::release;
        } else if (cmd == "hold") {
            step.kind = ScriptStep::Kind::hold;
            const auto gap = arg.find_first_of(" \t");
            const std::string_view ms = gap == std::string_view::npos ? std::string_view{} : trim(arg.substr(gap));
            step.arg = std::string(arg.substr(0, gap));
            auto [p, ec] = std::from_chars(ms.data(), ms.data() + ms.size(), step.ms);
            if (ms.empty() || ec != std::errc{} || p != ms.data() + ms.size() || step.ms < 0 || step.ms > 600 * 1000)
                return fail("hold needs a widget id and milliseconds (0 to 600000), not '" + std::string(arg) + "'",
                            line_no);
        } else {
            return fail("unknown command '" + std::string(cmd) + "' (tap, wait, hold, key, shot, scan, await, release)",
                        line_no);
        }
        // A scan's text is what the code holds (a pass's claims have '=' and '~'): the rest of the line.
        if (step.kind != ScriptStep::Kind::wait && step.kind != ScriptStep::Kind::scan && !valid_name(step.arg))
            return fail("'" + std::string(step.arg) + "' is not a valid name (letters, digits, . _ -)", line_no);
        steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace hk::app
