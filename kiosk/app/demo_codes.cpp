// Demo mode's sample codes (see demo_codes.hpp).
#include "demo_codes.hpp"

#include "token_signer.hpp"
#include "tracking_code.hpp"
#include "trusted_keys.hpp"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <ctime>

namespace hk::app {

namespace {

using Kind = ui::DemoCodeKind;
constexpr std::int64_t kHour = 3600;

codes::PkeyPtr new_key()
{
    return codes::PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

std::string pass(EVP_PKEY* key, std::string_view id, std::string_view hall, std::int64_t nbf, std::int64_t exp,
                 bool once)
{
    const std::vector<codes::Claim> claims{{"id", std::string(id)},
                                           {"hall", std::string(hall)},
                                           {"ref", "BK" + std::string(id.substr(1))},
                                           {"nbf", std::to_string(nbf)},
                                           {"exp", std::to_string(exp)},
                                           {"once", once ? "1" : "0"}};
    return codes::sign_token(codes::TokenType::pass, claims, DemoCodes::kKeyId, key);
}

// A ticket drawn now, as the queue system gives it: ratable for 7 days.
std::string ticket(EVP_PKEY* key, std::string_view id, std::string_view hall, std::string_view window,
                   std::string_view staff, std::int64_t now)
{
    std::vector<codes::Claim> claims{
        {"id", std::string(id)}, {"hall", std::string(hall)}, {"win", std::string(window)}};
    if (!staff.empty())
        claims.push_back({"staff", std::string(staff)});
    claims.push_back({"nbf", std::to_string(now)});
    claims.push_back({"exp", std::to_string(now + 7 * 24 * kHour)});
    return codes::sign_token(codes::TokenType::ticket, claims, DemoCodes::kKeyId, key);
}

} // namespace

Result<codes::PkeyPtr> DemoCodes::load_key(const std::filesystem::path& file)
{
    std::unique_ptr<BIO, codes::BioFree> bio(BIO_new_file(file.c_str(), "r"));
    codes::PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    if (!key)
        return fail("the demo key " + file.string() + " cannot be read as a PEM private key");
    if (codes::algorithm_of(key.get()) != codes::Algorithm::es256)
        return fail("the demo key " + file.string() + " is not a P-256 EC key");
    return key;
}

DemoCodes DemoCodes::make(std::string_view hall, std::int64_t now, codes::PkeyPtr key_in)
{
    DemoCodes d;
    d.key_ = key_in ? std::move(key_in) : new_key();
    EVP_PKEY* key = d.key_.get();
    // Badges of the sample staff catalogue (config/central-sample/staff.json).
    auto badge = [&](std::string_view id, std::string_view at, std::string_view role, std::int64_t nbf,
                     std::int64_t exp) {
        const std::vector<codes::Claim> claims{{"id", std::string(id)},
                                               {"hall", std::string(at)},
                                               {"role", std::string(role)},
                                               {"nbf", std::to_string(nbf)},
                                               {"exp", std::to_string(exp)}};
        return codes::sign_token(codes::TokenType::badge, claims, kKeyId, d.key_.get());
    };
    std::time_t t = now;
    std::tm local{};
    localtime_r(&t, &local);
    const auto number = codes::make_tracking_number({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, 42);
    const std::string day = fmt::format("{:04}{:02}{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    d.used_pass_id_ = "P20260002";
    d.used_pass_exp_ = now + 2 * kHour;
    // A forgery: right key id, someone else's key.
    const codes::PkeyPtr stranger = new_key();
    d.codes_ = {
        {Kind::booking_pass, pass(key, "P20260001", hall, now - kHour, now + 2 * kHour, true), "]Q1"},
        {Kind::staff_badge, badge("S0042", hall, "staff", now - kHour, now + 12 * kHour), "]Q1"},
        {Kind::request_receipt, codes::format_tracking_qr({number.value_or(""), "318274"}), "]Q1"},
        {Kind::used_pass, pass(key, d.used_pass_id_, hall, now - kHour, d.used_pass_exp_, true), "]Q1"},
        {Kind::expired_pass, pass(key, "P20250003", hall, now - 30 * 24 * kHour, now - 29 * 24 * kHour, true), "]Q1"},
        {Kind::other_hall_pass, pass(key, "P20260004", "hall-elsewhere", now - kHour, now + 2 * kHour, true), "]Q1"},
        {Kind::forged_pass, pass(stranger.get(), "P20260005", hall, now - kHour, now + 2 * kHour, true), "]Q1"},
        {Kind::web_address, "https://example.org/not-a-hall-code", "]Q1"},
        {Kind::chinese_text, "幸福街道党群服务中心欢迎您", "]Q1"},
        {Kind::oversized, std::string(2000, 'A'), "]Q1"},
        {Kind::cut_off, pass(key, "P20260006", hall, now - kHour, now + 2 * kHour, true), "]Q1", true},
        // Windows of the demo hall's windows catalogue (docs/protocol.md, "The windows catalogue").
        {Kind::ticket_window_3, ticket(key, day + "-A017", hall, "W-001-03", "S0042", now), "]Q1"},
        {Kind::ticket_window_1, ticket(key, day + "-B005", hall, "W-001-01", "", now), "]Q1"},
        {Kind::badge_tech, badge("T0007", hall, "tech", now - kHour, now + 12 * kHour), "]Q1"},
        {Kind::badge_admin, badge("A0001", "ALL", "admin", now - kHour, now + 12 * kHour), "]Q1"},
        {Kind::badge_expired, badge("S0042", hall, "staff", now - 40 * 24 * kHour, now - 10 * 24 * kHour), "]Q1"},
        {Kind::badge_other_hall, badge("S0913", "hall-elsewhere", "staff", now - kHour, now + 12 * kHour), "]Q1"},
    };
    return d;
}

} // namespace hk::app
