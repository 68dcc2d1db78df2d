// The state folder's lock (see instance_lock.hpp).
#include "instance_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace hk::app {
namespace {

std::unexpected<LockProblem> problem(std::string message, bool busy = false)
{
    return std::unexpected(LockProblem{busy, std::move(message)});
}

long read_pid(int fd)
{
    char text[32] = {};
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    if (n <= 0)
        return 0;
    char* end = nullptr;
    const long pid = std::strtol(text, &end, 10);
    return pid > 0 && end != text ? pid : 0;
}

} // namespace

std::expected<std::unique_ptr<InstanceLock>, LockProblem> InstanceLock::acquire(const std::filesystem::path& state_dir)
{
    std::error_code ec;
    if (!std::filesystem::exists(state_dir, ec)) {
        std::filesystem::create_directories(state_dir, ec);
        if (ec)
            return problem("cannot make the state folder " + state_dir.string() + ": " + ec.message());
        std::filesystem::permissions(state_dir, std::filesystem::perms::owner_all, ec);
    }
    auto lock = std::unique_ptr<InstanceLock>(new InstanceLock());
    lock->file_ = state_dir / "hallkiosk.lock";
    lock->fd_ = ::open(lock->file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock->fd_ < 0)
        return problem("cannot open " + lock->file_.string() + ": " + std::strerror(errno));
    if (::flock(lock->fd_, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        const long holder = read_pid(lock->fd_);
        if (err == EWOULDBLOCK)
            return problem("another hallkiosk" + (holder ? " (pid " + std::to_string(holder) + ")" : std::string()) +
                               " is running with the state folder " + state_dir.string() +
                               "; stop it first (systemctl stop hallkiosk)",
                           true);
        return problem("cannot lock " + lock->file_.string() + ": " + std::strerror(err));
    }
    lock->earlier_pid_ = read_pid(lock->fd_);
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(lock->fd_, 0) != 0 || ::pwrite(lock->fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size()))
        return problem("cannot write " + lock->file_.string() + ": " + std::strerror(errno));
    return lock;
}

InstanceLock::~InstanceLock()
{
    if (fd_ < 0)
        return;
    // Emptied on a clean end, so that the next start can tell a crash from a stop.
    if (::ftruncate(fd_, 0) != 0) {
        // Nothing to do: the next start then reports an unclean end that was not one.
    }
    ::close(fd_); // lets the flock go
}

} // namespace hk::app
