// A simulated resident ID card reader: the card security module (SAM) answering its serial
// protocol (frames `AA AA AA 96 69 | LEN | CMD PARA | data | CHK`, replies with three status
// bytes), over vendor bulk endpoints or over CDC-ACM. A test or the demo panel places and takes
// away sample cards.
#pragma once

#include "usb_device.hpp"

#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <thread>
#include <mutex>
#include <optional>
#include <string>

namespace hk::sim {

// A card as the module returns it: the 256-byte text block (UCS-2 little endian) and the
// 1024-byte photo; optional fingerprint data and appended address.
struct SampleCard {
    std::vector<std::uint8_t> text;   // 256 bytes
    std::vector<std::uint8_t> photo;  // 1024 bytes
    std::vector<std::uint8_t> fingerprint; // empty, or 1024 bytes
    std::string appended_address;     // empty if none
};

// A fictional resident's card. Fields in UTF-8; written space-padded into their fixed places.
struct ResidentFields {
    std::string name;
    char sex = '1';           // '1' male, '2' female
    std::string ethnic = "01";
    std::string birth;        // YYYYMMDD
    std::string address;
    std::string id_number;    // 18 characters
    std::string authority;
    std::string valid_from;   // YYYYMMDD
    std::string valid_to;     // YYYYMMDD or 长期
};
SampleCard resident_card(const ResidentFields& f);

// A fictional Hong Kong, Macao or Taiwan resident's residence permit (card kind 'J').
struct PermitFields {
    ResidentFields person;     // ethnic group unused; id_number starts 81 (HK), 82 (Macao), 83 (Taiwan)
    std::string pass_number;   // the home-return / Taiwan compatriot pass number
    std::string issue_count;   // "01", "02", ...
};
SampleCard permit_card(const PermitFields& f);

// A fictional foreigner's permanent residence card: the 2017 layout (kind 'I') or the 2023 one
// (kind 'Y').
struct ForeignerFields {
    std::string english_name; // up to 60 characters (2017); 35 + 11 in two parts (2023)
    std::string chinese_name;
    char sex = '1';
    std::string number;       // 2017: 15-character permit number; 2023: 18-character ID number
    std::string nationality;  // ISO 3166-1 alpha-3, e.g. "CAN"
    std::string birth;        // YYYYMMDD
    std::string valid_from, valid_to;
    std::string authority_code = "1500";   // 2017 only
    std::string renewal_count = "00";      // 2023 only
};
SampleCard foreigner_card_2017(const ForeignerFields& f);
SampleCard foreigner_card_2023(const ForeignerFields& f);

// Faults a test or the demo panel switches on. One-shot faults clear after they happened once.
enum class ReaderFault {
    none,
    card_not_found, // a card lies on the reader but the module cannot see it (placed badly)
    card_moved,     // one-shot: the next read fails mid-way and the card must be found again
    bad_checksum,   // one-shot: the next reply's checksum is wrong
    module_fault,   // the module answers every command with "self-test failed"
};

// How long the module takes to answer, as a real one does (RF and cryptography on the card,
// then 115200 baud for the bytes). Zero in tests; realistic for the demo and the benchmark.
struct ModuleTiming {
    std::chrono::milliseconds find{0}, select{0}, read{0}, address{0}, other{0};
    static ModuleTiming realistic()
    {
        using std::chrono::milliseconds;
        return {milliseconds(25), milliseconds(20), milliseconds(650), milliseconds(90), milliseconds(10)};
    }
    // How long the module takes to answer `cmd` `para`.
    std::chrono::milliseconds of(std::uint8_t cmd, std::uint8_t para) const
    {
        if (cmd == 0x20)
            return para == 0x01 ? find : select;
        if (cmd == 0x30)
            return para == 0x03 ? address : read;
        return other;
    }
};

class IdCardReaderSim final : public UsbDevice {
public:
    enum class Link { vendor_bulk, cdc_acm };
    static constexpr std::uint8_t kOut = 0x02;
    static constexpr std::uint8_t kIn = 0x81;

    explicit IdCardReaderSim(Link link = Link::vendor_bulk, ModuleTiming timing = {}) : link_(link), timing_(timing) {}
    ~IdCardReaderSim() override;

    DeviceIds ids() const override;
    std::vector<Interface> interfaces() const override;
    void receive(std::uint8_t ep, std::span<const std::uint8_t> data) override;
    std::vector<std::uint8_t> send(std::uint8_t ep, std::size_t max) override;
    std::optional<std::vector<std::uint8_t>> control(const SetupPacket& s, std::span<const std::uint8_t>) override;

    void place(SampleCard card);
    void take_away();
    bool card_placed() const;
    void set_fault(ReaderFault f);
    // Commands received (CMD << 8 | PARA), oldest first, and when each was received.
    std::vector<std::uint16_t> commands() const;
    std::vector<std::chrono::steady_clock::time_point> command_times() const;
    // CDC-ACM: the line coding the host set (SET_LINE_CODING's 7 bytes).
    std::array<std::uint8_t, 7> line_coding() const;

    // The module's UART runs at 115200 8N1 (CDC-ACM only). The bridge powers up at 9600 8N1;
    // until the host sets the module's line coding, what it sends arrives garbled and the
    // module hears nothing.
    static constexpr std::array<std::uint8_t, 7> kModuleLine{0x00, 0xC2, 0x01, 0x00, 0x00, 0x00, 0x08};
    static constexpr std::array<std::uint8_t, 7> kPowerOnLine{0x80, 0x25, 0x00, 0x00, 0x00, 0x00, 0x08};

private:
    void answer(std::uint8_t cmd, std::uint8_t para, std::span<const std::uint8_t> data);
    void reply(std::uint8_t sw3, std::span<const std::uint8_t> data = {});

    // A reply is released to the host when its time has come; a timer wakes the host then.
    struct Pending {
        std::chrono::steady_clock::time_point at;
        std::vector<std::uint8_t> bytes;
    };
    void release_due();
    void timer_loop();

    const Link link_;
    const ModuleTiming timing_;
    mutable std::mutex mu_;
    std::condition_variable timer_cv_;
    std::deque<Pending> pending_;
    std::thread timer_;
    bool stopping_ = false;
    ReaderFault fault_ = ReaderFault::none;
    std::vector<std::uint16_t> commands_;
    std::vector<std::chrono::steady_clock::time_point> command_times_;
    std::chrono::milliseconds delay_{0}; // of the reply being made
    std::array<std::uint8_t, 7> line_ = kPowerOnLine;
    std::optional<SampleCard> card_;
    bool selected_ = false;
    std::vector<std::uint8_t> in_;   // host bytes not yet a whole frame
    std::deque<std::uint8_t> out_;   // reply bytes not yet read
};

} // namespace hk::sim
