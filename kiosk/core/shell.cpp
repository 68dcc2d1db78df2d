// The kiosk shell's flow.
#include "shell.hpp"

#include <algorithm>

namespace hk {

template <class... F>
struct Overload : F... {
    using F::operator()...;
};

Shell::Shell(ShellSettings settings)
    : settings_(std::move(settings)), session_(settings_.timings), lang_(settings_.default_lang)
{
}

bool Shell::offered(ServiceId id) const
{
    return service_info(id).built && std::ranges::find(settings_.disabled, id) == settings_.disabled.end();
}

void Shell::reset_session_data()
{
    // Everything entered or chosen in the session goes; std::vector::clear keeps capacity but
    // Screen holds nothing personal. Later flows' data are wiped here too.
    stack_.clear();
    lang_ = settings_.default_lang;
    large_text_ = false;
}

void Shell::fault()
{
    session_.fault();
    reset_session_data();
}

bool Shell::tick(SteadyTime now)
{
    if (!session_.tick(now))
        return false;
    if (session_.phase() == SessionPhase::attract)
        reset_session_data();
    return true;
}

bool Shell::apply(const Intent& in, SteadyTime now)
{
    const bool was_in_session = in_session();
    if (!std::holds_alternative<intent::Start>(in) && !was_in_session)
        return false; // a late tap from a screen that has already gone
    session_.input(now);

    return std::visit(
        Overload{
            [&](const intent::Start&) {
                if (was_in_session)
                    return false;
                reset_session_data();
                session_.start(now);
                stack_.push_back(Screen{ScreenKind::home});
                return true;
            },
            [&](const intent::Open& o) {
                // Every service has a screen of its own once built; until then, and when
                // switched off here, the resident learns where to get it instead.
                stack_.push_back(Screen{ScreenKind::not_offered, o.service});
                return true;
            },
            [&](const intent::Back&) {
                if (stack_.size() <= 1)
                    return false;
                stack_.pop_back();
                return true;
            },
            [&](const intent::Home&) {
                if (stack_.size() <= 1)
                    return false;
                stack_.resize(1);
                return true;
            },
            [&](const intent::Finish&) {
                session_.finish();
                reset_session_data();
                return true;
            },
            [&](const intent::SetLang& s) {
                if (s.lang == lang_ || std::ranges::find(settings_.languages, s.lang) == settings_.languages.end())
                    return false;
                lang_ = s.lang;
                return true;
            },
            [&](const intent::ToggleLargeText&) {
                large_text_ = !large_text_;
                return true;
            },
            [&](const intent::StillHere&) {
                const bool was_warning = session_.phase() == SessionPhase::warning;
                session_.still_here(now);
                return was_warning;
            },
        },
        in);
}

} // namespace hk
