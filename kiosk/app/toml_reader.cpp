// Reading a config file's text (see toml_reader.hpp).
#include "toml_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace hk::app {

Result<std::string> read_text_file(const std::filesystem::path& file)
{
    // stdio rather than iostreams: it reports why a read failed in errno and never throws.
    struct Close {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    const std::unique_ptr<std::FILE, Close> in(std::fopen(file.c_str(), "rb"));
    const auto cannot_read = [&] { return fail("cannot read " + file.string() + ": " + std::strerror(errno)); };
    if (!in)
        return cannot_read();
    std::string text;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, in.get()))
        text.append(buffer, n);
    if (std::ferror(in.get()))
        return cannot_read();
    return text;
}

} // namespace hk::app
