// Who may move a request from which status to which.
#include "request_lifecycle.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>

using namespace hk::central;

namespace {

// Every move `actor` may make, as "from>to".
std::set<std::string> moves(Actor actor)
{
    std::set<std::string> out;
    for (std::size_t f = 0; f < kRequestStateNames.size(); ++f)
        for (std::size_t t = 0; t < kRequestStateNames.size(); ++t)
            if (may_move(static_cast<RequestState>(f), static_cast<RequestState>(t), actor))
                out.insert(std::string(kRequestStateNames[f]) + ">" + std::string(kRequestStateNames[t]));
    return out;
}

} // namespace

TEST_CASE("staff move a request through its work, close it, and take a reopened one on again")
{
    CHECK(moves(Actor::staff) == std::set<std::string>{"submitted>accepted", "accepted>dispatched",
                                                       "dispatched>resolved", "resolved>closed", "confirmed>closed",
                                                       "reopened>accepted", "reopened>dispatched"});
}

TEST_CASE("the resident only confirms or reopens a resolved request")
{
    CHECK(moves(Actor::resident) == std::set<std::string>{"resolved>confirmed", "resolved>reopened"});
}

TEST_CASE("a request is rated from resolved on, but not while reopened")
{
    std::set<std::string> rated;
    for (std::size_t i = 0; i < kRequestStateNames.size(); ++i)
        if (may_rate(static_cast<RequestState>(i)))
            rated.insert(std::string(kRequestStateNames[i]));
    CHECK(rated == std::set<std::string>{"resolved", "confirmed", "closed"});
}

TEST_CASE("the seven statuses go to their names and back")
{
    for (std::size_t i = 0; i < kRequestStateNames.size(); ++i) {
        const auto state = static_cast<RequestState>(i);
        CHECK(request_state_from_name(request_state_name(state)) == state);
    }
    CHECK_FALSE(request_state_from_name("rated"));
    CHECK_FALSE(request_state_from_name("Closed"));
}
