// The table of known services.
#include "service.hpp"

#include <array>

namespace hk {
namespace {

constexpr std::array kServices{
    ServiceInfo{ServiceId::file_request, "file_request", "service.file_request.title"_k,
                "service.file_request.subtitle"_k, true},
    ServiceInfo{ServiceId::track_request, "track_request", "service.track_request.title"_k,
                "service.track_request.subtitle"_k, true},
    ServiceInfo{ServiceId::book_venue, "book_venue", "service.book_venue.title"_k,
                "service.book_venue.subtitle"_k, true},
    ServiceInfo{ServiceId::activities, "activities", "service.activities.title"_k,
                "service.activities.subtitle"_k, true},
    ServiceInfo{ServiceId::rate_service, "rate_service", "service.rate_service.title"_k,
                "service.rate_service.subtitle"_k, true},
    ServiceInfo{ServiceId::service_directory, "service_directory", "service.service_directory.title"_k,
                "service.service_directory.subtitle"_k, true},
    ServiceInfo{ServiceId::traffic_request, "traffic_request", "service.traffic_request.title"_k,
                "service.traffic_request.subtitle"_k, true},
    ServiceInfo{ServiceId::traffic_safety, "traffic_safety", "service.traffic_safety.title"_k,
                "service.traffic_safety.subtitle"_k, true},
};

} // namespace

std::span<const ServiceInfo> all_services() { return kServices; }

// The table is in enum order, so an id is its own index.
constexpr bool table_in_enum_order()
{
    for (std::size_t i = 0; i < kServices.size(); ++i)
        if (static_cast<std::size_t>(kServices[i].id) != i)
            return false;
    return true;
}
static_assert(table_in_enum_order());

const ServiceInfo& service_info(ServiceId id) { return kServices[static_cast<std::size_t>(id)]; }

std::optional<ServiceId> service_from_name(std::string_view name)
{
    for (const auto& s : kServices)
        if (s.name == name)
            return s.id;
    return std::nullopt;
}

} // namespace hk
