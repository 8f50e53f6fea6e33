// csv_reader.cpp: see csv_reader.h. Every index is checked against the text size before use; the
// only allocations are the current record's fields and copies bounded by the text itself.
#include "csv_reader.h"
#include "csv.h"
#include <cfloat>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bp {
namespace csv {
namespace {

// Longer fields are not numbers anyone writes; the cap also keeps strtod away from megabyte inputs.
constexpr std::size_t kMaxNumberChars = 200;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

// Length of the valid UTF-8 sequence at s[i], or 0 if the bytes there are not one.
std::size_t utf8_sequence(const std::string& s, std::size_t i) {
    auto at = [&](std::size_t k) { return (unsigned char)s[k]; };
    unsigned char c = at(i);
    if (c < 0x80) return 1;
    std::size_t len = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((at(i + k) & 0xC0) != 0x80) return 0;
    unsigned char c1 = at(i + 1); // overlong forms, UTF-16 surrogates and code points > U+10FFFF
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 >= 0x90))
        return 0;
    return len;
}

Message check_text(const std::string& t, std::size_t& start) {
    auto at = [&](std::size_t k) { return (unsigned char)t[k]; };
    if (t.size() >= 2 && ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF)))
        return {Msg::CsvUtf16};
    start = (t.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) ? 3 : 0;
    for (std::size_t i = start; i < t.size(); ++i) {
        unsigned char c = at(i);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "%02X", (unsigned)c);
            return {Msg::CsvBinary, {{"byte", byte}, {"offset", i}}};
        }
    }
    return {};
}

// The separator is the most frequent of ';', tab, ',' outside quotes in the first row with content.
// Ties prefer ';' then tab: a file using either rarely contains the other by accident, while commas
// appear inside European decimals.
char detect_separator(const std::string& t, std::size_t pos) {
    const char cand[3] = {';', '\t', ','};
    std::size_t count[3] = {0, 0, 0};
    bool in_quotes = false, content = false;
    for (; pos < t.size(); ++pos) {
        char c = t[pos];
        if (c == '"') {
            in_quotes = !in_quotes;
            content = true;
        } else if (in_quotes) {
            continue;
        } else if (c == '\n' || c == '\r') {
            if (content) break;
            count[0] = count[1] = count[2] = 0; // a line of separators only is a blank row
        } else {
            bool is_sep = false;
            for (int k = 0; k < 3; ++k)
                if (c == cand[k]) ++count[k], is_sep = true;
            if (!is_sep && c != ' ') content = true;
        }
    }
    int best = 2; // no separator at all: a one-column file, comma by convention
    for (int k = 0; k < 3; ++k)
        if (count[k] > count[best] || (count[k] == count[best] && count[k] > 0 && k < best))
            best = k;
    return cand[best];
}

bool all_empty(const std::vector<std::string>& fields) {
    for (const auto& f : fields)
        if (!f.empty()) return false;
    return true;
}

bool looks_like_header(const std::vector<std::string>& r1, const std::vector<std::string>* r2,
                       char sep) {
    double v;
    for (std::size_t c = 0; c < r1.size(); ++c) {
        if (r1[c].empty() || parse_number(r1[c], sep, v) != NumStatus::NotNumber) continue;
        if (!r2) return true;
        if (c < r2->size() && !(*r2)[c].empty() &&
            parse_number((*r2)[c], sep, v) != NumStatus::NotNumber)
            return true;
    }
    return false;
}

} // namespace

NumStatus parse_number(const std::string& field, char separator, double& out) {
    std::size_t b = 0, e = field.size();
    while (b < e && (field[b] == ' ' || field[b] == '\t')) ++b;
    while (e > b && (field[e - 1] == ' ' || field[e - 1] == '\t')) --e;
    if (b == e || e - b > kMaxNumberChars) return NumStatus::NotNumber;
    std::string s = field.substr(b, e - b);
    if (separator == ';' && s.find('.') == std::string::npos) {
        std::size_t comma = s.find(',');
        if (comma != std::string::npos && s.find(',', comma + 1) == std::string::npos)
            s[comma] = '.';
    }
    std::size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    if (s.size() - i <= 8) {
        std::string word;
        for (std::size_t k = i; k < s.size(); ++k) word += lower(s[k]);
        if (word == "nan" || word == "inf" || word == "infinity") return NumStatus::NonFinite;
    }
    // Decimal grammar checked by hand: strtod alone would also take hex, "nan(...)" and "infinity".
    std::size_t digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return NumStatus::NotNumber;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return NumStatus::NotNumber;
    }
    if (i != s.size()) return NumStatus::NotNumber;
    // strtod reads the process locale's decimal point; hand it that instead of '.'.
    const std::lconv* lc = std::localeconv();
    if (lc && lc->decimal_point && lc->decimal_point[0] && std::string(lc->decimal_point) != ".") {
        std::size_t dot = s.find('.');
        if (dot != std::string::npos) s.replace(dot, 1, lc->decimal_point);
    }
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return NumStatus::NotNumber;
    if (!(std::fabs(v) <= (double)FLT_MAX)) return NumStatus::OutOfRange; // float cast would be UB
    out = v;
    return NumStatus::Ok;
}

