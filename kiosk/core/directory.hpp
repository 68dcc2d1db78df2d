// The service directory (ScreenKind::directory): the sectors of the service alliance, a sector's
// services and one service's detail; and "help near me", from a community to a grid to the grid's
// party-member volunteer team, whose contact card the kiosk prints. The traffic safety pages
// (ScreenKind::safety): their list, and one page read a part at a time. Everything comes from the
// cached catalogue; the state holds only what the resident chose and is wiped when the session
// ends. Pure.
#pragma once

#include <string>

namespace hk {

enum class DirectoryStep {
    sectors,     // the sectors that have services, and "help near me"
    services,    // a sector's services
    service,     // one service: provider, where, hours, phone, how to get there, communities served
    communities, // help near me: the resident's community
    grids,       // the community's grids
    team,        // the grid's team (or that it has none), and its contact card
};

struct DirectoryState {
    DirectoryStep step = DirectoryStep::sectors;
    std::string sector;    // the sector's catalogue name
    std::string service;   // the service's id
    std::string community; // help near me
    std::string grid;
    int cards_printed = 0; // contact cards of this team sent to the printer

    void wipe() { *this = DirectoryState{}; }
};

struct SafetyState {
    std::string page; // the page being read ("" for the list)

    void wipe() { *this = SafetyState{}; }
};

namespace intent {
// The service directory (ScreenKind::directory).
struct ChooseSector {
    std::string sector;
};
struct ChooseService {
    std::string id;
};
struct HelpNearMe {}; // from the sectors: to the communities
struct ChooseGrid {   // of the community on screen: to its team
    std::string id;
};
struct PrintContactCard {}; // the app prints the team's card, then tells the shell
// The traffic safety pages (ScreenKind::safety).
struct ChoosePage {
    std::string id;
};
} // namespace intent

} // namespace hk
