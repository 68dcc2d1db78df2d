// One resident's typing: letters in, the pinyin as segmented and a page of candidates out, in
// the resident's script, and the text chosen so far. Made by Engine::session; called from the UI
// thread. Letters only: digits, punctuation and Latin text are the keyboard widget's to insert
// (it commits or clears the composition first).
#pragma once

#include "composer.hpp"
#include "script.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hk::ime {

class Engine;

// What the candidates bar shows (the keyboard's model reads the same type through text::Composer).
using Page = text::Page;

class Session {
public:
    Session(Session&& o) noexcept;
    ~Session();
    Session& operator=(Session&&) = delete;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Adds a letter a-z to the pinyin. Anything else is refused (false) and changes nothing.
    bool type(char letter);
    // Takes back the last choice of a word, or else the last letter. False when there was
    // nothing to take back, so the widget deletes from its own text instead.
    bool backspace();
    // Chooses candidate `index` of the page. When it covers all the pinyin the text is committed;
    // otherwise the rest stays in the preedit with its own candidates. False for no such candidate.
    bool select(std::size_t index);
    void next_page();
    void prev_page();
    // Commits the words chosen so far and the rest of the pinyin as typed ("电梯huaile").
    void commit_raw();
    // Drops the composition; nothing is committed.
    void clear();
    // Writes the page, the preedit and what is committed from now on in `script`; the page stays.
    void set_script(Script script);

    Script script() const { return script_; }
    bool composing() const { return !page_.preedit.empty(); }
    const Page& page() const { return page_; }
    // The text committed since the last call, in the session's script; empties it.
    std::string take_committed();

private:
    friend class Engine;
    Session(std::uintptr_t id, const ScriptConverter& converter, Script script, std::size_t page_size);

    struct Entry {
        std::string text; // in script_
        int index;        // in Rime's candidate list
    };

    // Rereads Rime after it changed: first page, committed text taken in.
    void refresh();
    // Pulls Rime's candidates until `count` distinct texts are known or the list ends.
    void fill(std::size_t count);
    void rebuild_candidates();
    void render();
    void wipe() noexcept;

    std::uintptr_t id_ = 0;
    const ScriptConverter* converter_ = nullptr;
    Script script_ = Script::simplified;
    std::size_t page_size_ = 1;

    // The candidates met so far, without repeats: OpenCC maps several Traditional forms to one
    // (發 and 髮 are both 发), which would otherwise show twice on a page.
    std::vector<Entry> entries_;
    int next_index_ = 0;
    bool exhausted_ = false;
    std::string preedit_traditional_;
    Page page_;
    std::string committed_;
};

} // namespace hk::ime
