// Tests of the screens, drawn headless with Dear ImGui (no window): the widget ids they offer,
// what taps on them ask for, the dialogs' hold on input, and glyphs added to the atlas on demand.
#include "demo_panel.hpp"
#include "fonts.hpp"
#include "headless.hpp"
#include "keyboard_screen.hpp"
#include "screens.hpp"
#include "ui_ids.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <utility>

using namespace hk;
using namespace hk::ui;
using namespace hk::ui::test;
using namespace std::chrono_literals;

namespace {

DemoPanelView sample_demo_view()
{
    DemoPanelView v;
    v.cards = {"李秀英", "王建国", "张伟"};
    v.codes = {DemoCodeKind::booking_pass,   DemoCodeKind::staff_badge,  DemoCodeKind::request_receipt,
               DemoCodeKind::used_pass,      DemoCodeKind::expired_pass, DemoCodeKind::other_hall_pass,
               DemoCodeKind::forged_pass,    DemoCodeKind::web_address,  DemoCodeKind::chinese_text,
               DemoCodeKind::oversized,      DemoCodeKind::cut_off,      DemoCodeKind::ticket_window_3,
               DemoCodeKind::ticket_window_1, DemoCodeKind::badge_tech, DemoCodeKind::badge_admin,
               DemoCodeKind::badge_expired, DemoCodeKind::badge_other_hall};
    v.last_scan = "Last code refused (expired).";
    v.camera = true;
    v.devices[0] = {DemoDeviceState::ready, "Sim printer", 4, 0, 0, 0, "", true};
    v.devices[1] = {DemoDeviceState::fault, "Sim reader", 0, 1, 0, 1, "no permission; a udev rule grants it", true};
    v.events.push_back({"10:00:00", DemoRole::scanner, std::nullopt, 172, "QR Code"});
    return v;
}

// Rows naming ids made from catalogue data, like `req.group.<id>`: their prefixes.
std::set<std::string> id_patterns_in_doc()
{
    std::ifstream in(HK_SOURCE_DIR "/docs/ui-ids.md");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::set<std::string> prefixes;
    const std::regex row(R"(\| `([a-z_.A-Z0-9\-]+)<id>` \|)");
    for (std::sregex_iterator it(text.begin(), text.end(), row), end; it != end; ++it)
        prefixes.insert((*it)[1]);
    return prefixes;
}

// Request lists for the request screens: `groups` groups of two categories, and a community
// with two grids.
RequestLists sample_lists(int groups)
{
    RequestLists lists;
    for (int g = 0; g < groups; ++g) {
        uplink::CategoryGroup group{"g" + std::to_string(g), LocalText{{"类别" + std::to_string(g), "", ""}}, 72, {}};
        for (int c = 0; c < 2; ++c)
            group.children.push_back(uplink::Category{
                group.id + ".c" + std::to_string(c),
                LocalText{{"事项" + std::to_string(c), "", ""}},
                24 + 48 * c,
                {uplink::QuickPhrase{group.id + ".c" + std::to_string(c) + ".p", LocalText{{"路灯不亮", "", ""}}}}});
        lists.groups.push_back(std::move(group));
    }
    lists.communities.push_back(
        uplink::Community{"C-1",
                          LocalText{{"莲花社区", "", "Lianhua"}},
                          {{"G-1", LocalText{{"第一网格", "", ""}}}, {"G-2", LocalText{{"第二网格", "", ""}}}}});
    lists.communities.push_back(uplink::Community{"C-2", LocalText{{"景田社区", "", ""}}, {}});
    return lists;
}

// A session with filing a request offered (its screens are being built), on the home screen.
Shell request_shell()
{
    ShellSettings s = settings({ServiceId::file_request});
    Shell shell(s);
    shell.apply(intent::Start{}, t0);
    return shell;
}

Shell booking_shell()
{
    ShellSettings s = settings({ServiceId::book_venue, ServiceId::activities});
    s.disabled.clear();
    Shell shell(s);
    shell.apply(intent::Start{}, t0);
    return shell;
}

// Two venues and an activity, as the catalogue would have them.
LocalText text3(const char* zh, const char* en)
{
    LocalText t;
    t.text[static_cast<std::size_t>(Lang::zh_Hans)] = zh;
    t.text[static_cast<std::size_t>(Lang::en)] = en;
    return t;
}

RatingLists sample_ratings()
{
    RatingLists r;
    r.windows = {{"W-3", "test-hall", 3, text3("社保医保", "Social insurance"), true},
                 {"W-5", "test-hall", 5, text3("不动产登记", "Property registration"), false}};
    r.reasons = {{"wait_long", {"visit", "window"}, text3("等候时间太长", "Waited too long")},
                 {"rude", {"window"}, text3("态度不好", "Unfriendly staff")}};
    uplink::Questionnaire q;
    q.id = "Q-1";
    q.subjects = {"window"};
    q.title = text3("服务体验小调查", "A short survey");
    q.questions = {
        {"found", uplink::QuestionKind::single, text3("找到了吗", "Did you find it?"),
         {{"yes", text3("是", "Yes")}, {"no", text3("否", "No")}}, 1, {}, {}, 0},
        {"used", uplink::QuestionKind::multiple, text3("用了哪些", "What did you use?"),
         {{"kiosk", text3("自助机", "The kiosk")}, {"desk", text3("服务台", "The desk")}}, 2, {}, {}, 0},
        {"ease", uplink::QuestionKind::scale, text3("方便吗", "How easy was it?"), {}, 1, text3("很难", "Hard"),
         text3("很方便", "Easy"), 0},
    };
    r.questionnaires = {q};
    return r;
}

BookingLists sample_bookings()
{
    BookingLists out;
    uplink::Venue v;
    v.id = "V-1";
    v.community = "C-1";
    v.type = uplink::VenueType::meeting_room;
    v.name = LocalText{{"多功能会议室", "多功能會議室", "Meeting room"}};
    v.capacity = 30;
    v.facilities = {"projector", "whiteboard"};
    uplink::OpeningPeriod o;
    o.days.fill(true);
    o.open_minute = 9 * 60;
    o.close_minute = 21 * 60;
    v.opening = {o};
    v.slot_minutes = 120;
    v.rules.group_max = 30;
    v.rules.max_per_week = 2;
    out.venues.push_back(v);
    v.id = "V-2";
    v.type = uplink::VenueType::sports_court;
    v.name = LocalText{{"篮球场", "籃球場", "Basketball court"}};
    out.venues.push_back(v);
    uplink::Activity a;
    a.id = "A-1";
    a.venue = "V-1";
    a.title = LocalText{{"长者智能手机课堂", "長者智能手機課堂", "Smartphones for seniors"}};
    a.start = "2027-03-05T14:30:00+08:00";
    a.end = "2027-03-05T16:00:00+08:00";
    a.places = 10;
    a.waitlist = 5;
    a.age_min = 60;
    out.activities.push_back(a);
    return out;
}

std::tm sample_wall()
{
    std::tm t{};
    t.tm_year = 2026 - 1900;
    t.tm_mon = 11;
    t.tm_mday = 2;
    t.tm_hour = 10;
    t.tm_isdst = -1;
    std::mktime(&t);
    return t;
}

std::int64_t sample_wall_unix()
{
    std::tm t = sample_wall();
    return static_cast<std::int64_t>(std::mktime(&t));
}

intent::CardRead sample_card()
{
    return {Personal(Personal::Kind::name, "王建国"), Personal(Personal::Kind::id_number, "110105199007071236")};
}

std::vector<MineItem> sample_mine_items()
{
    return {MineItem{MineItem::Kind::booking, "B-1", "V-1", "2026-12-10T09:00:00+08:00", "2026-12-10T11:00:00+08:00", 3,
                     "2026-12-09T01:00:00Z", false, std::nullopt},
            MineItem{MineItem::Kind::signup, "S-1", "A-1", "", "", 0, "", true, 2}};
}

// Services in two sectors (legal has three), a team for grid G-1 of C-1 (G-2 has none), and
// two traffic safety pages, the second long enough to need parts.
DirectoryLists sample_directory()
{
    DirectoryLists out;
    const auto words = [](const char* zh, const char* en) { return LocalText{{zh, "", en}}; };
    for (int i = 0; i < 3; ++i)
        out.services.push_back(uplink::DirectoryService{"D-legal-" + std::to_string(i), uplink::Sector::legal,
                                                        words("社区法律顾问", "Community legal adviser"),
                                                        words("区司法局", "Justice Bureau"), words("二楼", "First floor"),
                                                        words("周三下午", "Wednesday afternoons"), "0755-0000 1201",
                                                        words("免费咨询", "Free advice"), {"C-1"}});
    out.services.push_back(uplink::DirectoryService{"D-health-1", uplink::Sector::health,
                                                    words("家庭医生签约", "Family doctors"),
                                                    words("健康服务中心", "Health centre"), words("一村", "Village 1"),
                                                    words("每天", "Daily"), "0755-0000 1401", std::nullopt, {}});
    out.teams.push_back(uplink::VolunteerTeam{"T-1", "C-1", "G-1", words("彩田党员志愿服务队", "Caitian team"), "陈志明",
                                              "100 0412 0701", 18, words("网格服务站", "Grid office"),
                                              words("每天 9:00–11:30", "Daily 9:00–11:30"),
                                              words("夜间巡逻", "Evening patrols")});
    out.safety.push_back(uplink::SafetyPage{"TS-helmet", words("戴头盔", "Wear a helmet"),
                                            words("头盔保护头部", "A helmet protects your head"),
                                            {words("骑车要戴头盔。", "Wear a helmet on a bike.")}});
    std::string long_zh;
    std::string long_en;
    for (int i = 0; i < 20; ++i) {
        long_zh += "天黑以后，司机很难看清穿深色衣服的行人。";
        long_en += "After dark drivers can hardly see pedestrians in dark clothes. ";
    }
    uplink::SafetyPage visible{"TS-visible", words("让别人看得见", "Be seen at night"), words("穿亮色衣服", "Wear light colours"),
                               {}};
    for (int i = 0; i < 6; ++i)
        visible.paragraphs.push_back(LocalText{{long_zh, "", long_en}});
    out.safety.push_back(visible);
    return out;
}

Shell directory_shell()
{
    ShellSettings s = settings({ServiceId::service_directory, ServiceId::traffic_safety, ServiceId::traffic_request});
    s.traffic_groups = {"g1", "g2"};
    Shell shell(s);
    shell.apply(intent::Start{}, t0);
    shell.set_catalogue_groups({"g0", "g1", "g2", "g3"});
    return shell;
}

std::set<std::string> ids_in_doc()
{
    std::ifstream in(HK_SOURCE_DIR "/docs/ui-ids.md");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::set<std::string> ids;
    const std::regex row(R"(\| `([a-z_.A-Z0-9\-]+)` \|)");
    for (std::sregex_iterator it(text.begin(), text.end(), row), end; it != end; ++it)
        ids.insert((*it)[1]);
    return ids;
}

// What maintenance mode's pages show, for `mode`: two folders to export to, a device with an
// error, rejected records, catalogues, log lines and the settings.
MaintView sample_maint_view(const Maintenance& mode)
{
    MaintView v{mode, 1'790'000'000, 0.2f, true, std::nullopt, {}, {}, {}, {}, {}, {}, {}, false};
    v.devices.devices[0].row = DemoDeviceRow{DemoDeviceState::ready, "TM-T88VI", 120, 1, 2, 0, "", true};
    v.devices.devices[0].last_error = "i/o error while printing";
    v.devices.devices[0].last_error_at = 1'789'990'000;
    v.devices.devices[2].row = DemoDeviceRow{DemoDeviceState::absent, "", 0, 0, 0, 0, "unplugged", false};
    v.devices.paper = PaperWarning::near_end;
    v.devices.can_rescan = true;
    v.devices.test_result = "Scan read: QR Code, 120 bytes, a booking pass, valid here.";
    v.sync.waiting = 3;
    v.sync.oldest_age_s = 4000;
    v.sync.last_error = "connect: refused";
    v.sync.failures = 2;
    v.sync.rejected_count = 1;
    v.sync.rejected = {{7, "rating", "unknown window"}};
    v.sync.skew_s = -400;
    v.sync.skew_too_large = true;
    v.sync.now = 1'790'000'000;
    v.catalogue.rows = {{"categories", "sha256-1f2e", 1'789'999'000}, {"staff", "sha256-77aa", 1'789'999'000}};
    v.catalogue.last_refresh = 1'789'999'000;
    v.logs.lines = {{1'789'999'000'000, 2, "scan: code rejected: reason=expired kind=pass"},
                    {1'789'998'000'000, 1, "sync: central unreachable"},
                    {1'789'997'000'000, 0, "maintenance: S0042 login ok"}};
    v.logs.total = 3;
    v.logs.targets = {{"this kiosk", "/var/lib/hallkiosk/exports"}, {"USB KINGSTON", "/media/staff/KINGSTON"}};
    v.config.hall_name = "幸福街道党群服务中心";
    v.config.settings = {{"idle_timeout", "90", {"60", "90", "120"}, {"60 s", "90 s", "120 s"}, false, false},
                         {"languages", "zh-Hans,en", {"zh-Hans", "zh-Hant", "en"}, {"简体", "繁體", "English"}, false, true}};
    v.identity.kid = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    v.identity.subject = "CN=test-hall-001-1,O=test-hall-001";
    v.identity.not_after = "2028-03-01T00:00:00Z";
    v.identity.cert_file = "test-hall-001-1.crt.pem";
    v.identity.targets = v.logs.targets;
    return v;
}

// The same pages of a kiosk that has its key but no certificate yet.
MaintView awaiting_enrolment_view(const Maintenance& mode)
{
    MaintView v = sample_maint_view(mode);
    v.awaiting_enrolment = true;
    v.identity.subject.clear();
    v.identity.not_after.clear();
    v.sync.last_error = "the central side answered HTTP 401";
    return v;
}

template <class T> bool has(const std::vector<Intent>& v)
{
    for (const auto& i : v)
        if (std::holds_alternative<T>(i))
            return true;
    return false;
}

} // namespace

TEST_CASE("every widget id on the screens is documented, and every documented id is on a screen")
{
    std::set<std::string> seen;
    auto collect = [&](Headless& h) {
        const auto ids = h.ids();
        seen.insert(ids.begin(), ids.end());
    };
    for (const auto& home : {std::vector{ServiceId::file_request, ServiceId::track_request, ServiceId::book_venue,
                                         ServiceId::activities, ServiceId::rate_service, ServiceId::service_directory},
                             std::vector{ServiceId::traffic_request, ServiceId::traffic_safety}}) {
        Headless h;
        Shell shell(settings(home));
        h.frame(shell, t0);
        collect(h);
        shell.apply(intent::Start{}, t0);
        h.frame(shell, t0);
        collect(h);
        shell.apply(intent::Open{home.front()}, t0);
        h.frame(shell, t0);
        collect(h);
        shell.tick(t0 + 50s);
        REQUIRE(shell.phase() == SessionPhase::warning);
        h.frame(shell, t0 + 50s);
        collect(h);
    }
    // Filing a request, through every kind of list, a page at a time.
    {
        Headless req;
        req.set_lists(sample_lists(20));
        Shell flow = request_shell();
        flow.apply(intent::Open{ServiceId::file_request}, t0);
        req.frame(flow, t0);
        collect(req);
        flow.apply(intent::TurnPage{1}, t0);
        req.frame(flow, t0);
        collect(req);
        flow.apply(intent::ChooseGroup{"g0"}, t0);
        req.frame(flow, t0);
        collect(req);
        flow.apply(intent::ChooseCategory{"g0.c0"}, t0);
        req.frame(flow, t0);
        collect(req);
        flow.apply(intent::ChooseCommunity{"C-1"}, t0);
        req.frame(flow, t0);
        collect(req);
        flow.apply(intent::ChoosePlace{PlaceKind::community, "C-1", "G-1"}, t0);
        req.frame(flow, t0); // the description's phrases (its keyboard is walked below)
        collect(req);
        flow.apply(intent::Describe{"路灯不亮", {}}, t0);
        flow.apply(intent::NextStep{}, t0);
        for (const Intent& step :
             std::vector<Intent>{intent::ChooseReporter{ReporterKind::named}, intent::Consent{true},
                                 intent::CardRead{Personal(Personal::Kind::name, "王小明"),
                                                  Personal(Personal::Kind::id_number, "11010519491231002X")}}) {
            req.frame(flow, t0);
            collect(req);
            REQUIRE(flow.apply(step, t0));
        }
        for (char c : std::string("13800138000"))
            flow.apply(intent::PhoneKey{c}, t0);
        req.frame(flow, t0);
        collect(req);
        REQUIRE(flow.apply(intent::NextStep{}, t0));
        req.frame(flow, t0); // the review
        collect(req);
    }
    // Following a request: the pad, a resolved request's status, the reasons, the rating, a
    // request not found.
    {
        Headless fol;
        Shell flow = request_shell();
        flow.apply(intent::Open{ServiceId::track_request}, t0);
        for (char c : std::string("26112300101235482913"))
            flow.apply(intent::FollowKey{c}, t0);
        fol.frame(flow, t0);
        collect(fol);
        REQUIRE(flow.apply(intent::LookUp{}, t0));
        FollowAnswer a;
        a.kind = FollowAnswer::Kind::found;
        a.status = "resolved";
        a.stages = {{"submitted", "2026-11-23T01:05:00Z", "", ""}, {"resolved", "2026-11-24T03:00:00Z", "城管办", "已修好"}};
        REQUIRE(flow.apply(intent::FollowAnswered{a}, t0));
        fol.frame(flow, t0);
        collect(fol);
        REQUIRE(flow.apply(intent::FollowReopen{}, t0));
        fol.frame(flow, t0);
        collect(fol);
        flow.apply(intent::Back{}, t0);
        REQUIRE(flow.apply(intent::FollowDone{FollowSent::confirmed, true}, t0));
        REQUIRE(flow.follow().step == FollowStep::rate);
        fol.frame(flow, t0);
        collect(fol);
        flow.apply(intent::Back{}, t0);
        flow.apply(intent::Back{}, t0);
        REQUIRE(flow.apply(intent::LookUp{}, t0));
        REQUIRE(flow.apply(intent::FollowAnswered{FollowAnswer{}}, t0));
        fol.frame(flow, t0); // unreachable: enter again
        collect(fol);
        flow.apply(intent::Back{}, t0);
        REQUIRE(flow.apply(intent::LookUp{}, t0));
        a.status = "closed";
        REQUIRE(flow.apply(intent::FollowAnswered{a}, t0));
        fol.frame(flow, t0); // closed, not rated yet: rate it
        collect(fol);
    }
    // Booking a venue: the list, a day's slots, the group, the held slot, a refusal; activities:
    // the list and one with places; my bookings: the list, cancelling, cancelled.
    {
        Headless b;
        b.set_bookings(sample_bookings());
        b.set_wall(sample_wall());
        Shell flow = booking_shell();
        flow.apply(intent::Open{ServiceId::book_venue}, t0);
        b.frame(flow, t0);
        collect(b);
        REQUIRE(flow.apply(intent::ChooseVenue{"V-1", "2026-12-03"}, t0));
        REQUIRE(flow.apply(intent::SlotsAnswered{"V-1", "2026-12-03",
                                                 std::vector<BookingSlot>{{"2026-12-03T09:00:00+08:00",
                                                                           "2026-12-03T11:00:00+08:00",
                                                                           BookingSlot::State::free}}},
                           t0));
        b.frame(flow, t0);
        collect(b);
        REQUIRE(flow.apply(intent::ChooseSlot{"2026-12-03T09:00:00+08:00"}, t0));
        REQUIRE(flow.apply(sample_card(), t0));
        REQUIRE(flow.apply(intent::GroupSize{3}, t0));
        b.frame(flow, t0);
        collect(b);
        REQUIRE(flow.apply(intent::NextStep{}, t0));
        REQUIRE(flow.apply(intent::Held{"H-1", sample_wall_unix() + 120}, t0));
        b.frame(flow, t0);
        collect(b);
        REQUIRE(flow.apply(intent::BookingRefused{BookingRefusal::weekly_limit, 2}, t0));
        b.frame(flow, t0);
        collect(b);
        flow.apply(intent::Home{}, t0);
        REQUIRE(flow.apply(intent::Open{ServiceId::activities}, t0));
        b.frame(flow, t0);
        collect(b);
        REQUIRE(flow.apply(intent::ChooseActivity{"A-1"}, t0));
        REQUIRE(flow.apply(intent::SeatsAnswered{"A-1", ActivitySeats{10, 4, 0}}, t0));
        b.frame(flow, t0);
        collect(b);
        flow.apply(intent::Back{}, t0);
        REQUIRE(flow.apply(intent::OpenMine{}, t0));
        REQUIRE(flow.apply(sample_card(), t0));
        REQUIRE(flow.apply(intent::MineAnswered{sample_mine_items()}, t0));
        b.frame(flow, t0);
        collect(b);
        REQUIRE(flow.apply(intent::ChooseCancel{"B-1"}, t0));
        b.frame(flow, t0);
        collect(b);
        REQUIRE(flow.apply(intent::ConfirmCancel{}, t0));
        REQUIRE(flow.apply(intent::Cancelled{"B-1"}, t0));
        b.frame(flow, t0);
        collect(b);
    }
    // Rating the service: what to rate, the windows, the pass, the levels, the reasons, the
    // call-back and its number, thanks with the questionnaire, each kind of question, rated already.
    {
        Headless r;
        r.set_ratings(sample_ratings());
        Shell flow(settings({ServiceId::rate_service, ServiceId::track_request, ServiceId::book_venue}));
        REQUIRE(flow.apply(intent::Start{}, t0));
        REQUIRE(flow.apply(intent::Open{ServiceId::rate_service}, t0));
        const auto show = [&] {
            r.frame(flow, t0);
            collect(r);
        };
        show();
        REQUIRE(flow.apply(intent::RateWhat{RateKind::window}, t0));
        show();
        REQUIRE(flow.apply(intent::RateWindow{"W-3", true}, t0));
        show();
        REQUIRE(flow.apply(intent::RateLevel{2}, t0));
        show();
        REQUIRE(flow.apply(intent::RateReason{"wait_long"}, t0));
        show();
        REQUIRE(flow.apply(intent::NextStep{}, t0));
        REQUIRE(flow.apply(intent::NextStep{}, t0));
        show();
        REQUIRE(flow.apply(intent::RateCallback{true}, t0));
        for (char c : std::string("13812345678"))
            REQUIRE(flow.apply(intent::PhoneKey{c}, t0));
        show();
        REQUIRE(flow.apply(intent::RateDone{true, "Q-1", 3}, t0));
        show();
        REQUIRE(flow.apply(intent::StartQuestionnaire{}, t0));
        show();
        REQUIRE(flow.apply(intent::NextStep{}, t0));
        show();
        REQUIRE(flow.apply(intent::NextStep{}, t0));
        show();
        REQUIRE(flow.apply(intent::Open{ServiceId::rate_service}, t0));
        REQUIRE(flow.apply(intent::RateWhat{RateKind::booking}, t0));
        show();
        REQUIRE(flow.apply(intent::Back{}, t0));
        REQUIRE(flow.apply(intent::RateWhat{RateKind::visit}, t0));
        REQUIRE(flow.apply(intent::RateLevel{5}, t0));
        REQUIRE(flow.apply(intent::RateDone{true, {}, 0}, t0));
        show(); // thanks without a questionnaire: rate something else
        REQUIRE(flow.apply(intent::Open{ServiceId::rate_service}, t0));
        REQUIRE(flow.apply(intent::RateWhat{RateKind::window}, t0));
        REQUIRE(flow.apply(intent::RateWindow{"W-3", true}, t0));
        REQUIRE(flow.rate().step == RateStep::already);
        show();
    }
    // The service directory: the sectors, a sector's services, a service; help near me down to a
    // team; the traffic safety list and a long page's second part.
    {
        Headless d;
        d.set_lists(sample_lists(2));
        d.set_directory(sample_directory());
        Shell flow = directory_shell();
        for (const Intent& step : std::vector<Intent>{
                 intent::Open{ServiceId::service_directory}, intent::ChooseSector{"legal"},
                 intent::ChooseService{"D-legal-0"}, intent::Back{}, intent::Back{}, intent::HelpNearMe{},
                 intent::ChooseCommunity{"C-1"}, intent::ChooseGrid{"G-1"}, intent::Home{},
                 intent::Open{ServiceId::traffic_safety}, intent::ChoosePage{"TS-visible"}, intent::TurnPage{1}}) {
            REQUIRE(flow.apply(step, t0));
            d.frame(flow, t0);
            collect(d);
        }
    }
    // The on-screen keyboard in each mode and language, composing, on a first and a later page.
    for (Lang lang : {Lang::zh_Hans, Lang::en}) {
        KeyboardScreen k(ImVec2(1920, 1080), true, lang, 6);
        for (text::Mode mode : {text::Mode::pinyin, text::Mode::letters, text::Mode::digits}) {
            k.entry.press(text::mode_key(mode));
            k.h.frame(k.shell, t0);
            collect(k.h);
        }
        k.entry.press(text::mode_key(text::Mode::pinyin));
        for (char c : std::string_view("shi"))
            k.entry.press(text::letter_key(c));
        k.h.frame(k.shell, t0);
        collect(k.h);
        k.entry.press(text::plain_key(text::Key::Kind::next_page));
        k.h.frame(k.shell, t0);
        collect(k.h);
    }
    // Maintenance mode: each step, and each page an administrator sees, with the power question.
    {
        Headless m;
        Maintenance mode;
        const MaintView v = sample_maint_view(mode);
        const std::int64_t wall = 1'790'000'000;
        REQUIRE(mode.enter(t0, wall));
        m.maint_frame(v);
        collect(m);
        REQUIRE(mode.badge(StaffBadgeInfo{"A0001", "ALL", StaffRole::admin, wall + 3600}, t0, wall));
        for (char c : std::string("9753"))
            REQUIRE(mode.pin_key(c, t0));
        m.maint_frame(v);
        collect(m);
        REQUIRE(mode.submit_pin(t0));
        REQUIRE(mode.pin_checked(true, t0, wall));
        m.maint_frame(v);
        collect(m);
        for (MaintPage page : kMaintPages) {
            REQUIRE(mode.show(page, t0));
            m.maint_frame(v);
            collect(m);
        }
        MaintView asking = sample_maint_view(mode);
        asking.asking_power = MaintPower::exit_to_desktop;
        m.maint_frame(asking);
        collect(m);
        // Awaiting enrolment: the identity page's request buttons, the sync page and the menu.
        const MaintView awaiting = awaiting_enrolment_view(mode);
        for (MaintPage page : {MaintPage::identity, MaintPage::sync}) {
            REQUIRE(mode.show(page, t0));
            m.maint_frame(awaiting);
            collect(m);
        }
        REQUIRE(mode.back(t0));
        m.maint_frame(awaiting);
        collect(m);
    }
    // Demo mode: the badge's target, then the open panel with one device unplugged.
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    DemoPanelView view = sample_demo_view();
    h.show_demo(&view);
    h.frame(shell, t0);
    collect(h);
    view.open = true;
    h.frame(shell, t0);
    collect(h);
    for (DemoDeviceRow& d : view.devices)
        d.plugged = false;
    h.frame(shell, t0);
    collect(h);
    const std::set<std::string> documented = ids_in_doc();
    const std::set<std::string> patterns = id_patterns_in_doc();
    const auto pattern_of = [&](const std::string& id) -> std::optional<std::string> {
        for (const std::string& prefix : patterns)
            if (id.starts_with(prefix))
                return prefix;
        return std::nullopt;
    };
    std::set<std::string> patterns_seen;
    for (const std::string& id : seen) {
        const auto pattern = pattern_of(id);
        if (pattern)
            patterns_seen.insert(*pattern);
        CHECK_MESSAGE((documented.contains(id) || pattern), id << " is on screen but not in docs/ui-ids.md");
    }
    for (const std::string& id : documented)
        CHECK_MESSAGE(seen.contains(id), id << " is in docs/ui-ids.md but on no screen");
    for (const std::string& prefix : patterns)
        CHECK_MESSAGE(patterns_seen.contains(prefix), prefix << "<id> is in docs/ui-ids.md but on no screen");
}

TEST_CASE("tapping the attract screen, a tile, back and finish ask for exactly that")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request, ServiceId::book_venue}));
    h.frame(shell, t0);
    auto out = h.tap(ids::kAttractStart, shell, t0);
    REQUIRE(has<intent::Start>(out));
    shell.apply(out.front(), t0);

    h.frame(shell, t0);
    out = h.tap(ids::home_tile(ServiceId::book_venue), shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(std::get<intent::Open>(out.front()).service == ServiceId::book_venue);
    shell.apply(out.front(), t0);

    h.frame(shell, t0);
    CHECK(has<intent::Back>(h.tap(ids::kNavBack, shell, t0)));
    CHECK(has<intent::Home>(h.tap(ids::kNavHome, shell, t0)));
    CHECK(has<intent::SetLang>(h.tap(ids::lang_button(Lang::en), shell, t0)));
    CHECK(has<intent::ToggleLargeText>(h.tap(ids::kLargeText, shell, t0)));
    CHECK(has<intent::Finish>(h.tap(ids::kNavFinish, shell, t0)));
}

