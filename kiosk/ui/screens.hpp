// The kiosk's screens: one function draws a whole frame from the shell's state and returns
// what the resident asked for. Nothing here keeps state between frames.
#pragma once

#include "booking_items.hpp"
#include "catalogue_items.hpp"
#include "rating_items.hpp"
#include "directory_items.hpp"
#include "local_text.hpp"
#include "shell.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <vector>

namespace hk::ui {

// Why a receipt waits for the printer, as the resident is told.
enum class PrinterNotice { none, paper_out, cover_open, fault, absent };
// What was wrong with the code a resident just scanned. Only a code whose signature checked out
// is told apart (expired, not yet valid, another hall's, used); anything else is "not for this
// kiosk", and a code the scanner delivered only in part is asked for again.
enum class ScanNotice {
    none,
    not_for_kiosk,
    scan_again,
    expired,
    not_yet_valid,
    other_hall,
    already_used,
    checked_in,       // a booking pass taken: the resident is checked in (FrameInput::checkin says for what)
    checkin_not_kept, // a good pass, but the check-in could not be kept on this kiosk
};

// The booking a resident just checked in for.
struct CheckIn {
    std::string ref;   // the booking's reference
    std::string until; // HH:MM local: the pass is good until then
};

// Why the ID card step has no card yet, as the resident is told: read it again, this card cannot
// be read here, or the reader itself is not working (unplugged or faulty).
enum class CardNotice { none, retry, unreadable, reader_down };

// Whether records reach the central platform: shown small, and only when something is waiting
// or submissions cannot be kept.
struct UplinkStatus {
    bool accepting = true;    // a submission would be kept on disk
    bool offline = false;     // the last attempt to reach the central side failed
    std::int64_t waiting = 0; // records not yet acknowledged
};

// The catalogue's lists the request screens choose from (as last fetched from the central side).
struct RequestLists {
    std::vector<uplink::CategoryGroup> groups;
    std::vector<uplink::Community> communities;
};

// The catalogue's venues and activities the booking screens offer.
struct BookingLists {
    std::vector<uplink::Venue> venues;
    std::vector<uplink::Activity> activities;
};

// What the rating screens choose from, and the attract screen's figure.
struct RatingLists {
    std::vector<uplink::ServiceWindow> windows; // this hall's, by number
    std::vector<uplink::RatingReason> reasons;
    std::vector<uplink::Questionnaire> questionnaires;
    std::optional<uplink::MonthSatisfaction> satisfaction;
};

// The service directory's catalogues: the services, the volunteer teams (help near me takes the
// communities and their grids from RequestLists) and the traffic safety pages.
struct DirectoryLists {
    std::vector<uplink::DirectoryService> services;
    std::vector<uplink::VolunteerTeam> teams;
    std::vector<uplink::SafetyPage> safety;
};

struct FrameInput {
    const Shell& shell;
    SteadyTime now; // for the idle countdown
    std::tm wall{}; // local date and time, for the attract clock
    const LocalText& hall_name;
    const LocalText& help_desk;
    const std::map<ServiceId, LocalText>& instead; // where to get a service that is not offered here
    bool busy = false;                             // work under way: show the busy indicator
    float busy_phase = 0.0f;                       // 0..1, the spinner's position
    bool demo = false;                             // demo mode: say so on every screen
    PrinterNotice printer = PrinterNotice::none;   // a resident's receipt waits for the printer
    bool take_card = false;                        // the session ended with an ID card on the reader
    ScanNotice scan = ScanNotice::none;            // the code just scanned could not be used, or checked in
    CheckIn checkin{};                             // with ScanNotice::checked_in
    UplinkStatus uplink{};
    const RequestLists& requests = kNoLists;
    const BookingLists& bookings = kNoBookings;
    CardNotice card = CardNotice::none;     // the request's ID card step: why no card was read
    const text::TextEntry* entry = nullptr; // the description's keyboard (its text and composition)
    const RatingLists& ratings = kNoRatings;
    const DirectoryLists& directory = kNoDirectory;

