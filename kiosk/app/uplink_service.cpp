// The identity, the store and submitting records (see uplink_service.hpp).
#include "uplink_service.hpp"

#include "key_alg.hpp"
#include "record.hpp"
#include "rfc3339.hpp"

#include <openssl/crypto.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace hk::app {

std::unique_ptr<UplinkService> UplinkService::open(const KioskConfig& config, const std::filesystem::path& state_dir)
{
    auto s = std::make_unique<UplinkService>();
    s->kiosk_id_ = config.kiosk_id;
    const uplink::KeyAlg alg = uplink::key_alg_from_name(config.key_algorithm).value_or(uplink::KeyAlg::es256);
    auto identity = uplink::DeviceIdentity::load_or_create(state_dir, alg);
    if (!identity) {
        s->problem_ = "the kiosk's identity cannot be used: " + identity.error().message;
        spdlog::error("uplink: {}; no submissions are taken", s->problem_);
        return s;
    }
    s->identity_ = std::move(*identity);
    for (const std::string& n : s->identity_->notices())
        spdlog::warn("uplink: {}", n);
    spdlog::info("uplink: kiosk {} signs with key {} ({})", s->kiosk_id_, s->identity_->kid(),
                 uplink::key_alg_name(s->identity_->alg()));
    // One line the installer and the platform team can find: the first start makes the key, and
    // only the district's certificate for it lets records leave the kiosk.
    if (!s->enrolled())
        spdlog::warn("uplink: kiosk {} awaits enrolment: key {} has no certificate from the district yet, and records "
                     "wait in the store until it is installed (hallkiosk --write-csr FILE, then "
                     "--install-certificate FILE, or maintenance mode's Identity page)",
                     s->kiosk_id_, s->identity_->kid());
    auto key = s->identity_->data_key();
    if (!key) {
        s->problem_ = "the store's key cannot be made: " + key.error().message;
        spdlog::error("uplink: {}; no submissions are taken", s->problem_);
        return s;
    }
    store::StoreOptions options;
    options.dir = state_dir;
    auto opened = store::Store::open(options, *key);
    OPENSSL_cleanse(key->data(), key->size());
    if (!opened) {
        s->problem_ = opened.error().message;
        spdlog::error("uplink: the store cannot be opened: {}; no submissions are taken", s->problem_);
        return s;
    }
    s->store_ = std::move(*opened);
    const store::OutboxStats stats = s->store_->stats().value_or(store::OutboxStats{});
    spdlog::info("uplink: {} records wait for the central side, {} were refused by it", stats.waiting, stats.rejected);
    return s;
}

UplinkService::~UplinkService()
{
    stop_threads();
}

void UplinkService::stop_threads()
{
    if (sync_)
        sync_->stop();
    if (fetcher_)
        fetcher_->stop();
    if (desk_)
        desk_->stop();
}

void UplinkService::start_sync(const KioskConfig& config)
{
    if (!identity_ || !store_)
        return;
    uplink::SyncOptions options;
    options.kiosk_id = kiosk_id_;
    options.http.base_url = config.central_url;
    options.http.ca_file = config.central_ca;
    if (identity_->certificate() && identity_->alg() == uplink::KeyAlg::sm2) {
        // OpenSSL's TLS has no SM2 signature scheme for a client certificate (that is TLCP's, or
        // RFC 8998's, neither of which it speaks): such a kiosk connects without one, and its
        // records are SM2-signed all the same (docs/records.md, "Enrolment").
        spdlog::warn("uplink: the kiosk's SM2 certificate cannot be shown over TLS; records go without a client "
                     "certificate, and the central side must accept this kiosk without one");
    } else if (identity_->certificate()) {
        options.http.cert_file = identity_->certificate_file();
        options.http.key_file = identity_->key_file();
    }
    if (auto desk = uplink::BookingDesk::create(options.http)) {
        desk_ = std::move(*desk);
        desk_->start();
    } else {
        spdlog::error("uplink: nothing can be booked through {}: {}", config.central_url, desk.error().message);
    }
    uplink::FetcherOptions fetch;
    fetch.http = options.http;
    auto fetcher = uplink::Fetcher::create(*store_, std::move(fetch));
    if (fetcher) {
        fetcher_ = std::move(*fetcher);
        fetcher_->on_updated([this](std::string_view name) {
            if (name == "keys")
                keys_generation_.fetch_add(1);
            catalogue_generation_.fetch_add(1);
        });
        fetcher_->start();
    } else {
        spdlog::error("uplink: the catalogues cannot be fetched from {}: {}; the kiosk uses those it has",
                      config.central_url, fetcher.error().message);
    }
    auto sync = uplink::SyncLoop::create(*store_, std::move(options));
    if (!sync) {
        spdlog::error("uplink: records cannot be sent to {}: {}; they wait in the store", config.central_url,
                      sync.error().message);
        return;
    }
    sync_ = std::move(*sync);
    sync_->start();
    spdlog::info("uplink: waiting records go to {}", config.central_url);
}

void UplinkService::restart_sync(const KioskConfig& config)
{
    // Stopped together before any is made again: the new ones share nothing with the old, and a
    // question the old desk or fetcher had not asked yet is answered "unreachable" by its stop.
    stop_threads();
    sync_.reset();
    fetcher_.reset();
    desk_.reset();
    spdlog::info("uplink: sending, fetching and booking start again with the identity as it is now");
    start_sync(config);
}

Result<store::Entry> UplinkService::submit(std::string_view type, const nlohmann::json& body)
{
    if (!identity_ || !store_)
        return std::unexpected(Error{problem_.empty() ? "no store" : problem_});
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    auto entry = store_->enqueue(type, [&](const store::Slot& slot) {
        const uplink::RecordHeader header{
            std::string(slot.id),        kiosk_id_,         slot.seq,
            std::string(slot.prev_hash), std::string(type), uplink::format_rfc3339_utc(now)};
        return uplink::make_record(*identity_, header, body);
    });
    if (!entry)
        spdlog::error("uplink: a {} record was not kept: {}", type, entry.error().message);
    else
        spdlog::info("uplink: {} record {} kept (seq {})", type, entry->id, entry->seq);
    if (entry && sync_)
        sync_->notify();
    return entry;
}

UplinkView UplinkService::view() const
{
    UplinkView v;
    if (identity_)
        v.kid = identity_->kid();
    if (!store_) {
        v.problem = problem_;
        return v;
    }
    const store::Health h = store_->health();
    v.accepting = h.accepting;
    v.problem = h.accepting ? "" : h.message;
    // With a sync loop, its figures (no query from the frame loop: the loop counts from its start
    // and after each attempt, and a submission wakes it); without one, the store's.
    if (sync_) {
        const uplink::SyncStatus st = sync_->status();
        v.waiting = st.waiting;
        v.rejected = st.rejected;
        v.offline = !st.online && st.failures > 0;
        v.last_error = st.last_error;
    } else if (auto stats = store_->stats()) {
        v.waiting = stats->waiting;
        v.rejected = stats->rejected;
    }
    return v;
}

std::optional<uplink::SyncStatus> UplinkService::sync_status() const
{
    if (!sync_)
        return std::nullopt;
    return sync_->status();
}

bool UplinkService::sync_now()
{
    if (!sync_)
        return false;
    sync_->retry_now();
    return true;
}

} // namespace hk::app
