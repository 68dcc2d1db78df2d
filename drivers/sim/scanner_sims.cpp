// The simulated scanners (see scanner_sims.hpp).
#include "scanner_sims.hpp"

#include "cdc_acm.hpp"

#include <algorithm>
#include <utility>

namespace hk::sim {
namespace {

constexpr std::uint8_t kHidClass = 0x03;
constexpr std::uint8_t kBootSubclass = 0x01;
constexpr std::uint8_t kKeyboardProtocol = 0x01;
// HID 1.11 §7.1: GET_DESCRIPTOR (standard, to the interface) for the report descriptor.
constexpr std::uint8_t kGetDescriptor = 0x06;
constexpr std::uint8_t kReportDescriptorType = 0x22;

// HID POS scanned data report (usage page 0x8C, usage 0x12), as the descriptor below declares.
constexpr std::uint8_t kScannedDataReportId = 0x02;
constexpr std::size_t kDataBytesPerReport = 56; // bytes 4..59

// HID usage tables §10 (keyboard page): a–z 0x04–0x1D, 1–9 0x1E–0x26, 0 0x27, Enter 0x28, space 0x2C.
struct Key {
    std::uint8_t usage;
    bool shift;
};

std::optional<Key> key_for(char c)
{
    if (c >= 'a' && c <= 'z')
        return Key{static_cast<std::uint8_t>(0x04 + (c - 'a')), false};
    if (c >= 'A' && c <= 'Z')
        return Key{static_cast<std::uint8_t>(0x04 + (c - 'A')), true};
    if (c >= '1' && c <= '9')
        return Key{static_cast<std::uint8_t>(0x1E + (c - '1')), false};
    if (c == '0')
        return Key{0x27, false};
    if (c == ' ')
        return Key{0x2C, false};
    // US layout punctuation.
    static constexpr struct {
        char c;
        std::uint8_t usage;
        bool shift;
    } kPunct[] = {{'-', 0x2D, false}, {'_', 0x2D, true},  {'=', 0x2E, false}, {'+', 0x2E, true},
                  {'[', 0x2F, false}, {'{', 0x2F, true},  {']', 0x30, false}, {'}', 0x30, true},
                  {'\\', 0x31, false}, {'|', 0x31, true}, {';', 0x33, false}, {':', 0x33, true},
                  {'\'', 0x34, false}, {'"', 0x34, true}, {'`', 0x35, false}, {'~', 0x35, true},
                  {',', 0x36, false}, {'<', 0x36, true},  {'.', 0x37, false}, {'>', 0x37, true},
                  {'/', 0x38, false}, {'?', 0x38, true},  {'!', 0x1E, true},  {'@', 0x1F, true},
                  {'#', 0x20, true},  {'$', 0x21, true},  {'%', 0x22, true},  {'^', 0x23, true},
                  {'&', 0x24, true},  {'*', 0x25, true},  {'(', 0x26, true},  {')', 0x27, true}};
    for (const auto& p : kPunct)
        if (p.c == c)
            return Key{p.usage, p.shift};
    return std::nullopt;
}

} // namespace

void ScannerSim::set_fault(ScannerFault f)
{
    std::lock_guard lock(mu_);
    fault_ = f;
}

std::size_t ScannerSim::queued() const
{
    std::lock_guard lock(mu_);
    return reports_.size();
}

void ScannerSim::scan(const std::string& code, const std::string& aim_id)
{
    {
        std::lock_guard lock(mu_);
        const bool partial = std::exchange(fault_, ScannerFault::none) == ScannerFault::partial_report;
        for (auto& r : reports_for(code, aim_id, partial))
            reports_.push_back(std::move(r));
    }
    data_ready();
}

std::vector<std::uint8_t> ScannerSim::send(std::uint8_t ep, std::size_t max)
{
    if (ep != kIn)
        return {};
    std::lock_guard lock(mu_);
    if (reports_.empty())
        return {};
    // One report per interrupt transfer, as a HID device sends them.
    std::vector<std::uint8_t> r = std::move(reports_.front());
    reports_.pop_front();
    if (r.size() > max)
        r.resize(max);
    return r;
}

std::vector<Interface> HidPosScannerSim::interfaces() const
{
    return {Interface{kHidClass, 0, 0, {Endpoint{kIn, kInterrupt, kReportSize, 1}}}};
}

std::vector<std::uint8_t> hid_pos_report_descriptor()
{
    // Usage Page (Bar Code Scanner 0x8C), Usage (Bar Code Scanner 0x02), Collection (Application),
    //   Report ID 2, Usage (Scanned Data Report 0x12), 63 bytes of input, End Collection.
    return {0x06, 0x8C, 0x00, 0x09, 0x02, 0xA1, 0x01, 0x85, kScannedDataReportId, 0x09, 0x12,
            0x15, 0x00, 0x26, 0xFF, 0x00, 0x75, 0x08, 0x95, 0x3F, 0x81, 0x02, 0xC0};
}

std::optional<std::vector<std::uint8_t>> HidPosScannerSim::control(const SetupPacket& s, std::span<const std::uint8_t>)
{
    if (s.request_type == 0x81 && s.request == kGetDescriptor && (s.value >> 8) == kReportDescriptorType)
        return hid_pos_report_descriptor();
    return std::nullopt;
}

std::vector<std::vector<std::uint8_t>> HidPosScannerSim::reports_for(const std::string& code, const std::string& aim_id,
                                                                      bool partial)
{
    std::vector<std::vector<std::uint8_t>> out;
    std::size_t pos = 0;
    do {
        const std::size_t n = std::min(kDataBytesPerReport, code.size() - pos);
        std::vector<std::uint8_t> r(kReportSize, 0);
        r[0] = kScannedDataReportId;
        r[1] = static_cast<std::uint8_t>(n); // after the report id: byte 0 length
        for (std::size_t i = 0; i < 3 && i < aim_id.size(); ++i)
            r[2 + i] = static_cast<std::uint8_t>(aim_id[i]);
        std::copy_n(code.begin() + static_cast<std::ptrdiff_t>(pos), n, r.begin() + 5);
        pos += n;
        r[63] = pos < code.size() ? 1 : 0; // byte 62 after the id: more reports follow
        out.push_back(std::move(r));
    } while (pos < code.size());
    if (partial) {
        // The last report is lost; a code of one report goes out saying more follow.
        if (out.size() > 1)
            out.pop_back();
        else
            out.back()[63] = 1;
    }
    return out;
}

std::vector<Interface> WedgeScannerSim::interfaces() const
{
    return {Interface{kHidClass, kBootSubclass, kKeyboardProtocol, {Endpoint{kIn, kInterrupt, 8, 1}}}};
}

std::vector<std::vector<std::uint8_t>> WedgeScannerSim::reports_for(const std::string& code, const std::string&,
                                                                     bool partial)
{
    constexpr std::uint8_t kLeftShift = 0x02;
    std::vector<std::vector<std::uint8_t>> out;
    auto press = [&](Key k) {
        out.push_back({static_cast<std::uint8_t>(k.shift ? kLeftShift : 0), 0, k.usage, 0, 0, 0, 0, 0});
        out.push_back(std::vector<std::uint8_t>(8, 0)); // all keys up
    };
    for (char c : code)
        if (auto k = key_for(c))
            press(*k);
    if (!partial)
        press(Key{0x28, false}); // Enter ends the code
    return out;
}

std::vector<Interface> SerialScannerSim::interfaces() const
{
    // CDC-ACM: a communication interface (class 2, ACM, AT commands) with its notification
    // endpoint, and a data interface (class 0x0A) with the bulk pair.
    return {Interface{0x02, 0x02, 0x01, {Endpoint{0x83, kInterrupt, 16, 10}}},
            Interface{usb::cdc::kDataClass, 0, 0, {Endpoint{kOut, kBulk, kPacket, 0}, Endpoint{kIn, kBulk, kPacket, 0}}}};
}

std::optional<std::vector<std::uint8_t>> SerialScannerSim::control(const SetupPacket& s,
                                                                   std::span<const std::uint8_t> data)
{
    if (s.request_type == usb::cdc::kToInterface && s.request == usb::cdc::kSetLineCoding) {
        // dwDTERate (4, little endian), bCharFormat, bParityType, bDataBits (CDC PSTN 1.2
        // §6.3.10). The scanner has no UART behind it: any line is fine.
        if (data.size() != 7)
            return std::nullopt;
        line_set_ = true;
        data_ready(); // codes scanned before now can go
        return std::vector<std::uint8_t>{};
    }
    if (s.request_type == usb::cdc::kToInterface && s.request == usb::cdc::kSetControlLineState)
        return std::vector<std::uint8_t>{};
    return std::nullopt;
}

std::vector<std::uint8_t> SerialScannerSim::send(std::uint8_t ep, std::size_t max)
{
    if (!line_set_)
        return {};
    return ScannerSim::send(ep, max);
}

std::vector<std::vector<std::uint8_t>> SerialScannerSim::reports_for(const std::string& code, const std::string&,
                                                                     bool partial)
{
    const std::string bytes = partial ? code : code + suffix_;
    std::vector<std::vector<std::uint8_t>> out;
    for (std::size_t at = 0; at < bytes.size(); at += kPacket) {
        const std::size_t n = std::min(kPacket, bytes.size() - at);
        out.emplace_back(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                         bytes.begin() + static_cast<std::ptrdiff_t>(at + n));
    }
    return out;
}

} // namespace hk::sim
