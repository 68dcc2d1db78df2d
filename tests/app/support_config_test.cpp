// The configuration support sees: what helps, and nothing that is key material or a credential.
#include "support_config.hpp"

#include "uplink_support.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::app;

namespace {

std::string ec_public_pem()
{
    hk::uplink::PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    REQUIRE(key);
    return hk::uplink::test::public_pem(key.get());
}

} // namespace

TEST_CASE("the config support sees names the hall, central, devices and trusted keys by id only")
{
    const std::string pem = ec_public_pem();
    const std::string toml =
        "[hall]\nid = \"hall-9\"\nname = { zh-Hans = \"幸福中心\", en = \"Xingfu Centre\" }\n"
        "[central]\nurl = \"https://central.example/api\"\nkiosk_id = \"hall-9-2\"\nkiosk_number = 42\n"
        "[services.book_venue]\nenabled = false\n"
        "[[trusted_key]]\nkid = \"district-2026\"\nalg = \"ES256\"\n"
        "not_after = 2027-12-31T23:59:59+08:00\npublic_key = \"\"\"\n" +
        pem + "\"\"\"\n";
    auto cfg = parse_config(toml, "/etc/hallkiosk/kiosk.toml");
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    nlohmann::json c = support_config(*cfg); // not const: operator[] on a missing member gives null

    CHECK(c["file"] == "/etc/hallkiosk/kiosk.toml");
    CHECK(c["hall"]["id"] == "hall-9");
    CHECK(c["hall"]["name"]["en"] == "Xingfu Centre");
    CHECK(c["central"]["url"] == "https://central.example/api");
    CHECK(c["central"]["kiosk_id"] == "hall-9-2");
    CHECK(c["central"]["kiosk_number"] == 42);
    CHECK(c["devices"]["file"] == "/etc/hallkiosk/devices.toml");
    CHECK(c["session"]["idle_timeout_s"] == 90);
    CHECK(c["services"]["book_venue"]["enabled"] == false);
    REQUIRE(c["trusted_keys"].size() == 1);
    CHECK(c["trusted_keys"][0] ==
          nlohmann::json{{"kid", "district-2026"}, {"alg", "ES256"}, {"not_after", 1830268799}});

    const std::string text = c.dump();
    CHECK_FALSE(text.contains("BEGIN PUBLIC KEY"));
    // Not one line of the key's base64 either.
    std::size_t from = pem.find('\n') + 1;
    const std::string first_line = pem.substr(from, pem.find('\n', from) - from);
    REQUIRE(first_line.size() > 20);
    CHECK_FALSE(text.contains(first_line));
}

TEST_CASE("a central URL loses its user, password, query and fragment")
{
    CHECK(url_without_credentials("https://kiosk:s3cret@central.example:8443/api/v1?token=abc#top") ==
          "https://central.example:8443/api/v1");
    CHECK(url_without_credentials("https://central.example/a@b") == "https://central.example/a@b");
    CHECK(url_without_credentials("http://127.0.0.1:8443") == "http://127.0.0.1:8443");
    CHECK(url_without_credentials("https://user@[::1]/x") == "https://[::1]/x");
    CHECK(url_without_credentials("") == "");
}

TEST_CASE("a credential in the configured central URL does not reach what support sees")
{
    KioskConfig cfg;
    cfg.central_url = "https://kiosk-7:pa55word@central.example/api?api_key=k-123";
    const std::string text = support_config(cfg).dump();
    CHECK(text.contains("central.example/api"));
    CHECK_FALSE(text.contains("pa55word"));
    CHECK_FALSE(text.contains("k-123"));
}
