// Owning pointers for the OpenSSL objects kiosk/uplink uses beyond those of kiosk/codes, so every
// one is freed on every path.
#pragma once

#include "evp.hpp"

#include <openssl/bio.h>
#include <openssl/kdf.h>
#include <openssl/x509.h>

#include <memory>

namespace hk::uplink {

using codes::MdCtxPtr;
using codes::PkeyPtr;

struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct BioFree {
    void operator()(BIO* p) const { BIO_free(p); }
};
struct X509Free {
    void operator()(X509* p) const { X509_free(p); }
};
struct X509ReqFree {
    void operator()(X509_REQ* p) const { X509_REQ_free(p); }
};
struct KdfCtxFree {
    void operator()(EVP_KDF_CTX* p) const { EVP_KDF_CTX_free(p); }
};
struct KdfFree {
    void operator()(EVP_KDF* p) const { EVP_KDF_free(p); }
};

using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using X509ReqPtr = std::unique_ptr<X509_REQ, X509ReqFree>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, KdfCtxFree>;
using KdfPtr = std::unique_ptr<EVP_KDF, KdfFree>;

} // namespace hk::uplink
