// csv.h: user data from CSV text (a file the user drops on the page). Contract: any byte string is
// accepted as input and answered with either a result or one error sentence naming the row, column
// and offending text (at most ~40 characters of it, made valid UTF-8); never an exception, a crash
// or undefined behaviour, and memory bounded by the text size plus max_rows points.
//
// Format accepted: separator ',', ';' or tab (the most frequent of them in the first row; ties
// prefer
// ';', then tab); RFC 4180 quoting ("a ""b""", separators and newlines inside quotes); LF, CRLF or
// CR line ends; a UTF-8 byte order mark; blank lines (and rows of only empty fields, as
// spreadsheets export them) are skipped. Numbers are decimal ("-1.5", ".5", "2e-3", C locale
// whatever the process locale); with the ';' separator a decimal comma ("1,5") is also read, as
// European spreadsheets write it. NaN, Infinity, hex and values beyond float range are refused.
// Header row: the first row is a header when one of its fields is not a number while the next row
// has a number in that column (so a file whose first column is text, e.g. names, still has no
// header); with a single row, when any field of it is not a number. Numbering: column indices in
// the API count from 0; rows and columns in messages count from 1, as a spreadsheet shows them
// (rows include the header and blank lines; a quoted line break stays in its row).
#pragma once
#include "../config/message.h"
#include "dataset.h"
#include <cstddef>
#include <string>
#include <vector>

namespace bp {

constexpr std::size_t kCsvMaxRows = 100000; // default data-row limit for user files
constexpr std::size_t kCsvMaxColumns = 1000;

struct CsvParseResult {
    bool ok = false;
    Message error;                   // set when !ok
    std::vector<Point> points;       // one per data row, in file order; label is the raw value
    std::vector<std::string> header; // column names; empty when the file has no header row
    int num_columns = 0;
    char separator = ',';
    // Text labels (text_labels and a label that is not a number): the distinct labels in order
    // of first appearance, made valid UTF-8 and cut to 40 bytes; each point's label is then its
    // class index (3 or more names) or -1/+1 (two names: the first is -1). Empty otherwise.
    std::vector<std::string> class_names;
    // parse_csv_columns: the input columns' names (the header's, else "column N") and, for 3 or
    // more of them, every row's values row-major [rows][columns]; points then hold the first two.
    std::vector<std::string> columns;
    std::vector<float> values;
};

// Reads columns col_x1, col_x2, col_label (0-based) of every data row as numbers. Other columns may
// hold anything. More than max_rows data rows is an error, not a silent truncation. With
// text_labels the label column may hold words (class names): 2 to kMaxClasses distinct ones; an
// empty label is an error naming its row and column.
CsvParseResult parse_csv_points(const std::string& text, int col_x1, int col_x2, int col_label,
                                std::size_t max_rows = kCsvMaxRows, bool text_labels = false);

// The same for 2 to kMaxColumns input columns cols (0-based, different, none the label column).
// With text_labels a label that is not a number and begins with =, +, - or @ is refused (a
// spreadsheet would run it as a formula).
CsvParseResult parse_csv_columns(const std::string& text, const std::vector<int>& cols,
                                 int col_label, std::size_t max_rows = kCsvMaxRows,
                                 bool text_labels = false);

// The start of a file, for a column picker: reads only the header and the first max_rows data rows.
struct CsvTable {
    bool ok = false;
    Message error;
    bool has_header = false;
    int num_columns = 0;
    char separator = ',';
    std::vector<std::string> columns;           // header names, or "column 1", ... without a header
    std::vector<std::vector<std::string>> rows; // data rows as text (cells cut to 64 bytes)
    std::vector<bool> numeric; // per column: every previewed cell is a finite number
};
CsvTable csv_preview(const std::string& text, std::size_t max_rows);

} // namespace bp
