// The central side's database: the kiosks it knows (id and public key), every record they sent
// with its chain flag, the status of residents' requests, ratings with their follow-up,
// questionnaires with their answers, and staff's audit events. SQLite in WAL in the data folder;
// hallkiosk-central and central-admin may have it open at the same time.
#pragma once

#include "database.hpp"
#include "error.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::central {

inline constexpr std::string_view kDatabaseFile = "central.db";

struct KioskKey {
    std::string id;
    nlohmann::json jwk; // public, as registered
    std::string kid;    // its RFC 7638 thumbprint
};

// A key a kiosk was registered with before its current one. It still verifies the records the
// kiosk signed before it changed keys, and only those (docs/records.md, "Verification").
struct EarlierKey {
    nlohmann::json jwk;
    std::string kid;
    // The lowest seq held from the kiosk signed by a key that replaced this one: only records
    // below it are this key's. Nothing while no such record is held.
    std::optional<std::int64_t> below_seq;
};

// How a stored record stands in its kiosk's chain (docs/protocol.md, "Chain flags").
enum class ChainFlag { ok, gap, fork };
std::string_view chain_flag_name(ChainFlag flag);

struct StoredRecord {
    std::string id;
    std::string kiosk;
    std::int64_t seq = 0;
    std::string prev;
    std::string type;
    std::string at;
    std::string jws;
    std::string hash; // lower-case hex SHA-256 of jws
    ChainFlag flag = ChainFlag::ok;
    std::string received_at; // RFC 3339 UTC
    // Why its content was refused (answered rejected), "" when it was taken. A refused record is
    // held all the same: its signature verified and it keeps its kiosk's chain whole.
    std::string refusal;
};

struct RequestStatus {
    std::string tracking;
    std::string check; // the 6-digit code the resident holds
    std::string status;
    nlohmann::json stages; // [{stage, at, unit, note}]
    std::string category;  // the child category it was filed under
    std::string due;       // RFC 3339 UTC: filed_at + the category's response_hours
    std::string record;    // the id of the request record that opened it
    bool rated = false;    // read only: whether a rating of it is stored
    std::string hall{};    // the hall it was filed at
};

// A rating as kept: one per subject, the resident known by an HMAC at most.
struct Rating {
    std::string subject_kind; // visit, window, request or booking
    // What "one rating per" names within its kind (docs/protocol.md, "What can be rated"): a
    // visit id; for a window "ticket:<hall>:<ticket id>", "<window>:visit:<visit>" or
    // "<window>:<rater HMAC>:<local date>"; a request's tracking number; a booking id.
    std::string subject;
    int level = 0;        // 1 (very dissatisfied) to 5 (very satisfied)
    std::string at;       // RFC 3339 UTC
    std::string record;   // the id of the rating record
    std::string hall{};   // where it was made (for a request rated without one, the request's hall)
    std::string window{}; // window ratings: the window's id
    std::string staff{};  // from a queue ticket: the staff member at the window
    nlohmann::json reasons = nlohmann::json::array(); // ids of rating_reasons, with level 1 or 2
    std::string text{};                               // the resident's words, with level 1 or 2
    std::string callback_phone{};                     // with level 1 or 2, when asked for
    std::string consent_version{};                    // the notice agreed to for the call-back
    std::string consent_at{};
    std::string rater{}; // lower-case hex HMAC of the rater's ID number (resident_key), never the number
    std::string visit{};
    std::string lang{};
    // none for levels 3 to 5; open for 1 and 2 (set by add_rating), rectified by staff.
    std::string follow_up = "none";
    std::string follow_up_note{};
    std::string follow_up_at{}; // RFC 3339 UTC
};

// A questionnaire as published: its JSON and when it was published and withdrawn ("" while not).
struct StoredQuestionnaire {
    std::string id;
    nlohmann::json body;
    std::string published_at; // RFC 3339 UTC
    std::string withdrawn_at;
};

// A resident's answers to a questionnaire, anonymous.
struct QuestionnaireAnswer {
    std::string record; // the id of the questionnaire_answer record
    std::string questionnaire;
    std::string hall;
    std::string at; // RFC 3339 UTC
    std::string lang;
    nlohmann::json answers; // as the record carries them
};

// What a staff member did at a kiosk's maintenance mode, from an audit record (docs/protocol.md,
// "Staff audit records").
struct AuditEvent {
    std::string record; // the id of the audit record
    std::string kiosk;
    std::int64_t seq = 0;
    std::string at; // the record's at, RFC 3339 UTC to the second
    std::string hall;
    std::string staff; // the badge id, "" while no badge was accepted
    std::string role;  // staff, tech or admin; "" with staff ""
    std::string action;
    std::string result; // ok, refused or failed
    std::string detail;
};

class CentralStore {
public:
    // Opens (creating) DATA_DIR/central.db: WAL, synchronous=FULL, the schema.
    [[nodiscard]] static Result<CentralStore> open(const std::filesystem::path& data_dir);

