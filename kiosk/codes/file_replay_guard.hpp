// The replay guard kept in a small append-only file: one line "<pass id> <exp>" per consumed
// single-use pass, fsynced before consume() returns, so a pass stays used across restarts.
#pragma once

#include "error.hpp"
#include "replay_guard.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace hk::codes {

class FileReplayGuard final : public ReplayGuard {
public:
    static constexpr std::string_view kFileName = "consumed-passes.txt";
    // Entries are kept this long past their pass's exp (the verifier's leeway and clock error,
    // with plenty to spare), then dropped when the file is next opened.
    static constexpr std::int64_t kKeepAfterExpSeconds = 24 * 60 * 60;

    // Opens (creating the folder and the file when needed) and loads the file in `dir`. Entries
    // past exp + kKeepAfterExpSeconds at `now` are pruned, and so are lines that are not
    // "<id> <exp>" (each logged): the file is then rewritten through a temporary file and a rename.
    static Result<std::unique_ptr<FileReplayGuard>> open(const std::filesystem::path& dir, std::int64_t now);

    ~FileReplayGuard() override;
    FileReplayGuard(const FileReplayGuard&) = delete;
    FileReplayGuard& operator=(const FileReplayGuard&) = delete;

    bool seen(std::string_view pass_id) override;
    // Also false for an id that is not a claim value ([A-Za-z0-9_-]{1,64}). When the file cannot
    // be written the failure is logged and the id stays consumed for as long as the kiosk runs.
    bool consume(std::string_view pass_id, std::int64_t exp) override;

    std::size_t size() const;

private:
    FileReplayGuard(std::filesystem::path file, int fd, std::map<std::string, std::int64_t, std::less<>> used);

    std::filesystem::path file_;
    int fd_;
    mutable std::mutex mutex_;
    std::map<std::string, std::int64_t, std::less<>> used_;
};

} // namespace hk::codes
