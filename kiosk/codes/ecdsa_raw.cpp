// ECDSA signature encodings: DER to r||s and back, through OpenSSL's ECDSA_SIG.
#include "ecdsa_raw.hpp"

#include "evp.hpp"

namespace hk::codes {

std::vector<std::uint8_t> ecdsa_raw_of_der(std::span<const std::uint8_t> der, int half_bytes)
{
    const unsigned char* p = der.data();
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig || p != der.data() + der.size())
        return {};
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    std::vector<std::uint8_t> raw(static_cast<std::size_t>(half_bytes) * 2);
    if (BN_bn2binpad(r, raw.data(), half_bytes) != half_bytes ||
        BN_bn2binpad(s, raw.data() + half_bytes, half_bytes) != half_bytes)
        return {};
    return raw;
}

std::vector<std::uint8_t> ecdsa_der_of_raw(std::span<const std::uint8_t> raw)
{
    const std::size_t half = raw.size() / 2;
    EcdsaSigPtr sig(ECDSA_SIG_new());
    BignumPtr r(BN_bin2bn(raw.data(), static_cast<int>(half), nullptr));
    BignumPtr s(BN_bin2bn(raw.data() + half, static_cast<int>(half), nullptr));
    if (raw.empty() || raw.size() % 2 != 0 || !sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return {};
    r.release(); // owned by sig now
    s.release();
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0)
        return {};
    std::vector<std::uint8_t> out(der, der + len);
    OPENSSL_free(der);
    return out;
}

} // namespace hk::codes