    // Registers `kiosk_id` with the public key `jwk`, which must be one kiosk/uplink can verify
    // with. A key it had before is kept as an earlier key (see EarlierKey); registering an
    // earlier key again makes it the current one.
    [[nodiscard]] Result<KioskKey> register_kiosk(std::string_view kiosk_id, const nlohmann::json& jwk);
    [[nodiscard]] Result<std::optional<KioskKey>> kiosk(std::string_view kiosk_id);
    // The earlier keys of `kiosk_id`, the first replaced first.
    [[nodiscard]] Result<std::vector<EarlierKey>> earlier_keys(std::string_view kiosk_id);
    // A record of `kiosk_id` at `seq` signed by its key `kid` is held: the keys replaced before
    // `kid` was (all its earlier keys, when `kid` is the current key) verify only records below
    // `seq` from now on.
    [[nodiscard]] Result<void> note_signed(std::string_view kiosk_id, std::string_view kid, std::int64_t seq);

    [[nodiscard]] Result<std::optional<StoredRecord>> record_by_id(std::string_view id);
    // The record of `kiosk_id` with the highest seq, or the one at `seq` (the first stored).
    [[nodiscard]] Result<std::optional<StoredRecord>> last_record(std::string_view kiosk_id);
    [[nodiscard]] Result<std::optional<StoredRecord>> record_at(std::string_view kiosk_id, std::int64_t seq);
    [[nodiscard]] Result<void> insert_record(const StoredRecord& record);
    // Every record, or those of one kiosk, by kiosk then seq then arrival.
    [[nodiscard]] Result<std::vector<StoredRecord>> records(std::optional<std::string_view> kiosk_id);

    // A request first seen. A tracking number already known is left as it is.
    [[nodiscard]] Result<void> add_request(const RequestStatus& request);
    [[nodiscard]] Result<std::optional<RequestStatus>> request(std::string_view tracking);
    // Every request, by tracking number.
    [[nodiscard]] Result<std::vector<RequestStatus>> requests();
    // The status and stages of the request `request.tracking` replaced by `request`'s.
    [[nodiscard]] Result<void> update_request(const RequestStatus& request);

    // Stores `rating`, its follow_up open for level 1 or 2 and none otherwise; false (and nothing
    // stored) when its subject is rated already.
    [[nodiscard]] Result<bool> add_rating(const Rating& rating);
    [[nodiscard]] Result<bool> rated(std::string_view subject_kind, std::string_view subject);
    // Every rating in the order they were stored; with `follow_up_only`, those of level 1 or 2.
    [[nodiscard]] Result<std::vector<Rating>> ratings(bool follow_up_only);
    [[nodiscard]] Result<std::optional<Rating>> rating_by_record(std::string_view record);
    // Marks the rating of record `record` rectified with `note` at `at` (RFC 3339 UTC).
    [[nodiscard]] Result<void> set_rectified(std::string_view record, std::string_view note, std::string_view at);
    // How many ratings of `hall` made in [from, to) (RFC 3339 UTC) are at each level, 1 to 5.
    [[nodiscard]] Result<std::array<std::int64_t, 5>> level_counts(std::string_view hall, std::string_view from,
                                                                   std::string_view to);

    // Questionnaires by id, published or withdrawn, in the order they were first published.
    [[nodiscard]] Result<std::vector<StoredQuestionnaire>> questionnaires();
    [[nodiscard]] Result<std::optional<StoredQuestionnaire>> questionnaire(std::string_view id);
    [[nodiscard]] Result<void> add_questionnaire(const StoredQuestionnaire& questionnaire);
    [[nodiscard]] Result<void> set_withdrawn(std::string_view id, std::string_view at);
    [[nodiscard]] Result<void> add_questionnaire_answer(const QuestionnaireAnswer& answer);
    // The answers to questionnaire `id`, in the order they were stored.
    [[nodiscard]] Result<std::vector<QuestionnaireAnswer>> questionnaire_answers(std::string_view id);

    [[nodiscard]] Result<void> add_audit_event(const AuditEvent& event);
    // The audit events, of one hall and of one staff member where given, by time, then kiosk and
    // seq (a kiosk's events of one second in the order it made them).
    [[nodiscard]] Result<std::vector<AuditEvent>> audit_events(std::optional<std::string_view> hall,
                                                               std::optional<std::string_view> staff);

    store::Database& database() { return db_; }

private:
    explicit CentralStore(store::Database db) : db_(std::move(db)) {}
    store::Database db_;
};

// The row `sql` selects for `key` (its ?1), as `read` takes it from the statement; nothing when
// there is none.
template <typename Read>
auto row_by_key(store::Database& db, const std::string& sql, std::string_view key, Read read)
    -> Result<std::optional<decltype(read(std::declval<store::Statement&>()))>>
{
    using Row = decltype(read(std::declval<store::Statement&>()));
    auto s = db.prepare(sql);
    if (!s)
        return fail("database: " + s.error().message);
    s->bind(1, key);
    auto row = s->step();
    if (!row)
        return fail("database: " + row.error().message);
    if (!*row)
        return std::optional<Row>{};
    return std::optional<Row>(read(*s));
}

} // namespace hk::central
