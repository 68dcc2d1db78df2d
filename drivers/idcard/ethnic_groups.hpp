// The national code table of ethnic groups (GB/T 3304-1991), as the resident identity card
// stores it: two digits.
#pragma once

#include <string_view>

namespace hk::idcard {

// The group's name as the card prints it after 民族 (汉, 蒙古, …, 基诺; 97 其他, 98
// 外国血统中国籍人士), or empty for a code the table does not hold.
std::string_view ethnic_name(std::string_view code);

} // namespace hk::idcard
