// json_reader.cpp: see json_reader.h. A recursive-descent parser over a string_view with an
// explicit depth bound; every failure sets one message and unwinds by returning false.
#include "json_reader.h"
#include "../config/message.h"
#include <cmath>
#include <cstdlib>

namespace bp {
namespace {

class Reader {
  public:
    Reader(std::string_view t, const JsonKeep& k) : s_(t), keep_(k) {}
    Message error;

    bool document(JsonValue& out) {
        ws();
        if (!value(&out, 0)) return false;
        ws();
        if (i_ != s_.size()) return fail(Msg::JsonAfterValue);
        return true;
    }

  private:
    std::string_view s_;
    std::size_t i_ = 0;
    const JsonKeep& keep_;
    std::size_t built_ = 0;
    JsonValue scratch_; // where skipped scalars land; skipped arrays and objects keep nothing

    bool kept(const std::string& key) const {
        if (!keep_.keys) return true;
        for (std::size_t k = 0; k < keep_.num_keys; ++k)
            if (keep_.keys[k] == key) return true;
        return false;
    }
    // v == nullptr: check the value's syntax and build nothing.
    bool count(const JsonValue* v) {
        if (v && ++built_ > keep_.max_values)
            return fail({Msg::JsonTooManyValues, {{"max", keep_.max_values}}});
        return true;
    }

