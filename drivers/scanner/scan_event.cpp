// Symbology names of AIM identifiers (see scan_event.hpp).
#include "scan_event.hpp"

namespace hk::scanner {

std::string_view symbology_name(std::string_view aim_id)
{
    // ISO/IEC 15424 symbology identifiers: "]", the code character, a modifier character.
    if (aim_id.size() != 3 || aim_id[0] != ']')
        return "unknown";
    const char code = aim_id[1];
    const char modifier = aim_id[2];
    switch (code) {
    case 'A': return "Code 39";
    case 'C': return modifier == '1' ? "GS1-128" : "Code 128";
    case 'E': return modifier == '4' ? "EAN-8" : "EAN-13";
    case 'F': return "Codabar";
    case 'G': return "Code 93";
    case 'I': return "Interleaved 2 of 5";
    case 'L': return "PDF417";
    case 'Q': return "QR Code";
    case 'd': return modifier == '2' ? "GS1 DataMatrix" : "Data Matrix";
    case 'e': return "GS1 DataBar";
    case 'h': return "Han Xin Code";
    case 'z': return "Aztec Code";
    default: return "unknown";
    }
}

void split_aim_prefix(std::string& data, std::string& aim_id)
{
    if (data.size() < 3 || data[0] != ']')
        return;
    aim_id = data.substr(0, 3);
    data.erase(0, 3);
}

std::string_view source_name(ScanEvent::Source source)
{
    switch (source) {
    case ScanEvent::Source::hid_pos: return "HID POS";
    case ScanEvent::Source::wedge: return "keyboard wedge";
    case ScanEvent::Source::serial: return "serial";
    case ScanEvent::Source::camera: return "camera";
    }
    return "unknown";
}

} // namespace hk::scanner
