// central-admin: sets up the district CA, registers and enrols kiosks, lists what they sent,
// moves residents' requests through their statuses, follows up low ratings, publishes,
// withdraws and counts questionnaires, and lists staff's audit events. Safe beside a running
// hallkiosk-central on the same data folder: SQLite in WAL, each change one immediate transaction.
#include "central_store.hpp"
#include "certificate_authority.hpp"
#include "durable_file.hpp"
#include "jwk.hpp"
#include "pass_key.hpp"
#include "personal.hpp"
#include "questionnaires.hpp"
#include "rating_intake.hpp"
#include "record_intake.hpp"
#include "request_handling.hpp"
#include "resident_key.hpp"
#include "venue_calendar.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  central-admin init DATA_DIR\n"
    "  central-admin register DATA_DIR --kiosk ID --jwk FILE\n"
    "  central-admin enrol DATA_DIR --kiosk ID --csr FILE --out CERT\n"
    "  central-admin records DATA_DIR [--kiosk ID]\n"
    "  central-admin request list DATA_DIR\n"
    "  central-admin request show DATA_DIR TRACKING\n"
    "  central-admin request advance DATA_DIR TRACKING --to STATUS --unit UNIT [--note TEXT]\n"
    "    STATUS: accepted, dispatched, resolved or closed (residents confirm and reopen)\n"
    "  central-admin bookings list DATA_DIR [--date YYYY-MM-DD]\n"
    "  central-admin signups list DATA_DIR [--activity ID]\n"
    "  central-admin ratings list DATA_DIR [--follow-up]\n"
    "  central-admin ratings rectify DATA_DIR RECORD_ID --note TEXT\n"
    "  central-admin questionnaires publish DATA_DIR FILE\n"
    "  central-admin questionnaires withdraw DATA_DIR ID\n"
    "  central-admin questionnaires list DATA_DIR\n"
    "  central-admin questionnaires results DATA_DIR ID\n"
    "  central-admin audit list DATA_DIR [--hall HALL] [--staff ID]\n";

std::int64_t now_unix()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int fail_with(const std::string& message)
{
    std::fprintf(stderr, "central-admin: %s\n", message.c_str());
    return 1;
}

// --name value pairs after the command and folder; nothing when one is malformed or unknown.
std::optional<std::map<std::string, std::string, std::less<>>>
read_options(int argc, char** argv, int from, std::initializer_list<std::string_view> known)
{
    std::map<std::string, std::string, std::less<>> values;
    for (int i = from; i < argc; i += 2) {
        const std::string_view name = argv[i];
        if (i + 1 >= argc || std::find(known.begin(), known.end(), name) == known.end())
            return std::nullopt;
        values[std::string(name)] = argv[i + 1];
    }
    return values;
}

int run_init(const std::filesystem::path& data_dir)
{
    if (auto r = hk::central::init_authority(data_dir, now_unix()); !r)
        return fail_with(r.error().message);
    if (auto store = hk::central::CentralStore::open(data_dir); !store)
        return fail_with(store.error().message);
    if (auto key = hk::central::load_or_make_pass_key(data_dir); !key)
        return fail_with(key.error().message);
    if (auto secret = hk::central::ResidentKeys::open(data_dir); !secret)
        return fail_with(secret.error().message);
    std::printf("made the CA, the server certificate and the pass key (kid %s) in %s; kiosks pin %s\n",
                std::string(hk::central::kPassKid).c_str(), data_dir.c_str(),
                (data_dir / hk::central::kCaCertFile).c_str());
    return 0;
}

int run_register(const std::filesystem::path& data_dir, const std::string& kiosk, const std::string& jwk_file)
{
    auto text = hk::uplink::read_small_file(jwk_file);
    if (!text)
        return fail_with(text.error().message);
    auto jwk = nlohmann::json::parse(*text, nullptr, false);
    if (jwk.is_discarded() || !jwk.is_object())
        return fail_with(jwk_file + " is not a JSON object");
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto key = store->register_kiosk(kiosk, jwk);
    if (!key)
        return fail_with(key.error().message);
    std::printf("registered kiosk %s, kid %s\n", kiosk.c_str(), key->kid.c_str());
    return 0;
}

