// csv.cpp: the two entry points of csv.h on top of csv::Reader. Contract: a result is
// all-or-nothing (points only when ok), every message names where the problem is, in the numbering
// of csv.h.
#include "csv.h"
#include "../config/config_codec.h"
#include "csv_reader.h"
#include <cmath>
#include <utility>

namespace bp {
namespace {

bool check_column(int col, std::size_t num_columns, Message& error) {
    if (col < 0) {
        error = {Msg::CsvBadIndex, {{"index", col}}};
        return false;
    }
    if ((std::size_t)col >= num_columns) {
        const long long shown = (long long)col + 1;
        error = num_columns == 1
                    ? Message(Msg::CsvNoColumnOfOne, {{"column", shown}})
                    : Message(Msg::CsvNoColumn, {{"column", shown}, {"n", num_columns}});
        return false;
    }
    return true;
}

bool read_value(const std::vector<std::string>& fields, int col, long row, char sep, double& out,
                Message& error) {
    const std::string& f = fields[(std::size_t)col];
    csv::NumStatus status = f.empty() ? csv::NumStatus::NotNumber : csv::parse_number(f, sep, out);
    const MessageArg at_row("row", row), at_column("column", col + 1);
    // the session's own bound on points, named here where the row and column are known
    if (status == csv::NumStatus::Ok && !(std::fabs(out) <= kMaxPointCoord)) {
        error = {Msg::CsvOutside, {at_row, at_column, {"text", csv::quote_for_message(f)}}};
        return false;
    }
    if (status == csv::NumStatus::Ok) return true;
    if (f.empty()) {
        error = {Msg::CsvEmptyCell, {at_row, at_column}};
        return false;
    }
    switch (status) {
    case csv::NumStatus::Ok:
        return true;
    case csv::NumStatus::NotNumber:
        error = {Msg::CsvNotNumber, {at_row, at_column, {"text", csv::quote_for_message(f)}}};
        break;
    case csv::NumStatus::NonFinite:
        error = {Msg::CsvNonFinite, {at_row, at_column, {"text", csv::quote_for_message(f)}}};
        break;
    case csv::NumStatus::OutOfRange:
        error = {Msg::CsvBeyondFloat, {at_row, at_column, {"text", csv::quote_for_message(f)}}};
        break;
    }
    return false;
}

Message wrong_width(long row, std::size_t got, std::size_t expected) {
    if (got == 1) return {Msg::CsvRowWidthOne, {{"row", row}, {"expected", expected}}};
    return {Msg::CsvRowWidth, {{"row", row}, {"n", got}, {"expected", expected}}};
}

std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
    return s.substr(a, b - a);
}

// Text labels to classes: distinct names in order of first appearance; 2..kMaxClasses of them.
bool name_classes(const std::vector<std::string>& text, int col, std::vector<Point>& pts,
                  CsvParseResult& r) {
    std::vector<std::string> names;
    std::vector<int> index(text.size());
    for (std::size_t k = 0; k < text.size(); ++k) {
        std::size_t i = 0;
        while (i < names.size() && names[i] != text[k]) ++i;
        if (i == names.size()) {
            if (names.size() == (std::size_t)kMaxClasses) {
                r.error = {Msg::CsvManyLabels,
                           {{"column", col + 1},
                            {"max", kMaxClasses},
                            {"nth", kMaxClasses + 1},
                            {"text", csv::quote_for_message(text[k])}}};
                return false;
            }
            names.push_back(text[k]);
        }
        index[k] = (int)i;
    }
    if (names.size() < 2) {
        r.error = {Msg::CsvOneLabel,
                   {{"column", col + 1},
                    {"text", csv::quote_for_message(names[0])},
                    {"max", kMaxClasses}}};
        return false;
    }
    for (std::size_t k = 0; k < pts.size(); ++k)
        pts[k].label = names.size() == 2 ? (index[k] ? 1.0f : -1.0f) : (float)index[k];
    for (const std::string& n : names) r.class_names.push_back(csv::clean_text(n, 40));
    return true;
}

} // namespace

