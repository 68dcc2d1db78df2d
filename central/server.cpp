// Routes of the protocol on cpp-httplib's SSLServer; the work is in record_intake, catalogue and
// central_store, this file only maps HTTP to them and back.
#include "server.hpp"

#include "certificate_authority.hpp"
#include "http_date.hpp"
#include "pass_key.hpp"
#include "record_intake.hpp"
#include "request_handling.hpp"
#include "rfc3339.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/ssl.h>

#include <chrono>

namespace hk::central {
namespace {

constexpr const char* kJson = "application/json";

std::int64_t now_unix()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void answer_error(httplib::Response& res, int status, const std::string& message)
{
    res.status = status;
    res.set_content(nlohmann::json{{"error", message}}.dump(), kJson);
}

// The common name of the client's certificate, if it presented one. The handshake already
// checked that it chains to the district CA (SSL_VERIFY_PEER).
std::optional<std::string> client_common_name(const httplib::Request& req)
{
    if (!req.ssl)
        return std::nullopt;
    uplink::X509Ptr cert(SSL_get1_peer_certificate(req.ssl));
    if (!cert)
        return std::nullopt;
    std::array<char, 128> cn{};
    const int n = X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, cn.data(),
                                            static_cast<int>(cn.size()));
    return n < 0 ? std::string{} : std::string(cn.data(), static_cast<std::size_t>(n));
}

// TLS 1.2 or later, the server's key and certificate, and kiosks' certificates asked for but not
// required: whether one is needed depends on --allow-unenrolled and is decided per request.
bool setup_tls(SSL_CTX& ctx, const std::filesystem::path& data_dir)
{
    const std::string ca = (data_dir / kCaCertFile).string();
    const std::string cert = (data_dir / kServerCertFile).string();
    const std::string key = (data_dir / kServerKeyFile).string();
    if (SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) != 1 ||
        SSL_CTX_use_certificate_chain_file(&ctx, cert.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(&ctx, key.c_str(), SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(&ctx) != 1 ||
        SSL_CTX_load_verify_locations(&ctx, ca.c_str(), nullptr) != 1)
        return false;
    STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(ca.c_str());
    if (!names)
        return false;
    SSL_CTX_set_client_CA_list(&ctx, names);
    SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, nullptr);
    // With peer verification on, OpenSSL refuses to resume a session (an "internal error" alert,
    // SSL_R_SESSION_ID_CONTEXT_UNINITIALIZED) unless the context names the sessions it issued.
    // libcurl resumes whenever it reconnects, so without this every other connection failed and
    // the kiosk backed off for up to a second. A resumed session keeps the client certificate it
    // was verified with.
    static constexpr unsigned char kSessionContext[] = "hallkiosk-central";
    if (SSL_CTX_set_session_id_context(&ctx, kSessionContext, sizeof kSessionContext - 1) != 1)
        return false;
    return true;
}

} // namespace

Result<std::unique_ptr<CentralServer>> CentralServer::open(const ServerOptions& options)
{
    auto store = CentralStore::open(options.data_dir);
    if (!store)
        return std::unexpected(store.error());
    // Data folders made before passes get their pass key and resident secret here.
    auto pass_key = load_or_make_pass_key(options.data_dir);
    if (!pass_key)
        return std::unexpected(pass_key.error());
    auto residents = ResidentKeys::open(options.data_dir);
    if (!residents)
        return std::unexpected(residents.error());
    auto key_item = pass_key_item(pass_key->get());
    if (!key_item)
        return std::unexpected(key_item.error());
    auto catalogue = Catalogue::load(options.catalogue_dir, nlohmann::json::array({*key_item}));
    if (!catalogue)
        return std::unexpected(catalogue.error());
    std::unique_ptr<CentralServer> server(new CentralServer(options, std::move(*store), std::move(*catalogue),
                                                            std::move(*residents), std::move(*pass_key)));
    if (!server->http_->is_valid())
        return fail("TLS cannot be set up from " + options.data_dir.string() +
                    " (run central-admin init first): " + std::string(kCaCertFile) + ", " +
                    std::string(kServerCertFile) + ", " + std::string(kServerKeyFile));
    server->add_routes();
    server->port_ = options.port == 0 ? server->http_->bind_to_any_port(options.host)
                                      : (server->http_->bind_to_port(options.host, options.port) ? options.port : -1);
    if (server->port_ <= 0)
        return fail("cannot listen on " + options.host + ":" + std::to_string(options.port));
    return server;
}

CentralServer::CentralServer(const ServerOptions& options, CentralStore store, Catalogue catalogue,
                             ResidentKeys residents, codes::PkeyPtr pass_key)
    : options_(options), store_(std::move(store)), catalogue_(std::move(catalogue)),
      desk_(store_, catalogue_, std::move(residents), std::move(pass_key), options.clock ? options.clock : now_unix),
      http_(
          std::make_unique<httplib::SSLServer>([dir = options.data_dir](SSL_CTX& ctx) { return setup_tls(ctx, dir); }))
{
}

CentralServer::~CentralServer()
{
    stop();
}

bool CentralServer::run()
{
    return http_->listen_after_bind();
}

void CentralServer::stop()
{
    if (http_)
        http_->stop();
}

