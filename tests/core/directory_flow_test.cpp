// Tests of the service directory, "help near me", the traffic safety pages and the traffic
// request in the shell: each step and back through them, the contact card asked for, a traffic
// request held to its configured groups (and not offered without one in the catalogue), and
// everything forgotten when the resident leaves.
#include "shell.hpp"

#include <doctest/doctest.h>

using namespace hk;

namespace {

const SteadyTime t0{};

ShellSettings settings()
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::traffic_request, ServiceId::track_request, ServiceId::traffic_safety,
              ServiceId::service_directory};
    s.traffic_groups = {"traffic"};
    return s;
}

Shell at_home(ShellSettings s = settings())
{
    Shell shell(std::move(s));
    REQUIRE(shell.apply(intent::Start{}, t0));
    shell.set_catalogue_groups({"gov", "legal", "traffic"});
    return shell;
}

Shell at_directory()
{
    Shell shell = at_home();
    REQUIRE(shell.apply(intent::Open{ServiceId::service_directory}, t0));
    REQUIRE(shell.screen() == Screen{ScreenKind::directory, ServiceId::service_directory});
    REQUIRE(shell.directory().step == DirectoryStep::sectors);
    return shell;
}

// Help near me, at the team of grid G-0412-07.
Shell at_team()
{
    Shell shell = at_directory();
    REQUIRE(shell.apply(intent::HelpNearMe{}, t0));
    REQUIRE(shell.apply(intent::ChooseCommunity{"C-0412"}, t0));
    REQUIRE(shell.apply(intent::ChooseGrid{"G-0412-07"}, t0));
    REQUIRE(shell.directory().step == DirectoryStep::team);
    return shell;
}

} // namespace

TEST_CASE("the directory goes from a sector to its services to one service, and back the same way")
{
    Shell shell = at_directory();
    CHECK_FALSE(shell.apply(intent::ChooseService{"D-legal-1"}, t0)); // a sector first
    CHECK(shell.apply(intent::ChooseSector{"legal"}, t0));
    CHECK(shell.directory().step == DirectoryStep::services);
    CHECK(shell.directory().sector == "legal");
    CHECK(shell.apply(intent::TurnPage{1}, t0));
    CHECK(shell.list_page() == 1);
    CHECK(shell.apply(intent::ChooseService{"D-legal-1"}, t0));
    CHECK(shell.directory().step == DirectoryStep::service);
    CHECK(shell.directory().service == "D-legal-1");
    CHECK(shell.list_page() == 0);
    CHECK_FALSE(shell.apply(intent::TurnPage{1}, t0)); // the detail is not a list
    CHECK_FALSE(shell.apply(intent::PrintContactCard{}, t0));

    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.directory().step == DirectoryStep::services);
    CHECK(shell.directory().service.empty());
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.directory().step == DirectoryStep::sectors);
    CHECK(shell.directory().sector.empty());
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
}

TEST_CASE("help near me goes from a community to a grid to its team, whose card can be printed again")
{
    Shell shell = at_directory();
    CHECK_FALSE(shell.apply(intent::ChooseGrid{"G-0412-07"}, t0)); // a community first
    CHECK(shell.apply(intent::HelpNearMe{}, t0));
    CHECK(shell.directory().step == DirectoryStep::communities);
    CHECK_FALSE(shell.apply(intent::ChooseSector{"legal"}, t0));
    CHECK(shell.apply(intent::ChooseCommunity{"C-0412"}, t0));
    CHECK(shell.directory().step == DirectoryStep::grids);
    CHECK(shell.apply(intent::ChooseGrid{"G-0412-07"}, t0));
    CHECK(shell.directory().grid == "G-0412-07");
    CHECK(shell.directory().cards_printed == 0);
    CHECK(shell.apply(intent::PrintContactCard{}, t0));
    CHECK(shell.apply(intent::PrintContactCard{}, t0));
    CHECK(shell.directory().cards_printed == 2);

    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.directory().step == DirectoryStep::grids);
    CHECK(shell.directory().cards_printed == 0);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.directory().step == DirectoryStep::communities);
    CHECK(shell.directory().community.empty());
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.directory().step == DirectoryStep::sectors);
}

