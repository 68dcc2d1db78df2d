// Wrong staff PINs and the lockout they earn. Five wrong PINs in a row lock maintenance mode: for
// one minute the first time, twice as long each time after, at most a day. A right PIN clears
// the count and the doubling. The state is a line of text the kiosk keeps in its store, so a
// restart does not clear it. Times are the wall clock's unix seconds; a clock set back cannot
// stretch a lockout beyond its length.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace hk {

struct PinLockout {
    static constexpr int kTries = 5;
    static constexpr std::int64_t kFirstLockSeconds = 60;
    static constexpr std::int64_t kLongestLockSeconds = 24 * 3600;

    int failures = 0;        // wrong PINs since the last right one or the last lockout
    int lockouts = 0;        // lockouts since the last right PIN
    std::int64_t until = 0;  // locked before this moment

    // The length of the `n`th lockout (1 for the first).
    static std::int64_t lock_seconds(int n)
    {
        std::int64_t s = kFirstLockSeconds;
        for (int i = 1; i < n && s < kLongestLockSeconds; ++i)
            s *= 2;
        return std::min(s, kLongestLockSeconds);
    }

    // Seconds until PINs are taken again; 0 when they are.
    std::int64_t seconds_left(std::int64_t now) const
    {
        if (now >= until)
            return 0;
        return std::min(until - now, lock_seconds(lockouts));
    }
    bool locked(std::int64_t now) const { return seconds_left(now) > 0; }
    // Wrong PINs still allowed before the lock.
    int tries_left() const { return kTries - failures; }

    // A wrong PIN at `now` (not counted while locked). True when it locked maintenance mode.
    bool wrong(std::int64_t now)
    {
        if (locked(now))
            return false;
        if (++failures < kTries)
            return false;
        failures = 0;
        ++lockouts;
        until = now + lock_seconds(lockouts);
        return true;
    }
    void right() { *this = PinLockout{}; }

    // "failures lockouts until", as kept.
    std::string text() const
    {
        return std::to_string(failures) + " " + std::to_string(lockouts) + " " + std::to_string(until);
    }
    static std::optional<PinLockout> parse(std::string_view text)
    {
        PinLockout l;
        long long until = 0;
        int used = 0;
        const std::string s(text);
        if (std::sscanf(s.c_str(), "%d %d %lld%n", &l.failures, &l.lockouts, &until, &used) != 3 ||
            used != static_cast<int>(s.size()) || l.failures < 0 || l.failures >= kTries || l.lockouts < 0 ||
            l.lockouts > 1000 || until < 0)
            return std::nullopt;
        l.until = until;
        return l;
    }
};

} // namespace hk