int run_enrol(const std::filesystem::path& data_dir, const std::string& kiosk, const std::string& csr_file,
              const std::string& out)
{
    auto csr = hk::uplink::read_small_file(csr_file);
    if (!csr)
        return fail_with(csr.error().message);
    auto issued = hk::central::issue_kiosk_certificate(data_dir, *csr, kiosk, now_unix());
    if (!issued)
        return fail_with(issued.error().message);
    auto jwk = hk::uplink::public_jwk(issued->key.get());
    if (!jwk)
        return fail_with(jwk.error().message);
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto key = store->register_kiosk(kiosk, *jwk);
    if (!key)
        return fail_with(key.error().message);
    if (auto r = hk::uplink::write_file_durably(out, issued->pem, 0644); !r)
        return fail_with(r.error().message);
    std::printf("issued %s for kiosk %s, kid %s\n", out.c_str(), kiosk.c_str(), key->kid.c_str());
    return 0;
}

int run_records(const std::filesystem::path& data_dir, const std::optional<std::string>& kiosk)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto records = store->records(kiosk ? std::optional<std::string_view>(*kiosk) : std::nullopt);
    if (!records)
        return fail_with(records.error().message);
    std::printf("kiosk\tseq\tflag\ttype\tat\tid\treceived_at\trefused\n");
    for (const auto& r : *records)
        std::printf("%s\t%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", r.kiosk.c_str(), static_cast<long long>(r.seq),
                    std::string(hk::central::chain_flag_name(r.flag)).c_str(), r.type.c_str(), r.at.c_str(),
                    r.id.c_str(), r.received_at.c_str(), r.refusal.c_str());
    return 0;
}

std::string last_change(const hk::central::RequestStatus& r)
{
    return r.stages.empty() ? std::string{} : r.stages.back().value("at", "");
}

int run_request_list(const std::filesystem::path& data_dir)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto requests = store->requests();
    if (!requests)
        return fail_with(requests.error().message);
    std::printf("tracking\tstatus\tcategory\tdue\tlast_change\trated\n");
    for (const auto& r : *requests)
        std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", r.tracking.c_str(), r.status.c_str(), r.category.c_str(), r.due.c_str(),
                    last_change(r).c_str(), r.rated ? "yes" : "no");
    return 0;
}

void print_stages(const hk::central::RequestStatus& r)
{
    std::printf("stages:\n");
    for (const auto& s : r.stages)
        std::printf("  %s\t%s\t%s\t%s\n", s.value("at", "").c_str(), s.value("stage", "").c_str(),
                    s.value("unit", "").c_str(), s.value("note", "").c_str());
}

// The object member `name` of `o`, or an empty object: records held from before a member was
// checked are shown as far as they go.
nlohmann::json object_at(const nlohmann::json& o, const char* name)
{
    const auto it = o.find(name);
    return it != o.end() && it->is_object() ? *it : nlohmann::json::object();
}

std::string masked(hk::Personal::Kind kind, const nlohmann::json& o, const char* name)
{
    return hk::Personal(kind, o.value(name, "")).masked();
}

// The fields of the request record as staff see them: the reporter's personal fields masked
// (hk::Personal, as on the kiosk's screens and receipts).
void print_filing(const nlohmann::json& body)
{
    const auto place = object_at(body, "place");
    std::string where = place.value("kind", "");
    if (where == "community") {
        where += " " + place.value("community", "");
        if (place.contains("grid"))
            where += ", grid " + place.value("grid", "");
        if (place.contains("detail"))
            where += ", " + place.value("detail", "");
    }
    std::string phrases;
    for (const auto& p : body.value("phrases", nlohmann::json::array()))
        if (p.is_string())
            phrases += (phrases.empty() ? "" : ", ") + p.get<std::string>();
    const auto reporter = object_at(body, "reporter");
    const auto consent = object_at(body, "consent");
    std::string who = reporter.value("kind", "");
    if (who == "named") {
        using Kind = hk::Personal::Kind;
        who += ": " + masked(Kind::name, reporter, "name") + ", ID " + masked(Kind::id_number, reporter, "id_number") +
               ", phone " + masked(Kind::phone, reporter, "phone") + " (consent " + consent.value("version", "") +
               " at " + consent.value("at", "") + ")";
    }
    std::printf("hall:\t%s\nfiled_at:\t%s\nplace:\t%s\nlang:\t%s\nphrases:\t%s\nreporter:\t%s\ndescription:\n  %s\n",
                body.value("hall", "").c_str(), body.value("filed_at", "").c_str(), where.c_str(),
                body.value("lang", "").c_str(), phrases.c_str(), who.c_str(), body.value("description", "").c_str());
}

