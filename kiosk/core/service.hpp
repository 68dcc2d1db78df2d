// The services a kiosk can offer on its home screen.
#pragma once

#include "i18n.hpp"

#include <optional>
#include <span>
#include <string_view>

namespace hk {

enum class ServiceId {
    file_request,      // 群众诉求: file a request
    track_request,     // follow a request to resolution
    book_venue,        // 场地预约
    activities,        // 活动报名
    rate_service,      // 好差评
    service_directory, // service alliance directory, help near me
    traffic_request,   // traffic-point: traffic-related requests
    traffic_safety,    // traffic-point: traffic safety information
};

struct ServiceInfo {
    ServiceId id;
    std::string_view name; // as written in config
    MsgKey title;
    MsgKey subtitle;
    // True once the service's own screens exist in this build. Until then its tile leads to the
    // "not offered at this kiosk" screen, like a service switched off in config.
    bool built;
};

std::span<const ServiceInfo> all_services();
const ServiceInfo& service_info(ServiceId id);
std::optional<ServiceId> service_from_name(std::string_view name);

} // namespace hk