TEST_CASE("home has no back or home button, and every screen has finish and the language switch")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    shell.apply(intent::Start{}, t0);
    h.frame(shell, t0);
    auto ids = h.ids();
    CHECK_FALSE(ids.contains(std::string(ids::kNavBack)));
    CHECK(ids.contains(std::string(ids::kNavFinish)));
    CHECK(ids.contains(ids::lang_button(Lang::zh_Hant)));
    shell.apply(intent::Open{ServiceId::file_request}, t0);
    h.frame(shell, t0);
    ids = h.ids();
    CHECK(ids.contains(std::string(ids::kNavBack)));
    CHECK(ids.contains(std::string(ids::kNavHome)));
    CHECK(ids.contains(std::string(ids::kLargeText)));
}

TEST_CASE("the idle dialog takes every tap: its buttons answer, elsewhere means still here")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    shell.apply(intent::Start{}, t0);
    shell.tick(t0 + 50s);
    REQUIRE(shell.phase() == SessionPhase::warning);
    h.frame(shell, t0 + 50s);

    auto out = h.tap(ids::kIdleFinish, shell, t0 + 50s);
    REQUIRE(out.size() == 1);
    CHECK(has<intent::Finish>(out));
    out = h.tap(ids::kIdleContinue, shell, t0 + 50s);
    REQUIRE(out.size() == 1);
    CHECK(has<intent::StillHere>(out));
    // The finish button of the screen below is covered by the dialog's backdrop.
    out = h.tap(ids::kNavFinish, shell, t0 + 50s);
    REQUIRE(out.size() == 1);
    CHECK(has<intent::StillHere>(out));
}