int run_request_show(const std::filesystem::path& data_dir, const std::string& tracking)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto found = store->request(tracking);
    if (!found)
        return fail_with(found.error().message);
    if (!*found)
        return fail_with("no request " + tracking);
    const auto& r = **found;
    std::printf("tracking:\t%s\nstatus:\t%s\ncategory:\t%s\ndue:\t%s\nrated:\t%s\n", r.tracking.c_str(),
                r.status.c_str(), r.category.c_str(), r.due.c_str(), r.rated ? "yes" : "no");
    auto record = store->record_by_id(r.record);
    if (!record)
        return fail_with(record.error().message);
    if (*record) {
        auto body = hk::central::stored_body(**record);
        if (!body)
            return fail_with(body.error().message);
        std::printf("kiosk:\t%s\n", (*record)->kiosk.c_str());
        print_filing(*body);
    }
    print_stages(r);
    return 0;
}

int run_request_advance(const std::filesystem::path& data_dir, const std::string& tracking, const std::string& to,
                        const std::string& unit, const std::string& note)
{
    const auto state = hk::central::request_state_from_name(to);
    if (!state)
        return fail_with("no status " + to);
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto moved = hk::central::advance_request(*store, tracking, *state, unit, note, now_unix());
    if (!moved)
        return fail_with(moved.error().message);
    std::printf("request %s is %s\n", moved->tracking.c_str(), moved->status.c_str());
    return 0;
}

// Rows of `sql` (parameter ?1 bound to `filter` when there is one) printed tab-separated under
// `heading`, the column `name_column` masked as a name, times in columns `time_columns` written
// as local times.
int print_rows(const std::filesystem::path& data_dir, const char* heading, const std::string& sql,
               const std::optional<std::string>& filter, int columns, int name_column,
               std::initializer_list<int> time_columns)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto s = store->database().prepare(sql);
    if (!s)
        return fail_with("database: " + s.error().message);
    if (filter)
        s->bind(1, *filter);
    std::printf("%s\n", heading);
    for (;;) {
        auto row = s->step();
        if (!row)
            return fail_with("database: " + row.error().message);
        if (!*row)
            return 0;
        std::string line;
        for (int c = 0; c < columns; ++c) {
            std::string cell = s->text(c);
            if (c == name_column)
                cell = hk::Personal(hk::Personal::Kind::name, cell).masked();
            else if (std::find(time_columns.begin(), time_columns.end(), c) != time_columns.end())
                cell = hk::central::format_local(s->integer(c));
            line += (c == 0 ? "" : "\t") + cell;
        }
        std::printf("%s\n", line.c_str());
    }
}

int run_bookings_list(const std::filesystem::path& data_dir, const std::optional<std::string>& date)
{
    std::string where;
    if (date) {
        const auto day = hk::central::parse_date(*date);
        if (!day)
            return fail_with("--date takes YYYY-MM-DD");
        where = " WHERE start >= " + std::to_string(hk::central::day_start(*day)) +
                " AND start < " + std::to_string(hk::central::day_start(*day + 1));
    }
    return print_rows(data_dir, "booking\tvenue\tstart\tend\tstate\tname\tgroup\thall\tkiosk\tchecked_in",
                      "SELECT id, venue, start, end, state, name, group_size, hall, kiosk, checked_in_at FROM bookings" +
                          where + " ORDER BY start, venue",
                      std::nullopt, 10, 5, {2, 3});
}

int run_signups_list(const std::filesystem::path& data_dir, const std::optional<std::string>& activity)
{
    const std::string where = activity ? " WHERE activity = ?1" : "";
    return print_rows(data_dir, "signup\tactivity\tstate\tname\tsigned_at\tkiosk",
                      "SELECT id, activity, state, name, signed_at, kiosk FROM signups" + where +
                          " ORDER BY activity, rowid",
                      activity, 6, 3, {4});
}

// central-admin bookings list DATA_DIR [--date D] or signups list DATA_DIR [--activity ID]: 2 for a
// malformed command line.
int run_list(int argc, char** argv)
{
    const std::string_view command = argv[1];
    if (argc < 4 || std::string_view(argv[2]) != "list")
        return 2;
    const std::filesystem::path data_dir = argv[3];
    const char* option = command == "bookings" ? "--date" : "--activity";
    auto o = read_options(argc, argv, 4, {option});
    if (!o)
        return 2;
    const auto it = o->find(option);
    const auto value = it == o->end() ? std::nullopt : std::optional<std::string>(it->second);
    return command == "bookings" ? run_bookings_list(data_dir, value) : run_signups_list(data_dir, value);
}

// What a rating is of, as staff read it: never the resident's ID number nor its HMAC.
std::string rated_thing(const hk::central::Rating& r)
{
    if (r.subject_kind != "window")
        return r.subject_kind + " " + r.subject;
    if (r.subject.starts_with("ticket:"))
        return "window " + r.window + " ticket " + r.subject.substr(r.subject.rfind(':') + 1);
    if (!r.visit.empty())
        return "window " + r.window + " visit " + r.visit;
    return "window " + r.window + " by ID card";
}

