// A fuzz target's invariant: when it does not hold, say which and abort, so that libFuzzer keeps
// the input (and the replay in the main build fails on it).
#pragma once

#include <cstdio>
#include <cstdlib>

namespace hk::fuzz {

inline void expect(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace hk::fuzz
