// test_data_csv.cpp: CSV user data: accepted dialects (header or not, ';' and tab, quotes, CRLF,
// BOM), each refusal with its message checked by substring, the preview, and a small in-process
// fuzz whose invariants (no crash, ok xor error, valid UTF-8 messages) the libFuzzer target will
// extend.
#include "data/csv.h"
#include <clocale>
#include <cstdint>
#include <doctest/doctest.h>
#include <string>

using namespace bp;

namespace {

CsvParseResult parse3(const std::string& text, std::size_t max_rows = kCsvMaxRows) {
    return parse_csv_points(text, 0, 1, 2, max_rows);
}
bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}
// Written here rather than taken from csv_reader so the check is independent of the code under
// test.
bool valid_utf8(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        unsigned c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || (len > 1 && c < 0xC2) || i + len > s.size()) return false;
        for (size_t k = 1; k < len; ++k)
            if (((unsigned char)s[i + k] >> 6) != 2) return false;
        i += len;
    }
    return true;
}

} // namespace

TEST_CASE("csv: plain numbers, no header") {
    CsvParseResult r = parse3("1,2,1\n3,-4.5,-1\n");
    REQUIRE(r.ok);
    CHECK(r.error.empty());
    CHECK(r.header.empty());
    CHECK(r.num_columns == 3);
    CHECK(r.separator == ',');
    REQUIRE(r.points.size() == 2);
    CHECK(r.points[1].x1 == 3.0f);
    CHECK(r.points[1].x2 == -4.5f);
    CHECK(r.points[1].label == -1.0f);
    r = parse3(" 1e-3 , +2.5E2 ,.5"); // blanks, exponents, no final newline
    REQUIRE(r.ok);
    CHECK(r.points[0].x1 == 1e-3f);
    CHECK(r.points[0].x2 == 250.0f);
    CHECK(r.points[0].label == 0.5f);
}

TEST_CASE("csv: header, separators, quotes, line ends, BOM") {
    CsvParseResult r = parse3("x,y,label\n1.5,-2,1\n");
    REQUIRE(r.ok);
    CHECK(r.header == std::vector<std::string>{"x", "y", "label"});

    r = parse3("x;y;class\n1,5;2;0\n-0,25;3;7\n"); // ';' with decimal commas
    REQUIRE(r.ok);
    CHECK(r.separator == ';');
    CHECK(r.points[0].x1 == 1.5f);
    CHECK(r.points[1].x1 == -0.25f);
    CHECK(r.points[1].label == 7.0f);

    r = parse3("a\tb\tc\n1\t2\t3\n");
    REQUIRE(r.ok);
    CHECK(r.separator == '\t');
    CHECK(r.points[0].label == 3.0f);

    r = parse3("\"x\",\"y \"\"quoted\"\", with comma\",label\n\"1.0\",\"2\", \"1\" \n");
    REQUIRE(r.ok);
    CHECK(r.header[1] == "y \"quoted\", with comma");
    CHECK(r.points[0].x2 == 2.0f);

    r = parse3("x,y,l\r\n1,2,1\r\n3,4,0\r\n");
    REQUIRE(r.ok);
    CHECK(r.points.size() == 2);
    CHECK(r.header[2] == "l");
    r = parse3("1,2,1\r3,4,0\r"); // old Mac line ends
    REQUIRE(r.ok);
    CHECK(r.points.size() == 2);

    r = parse3("\xEF\xBB\xBFx,y,l\n1,2,3\n");
    REQUIRE(r.ok);
    CHECK(r.header[0] == "x");
}

TEST_CASE("csv: blank rows, text columns, column choice") {
    // Blank lines and separator-only rows (spreadsheet exports) are skipped but keep their numbers.
    CsvParseResult r = parse3("x,y,l\n\n1,2,1\n,,\n   \n3,4,-1\n\n");
    REQUIRE(r.ok);
    CHECK(r.points.size() == 2);
    r = parse3("x,y,l\n\n1,2,1\n,,\n3,bad,-1\n");
    CHECK(has(r.error, "row 5, column 2"));

    // A text column in a file without header: the first row is data, not a header.
    r = parse_csv_points("alice,1,2,1\nbob,3,4,-1\n", 1, 2, 3);
    REQUIRE(r.ok);
    CHECK(r.header.empty());
    CHECK(r.points.size() == 2);
    CHECK(r.points[1].label == -1.0f);

    // Label first; a quoted line break inside a text cell stays in its row.
    r = parse_csv_points("id,note,x,y\n9,\"two\nlines\",1,2\n8,plain,3,4\n", 2, 3, 0);
    REQUIRE(r.ok);
    CHECK(r.points[0].label == 9.0f);
    CHECK(r.points[1].x2 == 4.0f);
    r = parse_csv_points("id,note,x,y\n9,\"two\nlines\",1,2\n8,plain,z,4\n", 2, 3, 0);
    CHECK(has(r.error, "row 3, column 3: 'z' is not a number"));

    r = parse3("1,2,3"); // a single all-numeric row is data
    REQUIRE(r.ok);
    CHECK(r.points.size() == 1);
}

