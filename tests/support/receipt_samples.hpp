// The receipts' sample data shared by the receipt tests (fictional residents), and the
// translations they are worded with.
#pragma once

#include "receipts.hpp"

#include <doctest/doctest.h>

namespace hk::test {

inline const Translator& translator()
{
    static const Translator tr = [] {
        auto t = Translator::load(HK_SOURCE_DIR "/assets/i18n");
        REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
        return *t;
    }();
    return tr;
}

inline app::RequestFiled sample_request()
{
    return app::RequestFiled{"2611 2300 1012 35",
                             "482913",
                             "环境卫生",
                             "莲花街道党群服务中心",
                             {2026, 11, 23, 9, 5},
                             {2026, 11, 24, 9, 5},
                             true,
                             Personal(Personal::Kind::name, "王小明"),
                             Personal(Personal::Kind::id_number, "44030419900101123X"),
                             "HKT1.26112300101235.482913"};
}

inline app::BookingPass sample_booking()
{
    return app::BookingPass{"YY-20261125-0042", "二楼多功能活动室", "2026年11月25日", "14:00–16:00",
                            Personal(Personal::Kind::name, "陈美玲"), "HK1.eyJiIjoiWVktMjAyNjExMjUtMDA0MiJ9.c2ln",
                            0,  "", std::nullopt};
}

} // namespace hk::test
