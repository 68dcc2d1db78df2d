// The HTTPS server of docs/protocol.md: records in, catalogue, request status, bookings and
// ratings' checks and summaries out, on a loopback address with the district CA's server certificate, kiosks' client
// certificates checked against that CA.
#pragma once

#include "booking_engine.hpp"
#include "catalogue.hpp"
#include "central_store.hpp"
#include "error.hpp"
#include "rating_desk.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace httplib {
class SSLServer;
}

namespace hk::central {

inline constexpr std::size_t kMaxBodyBytes = 1024 * 1024; // larger request bodies get 413

struct ServerOptions {
    std::filesystem::path data_dir;      // central.db and the CA's files (central-admin init)
    std::filesystem::path catalogue_dir; // <name>.json for each catalogue
    std::string host = "127.0.0.1";
    int port = 0; // 0: any free port, see CentralServer::port()
    // Lets a registered kiosk upload without a client certificate (demo and tests only: its
    // records are signed all the same).
    bool allow_unenrolled = false;
    std::size_t max_body_bytes = kMaxBodyBytes;
    // The time bookings are decided at; empty: the system clock. Tests set it.
    Clock clock;
};

class CentralServer {
public:
    // Opens the database, reads the catalogue, publishes the questionnaires of the catalogue
    // folder the database does not know yet, sets up TLS and binds the port; serves nothing until
    // run().
    [[nodiscard]] static Result<std::unique_ptr<CentralServer>> open(const ServerOptions& options);
    ~CentralServer();
    CentralServer(const CentralServer&) = delete;
    CentralServer& operator=(const CentralServer&) = delete;

    int port() const { return port_; }
    // Serves until stop() (from another thread); false when listening failed.
    bool run();
    void stop();

private:
    CentralServer(const ServerOptions& options, CentralStore store, Catalogue catalogue, ResidentKeys residents,
                  codes::PkeyPtr pass_key);
    void add_routes();
    void add_booking_routes();
    void add_catalogue_route();

    ServerOptions options_;
    std::mutex store_mutex_; // the one connection is used by one request at a time
    CentralStore store_;
    Catalogue catalogue_;
    ResidentKeys residents_;
    BookingEngine desk_; // on store_, under store_mutex_
    RatingDesk ratings_; // on store_, under store_mutex_
    std::unique_ptr<httplib::SSLServer> http_;
    int port_ = 0;
};

} // namespace hk::central
