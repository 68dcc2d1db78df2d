// Questionnaires kept in the central store (docs/protocol.md, "Questionnaires"): published by
// staff (central-admin questionnaires publish, or at the server's start from the catalogue
// folder's questionnaires.json), withdrawn, served as the `questionnaires` catalogue with a
// version that changes with each, and their answers counted. Each change is one immediate
// transaction, so that central-admin and a running server can share the data folder.
#pragma once

#include "catalogue.hpp"
#include "central_store.hpp"
#include "error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hk::central {

inline constexpr std::string_view kQuestionnairesFile = "questionnaires.json"; // optional, in the catalogue folder

enum class Published { published, already };

// Publishes `item` at `now` (Unix seconds) once it reads as a questionnaire: `already` when the
// same id was published with the same body; refused when it was published with another body or
// has been withdrawn (an id is never used again).
[[nodiscard]] Result<Published> publish_questionnaire(CentralStore& store, const nlohmann::json& item,
                                                      std::int64_t now);

// Withdraws questionnaire `id` at `now`; refused for an id never published or withdrawn already.
[[nodiscard]] Result<void> withdraw_questionnaire(CentralStore& store, std::string_view id, std::int64_t now);

// Publishes every questionnaire of `folder`/questionnaires.json (an array) that the store does not
// know yet, withdrawn ones included: those stay withdrawn. No file: nothing to do. The ids
// published.
[[nodiscard]] Result<std::vector<std::string>>
publish_from_folder(CentralStore& store, const std::filesystem::path& folder, std::int64_t now);

// The `questionnaires` catalogue as it stands: the published ones in the order they were published,
// the version the SHA-256 of the items served.
[[nodiscard]] Result<CatalogueEntry> questionnaire_catalogue(CentralStore& store);

struct QuestionResults {
    std::string id;
    std::string kind;
    std::map<std::string, std::int64_t> counts; // per option id, or per scale value "1" to "5"
    std::vector<std::string> texts;             // text answers, in the order they came
    std::int64_t answered = 0;
};

// Questionnaire `id`'s answers counted per question, in the questionnaire's order.
[[nodiscard]] Result<std::vector<QuestionResults>> questionnaire_results(CentralStore& store, std::string_view id);

} // namespace hk::central
