// Where maintenance mode exports to: USB storage from the mount table.
#include "maint_targets.hpp"

#include <doctest/doctest.h>

using namespace hk::app;

TEST_CASE("USB storage is what is mounted under /media and /run/media, writable, spaces unescaped")
{
    const std::string mounts = "/dev/sda1 / ext4 rw,relatime 0 0\n"
                               "proc /proc proc rw,nosuid 0 0\n"
                               "/dev/sdb1 /media/staff/KINGSTON vfat rw,nosuid,nodev,uid=1000 0 0\n"
                               "/dev/sdc1 /run/media/kiosk/HALL\\040LOGS exfat rw,nosuid 0 0\n"
                               "/dev/sdd1 /media/staff/CDROM iso9660 ro,nosuid 0 0\n"
                               "/dev/sde1 /mnt/backup ext4 rw 0 0\n"
                               "broken line\n";
    const auto found = removable_mounts(mounts);
    REQUIRE(found.size() == 2);
    CHECK(found[0].path == "/media/staff/KINGSTON");
    CHECK(found[0].label == "KINGSTON");
    CHECK(found[1].path == "/run/media/kiosk/HALL LOGS");
    CHECK(found[1].label == "HALL LOGS");
    CHECK(removable_mounts("").empty());
}
