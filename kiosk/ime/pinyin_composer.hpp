// The on-screen keyboard's pinyin input: a Session seen through text::Composer, the interface the
// keyboard's model and widget know, with the script following the resident's UI language.
#pragma once

#include "composer.hpp"
#include "engine.hpp"
#include "session.hpp"

#include <memory>

namespace hk::ime {

class PinyinComposer final : public text::Composer {
public:
    // A new session of `engine` writing the script of `lang`, `page_size` candidates to a page.
    static Result<std::unique_ptr<PinyinComposer>> open(Engine& engine, Lang lang, std::size_t page_size = kPageSize);

    bool type(char letter) override { return session_.type(letter); }
    bool backspace() override { return session_.backspace(); }
    bool select(std::size_t index) override { return session_.select(index); }
    void next_page() override { session_.next_page(); }
    void prev_page() override { session_.prev_page(); }
    void commit_raw() override { session_.commit_raw(); }
    void clear() override { session_.clear(); }
    void set_lang(Lang lang) override { session_.set_script(script_for(lang)); }
    const text::Page& page() const override { return session_.page(); }
    std::string take_committed() override { return session_.take_committed(); }

private:
    explicit PinyinComposer(Session session) : session_(std::move(session)) {}
    Session session_;
};

} // namespace hk::ime
