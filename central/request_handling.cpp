// Requests opened, moved, confirmed and reopened in the central store.
#include "request_handling.hpp"

#include "request_records.hpp"
#include "rfc3339.hpp"
#include "utf8.hpp"

#include <openssl/crypto.h>

namespace hk::central {
namespace {

nlohmann::json stage(RequestState state, std::int64_t at, std::string_view unit, std::string_view note)
{
    return {
        {"stage", request_state_name(state)}, {"at", uplink::format_rfc3339_utc(at)}, {"unit", unit}, {"note", note}};
}

// `request` moved to `to` with its stage appended, written back; the reason when its stages are
// full.
Result<std::string> move(CentralStore& store, RequestStatus request, RequestState to, std::int64_t at,
                         std::string_view unit, std::string_view note)
{
    if (request.stages.size() >= kMaxRequestStages)
        return "the request has " + std::to_string(kMaxRequestStages) + " stages, the most it can carry";
    request.status = std::string(request_state_name(to));
    request.stages.push_back(stage(to, at, unit, note));
    if (auto r = store.update_request(request); !r)
        return std::unexpected(r.error());
    return std::string{};
}

// For feedback and ratings: `body` read, then the request it names found with its check code (an
// unknown number and a wrong code are refused alike, as GET answers them), then `then` with both.
template <typename Body, typename Then>
Result<std::string> on_named_request(CentralStore& store, Result<Body> body, Then then)
{
    if (!body)
        return body.error().message;
    auto found = store.request(body->tracking);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || !check_matches(**found, body->check))
        return std::string(kNoSuchRequest);
    return then(std::move(**found), *body);
}

} // namespace

Result<std::string> open_request(CentralStore& store, const Catalogue& catalogue, const uplink::VerifiedRecord& record)
{
    auto filing = read_request_body(record.body, catalogue);
    if (!filing)
        return filing.error().message;
    auto held = store.request(filing->tracking);
    if (!held)
        return std::unexpected(held.error());
    if (*held)
        return std::string("tracking number already used");
    const std::int64_t due = filing->filed_at + std::int64_t{filing->response_hours} * 3600;
    RequestStatus request{
        filing->tracking,
        filing->check,
        std::string(request_state_name(RequestState::submitted)),
        nlohmann::json::array({stage(RequestState::submitted, filing->filed_at, record.header.kiosk, "")}),
        filing->category,
        uplink::format_rfc3339_utc(due),
        record.header.id,
        false,
        filing->hall};
    if (auto r = store.add_request(request); !r)
        return std::unexpected(r.error());
    return std::string{};
}

Result<std::string> take_feedback(CentralStore& store, const uplink::VerifiedRecord& record)
{
    return on_named_request(
        store, read_feedback_body(record.body),
        [&](RequestStatus request, const RequestFeedback& feedback) -> Result<std::string> {
            const RequestState to =
                feedback.action == FeedbackAction::confirm ? RequestState::confirmed : RequestState::reopened;
            const auto from = request_state_from_name(request.status);
            if (!from || !may_move(*from, to, Actor::resident))
                return "the request is " + request.status + ", not resolved";
            return move(store, std::move(request), to, feedback.at, record.header.kiosk, feedback.reason);
        });
}

Result<RequestStatus> advance_request(CentralStore& store, std::string_view tracking, RequestState to,
                                      std::string_view unit, std::string_view note, std::int64_t now)
{
    if (!staff_text(unit, 1, kMaxUnitChars))
        return fail("the unit is 1 to " + std::to_string(kMaxUnitChars) + " characters, none a control character");
    if (!staff_text(note, 0, kMaxNoteChars))
        return fail("the note is at most " + std::to_string(kMaxNoteChars) + " characters, none a control character");
    if (to == RequestState::confirmed || to == RequestState::reopened)
        return fail("only the resident confirms or reopens a request, from a kiosk");
    auto tx = store::Transaction::begin(store.database());
    if (!tx)
        return fail("database: " + tx.error().message);
    auto found = store.request(tracking);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail("no request " + std::string(tracking));
    RequestStatus request = std::move(**found);
    const auto from = request_state_from_name(request.status);
    if (!from || !may_move(*from, to, Actor::staff))
        return fail("a request at " + request.status + " cannot move to " + std::string(request_state_name(to)));
    auto moved = move(store, request, to, now, unit, note);
    if (!moved)
        return std::unexpected(moved.error());
    if (!moved->empty())
        return fail(*moved);
    if (auto r = tx->commit(); !r)
        return fail("database: " + r.error().message);
    auto now_held = store.request(tracking);
    if (!now_held)
        return std::unexpected(now_held.error());
    return std::move(**now_held);
}

bool staff_text(std::string_view s, std::size_t min, std::size_t max)
{
    std::size_t chars = 0;
    for (std::size_t at = 0; at < s.size(); ++chars) {
        const char32_t c = utf8::next(s, at);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == utf8::kReplacement)
            return false;
    }
    return chars >= min && chars <= max;
}

bool check_matches(const RequestStatus& request, std::string_view check)
{
    return !check.empty() && check.size() == request.check.size() &&
           CRYPTO_memcmp(check.data(), request.check.data(), check.size()) == 0;
}

nlohmann::json status_json(const RequestStatus& r)
{
    return {{"tracking", r.tracking}, {"status", r.status}, {"category", r.category},
            {"due", r.due},           {"stages", r.stages}, {"rated", r.rated}};
}

} // namespace hk::central
