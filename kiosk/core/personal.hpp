// Personal data (a resident's name, ID number, phone number, address, birth date): a type of its own, so that it can
// only be shown masked (on screen, on paper) and is wiped from memory when dropped. The plain
// value is reachable only through reveal(), for the signed record sent to the central platform.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hk {

class Personal {
public:
    enum class Kind { name, id_number, phone, address, date };

    Personal() = default;
    Personal(Kind kind, std::string value) : kind_(kind), value_(std::move(value)) {}
    ~Personal() { wipe(); }
    Personal(const Personal&) = default;
    Personal& operator=(const Personal& o)
    {
        if (this != &o) {
            wipe();
            kind_ = o.kind_;
            value_ = o.value_;
        }
        return *this;
    }
    // A move copies and wipes the source: moving a short string would leave its characters in
    // the source's inline buffer.
    Personal(Personal&& o) : kind_(o.kind_), value_(o.value_) { o.wipe(); }
    Personal& operator=(Personal&& o)
    {
        if (this != &o) {
            wipe();
            kind_ = o.kind_;
            value_ = o.value_;
            o.wipe();
        }
        return *this;
    }

    Kind kind() const { return kind_; }
    bool empty() const { return value_.empty(); }

    // As shown to anyone: an ID number keeps its first 4 and last 4 characters
    // (4403**********1234), a phone number its first 3 and last 4 (138****5678), a name its first
    // character (王**; Li Ming → L*** M***), an address its first 6 characters, enough for the
    // province and city (广东省深圳市*******), a date its year (1990****).
    std::string masked() const;

    // The value itself. Never for the log, the screen or paper.
    std::string_view reveal() const { return value_; }

    // Overwrites the value in place, then empties it.
    void wipe() noexcept;

    // Typing it on the kiosk (a phone number on the number pad), a character at a time, up to
    // `max` bytes. A longer value would move the string to a new buffer and leave the old one
    // unwiped, so the capacity is reserved once (and the old buffer wiped).
    void push_back(char c, std::size_t max);
    // Removes the last byte (the typed values are ASCII), overwriting it.
    void pop_back() noexcept;

private:
    Kind kind_ = Kind::name;
    std::string value_;
};

} // namespace hk
