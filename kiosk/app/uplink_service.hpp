// The kiosk's side of "submitted": its identity, the durable store, and submitting a record.
// Opened at start from the state folder. A kiosk whose identity or store cannot be opened still
// runs (residents can look things up) but takes no submissions, and says so to staff and on the
// status line; it never pretends a record was kept.
#pragma once

#include "booking_desk.hpp"
#include "config.hpp"
#include "device_identity.hpp"
#include "fetcher.hpp"
#include "store.hpp"
#include "sync_loop.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace hk::app {

// What the UI shows of the uplink (see ui::StatusLine) and staff read in the log.
struct UplinkView {
    bool accepting = false;    // a submission would be kept
    std::string problem;       // why not, for staff ("" when accepting)
    std::int64_t waiting = 0;  // records not yet acknowledged by the central side
    std::int64_t rejected = 0; // records the central side refused (kept for staff)
    bool offline = false;      // the last attempt to reach the central side failed
    std::string last_error;    // its words, for staff
    std::string kid;           // the identity's key id, "" without one
};

class UplinkService {
public:
    // Opens (creating on first start) the identity in `state_dir`/identity and the store
    // `state_dir`/kiosk.db. Problems are logged and kept in view(); never fatal.
    static std::unique_ptr<UplinkService> open(const KioskConfig& config, const std::filesystem::path& state_dir);
    ~UplinkService();

    // Starts sending waiting records to config's central url on a thread of its own (a kiosk
    // that cannot keep records sends none), and fetching the catalogues and answering status
    // questions on another. What cannot be started is logged.
    void start_sync(const KioskConfig& config);
    // start_sync again, after a certificate was installed for the current key (enrolment from
    // maintenance mode): the connections made from now on show it. On the frame loop only; each
    // stop is bounded by about a second (SyncLoop::stop). The old desk is gone when this returns:
    // whoever kept desk() asks for it again.
    void restart_sync(const KioskConfig& config);

    // Signs `body` as a record of `type` (request, booking, checkin, rating, audit) and makes it
    // durable. When this returns a value the record is on disk and will be uploaded.
    Result<store::Entry> submit(std::string_view type, const nlohmann::json& body);

    UplinkView view() const;
    // Whether the kiosk has an identity and a certificate for its current key: until then it
    // awaits enrolment and its records wait in the store.
    bool enrolled() const { return identity_ && identity_->certificate().has_value(); }
    // The sync loop's figures (none when it is not running), and "send now" (maintenance mode).
    std::optional<uplink::SyncStatus> sync_status() const;
    bool sync_now();
    store::Store* store() { return store_.get(); }
    // Null when there is no store or the fetcher could not be made.
    uplink::Fetcher* fetcher() { return fetcher_.get(); }
    // Null when the kiosk has no identity or store (it then books nothing), or the desk could not be made.
    uplink::BookingDesk* desk() { return desk_.get(); }
    // Goes up by one each time the "keys" catalogue is replaced (from the fetcher's thread).
    std::uint64_t keys_generation() const { return keys_generation_.load(); }
    // Goes up by one each time any catalogue is replaced.
    std::uint64_t catalogue_generation() const { return catalogue_generation_.load(); }
    const uplink::DeviceIdentity* identity() const { return identity_ ? &*identity_ : nullptr; }
    // For maintenance mode's identity page (a new key, a certificate), on the frame loop only:
    // neither changes the key records are signed with (device_identity.hpp).
    uplink::DeviceIdentity* identity_for_change() { return identity_ ? &*identity_ : nullptr; }
    const std::string& kiosk_id() const { return kiosk_id_; }

private:
    // The sync loop's, the fetcher's and the desk's threads, each joined.
    void stop_threads();

    std::string kiosk_id_;
    std::optional<uplink::DeviceIdentity> identity_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<uplink::SyncLoop> sync_;   // after store_: stops before it closes
    std::unique_ptr<uplink::Fetcher> fetcher_; // likewise
    std::unique_ptr<uplink::BookingDesk> desk_;
    std::atomic<std::uint64_t> keys_generation_{0};
    std::atomic<std::uint64_t> catalogue_generation_{0};
    std::string problem_; // from opening
};

} // namespace hk::app
