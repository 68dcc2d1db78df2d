// Tests of UI script parsing.
#include "script.hpp"

#include <doctest/doctest.h>

using namespace hk::app;

TEST_CASE("a script is taps, waits, keys and shots, with comments and blank lines")
{
    auto s = parse_script("# start\n\ntap attract.start\nwait 1500\nkey Escape\nshot home-zh\n");
    REQUIRE(s);
    REQUIRE(s->size() == 4);
    CHECK((*s)[0].kind == ScriptStep::Kind::tap);
    CHECK((*s)[0].arg == "attract.start");
    CHECK((*s)[0].line == 3);
    CHECK((*s)[1].kind == ScriptStep::Kind::wait);
    CHECK((*s)[1].ms == 1500);
    CHECK((*s)[2].kind == ScriptStep::Kind::key);
    CHECK((*s)[3].kind == ScriptStep::Kind::shot);
    CHECK((*s)[3].arg == "home-zh");
}

TEST_CASE("script errors name their line")
{
    auto unknown = parse_script("tap a\nclick b\n");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().line == 2);
    auto no_arg = parse_script("\n\ntap\n");
    REQUIRE_FALSE(no_arg);
    CHECK(no_arg.error().line == 3);
    auto bad_wait = parse_script("wait soon\n");
    REQUIRE_FALSE(bad_wait);
    CHECK(bad_wait.error().line == 1);
    CHECK_FALSE(parse_script("wait -5\n"));
    // A shot name becomes a file name: nothing that could leave the screenshot folder.
    CHECK_FALSE(parse_script("shot ../../etc/passwd\n"));
    CHECK_FALSE(parse_script("shot a/b\n"));
}

TEST_CASE("a script scans codes and awaits what the kiosk does apart from its frames")
{
    auto s = parse_script("scan HKT1.26112300101235.482913\nawait catalogue\nawait sent\nawait answer\nawait printed\n");
    REQUIRE(s);
    REQUIRE(s->size() == 5);
    CHECK((*s)[0].kind == ScriptStep::Kind::scan);
    CHECK((*s)[0].arg == "HKT1.26112300101235.482913");
    CHECK((*s)[1].kind == ScriptStep::Kind::await);
    CHECK((*s)[4].arg == "printed");
    auto bad = parse_script("tap a\nawait godot\n");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().line == 2);
    CHECK_FALSE(parse_script("scan\n"));
}

TEST_CASE("a script waits to be released by a file of a plain name")
{
    auto s = parse_script("release go-1\n");
    REQUIRE(s);
    CHECK((*s)[0].kind == ScriptStep::Kind::release);
    CHECK((*s)[0].arg == "go-1");
    CHECK_FALSE(parse_script("release ../go\n")); // a name in the screenshot folder, never a path
    CHECK_FALSE(parse_script("release\n"));
}

TEST_CASE("a script holds a widget down for a while (maintenance mode's hidden corner)")
{
    auto steps = parse_script("hold attract.staff 3500\nawait maintenance\n");
    REQUIRE(steps);
    REQUIRE(steps->size() == 2);
    CHECK((*steps)[0].kind == ScriptStep::Kind::hold);
    CHECK((*steps)[0].arg == "attract.staff");
    CHECK((*steps)[0].ms == 3500);
    CHECK((*steps)[1].kind == ScriptStep::Kind::await);
    for (const char* bad : {"hold attract.staff", "hold attract.staff soon", "hold attract.staff -1",
                            "hold attract.staff 600001", "hold bad/id 100"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_script(bad));
    }
}
