// Questionnaires published, withdrawn, served and counted.
#include "questionnaires.hpp"

#include "durable_file.hpp"
#include "questionnaire_form.hpp"
#include "rfc3339.hpp"

#include <algorithm>

namespace hk::central {
namespace {

Result<void> commit(store::Transaction& tx)
{
    if (auto r = tx.commit(); !r)
        return fail("database: " + r.error().message);
    return {};
}

// Publishes `item` (read already as `q`) inside the caller's transaction.
Result<Published> publish_read(CentralStore& store, const Questionnaire& q, const nlohmann::json& item,
                               std::int64_t now)
{
    auto known = store.questionnaire(q.id);
    if (!known)
        return std::unexpected(known.error());
    if (*known) {
        if (!(*known)->withdrawn_at.empty())
            return fail("questionnaire " + q.id + " was withdrawn at " + (*known)->withdrawn_at +
                        "; a withdrawn questionnaire is not published again (publish it under a new id)");
        if ((*known)->body != item)
            return fail("questionnaire " + q.id + " was published at " + (*known)->published_at +
                        " with another body; publish the new one under a new id");
        return Published::already;
    }
    if (auto r = store.add_questionnaire({q.id, item, uplink::format_rfc3339_utc(now), ""}); !r)
        return std::unexpected(r.error());
    return Published::published;
}

} // namespace

Result<Published> publish_questionnaire(CentralStore& store, const nlohmann::json& item, std::int64_t now)
{
    auto q = read_questionnaire(item);
    if (!q)
        return std::unexpected(q.error());
    auto tx = store::Transaction::begin(store.database());
    if (!tx)
        return fail("database: " + tx.error().message);
    auto published = publish_read(store, *q, item, now);
    if (!published)
        return published;
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return published;
}

Result<void> withdraw_questionnaire(CentralStore& store, std::string_view id, std::int64_t now)
{
    auto tx = store::Transaction::begin(store.database());
    if (!tx)
        return fail("database: " + tx.error().message);
    auto known = store.questionnaire(id);
    if (!known)
        return std::unexpected(known.error());
    if (!*known)
        return fail("no questionnaire " + std::string(id) + " was published");
    if (!(*known)->withdrawn_at.empty())
        return fail("questionnaire " + std::string(id) + " was withdrawn at " + (*known)->withdrawn_at);
    if (auto r = store.set_withdrawn(id, uplink::format_rfc3339_utc(now)); !r)
        return r;
    return commit(*tx);
}

Result<std::vector<std::string>> publish_from_folder(CentralStore& store, const std::filesystem::path& folder,
                                                     std::int64_t now)
{
    const auto file = folder / kQuestionnairesFile;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return std::vector<std::string>{};
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > kMaxCatalogueFileBytes)
        return fail("catalogue: " + file.string() + " cannot be read or is larger than 4 MiB");
    auto bytes = uplink::read_small_file(file);
    if (!bytes)
        return std::unexpected(bytes.error());
    const auto items = nlohmann::json::parse(*bytes, nullptr, false);
    if (items.is_discarded() || !items.is_array())
        return fail("catalogue: " + file.string() + " is not a JSON array");
    std::vector<Questionnaire> read;
    for (const auto& item : items) {
        auto q = read_questionnaire(item);
        if (!q)
            return fail("catalogue: " + file.string() + ": " + q.error().message);
        read.push_back(std::move(*q));
    }
    auto tx = store::Transaction::begin(store.database());
    if (!tx)
        return fail("database: " + tx.error().message);
    std::vector<std::string> published;
    for (std::size_t i = 0; i < read.size(); ++i) {
        auto known = store.questionnaire(read[i].id);
        if (!known)
            return std::unexpected(known.error());
        if (*known)
            continue;
        if (auto r = publish_read(store, read[i], items[i], now); !r)
            return std::unexpected(r.error());
        published.push_back(read[i].id);
    }
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return published;
}

Result<CatalogueEntry> questionnaire_catalogue(CentralStore& store)
{
    auto all = store.questionnaires();
    if (!all)
        return std::unexpected(all.error());
    nlohmann::json items = nlohmann::json::array();
    for (auto& q : *all)
        if (q.withdrawn_at.empty())
            items.push_back(std::move(q.body));
    return catalogue_entry("questionnaires", std::move(items), std::nullopt);
}

Result<std::vector<QuestionResults>> questionnaire_results(CentralStore& store, std::string_view id)
{
    auto known = store.questionnaire(id);
    if (!known)
        return std::unexpected(known.error());
    if (!*known)
        return fail("no questionnaire " + std::string(id) + " was published");
    auto q = read_questionnaire((*known)->body);
    if (!q)
        return std::unexpected(q.error());
    std::vector<QuestionResults> results;
    for (const auto& question : q->questions) {
        QuestionResults r;
        r.id = question.id;
        r.kind = std::string(question_kind_name(question.kind));
        for (const auto& option : question.options)
            r.counts[option] = 0;
        if (question.kind == QuestionKind::scale)
            for (int v = 1; v <= 5; ++v)
                r.counts[std::to_string(v)] = 0;
        results.push_back(std::move(r));
    }
    auto answers = store.questionnaire_answers(id);
    if (!answers)
        return std::unexpected(answers.error());
    for (const auto& one : *answers)
        for (const auto& a : one.answers) {
            if (!a.is_object())
                continue;
            const std::string question = a.value("question", "");
            auto r = std::find_if(results.begin(), results.end(), [&](const auto& x) { return x.id == question; });
            if (r == results.end())
                continue;
            ++r->answered;
            if (a.contains("choice") && a["choice"].is_string())
                ++r->counts[a["choice"].get<std::string>()];
            if (a.contains("choices") && a["choices"].is_array())
                for (const auto& c : a["choices"])
                    if (c.is_string())
                        ++r->counts[c.get<std::string>()];
            if (a.contains("value") && a["value"].is_number_integer())
                ++r->counts[std::to_string(a["value"].get<std::int64_t>())];
            if (a.contains("text") && a["text"].is_string())
                r->texts.push_back(a["text"].get<std::string>());
        }
    return results;
}

} // namespace hk::central
