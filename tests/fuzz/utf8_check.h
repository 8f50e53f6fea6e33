// utf8_check.h: the fuzz targets' UTF-8 check, written apart from the code under test (the
// readers' own UTF-8 handling must not check itself): a plain decoder of RFC 3629's byte patterns,
// overlong forms and surrogates refused.
#pragma once
#include <cstddef>
#include <string>

inline bool valid_utf8(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        unsigned c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || (len > 1 && c < 0xC2) || c > 0xF4 || i + len > s.size()) return false;
        for (size_t k = 1; k < len; ++k)
            if (((unsigned char)s[i + k] >> 6) != 2) return false;
        unsigned c1 = (unsigned char)s[i + (len > 1 ? 1 : 0)];
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 >= 0x90))
            return false;
        i += len;
    }
    return true;
}
