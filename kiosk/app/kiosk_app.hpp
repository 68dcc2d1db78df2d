// The kiosk program: wires config, translations, fonts, the shell flow and the screens to the
// window, and runs the frame loop, interactively or from a script.
#pragma once

#include "booking_flow.hpp"
#include "cli.hpp"
#include "config.hpp"
#include "demo_camera.hpp"
#include "demo_codes.hpp"
#include "demo_panel.hpp"
#include "devices_config.hpp"
#include "fonts.hpp"
#include "maint_screens.hpp"
#include "maintenance.hpp"
#include "pin_hash.hpp"
#include "i18n.hpp"
#include "instance_lock.hpp"
#include "peripherals.hpp"
#include "pinyin_input.hpp"
#include "platform.hpp"
#include "rating_records.hpp"
#include "scan_router.hpp"
#include "screens.hpp"
#include "script.hpp"
#include "service_notify.hpp"
#include "shell.hpp"
#include "uplink_service.hpp"
#include "widgets.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace hk::app {

// Figures the benchmark and the log report.
struct FrameStats {
    double ui_ms = 0;     // our work and ImGui's: NewFrame .. Render
    double raster_ms = 0; // the renderer drawing and presenting the frame
    int frames = 0;
    ui::AtlasStats atlas;
    int atlas_builds = 0;
};

// The folders a kiosk keeps its things in.
struct AppFolders {
    std::filesystem::path state;    // config's, or demo mode's own per run
    std::filesystem::path receipts; // demo mode: where printed receipts are saved as pictures
};
// Which they are for these options and config (demo mode's are new for each run).
AppFolders app_folders(const Options& options, const KioskConfig& config);

struct AppSetup {
    Options options;
    KioskConfig config;
    Translator translator;
    DevicesConfig devices;
    // The state folder's lock, taken before the window opens (main takes it, so that a second
    // kiosk is told apart from a start that failed); create() takes it itself when it is null.
    std::unique_ptr<InstanceLock> lock = nullptr;
    AppFolders folders = {};
};

class KioskApp {
public:
    static Result<std::unique_ptr<KioskApp>> create(AppSetup setup);
    ~KioskApp();
    KioskApp(const KioskApp&) = delete;
    KioskApp& operator=(const KioskApp&) = delete;

    // Runs until the window is closed. Returns the exit code.
    int run();
    // The service manager's status line (see ServiceNotifier).
    std::string service_status() const;
    // Runs a script headless, writing a PNG after every step into `shots` (if not empty).
    int run_script(const std::vector<ScriptStep>& steps, const std::filesystem::path& shots);

    // Draws one frame now if anything changed (or `force`). Returns true if it drew.
    bool frame(bool force = false);
    const FrameStats& stats() const { return stats_; }
    const Shell& shell() const { return shell_; }
    Platform& platform() { return *platform_; }
    const ui::WidgetRegistry& widgets() const { return widgets_; }
    // Work is under way: the busy indicator shows and animates until set_busy(false).
    void set_busy(bool busy);
    // Hook called after a frame is rendered, before it is presented (screenshots).
    std::function<void()> on_rendered;
    Peripherals& peripherals() { return *peripherals_; }
    UplinkService& uplink() { return *uplink_; }
    const ui::DemoPanelView& demo_view() const { return demo_view_; }
    // The last code scanned, as routed (tests, the demo panel).
    const std::optional<RoutedScan>& last_scan() const { return last_scan_; }
    // The longest hall name staff may type (characters).
    static constexpr std::size_t kMaxHallNameChars = 40;
    // How long a notice about a scanned code stays up.
    static constexpr std::chrono::seconds kScanNoticeTime{8};

private:
    KioskApp(AppSetup setup, std::unique_ptr<Platform> platform, ui::FontSet fonts);

