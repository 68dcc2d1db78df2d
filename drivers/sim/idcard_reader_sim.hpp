// A simulated resident ID card reader: the card security module (SAM) answering its serial
// protocol (frames `AA AA AA 96 69 | LEN | CMD PARA | data | CHK`, replies with three status
// bytes), over vendor bulk endpoints or over CDC-ACM. A test or the demo panel places and takes
// away sample cards.
#pragma once

#include "usb_device.hpp"

#include <array>
#include <deque>
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

class IdCardReaderSim final : public UsbDevice {
public:
    enum class Link { vendor_bulk, cdc_acm };
    static constexpr std::uint8_t kOut = 0x02;
    static constexpr std::uint8_t kIn = 0x81;

    explicit IdCardReaderSim(Link link = Link::vendor_bulk) : link_(link) {}

    DeviceIds ids() const override;
    std::vector<Interface> interfaces() const override;
    void receive(std::uint8_t ep, std::span<const std::uint8_t> data) override;
    std::vector<std::uint8_t> send(std::uint8_t ep, std::size_t max) override;
    std::optional<std::vector<std::uint8_t>> control(const SetupPacket& s, std::span<const std::uint8_t>) override;

    void place(SampleCard card);
    void take_away();
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

    const Link link_;
    mutable std::mutex mu_;
    std::array<std::uint8_t, 7> line_ = kPowerOnLine;
    std::optional<SampleCard> card_;
    bool selected_ = false;
    std::vector<std::uint8_t> in_;   // host bytes not yet a whole frame
    std::deque<std::uint8_t> out_;   // reply bytes not yet read
};

} // namespace hk::sim
