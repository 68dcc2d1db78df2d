// The central side's database: the kiosks it knows (id and public key), every record they sent
// with its chain flag, the status of residents' requests and their ratings. SQLite in WAL in the
// data folder; hallkiosk-central and central-admin may have it open at the same time.
#pragma once

#include "database.hpp"
#include "error.hpp"

#include <nlohmann/json.hpp>

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
};

struct Rating {
    std::string subject_kind; // "request"
    std::string subject;      // for a request, its tracking number
    int level = 0;            // 1 (very dissatisfied) to 5 (very satisfied)
    std::string at;           // RFC 3339 UTC
    std::string record;       // the id of the rating record
};

class CentralStore {
public:
    // Opens (creating) DATA_DIR/central.db: WAL, synchronous=FULL, the schema.
    [[nodiscard]] static Result<CentralStore> open(const std::filesystem::path& data_dir);

    // Registers `kiosk_id` with the public key `jwk` (replacing a key it had): the JWK must be
    // one kiosk/uplink can verify with.
    [[nodiscard]] Result<KioskKey> register_kiosk(std::string_view kiosk_id, const nlohmann::json& jwk);
    [[nodiscard]] Result<std::optional<KioskKey>> kiosk(std::string_view kiosk_id);

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

    // Stores `rating`; false (and nothing stored) when its subject is rated already.
    [[nodiscard]] Result<bool> add_rating(const Rating& rating);

    store::Database& database() { return db_; }

private:
    explicit CentralStore(store::Database db) : db_(std::move(db)) {}
    store::Database db_;
};

} // namespace hk::central