    SteadyTime now() const;
    // The local wall clock, moved on by a script's waits like now().
    std::chrono::system_clock::time_point wall_now() const;
    // When the loop must wake up next, with nothing else happening.
    std::optional<SteadyTime> next_wake() const;
    void handle_event(const SDL_Event& e);
    bool apply(const Intent& in);
    void rebuild_fonts();
    void draw_once(std::vector<Intent>& intents, std::vector<MaintIntent>& maint_intents,
                   std::vector<ui::DemoAction>& demo_actions);
    // Takes in what the devices reported since the last frame.
    void poll_devices();
    void apply_demo(const ui::DemoAction& a);
    void refresh_demo_view();
    // Demo mode's print buttons: a sample request receipt or the test page, in the screen's
    // language.
    void print_demo(bool test_page);
    ui::PrinterNotice printer_notice() const;
    // A session ended: what was read of the resident's card is forgotten, and a card left on the
    // reader is called back for, on screen and with a chime.
    void after_session_change();
    void chime_if_due();
    // A scanner or the camera read a code, or lost one.
    void on_scanned(scanner::ScanOutcome& outcome, ui::DemoEvent& shown);
    ui::ScanNotice scan_notice() const;
    // A booking pass scanned and taken: the check-in record kept, and what the resident is told.
    ui::ScanNotice check_in(const codes::BookingPass& pass);
    // A queue ticket scanned and taken: the window it was served at, logged.
    void scanned_ticket(const codes::QueueTicket& ticket, const std::string& text);
    // A code scanned on the rating's pass step: true when it was taken there (a pass, or a code of
    // ours that cannot be used, which the rating screen words).
    bool scanned_for_rating(const codes::RoutedCode& code, const std::string& text);
    ui::CheckIn checkin_;
    // The router with the trusted keys of config (and demo mode's), and the used passes kept in
    // the state folder (demo mode: a folder of its own per run).
    std::unique_ptr<ScanRouter> make_router();
    // The keys codes are checked with: config's, the "keys" catalogue's, and demo mode's own.
    codes::TrustedKeys trusted_keys() const;
    // The request categories and communities from the store's catalogue cache.
    void load_request_lists();
    // The request's ID card step: asks for a read, and files the card read with the request.
    void follow_request_card();
    // The request's description step: its keyboard's entry made when it comes, wiped when the
    // request is left; a key typed there.
    void follow_request_describe();
    bool type_key(const intent::TypeKey& key);
    // The review's submit: the tracking code, the record signed and durable, the receipt sent to
    // the printer, then the done screen; or the shell told it could not be kept.
    bool submit_request();
    void print_request_receipt(const FiledRequest& filed, const RequestDraft& draft);
    // The follow screen's question, asked once it is on screen; its answer taken in when it comes.
    void follow_request_status();
    void take_status_answer();
    // A confirm, reopen or rating from the follow screen, as a record.
    bool send_feedback(const Intent& in);
    // Booking, activities and "my bookings" (kiosk_booking.cpp): the venues and activities from
    // the catalogue cache; the questions their screens wait for asked and the answers taken in;
    // a hold that has run out ended; the pass and the slip printed.
    void load_booking_lists();
    void follow_booking();
    void print_booking_pass(const ConfirmedBooking& c);
    void print_signup_slip(const intent::SignedUp& s, const std::string& activity);
    // Rating the service (kiosk_rating.cpp): the windows, reasons and questionnaires from the
    // catalogue cache; the check of what this kiosk rated itself; the rating and the answers kept
    // as records; their keyboard; the hall's satisfaction figure asked now and then.
    void load_rating_lists();
    RatingContext rating_context() const;
    const uplink::Questionnaire* questionnaire_for(RateKind kind) const;
    void follow_rating();
    void follow_rating_entry();
    void follow_satisfaction();
    bool type_rate_key(const intent::TypeKey& key);
    bool send_rating(const Intent& in);
    bool send_answers();
    // The service directory, the volunteer teams and the traffic safety pages from the catalogue
    // cache; the team on screen's contact card printed (false: there is no team to print).
    void load_directory_lists();
    bool print_contact_card();
    // Whether the screen on top is a step that reads the ID card.
    bool card_step() const;
    // Maintenance mode (kiosk_maintenance.cpp, kiosk_maintenance_pages.cpp): opened from the
    // attract screen's hidden corner; a scan while it is open is its own (true: taken); the PIN's
    // answer and the idle exit followed; staff's intents carried out, each an audit record (who,
    // what, result, detail; `who` when the mode has already forgotten them).
    void restore_lockout();
    void keep_lockout();
    void audit(std::string_view action, std::string_view result, std::string_view detail,
               const StaffBadgeInfo* who = nullptr);
    void enter_maintenance();
    bool maint_scanned(const scanner::ScanOutcome& outcome);
    void follow_maintenance();
    bool apply_maint(const MaintIntent& in);
    void leave_maintenance(std::string_view how);
    bool power(MaintPower what);
    ui::MaintView maint_view() const;
    void fill_logs_view(ui::MaintLogsView& v) const;
    void fill_config_view(ui::MaintConfigView& v) const;
    void fill_identity_view(ui::MaintIdentityView& v) const;
    // Where files are exported to and certificates read from: the kiosk's own folder, then the
    // USB storage mounted now.
    std::vector<ui::MaintTarget> maint_targets() const;
    bool export_bundle(std::size_t target);
    bool set_config(const std::string& key, const std::string& value);
    // The hall's name typed on the keyboard, kept when "done" is pressed.
    bool type_hall_name(const text::Key& key);
    std::optional<text::TextEntry> hall_entry_; // the configuration page's keyboard, while it is up
    Lang hall_entry_lang_ = Lang::zh_Hans;
    bool new_identity_key();
    // A kiosk awaiting enrolment: its current key's certificate request written to the folder of
    // `target`.
    bool write_certificate_request(std::size_t target);
    // A certificate request for key `kid` written to `folder` as <kiosk id>-<first 8 characters of
    // the key id>.csr.pem for staff to take away; the outcome worded (`written` naming the file)
    // and audited as `action`.
    bool hand_over_request(std::string_view action, const std::filesystem::path& folder, std::string_view kid,
                           std::string_view csr, MsgKey written);
    // The certificate <kiosk id>.crt.pem in the folder of `target` installed. The first one for the
    // current key enrols the kiosk: the uplink starts again with it at once.
    bool install_certificate(std::size_t target);
    void follow_export();
    // The settings staff changed (the store's), over config's, at start; and applying them.
    void restore_config();
    void apply_config(const SessionTimings& timings, const std::vector<Lang>& langs, SiteProfile profile,
                      std::string_view paper);
    std::int64_t unix_now() const;

