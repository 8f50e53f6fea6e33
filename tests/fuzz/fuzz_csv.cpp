// fuzz_csv.cpp: libFuzzer target for the CSV reader (src/data/csv*). Input layout: byte 0..2 pick
// the three column indices (x1, x2, label) in -2..13, byte 3 picks max_rows (0..255, or the
// default limit when it is 255) and the preview length; the rest is the CSV text.
// Contract checked on every input (a violation aborts, so libFuzzer keeps it):
// - parse_csv_points and csv_preview never crash, throw or hit UB (ASan + UBSan).
// - parse_csv_points: ok xor a non-empty error; every message and header name valid UTF-8 and
//   bounded; when ok: 1..max_rows points, all finite, column indices < num_columns, header empty
//   or one name per column.
// - csv_preview: ok xor error; when ok: columns, numeric and every row have num_columns entries,
//   at most max_rows rows, cells at most 64 bytes of valid UTF-8.
// - Agreement: both see the same file (same ok-ness of the reader, same num_columns, separator
//   and header decision when both are ok); a full preview whose three chosen columns are all
//   numeric implies parse_csv_points on them succeeds.
// Build and run: scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).
#include "data/csv.h"
#include "utf8_check.h"
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace bp;

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_csv: %s\n%s\n", what, detail.c_str());
    std::abort();
}

void check_text(const std::string& s, size_t max_bytes, const char* what) {
    if (!valid_utf8(s)) fail(what, "not valid UTF-8: " + s);
    if (s.size() > max_bytes) fail(what, "too long: " + s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 4) return 0;
    const int cols[3] = {(int)(data[0] % 16) - 2, (int)(data[1] % 16) - 2, (int)(data[2] % 16) - 2};
    const size_t max_rows = data[3] == 255 ? kCsvMaxRows : data[3];
    const std::string text((const char*)data + 4, size - 4);

    CsvParseResult r = parse_csv_points(text, cols[0], cols[1], cols[2], max_rows);
    if (r.ok == !r.error.empty()) fail("parse: ok and error disagree", r.error);
    check_text(r.error, 400, "parse error message");
    if (r.ok) {
        if (r.points.empty() || r.points.size() > max_rows) fail("parse: point count", text);
        for (const Point& p : r.points)
            if (!std::isfinite(p.x1) || !std::isfinite(p.x2) || !std::isfinite(p.label))
                fail("parse: a non-finite value was accepted", text);
        for (int c : cols)
            if (c < 0 || c >= r.num_columns)
                fail("parse: column index out of range accepted", text);
        if (!r.header.empty() && (int)r.header.size() != r.num_columns)
            fail("parse: header size differs from num_columns", text);
        for (const std::string& h : r.header) check_text(h, 100, "header name");
        if (r.separator != ',' && r.separator != ';' && r.separator != '\t')
            fail("parse: unknown separator", text);
    }

    const size_t preview_rows = data[3] % 8;
    CsvTable t = csv_preview(text, preview_rows);
    if (t.ok == !t.error.empty()) fail("preview: ok and error disagree", t.error);
    check_text(t.error, 400, "preview error message");
    if (t.ok) {
        if (t.num_columns < 1 || (size_t)t.num_columns > kCsvMaxColumns)
            fail("preview: num_columns", text);
        if (t.columns.size() != (size_t)t.num_columns || t.numeric.size() != (size_t)t.num_columns)
            fail("preview: columns/numeric size", text);
        if (t.rows.size() > preview_rows) fail("preview: too many rows", text);
        for (const auto& row : t.rows) {
            if (row.size() != (size_t)t.num_columns) fail("preview: row width", text);
            for (const std::string& cell : row) check_text(cell, 64, "preview cell");
        }
        for (const std::string& c : t.columns) check_text(c, 100, "preview column name");
    }

    // Agreement with a full preview of the same text.
    CsvTable full = csv_preview(text, kCsvMaxRows + 1);
    if (r.ok && !full.ok) fail("parse ok but a full preview failed", full.error);
    if (r.ok && full.ok) {
        if (full.num_columns != r.num_columns || full.separator != r.separator ||
            full.has_header != !r.header.empty())
            fail("parse and preview read the file differently", text);
        if (full.rows.size() != r.points.size())
            fail("parse and preview count rows differently", text);
    }
    if (full.ok && !full.rows.empty() && full.rows.size() <= max_rows) {
        bool all_numeric = true;
        for (int c : cols)
            all_numeric = all_numeric && c >= 0 && c < full.num_columns && full.numeric[c];
        // numeric in the preview means "reads as a number"; a number beyond the session's bound on
        // points is still refused by the parse, with its row and column (src/data/csv.cpp)
        const bool range = r.error.code() == Msg::CsvOutside;
        if (all_numeric && !r.ok && !range)
            fail("preview says the columns are numeric but parse_csv_points failed", r.error);
    }
    return 0;
}