    bool fail(const Message& what) {
        std::size_t line = 1, col = 1;
        for (std::size_t k = 0; k < i_ && k < s_.size(); ++k) {
            if (s_[k] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        error = {Msg::JsonAt, {{"what", what}, {"line", line}, {"column", col}}};
        return false;
    }
    void ws() {
        while (i_ < s_.size() &&
               (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
            ++i_;
    }
    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return fail(Msg::JsonInvalidLiteral);
        i_ += word.size();
        return true;
    }
    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool value(JsonValue* keep, int depth) {
        if (depth >= kMaxJsonDepth) return fail({Msg::JsonTooDeep, {{"max", kMaxJsonDepth}}});
        if (i_ >= s_.size()) return fail(Msg::JsonEnd);
        if (!count(keep)) return false;
        const char c = s_[i_];
        if (c == '{' || c == '[') return c == '{' ? object(keep, depth) : array(keep, depth);
        JsonValue& v = keep ? *keep : scratch_;
        if (c == '"') {
            v.kind = JsonValue::Kind::String;
            return string(v.text);
        }
        if (c == 't' || c == 'f') {
            v.kind = JsonValue::Kind::Bool;
            v.boolean = c == 't';
            return literal(c == 't' ? "true" : "false");
        }
        if (c == 'n') {
            v.kind = JsonValue::Kind::Null;
            return literal("null");
        }
        if (c == '-' || digit(c)) return number(v);
        if (c == 'N' || c == 'I') return fail(Msg::JsonNanInfinity);
        return fail(
            {Msg::JsonUnexpectedChar, {{"char", std::string(1, c >= 32 && c < 127 ? c : '?')}}});
    }

    bool number(JsonValue& v) {
        const std::size_t start = i_;
        if (s_[i_] == '-') ++i_;
        if (i_ < s_.size() && (s_[i_] == 'I' || s_[i_] == 'N')) return fail(Msg::JsonNanInfinity);
        if (i_ >= s_.size() || !digit(s_[i_])) return fail(Msg::JsonNeedDigits);
        if (s_[i_] == '0')
            ++i_;
        else
            while (i_ < s_.size() && digit(s_[i_])) ++i_;
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (i_ >= s_.size() || !digit(s_[i_])) return fail(Msg::JsonNeedFraction);
            while (i_ < s_.size() && digit(s_[i_])) ++i_;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= s_.size() || !digit(s_[i_])) return fail(Msg::JsonNeedExponent);
            while (i_ < s_.size() && digit(s_[i_])) ++i_;
        }
        const std::string tok(s_.substr(start, i_ - start));
        char* end = nullptr;
        const double d = std::strtod(tok.c_str(), &end);
        if (end != tok.c_str() + tok.size()) {
            i_ = start;
            return fail(Msg::JsonUnreadable);
        }
        if (!std::isfinite(d)) {
            i_ = start;
            return fail({Msg::JsonBeyondDouble, {{"number", tok.substr(0, 40)}}});
        }
        v.kind = JsonValue::Kind::Number;
        v.number = d;
        return true;
    }

    static void utf8(unsigned cp, std::string& out) {
        if (cp < 0x80) {
            out += (char)cp;
        } else if (cp < 0x800) {
            out += (char)(0xC0 | (cp >> 6));
            out += (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += (char)(0xE0 | (cp >> 12));
            out += (char)(0x80 | ((cp >> 6) & 0x3F));
            out += (char)(0x80 | (cp & 0x3F));
        } else {
            out += (char)(0xF0 | (cp >> 18));
            out += (char)(0x80 | ((cp >> 12) & 0x3F));
            out += (char)(0x80 | ((cp >> 6) & 0x3F));
            out += (char)(0x80 | (cp & 0x3F));
        }
    }
    bool hex4(unsigned& cp) {
        if (i_ + 4 > s_.size()) return fail(Msg::JsonTruncatedEscape);
        cp = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s_[i_++];
            const int d = digit(c)                 ? c - '0'
                          : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                          : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                   : -1;
            if (d < 0) return fail(Msg::JsonBadHex);
            cp = cp * 16 + (unsigned)d;
        }
        return true;
    }
    bool string(std::string& out) {
        ++i_; // opening quote
        out.clear();
        for (;;) {
            if (i_ >= s_.size()) return fail(Msg::JsonUnterminated);
            const char c = s_[i_++];
            if (c == '"') return true;
            if ((unsigned char)c < 0x20) return fail(Msg::JsonControlChar);
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) return fail(Msg::JsonUnterminated);
            const char e = s_[i_++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned cp = 0, lo = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00) { // a surrogate pair
                    if (s_.substr(i_, 2) != "\\u") return fail(Msg::JsonLoneSurrogate);
                    i_ += 2;
                    if (!hex4(lo)) return false;
                    if (lo < 0xDC00 || lo >= 0xE000) return fail(Msg::JsonBadSurrogate);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp < 0xE000) {
                    return fail(Msg::JsonLoneSurrogate);
                }
                utf8(cp, out);
                break;
            }
            default:
                --i_;
                return fail(Msg::JsonUnknownEscape);
            }
        }
    }
    bool array(JsonValue* v, int depth) {
        ++i_;
        if (v) v->kind = JsonValue::Kind::Array;
        ws();
        if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
        for (;;) {
            ws();
            if (v) v->items.emplace_back();
            if (!value(v ? &v->items.back() : nullptr, depth + 1)) return false;
            ws();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
            if (i_ >= s_.size()) return fail(Msg::JsonTruncated);
            return fail(Msg::JsonArrayComma);
        }
    }
    bool object(JsonValue* v, int depth) {
        ++i_;
        if (v) v->kind = JsonValue::Kind::Object;
        ws();
        if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
        for (;;) {
            ws();
            if (i_ >= s_.size()) return fail(Msg::JsonTruncated);
            if (s_[i_] != '"') return fail(Msg::JsonExpectedKey);
            std::string key;
            if (!string(key)) return false;
            ws();
            if (i_ >= s_.size()) return fail(Msg::JsonTruncated);
            if (s_[i_] != ':') return fail(Msg::JsonExpectedColon);
            ++i_;
            ws();
            JsonValue* slot = nullptr;
            if (v && kept(key)) {
                v->members.emplace_back(std::move(key), JsonValue());
                slot = &v->members.back().second;
            }
            if (!value(slot, depth + 1)) return false;
            ws();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
            if (i_ >= s_.size()) return fail(Msg::JsonTruncated);
            return fail({Msg::JsonObjectComma, {{"brace", "}"}}});
        }
    }
};

} // namespace

const JsonValue* JsonValue::get(std::string_view key) const {
    if (kind != Kind::Object) return nullptr;
    for (const auto& m : members)
        if (m.first == key) return &m.second;
    return nullptr;
}

Message json_kind(JsonValue::Kind k) {
    switch (k) {
    case JsonValue::Kind::Null:
        return Msg::KindNull;
    case JsonValue::Kind::Bool:
        return Msg::KindBoolean;
    case JsonValue::Kind::Number:
        return Msg::KindNumber;
    case JsonValue::Kind::String:
        return Msg::KindString;
    case JsonValue::Kind::Array:
        return Msg::KindArray;
    default:
        return Msg::KindObject;
    }
}

Message json_read(std::string_view text, JsonValue& out, const JsonKeep& keep) {
    if (text.size() > kMaxJsonBytes)
        return {Msg::JsonTooLong, {{"bytes", text.size()}, {"max", kMaxJsonBytes}}};
    out = JsonValue();
    Reader r(text, keep);
    if (!r.document(out)) return r.error;
    return {};
}

std::string json_parse(std::string_view text, JsonValue& out, const JsonKeep& keep) {
    return json_read(text, out, keep).text();
}

} // namespace bp