    AppSetup setup_;
    std::unique_ptr<Platform> platform_;
    ui::FontSet fonts_;
    Shell shell_;
    ui::WidgetRegistry widgets_;
    std::map<ServiceId, LocalText> instead_;
    FrameStats stats_;
    std::uint32_t wake_event_ = 0; // the SDL event type device threads push to wake the loop
    std::unique_ptr<Peripherals> peripherals_;
    ui::DemoPanelView demo_view_;
    std::array<std::optional<ui::DemoDeviceState>, 3> last_state_shown_{};
    PrinterView printer_;
    CardView card_;
    bool was_in_session_ = false;
    bool take_card_ = false; // the reminder is up
    int chimes_left_ = 0;
    std::optional<SteadyTime> next_chime_;
    usb::PortStatus printer_port_;
    usb::DeviceState card_reader_state_ = usb::DeviceState::absent;
    ui::CardNotice card_notice() const;
    std::filesystem::path state_dir_; // config's, or demo mode's own per run
    std::unique_ptr<UplinkService> uplink_;
    UplinkView uplink_view_;
    static constexpr std::chrono::seconds kUplinkLook{2}; // how often the status pill is brought up to date
    SteadyTime next_uplink_look_{};
    std::uint64_t lists_generation_ = 0; // the uplink's catalogue_generation() request_lists_ are of
    ui::RequestLists request_lists_;
    ui::BookingLists booking_lists_;
    ui::DirectoryLists directory_lists_;
    std::unique_ptr<BookingFlow> booking_flow_; // after uplink_: lets its hold go before the desk stops
    ui::RatingLists rating_lists_;
    std::string visit_id_; // the session's, for ratings; "" outside a session
    // The tickets, bookings and requests rated at this kiosk (in the state folder), kept this long.
    std::unique_ptr<codes::ReplayGuard> rated_;
    static constexpr std::int64_t kRatedKeepSeconds = 400LL * 24 * 60 * 60;
    struct SatisfactionBox {
        std::mutex mutex;
        std::optional<uplink::Satisfaction> answer;
    };
    std::shared_ptr<SatisfactionBox> satisfaction_box_ = std::make_shared<SatisfactionBox>();
    static constexpr std::chrono::minutes kSatisfactionEvery{15};
    SteadyTime next_satisfaction_ask_{};
    PinyinInput pinyin_;
    std::optional<text::TextEntry> describe_; // after pinyin_: dropped before the engine
    Lang describe_lang_ = Lang::zh_Hans;
    std::optional<text::TextEntry> rate_entry_; // a rating's words, or a questionnaire's text question
    std::string rate_field_;                    // which: "text", "q|<question id>", "" none
    Lang rate_entry_lang_ = Lang::zh_Hans;
    bool wanting_card_ = false;         // the request's card step is on screen
    std::uint64_t card_reads_seen_ = 0; // card_.reads when it came, or at its last read
    std::uint64_t keys_generation_ = 0; // the uplink's keys_generation() the router's keys are of
    // Answers to status questions, put here on the fetcher's thread and taken on the loop's.
    struct StatusMailbox {
        std::mutex mutex;
        std::uint64_t question = 0;
        std::optional<uplink::StatusAnswer> answer;
    };
    std::shared_ptr<StatusMailbox> status_box_ = std::make_shared<StatusMailbox>();
    std::uint64_t question_seq_ = 0;  // the question on screen
    bool asked_ = false;              // it has been asked
    std::optional<DemoCodes> demo_codes_;
    std::optional<DemoCamera> demo_camera_; // demo mode without a camera in config
    std::uint64_t camera_scans_ = 0;
    std::unique_ptr<ScanRouter> router_;
    std::optional<RoutedScan> last_scan_;
    ui::ScanNotice scan_notice_ = ui::ScanNotice::none;
    SteadyTime scan_notice_until_{};
    int demo_receipts_ = 0;          // sample receipts printed, for their tracking numbers
    std::size_t receipts_saved_ = 0; // demo mode: receipts written to receipts_dir_ so far
    std::filesystem::path receipts_dir_;

