// Tests of the central URL rule: https anywhere, plain http only to this machine.
#include "central_url.hpp"

#include <doctest/doctest.h>

using hk::is_central_url;

TEST_CASE("https URLs name the central platform, bare https:// does not")
{
    CHECK(is_central_url("https://central.example.org/kiosk"));
    CHECK(is_central_url("https://10.0.0.5:8443"));
    CHECK_FALSE(is_central_url("https://"));
}

TEST_CASE("plain http is allowed to this machine only")
{
    CHECK(is_central_url("http://127.0.0.1:8443"));
    CHECK(is_central_url("http://localhost/"));
    CHECK(is_central_url("http://[::1]:80"));
    CHECK(is_central_url("http://localhost"));
    CHECK_FALSE(is_central_url("http://localhost.example.com"));
    CHECK_FALSE(is_central_url("http://127.0.0.1.example.com"));
    CHECK_FALSE(is_central_url("http://central.example.org"));
    CHECK_FALSE(is_central_url("ftp://127.0.0.1"));
    CHECK_FALSE(is_central_url(""));
}
