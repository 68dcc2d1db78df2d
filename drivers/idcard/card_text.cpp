// Parsing and checking the card text block (see card_text.hpp).
#include "card_text.hpp"

#include "ethnic_groups.hpp"
#include "id_number.hpp"
#include "ucs2.hpp"

#include <cstring>
#include <initializer_list>
#include <vector>

namespace hk::idcard {
namespace {

// A field's bytes, first and last included, as the reference lists them.
struct Range {
    std::size_t first;
    std::size_t last;
};

constexpr Range kKind{248, 249};

// The layouts. The resident card and the permit share everything up to byte 219.
namespace resident {
constexpr Range kName{0, 29}, kSex{30, 31}, kEthnic{32, 35}, kBirth{36, 51}, kAddress{52, 121}, kIdNumber{122, 157},
    kAuthority{158, 187}, kValidFrom{188, 203}, kValidTo{204, 219};
}
namespace permit {
constexpr Range kPassNumber{220, 237}, kIssueCount{238, 241};
}
namespace foreigner_2017 {
constexpr Range kEnglishName{0, 119}, kSex{120, 121}, kPermitNumber{122, 151}, kNationality{152, 157},
    kChineseName{158, 187}, kValidFrom{188, 203}, kValidTo{204, 219}, kBirth{220, 235}, kCardVersion{236, 239},
    kAuthorityCode{240, 247};
}
namespace foreigner_2023 {
constexpr Range kChineseName{0, 29}, kSex{30, 31}, kRenewalCount{32, 35}, kBirth{36, 51}, kEnglishName1{52, 121},
    kIdNumber{122, 157}, kValidFrom{188, 203}, kValidTo{204, 219}, kEnglishName2{220, 241}, kNationality{242, 247},
    kOldCardLink{250, 255};
}

// 长期: a validity with no end.
constexpr std::string_view kLongTerm = "\u957F\u671F";

void wipe(std::string& s) noexcept
{
    explicit_bzero(s.data(), s.size());
    s.clear();
}

// Reads the fields of one block. The first error is kept; reading goes on harmlessly after it,
// so that each layout reads as a plain list of its fields.
class Fields {
public:
    explicit Fields(std::span<const std::uint8_t> block) : block_(block) {}

    std::optional<CardTextError> error;

    std::string text(Range r) const { return ucs2_field(block_.subspan(r.first, r.last - r.first + 1)); }

    std::string required(Range r, std::string_view name)
    {
        std::string s = text(r);
        if (s.empty())
            fail(TextError::missing_field, name);
        return s;
    }

    // A personal field, copied out of `s`, which is then wiped: no copy outlives the parse.
    Personal personal(Personal::Kind kind, std::string& s)
    {
        Personal p(kind, s);
        wipe(s);
        return p;
    }
    Personal personal(Personal::Kind kind, Range r, std::string_view name, bool needed = true)
    {
        std::string s = needed ? required(r, name) : text(r);
        return personal(kind, s);
    }
    // A field in two parts that read as one.
    Personal personal(Personal::Kind kind, std::initializer_list<Range> parts)
    {
        std::vector<std::uint8_t> bytes;
        for (const Range& r : parts)
            bytes.insert(bytes.end(), block_.begin() + static_cast<std::ptrdiff_t>(r.first),
                         block_.begin() + static_cast<std::ptrdiff_t>(r.last + 1));
        std::string s = ucs2_field(bytes);
        if (!bytes.empty()) // explicit_bzero takes no null pointer, even for zero bytes
            explicit_bzero(bytes.data(), bytes.size());
        return personal(kind, s);
    }

    Sex sex(Range r)
    {
        const std::string s = required(r, "sex");
        if (s == "1")
            return Sex::male;
        if (s == "2")
            return Sex::female;
        if (!s.empty())
            fail(TextError::bad_sex, "sex");
        return Sex::unknown;
    }

    std::optional<Date> date(const std::string& s, std::string_view name)
    {
        const auto d = parse_date(s);
        if (!d && !s.empty())
            fail(TextError::bad_date, name);
        return d;
    }

    Personal birth(Range r)
    {
        std::string s = required(r, "birth");
        date(s, "birth");
        return personal(Personal::Kind::date, s);
    }

    Validity validity(Range from, Range to)
    {
        Validity v;
        v.from = date(required(from, "valid_from"), "valid_from").value_or(Date{});
        const std::string end = required(to, "valid_to");
        v.long_term = end == kLongTerm;
        if (!v.long_term)
            v.to = date(end, "valid_to");
        return v;
    }

    // An ID number of GB 11643's form, its check character verified.
    Personal id_number(Range r)
    {
        std::string s = required(r, "id_number");
        if (!s.empty()) {
            switch (check_id_number(s)) {
            case IdNumberCheck::ok: break;
            case IdNumberCheck::wrong_check_digit: fail(TextError::wrong_check_digit, "id_number"); break;
            default: fail(TextError::bad_id_number, "id_number"); break;
            }
            if (s.back() == 'x')
                s.back() = 'X';
        }
        return personal(Personal::Kind::id_number, s);
    }

    std::optional<int> count(Range r, std::string_view name, bool needed)
    {
        const std::string s = needed ? required(r, name) : text(r);
        if (s.empty())
            return std::nullopt;
        int n = 0;
        for (char c : s) {
            if (c < '0' || c > '9') {
                fail(TextError::bad_number, name);
                return std::nullopt;
            }
            n = n * 10 + (c - '0'); // at most 4 digits fit a count field
        }
        return n;
    }

