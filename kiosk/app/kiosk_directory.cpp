// The kiosk program's part in the service directory: the contact card of the volunteer team on
// screen, printed in the resident's language (see kiosk_app.hpp).
#include "kiosk_app.hpp"

#include "receipts.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace hk::app {

bool KioskApp::print_contact_card()
{
    const DirectoryState& d = shell_.directory();
    if (!shell_.in_session() || shell_.screen().kind != ScreenKind::directory || d.step != DirectoryStep::team)
        return false;
    const uplink::VolunteerTeam* team = uplink::find_team(directory_lists_.teams, d.community, d.grid);
    if (!team) {
        spdlog::warn("directory: no team for grid {} of {} to print a card of", d.grid, d.community);
        return false;
    }
    const Lang lang = shell_.lang();
    ContactCard card;
    card.team = team->name.in(lang);
    card.community = d.community;
    card.grid = d.grid;
    const auto& communities = request_lists_.communities;
    if (const auto c = std::ranges::find(communities, d.community, &uplink::Community::id); c != communities.end()) {
        card.community = c->name.in(lang);
        if (const auto g = std::ranges::find(c->grids, d.grid, &uplink::Grid::id); g != c->grids.end())
            card.grid = g->name.in(lang);
    }
    card.leader = team->leader;
    card.phone = team->phone;
    card.where = team->where.in(lang);
    card.hours = team->hours.in(lang);
    card.hall = setup_.config.hall_name.in(lang);
    card.printed_at = receipt_time(unix_now());
    spdlog::info("directory: printing the contact card of team {}", team->id);
    const Translator& tr = setup_.translator; // outlives the printer's jobs
    peripherals_->printer().print("contact card " + team->id, [card = std::move(card), &tr, lang](bool reprint) {
        return contact_card_receipt(card, tr, lang, reprint);
    });
    return true;
}

} // namespace hk::app
