// The doctest runner shared by every test binary. A run whose filter selects no test case fails:
// ctest runs each case by name, and a name that no longer matches (a renamed case, or a name
// that CMake split at a ';') must not pass by running nothing.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

namespace {

unsigned g_selected = 0;
bool g_run_ended = false;

struct SelectedCount : doctest::IReporter {
    explicit SelectedCount(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& s) override
    {
        g_selected = s.numTestCasesPassingFilters;
        g_run_ended = true;
    }
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

} // namespace

DOCTEST_REGISTER_LISTENER("selected-count", 1, SelectedCount);

int main(int argc, char** argv)
{
    doctest::Context context(argc, argv);
    const int result = context.run();
    if (context.shouldExit() || !g_run_ended)
        return result; // --list-test-cases, --help and the like
    if (g_selected == 0) {
        std::fprintf(stderr, "no test case matches the filter: nothing was tested\n");
        return result != 0 ? result : 1;
    }
    return result;
}
