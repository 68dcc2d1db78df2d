// The kiosk shell's flow: which screen a resident is on, the choices that last for one
// session (language, large text) and the intents the UI sends back. The UI is a plain
// function of this state; everything a resident entered lives here or below it and is wiped
// when the session ends.
#pragma once

#include "lang.hpp"
#include "service.hpp"
#include "session.hpp"

#include <variant>
#include <vector>

namespace hk {

enum class ScreenKind { home, not_offered };

struct Screen {
    ScreenKind kind = ScreenKind::home;
    ServiceId service = ServiceId::file_request; // for not_offered
    bool operator==(const Screen&) const = default;
};

struct ShellSettings {
    SessionTimings timings;
    Lang default_lang = Lang::zh_Hans;
    std::vector<Lang> languages{kAllLangs.begin(), kAllLangs.end()};
    std::vector<ServiceId> home;     // the tiles of the home screen, in order
    std::vector<ServiceId> disabled; // switched off at this hall
};

namespace intent {
struct Start {};
struct Open { ServiceId service; };
struct Back {};
struct Home {};
struct Finish {};
struct SetLang { Lang lang; };
struct ToggleLargeText {};
struct StillHere {};
} // namespace intent

using Intent = std::variant<intent::Start, intent::Open, intent::Back, intent::Home, intent::Finish,
                            intent::SetLang, intent::ToggleLargeText, intent::StillHere>;

class Shell {
public:
    explicit Shell(ShellSettings settings);

    // Applies what the resident asked for. Returns true when anything visible changed.
    bool apply(const Intent& in, SteadyTime now);
    // Any touch, anywhere: keeps the session alive.
    void input(SteadyTime now) { session_.input(now); }
    // The session ends because of a fault (a device or the disk failed under the resident).
    void fault();
    // Advances the idle timers. Returns true when anything visible changed.
    bool tick(SteadyTime now);
    std::optional<SteadyTime> next_deadline() const { return session_.next_deadline(); }

    SessionPhase phase() const { return session_.phase(); }
    SessionEnd last_end() const { return session_.last_end(); }
    int countdown_s(SteadyTime now) const { return session_.countdown_s(now); }
    bool in_session() const { return session_.phase() != SessionPhase::attract; }
    // The screen on top (home on the attract screen too, which has no stack).
    Screen screen() const { return stack_.empty() ? Screen{} : stack_.back(); }
    std::size_t depth() const { return stack_.size(); }
    Lang lang() const { return lang_; }
    bool large_text() const { return large_text_; }
    const ShellSettings& settings() const { return settings_; }
    bool offered(ServiceId id) const;

private:
    void reset_session_data();

    ShellSettings settings_;
    Session session_;
    std::vector<Screen> stack_;
    Lang lang_;
    bool large_text_ = false;
};

} // namespace hk
