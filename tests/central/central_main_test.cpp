// hallkiosk-central run as scripts/demo runs it: its first line names the port, SIGTERM ends it.
#include "central_support.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hk::central;
using hk::uplink::test::ScratchDir;

extern char** environ;

namespace {

// The server started with `args`, its stdout on a pipe.
struct Child {
    pid_t pid = -1;
    FILE* out = nullptr;
};

Child spawn(const std::vector<std::string>& args)
{
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    Child child;
    const int rc = ::posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    REQUIRE(rc == 0);
    child.out = ::fdopen(fds[0], "r");
    return child;
}

int wait_exit(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("hallkiosk-central prints the port it listens on first, serves there and stops on SIGTERM")
{
    ScratchDir dir;
    REQUIRE(init_authority(dir.path(), test::now_unix()));
    Child child = spawn({HK_CENTRAL_SERVER, "--data", dir.path().string(), "--catalogue",
                         test::sample_catalogue().string(), "--port", "0"});
    std::array<char, 128> line{};
    REQUIRE(std::fgets(line.data(), line.size(), child.out));
    int port = 0;
    REQUIRE(std::sscanf(line.data(), "listening on https://127.0.0.1:%d\n", &port) == 1);
    CHECK(port > 0);

    httplib::SSLClient client("127.0.0.1", port);
    client.set_ca_cert_path((dir.path() / kCaCertFile).string());
    client.enable_server_certificate_verification(true);
    auto health = client.Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);

    ::kill(child.pid, SIGTERM);
    CHECK(wait_exit(child.pid) == 0);
    std::fclose(child.out);
}

TEST_CASE("hallkiosk-central without its CA files says what to run and exits 1")
{
    ScratchDir dir;
    Child child =
        spawn({HK_CENTRAL_SERVER, "--data", dir.path().string(), "--catalogue", test::sample_catalogue().string()});
    CHECK(wait_exit(child.pid) == 1);
    std::fclose(child.out);
}

TEST_CASE("central-admin moves a request while hallkiosk-central runs on the same data, which serves the new status")
{
    ScratchDir dir;
    const std::string data = (dir.path() / "data").string();
    REQUIRE(init_authority(data, test::now_unix()));
    test::TestKiosk kiosk(dir, "kiosk-1");
    {
        auto store = CentralStore::open(data);
        REQUIRE(store);
        REQUIRE(store->register_kiosk(kiosk.id(), kiosk.identity().public_jwk()));
    }
    Child child = spawn({HK_CENTRAL_SERVER, "--data", data, "--catalogue", test::sample_catalogue().string(), "--port",
                         "0", "--allow-unenrolled"});
    std::array<char, 128> line{};
    REQUIRE(std::fgets(line.data(), line.size(), child.out));
    int port = 0;
    REQUIRE(std::sscanf(line.data(), "listening on https://127.0.0.1:%d\n", &port) == 1);
    httplib::SSLClient client("127.0.0.1", port);
    client.set_ca_cert_path((std::filesystem::path(data) / kCaCertFile).string());
    client.enable_server_certificate_verification(true);
    client.set_read_timeout(10);

    const std::string number = test::tracking_number(8);
    const nlohmann::json envelope = {{"kiosk", kiosk.id()},
                                     {"records", {kiosk.next(test::request_body(number), "request")}}};
    auto upload = client.Post("/v1/records", envelope.dump(), "application/json");
    REQUIRE(upload);
    REQUIRE(upload->status == 200);
    CHECK(nlohmann::json::parse(upload->body)["results"][0]["status"] == "accepted");

    // The server keeps its connection open; the admin's write goes beside it.
    auto advance = hk::uplink::test::run(std::string(HK_CENTRAL_ADMIN) + " request advance '" + data + "' " + number +
                                         " --to accepted --unit 莲花社区工作站");
    CHECK_MESSAGE(advance.status == 0, advance.output);
    auto status = client.Get("/v1/requests/" + number + "?check=482913");
    REQUIRE(status);
    REQUIRE(status->status == 200);
    const auto body = nlohmann::json::parse(status->body);
    CHECK(body["status"] == "accepted");
    REQUIRE(body["stages"].size() == 2);
    CHECK(body["stages"][1]["unit"] == "莲花社区工作站");

    ::kill(child.pid, SIGTERM);
    CHECK(wait_exit(child.pid) == 0);
    std::fclose(child.out);
}
