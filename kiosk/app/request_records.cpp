// Tracking codes and request record bodies (see request_records.hpp).
#include "request_records.hpp"

#include <openssl/rand.h>

#include <charconv>
#include <cstdio>

namespace hk::app {
namespace {

constexpr std::string_view kTrackingSetting = "tracking.last"; // "YYMMDD:count"
constexpr int kPerDay = 9999;

std::string day_of(codes::TrackingDate d)
{
    char text[8];
    std::snprintf(text, sizeof text, "%02d%02d%02d", d.year % 100, d.month, d.day);
    return text;
}

// The count already used on `day`: 0 when the setting is of another day or missing.
int used_on(const std::optional<std::string>& setting, std::string_view day)
{
    if (!setting || setting->size() < 8 || std::string_view(*setting).substr(0, 6) != day || (*setting)[6] != ':')
        return 0;
    int n = 0;
    const char* begin = setting->data() + 7;
    const char* end = setting->data() + setting->size();
    const auto [p, ec] = std::from_chars(begin, end, n);
    return ec == std::errc{} && p == end && n >= 0 && n <= kPerDay ? n : kPerDay; // unreadable: take no chances
}

} // namespace

std::string random_check_code()
{
    // Rejection sampling: only the values below the largest multiple of a million are used.
    constexpr std::uint32_t kLimit = 4'294'000'000u;
    std::uint32_t v = 0;
    do {
        if (RAND_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v) != 1)
            v = kLimit; // try again
    } while (v >= kLimit);
    char text[8];
    std::snprintf(text, sizeof text, "%06u", v % 1'000'000u);
    return text;
}

Result<codes::TrackingCode> next_tracking_code(store::Store& store, int kiosk_number, codes::TrackingDate date)
{
    if (kiosk_number < 1 || kiosk_number > 999)
        return fail("the kiosk's number must be 1 to 999");
    const std::string day = day_of(date);
    auto setting = store.setting(kTrackingSetting);
    if (!setting)
        return std::unexpected(setting.error());
    const int next = used_on(*setting, day) + 1;
    if (next > kPerDay)
        return fail("this kiosk has given out all " + std::to_string(kPerDay) + " tracking numbers of the day");
    auto number = codes::make_tracking_number(date, static_cast<std::uint32_t>(kiosk_number * 10000 + next));
    if (!number)
        return fail("no tracking number for that date");
    if (auto put = store.put_setting(kTrackingSetting, day + ":" + std::to_string(next)); !put)
        return std::unexpected(put.error());
    return codes::TrackingCode{std::move(*number), random_check_code()};
}

nlohmann::json request_body(const RequestDraft& d, const codes::TrackingCode& code, const RequestContext& context)
{
    nlohmann::json place = {{"kind", d.place == PlaceKind::hall ? "hall" : "community"}};
    if (d.place == PlaceKind::community) {
        place["community"] = d.community;
        if (!d.grid.empty())
            place["grid"] = d.grid;
        if (!d.place_detail.empty())
            place["detail"] = d.place_detail;
    }
    nlohmann::json body = {
        {"tracking", code.number},        {"check", code.check},          {"hall", context.hall},
        {"category", d.category},         {"place", std::move(place)},    {"description", d.description},
        {"lang", lang_tag(context.lang)}, {"filed_at", context.filed_at},
    };
    if (!d.phrases.empty())
        body["phrases"] = d.phrases;
    if (d.reporter == ReporterKind::named) {
        body["reporter"] = {{"kind", "named"},
                            {"name", d.name.reveal()},
                            {"id_number", d.id_number.reveal()},
                            {"phone", d.phone.reveal()}};
        body["consent"] = {{"version", kConsentVersion}, {"at", context.filed_at}};
    } else {
        body["reporter"] = {{"kind", "anonymous"}};
    }
    return body;
}

} // namespace hk::app
