// Building, signing, writing and checking diagnostic bundles (see diagnostic_bundle.hpp).
#include "diagnostic_bundle.hpp"

#include "support_config.hpp"

#include "base64url.hpp"
#include "durable_file.hpp"
#include "jwk.hpp"
#include "key_alg.hpp"
#include "rfc3339.hpp"
#include "signature.hpp"
#include "strict_json.hpp"

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <optional>
#include <span>

namespace hk::app {

namespace {

constexpr std::size_t kMinMaskedDigits = 11; // a mainland mobile number; ID numbers have 15 or 18
constexpr std::string_view kPemBegin = "-----BEGIN";
constexpr std::string_view kPemEnd = "-----END";
constexpr std::string_view kPemDashes = "-----";
constexpr std::string_view kPemRemoved = "[PEM block removed]";

bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

std::span<const std::uint8_t> bytes_of(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string_view text_of(const std::vector<std::uint8_t>& b)
{
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Where the PEM block starting at `begin` ends: after the dashes that close its END line.
std::size_t pem_block_end(std::string_view text, std::size_t begin)
{
    const std::size_t end_line = text.find(kPemEnd, begin + kPemBegin.size());
    if (end_line == std::string_view::npos)
        return text.size();
    const std::size_t dashes = text.find(kPemDashes, end_line + kPemEnd.size());
    return dashes == std::string_view::npos ? text.size() : dashes + kPemDashes.size();
}

std::unexpected<BundleError> refuse(BundleFailure failure, std::string message)
{
    return std::unexpected(BundleError{failure, std::move(message)});
}

BundleFailure failure_of(int os_error)
{
    switch (os_error) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG: return BundleFailure::no_space;
    case EROFS:
    case EACCES:
    case EPERM: return BundleFailure::not_writable;
    case ENOENT: return BundleFailure::folder_missing;
    case ENOTDIR: return BundleFailure::not_a_folder;
    default: return BundleFailure::failed;
    }
}

// The folder is there, is a folder, and the kiosk may write in it. For root access() still
// answers EROFS on read-only media; a permission refused shows when the file is created.
std::optional<BundleError> folder_problem(const std::filesystem::path& folder)
{
    const std::string name = folder.string();
    struct stat st {};
    if (::stat(name.c_str(), &st) != 0) {
        switch (errno) {
        case ENOENT: return BundleError{BundleFailure::folder_missing, "there is no folder " + name};
        case ENOTDIR:
            return BundleError{BundleFailure::not_a_folder, name + " is not a folder: a part of it is a file"};
        case EACCES: return BundleError{BundleFailure::not_writable, "the kiosk may not open the folder " + name};
        default: return BundleError{BundleFailure::failed, "cannot open " + name + ": " + std::strerror(errno)};
        }
    }
    if (!S_ISDIR(st.st_mode))
        return BundleError{BundleFailure::not_a_folder, name + " is a file, not a folder"};
    if (::access(name.c_str(), W_OK | X_OK) != 0) {
        if (errno == EROFS)
            return BundleError{BundleFailure::not_writable, name + " is on read-only storage"};
        return BundleError{BundleFailure::not_writable, "the kiosk may not write in " + name};
    }
    return std::nullopt;
}

nlohmann::json log_json(const std::vector<LogLine>& log, int& scrubbed)
{
    nlohmann::json lines = nlohmann::json::array();
    for (const LogLine& line : log) {
        std::string text = scrub_log_text(line.text);
        if (text != line.text)
            ++scrubbed;
        lines.push_back(
            nlohmann::json{{"at_ms", line.at_ms}, {"level", log_level_name(line.level)}, {"text", std::move(text)}});
    }
    return lines;
}

} // namespace

std::string scrub_log_text(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.substr(i).starts_with(kPemBegin)) {
            out += kPemRemoved;
            i = pem_block_end(text, i);
            continue;
        }
        if (!is_digit(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && is_digit(text[j]))
            ++j;
        if (j - i < kMinMaskedDigits) {
            out += text.substr(i, j - i);
        } else {
            if (j < text.size() && (text[j] == 'X' || text[j] == 'x'))
                ++j; // GB 11643's check character
            out.append(j - i, '*');
        }
        i = j;
    }
    return out;
}

nlohmann::json diagnostic_payload(const KioskConfig& config, const DiagnosticFacts& facts,
                                  const uplink::DeviceIdentity& identity)
{
    int scrubbed = 0;
    nlohmann::json log = log_json(facts.log, scrubbed);
    nlohmann::json certificate = nullptr;
    if (const auto& c = identity.certificate())
        certificate = {{"subject", c->subject}, {"not_after", c->not_after}};
    return nlohmann::json{
        {"format", kDiagnosticsFormat},
        {"kiosk", config.kiosk_id},
        {"hall", config.hall_id},
        {"program_version", facts.program_version},
        {"created", uplink::format_rfc3339_utc(facts.created_unix_s)},
        {"created_unix", facts.created_unix_s},
        {"identity",
         {{"algorithm", uplink::key_alg_name(identity.alg())}, {"kid", identity.kid()}, {"certificate", certificate}}},
        {"config", support_config(config)},
        {"devices", facts.devices},
        {"counters", facts.counters},
        {"sync", facts.sync},
        {"log", std::move(log)},
        {"log_lines_scrubbed", scrubbed},
    };
}

std::string diagnostic_file_name(std::string_view kiosk_id, std::int64_t created_unix_s)
{
    std::string kiosk(kiosk_id);
    for (char& c : kiosk)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-'))
            c = '_';
    const auto t = static_cast<std::time_t>(created_unix_s);
    std::tm utc{};
    ::gmtime_r(&t, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    return "hallkiosk-diagnostics-" + kiosk + "-" + stamp + ".json";
}

Result<std::string> sign_diagnostics(const nlohmann::json& payload, const uplink::DeviceIdentity& identity)
{
    const std::string header = nlohmann::json{
        {"alg", uplink::jws_alg(identity.alg())},
        {"kid", identity.kid()},
        {"typ", kDiagnosticsTyp}}.dump();
    // Text that is not UTF-8 (a device's bytes in a log line) becomes U+FFFD rather than failing
    // the export.
    const std::string payload_text = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string signing_input = codes::base64url_encode(bytes_of(header));
    const std::size_t dot = signing_input.size();
    signing_input += '.';
    signing_input += codes::base64url_encode(bytes_of(payload_text));
    auto signature = identity.sign(signing_input);
    if (!signature)
        return fail("cannot sign the bundle: " + signature.error().message);
    const nlohmann::json file{{"protected", signing_input.substr(0, dot)},
                              {"payload", signing_input.substr(dot + 1)},
                              {"signature", codes::base64url_encode(*signature)}};
    return file.dump(2) + "\n";
}

BundleResult<std::filesystem::path> write_diagnostic_bundle(const std::filesystem::path& folder,
                                                            const KioskConfig& config, const DiagnosticFacts& facts,
                                                            const uplink::DeviceIdentity& identity)
{
    if (auto problem = folder_problem(folder))
        return std::unexpected(std::move(*problem));
    auto text = sign_diagnostics(diagnostic_payload(config, facts, identity), identity);
    if (!text)
        return refuse(BundleFailure::failed, text.error().message);
    if (text->size() > kMaxBundleBytes)
        return refuse(BundleFailure::too_big, "the bundle would take " + std::to_string(text->size()) +
                                                  " bytes, more than the " + std::to_string(kMaxBundleBytes) +
                                                  " a bundle may");
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) == 0 &&
        static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize < static_cast<std::uint64_t>(text->size()))
        return refuse(BundleFailure::no_space, "there is no room for the bundle's " + std::to_string(text->size()) +
                                                   " bytes in " + folder.string());
    const std::filesystem::path path = folder / diagnostic_file_name(config.kiosk_id, facts.created_unix_s);
    int os_error = 0;
    if (auto written = uplink::write_file_durably(path, *text, 0644, uplink::Existing::replace, os_error); !written)
        return refuse(failure_of(os_error), written.error().message);
    return path;
}

