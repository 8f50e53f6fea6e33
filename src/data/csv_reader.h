// csv_reader.h: internals of csv.h (not for other modules): the record reader, the number parser
// and the quoting of offending text in messages. Contract: the reader walks the text once, front to
// back, holding one record at a time; every failure becomes an error sentence, never an exception.
#pragma once
#include "../config/message.h"
#include <cstddef>
#include <string>
#include <vector>

namespace bp {
namespace csv {

enum class NumStatus { Ok, NotNumber, NonFinite, OutOfRange };

// Parses one (already unquoted) field as a finite float-range number; surrounding blanks allowed.
NumStatus parse_number(const std::string& field, char separator, double& out);

// The text quoted for a message: valid UTF-8, control characters shown as '?', cut to max_bytes.
std::string quote_for_message(const std::string& s, std::size_t max_bytes = 40);
// The text made valid UTF-8 and cut to max_bytes (for names and cells handed to the page).
std::string clean_text(const std::string& s, std::size_t max_bytes, bool* cut = nullptr);

// Reads data rows: checks the text is text, detects separator and header, skips blank rows.
class Reader {
  public:
    explicit Reader(const std::string& text);
    bool ok() const { return error_.empty(); }
    const Message& error() const { return error_; }
    char separator() const { return sep_; }
    bool has_header() const { return has_header_; }
    // The first non-blank row: the header when there is one, else the first data row.
    const std::vector<std::string>& first_row() const { return first_; }
    std::size_t num_columns() const { return first_.size(); }
    // Next data row and its 1-based row number; false at the end or on an error (then !ok()).
    bool next(std::vector<std::string>& fields, long& row);

  private:
    bool read_record(std::vector<std::string>& fields);   // one record, blank or not
    bool read_nonblank(std::vector<std::string>& fields); // skips blank records
    bool read_field(std::string& f, bool& end_of_record, std::size_t column);
    bool is_blank(char c) const { return c == ' ' || (c == '\t' && sep_ != '\t'); }

    const std::string& t_;
    std::size_t pos_ = 0;
    char sep_ = ',';
    long row_ = 0; // row number of the record last read
    Message error_;
    bool has_header_ = false;
    std::vector<std::string> first_, second_;
    long first_row_ = 0, second_row_ = 0;
    int pending_ = 0; // buffered data rows still to hand out: 2 = first_ and second_, 1 = second_
};

} // namespace csv
} // namespace bp