// Text kept on one line of a listing.
std::string one_line(std::string text)
{
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

int run_ratings_list(const std::filesystem::path& data_dir, bool follow_up_only)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto ratings = store->ratings(follow_up_only);
    if (!ratings)
        return fail_with(ratings.error().message);
    std::printf("record\tat\thall\trated\tlevel\treasons\ttext\tcallback\tfollow_up\tnote\n");
    for (const auto& r : *ratings) {
        std::string reasons;
        for (const auto& id : r.reasons)
            if (id.is_string())
                reasons += (reasons.empty() ? "" : ",") + id.get<std::string>();
        std::printf("%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", r.record.c_str(), r.at.c_str(), r.hall.c_str(),
                    rated_thing(r).c_str(), r.level, reasons.c_str(), one_line(r.text).c_str(),
                    r.callback_phone.c_str(), r.follow_up.c_str(), one_line(r.follow_up_note).c_str());
    }
    return 0;
}

int run_ratings_rectify(const std::filesystem::path& data_dir, const std::string& record, const std::string& note)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto rectified = hk::central::rectify_rating(*store, record, note, now_unix());
    if (!rectified)
        return fail_with(rectified.error().message);
    std::printf("the rating of record %s is rectified\n", rectified->record.c_str());
    return 0;
}

// central-admin ratings SUBCOMMAND DATA_DIR ...: 2 for a malformed command line.
int run_ratings(int argc, char** argv)
{
    if (argc < 4)
        return 2;
    const std::string_view sub = argv[2];
    const std::filesystem::path data_dir = argv[3];
    if (sub == "list" && argc == 4)
        return run_ratings_list(data_dir, false);
    if (sub == "list" && argc == 5 && std::string_view(argv[4]) == "--follow-up")
        return run_ratings_list(data_dir, true);
    if (sub == "rectify" && argc == 7) {
        auto o = read_options(argc, argv, 5, {"--note"});
        if (o && o->contains("--note"))
            return run_ratings_rectify(data_dir, argv[4], o->at("--note"));
    }
    return 2;
}

int run_questionnaire_publish(const std::filesystem::path& data_dir, const std::string& file)
{
    auto text = hk::uplink::read_small_file(file);
    if (!text)
        return fail_with(text.error().message);
    auto item = nlohmann::json::parse(*text, nullptr, false);
    if (item.is_discarded() || !item.is_object())
        return fail_with(file + " is not a JSON object");
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto published = hk::central::publish_questionnaire(*store, item, now_unix());
    if (!published)
        return fail_with(published.error().message);
    const std::string id = item.value("id", "");
    std::printf(*published == hk::central::Published::already ? "questionnaire %s was published already\n"
                                                               : "published questionnaire %s\n",
                id.c_str());
    return 0;
}

int run_questionnaire_withdraw(const std::filesystem::path& data_dir, const std::string& id)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    if (auto r = hk::central::withdraw_questionnaire(*store, id, now_unix()); !r)
        return fail_with(r.error().message);
    std::printf("withdrew questionnaire %s\n", id.c_str());
    return 0;
}

int run_questionnaire_list(const std::filesystem::path& data_dir)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto all = store->questionnaires();
    if (!all)
        return fail_with(all.error().message);
    std::printf("id\tstate\tpublished_at\twithdrawn_at\tanswers\ttitle\n");
    for (const auto& q : *all) {
        auto answers = store->questionnaire_answers(q.id);
        if (!answers)
            return fail_with(answers.error().message);
        const auto title = object_at(q.body, "title");
        std::printf("%s\t%s\t%s\t%s\t%zu\t%s\n", q.id.c_str(), q.withdrawn_at.empty() ? "published" : "withdrawn",
                    q.published_at.c_str(), q.withdrawn_at.c_str(), answers->size(),
                    title.value("zh-Hans", "").c_str());
    }
    return 0;
}

int run_questionnaire_results(const std::filesystem::path& data_dir, const std::string& id)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto results = hk::central::questionnaire_results(*store, id);
    if (!results)
        return fail_with(results.error().message);
    for (const auto& q : *results) {
        std::printf("%s\t%s\tanswered %lld\n", q.id.c_str(), q.kind.c_str(), static_cast<long long>(q.answered));
        for (const auto& [value, n] : q.counts)
            std::printf("  %s\t%lld\n", value.c_str(), static_cast<long long>(n));
        for (const auto& text : q.texts)
            std::printf("  text:\t%s\n", one_line(text).c_str());
    }
    return 0;
}