TEST_CASE("while busy, taps reach nothing and the spinner moves")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    shell.apply(intent::Start{}, t0);
    h.frame(shell, t0);
    const auto tile = ids::home_tile(ServiceId::file_request);
    CHECK_FALSE(h.tap(tile, shell, t0, true).size());
    h.frame(shell, t0, false); // the busy layer is gone from the next frame on
    CHECK(h.tap(tile, shell, t0, false).size() == 1);

    auto vertices = [&](float phase) {
        h.frame(shell, t0, true, phase);
        std::vector<float> v;
        const ImDrawData* d = ImGui::GetDrawData();
        for (int i = 0; i < d->CmdListsCount; ++i)
            for (const ImDrawVert& vert : d->CmdLists[i]->VtxBuffer)
                v.insert(v.end(), {vert.pos.x, vert.pos.y});
        return v;
    };
    CHECK(vertices(0.0f) != vertices(0.5f));
    CHECK(vertices(0.25f) == vertices(0.25f));
}

TEST_CASE("a character missing from the atlas is added by the next build, never left as a box")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    h.frame(shell, t0);
    FontSet& fonts = h.fonts();
    ImFont* body = fonts.font(FontRole::body, Face::sc);
    REQUIRE(body);
    // 龘 is far outside the common set and appears in no translation.
    CHECK(body->FindGlyphNoFallback(0x9F98) == nullptr);
    CHECK_FALSE(fonts.ensure(body, "姓名：龘"));
    CHECK(fonts.needs_build());
    fonts.build(*ImGui::GetIO().Fonts);
    body = fonts.font(FontRole::body, Face::sc);
    CHECK(body->FindGlyphNoFallback(0x9F98) != nullptr);
    CHECK(fonts.ensure(body, "姓名：龘"));
    CHECK_FALSE(fonts.needs_build());
}

