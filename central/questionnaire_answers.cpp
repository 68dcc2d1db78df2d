// Answers matched to their questionnaire and kept.
#include "questionnaire_answers.hpp"

#include "id_forms.hpp"
#include "questionnaire_form.hpp"
#include "record_members.hpp"
#include "rfc3339.hpp"

namespace hk::central {

Result<std::string> take_answer(CentralStore& store, const uplink::VerifiedRecord& record)
{
    const nlohmann::json& body = record.body;
    if (auto r = object_of(&body, "", {"questionnaire", "hall", "answers", "at", "lang"}); !r)
        return r.error().message;
    auto id = string_member(body, "", "questionnaire");
    if (!id)
        return id.error().message;
    auto known = store.questionnaire(**id);
    if (!known)
        return std::unexpected(known.error());
    if (!*known)
        return std::string("questionnaire: unknown");
    auto hall = coded_member(body, "", "hall", plain_id, "a hall id (1 to 64 of A-Z a-z 0-9 . _ -)");
    if (!hall)
        return hall.error().message;
    auto at = time_member(body, "", "at");
    if (!at)
        return at.error().message;
    // Answers given before the withdrawal are taken: a kiosk may have been offline since.
    const std::string when = uplink::format_rfc3339_utc(*at);
    if (!(*known)->withdrawn_at.empty() && when > (*known)->withdrawn_at)
        return std::string("questionnaire: withdrawn");
    std::string lang;
    if (find_member(body, "lang")) {
        auto l = lang_member(body, "lang");
        if (!l)
            return l.error().message;
        lang = std::move(*l);
    }
    auto questionnaire = read_questionnaire((*known)->body);
    if (!questionnaire)
        return fail("questionnaire " + **id + " as stored: " + questionnaire.error().message);
    const nlohmann::json* answers = find_member(body, "answers");
    if (!answers)
        return std::string("answers: missing");
    if (auto r = check_answers(*questionnaire, *answers); !r)
        return r.error().message;
    if (auto r = store.add_questionnaire_answer({record.header.id, **id, *hall, when, lang, *answers}); !r)
        return std::unexpected(r.error());
    return std::string{};
}

} // namespace hk::central
