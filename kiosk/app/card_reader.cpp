// The kiosk's ID card reader (see card_reader.hpp).
#include "card_reader.hpp"

#include <spdlog/spdlog.h>

namespace hk::app {

CardReader::CardReader(ChangeHandler on_change, Options options)
    : on_change_(std::move(on_change)), options_(options),
      poller_(
          options_.poll,
          [this] {
              return usb::Job{"card reader poll", [this](usb::Transport& t, int) { return poll_once(t); },
                              [](const usb::Result<void>& r) {
                                  if (!r)
                                      spdlog::debug("idcard: poll: {}", r.error().message);
                              }};
          },
          [this](const usb::PortStatus& ps) {
              // A reader unplugged or broken says nothing of a card: none is counted as present.
              if (ps.state == usb::DeviceState::absent || ps.state == usb::DeviceState::fault)
                  update([](CardView& v) { v.present = false; });
          })
{
}

CardReader::~CardReader() { stop(); }

void CardReader::stop() { poller_.stop(); }

void CardReader::attach(usb::DevicePort& port) { poller_.attach(port); }

void CardReader::update(const std::function<void(CardView&)>& change)
{
    CardView now;
    {
        std::lock_guard lk(mu_);
        const CardView before = view_;
        change(view_);
        if (view_.present == before.present && view_.card == before.card && view_.problem == before.problem &&
            view_.reads == before.reads)
            return;
        now = view_;
    }
    if (on_change_)
        on_change_(now);
}

usb::Result<void> CardReader::on_open(usb::Transport& t, const usb::PortDevice& d)
{
    link_ = idcard::link_of(d.interface);
    if (d.driver == "sam-serial") {
        // The bridge's communication interface comes just before its data interface, which is
        // the one claimed (CDC 1.2 §5.2.3.8, as bridges lay them out).
        const std::uint8_t comm = d.interface.number > 0 && d.interface.cls == 0x0A
                                      ? static_cast<std::uint8_t>(d.interface.number - 1)
                                      : d.interface.number;
        if (auto r = idcard::set_serial_line(t, comm); !r)
            return r;
    }
    auto status = idcard::exchange(t, link_, sam::kModuleStatus);
    if (!status)
        return std::unexpected(status.error());
    if (auto p = sam::problem_of(status->sw1, status->sw2, status->sw3))
        return std::unexpected(usb::Error{usb::Errc::io, "the card module reports " + sam::describe(status->sw3)});
    spdlog::info("idcard: {} ready", d.model);
    return {};
}

void CardReader::want_card()
{
    {
        std::lock_guard lk(mu_);
        want_ = true;
    }
    update([](CardView& v) { v.problem.reset(); });
}

void CardReader::forget()
{
    {
        std::lock_guard lk(mu_);
        want_ = false;
    }
    update([](CardView& v) {
        v.card.reset();
        v.problem.reset();
    });
}

usb::Result<void> CardReader::poll_once(usb::Transport& t)
{
    bool want = false;
    bool have_card = false;
    {
        std::lock_guard lk(mu_);
        want = want_;
        have_card = view_.card != nullptr;
    }
    if (want && !have_card) {
        auto r = idcard::read_card(t, link_);
        if (!r)
            return std::unexpected(r.error());
        if (auto* card = std::get_if<idcard::Card>(&*r)) {
            auto shared = std::make_shared<const idcard::Card>(std::move(*card));
            {
                std::lock_guard lk(mu_);
                want_ = false;
            }
            spdlog::info("idcard: a {} card was read", shared->text.kind == idcard::CardKind::resident ? "resident" : "non-resident");
            update([&](CardView& v) {
                v.present = true;
                v.card = shared;
                v.problem.reset();
                ++v.reads;
            });
            return {};
        }
        const idcard::ReadProblem& p = std::get<idcard::ReadProblem>(*r);
        if (p.problem == sam::CardProblem::place_card) {
            update([](CardView& v) { v.present = false; });
            return {};
        }
        spdlog::warn("idcard: card not read: {} ({})", sam::describe(p.problem), p.detail);
        {
            std::lock_guard lk(mu_);
            // The resident is asked to act; reading again waits until they place the card anew.
            want_ = p.problem == sam::CardProblem::hold_still || p.problem == sam::CardProblem::protocol;
        }
        update([&](CardView& v) {
            v.present = true;
            v.problem = p.problem;
        });
        return {};
    }
    auto present = idcard::card_present(t, link_);
    if (!present)
        return std::unexpected(present.error());
    if (auto* p = std::get_if<idcard::ReadProblem>(&*present)) {
        update([&](CardView& v) { v.problem = p->problem; });
        return {};
    }
    const bool on = std::get<bool>(*present);
    update([&](CardView& v) {
        if (!on) {
            // Taken away: what was read of it leaves with it.
            v.card.reset();
            v.problem.reset();
        }
        v.present = on;
    });
    return {};
}

CardView CardReader::view() const
{
    std::lock_guard lk(mu_);
    return view_;
}

} // namespace hk::app
