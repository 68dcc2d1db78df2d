// The diagnostic bundle staff export from maintenance mode: the recent log, the configuration
// without secrets, device states, counters and sync figures in one file, signed by the kiosk's
// key so that the district can tell it comes from this kiosk and is as the kiosk wrote it.
// docs/diagnostics.md describes the format.
#pragma once

#include "config.hpp"
#include "device_identity.hpp"
#include "log_ring.hpp"

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hk::app {

inline constexpr std::string_view kDiagnosticsTyp = "hk-diagnostics+jws";
inline constexpr std::string_view kDiagnosticsFormat = "hallkiosk-diagnostics/1";
// The whole file. 2000 log lines of at most LogRing::kMaxTextBytes fit several times over; a
// bundle past this means the caller's devices, counters or sync hold something they should not.
inline constexpr std::size_t kMaxBundleBytes = 8 * 1024 * 1024;

// What the caller gathers at the moment of export. The kiosk and hall ids come from the config.
struct DiagnosticFacts {
    std::string program_version;
    std::int64_t created_unix_s = 0;
    std::vector<LogLine> log; // oldest first, as recent_log() gives them
    // As the caller reports them (objects, written as given): each device's state, the kiosk's
    // counters, the sync loop's figures. They must hold no personal data: only the log is scrubbed.
    nlohmann::json devices = nlohmann::json::object();
    nlohmann::json counters = nlohmann::json::object();
    nlohmann::json sync = nlohmann::json::object();
};

// `text` with every run of 11 or more ASCII digits (a mobile number, an ID number, with the X an
// 18-character ID number may end in) turned into as many '*', and every PEM block, from
// "-----BEGIN " to the end of its "-----END …-----" line (or to the end of the text when there is
// none), replaced by "[PEM block removed]". Nothing else changes.
std::string scrub_log_text(std::string_view text);

// The payload the bundle signs: format, kiosk, hall, program version, created (RFC 3339 and unix
// seconds), identity (the key's algorithm and kid, the certificate's subject and expiry), config
// (support_config), devices, counters, sync, and log with each line scrubbed.
nlohmann::json diagnostic_payload(const KioskConfig& config, const DiagnosticFacts& facts,
                                  const uplink::DeviceIdentity& identity);

// "hallkiosk-diagnostics-<kiosk>-<YYYYMMDDTHHMMSSZ>.json"; a character of the kiosk id other than
// a letter, digit, '_' or '-' becomes '_' (config allows none, but this names a file).
std::string diagnostic_file_name(std::string_view kiosk_id, std::int64_t created_unix_s);

// The text of a bundle file: `payload` signed by `identity` as a JWS in the flattened JSON
// serialisation (RFC 7515 section 7.2.2) with typ kDiagnosticsTyp.
[[nodiscard]] Result<std::string> sign_diagnostics(const nlohmann::json& payload,
                                                   const uplink::DeviceIdentity& identity);

// Why an export failed, for the screen to say what staff can do about it.
enum class BundleFailure {
    folder_missing, // the folder is not there (a USB stick not mounted, a path mistyped)
    not_a_folder,   // the path, or a part of it, is a file
    not_writable,   // read-only media, or the kiosk may not write there
    no_space,       // the storage is full or takes no file this large
    too_big,        // the bundle is over kMaxBundleBytes
    failed,         // anything else (signing, the storage pulled out mid-write): the message says
};

struct BundleError {
    BundleFailure failure = BundleFailure::failed;
    std::string message; // one sentence naming the path
};

template <typename T> using BundleResult = std::expected<T, BundleError>;

// Builds, signs and writes the bundle into `folder` as diagnostic_file_name(...); returns the
// file's path. The file appears whole or not at all (written aside, flushed, renamed); a bundle
// of the same kiosk and second is replaced. Blocks on the disk: call it off the UI thread.
[[nodiscard]] BundleResult<std::filesystem::path> write_diagnostic_bundle(const std::filesystem::path& folder,
                                                                          const KioskConfig& config,
                                                                          const DiagnosticFacts& facts,
                                                                          const uplink::DeviceIdentity& identity);

struct VerifiedDiagnostics {
    nlohmann::json payload; // an object whose format is kDiagnosticsFormat
    std::string kid;        // of the key that signed it
};

// Checks a bundle's text against the public key the kiosk registered: exactly protected, payload
// and signature, each strict base64url; a protected header of exactly alg (the key's), kid (its
// thumbprint) and typ (kDiagnosticsTyp); the signature; then the payload, a JSON object of
// kDiagnosticsFormat. Nothing of the payload is read before the signature verifies.
[[nodiscard]] Result<VerifiedDiagnostics> verify_diagnostic_bundle(std::string_view text, EVP_PKEY* public_key);
[[nodiscard]] Result<VerifiedDiagnostics> verify_diagnostic_bundle(std::string_view text,
                                                                   const nlohmann::json& public_jwk);

} // namespace hk::app
