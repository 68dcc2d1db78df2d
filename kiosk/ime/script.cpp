// OpenCC's converters behind ScriptConverter.
#include "script.hpp"

#include <opencc/Exception.hpp>
#include <opencc/SimpleConverter.hpp>

namespace hk::ime {

namespace {

// OpenCC finds its configurations (and the dictionaries they name) in its package data folder.
constexpr const char* kToSimplified = "t2s.json";
constexpr const char* kToTaiwan = "t2tw.json";

Result<std::unique_ptr<opencc::SimpleConverter>> open_converter(const char* config)
{
    try {
        return std::make_unique<opencc::SimpleConverter>(config);
    } catch (const opencc::Exception& e) {
        return fail(std::string("OpenCC's ") + config + " could not be loaded (libopencc-data): " + e.what());
    } catch (const std::exception& e) {
        return fail(std::string("OpenCC's ") + config + " could not be loaded: " + e.what());
    }
}

} // namespace

Result<ScriptConverter> ScriptConverter::load()
{
    auto t2s = open_converter(kToSimplified);
    if (!t2s)
        return std::unexpected(t2s.error());
    auto t2tw = open_converter(kToTaiwan);
    if (!t2tw)
        return std::unexpected(t2tw.error());
    ScriptConverter c;
    c.t2s_ = std::move(*t2s);
    c.t2tw_ = std::move(*t2tw);
    return c;
}

ScriptConverter::ScriptConverter(ScriptConverter&&) noexcept = default;
ScriptConverter& ScriptConverter::operator=(ScriptConverter&&) noexcept = default;
ScriptConverter::~ScriptConverter() = default;

std::string ScriptConverter::convert(std::string_view traditional, Script script) const
{
    const auto& converter = script == Script::simplified ? *t2s_ : *t2tw_;
    // Rime's text is valid UTF-8, so OpenCC has no reason to throw here; if it did, the
    // resident would rather see Traditional than lose the keyboard.
    try {
        return converter.Convert(traditional.data(), traditional.size());
    } catch (...) {
        return std::string(traditional);
    }
}

} // namespace hk::ime
