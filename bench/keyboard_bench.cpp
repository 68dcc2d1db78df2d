// On-screen keyboard figures: from a key to the candidates drawn, i.e. the keyboard's model
// (librime, OpenCC, the page) and one frame with the keyboard drawn under SDL's software renderer
// (ImGui's work and the raster), over residents' requests typed letter by letter and chosen word
// by word, in Simplified and in Traditional, landscape 1920x1080. Frames that met characters
// missing from the font atlas include its rebuild; how many did is counted. Target (issue 8):
// keystroke to candidates drawn < 20 ms. Prints figures.
//
//   SDL_VIDEODRIVER=offscreen keyboard_bench [--rounds N] [--size WxH]
#include "figures.hpp"
#include "keyboard_stage.hpp"
#include "rime_build_dir.hpp"
#include "typed_requests.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace hk;
using Clock = std::chrono::steady_clock;
using bench::kRequests;
using bench::ms;
using bench::percentile;

namespace {

struct Sample {
    double model_ms, atlas_ms, ui_ms, raster_ms;
    double total() const { return model_ms + atlas_ms + ui_ms + raster_ms; }
};

struct Run {
    std::vector<Sample> letters, chooses;
};

// Applies `key` to the entry and draws the frame that shows the result.
Sample press(test::KeyboardStage& stage, const text::Key& key)
{
    const auto t0 = Clock::now();
    stage.entry().press(key);
    const double model = ms(Clock::now() - t0);
    stage.frame();
    const auto& c = stage.last_cost();
    return Sample{model, c.atlas_ms, c.ui_ms, c.raster_ms};
}

void type_requests(test::KeyboardStage& stage, bool word_by_word, Run& run)
{
    for (const char* request : kRequests) {
        for (const char* c = request; *c; ++c)
            run.letters.push_back(press(stage, text::letter_key(*c)));
        for (int guard = 0; stage.entry().composing() && guard < 40; ++guard) {
            const std::size_t n = stage.entry().page().candidates.size();
            run.chooses.push_back(press(stage, text::choose_key(word_by_word && n > 1 ? 1 : 0)));
        }
        stage.entry().clear();
        stage.frame();
    }
}

void print_row(const char* what, const std::vector<Sample>& v)
{
    std::vector<double> total, model, ui, raster;
    std::size_t rebuilds = 0;
    double rebuild_ms = 0;
    for (const Sample& s : v) {
        total.push_back(s.total());
        model.push_back(s.model_ms);
        ui.push_back(s.ui_ms);
        raster.push_back(s.raster_ms);
        if (s.atlas_ms > 0) {
            ++rebuilds;
            rebuild_ms += s.atlas_ms;
        }
    }
    std::printf("  %-8s n %4zu  total p50 %6.2f  p99 %7.2f  max %7.2f ms | p50 model %5.2f  ui %5.2f  raster %5.2f ms"
                " | atlas rebuilt in %zu frames (%.0f ms each)\n",
                what, v.size(), percentile(total, 0.5), percentile(total, 0.99), percentile(total, 1.0),
                percentile(model, 0.5), percentile(ui, 0.5), percentile(raster, 0.5), rebuilds,
                rebuilds ? rebuild_ms / static_cast<double>(rebuilds) : 0.0);
}

} // namespace

int main(int argc, char** argv)
{
    int rounds = 3;
    ImVec2 size(1920, 1080);
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--size") == 0) {
            int w = 0, h = 0;
            if (std::sscanf(argv[i + 1], "%dx%d", &w, &h) == 2 && w > 0 && h > 0)
                size = ImVec2(static_cast<float>(w), static_cast<float>(h));
        }
    }

    app::PinyinInput input = app::PinyinInput::start(ime::kBuildTreeRimeDir);
    if (!input.available())
        return 1;
    std::printf("keyboard: key -> candidates drawn (model + one frame, SDL software renderer), %.0fx%.0f, "
                "%zu requests x %d rounds; target < 20 ms\n",
                size.x, size.y, std::size(kRequests), rounds);
    for (Lang lang : {Lang::zh_Hans, Lang::zh_Hant}) {
        const auto t0 = Clock::now();
        auto stage = test::KeyboardStage::open(size, lang, input.entry(lang, 500));
        if (!stage) {
            std::fprintf(stderr, "keyboard_bench: %s\n", stage.error().message.c_str());
            return 1;
        }
        std::printf("%s: first frame (window, fonts, atlas) %.0f ms, atlas builds %d\n",
                    lang == Lang::zh_Hans ? "Simplified" : "Traditional", ms(Clock::now() - t0),
                    (*stage)->atlas_builds());
        Run run;
        for (int r = 0; r < rounds; ++r)
            type_requests(**stage, r % 2 == 1, run);
        print_row("letter", run.letters);
        print_row("choose", run.chooses);
    }
}