    Maintenance maint_;
    codes::PinHash staff_pin_; // the badge's PIN hash from the staff catalogue
    struct PinBox {
        std::mutex mutex;
        std::optional<bool> right;
    };
    std::shared_ptr<PinBox> pin_box_ = std::make_shared<PinBox>();
    enum class MaintTest { none, scan, card };
    MaintTest maint_test_ = MaintTest::none;
    std::uint64_t maint_card_reads_ = 0;
    std::string maint_result_; // what the last action on the page came to
    std::optional<MaintPower> asking_power_;
    bool sync_asked_ = false;
    bool catalogue_asked_ = false;
    int log_level_ = 0;
    std::string log_search_;
    int log_page_ = 0;
    struct ExportBox {
        std::mutex mutex;
        std::optional<std::string> done; // the outcome, worded
        bool ok = false;
        std::string file; // the bundle's file name, for the audit record
    };
    std::thread export_thread_; // joined when its outcome is taken, or by ~KioskApp
    std::shared_ptr<ExportBox> export_box_ = std::make_shared<ExportBox>();
    bool exporting_ = false;
    int exit_code_ = kExitOk;
    ServiceNotifier service_ = ServiceNotifier::from_environment();
    SiteProfile site_profile_ = SiteProfile::hall; // config's, or as staff set it
    std::string paper_width_ = "auto";             // "auto", "58" or "80" (mm)

    bool dirty_ = true;
    bool busy_ = false;
    bool quit_ = false;
    SteadyTime last_frame_{};
    // In script mode time is virtual: it moves only with `wait`.
    std::optional<SteadyTime> virtual_now_;
};

// The figure the attract screen shows: this month's share once it counts
// kSatisfactionMinRatings ratings, else last month's, else none.
inline constexpr int kSatisfactionMinRatings = 10;
std::optional<uplink::MonthSatisfaction> shown_satisfaction(const uplink::Satisfaction& s);

// Where the assets (translations) are: $HALLKIOSK_ASSETS, the installed share folder next to
// the binary, or the source tree of a development build (install_paths.hpp).
std::filesystem::path find_assets_dir();
// The kiosk's window as the command line and the config ask (no config: full screen, upright),
// for the kiosk and for the out-of-service screen alike.
WindowSpec window_spec(const Options& o, const KioskConfig* cfg);
// The config file to use when --config is not given: /etc/hallkiosk/kiosk.toml when installed.
std::filesystem::path default_config_path();

} // namespace hk::app
