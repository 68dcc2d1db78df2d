// The simulated ID card reader (see idcard_reader_sim.hpp). Frame layout and status codes as
// in the module's published protocol (GA 467 style).
#include "idcard_reader_sim.hpp"

#include "utf8.hpp"

#include <algorithm>

namespace hk::sim {
namespace {

constexpr std::uint8_t kPreamble[] = {0xAA, 0xAA, 0xAA, 0x96, 0x69};
constexpr std::size_t kHeader = 7; // preamble and the two length bytes

// SW3 status codes (SW1 = SW2 = 00).
constexpr std::uint8_t kOk = 0x90;
constexpr std::uint8_t kNoSuchItem = 0x91;
constexpr std::uint8_t kCardFound = 0x9F;
constexpr std::uint8_t kChecksumError = 0x10;
constexpr std::uint8_t kLengthError = 0x11;
constexpr std::uint8_t kBadCommand = 0x21;
constexpr std::uint8_t kFindFailed = 0x80;
constexpr std::uint8_t kSelectFailed = 0x81;
constexpr std::uint8_t kReadFailed = 0x41;

// CDC 1.2 class requests the host sends to a serial adapter.
constexpr std::uint8_t kSetLineCoding = 0x20;
constexpr std::uint8_t kGetLineCoding = 0x21;
constexpr std::uint8_t kSetControlLineState = 0x22;

void put_ucs2(std::vector<std::uint8_t>& block, std::size_t offset, std::size_t bytes, std::string_view utf8)
{
    std::size_t pos = 0, at = offset;
    while (pos < utf8.size() && at + 1 < offset + bytes) {
        const char32_t c = utf8::next(utf8, pos);
        const auto u = static_cast<std::uint16_t>(c <= 0xFFFF ? c : 0xFFFD);
        block[at++] = static_cast<std::uint8_t>(u & 0xFF);
        block[at++] = static_cast<std::uint8_t>(u >> 8);
    }
}

} // namespace

SampleCard resident_card(const ResidentFields& f)
{
    SampleCard card;
    // Space padded (U+0020, little endian).
    card.text.resize(256);
    for (std::size_t i = 0; i < card.text.size(); i += 2) {
        card.text[i] = 0x20;
        card.text[i + 1] = 0x00;
    }
    put_ucs2(card.text, 0, 30, f.name);
    put_ucs2(card.text, 30, 2, std::string(1, f.sex));
    put_ucs2(card.text, 32, 4, f.ethnic);
    put_ucs2(card.text, 36, 16, f.birth);
    put_ucs2(card.text, 52, 70, f.address);
    put_ucs2(card.text, 122, 36, f.id_number);
    put_ucs2(card.text, 158, 30, f.authority);
    put_ucs2(card.text, 188, 16, f.valid_from);
    put_ucs2(card.text, 204, 16, f.valid_to);
    // A photo the module would hand over encoded ("WLT"); the simulator's is a marked pattern.
    card.photo.resize(1024);
    card.photo[0] = 'W';
    card.photo[1] = 'L';
    for (std::size_t i = 2; i < card.photo.size(); ++i)
        card.photo[i] = static_cast<std::uint8_t>(i * 7);
    return card;
}

DeviceIds IdCardReaderSim::ids() const
{
    return link_ == Link::vendor_bulk ? DeviceIds{0x0400, 0xC35A, 0x0100} : DeviceIds{0x10C4, 0xEA60, 0x0100};
}

std::vector<Interface> IdCardReaderSim::interfaces() const
{
    const std::vector<Endpoint> bulk{Endpoint{kOut, kBulk, 64, 0}, Endpoint{kIn, kBulk, 64, 0}};
    if (link_ == Link::vendor_bulk)
        return {Interface{0xFF, 0, 0, bulk}};
    // CDC-ACM: a communication interface (class 2, ACM, AT commands) with its notification
    // endpoint, and a data interface (class 0x0A) with the bulk pair.
    return {Interface{0x02, 0x02, 0x01, {Endpoint{0x83, kInterrupt, 16, 10}}}, Interface{0x0A, 0, 0, bulk}};
}

std::optional<std::vector<std::uint8_t>> IdCardReaderSim::control(const SetupPacket& s,
                                                                  std::span<const std::uint8_t> data)
{
    if (link_ != Link::cdc_acm)
        return std::nullopt;
    std::lock_guard lock(mu_);
    if (s.request_type == 0x21 && s.request == kSetLineCoding) {
        // dwDTERate (4, little endian), bCharFormat, bParityType, bDataBits (CDC PSTN 1.2 §6.3.10)
        if (data.size() != line_.size())
            return std::nullopt;
        std::copy(data.begin(), data.end(), line_.begin());
        return std::vector<std::uint8_t>{};
    }
    if (s.request_type == 0x21 && s.request == kSetControlLineState)
        return std::vector<std::uint8_t>{};
    if (s.request_type == 0xA1 && s.request == kGetLineCoding)
        return std::vector<std::uint8_t>(line_.begin(), line_.end());
    return std::nullopt;
}

std::array<std::uint8_t, 7> IdCardReaderSim::line_coding() const
{
    std::lock_guard lock(mu_);
    return line_;
}

void IdCardReaderSim::place(SampleCard card)
{
    std::lock_guard lock(mu_);
    card_ = std::move(card);
    selected_ = false;
}

void IdCardReaderSim::take_away()
{
    std::lock_guard lock(mu_);
    card_.reset();
    selected_ = false;
}

void IdCardReaderSim::reply(std::uint8_t sw3, std::span<const std::uint8_t> data)
{
    const std::size_t len = 3 + data.size() + 1; // SW1 SW2 SW3, data, CHK
    std::vector<std::uint8_t> body{static_cast<std::uint8_t>(len >> 8), static_cast<std::uint8_t>(len & 0xFF), 0, 0,
                                   sw3};
    body.insert(body.end(), data.begin(), data.end());
    std::uint8_t chk = 0;
    for (std::uint8_t b : body)
        chk ^= b;
    out_.insert(out_.end(), std::begin(kPreamble), std::end(kPreamble));
    out_.insert(out_.end(), body.begin(), body.end());
    out_.push_back(chk);
}

void IdCardReaderSim::answer(std::uint8_t cmd, std::uint8_t para, std::span<const std::uint8_t>)
{
    const auto be16 = [](std::vector<std::uint8_t>& v, std::size_t n) {
        v.push_back(static_cast<std::uint8_t>(n >> 8));
        v.push_back(static_cast<std::uint8_t>(n & 0xFF));
    };
    switch (cmd << 8 | para) {
    case 0x10FF: // reset module
    case 0x11FF: // module status
        reply(kOk);
        return;
    case 0x12FF: { // module id: 16 bytes
        const std::uint8_t id[16] = {0x05, 0x00, 0x01, 0x00, 0x20, 0x26, 0x11, 0x22, 0, 0, 0, 0, 0, 0, 0x12, 0x34};
        reply(kOk, id);
        return;
    }
    case 0x2001: { // find card
        const std::uint8_t zeros[4] = {};
        if (card_)
            reply(kCardFound, zeros);
        else
            reply(kFindFailed);
        return;
    }
    case 0x2002: { // select card
        const std::uint8_t zeros[8] = {};
        if (!card_) {
            reply(kSelectFailed);
            return;
        }
        selected_ = true;
        reply(kOk, zeros);
        return;
    }
    case 0x3001:   // read text and photo
    case 0x3010: { // read text, photo and fingerprint
        if (!card_ || !selected_) {
            reply(kReadFailed);
            return;
        }
        std::vector<std::uint8_t> d;
        be16(d, card_->text.size());
        be16(d, card_->photo.size());
        if (para == 0x10)
            be16(d, card_->fingerprint.size());
        d.insert(d.end(), card_->text.begin(), card_->text.end());
        d.insert(d.end(), card_->photo.begin(), card_->photo.end());
        if (para == 0x10)
            d.insert(d.end(), card_->fingerprint.begin(), card_->fingerprint.end());
        reply(kOk, d);
        return;
    }
    case 0x3003: { // the latest address appended to the card: 70 bytes UCS-2
        if (!card_ || !selected_) {
            reply(kReadFailed);
            return;
        }
        if (card_->appended_address.empty()) {
            reply(kNoSuchItem);
            return;
        }
        std::vector<std::uint8_t> d(70, 0);
        for (std::size_t i = 0; i < d.size(); i += 2)
            d[i] = 0x20;
        put_ucs2(d, 0, 70, card_->appended_address);
        reply(kOk, d);
        return;
    }
    default: reply(kBadCommand); return;
    }
}

void IdCardReaderSim::receive(std::uint8_t ep, std::span<const std::uint8_t> data)
{
    if (ep != kOut)
        return;
    std::lock_guard lock(mu_);
    if (link_ == Link::cdc_acm && line_ != kModuleLine)
        return; // garbled on the wire between the bridge and the module
    in_.insert(in_.end(), data.begin(), data.end());
    while (true) {
        // Resynchronise on the preamble; what comes before it is line noise.
        auto it = std::search(in_.begin(), in_.end(), std::begin(kPreamble), std::end(kPreamble));
        in_.erase(in_.begin(), it);
        if (in_.size() < kHeader)
            return;
        const std::size_t len = static_cast<std::size_t>(in_[5]) << 8 | in_[6];
        if (len < 3 || len > 4096) { // CMD PARA CHK at least
            reply(kLengthError);
            in_.erase(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(kHeader));
            continue;
        }
        if (in_.size() < kHeader + len)
            return;
        std::uint8_t chk = 0;
        for (std::size_t i = 5; i < kHeader + len - 1; ++i)
            chk ^= in_[i];
        if (chk != in_[kHeader + len - 1])
            reply(kChecksumError);
        else
            answer(in_[7], in_[8], std::span<const std::uint8_t>(in_.data() + 9, len - 3));
        in_.erase(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(kHeader + len));
    }
}

std::vector<std::uint8_t> IdCardReaderSim::send(std::uint8_t ep, std::size_t max)
{
    if (ep != kIn)
        return {};
    std::lock_guard lock(mu_);
    return take_front(out_, max);
}

} // namespace hk::sim
