// The staff catalogue read strictly (see staff_catalogue.hpp).
#include "staff_catalogue.hpp"

#include "catalogue_item.hpp"
#include "pin_hash.hpp"

namespace hk::central {

Result<StaffList> read_staff(const nlohmann::json& items)
{
    return read_items<StaffList>(items, "staff member", [](const CatalogueItem& item) -> Result<StaffEntry> {
        if (auto r = item.only({"id", "hall", "pin"}); !r)
            return std::unexpected(r.error());
        auto id = item.id("id");
        if (!id)
            return std::unexpected(id.error());
        auto hall = item.text("hall", 1, 64);
        if (!hall)
            return std::unexpected(hall.error());
        auto pin = item.text("pin", 1, 300);
        if (!pin)
            return std::unexpected(pin.error());
        if (std::string why; !codes::PinHash::parse(*pin, &why))
            return item.bad("pin", why);
        return StaffEntry{std::move(*id), std::move(*hall)};
    });
}

} // namespace hk::central