Result<VerifiedDiagnostics> verify_diagnostic_bundle(std::string_view text, EVP_PKEY* public_key)
{
    if (text.size() > kMaxBundleBytes)
        return fail("the bundle is larger than " + std::to_string(kMaxBundleBytes) + " bytes");
    auto file = uplink::parse_strict_object(text);
    if (!file)
        return fail("the bundle: " + file.error().message);
    const auto part = [&](const char* name) -> const std::string* {
        const auto it = file->find(name);
        return it != file->end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
    };
    const std::string* protected_b64 = part("protected");
    const std::string* payload_b64 = part("payload");
    const std::string* signature_b64 = part("signature");
    if (file->size() != 3 || !protected_b64 || !payload_b64 || !signature_b64)
        return fail("the bundle is not exactly protected, payload and signature, as strings");
    const auto header_bytes = codes::base64url_decode(*protected_b64);
    const auto payload_bytes = codes::base64url_decode(*payload_b64);
    const auto signature = codes::base64url_decode(*signature_b64);
    if (!header_bytes || !payload_bytes || !signature)
        return fail("a part of the bundle is not strict base64url");

    auto header = uplink::parse_strict_object(text_of(*header_bytes));
    if (!header)
        return fail("the protected header: " + header.error().message);
    const auto key_alg = uplink::key_alg_of(public_key);
    if (!key_alg)
        return fail("the kiosk's key is neither P-256, Ed25519 nor SM2");
    const auto header_string = [&](const char* name) -> const std::string* {
        const auto it = header->find(name);
        return it != header->end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
    };
    const std::string* alg = header_string("alg");
    const std::string* kid = header_string("kid");
    const std::string* typ = header_string("typ");
    if (header->size() != 3 || !alg || !kid || !typ)
        return fail("the protected header is not exactly alg, kid and typ, as strings");
    if (*typ != kDiagnosticsTyp)
        return fail("the protected header's typ is not " + std::string(kDiagnosticsTyp));
    if (*alg != uplink::jws_alg(*key_alg))
        return fail("the bundle says alg " + *alg + " while the kiosk's key is " +
                    std::string(uplink::jws_alg(*key_alg)));
    auto thumbprint = uplink::key_thumbprint(public_key);
    if (!thumbprint)
        return std::unexpected(thumbprint.error());
    if (*kid != *thumbprint)
        return fail("the bundle's kid is not the kiosk's key");
    const std::string signing_input = *protected_b64 + "." + *payload_b64;
    if (!uplink::verify_bytes(public_key, *key_alg, bytes_of(signing_input), *signature))
        return fail("the signature does not verify");

    auto payload = uplink::parse_strict_object(text_of(*payload_bytes));
    if (!payload)
        return fail("the payload: " + payload.error().message);
    const auto format = payload->find("format");
    if (format == payload->end() || !format->is_string() || format->get_ref<const std::string&>() != kDiagnosticsFormat)
        return fail("the payload's format is not " + std::string(kDiagnosticsFormat));
    return VerifiedDiagnostics{std::move(*payload), *thumbprint};
}

Result<VerifiedDiagnostics> verify_diagnostic_bundle(std::string_view text, const nlohmann::json& public_jwk)
{
    auto key = uplink::jwk_to_pkey(public_jwk);
    if (!key)
        return fail("the kiosk's key: " + key.error().message);
    return verify_diagnostic_bundle(text, key->get());
}

} // namespace hk::app