std::string clean_text(const std::string& s, std::size_t max_bytes, bool* cut) {
    std::string out;
    if (cut) *cut = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = utf8_sequence(s, i);
        std::size_t out_len = len ? len : 3; // invalid bytes become U+FFFD
        if (out.size() + out_len > max_bytes) {
            if (cut) *cut = true;
            break;
        }
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            i += 1;
        } else if (len == 1) {
            unsigned char c = (unsigned char)s[i];
            out +=
                (c < 0x20 || c == 0x7F) ? (c == '\t' || c == '\n' || c == '\r' ? ' ' : '?') : s[i];
            i += 1;
        } else {
            out.append(s, i, len);
            i += len;
        }
    }
    return out;
}

std::string quote_for_message(const std::string& s, std::size_t max_bytes) {
    bool cut = false;
    std::string text = clean_text(s, max_bytes, &cut);
    return "'" + text + (cut ? "...'" : "'");
}

Reader::Reader(const std::string& text) : t_(text) {
    error_ = check_text(text, pos_);
    if (!error_.empty()) return;
    sep_ = detect_separator(text, pos_);
    if (!read_nonblank(first_)) {
        if (error_.empty()) error_ = {Msg::CsvEmpty};
        return;
    }
    first_row_ = row_;
    bool have_second = read_nonblank(second_);
    if (!ok()) return;
    second_row_ = row_;
    has_header_ = looks_like_header(first_, have_second ? &second_ : nullptr, sep_);
    pending_ = (has_header_ ? 0 : 1) + (have_second ? 2 : 0);
}

bool Reader::next(std::vector<std::string>& fields, long& row) {
    if (!ok()) return false;
    if (pending_ & 1) {
        pending_ &= ~1;
        fields = first_;
        row = first_row_;
        return true;
    }
    if (pending_ & 2) {
        pending_ &= ~2;
        fields = std::move(second_);
        row = second_row_;
        return true;
    }
    if (!read_nonblank(fields)) return false;
    row = row_;
    return true;
}

bool Reader::read_nonblank(std::vector<std::string>& fields) {
    while (read_record(fields))
        if (!all_empty(fields)) return true;
    return false;
}

bool Reader::read_record(std::vector<std::string>& fields) {
    fields.clear();
    if (!ok() || pos_ >= t_.size()) return false;
    ++row_;
    bool end_of_record = false;
    while (!end_of_record) {
        if (fields.size() >= kCsvMaxColumns) {
            error_ = {Msg::CsvWideRow, {{"row", row_}, {"max", kCsvMaxColumns}}};
            return false;
        }
        std::string f;
        if (!read_field(f, end_of_record, fields.size() + 1)) return false;
        fields.push_back(std::move(f));
    }
    return true;
}

bool Reader::read_field(std::string& f, bool& end_of_record, std::size_t column) {
    const std::size_t n = t_.size();
    std::size_t p = pos_;

    while (p < n && is_blank(t_[p])) ++p;
    if (p < n && t_[p] == '"') {
        ++p;
        for (;;) {
            std::size_t q = t_.find('"', p);
            if (q == std::string::npos) {
                error_ = {Msg::CsvUnclosedQuote, {{"row", row_}, {"column", column}}};
                return false;
            }
            f.append(t_, p, q - p);
            if (q + 1 < n && t_[q + 1] == '"') {
                f += '"';
                p = q + 2;
                continue;
            }
            p = q + 1;
            break;
        }
        while (p < n && is_blank(t_[p])) ++p;
        if (p < n && t_[p] != sep_ && t_[p] != '\n' && t_[p] != '\r') {
            std::size_t e = p;
            while (e < n && e - p < 64 && t_[e] != sep_ && t_[e] != '\n' && t_[e] != '\r') ++e;
            error_ = {Msg::CsvAfterQuote,
                      {{"row", row_},
                       {"column", column},
                       {"text", quote_for_message(t_.substr(p, e - p))}}};
            return false;
        }
    } else {
        std::size_t b = p;
        while (p < n && t_[p] != sep_ && t_[p] != '\n' && t_[p] != '\r') ++p;
        std::size_t e = p;
        while (e > b && is_blank(t_[e - 1])) --e;
        f.assign(t_, b, e - b);
    }
    if (p >= n) {
        pos_ = n;
        end_of_record = true;
    } else if (t_[p] == sep_) {
        pos_ = p + 1;
        end_of_record = false;
    } else {
        pos_ = (t_[p] == '\r' && p + 1 < n && t_[p + 1] == '\n') ? p + 2 : p + 1;
        end_of_record = true;
    }
    return true;
}

} // namespace csv
} // namespace bp
