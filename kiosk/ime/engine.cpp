// Starting and ending librime for the kiosk: what is checked before Rime sees the folder, what
// Rime is told, and the warm session that keeps the dictionary loaded.
#include "engine.hpp"

#include "session.hpp"

#include <rime_api.h>

#include <array>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace hk::ime {

namespace fs = std::filesystem;

namespace {

// What rime_deployer leaves in the deployed folder and Rime needs to run luna_pinyin (the
// CMake list in kiosk/ime/CMakeLists.txt names the same files).
constexpr std::array kDeployedFiles{"default.yaml", "luna_pinyin.schema.yaml", "luna_pinyin.table.bin",
                                    "luna_pinyin.prism.bin", "luna_pinyin.reverse.bin"};
constexpr const char* kSchema = "luna_pinyin";

// glog (Rime's log) keeps a pointer to the name and the module list: both must live on.
constexpr const char* kAppName = "rime.hallkiosk";
const char* kModules[] = {"default", nullptr};

bool g_logging_set_up = false;
bool g_running = false;

Result<fs::path> make_private_dir()
{
    std::error_code ec;
    const fs::path tmp = fs::temp_directory_path(ec);
    if (ec)
        return fail("no folder for temporary files: " + ec.message());
    // mkdtemp makes it 0700: only the kiosk's user may look.
    std::string pattern = (tmp / "hk-ime-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        return fail("could not make a private folder for Rime in " + tmp.string());
    return fs::path(pattern);
}

std::string candidate_at(RimeApi* api, RimeSessionId id, int index)
{
    RimeCandidateListIterator it{};
    std::string text;
    if (api->candidate_list_from_index(id, &it, index)) {
        if (api->candidate_list_next(&it) && it.candidate.text != nullptr)
            text = it.candidate.text;
        api->candidate_list_end(&it);
    }
    return text;
}

// Opens the warm session and checks that the schema and its dictionary work: the first lookup
// also brings the dictionary's pages in, so a resident's first key is not the slow one.
Result<RimeSessionId> open_warm_session(RimeApi* api, const fs::path& deployed_dir)
{
    const RimeSessionId id = api->create_session();
    if (id == 0)
        return fail("Rime could not open a session over " + deployed_dir.string());
    std::array<char, 64> schema{};
    if (!api->get_current_schema(id, schema.data(), schema.size()) || std::string(schema.data()) != kSchema) {
        api->destroy_session(id);
        return fail("Rime did not load the " + std::string(kSchema) + " schema from " + deployed_dir.string() +
                    ": deploy the folder again (target hk_ime_rime)");
    }
    api->process_key(id, 'n', 0);
    api->process_key(id, 'i', 0);
    const bool answers = !candidate_at(api, id, 0).empty();
    api->clear_composition(id);
    if (!answers) {
        api->destroy_session(id);
        return fail("Rime's " + std::string(kSchema) + " dictionary in " + deployed_dir.string() +
                    " gives no candidates: deploy the folder again (target hk_ime_rime)");
    }
    return id;
}

} // namespace

Result<std::unique_ptr<Engine>> Engine::start(const fs::path& deployed_dir)
{
    if (g_running)
        return fail("the pinyin engine is already running (Rime allows one per process)");
    std::error_code ec;
    if (!fs::is_directory(deployed_dir, ec))
        return fail("the Rime data folder " + deployed_dir.string() +
                    " does not exist: it is made at build time by rime_deployer (target hk_ime_rime)");
    for (const char* f : kDeployedFiles)
        if (!fs::is_regular_file(deployed_dir / f, ec))
            return fail("the Rime data folder " + deployed_dir.string() + " lacks " + f +
                        ": it was not deployed (rime_deployer --build, target hk_ime_rime); "
                        "the kiosk does not deploy at start");

    auto converter = ScriptConverter::load();
    if (!converter)
        return std::unexpected(converter.error());
    auto user_dir = make_private_dir();
    if (!user_dir)
        return std::unexpected(user_dir.error());

    const std::string data = deployed_dir.string();
    const std::string user = user_dir->string();
    RIME_STRUCT(RimeTraits, traits);
    // Rime reads the deployed folder in all three roles, so it never looks in the packages'
    // folders at run time and finds nothing it would want to compile.
    traits.shared_data_dir = data.c_str();
    traits.prebuilt_data_dir = data.c_str();
    traits.staging_dir = data.c_str();
    traits.user_data_dir = user.c_str();
    traits.distribution_name = "hallkiosk";
    traits.distribution_code_name = "hallkiosk";
    traits.distribution_version = "1";
    traits.app_name = kAppName;
    traits.modules = kModules;
    // Fatal only: Rime logs committed text at INFO level, and glog writes its log files to /tmp,
    // where what one resident typed would stay for the next to find.
    traits.min_log_level = 3;

    RimeApi* api = rime_get_api();
    // Rime's logging can be set up once per process; Initialize and Finalize may repeat.
    if (!g_logging_set_up) {
        api->setup(&traits);
        g_logging_set_up = true;
    }
    api->initialize(&traits);
    auto warm = open_warm_session(api, deployed_dir);
    if (!warm) {
        api->finalize();
        fs::remove_all(*user_dir, ec);
        return std::unexpected(warm.error());
    }
    g_running = true;
    auto engine = std::unique_ptr<Engine>(new Engine(deployed_dir, *user_dir, std::move(*converter)));
    engine->warm_session_ = *warm;
    return engine;
}

Engine::Engine(fs::path deployed_dir, fs::path user_dir, ScriptConverter converter)
    : deployed_dir_(std::move(deployed_dir)), user_dir_(std::move(user_dir)), converter_(std::move(converter))
{
}

Engine::~Engine()
{
    RimeApi* api = rime_get_api();
    api->destroy_session(warm_session_);
    api->finalize();
    std::error_code ec;
    fs::remove_all(user_dir_, ec);
    g_running = false;
}

Result<Session> Engine::session(Script script, std::size_t page_size)
{
    RimeApi* api = rime_get_api();
    const RimeSessionId id = api->create_session();
    if (id == 0)
        return fail("Rime could not open a session");
    return Session(id, converter_, script, page_size);
}

} // namespace hk::ime
