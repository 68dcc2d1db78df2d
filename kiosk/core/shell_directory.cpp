// The shell's service directory, "help near me" and traffic safety flows (see shell.hpp,
// directory.hpp): what each intent does at each step.
#include "shell.hpp"

#include <algorithm>

namespace hk {

bool Shell::turn_page(const intent::TurnPage& t)
{
    const int page = std::max(0, list_page_ + t.by);
    const bool changed = page != list_page_;
    list_page_ = page;
    return changed;
}

bool Shell::directory_back()
{
    DirectoryState& d = directory_;
    list_page_ = 0;
    switch (d.step) {
    case DirectoryStep::sectors:
        d.wipe();
        stack_.pop_back();
        return true;
    case DirectoryStep::services:
    case DirectoryStep::communities: d.wipe(); return true;
    case DirectoryStep::service:
        d.step = DirectoryStep::services;
        d.service.clear();
        return true;
    case DirectoryStep::grids:
        d.step = DirectoryStep::communities;
        d.community.clear();
        return true;
    case DirectoryStep::team:
        d.step = DirectoryStep::grids;
        d.grid.clear();
        d.cards_printed = 0;
        return true;
    }
    return false;
}

bool Shell::directory_intent(const Intent& in)
{
    DirectoryState& d = directory_;
    if (const auto* t = std::get_if<intent::TurnPage>(&in)) {
        if (d.step == DirectoryStep::service || d.step == DirectoryStep::team)
            return false;
        return turn_page(*t);
    }
    // Any other choice shows another list, from its first page.
    const auto to = [&](DirectoryStep step) {
        d.step = step;
        list_page_ = 0;
        return true;
    };
    if (const auto* s = std::get_if<intent::ChooseSector>(&in)) {
        if (d.step != DirectoryStep::sectors || s->sector.empty())
            return false;
        d.sector = s->sector;
        return to(DirectoryStep::services);
    }
    if (const auto* s = std::get_if<intent::ChooseService>(&in)) {
        if (d.step != DirectoryStep::services || s->id.empty())
            return false;
        d.service = s->id;
        return to(DirectoryStep::service);
    }
    if (std::holds_alternative<intent::HelpNearMe>(in)) {
        if (d.step != DirectoryStep::sectors)
            return false;
        return to(DirectoryStep::communities);
    }
    if (const auto* c = std::get_if<intent::ChooseCommunity>(&in)) {
        if (d.step != DirectoryStep::communities || c->id.empty())
            return false;
        d.community = c->id;
        return to(DirectoryStep::grids);
    }
    if (const auto* g = std::get_if<intent::ChooseGrid>(&in)) {
        if (d.step != DirectoryStep::grids || g->id.empty())
            return false;
        d.grid = g->id;
        d.cards_printed = 0;
        return to(DirectoryStep::team);
    }
    if (std::holds_alternative<intent::PrintContactCard>(in)) {
        if (d.step != DirectoryStep::team)
            return false;
        ++d.cards_printed;
        return true;
    }
    return false;
}

bool Shell::safety_back()
{
    list_page_ = 0;
    if (!safety_.page.empty()) {
        safety_.page.clear();
        return true;
    }
    safety_.wipe();
    stack_.pop_back();
    return true;
}

bool Shell::safety_intent(const Intent& in)
{
    if (const auto* t = std::get_if<intent::TurnPage>(&in))
        return turn_page(*t);
    if (const auto* c = std::get_if<intent::ChoosePage>(&in)) {
        if (!safety_.page.empty() || c->id.empty())
            return false;
        safety_.page = c->id;
        list_page_ = 0;
        return true;
    }
    return false;
}

} // namespace hk
