// A stand-in for the pinyin engine, for tests of the keyboard's model and widget without librime.
#pragma once

#include "composer.hpp"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace hk::test {

using text::Page;

// Pinyin to candidates from a fixed table, two to a page unless told otherwise, each covering all the letters; the
// script shows in the candidates' form. Counts what the entry asked of it.
class FakeComposer final : public text::Composer {
public:
    explicit FakeComposer(std::size_t page_size = 2) : page_size_(page_size) {}

    bool type(char letter) override
    {
        if (letter < 'a' || letter > 'z')
            return false;
        letters_ += letter;
        first_ = 0;
        render();
        return true;
    }
    bool backspace() override
    {
        if (letters_.empty())
            return false;
        letters_.pop_back();
        first_ = 0;
        render();
        return true;
    }
    bool select(std::size_t index) override
    {
        if (index >= page_.candidates.size())
            return false;
        committed_ += page_.candidates[index];
        letters_.clear();
        render();
        return true;
    }
    void next_page() override
    {
        if (page_.has_next) {
            first_ += page_size_;
            render();
        }
    }
    void prev_page() override
    {
        if (first_ > 0) {
            first_ -= page_size_;
            render();
        }
    }
    void commit_raw() override
    {
        committed_ += letters_;
        letters_.clear();
        render();
    }
    void clear() override
    {
        letters_.clear();
        render();
        ++*clears;
    }
    void set_lang(Lang lang) override
    {
        lang_ = lang;
        render();
    }
    const Page& page() const override { return page_; }
    std::string take_committed() override { return std::exchange(committed_, {}); }

    Lang lang() const { return lang_; }
    // How often clear() was called; kept outside so that it can be read after the composer is gone.
    std::shared_ptr<int> clears = std::make_shared<int>(0);

private:
    std::size_t page_size_;

    std::vector<std::string> all() const
    {
        static const std::map<std::string, std::vector<std::string>> simplified{
            {"ma", {"吗", "妈", "马", "码", "骂"}}, {"deng", {"灯", "等", "登"}}, {"dian", {"电", "点"}},
            {"dianti", {"电梯"}}, {"den", {"扽", "㩐"}}, {"shi", {"是", "时", "事", "十", "使", "市", "世", "式"}},
            // Whole sentences, longer than any bar is wide.
            {"yiju",
             {"楼道灯不亮已经一个多月了请尽快派人来修理谢谢", "楼道灯坏了很久晚上回家上楼梯看不见非常危险",
              "住在六楼的老人晚上出门很不方便希望早日修好", "楼"}}};
        static const std::map<std::string, std::vector<std::string>> traditional{
            {"ma", {"嗎", "媽", "馬", "碼", "罵"}}, {"deng", {"燈", "等", "登"}}, {"dian", {"電", "點"}},
            {"dianti", {"電梯"}}};
        const auto& table = lang_ == Lang::zh_Hant ? traditional : simplified;
        const auto it = table.find(letters_);
        return it == table.end() ? std::vector<std::string>{letters_} : it->second;
    }
    void render()
    {
        page_ = Page{};
        if (letters_.empty())
            return;
        const auto words = all();
        page_.preedit = letters_;
        page_.number = first_ / page_size_;
        for (std::size_t i = first_; i < words.size() && i < first_ + page_size_; ++i)
            page_.candidates.push_back(words[i]);
        page_.has_prev = first_ > 0;
        page_.has_next = first_ + page_size_ < words.size();
    }

    std::string letters_;
    std::size_t first_ = 0;
    std::string committed_;
    Lang lang_ = Lang::zh_Hans;
    Page page_;
};

} // namespace hk::test
