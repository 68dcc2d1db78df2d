// One kiosk per state folder. Two processes writing the same identity, outbox and replay guard
// would fork the record chain, so the second is refused while the first runs. The lock is an
// flock(2) on <state>/hallkiosk.lock: the kernel lets it go when its holder dies, so a lock left
// by a power cut or a crash is never stale; the file only remembers which process held it last,
// for the log.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

namespace hk::app {

// Why the lock could not be taken.
struct LockProblem {
    bool busy = false;   // another process holds it (not a fault of this machine: nothing to show)
    std::string message; // for the log, naming the holder's pid where it can
};

class InstanceLock {
public:
    // Takes the lock, making the state folder (0700) when it is missing.
    static std::expected<std::unique_ptr<InstanceLock>, LockProblem> acquire(const std::filesystem::path& state_dir);
    ~InstanceLock();
    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;

    // The pid an earlier run left in the file without ending cleanly (0: it ended cleanly, or
    // this is the first run).
    long earlier_unclean_pid() const { return earlier_pid_; }
    const std::filesystem::path& file() const { return file_; }

private:
    InstanceLock() = default;
    int fd_ = -1;
    long earlier_pid_ = 0;
    std::filesystem::path file_;
};

} // namespace hk::app
