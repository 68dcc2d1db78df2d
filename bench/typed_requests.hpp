// Residents' requests as they type them in pinyin, for the input benchmarks: whole phrases of
// letters, then choosing.
#pragma once

namespace hk::bench {

inline constexpr const char* kRequests[] = {
    "louxiadeludenghuaileyigeyue",         // 楼下的路灯坏了一个月
    "diantijingchangguzhangqingkuaixiu",   // 电梯经常故障请快修
    "loushangweishengjianloushuiyanzhong", // 楼上卫生间漏水严重
    "wanshangshidianhouhaiyouzaoyin",      // 晚上十点后还有噪音
    "xiaoqutingchenanwuyebuguan",          // 小区停车难物业不管
    "lajimeiyourenqingyun",                // 垃圾没有人清运
    "yanglaojinzenmebanli",                // 养老金怎么办理
    "haiziruxuexuyaoshenmecailiao",        // 孩子入学需要什么材料
    "yiliaobaoxianbaoxiaoliucheng",        // 医疗保险报销流程
    "linjuzhuangxiuraomin",                // 邻居装修扰民
};

} // namespace hk::bench