TEST_CASE("a character no font has is reported once and does not rebuild the atlas forever")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    h.frame(shell, t0);
    FontSet& fonts = h.fonts();
    ImFont* body = fonts.font(FontRole::body, Face::sc);
    // U+E000 is a private-use code point: Noto Sans CJK has no glyph for it.
    CHECK_FALSE(fonts.ensure(body, "\xEE\x80\x80"));
    fonts.build(*ImGui::GetIO().Fonts);
    body = fonts.font(FontRole::body, Face::sc);
    CHECK(fonts.ensure(body, "\xEE\x80\x80"));
    CHECK_FALSE(fonts.needs_build());
    CHECK(fonts.unavailable().contains(0xE000));
    // Outside the Basic Multilingual Plane (ImGui 1.86 has 16-bit characters): never asked for.
    CHECK(fonts.ensure(body, "\xF0\xA0\xAE\xB7")); // 𠮷
    CHECK(fonts.unavailable().contains(0x20BB7));
}

TEST_CASE("the common Chinese characters are in the body font of the resident's script")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    h.frame(shell, t0);
    ImFont* sc = h.fonts().font(FontRole::body, Face::sc);
    CHECK(sc->FindGlyphNoFallback(0x7F51) != nullptr); // 网, in no translation
    CHECK(sc->Glyphs.Size > 2500);
}

