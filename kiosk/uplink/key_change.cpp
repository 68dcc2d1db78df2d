// The pending key's take-over step by step (key_change.hpp), with the POSIX calls std::filesystem
// lacks: link(), which never replaces a name, rename(), which replaces it in one step, and fsync
// of a folder, which makes either last across a power cut.
#include "key_change.hpp"

#include "device_identity.hpp"
#include "durable_file.hpp"
#include "identity_pem.hpp"
#include "jwk.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace hk::uplink {
namespace {

constexpr mode_t kFolderMode = 0700;

std::string why(const std::filesystem::path& path, const char* what)
{
    return std::string("cannot ") + what + " " + path.string() + ": " + std::strerror(errno);
}

// Makes the names made, replaced or removed in `folder` last.
Result<void> sync_folder(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(why(folder, "open the folder"));
    if (::fsync(fd) != 0) {
        const auto error = why(folder, "flush the folder");
        ::close(fd);
        return fail(error);
    }
    ::close(fd);
    return {};
}

Result<void> make_private_folder(const std::filesystem::path& folder)
{
    if (::mkdir(folder.c_str(), kFolderMode) != 0) {
        if (errno != EEXIST)
            return fail(why(folder, "make"));
        struct stat st {};
        if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            return fail(folder.string() + " is not a folder");
        return {};
    }
    return sync_folder(folder.parent_path());
}

// Gives the file `from` the further name `to`, which must be free.
Result<void> link_durably(const std::filesystem::path& from, const std::filesystem::path& to)
{
    if (::link(from.c_str(), to.c_str()) != 0)
        return fail(why(to, "make"));
    return sync_folder(to.parent_path());
}

Result<void> rename_durably(const std::filesystem::path& from, const std::filesystem::path& to)
{
    if (::rename(from.c_str(), to.c_str()) != 0)
        return fail(why(to, "replace"));
    return sync_folder(to.parent_path());
}

// `key_file`, which holds `key`, kept as `retired`; done already when `retired` holds that key.
Result<void> retire(const std::filesystem::path& key_file, const std::filesystem::path& retired, EVP_PKEY* key)
{
    std::error_code ec;
    if (!std::filesystem::exists(retired, ec))
        return link_durably(key_file, retired);
    auto kept = read_private_key(retired);
    if (!kept || EVP_PKEY_eq(kept->get(), key) != 1)
        return fail(retired.string() + " is there and holds another key; it is never replaced");
    return {};
}

std::optional<std::string> nothing()
{
    return std::nullopt;
}

} // namespace

Result<std::optional<std::string>> finish_key_change(const std::filesystem::path& folder, int max_steps)
{
    const auto key_file = folder / DeviceIdentity::kKeyFile;
    const auto next_key_file = folder / kNextKeyFile;
    const auto next_cert_file = folder / kNextCertFile;
    std::error_code ec;
    // Without key.pem there is nothing to change from: load_or_create says what is wrong.
    if (!std::filesystem::exists(next_cert_file, ec) || !std::filesystem::exists(key_file, ec))
        return nothing();
    auto text = read_small_file(next_cert_file);
    auto cert = text ? read_certificate(*text) : Result<X509Ptr>(std::unexpected(text.error()));
    if (!cert)
        return next_cert_file.string() + ": " + cert.error().message + "; the key is not changed";
    int left = max_steps;
    const auto power_on = [&left] { return left-- > 0; };

    if (std::filesystem::exists(next_key_file, ec)) {
        auto next = read_private_key(next_key_file);
        if (!next)
            return next.error().message + "; the key is not changed";
        if (!certifies(cert->get(), next->get()))
            return next_cert_file.string() + " is not for the pending key " + next_key_file.string() +
                   "; the key is not changed";
        auto old = read_private_key(key_file);
        if (!old)
            return nothing();
        auto old_kid = key_thumbprint(old->get());
        if (!old_kid)
            return std::unexpected(old_kid.error());
        const auto retired = folder / kRetiredFolder;
        if (!power_on())
            return nothing();
        if (auto r = make_private_folder(retired); !r)
            return std::unexpected(r.error());
        if (!power_on())
            return nothing();
        if (auto r = retire(key_file, retired / (*old_kid + ".pem"), old->get()); !r)
            return std::unexpected(r.error());
        if (!power_on())
            return nothing();
        if (!std::filesystem::exists(folder / kFirstKeyFile, ec))
            if (auto r = link_durably(key_file, folder / kFirstKeyFile); !r)
                return std::unexpected(r.error());
        if (!power_on())
            return nothing();
        if (auto r = rename_durably(next_key_file, key_file); !r)
            return std::unexpected(r.error());
    }

    // key.pem is the new key from here on, and only its certificate is left to move.
    auto key = read_private_key(key_file);
    if (!key)
        return nothing();
    if (!certifies(cert->get(), key->get()))
        return next_cert_file.string() + " is for neither a pending key nor " + key_file.string() + "; not used";
    auto kid = key_thumbprint(key->get());
    if (!kid)
        return std::unexpected(kid.error());
    if (!power_on())
        return nothing();
    if (auto r = rename_durably(next_cert_file, folder / DeviceIdentity::kCertFile); !r)
        return std::unexpected(r.error());
    return "the identity key changed: " + *kid + " signs from now on, with its certificate; the keys before it are " +
           "kept in " + (folder / kRetiredFolder).string();
}

} // namespace hk::uplink