TEST_CASE("csv: refusals name what is wrong") {
    struct Case {
        std::string text;
        std::string message;
    };
    const Case cases[] = {
        {"", "file is empty"},
        {"\n\r\n  \n,,\n", "file is empty"},
        {"\xEF\xBB\xBF", "file is empty"},
        {std::string("1,2,3\n4,5\0,6\n", 13), "not a text CSV file"},
        {"PK\x03\x04\x14\x00junk", "not a text CSV file"},
        {"\xFF\xFEx\0,\0y\0", "UTF-16"},
        {"1,2,1\nNaN,2,1\n", "NaN or Infinity in row 2, column 1"},
        {"x,y,l\n1,-inf,1\n", "NaN or Infinity in row 2, column 2"},
        {"x,y,l\n1,2,Infinity\n", "NaN or Infinity in row 2, column 3"},
        {"x,y,l\n1,1e39,1\n", "row 2, column 2: '1e39' is out of range"},
        {"x,y,l\n1,2,1\n1,abc,1\n", "row 3, column 2: 'abc' is not a number"},
        {"1,2,3\n1,2\n", "row 2 has 2 columns, expected 3"},
        {"1,2,3\n1,2,3,4\n", "row 2 has 4 columns, expected 3"},
        {"1,,3\n", "row 1, column 2 is empty"},
        {"x,y,l\n0x10,2,3\n", "'0x10' is not a number"},
        {"x,y,l\n1.2.3,2,3\n", "'1.2.3' is not a number"},
        {"x,y,l\n1e,2,3\n", "'1e' is not a number"},
        {"x,y,l\n1,2,3\n=cmd|' /C calc'!A0,2,1\n",
         "row 3, column 1: '=cmd|' /C calc'!A0' is not a number"},
        {"x,y,label\n", "no data rows"},
        {"x,y,l\n\"1,2,3\n", "row 2, column 1: a quoted field is never closed"},
        {"\"1\"x,2,3\n", "row 1, column 1: unexpected text 'x' after a closing quote"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CsvParseResult r = parse3(c.text);
        CHECK_FALSE(r.ok);
        CHECK(r.points.empty());
        CHECK(has(r.error, c.message));
    }
}

TEST_CASE("csv: limits and column indices") {
    CsvParseResult r = parse_csv_points("1,2,3\n", 0, 1, 4);
    CHECK(has(r.error, "column 5 does not exist (the file has 3 columns)"));
    r = parse_csv_points("1\n2\n", 0, 0, 1);
    CHECK(has(r.error, "column 2 does not exist (the file has 1 column)"));
    r = parse_csv_points("1,2,3\n", -1, 1, 2);
    CHECK(has(r.error, "column index -1 is invalid"));

    const std::string four = "x,y,l\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n";
    CHECK(parse3(four, 4).ok); // the header does not count
    r = parse3(four, 3);
    CHECK(has(r.error, "more than 3 rows"));
    CHECK(r.points.empty());

    std::string wide(kCsvMaxColumns + 5, ',');
    r = parse3(wide + "\n");
    CHECK(has(r.error, "more than 1000 columns"));

    // Offending text is cut to 40 bytes, and invalid UTF-8 is replaced, so messages stay readable.
    r = parse3("x,y,l\n1," + std::string(100, 'a') + ",1\n");
    CHECK(has(r.error, "'" + std::string(40, 'a') + "...'"));
    CHECK_FALSE(has(r.error, std::string(41, 'a')));
    r = parse3("x,y,l\n1,\xC3(\xFF,1\n");
    CHECK(has(r.error, "is not a number"));
    CHECK(valid_utf8(r.error));
    r = parse3("x,y,l\n1,\xE2\x82\xAC\xE2\x82\xAC,1\n"); // multi-byte text passes through intact
    CHECK(has(r.error, "'\xE2\x82\xAC\xE2\x82\xAC'"));
}

TEST_CASE("csv: numbers are read in the C locale whatever the process locale") {
    const char* old = std::setlocale(LC_NUMERIC, nullptr);
    std::string saved = old ? old : "C";
    bool switched = false;
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8"})
        if (!switched && std::setlocale(LC_NUMERIC, name)) switched = true;
    CsvParseResult r = parse3("1.5,2.25,-1\n");
    std::setlocale(LC_NUMERIC, saved.c_str());
    REQUIRE(r.ok);
    CHECK(r.points[0].x1 == 1.5f);
    CHECK(r.points[0].x2 == 2.25f);
    if (!switched) MESSAGE("no comma-decimal locale installed; only the C locale was exercised");
}

TEST_CASE("csv_preview: header, first rows, numeric columns") {
    const std::string text = "name,x,y\nann,1,2\nbob,3,4\ncid,5,6\nbad row\n";
    CsvTable t = csv_preview(text, 2); // the bad last row is beyond the preview
    REQUIRE(t.ok);
    CHECK(t.has_header);
    CHECK(t.num_columns == 3);
    CHECK(t.columns == std::vector<std::string>{"name", "x", "y"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1] == std::vector<std::string>{"bob", "3", "4"});
    CHECK(t.numeric == std::vector<bool>{false, true, true});

    t = csv_preview("1;2\n3;4\n", 10);
    REQUIRE(t.ok);
    CHECK_FALSE(t.has_header);
    CHECK(t.separator == ';');
    CHECK(t.columns == std::vector<std::string>{"column 1", "column 2"});
    CHECK(t.rows.size() == 2);

    t = csv_preview("x,y\n", 5);
    REQUIRE(t.ok);
    CHECK(t.rows.empty());
    CHECK(t.numeric == std::vector<bool>{false, false});

    t = csv_preview(std::string(100, '\x01'), 5);
    CHECK(has(t.error, "not a text CSV file"));
    t = csv_preview("", 5);
    CHECK(has(t.error, "file is empty"));
    t = csv_preview("a,b\n1,2,3\n", 5);
    CHECK(has(t.error, "row 2 has 3 columns, expected 2"));
    t = csv_preview("a,b\n" + std::string(200, 'z') + ",1\n", 5);
    REQUIRE(t.ok);
    CHECK(t.rows[0][0].size() <= 64);
}

TEST_CASE("csv: random and mutated inputs never break the contract") {
    const std::string seeds[] = {"x,y,l\n1,2,1\n3,4,-1\n", "\"a\"\"b\";2;3\r\n1,5;2;3\r\n",
                                 "\xEF\xBB\xBF"
                                 "a\tb\tc\n1\t2\t3\n"};
    const std::string alphabet = ",;\t\"\r\n .-+eE0123456789nafiINF\xC3\xA9\xFF";
    uint64_t s = 0x9E3779B97F4A7C15ULL;
    auto next = [&]() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    };
    int accepted = 0;
    for (int iter = 0; iter < 20000; ++iter) {
        std::string t = seeds[iter % 3];
        int edits = (int)(next() % 6);
        for (int e = 0; e < edits; ++e) {
            size_t pos = t.empty() ? 0 : (size_t)(next() % (t.size() + 1));
            char c = alphabet[(size_t)(next() % alphabet.size())];
            switch (next() % 3) {
            case 0:
                t.insert(pos, 1, c);
                break;
            case 1:
                if (pos < t.size()) t.erase(pos, 1);
                break;
            default:
                if (pos < t.size()) t[pos] = c;
                break;
            }
        }
        if (iter % 7 == 0) t = std::string((size_t)(next() % 64), (char)(next() % 256));
        int col = (int)(next() % 4); // drawn one per statement: argument order is unspecified
        std::size_t max_rows = 1 + next() % 4;
        CsvParseResult r = parse_csv_points(t, col, 1, 2, max_rows);
        CHECK(r.ok == r.error.empty());
        if (!r.ok) CHECK(r.points.empty());
        CHECK(valid_utf8(r.error));
        for (const auto& h : r.header) CHECK(valid_utf8(h));
        accepted += r.ok;
        CsvTable p = csv_preview(t, (size_t)(next() % 4));
        CHECK(p.ok == p.error.empty());
        CHECK(valid_utf8(p.error));
    }
    CHECK(accepted > 100); // the mutations leave plenty of valid files, so both paths are exercised
}

TEST_CASE("csv: spaces inside quotes around a number, and the point bound named by row") {
    CsvParseResult r = parse3("x1,x2,label\n\"-0.5 \",\" 0.25\",\" 1 \"\n0.5,0.5,-1\n");
    REQUIRE_MESSAGE(r.ok, r.error);
    REQUIRE(r.points.size() == 2);
    CHECK(r.points[0].x1 == -0.5f);
    CHECK(r.points[0].x2 == 0.25f);
    CHECK(r.points[0].label == 1.0f);
    // header, ten ordinary rows, then 1e7 on the twelfth line: finite, but beyond the bound
    std::string text = "x1,x2,label\n";
    for (int i = 1; i <= 10; ++i) text += "0." + std::to_string(i) + ",0.5,1\n";
    text += "1e7,0.5,1\n";
    r = parse3(text);
    CHECK(!r.ok);
    CHECK(r.error == "row 12, column 1: '1e7' is outside [-1e6, 1e6]");
    CHECK(parse3("1e6,-1e6,1\n").ok); // the bound itself is inside
}
