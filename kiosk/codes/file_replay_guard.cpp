// The file behind FileReplayGuard: appended one fsynced line at a time, rewritten only when
// opened and something is to be dropped.
#include "file_replay_guard.hpp"

#include "claims.hpp"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace hk::codes {

namespace {

std::string errno_text()
{
    return std::strerror(errno);
}

bool write_all(int fd, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string line_of(std::string_view id, std::int64_t exp)
{
    return std::string(id) + " " + std::to_string(exp) + "\n";
}

// "<id> <exp>": the id and exp as the pass's claims have them.
std::optional<std::pair<std::string, std::int64_t>> read_line(std::string_view line)
{
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    const std::string_view id = line.substr(0, space);
    const auto t = read_unix_time(line.substr(space + 1));
    if (id.empty() || !valid_claim_value(id) || !t)
        return std::nullopt;
    return std::pair{std::string(id), *t};
}

// Writes the entries to a temporary file, fsyncs it and renames it over `file`, then fsyncs the
// folder so the rename itself survives a power cut.
bool rewrite(const std::filesystem::path& file, const std::map<std::string, std::int64_t, std::less<>>& used)
{
    const std::filesystem::path tmp = file.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    bool ok = true;
    for (const auto& [id, exp] : used)
        ok = ok && write_all(fd, line_of(id, exp));
    ok = ok && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    ok = ok && ::rename(tmp.c_str(), file.c_str()) == 0;
    if (!ok) {
        ::unlink(tmp.c_str());
        return false;
    }
    const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

} // namespace

Result<std::unique_ptr<FileReplayGuard>> FileReplayGuard::open(const std::filesystem::path& dir, std::int64_t now)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return fail("replay guard: cannot create " + dir.string() + ": " + ec.message());
    const std::filesystem::path file = dir / kFileName;

    std::map<std::string, std::int64_t, std::less<>> used;
    bool dirty = false;
    if (std::ifstream in{file, std::ios::binary}) {
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (in.eof()) // the last line lacks its newline: a write cut short
                dirty = true;
            const auto entry = read_line(line);
            if (!entry) {
                spdlog::warn("replay guard: {} line {} is not '<pass id> <exp>'; skipped", file.string(), number);
                dirty = true;
            } else if (entry->second + kKeepAfterExpSeconds < now) {
                dirty = true;
            } else if (!used.emplace(entry->first, entry->second).second) {
                dirty = true;
            }
        }
    }
    if (dirty && !rewrite(file, used))
        return fail("replay guard: cannot rewrite " + file.string() + ": " + errno_text());

    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail("replay guard: cannot open " + file.string() + ": " + errno_text());
    return std::unique_ptr<FileReplayGuard>(new FileReplayGuard(file, fd, std::move(used)));
}

FileReplayGuard::FileReplayGuard(std::filesystem::path file, int fd,
                                 std::map<std::string, std::int64_t, std::less<>> used)
    : file_(std::move(file)), fd_(fd), used_(std::move(used))
{
}

FileReplayGuard::~FileReplayGuard()
{
    ::close(fd_);
}

bool FileReplayGuard::seen(std::string_view pass_id)
{
    const std::lock_guard lock(mutex_);
    return used_.contains(pass_id);
}

bool FileReplayGuard::consume(std::string_view pass_id, std::int64_t exp)
{
    if (pass_id.empty() || !valid_claim_value(pass_id) || exp < 0)
        return false;
    const std::lock_guard lock(mutex_);
    if (!used_.emplace(std::string(pass_id), exp).second)
        return false;
    if (!write_all(fd_, line_of(pass_id, exp)) || ::fsync(fd_) != 0)
        spdlog::error("replay guard: {} could not be written ({}); a pass stays used only until the kiosk restarts",
                      file_.string(), errno_text());
    return true;
}

std::size_t FileReplayGuard::size() const
{
    const std::lock_guard lock(mutex_);
    return used_.size();
}

} // namespace hk::codes
