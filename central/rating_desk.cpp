// Rating checks and satisfaction summaries, each read in one transaction.
#include "rating_desk.hpp"

#include "id_forms.hpp"
#include "rating_intake.hpp"
#include "rating_records.hpp"
#include "record_members.hpp"
#include "rfc3339.hpp"
#include "strict_json.hpp"
#include "venue_calendar.hpp"

#include <chrono>
#include <cmath>

namespace hk::central {
namespace {

using Json = nlohmann::json;

Reply error_reply(int status, std::string message)
{
    return Reply{status, Json{{"error", std::move(message)}}};
}

// The local day (days since 1970-01-01) of the first of `month`.
std::int64_t first_day(std::chrono::year_month month)
{
    return std::chrono::sys_days(month / std::chrono::day(1)).time_since_epoch().count();
}

// "YYYY-MM"
std::string month_name(std::chrono::year_month month)
{
    return format_date(first_day(month)).substr(0, 7);
}

} // namespace

RatingDesk::RatingDesk(CentralStore& store, const Catalogue& catalogue, const ResidentKeys& residents, Clock clock)
    : store_(store), catalogue_(catalogue), residents_(residents), clock_(std::move(clock))
{
}

Result<Reply> RatingDesk::check(std::string_view text)
{
    auto body = uplink::parse_strict_object(text);
    if (!body)
        return error_reply(400, "the body is not one JSON object: " + body.error().message);
    if (auto r = object_of(&*body, "", {"hall", "subject", "visit", "rater"}); !r)
        return error_reply(400, r.error().message);
    auto subject = read_rating_subject(*body, false);
    if (!subject)
        return error_reply(400, subject.error().message);
    auto tx = store::Transaction::begin(store_.database(), store::Transaction::Kind::deferred);
    if (!tx)
        return fail("database: " + tx.error().message);
    auto found = find_subject(store_, catalogue_, residents_, *subject, clock_());
    if (!found)
        return std::unexpected(found.error());
    if (!found->refusal.empty()) {
        if (found->rule.empty())
            return error_reply(400, found->refusal);
        return Reply{409, Json{{"error", found->refusal}, {"rule", found->rule}}};
    }
    auto rated = store_.rated(found->kind, found->key);
    if (!rated)
        return std::unexpected(rated.error());
    if (auto r = tx->commit(); !r)
        return fail("database: " + r.error().message);
    return Reply{200, Json{{"rated", *rated}}};
}

Result<Reply> RatingDesk::satisfaction(std::string_view hall)
{
    if (!plain_id(hall))
        return error_reply(404, "not a hall id");
    const auto today = civil(local_day(clock_()));
    const std::chrono::year_month months[] = {today.year() / today.month(),
                                              today.year() / today.month() - std::chrono::months(1)};
    auto tx = store::Transaction::begin(store_.database(), store::Transaction::Kind::deferred);
    if (!tx)
        return fail("database: " + tx.error().message);
    Json list = Json::array();
    for (const auto month : months) {
        const std::string from = uplink::format_rfc3339_utc(day_start(first_day(month)));
        const std::string to = uplink::format_rfc3339_utc(day_start(first_day(month + std::chrono::months(1))));
        auto levels = store_.level_counts(hall, from, to);
        if (!levels)
            return std::unexpected(levels.error());
        list.push_back(month_summary(month_name(month), *levels));
    }
    if (auto r = tx->commit(); !r)
        return fail("database: " + r.error().message);
    return Reply{200, Json{{"hall", hall}, {"months", std::move(list)}}};
}

Json month_summary(std::string_view month, const std::array<std::int64_t, 5>& levels)
{
    const std::int64_t count = levels[0] + levels[1] + levels[2] + levels[3] + levels[4];
    // 好差评 counts "basically satisfied" (3) and better as satisfied.
    const std::int64_t satisfied = levels[2] + levels[3] + levels[4];
    Json share = nullptr;
    if (count > 0)
        share = std::round(static_cast<double>(satisfied) / static_cast<double>(count) * 10000.0) / 10000.0;
    return Json{
        {"month", month}, {"count", count}, {"levels", levels}, {"satisfied", satisfied}, {"share", std::move(share)}};
}

} // namespace hk::central
