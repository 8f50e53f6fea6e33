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

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool check_column(int col, std::size_t num_columns, std::string& error) {
    if (col < 0) {
        error = "column index " + std::to_string(col) + " is invalid (columns are numbered from 0)";
        return false;
    }
    if ((std::size_t)col >= num_columns) {
        error = "column " + std::to_string((long long)col + 1) + " does not exist (the file has " +
                plural(num_columns, "column") + ")";
        return false;
    }
    return true;
}

bool read_value(const std::vector<std::string>& fields, int col, long row, char sep, double& out,
                std::string& error) {
    const std::string& f = fields[(std::size_t)col];
    csv::NumStatus status = f.empty() ? csv::NumStatus::NotNumber : csv::parse_number(f, sep, out);
    std::string where = "row " + std::to_string(row) + ", column " + std::to_string(col + 1);
    // the session's own bound on points, named here where the row and column are known
    if (status == csv::NumStatus::Ok && !(std::fabs(out) <= kMaxPointCoord)) {
        error = where + ": " + csv::quote_for_message(f) + " is outside [-1e6, 1e6]";
        return false;
    }
    if (status == csv::NumStatus::Ok) return true;
    if (f.empty()) {
        error = where + " is empty";
        return false;
    }
    switch (status) {
    case csv::NumStatus::Ok:
        return true;
    case csv::NumStatus::NotNumber:
        error = where + ": " + csv::quote_for_message(f) + " is not a number";
        break;
    case csv::NumStatus::NonFinite:
        error = "NaN or Infinity in " + where + " (" + csv::quote_for_message(f) + ")";
        break;
    case csv::NumStatus::OutOfRange:
        error = where + ": " + csv::quote_for_message(f) + " is out of range (beyond 3.4e38)";
        break;
    }
    return false;
}

std::string wrong_width(long row, std::size_t got, std::size_t expected) {
    return "row " + std::to_string(row) + " has " + plural(got, "column") + ", expected " +
           std::to_string(expected);
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
                r.error = "column " + std::to_string(col + 1) + " has more than " +
                          std::to_string(kMaxClasses) + " different labels (the " +
                          std::to_string(kMaxClasses + 1) +
                          "th: " + csv::quote_for_message(text[k]) + "); expected 2 to " +
                          std::to_string(kMaxClasses) + " classes";
                return false;
            }
            names.push_back(text[k]);
        }
        index[k] = (int)i;
    }
    if (names.size() < 2) {
        r.error = "column " + std::to_string(col + 1) + " has one label only (" +
                  csv::quote_for_message(names[0]) + "); expected 2 to " +
                  std::to_string(kMaxClasses) + " classes";
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
        r.error = "pick 2 to " + std::to_string(kMaxColumns) + " input columns (got " +
                  std::to_string(cols.size()) + ")";
        return r;
    }
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (!check_column(cols[i], width, r.error)) return r;
        for (std::size_t j = 0; j < i && cols.size() > 2; ++j)
            if (cols[j] == cols[i]) {
                r.error = "column " + std::to_string(cols[i] + 1) + " is picked twice";
                return r;
            }
        if (cols[i] == col_label && cols.size() > 2) {
            r.error = "column " + std::to_string(col_label + 1) + " is both an input and the label";
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
            r.error = "the file has more than " + std::to_string(max_rows) + " rows (the limit)";
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
            const std::string where =
                "row " + std::to_string(row) + ", column " + std::to_string(col_label + 1);
            if (name.empty()) {
                r.error = where + " is empty; expected a label (a class name or a number)";
                return r;
            }
            std::string ignored;
            const bool number =
                read_value(fields, col_label, row, reader.separator(), label, ignored);
            if (!number && ignored.find(" is not a number") == std::string::npos) {
                r.error = ignored; // NaN, out of range: a number, and a bad one
                return r;
            }
            if (!number && (name[0] == '=' || name[0] == '+' || name[0] == '-' || name[0] == '@')) {
                // what a spreadsheet would run as a formula is refused, not kept as a class name
                r.error = where + ": " + csv::quote_for_message(name) +
                          " is not a number (and a class name may not begin with =, +, - or @, "
                          "which spreadsheets read as a formula)";
                return r;
            }
            if (number ? any_text : any_number) {
                r.error = where + ": " + csv::quote_for_message(name) +
                          (number ? " is a number, but the labels before it are class names"
                                  : " is not a number, but the labels before it are numbers");
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
        r.error = "the file has a header row but no data rows";
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