    void fail(TextError e, std::string_view field)
    {
        if (!error)
            error = CardTextError{e, field};
    }

private:
    std::span<const std::uint8_t> block_;
};

// Resident card and permit: the same fields to byte 219, but for the ethnic group.
void read_resident_layout(Fields& f, CardText& c)
{
    using namespace resident;
    c.name = f.personal(Personal::Kind::name, kName, "name");
    c.sex = f.sex(kSex);
    c.birth = f.birth(kBirth);
    c.address = f.personal(Personal::Kind::address, kAddress, "address");
    c.id_number = f.id_number(kIdNumber);
    c.authority = f.required(kAuthority, "authority");
    c.validity = f.validity(kValidFrom, kValidTo);
}

void read_resident(Fields& f, CardText& c)
{
    read_resident_layout(f, c);
    c.ethnic_code = f.required(resident::kEthnic, "ethnic_code");
    if (!c.ethnic_code.empty() && ethnic_name(c.ethnic_code).empty())
        f.fail(TextError::bad_ethnic_code, "ethnic_code");
}

void read_permit(Fields& f, CardText& c)
{
    read_resident_layout(f, c);
    c.pass_number = f.personal(Personal::Kind::id_number, permit::kPassNumber, "pass_number");
    c.issue_count = f.count(permit::kIssueCount, "issue_count", true).value_or(0);
}

void read_foreigner_2017(Fields& f, CardText& c)
{
    using namespace foreigner_2017;
    c.english_name = f.personal(Personal::Kind::name, kEnglishName, "english_name");
    c.sex = f.sex(kSex);
    // Three letters of nationality and twelve digits, with a check of its own that the
    // reference does not give: only its presence is checked.
    c.id_number = f.personal(Personal::Kind::id_number, kPermitNumber, "id_number");
    c.nationality = f.required(kNationality, "nationality");
    c.name = f.personal(Personal::Kind::name, kChineseName, "name", false);
    c.validity = f.validity(kValidFrom, kValidTo);
    c.birth = f.birth(kBirth);
    c.card_version = f.text(kCardVersion);
    c.authority = f.required(kAuthorityCode, "authority");
}

void read_foreigner_2023(Fields& f, CardText& c)
{
    using namespace foreigner_2023;
    c.name = f.personal(Personal::Kind::name, kChineseName, "name", false);
    c.sex = f.sex(kSex);
    c.renewal_count = f.count(kRenewalCount, "renewal_count", false);
    c.birth = f.birth(kBirth);
    // The English name runs on from part 1 into part 2: the two are read as one field, so that
    // a space between words at the end of part 1 is kept.
    c.english_name = f.personal(Personal::Kind::name, {kEnglishName1, kEnglishName2});
    if (c.english_name.empty())
        f.fail(TextError::missing_field, "english_name");
    c.id_number = f.id_number(kIdNumber);
    c.validity = f.validity(kValidFrom, kValidTo);
    c.nationality = f.required(kNationality, "nationality");
    c.old_card_link = f.text(kOldCardLink);
}

} // namespace

std::variant<CardText, CardTextError> parse_card_text(std::span<const std::uint8_t> block)
{
    if (block.size() != kTextBlockBytes)
        return CardTextError{TextError::wrong_size, "block"};
    // The kind character and its layout. A blank kind is the resident card; some modules leave
    // it NUL.
    struct Layout {
        char16_t kind_char;
        CardKind kind;
        void (*read)(Fields&, CardText&);
    };
    constexpr Layout kLayouts[] = {
        {u' ', CardKind::resident, read_resident},
        {u'\0', CardKind::resident, read_resident},
        {u'J', CardKind::hk_macao_taiwan_permit, read_permit},
        {u'I', CardKind::foreigner_2017, read_foreigner_2017},
        {u'Y', CardKind::foreigner_2023, read_foreigner_2023},
    };
    const auto kind_char = static_cast<char16_t>(block[kKind.first] | block[kKind.last] << 8);
    const Layout* layout = nullptr;
    for (const Layout& l : kLayouts)
        if (l.kind_char == kind_char)
            layout = &l;
    if (!layout)
        return CardTextError{TextError::unknown_kind, "block"};
    CardText c;
    c.kind = layout->kind;
    Fields f(block);
    layout->read(f, c);
    if (f.error)
        return *f.error;
    return c;
}

std::variant<Personal, CardTextError> parse_appended_address(std::span<const std::uint8_t> data)
{
    if (data.size() != kAppendedAddressBytes)
        return CardTextError{TextError::wrong_size, "block"};
    Fields f(data);
    Personal address = f.personal(Personal::Kind::address, Range{0, kAppendedAddressBytes - 1}, "address");
    if (f.error)
        return *f.error;
    return address;
}

std::string describe(const CardTextError& e)
{
    const char* what = "";
    switch (e.error) {
    case TextError::wrong_size: what = "wrong size of"; break;
    case TextError::unknown_kind: what = "unknown card kind in"; break;
    case TextError::missing_field: what = "missing"; break;
    case TextError::bad_sex: what = "bad sex code in"; break;
    case TextError::bad_ethnic_code: what = "unknown ethnic group code in"; break;
    case TextError::bad_date: what = "bad date in"; break;
    case TextError::bad_number: what = "not a number in"; break;
    case TextError::bad_id_number: what = "malformed"; break;
    case TextError::wrong_check_digit: what = "wrong check digit in"; break;
    }
    return std::string(what) + " " + std::string(e.field);
}

} // namespace hk::idcard
