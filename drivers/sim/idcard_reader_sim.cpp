// The simulated ID card reader (see idcard_reader_sim.hpp). Frame layout and status codes as
// in the module's published protocol (GA 467 style).
#include "idcard_reader_sim.hpp"

#include "cdc_acm.hpp"
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
constexpr std::uint8_t kSelfTestFailed = 0x60;

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

// A card with a blank text block (space padded, U+0020 little endian) and a photo the module
// would hand over encoded ("WLT"); the simulator's is a marked pattern.
SampleCard blank_card()
{
    SampleCard card;
    card.text.resize(256);
    for (std::size_t i = 0; i < card.text.size(); i += 2) {
        card.text[i] = 0x20;
        card.text[i + 1] = 0x00;
    }
    card.photo.resize(1024);
    card.photo[0] = 'W';
    card.photo[1] = 'L';
    for (std::size_t i = 2; i < card.photo.size(); ++i)
        card.photo[i] = static_cast<std::uint8_t>(i * 7);
    return card;
}

} // namespace

SampleCard resident_card(const ResidentFields& f)
{
    SampleCard card = blank_card();
    put_ucs2(card.text, 0, 30, f.name);
    put_ucs2(card.text, 30, 2, std::string(1, f.sex));
    put_ucs2(card.text, 32, 4, f.ethnic);
    put_ucs2(card.text, 36, 16, f.birth);
    put_ucs2(card.text, 52, 70, f.address);
    put_ucs2(card.text, 122, 36, f.id_number);
    put_ucs2(card.text, 158, 30, f.authority);
    put_ucs2(card.text, 188, 16, f.valid_from);
    put_ucs2(card.text, 204, 16, f.valid_to);
    return card;
}

SampleCard permit_card(const PermitFields& f)
{
    ResidentFields p = f.person;
    p.ethnic.clear(); // reserved on a permit
    SampleCard card = resident_card(p);
    put_ucs2(card.text, 220, 18, f.pass_number);
    put_ucs2(card.text, 238, 4, f.issue_count);
    put_ucs2(card.text, 248, 2, "J");
    return card;
}

SampleCard foreigner_card_2017(const ForeignerFields& f)
{
    SampleCard card = blank_card();
    put_ucs2(card.text, 0, 120, f.english_name);
    put_ucs2(card.text, 120, 2, std::string(1, f.sex));
    put_ucs2(card.text, 122, 30, f.number);
    put_ucs2(card.text, 152, 6, f.nationality);
    put_ucs2(card.text, 158, 30, f.chinese_name);
    put_ucs2(card.text, 188, 16, f.valid_from);
    put_ucs2(card.text, 204, 16, f.valid_to);
    put_ucs2(card.text, 220, 16, f.birth);
    put_ucs2(card.text, 236, 4, "20");
    put_ucs2(card.text, 240, 8, f.authority_code);
    put_ucs2(card.text, 248, 2, "I");
    return card;
}

SampleCard foreigner_card_2023(const ForeignerFields& f)
{
    SampleCard card = blank_card();
    // The English name runs over two fields: 35 characters, then up to 11 more.
    std::string first = f.english_name.substr(0, std::min<std::size_t>(35, f.english_name.size()));
    std::string rest = f.english_name.size() > 35 ? f.english_name.substr(35) : std::string();
    put_ucs2(card.text, 0, 30, f.chinese_name);
    put_ucs2(card.text, 30, 2, std::string(1, f.sex));
    put_ucs2(card.text, 32, 4, f.renewal_count);
    put_ucs2(card.text, 36, 16, f.birth);
    put_ucs2(card.text, 52, 70, first);
    put_ucs2(card.text, 122, 36, f.number);
    put_ucs2(card.text, 188, 16, f.valid_from);
    put_ucs2(card.text, 204, 16, f.valid_to);
    put_ucs2(card.text, 220, 22, rest);
    put_ucs2(card.text, 242, 6, f.nationality);
    put_ucs2(card.text, 248, 2, "Y");
    return card;
}

IdCardReaderSim::~IdCardReaderSim()
{
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
    }
    timer_cv_.notify_all();
    if (timer_.joinable())
        timer_.join();
}

