// Diagnostic bundles: what they hold and what they never hold, their signature, and each way
// writing one can fail.
#include "diagnostic_bundle.hpp"

#include "uplink_support.hpp"

#include "base64url.hpp"

#include <doctest/doctest.h>

#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

using namespace hk;
using namespace hk::app;
using hk::uplink::KeyAlg;
using hk::uplink::test::ScratchDir;

namespace {

constexpr std::int64_t kCreated = 1772353805; // 2026-03-01T08:30:05Z
constexpr std::string_view kIdNumber = "44030119900101123X";
constexpr std::string_view kIdNumberDigits = "440301199001011234";
constexpr std::string_view kPhone = "13800138000";
constexpr std::string_view kUrlPassword = "pa55-w0rd";
constexpr std::string_view kUrlToken = "tok-7f3a9c";

std::string pem_body_line(const std::string& pem)
{
    const std::size_t from = pem.find('\n') + 1;
    return pem.substr(from, pem.find('\n', from) - from);
}

std::string read_text(const std::filesystem::path& path)
{
    const auto bytes = hk::uplink::test::read_bytes(path);
    return {bytes.begin(), bytes.end()};
}

std::string decoded_payload(const std::string& file_text)
{
    const auto file = nlohmann::json::parse(file_text);
    const auto bytes = codes::base64url_decode(file.at("payload").get<std::string>());
    REQUIRE(bytes);
    return {bytes->begin(), bytes->end()};
}

// The same bundle with `payload_text` in place of its payload, the protected header and the
// signature as they were.
std::string with_payload(const std::string& file_text, std::string_view payload_text)
{
    auto file = nlohmann::json::parse(file_text);
    file["payload"] = codes::base64url_encode(hk::uplink::test::bytes_of(payload_text));
    return file.dump(2) + "\n";
}

std::vector<std::filesystem::path> entries(const std::filesystem::path& folder)
{
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        out.push_back(e.path());
    return out;
}

// A kiosk with a key, a config that names a trusted key and a central URL with a credential in
// it, and the facts of one export with personal data and a private key planted in its log.
struct Kiosk {
    ScratchDir state;
    ScratchDir out;
    uplink::DeviceIdentity identity = hk::uplink::test::identity_in(state, KeyAlg::es256);
    std::string trusted_pem;
    std::string planted_key_pem;
    KioskConfig config;
    DiagnosticFacts facts;