TEST_CASE("the demo badge opens the panel, and the panel's buttons ask for what they say")
{
    Headless h;
    Shell shell(settings({ServiceId::file_request}));
    DemoPanelView view = sample_demo_view();
    h.show_demo(&view);
    h.frame(shell, t0);
    CHECK(h.ids().contains("demo.open"));
    CHECK_FALSE(h.ids().contains("demo.close"));
    h.tap("demo.open", shell, t0);
    auto asked = h.take_demo_actions();
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].kind == DemoAction::Kind::open);

    view.open = true;
    h.frame(shell, t0);
    CHECK_FALSE(h.ids().contains("home.tile.file_request")); // the panel covers the screen
    const std::pair<std::string, DemoAction::Kind> taps[] = {
        {"demo.scan.2", DemoAction::Kind::scan},
        {"demo.card.1", DemoAction::Kind::place_card},
        {"demo.card.take", DemoAction::Kind::take_card},
        {"demo.unplug.printer", DemoAction::Kind::unplug},
        {"demo.cover", DemoAction::Kind::open_cover},
        {"demo.paper.out", DemoAction::Kind::paper},
        {"demo.camera.show", DemoAction::Kind::show_to_camera},
        {"demo.scan.10", DemoAction::Kind::scan},
        {"demo.scan.12", DemoAction::Kind::scan},
        {"demo.close", DemoAction::Kind::close},
    };
    for (const auto& [id, kind] : taps) {
        h.take_demo_actions();
        h.tap(id, shell, t0);
        asked = h.take_demo_actions();
        REQUIRE_MESSAGE(asked.size() == 1, id);
        CHECK_MESSAGE(asked[0].kind == kind, id);
        if (id == "demo.scan.2")
            CHECK(asked[0].index == 2);
        if (id == "demo.scan.10")
            CHECK(asked[0].index == 10);
        if (id == "demo.scan.12")
            CHECK(asked[0].index == 12);
        if (id == "demo.card.1")
            CHECK(asked[0].index == 1);
        if (id == "demo.unplug.printer")
            CHECK(asked[0].role == DemoRole::printer);
        if (id == "demo.paper.out")
            CHECK(asked[0].paper == DemoPaper::out);
    }
    // A tap on the panel beside the buttons does nothing, and reaches nothing behind it.
    const auto intents = h.tap_at(ImVec2(960, 1060), shell, t0);
    CHECK(intents.empty());
    CHECK(h.take_demo_actions().empty());
}