TEST_CASE("what the resident chose in the directory is forgotten at home and when the session ends")
{
    SUBCASE("home")
    {
        Shell shell = at_team();
        CHECK(shell.apply(intent::Home{}, t0));
        CHECK(shell.directory().grid.empty());
        CHECK(shell.apply(intent::Open{ServiceId::service_directory}, t0));
        CHECK(shell.directory().step == DirectoryStep::sectors);
    }
    SUBCASE("finish")
    {
        Shell shell = at_team();
        CHECK(shell.apply(intent::Finish{}, t0));
        CHECK(shell.directory().community.empty());
        CHECK(shell.directory().step == DirectoryStep::sectors);
    }
    SUBCASE("idle")
    {
        Shell shell = at_team();
        shell.tick(t0 + Millis(60'000));
        shell.tick(t0 + Millis(80'000));
        CHECK_FALSE(shell.in_session());
        CHECK(shell.directory().grid.empty());
    }
}

TEST_CASE("the traffic safety pages go from the list to a page, a part at a time, and back")
{
    Shell shell = at_home();
    CHECK(shell.apply(intent::Open{ServiceId::traffic_safety}, t0));
    CHECK(shell.screen() == Screen{ScreenKind::safety, ServiceId::traffic_safety});
    CHECK(shell.safety().page.empty());
    CHECK(shell.apply(intent::ChoosePage{"TS-helmet"}, t0));
    CHECK(shell.safety().page == "TS-helmet");
    CHECK_FALSE(shell.apply(intent::ChoosePage{"TS-drink"}, t0)); // one page at a time
    CHECK(shell.apply(intent::TurnPage{1}, t0));
    CHECK(shell.list_page() == 1);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.safety().page.empty());
    CHECK(shell.list_page() == 0);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
}

TEST_CASE("a traffic request with one group to file under starts in it, and back leaves it")
{
    Shell shell = at_home();
    CHECK(shell.offered(ServiceId::traffic_request));
    CHECK(shell.apply(intent::Open{ServiceId::traffic_request}, t0));
    CHECK(shell.screen() == Screen{ScreenKind::request, ServiceId::traffic_request});
    CHECK(shell.request().group == "traffic");
    CHECK(shell.group_allowed("traffic"));
    CHECK_FALSE(shell.group_allowed("gov"));
    CHECK_FALSE(shell.apply(intent::ChooseGroup{"gov"}, t0));
    CHECK(shell.apply(intent::ChooseCategory{"traffic.signals"}, t0));
    CHECK(shell.request_step() == RequestStep::place);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.request_step() == RequestStep::category);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
}

TEST_CASE("a traffic request with several groups chooses among them only")
{
    ShellSettings s = settings();
    s.traffic_groups = {"traffic", "safety", "not-in-catalogue"};
    Shell shell = at_home(s);
    shell.set_catalogue_groups({"gov", "safety", "traffic"});
    CHECK(shell.apply(intent::Open{ServiceId::traffic_request}, t0));
    CHECK(shell.request().group.empty());
    CHECK_FALSE(shell.apply(intent::ChooseGroup{"gov"}, t0));
    CHECK(shell.apply(intent::ChooseGroup{"safety"}, t0));
    CHECK(shell.apply(intent::Back{}, t0)); // out of the group, to the list of groups
    CHECK(shell.request().group.empty());
    CHECK(shell.screen().kind == ScreenKind::request);
}

TEST_CASE("a traffic request is not offered without a configured group the catalogue has")
{
    SUBCASE("no group configured")
    {
        ShellSettings s = settings();
        s.traffic_groups.clear();
        Shell shell = at_home(s);
        CHECK_FALSE(shell.offered(ServiceId::traffic_request));
        CHECK(shell.apply(intent::Open{ServiceId::traffic_request}, t0));
        CHECK(shell.screen() == Screen{ScreenKind::not_offered, ServiceId::traffic_request});
    }
    SUBCASE("the group is not in the catalogue")
    {
        Shell shell = at_home();
        shell.set_catalogue_groups({"gov", "legal"});
        CHECK_FALSE(shell.offered(ServiceId::traffic_request));
        CHECK(shell.apply(intent::Open{ServiceId::traffic_request}, t0));
        CHECK(shell.screen().kind == ScreenKind::not_offered);
    }
    SUBCASE("a request filed from the file_request tile may use any group")
    {
        Shell shell = at_home();
        CHECK(shell.apply(intent::Open{ServiceId::file_request}, t0));
        CHECK(shell.group_allowed("gov"));
        CHECK(shell.apply(intent::ChooseGroup{"gov"}, t0));
    }
}
