// What the on-screen keyboard needs from an input method: letters in; a composition and a page of
// candidates out; the text chosen taken back. kiosk/ime implements it over librime. The keyboard's
// model (text_entry.hpp) and widget see only this, so neither links librime, and a kiosk whose
// pinyin engine could not start still has a keyboard.
#pragma once

#include "lang.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace hk::text {

// What the candidates bar shows.
struct Page {
    // The pinyin as segmented ("dian ti huai le"), with the words already chosen written in
    // ("电梯huai le"). Empty when nothing is being composed.
    std::string preedit;
    // At most the page size, in the resident's script, no text twice.
    std::vector<std::string> candidates;
    std::size_t number = 0; // 0 for the first page
    bool has_prev = false;
    bool has_next = false;
};

// One resident's composition. Called from the UI thread only.
class Composer {
public:
    virtual ~Composer() = default;

    // Adds a letter a-z. Anything else is refused (false) and changes nothing.
    virtual bool type(char letter) = 0;
    // Takes back the last choice of a word, or else the last letter. False when there was
    // nothing to take back.
    virtual bool backspace() = 0;
    // Chooses candidate `index` of the page. What covers all the letters is committed; otherwise
    // the rest stays in the composition. False for no such candidate.
    virtual bool select(std::size_t index) = 0;
    virtual void next_page() = 0;
    virtual void prev_page() = 0;
    // Commits the words chosen so far and the rest of the letters as typed.
    virtual void commit_raw() = 0;
    // Drops the composition; nothing is committed.
    virtual void clear() = 0;
    // Writes the page and what is committed from now on in the script of `lang`.
    virtual void set_lang(Lang lang) = 0;

    virtual const Page& page() const = 0;
    bool composing() const { return !page().preedit.empty(); }
    // The text committed since the last call; empties it.
    virtual std::string take_committed() = 0;
};

} // namespace hk::text