TEST_CASE("the request screens ask for what each tile says, a page at a time")
{
    Headless h;
    h.set_lists(sample_lists(20));
    Shell shell = request_shell();
    shell.apply(intent::Open{ServiceId::file_request}, t0);
    h.frame(shell, t0);
    // Twenty groups do not fit on one landscape page: the first page has no "previous".
    CHECK(h.ids().contains("req.group.g0"));
    CHECK_FALSE(h.ids().contains("req.group.g19"));
    CHECK_FALSE(h.ids().contains(std::string(ids::kListPrev)));
    auto out = h.tap(ids::kListNext, shell, t0);
    REQUIRE(has<intent::TurnPage>(out));
    for (const Intent& i : out)
        shell.apply(i, t0);
    h.frame(shell, t0);
    CHECK(h.ids().contains("req.group.g19"));
    CHECK(h.ids().contains(std::string(ids::kListPrev)));

    out = h.tap("req.group.g19", shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(std::get<intent::ChooseGroup>(out[0]).id == "g19");
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    out = h.tap("req.category.g19.c1", shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(std::get<intent::ChooseCategory>(out[0]).id == "g19.c1");
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    CHECK(shell.request_step() == RequestStep::place);

    // A community without grids is a place at once; one with grids shows them.
    out = h.tap("req.community.C-2", shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(std::get<intent::ChoosePlace>(out[0]).community == "C-2");
    out = h.tap("req.community.C-1", shell, t0);
    REQUIRE(out.size() == 1);
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    out = h.tap("req.grid.G-2", shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(std::get<intent::ChoosePlace>(out[0]).grid == "G-2");
    out = h.tap(ids::kRequestPlaceWhole, shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(std::get<intent::ChoosePlace>(out[0]).grid.empty());
}

TEST_CASE("the phone step's pad types the number, and next comes once it is a mobile number")
{
    for (const bool large : {false, true}) {
        Headless h;
        Shell shell = request_shell();
        if (large)
            shell.apply(intent::ToggleLargeText{}, t0);
        shell.apply(intent::Open{ServiceId::file_request}, t0);
        shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0);
        shell.apply(intent::ChoosePlace{PlaceKind::hall, "", ""}, t0);
        shell.apply(intent::Describe{"路灯不亮", {}}, t0);
        shell.apply(intent::NextStep{}, t0);
        shell.apply(intent::ChooseReporter{ReporterKind::named}, t0);
        shell.apply(intent::Consent{true}, t0);
        shell.apply(intent::CardRead{Personal(Personal::Kind::name, "王小明"),
                                     Personal(Personal::Kind::id_number, "11010519491231002X")},
                    t0);
        REQUIRE(shell.request_step() == RequestStep::phone);
        h.frame(shell, t0);
        CHECK_FALSE(h.ids().contains(std::string(ids::kRequestNext)));
        for (char c : std::string("13800138000")) {
            auto out = h.tap(ids::request_phone_key(c), shell, t0);
            REQUIRE(out.size() == 1);
            shell.apply(out[0], t0);
            h.frame(shell, t0);
        }
        CHECK(shell.request().phone.reveal() == "13800138000");
        auto next = h.tap(ids::kRequestNext, shell, t0);
        REQUIRE(next.size() == 1);
        CHECK(shell.apply(next[0], t0));
        CHECK(shell.request_step() == RequestStep::review);
    }
}

TEST_CASE("a quick phrase of the category is a key that writes the phrase and names it")
{
    Headless h;
    h.set_lists(sample_lists(2));
    Shell shell = request_shell();
    shell.apply(intent::Open{ServiceId::file_request}, t0);
    shell.apply(intent::ChooseCategory{"g1.c0"}, t0);
    shell.apply(intent::ChoosePlace{PlaceKind::hall, "", ""}, t0);
    REQUIRE(shell.request_step() == RequestStep::describe);
    h.frame(shell, t0);
    const auto out = h.tap("req.phrase.g1.c0.p", shell, t0);
    REQUIRE(out.size() == 1);
    const auto& k = std::get<intent::TypeKey>(out[0]);
    CHECK(k.phrase == "g1.c0.p");
    CHECK(k.key.kind == text::Key::Kind::phrase);
    CHECK(k.key.text == "路灯不亮");
}

TEST_CASE("the directory shows the sectors that have services, and says so when the catalogue has none")
{
    for (const bool large : {false, true}) {
        Headless h(large ? ImVec2(1080, 1920) : ImVec2(1920, 1080));
        h.set_lists(sample_lists(2));
        Shell shell = directory_shell();
        if (large)
            shell.apply(intent::ToggleLargeText{}, t0);
        shell.apply(intent::Open{ServiceId::service_directory}, t0);
        h.frame(shell, t0);
        // Nothing in the catalogue: help near me stays, no sector is a target.
        CHECK(h.ids().contains(std::string(ids::kDirectoryNearMe)));
        for (const std::string& id : h.ids())
            CHECK_MESSAGE(!id.starts_with("directory.sector."), id);
        h.set_directory(sample_directory());
        h.frame(shell, t0);
        CHECK(h.ids().contains("directory.sector.legal"));
        CHECK(h.ids().contains("directory.sector.health"));
        CHECK_FALSE(h.ids().contains("directory.sector.education"));
        auto out = h.tap("directory.sector.legal", shell, t0);
        REQUIRE(out.size() == 1);
        CHECK(std::get<intent::ChooseSector>(out[0]).sector == "legal");
        shell.apply(out[0], t0);
        h.frame(shell, t0);
        CHECK(h.ids().contains("directory.service.D-legal-2"));
        CHECK_FALSE(h.ids().contains("directory.service.D-health-1"));
        out = h.tap("directory.service.D-legal-1", shell, t0);
        REQUIRE(out.size() == 1);
        CHECK(std::get<intent::ChooseService>(out[0]).id == "D-legal-1");
        // Every target at least as large as a list's tile: a finger, not a pointer.
        for (const auto& [id, r] : h.widgets().all())
            if (id.starts_with("directory."))
                CHECK_MESSAGE(r.height() >= 90.0f, id);
    }
}

TEST_CASE("help near me leads to the grid's team and its card, or says the grid has none")
{
    Headless h;
    h.set_lists(sample_lists(2));
    h.set_directory(sample_directory());
    Shell shell = directory_shell();
    shell.apply(intent::Open{ServiceId::service_directory}, t0);
    h.frame(shell, t0);
    auto out = h.tap(ids::kDirectoryNearMe, shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(has<intent::HelpNearMe>(out));
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    out = h.tap("directory.community.C-1", shell, t0);
    REQUIRE(out.size() == 1);
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    CHECK(h.ids().contains("directory.grid.G-2"));
    out = h.tap("directory.grid.G-2", shell, t0);
    REQUIRE(out.size() == 1);
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    CHECK_FALSE(h.ids().contains(std::string(ids::kDirectoryPrint))); // no team, no card
    shell.apply(intent::Back{}, t0);
    shell.apply(intent::ChooseGrid{"G-1"}, t0);
    h.frame(shell, t0);
    out = h.tap(ids::kDirectoryPrint, shell, t0);
    REQUIRE(out.size() == 1);
    CHECK(has<intent::PrintContactCard>(out));
}

TEST_CASE("a traffic safety page too long for the screen is read a part at a time with large buttons")
{
    Headless h;
    h.set_directory(sample_directory());
    Shell shell = directory_shell();
    shell.apply(intent::Open{ServiceId::traffic_safety}, t0);
    h.frame(shell, t0);
    CHECK(h.ids().contains("safety.page.TS-helmet"));
    shell.apply(intent::ChoosePage{"TS-helmet"}, t0);
    h.frame(shell, t0);
    CHECK_FALSE(h.ids().contains(std::string(ids::kListNext))); // a short page is one part
    shell.apply(intent::Back{}, t0);
    h.frame(shell, t0);
    auto out = h.tap("safety.page.TS-visible", shell, t0);
    REQUIRE(out.size() == 1);
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    CHECK_FALSE(h.ids().contains(std::string(ids::kListPrev)));
    const auto next = h.widgets().find(ids::kListNext);
    REQUIRE(next);
    CHECK(next->height() >= 90.0f);
    out = h.tap(ids::kListNext, shell, t0);
    REQUIRE(has<intent::TurnPage>(out));
    shell.apply(out[0], t0);
    h.frame(shell, t0);
    CHECK(h.ids().contains(std::string(ids::kListPrev)));
}

TEST_CASE("the traffic request offers only its own category groups")
{
    Headless h;
    h.set_lists(sample_lists(4));
    Shell shell = directory_shell();
    shell.apply(intent::Open{ServiceId::traffic_request}, t0);
    h.frame(shell, t0);
    CHECK(h.ids().contains("req.group.g1"));
    CHECK(h.ids().contains("req.group.g2"));
    CHECK_FALSE(h.ids().contains("req.group.g0"));
    CHECK_FALSE(h.ids().contains("req.group.g3"));
}

TEST_CASE("a venue open all day shows its slots still to come a page at a time, in every layout")
{
    // 10:00 on the sample day: the ten slots before it are gone by and left out; the fourteen
    // after it need more than one page in portrait with large text.
    std::vector<BookingSlot> slots;
    for (int h = 0; h < 24; ++h) {
        char start[32], end[32];
        std::snprintf(start, sizeof start, "2026-12-02T%02d:00:00+08:00", h);
        std::snprintf(end, sizeof end, "2026-12-%02dT%02d:00:00+08:00", h == 23 ? 3 : 2, (h + 1) % 24);
        slots.push_back({start, end, h < 10 ? BookingSlot::State::past : BookingSlot::State::free});
    }
    for (const bool portrait : {false, true}) {
        for (const bool large : {false, true}) {
            CAPTURE(portrait);
            CAPTURE(large);
            Headless h(portrait ? ImVec2(1080, 1920) : ImVec2(1920, 1080));
            h.set_bookings(sample_bookings());
            h.set_wall(sample_wall());
            Shell shell = booking_shell();
            if (large)
                shell.apply(intent::ToggleLargeText{}, t0);
            REQUIRE(shell.apply(intent::Open{ServiceId::book_venue}, t0));
            REQUIRE(shell.apply(intent::ChooseVenue{"V-1", "2026-12-02"}, t0));
            REQUIRE(shell.apply(intent::SlotsAnswered{"V-1", "2026-12-02", slots}, t0));
            h.frame(shell, t0);
            CHECK_FALSE(h.ids().contains("booking.slot.0900"));
            CHECK(h.ids().contains("booking.slot.1000"));
            // Every slot to come is reached by turning pages, each exactly once.
            std::set<std::string> seen;
            for (int page = 0; page < 8; ++page) {
                for (const std::string& id : h.ids())
                    if (id.starts_with("booking.slot."))
                        CHECK(seen.insert(id).second);
                if (!h.ids().contains(std::string(ids::kListNext)))
                    break;
                for (const Intent& i : h.tap(ids::kListNext, shell, t0))
                    shell.apply(i, t0);
                h.frame(shell, t0);
            }
            CHECK(seen.size() == 14);
            CHECK(seen.contains("booking.slot.2300"));
            // Another day comes from its first page.
            for (const Intent& i : h.tap("booking.date.2026-12-03", shell, t0))
                shell.apply(i, t0);
            CHECK(shell.list_page() == 0);
        }
    }
}

namespace {

// Maintenance mode open on the menu of `role`, signed in at `wall`.
void sign_in(Maintenance& mode, StaffRole role, std::int64_t wall)
{
    REQUIRE(mode.enter(t0, wall));
    REQUIRE(mode.badge(StaffBadgeInfo{"S1", "h", role, wall + 60}, t0, wall));
    for (char c : std::string("1234"))
        REQUIRE(mode.pin_key(c, t0));
    REQUIRE(mode.submit_pin(t0));
    REQUIRE(mode.pin_checked(true, t0, wall));
}

} // namespace

TEST_CASE("maintenance mode's menu offers each role its pages only, below the band of a kiosk awaiting enrolment, and a page's buttons ask for their actions")
{
    const std::int64_t wall = 1'790'000'000;
    for (StaffRole role : {StaffRole::staff, StaffRole::tech, StaffRole::admin}) {
        CAPTURE(static_cast<int>(role));
        Headless m;
        Maintenance mode;
        sign_in(mode, role, wall);
        const MaintView v = sample_maint_view(mode);
        m.maint_frame(v);
        for (MaintPage page : kMaintPages)
            CHECK(m.widgets().find(ids::maint_page(page_name(page))).has_value() == role_sees(role, page));
        // Awaiting enrolment, every role's pages make room for the band above them.
        const std::string first = ids::maint_page(page_name(MaintPage::devices));
        const auto enrolled = m.widgets().find(first);
        m.maint_frame(awaiting_enrolment_view(mode));
        const auto awaiting = m.widgets().find(first);
        REQUIRE(enrolled);
        REQUIRE(awaiting);
        CHECK(awaiting->min.y > enrolled->min.y + 40);
        for (MaintPage page : kMaintPages)
            CHECK(m.widgets().find(ids::maint_page(page_name(page))).has_value() == role_sees(role, page));
        REQUIRE(mode.show(MaintPage::power, t0));
        m.maint_frame(v);
        CHECK(m.widgets().find("maint.power.restart").has_value());
        CHECK(m.widgets().find("maint.power.power_off").has_value() == (role != StaffRole::staff));
        CHECK(m.widgets().find("maint.power.exit_desktop").has_value() == (role == StaffRole::admin));
        const auto asked = m.maint_tap("maint.power.restart", v);
        REQUIRE(asked.size() == 1);
        CHECK(std::get<maint::AskPower>(asked[0]).what == MaintPower::restart);
    }
    // The PIN pad: keys and sign-in; the devices page's tests.
    Headless m;
    Maintenance mode;
    REQUIRE(mode.enter(t0, wall));
    REQUIRE(mode.badge(StaffBadgeInfo{"S1", "h", StaffRole::staff, wall + 60}, t0, wall));
    MaintView v = sample_maint_view(mode);
    m.maint_frame(v);
    auto key = m.maint_tap("maint.pin.7", v);
    REQUIRE(key.size() == 1);
    CHECK(std::get<maint::PinKey>(key[0]).key == '7');
    CHECK_FALSE(m.widgets().find("maint.pin.ok")); // shown, not a target, until 4 digits are typed
    for (char c : std::string("7123"))
        REQUIRE(mode.pin_key(c, t0));
    m.maint_frame(v);
    const auto ok = m.maint_tap("maint.pin.ok", v);
    REQUIRE(ok.size() == 1);
    CHECK(std::holds_alternative<maint::SubmitPin>(ok[0]));
}

TEST_CASE("while the kiosk awaits enrolment the identity page offers its key's request and the install instead of a new key")
{
    Headless m;
    Maintenance mode;
    sign_in(mode, StaffRole::admin, 1'790'000'000);
    REQUIRE(mode.show(MaintPage::identity, t0));
    const MaintView awaiting = awaiting_enrolment_view(mode);
    m.maint_frame(awaiting);
    CHECK_FALSE(m.widgets().find(ids::kMaintNewKey));
    CHECK(m.widgets().find("maint.id.write_csr.0"));
    auto asked = m.maint_tap("maint.id.write_csr.1", awaiting);
    REQUIRE(asked.size() == 1);
    CHECK(std::get<maint::WriteRequest>(asked[0]).target == 1);
    asked = m.maint_tap("maint.id.install.0", awaiting);
    REQUIRE(asked.size() == 1);
    CHECK(std::get<maint::InstallCertificate>(asked[0]).target == 0);
    // Enrolled: a new key, and the installs after it; no request for the key it has.
    const MaintView enrolled = sample_maint_view(mode);
    m.maint_frame(enrolled);
    CHECK_FALSE(m.widgets().find("maint.id.write_csr.0"));
    asked = m.maint_tap(ids::kMaintNewKey, enrolled);
    REQUIRE(asked.size() == 1);
    CHECK(std::holds_alternative<maint::NewKey>(asked[0]));
    asked = m.maint_tap("maint.id.install.1", enrolled);
    REQUIRE(asked.size() == 1);
    CHECK(std::get<maint::InstallCertificate>(asked[0]).target == 1);
}