CsvParseResult parse_csv_columns(const std::string& text, const std::vector<int>& cols,
                                 int col_label, std::size_t max_rows, bool text_labels) {
    CsvParseResult r;
    csv::Reader reader(text);
    if (!reader.ok()) {
        r.error = reader.error();
        return r;
    }
    const std::size_t width = reader.num_columns();
    r.num_columns = (int)width;
    r.separator = reader.separator();
    if (cols.size() < 2 || cols.size() > (std::size_t)kMaxColumns) {
        r.error = {Msg::CsvPickColumns, {{"max", kMaxColumns}, {"n", cols.size()}}};
        return r;
    }
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (!check_column(cols[i], width, r.error)) return r;
        for (std::size_t j = 0; j < i && cols.size() > 2; ++j)
            if (cols[j] == cols[i]) {
                r.error = {Msg::CsvPickedTwice, {{"column", cols[i] + 1}}};
                return r;
            }
        if (cols[i] == col_label && cols.size() > 2) {
            r.error = {Msg::CsvInputAndLabel, {{"column", col_label + 1}}};
            return r;
        }
    }
    if (!check_column(col_label, width, r.error)) return r;

    const std::size_t C = cols.size();
    std::vector<float> values, labels;
    std::vector<std::string> fields, label_text; // label_text: with text_labels, each row's label
    bool any_text = false;
    // Words and numbers mixed in the label column: a typo in a column of numbers (or a number in
    // a column of names), named at the first label of the other kind.
    bool any_number = false;
    long row = 0;
    while (reader.next(fields, row)) {
        if (fields.size() != width) {
            r.error = wrong_width(row, fields.size(), width);
            return r;
        }
        if (labels.size() >= max_rows) {
            r.error = {Msg::CsvTooManyRows, {{"max", max_rows}}};
            return r;
        }
        for (std::size_t k = 0; k < C; ++k) {
            double v = 0;
            if (!read_value(fields, cols[k], row, reader.separator(), v, r.error)) return r;
            values.push_back((float)v);
        }
        double label = 0;
        if (text_labels) {
            const std::string name = trim(fields[(std::size_t)col_label]);
            const MessageArg at_row("row", row), at_column("column", col_label + 1);
            if (name.empty()) {
                r.error = {Msg::CsvEmptyLabel, {at_row, at_column}};
                return r;
            }
            Message ignored;
            const bool number =
                read_value(fields, col_label, row, reader.separator(), label, ignored);
            if (!number && ignored.code() != Msg::CsvNotNumber) {
                r.error = ignored; // NaN, out of range: a number, and a bad one
                return r;
            }
            const MessageArg quoted("text", csv::quote_for_message(name));
            if (!number && (name[0] == '=' || name[0] == '+' || name[0] == '-' || name[0] == '@')) {
                // what a spreadsheet would run as a formula is refused, not kept as a class name
                r.error = {Msg::CsvFormula, {at_row, at_column, quoted}};
                return r;
            }
            if (number ? any_text : any_number) {
                r.error = {number ? Msg::CsvNumberAfterNames : Msg::CsvNameAfterNumbers,
                           {at_row, at_column, quoted}};
                return r;
            }
            (number ? any_number : any_text) = true;
            label_text.push_back(name);
        } else if (!read_value(fields, col_label, row, reader.separator(), label, r.error)) {
            return r;
        }
        labels.push_back((float)label);
    }
    if (!reader.ok()) {
        r.error = reader.error();
        return r;
    }
    if (labels.empty()) {
        r.error = {Msg::CsvNoDataRows};
        return r;
    }
    std::vector<Point> points(labels.size());
    for (std::size_t k = 0; k < labels.size(); ++k)
        points[k] = Point{values[k * C], values[k * C + 1], labels[k]};
    if (any_text && !name_classes(label_text, col_label, points, r)) return r;
    if (reader.has_header())
        for (const auto& name : reader.first_row()) r.header.push_back(csv::clean_text(name, 100));
    for (int c : cols)
        r.columns.push_back(reader.has_header() ? r.header[(std::size_t)c]
                                                : "column " + std::to_string(c + 1));
    r.points = std::move(points);
    if (C > 2) r.values = std::move(values);
    r.ok = true;
    return r;
}

CsvParseResult parse_csv_points(const std::string& text, int col_x1, int col_x2, int col_label,
                                std::size_t max_rows, bool text_labels) {
    return parse_csv_columns(text, {col_x1, col_x2}, col_label, max_rows, text_labels);
}

CsvTable csv_preview(const std::string& text, std::size_t max_rows) {
    CsvTable t;
    csv::Reader reader(text);
    if (!reader.ok()) {
        t.error = reader.error();
        return t;
    }
    const std::size_t width = reader.num_columns();
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> numeric(width, true);
    std::vector<std::string> fields;
    long row = 0;
    while (rows.size() < max_rows && reader.next(fields, row)) {
        if (fields.size() != width) {
            t.error = wrong_width(row, fields.size(), width);
            return t;
        }
        double v;
        for (std::size_t c = 0; c < width; ++c) {
            if (csv::parse_number(fields[c], reader.separator(), v) != csv::NumStatus::Ok)
                numeric[c] = false;
            fields[c] = csv::clean_text(fields[c], 64);
        }
        rows.push_back(std::move(fields));
        fields.clear();
    }
    if (!reader.ok()) {
        t.error = reader.error();
        return t;
    }
    if (rows.empty()) numeric.assign(width, false); // nothing seen, nothing promised
    for (std::size_t c = 0; c < width; ++c)
        t.columns.push_back(reader.has_header() ? csv::clean_text(reader.first_row()[c], 100)
                                                : "column " + std::to_string(c + 1));
    t.has_header = reader.has_header();
    t.num_columns = (int)width;
    t.separator = reader.separator();
    t.rows = std::move(rows);
    t.numeric = std::move(numeric);
    t.ok = true;
    return t;
}

} // namespace bp