bool IdCardReaderSim::card_placed() const
{
    std::lock_guard lock(mu_);
    return card_.has_value();
}

void IdCardReaderSim::set_fault(ReaderFault f)
{
    std::lock_guard lock(mu_);
    fault_ = f;
}

std::vector<std::uint16_t> IdCardReaderSim::commands() const
{
    std::lock_guard lock(mu_);
    return commands_;
}

std::vector<std::chrono::steady_clock::time_point> IdCardReaderSim::command_times() const
{
    std::lock_guard lock(mu_);
    return command_times_;
}

void IdCardReaderSim::timer_loop()
{
    std::unique_lock lock(mu_);
    while (!stopping_) {
        if (pending_.empty()) {
            timer_cv_.wait(lock);
            continue;
        }
        const auto at = pending_.front().at;
        if (std::chrono::steady_clock::now() < at) {
            timer_cv_.wait_until(lock, at);
            continue;
        }
        release_due();
        lock.unlock();
        data_ready(); // the host's waiting read looks again now
        lock.lock();
    }
}

void IdCardReaderSim::release_due()
{
    const auto now = std::chrono::steady_clock::now();
    while (!pending_.empty() && pending_.front().at <= now) {
        out_.insert(out_.end(), pending_.front().bytes.begin(), pending_.front().bytes.end());
        pending_.pop_front();
    }
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
    if (s.request_type == usb::cdc::kToInterface && s.request == usb::cdc::kSetLineCoding) {
        // dwDTERate (4, little endian), bCharFormat, bParityType, bDataBits (CDC PSTN 1.2 §6.3.10)
        if (data.size() != line_.size())
            return std::nullopt;
        std::copy(data.begin(), data.end(), line_.begin());
        return std::vector<std::uint8_t>{};
    }
    if (s.request_type == usb::cdc::kToInterface && s.request == usb::cdc::kSetControlLineState)
        return std::vector<std::uint8_t>{};
    if (s.request_type == usb::cdc::kFromInterface && s.request == usb::cdc::kGetLineCoding)
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
    if (fault_ == ReaderFault::bad_checksum) {
        chk ^= 0x5A;
        fault_ = ReaderFault::none;
    }
    std::vector<std::uint8_t> frame(std::begin(kPreamble), std::end(kPreamble));
    frame.insert(frame.end(), body.begin(), body.end());
    frame.push_back(chk);
    if (delay_.count() == 0 && pending_.empty()) {
        out_.insert(out_.end(), frame.begin(), frame.end());
        return;
    }
    pending_.push_back({std::chrono::steady_clock::now() + delay_, std::move(frame)});
    if (!timer_.joinable())
        timer_ = std::thread([this] { timer_loop(); });
    timer_cv_.notify_all();
}

void IdCardReaderSim::answer(std::uint8_t cmd, std::uint8_t para, std::span<const std::uint8_t>)
{
    const auto be16 = [](std::vector<std::uint8_t>& v, std::size_t n) {
        v.push_back(static_cast<std::uint8_t>(n >> 8));
        v.push_back(static_cast<std::uint8_t>(n & 0xFF));
    };
    commands_.push_back(static_cast<std::uint16_t>(cmd << 8 | para));
    command_times_.push_back(std::chrono::steady_clock::now());
    delay_ = timing_.of(cmd, para);
    if (fault_ == ReaderFault::module_fault) {
        reply(kSelfTestFailed);
        return;
    }
    const bool visible = card_ && fault_ != ReaderFault::card_not_found;
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
        if (visible)
            reply(kCardFound, zeros);
        else
            reply(kFindFailed);
        return;
    }
    case 0x2002: { // select card
        const std::uint8_t zeros[8] = {};
        if (!visible) {
            reply(kSelectFailed);
            return;
        }
        selected_ = true;
        reply(kOk, zeros);
        return;
    }
    case 0x3001:   // read text and photo
    case 0x3010: { // read text, photo and fingerprint
        if (!visible || !selected_ || fault_ == ReaderFault::card_moved) {
            if (fault_ == ReaderFault::card_moved)
                fault_ = ReaderFault::none;
            selected_ = false; // found and selected again before the next read
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
        delay_ = timing_.other;
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
    release_due();
    return take_front(out_, max);
}

} // namespace hk::sim
