// Demo mode's sample codes, one of each kind the kiosk tells apart, for this hall and this day:
// signed with a key standing in for the central platform's and the hall's queue system's (trusted
// in demo mode only, under its own key id). The key is made at start, or read from a file
// (--demo-key) that the demo's central side trusts too, so that it verifies the sample queue
// tickets that residents rate.
#pragma once

#include "demo_panel.hpp"
#include "error.hpp"
#include "evp.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hk::app {

struct DemoCode {
    ui::DemoCodeKind kind;
    std::string code;
    std::string aim_id;   // "]Q1" QR, "]C0" Code 128
    bool cut_off = false; // the scanner loses the scan's end (a broken cable, a code pulled away)
};

class DemoCodes {
public:
    static constexpr std::string_view kKeyId = "demo-central";

    // Samples for `hall` at `now` (unix seconds). The "used pass" sample's id is `used_pass_id()`:
    // the demo marks it used at start, as if it had been checked in earlier.
    // `key` signs them; without one, a key is made.
    static DemoCodes make(std::string_view hall, std::int64_t now, codes::PkeyPtr key = {});
    // A P-256 private key (PEM) for `make`.
    static Result<codes::PkeyPtr> load_key(const std::filesystem::path& file);

    const std::vector<DemoCode>& codes() const { return codes_; }
    EVP_PKEY* key() const { return key_.get(); }
    const std::string& used_pass_id() const { return used_pass_id_; }
    std::int64_t used_pass_exp() const { return used_pass_exp_; }

private:
    codes::PkeyPtr key_;
    std::vector<DemoCode> codes_;
    std::string used_pass_id_;
    std::int64_t used_pass_exp_ = 0;
};

} // namespace hk::app