    static inline const RequestLists kNoLists{};
    static inline const RatingLists kNoRatings{};
    static inline const BookingLists kNoBookings{};
    static inline const DirectoryLists kNoDirectory{};
};

// Draws the frame into the current ImGui frame (between NewFrame and Render).
std::vector<Intent> draw_frame(Painter& p, const FrameInput& in);
// The colour to clear the screen with before drawing the frame. Screens draw no full-screen
// background of their own: filling two million pixels through the software rasteriser, which
// blends every pixel, would cost more than all the rest of the frame.
ImU32 backdrop(const Theme& theme, const Shell& shell);

// A full-screen ImGui window. The top-most one takes every touch, which is how the dialogs
// keep taps from reaching the screen behind them: the screen layer never comes to the front,
// and a dialog layer is put in front each frame.
void begin_layer(const char* name, const Metrics& m, bool dialog);
// Where the demo badge is, and drawing it.
Rect demo_badge_rect(Painter& p);
void draw_demo_badge(Painter& p);

// Parts of the frame, one file each.
void draw_attract(Painter& p, const FrameInput& in, std::vector<Intent>& out);
void draw_home(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
void draw_not_offered(Painter& p, const FrameInput& in, Rect area);
// Filing a request: the screen of the step the shell is at.
void draw_request(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
// Following a request: the screen of the step the shell is at.
void draw_follow(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
// Booking a venue, signing up to an activity, the resident's own bookings: the screen of the
// step the shell is at (booking_screens.cpp, activity_screens.cpp).
void draw_booking(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
void draw_activities(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
void draw_mine(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
// Rating the service: the screen of the step the shell is at (rate_screens.cpp).
void draw_rate(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
// The service directory and help near me; the traffic safety pages (directory_screens.cpp).
void draw_directory(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);
void draw_safety(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out);

// The central side said no, or could not be reached: `title`, `text`, and the ways on: `again`
// (back a step), "my bookings" when `mine`, and home.
void draw_not_done(Painter& p, Rect area, std::string_view title, std::string_view text, std::string_view again,
                   bool mine, std::vector<Intent>& out);
// "My bookings" in the top right corner of `area`; returns the area left of it.
Rect draw_mine_button(Painter& p, Rect area, std::vector<Intent>& out);
// Why the central side would not book, sign up or cancel, and what the resident can do instead.
std::string refusal_words(Painter& p, BookingRefusal why, std::optional<int> limit);

// A choice among several, drawn as a large tile.
struct Choice {
    std::string id;       // the tile's widget id
    std::string label;    // in the resident's language
    std::string sublabel; // a second line, smaller ("" for none)
    Intent intent;        // what a tap asks for
    bool accent = false;  // stands out from the others (this hall)
};
void draw_choice(Painter& p, const Choice& c, Rect r, std::vector<Intent>& out);
// The choices in a grid of `cols` columns, as many rows as fit with tiles at least `min_h`
// high, a page at a time with "previous" and "next" below when they do not all fit.
void draw_choices(Painter& p, const FrameInput& in, Rect area, const std::vector<Choice>& choices, int cols,
                  float min_h, std::vector<Intent>& out);
// "Previous", "page n of m" and "next" across `bar` (each button only where there is a page to
// turn to): page is 0-based.
void draw_pager(Painter& p, Rect bar, int page, int pages, std::vector<Intent>& out);
// Where `n` tiles go in a grid of `cols` columns over `area`: as many rows as fit with tiles at
// least `min_h` high (at most `max_h`), a page at a time with the pager below when they do not
// all fit. `page` is the shell's list page, kept within the pages.
struct PagedGrid {
    int n = 0;
    int cols = 1;
    int per_page = 0;
    int pages = 1;
    int page = 0;
    float gap = 0;
    float tile_w = 0;
    float tile_h = 0;
    Rect area;  // the tiles'
    Rect pager; // the pager's, when pages > 1
    int first() const { return page * per_page; }
    int end() const { return std::min(n, (page + 1) * per_page); }
    // The tile of item `i` (first() <= i < end()).
    Rect cell(int i) const;
    // The pager, when there is more than one page.
    void draw_pager(Painter& p, std::vector<Intent>& out) const;
};
PagedGrid paged_grid(Painter& p, Rect area, int n, int cols, float min_h, float max_h, float gap, int page);
// `landscape` columns on a landscape screen, `portrait` on a portrait one.
int columns(const Painter& p, int landscape, int portrait);
// An ID card step: `question`, the card picture and what to do (or why no card was read).
void draw_card_prompt(Painter& p, const FrameInput& in, Rect area, std::string_view question);
// A row of a summary: its label in a column of its own, the value wrapped beside it. Returns
// the height used.
float draw_review_row(Painter& p, ImVec2 at, float width, std::string_view label, std::string_view value);
// A number in a box, large, with its label above: what the resident copies down.
void draw_number_box(Painter& p, Rect r, std::string_view label, std::string_view number);
// A tick and `text` at the top of `area`: something is done. Returns the height used.
float draw_done_heading(Painter& p, Rect area, std::string_view text);
// Five levels in `rest`, the best at the top, each with its words (follow.level.*) and as many
// stars; the level tapped (targets named by `id`).
std::optional<int> draw_levels(Painter& p, Rect rest, std::string (*id)(int));
// A turning spinner with `text` below it: the central side is being asked (follow_screens.cpp).
void draw_waiting(Painter& p, const FrameInput& in, Rect area, std::string_view text);
// The same spinner at `phase` (0..1), for screens without a FrameInput (maintenance mode).
void draw_spinner(Painter& p, Rect area, float phase, std::string_view text);

// Parts the request and follow screens share (request_screens.cpp). A step's question (and a
// hint below it) at the top of `area`: returns the area left below.
Rect draw_question(Painter& p, Rect area, std::string_view question, std::string_view hint = {});
// The local date and time `unix` seconds stand for, as the kiosk writes them.
std::string local_time_text(Painter& p, std::int64_t unix);
// The same, at the offset from UTC `like` is written with (a booking's start: the hall's own
// time, whatever zone the kiosk's clock is set to); local time when `like` has none.
std::string time_in_zone_of(Painter& p, std::int64_t unix, std::string_view like);
// A primary button that is shown but is not a target until `enabled`; true when tapped.
bool step_button(Painter& p, std::string_view id, Rect r, std::string_view label, bool enabled);
// A mobile number typed on a 3 x 4 pad, in `rest`: the field, the pad (keys named by `key_id`)
// and the button that goes on once the number is whole (`next_id`, `next_label`, asking for
// `next_intent`). Keys come as PhoneKey.
void draw_phone_entry(Painter& p, Rect rest, const Personal& phone, std::string (*key_id)(char), std::string_view next_id,
                      std::string_view next_label, const Intent& next_intent, std::vector<Intent>& out);
// A 3 x 4 pad of digits and a delete key filling `pad`; the key tapped ('\b' for delete).
std::optional<char> draw_digit_pad(Painter& p, Rect pad, std::string (*id)(char));
// Bands above the bottom of the screen: why the receipt has not come out and that it will, and
// what was wrong with the code just scanned. `bottom`: the y they stand on; returns the top of
// the highest one (`bottom` when there is none).
float draw_notices(Painter& p, const FrameInput& in, float bottom);
// A small pill saying that records wait to be sent (and whether the kiosk is offline), or that
// no submissions are taken; nothing otherwise. `right`, `centre_y`: where its right edge and
// middle go. Returns its left edge (`right` when nothing is shown).
float draw_uplink_status(Painter& p, const FrameInput& in, float right, float centre_y, ImU32 text_colour);
// Above everything: the resident's ID card is still on the reader. Until it is taken away.
void draw_take_card(Painter& p);

} // namespace hk::ui