void CentralServer::add_routes()
{
    http_->set_payload_max_length(options_.max_body_bytes);
    // Answers go out at once: with Nagle's algorithm a reply written in parts waits for the
    // client's delayed ACK (tens of milliseconds a batch).
    http_->set_tcp_nodelay(true);
    // Every answer carries Date (errors too: httplib runs this after its own 4xx answers), from
    // which kiosks tell how far off their clock is.
    http_->set_post_routing_handler(
        [](const httplib::Request&, httplib::Response& res) { res.set_header("Date", http_date(now_unix())); });

    http_->Post("/v1/records", [this](const httplib::Request& req, httplib::Response& res) {
        auto envelope = parse_envelope(req.body);
        if (!envelope)
            return answer_error(res, 400, envelope.error().message);
        if (const auto cn = client_common_name(req)) {
            if (*cn != envelope->kiosk)
                return answer_error(res, 403, "the client certificate is not kiosk " + envelope->kiosk + "'s");
        } else if (!options_.allow_unenrolled) {
            return answer_error(res, 401, "a kiosk client certificate is required");
        }
        Result<std::vector<RecordResult>> results;
        {
            std::lock_guard lock(store_mutex_);
            results = take_records(store_, catalogue_, *envelope, uplink::format_rfc3339_utc(now_unix()));
        }
        if (!results)
            return answer_error(res, 503, results.error().message);
        res.set_content(results_json(*results).dump(), kJson);
    });

    http_->Get(R"(/v1/catalogue/([a-z_]{1,32}))", [this](const httplib::Request& req, httplib::Response& res) {
        const CatalogueEntry* entry = catalogue_.find(req.matches[1].str());
        if (!entry)
            return answer_error(res, 404, "no such catalogue");
        res.set_header("ETag", entry->etag);
        if (req.get_header_value("If-None-Match") == entry->etag) {
            res.status = 304;
            return;
        }
        res.set_content(entry->body, kJson);
    });

    http_->Get(R"(/v1/requests/([A-Za-z0-9-]{1,64}))", [this](const httplib::Request& req, httplib::Response& res) {
        const std::string check = req.get_param_value("check");
        Result<std::optional<RequestStatus>> found;
        {
            std::lock_guard lock(store_mutex_);
            found = store_.request(req.matches[1].str());
        }
        if (!found)
            return answer_error(res, 503, found.error().message);
        // Unknown number and wrong code answer alike, so that neither can be probed for.
        if (!*found || !check_matches(**found, check))
            return answer_error(res, 404, "no request with that tracking number and check code");
        res.set_content(status_json(**found).dump(), kJson);
    });

    add_booking_routes();

    http_->Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(nlohmann::json{{"ok", true}, {"time", uplink::format_rfc3339_utc(now_unix())}}.dump(), kJson);
    });
}

void CentralServer::add_booking_routes()
{
    // The kiosk that asks, from its client certificate (as POST /v1/records takes it); a kiosk
    // without one is served only where unenrolled kiosks are allowed.
    const auto kiosk_of = [this](const httplib::Request& req) -> std::optional<std::string> {
        if (auto cn = client_common_name(req))
            return cn;
        if (options_.allow_unenrolled)
            return std::string{};
        return std::nullopt;
    };
    // Runs `work` on the desk under the store's lock and writes its reply.
    const auto serve = [this, kiosk_of](const httplib::Request& req, httplib::Response& res, auto work) {
        const auto kiosk = kiosk_of(req);
        if (!kiosk)
            return answer_error(res, 401, "a kiosk client certificate is required");
        Result<Reply> reply;
        {
            std::lock_guard lock(store_mutex_);
            reply = work(*kiosk);
        }
        if (!reply)
            return answer_error(res, 503, reply.error().message);
        res.status = reply->status;
        if (!reply->body.is_null())
            res.set_content(reply->body.dump(), kJson);
    };
    constexpr const char* kId = "([A-Za-z0-9_.-]{1,64})";
    using std::string;

    http_->Get(string("/v1/venues/") + kId + "/slots", [=, this](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, [&](const string&) { return desk_.slots(req.matches[1].str(), req.get_param_value("date")); });
    });
    http_->Post("/v1/holds", [=, this](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, [&](const string& kiosk) { return desk_.hold(req.body, kiosk); });
    });
    http_->Post(string("/v1/holds/") + kId + "/confirm", [=, this](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, [&](const string&) { return desk_.confirm(req.matches[1].str()); });
    });
    http_->Delete(string("/v1/holds/") + kId, [=, this](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, [&](const string&) { return desk_.release(req.matches[1].str()); });
    });
    http_->Post(string("/v1/bookings/") + kId + "/cancel",
                [=, this](const httplib::Request& req, httplib::Response& res) {
                    serve(req, res, [&](const string&) { return desk_.cancel_booking(req.matches[1].str(), req.body); });
                });
    http_->Post("/v1/residents/lookup", [=, this](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, [&](const string&) { return desk_.lookup(req.body); });
    });
    http_->Get(string("/v1/activities/") + kId + "/seats",
               [=, this](const httplib::Request& req, httplib::Response& res) {
                   serve(req, res, [&](const string&) { return desk_.seats(req.matches[1].str()); });
               });
    http_->Post("/v1/signups", [=, this](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, [&](const string& kiosk) { return desk_.signup(req.body, kiosk); });
    });
    http_->Post(string("/v1/signups/") + kId + "/cancel", [=, this](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, [&](const string&) { return desk_.cancel_signup(req.matches[1].str(), req.body); });
    });
}

} // namespace hk::central
