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
    const std::filesystem::path tmp = path.string() + ".tmp";
    ::unlink(tmp.c_str()); // a leftover of a write a power cut interrupted
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
    if (fd.get() < 0)
        return fail(why(tmp, "create"));
    // The umask may have taken bits away from `mode`; it must not leave any more than asked.
    if (::fchmod(fd.get(), mode) != 0)
        return fail(why(tmp, "set the mode of"));
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const auto error = why(tmp, "write");
            ::unlink(tmp.c_str());
            return fail(error);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0 || !fd.close()) {
        const auto error = why(tmp, "flush");
        ::unlink(tmp.c_str());
        return fail(error);
    }
    // link() gives the file its name only if the name is free; rename() takes the name over.
    const bool named = existing == Existing::keep ? ::link(tmp.c_str(), path.c_str()) == 0 && ::unlink(tmp.c_str()) == 0
                                                  : ::rename(tmp.c_str(), path.c_str()) == 0;
    if (!named) {
        const auto error = why(path, existing == Existing::keep ? "create" : "replace");
        ::unlink(tmp.c_str());
        return fail(error);
    }
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
    Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0)
        return fail(why(dir, "flush the folder"));
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
