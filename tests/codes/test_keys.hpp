// Keys, claims and a replay guard for the codes tests: fresh keys per run, made with OpenSSL's EVP.
#pragma once

#include "claims.hpp"
#include "evp.hpp"
#include "replay_guard.hpp"

#include <openssl/pem.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace hk::codes::test {

// 2026-05-28, a fixed "now" so every time check is exact.
inline constexpr std::int64_t kNow = 1'780'000'000;
inline constexpr std::string_view kHall = "H0101";

inline PkeyPtr es256_key()
{
    return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

inline PkeyPtr ed25519_key()
{
    return PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
}

inline std::string public_pem(EVP_PKEY* key)
{
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(len));
    BIO_free(bio);
    return pem;
}

// A single-use pass for kHall, valid an hour either side of kNow.
inline std::vector<Claim> pass_claims(std::string id = "PQ7XK2", std::string hall = std::string(kHall))
{
    return {{"id", std::move(id)},
            {"hall", std::move(hall)},
            {"ref", "BK20260528-0042"},
            {"nbf", std::to_string(kNow - 3600)},
            {"exp", std::to_string(kNow + 3600)},
            {"once", "1"}};
}

// A ticket drawn at kHall an hour before kNow, ratable for the 7 days the queue system gives.
inline std::vector<Claim> ticket_claims(std::string hall = std::string(kHall))
{
    return {{"id", "20260528-A017"},
            {"hall", std::move(hall)},
            {"win", "W-0101-03"},
            {"staff", "S0042"},
            {"nbf", std::to_string(kNow - 3600)},
            {"exp", std::to_string(kNow - 3600 + 7 * 86400)}};
}

inline std::vector<Claim> badge_claims(std::string hall = std::string(kHall), std::string role = "tech")
{
    return {
        {"id", "S0042"}, {"hall", std::move(hall)}, {"role", std::move(role)}, {"exp", std::to_string(kNow + 86400)}};
}

} // namespace hk::codes::test

namespace hk::codes::test {

// A replay guard in memory: the verifier's and router's tests need only what it remembers.
class MemoryReplayGuard final : public ReplayGuard {
public:
    bool seen(std::string_view pass_id) override { return used_.contains(pass_id); }
    bool consume(std::string_view pass_id, std::int64_t) override { return used_.emplace(pass_id).second; }

private:
    std::set<std::string, std::less<>> used_;
};

} // namespace hk::codes::test
