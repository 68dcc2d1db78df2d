// central-admin: sets up the district CA, registers and enrols kiosks, lists what they sent.
#include "central_store.hpp"
#include "certificate_authority.hpp"
#include "durable_file.hpp"
#include "jwk.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr const char* kUsage = "usage:\n"
                               "  central-admin init DATA_DIR\n"
                               "  central-admin register DATA_DIR --kiosk ID --jwk FILE\n"
                               "  central-admin enrol DATA_DIR --kiosk ID --csr FILE --out CERT\n"
                               "  central-admin records DATA_DIR [--kiosk ID]\n";

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
    std::printf("made the CA and the server certificate in %s; kiosks pin %s\n", data_dir.c_str(),
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
    std::printf("kiosk\tseq\tflag\ttype\tat\tid\treceived_at\n");
    for (const auto& r : *records)
        std::printf("%s\t%lld\t%s\t%s\t%s\t%s\t%s\n", r.kiosk.c_str(), static_cast<long long>(r.seq),
                    std::string(hk::central::chain_flag_name(r.flag)).c_str(), r.type.c_str(), r.at.c_str(),
                    r.id.c_str(), r.received_at.c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string_view command = argv[1];
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
