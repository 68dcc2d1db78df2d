// The pass key kept as PEM in the data folder, written once and never replaced (passes already
// out would stop verifying).
#include "pass_key.hpp"

#include "durable_file.hpp"
#include "openssl_owners.hpp"

#include <openssl/pem.h>

namespace hk::central {
namespace {

std::string bio_text(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

} // namespace

Result<codes::PkeyPtr> load_or_make_pass_key(const std::filesystem::path& data_dir)
{
    const auto file = data_dir / kPassKeyFile;
    if (!std::filesystem::exists(file)) {
        codes::PkeyPtr key(EVP_EC_gen("P-256"));
        uplink::BioPtr bio(BIO_new(BIO_s_mem()));
        if (!key || !bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
            return fail("cannot make the pass key");
        // Another process may make it at the same moment: keep theirs, read it below.
        (void)uplink::write_file_durably(file, bio_text(bio.get()), 0600, uplink::Existing::keep);
    }
    auto text = uplink::read_small_file(file);
    if (!text)
        return std::unexpected(text.error());
    uplink::BioPtr bio(BIO_new_mem_buf(text->data(), static_cast<int>(text->size())));
    codes::PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || !EVP_PKEY_is_a(key.get(), "EC"))
        return fail(file.string() + " holds no P-256 private key");
    return key;
}

Result<nlohmann::json> pass_key_item(EVP_PKEY* key)
{
    uplink::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1)
        return fail("cannot write the pass key's public half");
    return nlohmann::json{{"kid", kPassKid}, {"alg", "ES256"}, {"public_key", bio_text(bio.get())}, {"not_after", nullptr}};
}

} // namespace hk::central
