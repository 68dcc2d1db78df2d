// Durable small-file writes with POSIX calls (std::filesystem has no fsync).
#include "durable_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hk::uplink {

namespace {

std::string why(const std::filesystem::path& path, const char* what)
{
    return std::string("cannot ") + what + " " + path.string() + ": " + std::strerror(errno);
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const { return fd_; }
    // Closes now, for the error close can report (deferred write errors on some file systems).
    bool close()
    {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

} // namespace

Result<void> write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                                Existing existing)
{
    int os_error = 0;
    return write_file_durably(path, bytes, mode, existing, os_error);
}

Result<void> write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                                Existing existing, int& os_error)
{
    os_error = 0;
    const std::filesystem::path tmp = path.string() + ".tmp";
    // Takes errno at once: the clean-up after a failed call may set it again.
    const auto failed = [&](const std::filesystem::path& what, const char* doing, bool remove_tmp) {
        os_error = errno;
        auto error = why(what, doing);
        if (remove_tmp)
            ::unlink(tmp.c_str());
        return fail(std::move(error));
    };
    ::unlink(tmp.c_str()); // a leftover of a write a power cut interrupted
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
    if (fd.get() < 0)
        return failed(tmp, "create", false);
    // The umask may have taken bits away from `mode`; it must not leave any more than asked.
    if (::fchmod(fd.get(), mode) != 0)
        return failed(tmp, "set the mode of", false);
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failed(tmp, "write", true);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0 || !fd.close())
        return failed(tmp, "flush", true);
    // link() gives the file its name only if the name is free; rename() takes the name over.
    const bool named = existing == Existing::keep ? ::link(tmp.c_str(), path.c_str()) == 0 && ::unlink(tmp.c_str()) == 0
                                                  : ::rename(tmp.c_str(), path.c_str()) == 0;
    if (!named)
        return failed(path, existing == Existing::keep ? "create" : "replace", true);
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
    Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0)
        return failed(dir, "flush the folder", false);
    return {};
}

Result<std::string> read_small_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return fail("cannot read " + path.string());
    return std::move(text).str();
}

} // namespace hk::uplink
