// args.cpp: see args.h.
#include "args.h"
#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace bp {

std::string parse_args(int argc, char** argv, const std::vector<std::string>& with_value,
                       const std::vector<std::string>& flags, Args& out) {
    if (argc < 2) return "missing command (train, grad-check, help)";
    out.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string k = argv[i];
        if (std::find(flags.begin(), flags.end(), k) != flags.end()) {
            out.opts[k] = "";
        } else if (std::find(with_value.begin(), with_value.end(), k) != with_value.end()) {
            if (i + 1 >= argc) return "option " + k + " needs a value";
            out.opts[k] = argv[++i];
        } else {
            return "unknown option '" + k + "' for " + out.command;
        }
    }
    return "";
}

std::string int_opt(const Args& a, const std::string& name, long lo, long hi, long& out) {
    auto it = a.opts.find(name);
    if (it == a.opts.end()) return "";
    const char* s = it->second.c_str();
    char* end = nullptr;
    errno = 0;
    long v = std::strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno == ERANGE || v < lo || v > hi)
        return name + " '" + it->second + "' is not an integer in " + std::to_string(lo) + ".." +
               std::to_string(hi);
    out = v;
    return "";
}

} // namespace bp
