// What the store tests share: a temporary state folder, a data key, and stand-in JWS texts that
// carry a resident's ID number in clear (so the database file can be searched for it) and the
// previous record's hash (so the chain can be checked from the records alone).
#pragma once

#include "store.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace hk::store::test {

struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "hk-store-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()));
        path = pattern;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path state() const { return path / "state"; }
    std::filesystem::path db() const { return state() / Store::kFileName; }
};

inline std::array<std::uint8_t, 32> test_key(std::uint8_t salt = 0)
{
    std::array<std::uint8_t, 32> k{};
    for (std::size_t i = 0; i < k.size(); ++i)
        k[i] = static_cast<std::uint8_t>(i * 7 + 3 + salt);
    return k;
}

// The ID number every stand-in record carries; no other bytes of the tests spell it.
inline constexpr std::string_view kMarkerId = "440304199203040024";

// A JWS-shaped text of about `size` bytes: "<header>.<payload>.<signature>", the payload naming
// the slot's id, seq and previous hash and a resident's ID number.
inline std::string stand_in_jws(const Slot& s, std::size_t size = 1500)
{
    std::string jws = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.{\"id\":\"" + std::string(s.id) +
                      "\",\"seq\":" + std::to_string(s.seq) + ",\"prev\":\"" + std::string(s.prev_hash) +
                      "\",\"id_number\":\"" + std::string(kMarkerId) + "\",\"note\":\"";
    while (jws.size() + 90 < size)
        jws += static_cast<char>('a' + (jws.size() * 31 + static_cast<std::size_t>(s.seq)) % 26);
    jws += "\"}.";
    while (jws.size() < size)
        jws += 'S';
    return jws;
}

inline MakeJws stand_in(std::size_t size = 1500)
{
    return [size](const Slot& s) -> Result<std::string> { return stand_in_jws(s, size); };
}

inline std::unique_ptr<Store> open_store(const std::filesystem::path& dir, std::uint8_t salt = 0,
                                         StoreOptions options = {})
{
    options.dir = dir;
    const auto key = test_key(salt);
    auto s = Store::open(options, key);
    REQUIRE_MESSAGE(s.has_value(), (s ? std::string() : s.error().message));
    return std::move(*s);
}

struct Refusal {
    Fault fault;
    std::string message;
};

// Opens a store that must be refused, and says why.
inline Refusal refused_open(const std::filesystem::path& dir, std::span<const std::uint8_t> key)
{
    StoreOptions options;
    options.dir = dir;
    Fault fault = Fault::none;
    auto s = Store::open(options, key, &fault);
    REQUIRE_FALSE(s.has_value());
    return Refusal{fault, s.error().message};
}

inline Refusal refused_open(const std::filesystem::path& dir)
{
    return refused_open(dir, test_key());
}

inline std::string file_bytes(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace hk::store::test
