// args.h: the CLI's option parsing: "--name value" pairs after a command word; errors are one line.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace bp {

struct Args {
    std::string command;
    std::map<std::string, std::string> opts; // "--epochs" -> "20"; flags map to ""
};

// Returns "" or an error. `flags` are options that take no value.
std::string parse_args(int argc, char** argv, const std::vector<std::string>& with_value,
                       const std::vector<std::string>& flags, Args& out);
// Integer option in [lo, hi]; "" or an error naming the option.
std::string int_opt(const Args& a, const std::string& name, long lo, long hi, long& out);

} // namespace bp
