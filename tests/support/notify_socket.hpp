// A stand-in for systemd's notify socket: a unix datagram socket bound in a fresh folder under
// /tmp (a socket path must fit 108 bytes, which a build tree's may not), whose path goes into
// NOTIFY_SOCKET, and the messages sd_notify sends to it read back one datagram at a time.
#pragma once

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace hk::test {

class NotifySocket {
public:
    NotifySocket()
    {
        std::string dir = "/tmp/hk-notify-XXXXXX";
        REQUIRE(::mkdtemp(dir.data()));
        dir_ = dir;
        path_ = dir + "/notify";
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        REQUIRE(path_.size() < sizeof addr.sun_path);
        std::memcpy(addr.sun_path, path_.c_str(), path_.size() + 1);
        REQUIRE(::bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~NotifySocket()
    {
        ::close(fd_);
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    const std::string& path() const { return path_; }
    int fd() const { return fd_; }

    // The next message, waiting up to `timeout_ms` for it (0: only one already there).
    std::optional<std::string> receive(int timeout_ms = 0) const
    {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0)
            return std::nullopt;
        char buf[4096];
        const ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
        if (n < 0)
            return std::nullopt;
        return std::string(buf, static_cast<std::size_t>(n));
    }

private:
    std::filesystem::path dir_;
    std::string path_;
    int fd_ = -1;
};

} // namespace hk::test
