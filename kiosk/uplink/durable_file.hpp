// Writing a small file so that after a power cut it is either the old one or the new one, whole:
// a temporary file in the same folder, fsynced, renamed over the target, the folder fsynced.
#pragma once

#include "error.hpp"

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace hk::uplink {

enum class Existing { replace, keep };

// Writes `bytes` to `path` with permission bits `mode` (the temporary file is created with them,
// so the content is never readable by others, not even for a moment). With Existing::keep a file
// already at `path` is left as it is and the write fails (EEXIST): for what must never be
// overwritten, such as a private key another process made a moment earlier.
Result<void> write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                                Existing existing = Existing::replace);
// The same, and on failure `os_error` holds the errno of the call that failed (ENOSPC on a full
// disk, EROFS on read-only media, ...), for callers that tell staff what to do about it.
Result<void> write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                                Existing existing, int& os_error);

// The whole file; an error naming it when it cannot be read.
Result<std::string> read_small_file(const std::filesystem::path& path);

} // namespace hk::uplink
