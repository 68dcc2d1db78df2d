// Where maintenance mode writes files (the diagnostic bundle, a certificate request) and reads a
// certificate from: besides the kiosk's own folder, the USB storage mounted now, as the mount
// table lists it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hk::app {

struct RemovableMount {
    std::string path;  // the mount point
    std::string label; // its last part, as the desktop names the stick ("KINGSTON")
};

// The mount points under /media/ and /run/media/ (where udisks and the desktop mount USB
// storage) in `mounts`, the text of /proc/self/mounts; octal escapes (\040 for a space) read.
// Read-only ones are left out: nothing can be written to them.
std::vector<RemovableMount> removable_mounts(std::string_view mounts);

} // namespace hk::app
