// A resident's session over Rime's C API: keys go to Rime, the candidate list is read back
// through its iterator, converted, made unique and cut into pages here.
#include "session.hpp"

#include <rime_api.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace hk::ime {

namespace {

// X11 keysyms, as Rime takes keys (rime/key_table.h).
constexpr int kBackSpace = 0xff08;
constexpr int kReturn = 0xff0d;

RimeApi* rime()
{
    return rime_get_api();
}

void wipe_string(std::string& s) noexcept
{
    if (!s.empty()) {
        explicit_bzero(s.data(), s.size());
        s.clear();
    }
}

} // namespace

Session::Session(std::uintptr_t id, const ScriptConverter& converter, Script script, std::size_t page_size)
    : id_(id), converter_(&converter), script_(script), page_size_(std::max<std::size_t>(1, page_size))
{
}

Session::Session(Session&& o) noexcept
    : id_(std::exchange(o.id_, 0)), converter_(o.converter_), script_(o.script_), page_size_(o.page_size_),
      entries_(std::move(o.entries_)), next_index_(o.next_index_), exhausted_(o.exhausted_),
      preedit_traditional_(std::move(o.preedit_traditional_)), page_(std::move(o.page_)),
      committed_(std::move(o.committed_))
{
}

Session::~Session()
{
    if (id_ != 0)
        rime()->destroy_session(id_);
    wipe();
}

bool Session::type(char letter)
{
    if (letter < 'a' || letter > 'z')
        return false;
    const bool taken = rime()->process_key(id_, letter, 0);
    refresh();
    return taken;
}

bool Session::backspace()
{
    if (!composing())
        return false;
    rime()->process_key(id_, kBackSpace, 0);
    // Taking back a choice leaves the letters after that word unsegmented in Rime's preedit
    // ("dian tihuaile") until the caret moves: one step back and to the end again, where the
    // keyboard (which has no caret) adds letters.
    if (const char* input = rime()->get_input(id_)) {
        const std::size_t n = std::strlen(input);
        if (n > 0) {
            rime()->set_caret_pos(id_, n - 1);
            rime()->set_caret_pos(id_, n);
        }
    }
    refresh();
    return true;
}

bool Session::select(std::size_t index)
{
    if (index >= page_.candidates.size())
        return false;
    const Entry& e = entries_[page_.number * page_size_ + index];
    const bool chosen = rime()->select_candidate(id_, static_cast<std::size_t>(e.index));
    refresh();
    return chosen;
}

void Session::next_page()
{
    if (!page_.has_next)
        return;
    ++page_.number;
    fill((page_.number + 1) * page_size_ + 1);
    render();
}

void Session::prev_page()
{
    if (page_.number == 0)
        return;
    --page_.number;
    render();
}

void Session::commit_raw()
{
    if (!composing())
        return;
    // luna_pinyin's express_editor binds Return to commit_raw_input: the chosen words, then
    // the letters not yet chosen for.
    rime()->process_key(id_, kReturn, 0);
    refresh();
}

void Session::clear()
{
    rime()->clear_composition(id_);
    refresh();
}

void Session::set_script(Script script)
{
    if (script == script_)
        return;
    script_ = script;
    // Without repeats the list can be shorter in one script than in the other.
    rebuild_candidates();
    while (page_.number > 0 && entries_.size() <= page_.number * page_size_)
        --page_.number;
    render();
}

std::string Session::take_committed()
{
    std::string out = committed_;
    wipe_string(committed_);
    return out;
}

void Session::refresh()
{
    RIME_STRUCT(RimeCommit, commit);
    if (rime()->get_commit(id_, &commit)) {
        if (commit.text != nullptr)
            committed_ += converter_->convert(commit.text, script_);
        rime()->free_commit(&commit);
    }
    wipe_string(preedit_traditional_);
    RIME_STRUCT(RimeContext, context);
    if (rime()->get_context(id_, &context)) {
        if (context.composition.length > 0 && context.composition.preedit != nullptr)
            preedit_traditional_ = context.composition.preedit;
        rime()->free_context(&context);
    }
    page_.number = 0;
    rebuild_candidates();
    render();
}

void Session::rebuild_candidates()
{
    entries_.clear();
    next_index_ = 0;
    exhausted_ = false;
    fill((page_.number + 1) * page_size_ + 1);
}

void Session::fill(std::size_t count)
{
    if (exhausted_ || entries_.size() >= count)
        return;
    RimeCandidateListIterator it{};
    if (!rime()->candidate_list_from_index(id_, &it, next_index_)) {
        exhausted_ = true;
        return;
    }
    while (entries_.size() < count) {
        if (!rime()->candidate_list_next(&it)) {
            exhausted_ = true;
            break;
        }
        next_index_ = it.index + 1;
        if (it.candidate.text == nullptr)
            continue;
        std::string text = converter_->convert(it.candidate.text, script_);
        const bool seen = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.text == text; });
        if (!seen)
            entries_.push_back(Entry{std::move(text), it.index});
    }
    rime()->candidate_list_end(&it);
}

void Session::render()
{
    page_.preedit = converter_->convert(preedit_traditional_, script_);
    const std::size_t first = page_.number * page_size_;
    const std::size_t end = std::min(entries_.size(), first + page_size_);
    page_.candidates.clear();
    for (std::size_t i = first; i < end; ++i)
        page_.candidates.push_back(entries_[i].text);
    page_.has_prev = page_.number > 0;
    page_.has_next = entries_.size() > end;
}

void Session::wipe() noexcept
{
    wipe_string(committed_);
    wipe_string(preedit_traditional_);
    wipe_string(page_.preedit);
}

} // namespace hk::ime