// central-admin questionnaires SUBCOMMAND DATA_DIR ...: 2 for a malformed command line.
int run_questionnaires(int argc, char** argv)
{
    if (argc < 4)
        return 2;
    const std::string_view sub = argv[2];
    const std::filesystem::path data_dir = argv[3];
    if (sub == "list" && argc == 4)
        return run_questionnaire_list(data_dir);
    if (argc != 5)
        return 2;
    if (sub == "publish")
        return run_questionnaire_publish(data_dir, argv[4]);
    if (sub == "withdraw")
        return run_questionnaire_withdraw(data_dir, argv[4]);
    if (sub == "results")
        return run_questionnaire_results(data_dir, argv[4]);
    return 2;
}

int run_audit_list(const std::filesystem::path& data_dir, const std::optional<std::string>& hall,
                   const std::optional<std::string>& staff)
{
    auto store = hk::central::CentralStore::open(data_dir);
    if (!store)
        return fail_with(store.error().message);
    auto events = store->audit_events(hall ? std::optional<std::string_view>(*hall) : std::nullopt,
                                      staff ? std::optional<std::string_view>(*staff) : std::nullopt);
    if (!events)
        return fail_with(events.error().message);
    std::printf("at\tkiosk\tseq\tstaff\trole\taction\tresult\tdetail\n");
    for (const auto& e : *events)
        std::printf("%s\t%s\t%lld\t%s\t%s\t%s\t%s\t%s\n", e.at.c_str(), e.kiosk.c_str(), static_cast<long long>(e.seq),
                    e.staff.c_str(), e.role.c_str(), e.action.c_str(), e.result.c_str(), e.detail.c_str());
    return 0;
}

// central-admin audit list DATA_DIR [--hall HALL] [--staff ID]: 2 for a malformed command line.
int run_audit(int argc, char** argv)
{
    if (argc < 4 || std::string_view(argv[2]) != "list")
        return 2;
    auto o = read_options(argc, argv, 4, {"--hall", "--staff"});
    if (!o)
        return 2;
    const auto value = [&](const char* name) {
        const auto it = o->find(name);
        return it == o->end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    return run_audit_list(argv[3], value("--hall"), value("--staff"));
}

// central-admin request SUBCOMMAND DATA_DIR ...: 2 for a malformed command line.
int run_request(int argc, char** argv)
{
    if (argc < 4)
        return 2;
    const std::string_view sub = argv[2];
    const std::filesystem::path data_dir = argv[3];
    if (sub == "list" && argc == 4)
        return run_request_list(data_dir);
    if (sub == "show" && argc == 5)
        return run_request_show(data_dir, argv[4]);
    if (sub == "advance" && argc >= 5) {
        auto o = read_options(argc, argv, 5, {"--to", "--unit", "--note"});
        if (o && o->contains("--to") && o->contains("--unit")) {
            const auto note = o->find("--note");
            return run_request_advance(data_dir, argv[4], o->at("--to"), o->at("--unit"),
                                       note == o->end() ? std::string{} : note->second);
        }
    }
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string_view command = argv[1];
    if (command == "request") {
        const int status = run_request(argc, argv);
        if (status == 2)
            std::fputs(kUsage, stderr);
        return status;
    }
    if (command == "bookings" || command == "signups" || command == "ratings" || command == "questionnaires" ||
        command == "audit") {
        const int status = command == "ratings"          ? run_ratings(argc, argv)
                           : command == "questionnaires" ? run_questionnaires(argc, argv)
                           : command == "audit"          ? run_audit(argc, argv)
                                                         : run_list(argc, argv);
        if (status == 2)
            std::fputs(kUsage, stderr);
        return status;
    }
    const std::filesystem::path data_dir = argv[2];
    if (command == "init" && argc == 3)
        return run_init(data_dir);
    if (command == "register") {
        auto o = read_options(argc, argv, 3, {"--kiosk", "--jwk"});
        if (o && o->size() == 2)
            return run_register(data_dir, o->at("--kiosk"), o->at("--jwk"));
    }
    if (command == "enrol") {
        auto o = read_options(argc, argv, 3, {"--kiosk", "--csr", "--out"});
        if (o && o->size() == 3)
            return run_enrol(data_dir, o->at("--kiosk"), o->at("--csr"), o->at("--out"));
    }
    if (command == "records") {
        auto o = read_options(argc, argv, 3, {"--kiosk"});
        if (o) {
            const auto it = o->find("--kiosk");
            return run_records(data_dir, it == o->end() ? std::nullopt : std::optional<std::string>(it->second));
        }
    }
    std::fputs(kUsage, stderr);
    return 2;
}
