// Demo mode's simulated peripherals (see demo_devices.hpp).
#include "demo_devices.hpp"

#include <spdlog/spdlog.h>

namespace hk::sim {

const std::vector<DemoCard>& demo_cards()
{
    // Fictional residents; the ID numbers carry valid check digits (GB 11643) so that they pass
    // the checks a real card passes.
    static const std::vector<DemoCard> cards{
        {"李秀英 · 长期有效",
         {"李秀英", '2', "01", "19580312", "广东省深圳市福田区幸福街道示例路1号", "440304195803120046",
          "深圳市公安局福田分局", "20180312", "长期"}},
        {"王建国",
         {"王建国", '1', "03", "19900707", "北京市朝阳区示例街道样板胡同2号", "110105199007071236",
          "北京市公安局朝阳分局", "20200707", "20400707"}},
        {"张伟 · 已过期",
         {"张伟", '1', "01", "19850615", "广东省深圳市福田区幸福街道样板路3号", "440304198506150031",
          "深圳市公安局福田分局", "20140101", "20240101"}},
    };
    return cards;
}

DemoDevices::DemoDevices(usb::DeviceHub& hub, std::vector<usb::MatchRule> rules) : hub_(hub), rules_(std::move(rules))
{
    slots_[static_cast<std::size_t>(usb::Role::printer)].device = printer_;
    slots_[static_cast<std::size_t>(usb::Role::idcard)].device = reader_;
    slots_[static_cast<std::size_t>(usb::Role::scanner)].device = scanner_;
    for (usb::Role r : usb::kRoles) {
        slots_[static_cast<std::size_t>(r)].cable = std::make_shared<SimCable>();
        attach(r);
    }
}

void DemoDevices::attach(usb::Role role)
{
    Slot& slot = slots_[static_cast<std::size_t>(role)];
    {
        std::lock_guard lk(mu_);
        slot.key = usb::DeviceKey{0, next_address_++};
    }
    const usb::DeviceInfo info = device_info(*slot.device, slot.key);
    const auto match = usb::match_device(info, rules_);
    if (!match) {
        spdlog::warn("demo: no rule in the devices table matches the simulated {}; it stays unplugged",
                     usb::role_name(role));
        hub_.unmatched({slot.key, info});
        return;
    }
    hub_.attached({slot.key, info, *match,
                   [device = slot.device, cable = slot.cable]() -> usb::Result<std::unique_ptr<usb::Transport>> {
                       if (!cable->plugged)
                           return std::unexpected(usb::Error{usb::Errc::no_device, "the simulated device is unplugged"});
                       return std::make_unique<SimTransport>(device, cable);
                   }});
}

bool DemoDevices::plugged(usb::Role role) const
{
    return slots_[static_cast<std::size_t>(role)].cable->plugged;
}

void DemoDevices::set_plugged(usb::Role role, bool plugged)
{
    Slot& slot = slots_[static_cast<std::size_t>(role)];
    if (slot.cable->plugged == plugged)
        return;
    spdlog::info("demo: {} {}", usb::role_name(role), plugged ? "plugged in" : "unplugged");
    slot.cable->plugged = plugged;
    if (plugged)
        attach(role);
    else
        hub_.detached(slot.key);
}

void DemoDevices::place_card(std::size_t index)
{
    const auto& cards = demo_cards();
    if (index >= cards.size())
        return;
    reader_->place(resident_card(cards[index].fields));
    std::lock_guard lk(mu_);
    card_ = index;
}

void DemoDevices::take_card()
{
    reader_->take_away();
    std::lock_guard lk(mu_);
    card_.reset();
}

std::optional<std::size_t> DemoDevices::card_on_reader() const
{
    std::lock_guard lk(mu_);
    return card_;
}

void DemoDevices::scan(const std::string& code, const std::string& aim_id, bool cut_off)
{
    if (cut_off)
        scanner_->set_fault(ScannerFault::partial_report);
    scanner_->scan(code, aim_id);
}

void DemoDevices::apply_printer_state()
{
    printer_->set_state(PrinterState{.cover_open = cover_open_,
                                     .paper_near_end = paper_ != Paper::ok,
                                     .paper_out = paper_ == Paper::out,
                                     .cutter_error = false});
}

void DemoDevices::set_cover_open(bool open)
{
    std::lock_guard lk(mu_);
    cover_open_ = open;
    apply_printer_state();
}

void DemoDevices::set_paper(Paper paper)
{
    std::lock_guard lk(mu_);
    paper_ = paper;
    apply_printer_state();
}

bool DemoDevices::cover_open() const
{
    std::lock_guard lk(mu_);
    return cover_open_;
}

Paper DemoDevices::paper() const
{
    std::lock_guard lk(mu_);
    return paper_;
}

} // namespace hk::sim
