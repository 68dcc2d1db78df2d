// Stable ids of the kiosk's touch targets, for the script driver and tests. docs/ui-ids.md
// lists them all; a test keeps the two in step.
#pragma once

#include "lang.hpp"
#include "service.hpp"
#include "text_entry.hpp"

#include <string>
#include <string_view>

namespace hk::ui::ids {

inline constexpr std::string_view kAttractStart = "attract.start";
inline constexpr std::string_view kLargeText = "top.large_text";
inline constexpr std::string_view kNavBack = "nav.back";
inline constexpr std::string_view kNavHome = "nav.home";
inline constexpr std::string_view kNavFinish = "nav.finish";
inline constexpr std::string_view kIdleContinue = "idle.continue";
inline constexpr std::string_view kIdleFinish = "idle.finish";
inline constexpr std::string_view kIdleBackdrop = "idle.backdrop";

// Lists of choices a page at a time.
inline constexpr std::string_view kListPrev = "list.prev";
inline constexpr std::string_view kListNext = "list.next";

// Filing a request.
inline constexpr std::string_view kRequestPlaceHall = "req.place.hall";
inline constexpr std::string_view kRequestPlaceWhole = "req.place.whole";
inline constexpr std::string_view kRequestNext = "req.next";
inline constexpr std::string_view kRequestAnonymous = "req.reporter.anonymous";
inline constexpr std::string_view kRequestNamed = "req.reporter.named";
inline constexpr std::string_view kRequestConsentAgree = "req.consent.agree";
inline constexpr std::string_view kRequestConsentDecline = "req.consent.decline";
// req.phone.0 ... req.phone.9, req.phone.delete
inline std::string request_phone_key(char key)
{
    return key == '\b' ? "req.phone.delete" : "req.phone." + std::string(1, key);
}
inline std::string request_phrase(std::string_view id)
{
    return "req.phrase." + std::string(id);
}
inline std::string request_group(std::string_view id)
{
    return "req.group." + std::string(id);
}
inline std::string request_category(std::string_view id)
{
    return "req.category." + std::string(id);
}
inline std::string request_community(std::string_view id)
{
    return "req.community." + std::string(id);
}
inline std::string request_grid(std::string_view id)
{
    return "req.grid." + std::string(id);
}
inline constexpr std::string_view kRequestSubmit = "req.submit";

// Following a request.
inline constexpr std::string_view kFollowLookUp = "follow.look_up";
inline constexpr std::string_view kFollowAgain = "follow.again";
inline constexpr std::string_view kFollowConfirm = "follow.confirm";
inline constexpr std::string_view kFollowReopen = "follow.reopen";
inline constexpr std::string_view kFollowRate = "follow.rate";
// follow.key.0 ... follow.key.9, follow.key.delete
inline std::string follow_key(char key)
{
    return key == '\b' ? "follow.key.delete" : "follow.key." + std::string(1, key);
}
inline std::string follow_reason(std::string_view id)
{
    return "follow.reason." + std::string(id);
}
// follow.level.5 (very satisfied) ... follow.level.1
inline std::string follow_level(int level)
{
    return "follow.level." + std::to_string(level);
}

// Booking a venue.
inline constexpr std::string_view kBookingMine = "booking.mine";
inline constexpr std::string_view kBookingGroupMinus = "booking.group.minus";
inline constexpr std::string_view kBookingGroupPlus = "booking.group.plus";
inline constexpr std::string_view kBookingNext = "booking.next";
inline constexpr std::string_view kBookingConfirm = "booking.confirm";
inline constexpr std::string_view kBookingAgain = "booking.again";
inline constexpr std::string_view kBookingHome = "booking.home";
// booking.date.2027-03-02: a day of the date strip
inline std::string booking_date(std::string_view date)
{
    return "booking.date." + std::string(date);
}
// booking.type.all, booking.type.meeting_room, ...
inline std::string booking_type(std::string_view type)
{
    return "booking.type." + std::string(type.empty() ? "all" : type);
}
// booking.size.0 (any), booking.size.10, ...
inline std::string booking_size(int size)
{
    return "booking.size." + std::to_string(size);
}
inline std::string booking_venue(std::string_view id)
{
    return "booking.venue." + std::string(id);
}
// booking.slot.0900: a slot by its start (local HHMM)
inline std::string booking_slot(std::string_view hhmm)
{
    return "booking.slot." + std::string(hhmm);
}

// Activities.
inline constexpr std::string_view kActivitySignUp = "activity.signup";
inline std::string activity(std::string_view id)
{
    return "activity." + std::string(id);
}

// My bookings and sign-ups.
inline constexpr std::string_view kMineConfirmCancel = "mine.confirm_cancel";
inline constexpr std::string_view kMineKeep = "mine.keep";
inline constexpr std::string_view kMineAgain = "mine.again";
// mine.cancel.<booking or sign-up id>
inline std::string mine_cancel(std::string_view id)
{
    return "mine.cancel." + std::string(id);
}

// The service directory and help near me.
inline constexpr std::string_view kDirectoryNearMe = "directory.near_me";
inline constexpr std::string_view kDirectoryPrint = "directory.print";
// directory.sector.legal, ...: a sector by its catalogue name
inline std::string directory_sector(std::string_view sector)
{
    return "directory.sector." + std::string(sector);
}
inline std::string directory_service(std::string_view id)
{
    return "directory.service." + std::string(id);
}
inline std::string directory_community(std::string_view id)
{
    return "directory.community." + std::string(id);
}
inline std::string directory_grid(std::string_view id)
{
    return "directory.grid." + std::string(id);
}

// The traffic safety pages.
inline std::string safety_page(std::string_view id)
{
    return "safety.page." + std::string(id);
}

// top.lang.zh-Hans, top.lang.zh-Hant, top.lang.en
inline std::string lang_button(Lang lang)
{
    return "top.lang." + std::string(lang_tag(lang));
}
// home.tile.file_request, home.tile.book_venue, ...
inline std::string home_tile(ServiceId id)
{
    return "home.tile." + std::string(service_info(id).name);
}

// Rating the service.
// rate.what.visit, rate.what.window, rate.what.request, rate.what.booking
inline std::string rate_what(std::string_view kind)
{
    return "rate.what." + std::string(kind);
}
// rate.window.<number>: a window of this hall by its number
inline std::string rate_window(int number)
{
    return "rate.window." + std::to_string(number);
}
// rate.level.5 (very satisfied) ... rate.level.1
inline std::string rate_level(int level)
{
    return "rate.level." + std::to_string(level);
}
inline std::string rate_reason(std::string_view id)
{
    return "rate.reason." + std::string(id);
}
// rate.phone.0 ... rate.phone.9, rate.phone.delete
inline std::string rate_phone_key(char key)
{
    return key == '\b' ? "rate.phone.delete" : "rate.phone." + std::string(1, key);
}
inline constexpr std::string_view kRateNext = "rate.next";
inline constexpr std::string_view kRateCallbackYes = "rate.callback.yes";
inline constexpr std::string_view kRateCallbackNo = "rate.callback.no";
inline constexpr std::string_view kRateSend = "rate.send";
inline constexpr std::string_view kRateAgain = "rate.again";
inline constexpr std::string_view kRateFinish = "rate.finish";
inline constexpr std::string_view kRateQuestions = "rate.questions";
inline constexpr std::string_view kRateQuestionNext = "rate.q.next";
inline constexpr std::string_view kRateQuestionSend = "rate.q.send";
// rate.q.option.<option id> (single and multiple choice), rate.q.scale.1 ... rate.q.scale.5
inline std::string rate_option(std::string_view id)
{
    return "rate.q.option." + std::string(id);
}
inline std::string rate_scale(int value)
{
    return "rate.q.scale." + std::to_string(value);
}

// The on-screen keyboard (keyboard.hpp).
inline constexpr std::string_view kKbSpace = "kb.key.space";
inline constexpr std::string_view kKbBackspace = "kb.key.backspace";
inline constexpr std::string_view kKbDone = "kb.key.done";
inline constexpr std::string_view kKbCaps = "kb.key.caps";
inline constexpr std::string_view kKbPagePrev = "kb.page.prev";
inline constexpr std::string_view kKbPageNext = "kb.page.next";
// kb.key.a .. kb.key.z, kb.key.0 .. kb.key.9, kb.key.comma, kb.key.period, ...: a key by its
// name, whatever it writes in the current language (kb.key.comma writes "，" or ",").
inline std::string kb_key(std::string_view name)
{
    return "kb.key." + std::string(name);
}
// kb.mode.pinyin, kb.mode.letters, kb.mode.digits
inline std::string kb_mode(text::Mode mode)
{
    switch (mode) {
    case text::Mode::pinyin: return "kb.mode.pinyin";
    case text::Mode::letters: return "kb.mode.letters";
    case text::Mode::digits: return "kb.mode.digits";
    }
    return "kb.mode.pinyin";
}
// kb.cand.0, kb.cand.1, ...: the candidates on the page shown, left to right.
inline std::string kb_candidate(std::size_t index)
{
    return "kb.cand." + std::to_string(index);
}


// Maintenance mode (maint_screens.hpp) and its hidden entry on the attract screen.
inline constexpr std::string_view kAttractStaff = "attract.staff";
inline constexpr std::string_view kMaintLeave = "maint.leave";
inline constexpr std::string_view kMaintBack = "maint.back";
inline constexpr std::string_view kMaintPinOk = "maint.pin.ok";
inline constexpr std::string_view kMaintTestPrint = "maint.dev.test_print";
inline constexpr std::string_view kMaintTestScan = "maint.dev.test_scan";
inline constexpr std::string_view kMaintTestCard = "maint.dev.test_card";
inline constexpr std::string_view kMaintRescan = "maint.dev.rescan";
inline constexpr std::string_view kMaintSyncNow = "maint.sync.now";
inline constexpr std::string_view kMaintRefresh = "maint.cat.refresh";
inline constexpr std::string_view kMaintNewKey = "maint.id.new_key";
inline constexpr std::string_view kMaintHallName = "maint.config.hall_name";
inline constexpr std::string_view kMaintPowerConfirm = "maint.power.confirm";
inline constexpr std::string_view kMaintPowerCancel = "maint.power.cancel";
// maint.pin.0 ... maint.pin.9, maint.pin.delete
inline std::string maint_pin_key(char key)
{
    return key == '\b' ? "maint.pin.delete" : "maint.pin." + std::string(1, key);
}
// maint.page.devices, maint.page.sync, ...
inline std::string maint_page(std::string_view name)
{
    return "maint.page." + std::string(name);
}
// maint.log.level.0 (all), .1 (warnings and errors), .2 (errors)
inline std::string maint_log_level(int level)
{
    return "maint.log.level." + std::to_string(level);
}
inline std::string maint_log_search(std::string_view word)
{
    return "maint.log.search." + std::string(word);
}
inline std::string maint_export(std::size_t index)
{
    return "maint.export." + std::to_string(index);
}
inline std::string maint_install(std::size_t index)
{
    return "maint.id.install." + std::to_string(index);
}
inline std::string maint_write_csr(std::size_t index)
{
    return "maint.id.write_csr." + std::to_string(index);
}
inline std::string maint_config(std::string_view key, std::string_view option)
{
    return "maint.config." + std::string(key) + "." + std::string(option);
}
inline std::string maint_power(std::string_view name)
{
    return "maint.power." + std::string(name);
}

} // namespace hk::ui::ids
