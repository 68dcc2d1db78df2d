// The error value that fallible core operations return (std::expected<T, Error>).
#pragma once

#include <expected>
#include <string>

namespace hk {

// One readable sentence for the log and the maintenance screen. Where the error comes from a
// file, `line` is the 1-based line it points at (0 when it has none).
struct Error {
    std::string message;
    int line = 0;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string message, int line = 0)
{
    return std::unexpected<Error>(Error{std::move(message), line});
}

} // namespace hk
