// Time to build the bytes of a typical receipt (a filed request: title, tracking number, five
// fields, a paragraph, a QR code), laid out and encoded for each kind of printer; the target is
// under 5 ms with drawn text and a drawn QR code. Also the parts alone, and a first receipt
// after start (fonts opened, no glyph drawn yet). Google Benchmark; prints figures only.
#include "qr_image.hpp"
#include "receipts.hpp"

#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

using namespace hk;

namespace {

const Translator& translator()
{
    static const Translator tr = [] {
        auto t = Translator::load(HK_SOURCE_DIR "/assets/i18n");
        if (!t) {
            spdlog::error("{}", t.error().message);
            std::exit(1);
        }
        return *t;
    }();
    return tr;
}

app::RequestFiled request()
{
    return app::RequestFiled{"2611 2300 1012 35",
                             "482913",
                             "环境卫生",
                             "莲花街道党群服务中心",
                             {2026, 11, 23, 9, 5},
                             {2026, 11, 24, 9, 5},
                             true,
                             Personal(Personal::Kind::name, "王小明"),
                             Personal(Personal::Kind::id_number, "44030419900101123X"),
                             "HKT1.26112300101235.482913"};
}

void request_receipt(benchmark::State& state, printer::PrintProfile profile, Lang lang)
{
    printer::TextRaster raster;
    const app::RequestFiled q = request();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const escpos::Bytes b = printer::render(app::request_receipt(q, translator(), lang, false), profile, raster);
        bytes = b.size();
        benchmark::DoNotOptimize(b.data());
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_RequestDrawn576(benchmark::State& s) { request_receipt(s, {576}, Lang::zh_Hans); }
void BM_RequestDrawn384(benchmark::State& s) { request_receipt(s, {384}, Lang::zh_Hans); }
void BM_RequestDrawn576Traditional(benchmark::State& s) { request_receipt(s, {576}, Lang::zh_Hant); }
void BM_RequestDrawn576English(benchmark::State& s) { request_receipt(s, {576}, Lang::en); }
void BM_RequestNativeFontNativeQr576(benchmark::State& s)
{
    request_receipt(s, {576, printer::TextMode::gb2312, true}, Lang::zh_Hans);
}

// The first receipt after start: fonts opened and every glyph drawn for the first time.
void BM_RequestDrawn576FirstAfterStart(benchmark::State& state)
{
    const app::RequestFiled q = request();
    for (auto _ : state) {
        printer::TextRaster raster;
        benchmark::DoNotOptimize(
            printer::render(app::request_receipt(q, translator(), Lang::zh_Hans, false), {576}, raster).data());
    }
}

void BM_QrImageOnly(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(
            printer::qr_image("HK1.eyJ0IjoiU1EtMjAyNjExMjMtMDAwMTIzIn0.c2lnbmF0dXJl", 6, escpos::QrLevel::M));
}

void BM_ParagraphDrawnOnly(benchmark::State& state)
{
    printer::TextRaster raster;
    const std::string text(translator().tr_in(Lang::zh_Hans, "receipt.request.next"_k));
    for (auto _ : state)
        benchmark::DoNotOptimize(raster.draw(text, printer::TextStyle{}, 576).dots.data());
}

} // namespace

BENCHMARK(BM_RequestDrawn576)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RequestDrawn384)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RequestDrawn576Traditional)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RequestDrawn576English)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RequestNativeFontNativeQr576)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RequestDrawn576FirstAfterStart)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QrImageOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParagraphDrawnOnly)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