    Kiosk()
    {
        hk::uplink::PkeyPtr trusted(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        trusted_pem = hk::uplink::test::public_pem(trusted.get());
        hk::uplink::PkeyPtr other(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        hk::uplink::BioPtr bio(BIO_new(BIO_s_mem()));
        PEM_write_bio_PrivateKey(bio.get(), other.get(), nullptr, nullptr, 0, nullptr, nullptr);
        char* data = nullptr;
        const long len = BIO_get_mem_data(bio.get(), &data);
        planted_key_pem.assign(data, static_cast<std::size_t>(len));

        const std::string toml = "[hall]\nid = \"hall-9\"\nname = \"幸福中心\"\n"
                                 "[central]\nkiosk_id = \"hall-9-2\"\n"
                                 "[[trusted_key]]\nkid = \"district-2026\"\nalg = \"ES256\"\npublic_key = \"\"\"\n" +
                                 trusted_pem + "\"\"\"\n";
        auto cfg = parse_config(toml, "/etc/hallkiosk/kiosk.toml");
        REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
        config = std::move(*cfg);
        config.central_url =
            "https://kiosk:" + std::string(kUrlPassword) + "@central.example/api?token=" + std::string(kUrlToken);

        facts.program_version = "1.4.0";
        facts.created_unix_s = kCreated;
        facts.log = {
            {1772353000000, LogLevel::info, "uplink: 3 records sent"},
            {1772353001000, LogLevel::warn,
             "idcard: reader returned " + std::string(kIdNumber) + " to the wrong session"},
            {1772353002000, LogLevel::error,
             "sms: " + std::string(kPhone) + " refused; id " + std::string(kIdNumberDigits)},
            {1772353003000, LogLevel::info, "loaded " + planted_key_pem + " from the wrong file"},
            {1772353004000, LogLevel::debug, "order 1234567890 printed"},
        };
        facts.devices = {{"receipt-printer", {{"state", "ready"}, {"paper", "low"}}}};
        facts.counters = {{"requests_filed", 12}, {"ratings", 40}};
        facts.sync = {{"outbox", 3}, {"last_upload", "2026-03-01T08:29:00Z"}};
    }

    BundleResult<std::filesystem::path> write(const std::filesystem::path& folder) const
    {
        return write_diagnostic_bundle(folder, config, facts, identity);
    }
};

} // namespace

TEST_CASE("a bundle is named after the kiosk and the second and holds every section")
{
    Kiosk k;
    const auto path = k.write(k.out.path());
    REQUIRE_MESSAGE(path, (path ? "" : path.error().message));
    CHECK(*path == k.out / "hallkiosk-diagnostics-hall-9-2-20260301T083005Z.json");
    CHECK(entries(k.out.path()) == std::vector<std::filesystem::path>{*path}); // no temporary file left

    const auto verified = verify_diagnostic_bundle(read_text(*path), k.identity.key());
    REQUIRE_MESSAGE(verified, (verified ? "" : verified.error().message));
    CHECK(verified->kid == k.identity.kid());
    nlohmann::json p = verified->payload; // not const: operator[] on a missing member gives null
    CHECK(p["format"] == std::string(kDiagnosticsFormat));
    CHECK(p["kiosk"] == "hall-9-2");
    CHECK(p["hall"] == "hall-9");
    CHECK(p["program_version"] == "1.4.0");
    CHECK(p["created"] == "2026-03-01T08:30:05Z");
    CHECK(p["created_unix"] == kCreated);
    CHECK(p["identity"]["kid"] == k.identity.kid());
    CHECK(p["identity"]["algorithm"] == "es256");
    CHECK(p["config"]["hall"]["id"] == "hall-9");
    CHECK(p["config"]["trusted_keys"][0]["kid"] == "district-2026");
    CHECK(p["devices"] == k.facts.devices);
    CHECK(p["counters"] == k.facts.counters);
    CHECK(p["sync"] == k.facts.sync);
    REQUIRE(p["log"].size() == k.facts.log.size());
    CHECK(p["log"][0] ==
          nlohmann::json{{"at_ms", 1772353000000}, {"level", "info"}, {"text", "uplink: 3 records sent"}});
    CHECK(p["log"][1]["level"] == "warn");
    CHECK(p["log"][4]["level"] == "debug");
    CHECK(p["log"][4]["text"] == "order 1234567890 printed"); // ten digits are left as they are
    CHECK(p["log_lines_scrubbed"] == 3);
}

TEST_CASE("a bundle verifies with the kiosk's key as the district registered it, a JWK")
{
    Kiosk k;
    const auto path = k.write(k.out.path());
    REQUIRE(path);
    const auto verified = verify_diagnostic_bundle(read_text(*path), k.identity.public_jwk());
    REQUIRE_MESSAGE(verified, (verified ? "" : verified.error().message));
    CHECK(verified->payload["kiosk"] == "hall-9-2");
}

TEST_CASE("a bundle holds no key material and no credential of the kiosk or its config")
{
    Kiosk k;
    const auto path = k.write(k.out.path());
    REQUIRE(path);
    const std::string file = read_text(*path);
    const std::string payload = decoded_payload(file);
    REQUIRE(payload.contains("hall-9-2")); // the payload was decoded: absences below mean something

    const std::string own_key = read_text(k.identity.key_file());
    REQUIRE(own_key.contains("PRIVATE KEY"));
    for (const std::string& secret :
         {pem_body_line(own_key), pem_body_line(k.trusted_pem), pem_body_line(k.planted_key_pem),
          std::string("PRIVATE KEY"), std::string("PUBLIC KEY"), std::string(kUrlPassword), std::string(kUrlToken)}) {
        CAPTURE(secret);
        REQUIRE(secret.size() >= 8);
        CHECK_FALSE(payload.contains(secret));
        CHECK_FALSE(file.contains(secret));
    }
    CHECK(payload.contains("central.example/api"));
    // The newline after the block as JSON writes it.
    CHECK(payload.contains(R"(loaded [PEM block removed]\n from the wrong file)"));
}

TEST_CASE("an ID number and a mobile number planted in the log are masked in the bundle")
{
    Kiosk k;
    const auto path = k.write(k.out.path());
    REQUIRE(path);
    const std::string payload = decoded_payload(read_text(*path));
    CHECK_FALSE(payload.contains(kIdNumber));
    CHECK_FALSE(payload.contains(kIdNumber.substr(0, 17)));
    CHECK_FALSE(payload.contains(kIdNumberDigits));
    CHECK_FALSE(payload.contains(kPhone));
    CHECK(payload.contains("idcard: reader returned " + std::string(18, '*') + " to the wrong session"));
    CHECK(payload.contains("sms: " + std::string(11, '*') + " refused; id " + std::string(18, '*')));
}

TEST_CASE("a bundle with one byte of its payload changed fails to verify")
{
    Kiosk k;
    const auto path = k.write(k.out.path());
    REQUIRE(path);
    const std::string file = read_text(*path);
    REQUIRE(verify_diagnostic_bundle(file, k.identity.key()));

    std::string payload = decoded_payload(file);
    const std::size_t at = payload.find("\"counters\":{\"ratings\":40");
    REQUIRE(at != std::string::npos);
    payload[at + std::string("\"counters\":{\"ratings\":").size()] = '5'; // 40 ratings become 50
    const auto changed = verify_diagnostic_bundle(with_payload(file, payload), k.identity.key());
    REQUIRE_FALSE(changed);
    CHECK(changed.error().message == "the signature does not verify");
}

TEST_CASE("a bundle does not verify with another kiosk's key")
{
    Kiosk k;
    ScratchDir other_state;
    const auto other = hk::uplink::test::identity_in(other_state, KeyAlg::es256);
    const auto path = k.write(k.out.path());
    REQUIRE(path);
    const auto r = verify_diagnostic_bundle(read_text(*path), other.key());
    REQUIRE_FALSE(r);
    CHECK(r.error().message.contains("kid"));
}

TEST_CASE("a record's JWS or any other JSON is not taken for a bundle")
{
    Kiosk k;
    CHECK_FALSE(verify_diagnostic_bundle("{}", k.identity.key()));
    CHECK_FALSE(verify_diagnostic_bundle("not json", k.identity.key()));
    const auto path = k.write(k.out.path());
    REQUIRE(path);
    auto file = nlohmann::json::parse(read_text(*path));
    file["note"] = "added";
    CHECK_FALSE(verify_diagnostic_bundle(file.dump(), k.identity.key()));
}

TEST_CASE("a folder that is not there is refused as missing")
{
    Kiosk k;
    const auto r = k.write(k.out / "usb-stick");
    REQUIRE_FALSE(r);
    CHECK(r.error().failure == BundleFailure::folder_missing);
    CHECK(r.error().message.contains("usb-stick"));
    CHECK(entries(k.out.path()).empty());
}

TEST_CASE("a file, or a path through a file, is refused as not a folder")
{
    Kiosk k;
    hk::uplink::test::write_file(k.out / "notes.txt", "x");
    const auto file = k.write(k.out / "notes.txt");
    REQUIRE_FALSE(file);
    CHECK(file.error().failure == BundleFailure::not_a_folder);
    const auto through = k.write(k.out / "notes.txt" / "usb");
    REQUIRE_FALSE(through);
    CHECK(through.error().failure == BundleFailure::not_a_folder);
    CHECK(entries(k.out.path()).size() == 1);
}

TEST_CASE("a folder the kiosk may not write in is refused as not writable")
{
    Kiosk k;
    const auto locked = k.out / "locked";
    std::filesystem::create_directory(locked);
    ::chmod(k.out.path().c_str(), 0755);
    ::chmod(locked.c_str(), 0555);
    if (::geteuid() != 0) {
        const auto r = k.write(locked);
        REQUIRE_FALSE(r);
        CHECK(r.error().failure == BundleFailure::not_writable);
    } else {
        // Root writes whatever the mode says: the kiosk's own user (here nobody) does not.
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(2);
            const auto r = k.write(locked);
            ::_exit(!r && r.error().failure == BundleFailure::not_writable ? 0 : 1);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    CHECK(entries(locked).empty());
}

// A full disk cannot be made here without mounting one. The file size limit makes write() fail
// with EFBIG half way through instead, which takes the same path: the failure is "no space" and the
// half-written temporary file is removed. ENOSPC itself is not produced by this test.
TEST_CASE("storage that takes no more bytes is reported as no space and keeps no half file")
{
    Kiosk k;
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit old_limit{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
    rlimit small = old_limit;
    small.rlim_cur = 2048;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const auto r = k.write(k.out.path());
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    REQUIRE_FALSE(r);
    CHECK(r.error().failure == BundleFailure::no_space);
    CHECK(entries(k.out.path()).empty());
}

TEST_CASE("a bundle over the size limit is refused as too big and nothing is written")
{
    Kiosk k;
    k.facts.counters["runaway"] = std::string(kMaxBundleBytes, 'x');
    const auto r = k.write(k.out.path());
    REQUIRE_FALSE(r);
    CHECK(r.error().failure == BundleFailure::too_big);
    CHECK(entries(k.out.path()).empty());
}

TEST_CASE("runs of eleven or more digits are masked, shorter ones kept")
{
    CHECK(scrub_log_text("call 13800138000 now") == "call *********** now");
    CHECK(scrub_log_text("id 44030119900101123x.") == "id ******************.");
    CHECK(scrub_log_text("id 440301199001011234") == "id ******************");
    CHECK(scrub_log_text("seq 1234567890, 12345") == "seq 1234567890, 12345");
    CHECK(scrub_log_text("1380013800013800138000") == std::string(22, '*'));
    CHECK(scrub_log_text("打印机13800138000号") == "打印机***********号");
    CHECK(scrub_log_text("") == "");
}

TEST_CASE("a PEM block is removed up to its END line, or to the end when it has none")
{
    CHECK(scrub_log_text("key -----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY----- kept") ==
          "key [PEM block removed] kept");
    CHECK(scrub_log_text("a -----BEGIN CERTIFICATE-----\nMIIB\nMIIC") == "a [PEM block removed]");
    CHECK(scrub_log_text("-----BEGIN X-----\nA\n-----END X-----\n-----BEGIN Y-----\nB\n-----END Y-----") ==
          "[PEM block removed]\n[PEM block removed]");
}

TEST_CASE("the file name takes the kiosk id and the UTC second, safe for any file system")
{
    CHECK(diagnostic_file_name("kiosk-7", 1767225600) == "hallkiosk-diagnostics-kiosk-7-20260101T000000Z.json");
    CHECK(diagnostic_file_name("a/b c", 1767225600) == "hallkiosk-diagnostics-a_b_c-20260101T000000Z.json");
}
