// session_args.cpp: see session_args.h.
#include "session_args.h"
#include "config/config_codec.h"
#include "config/hash_text.h"
#include "data/csv.h"
#include "session/model_io.h"
#include "session/model_limits.h"
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace bp {

std::string read_file(const std::string& path, std::string& out, std::size_t max_bytes) {
    // ifstream opens a directory on Linux and reads nothing, which looked like an empty file
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return "'" + path + "' is a directory, not a file";
    // the bound before reading, so a huge file costs neither the time nor the memory
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        (std::size_t)st.st_size > max_bytes)
        return "'" + path + "' is " + std::to_string((long long)st.st_size) + " bytes; at most " +
               std::to_string(max_bytes) + " are read";
    std::ifstream f(path, std::ios::binary);
    if (!f) return "cannot read file '" + path + "'";
    std::stringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return "";
}

std::string make_session(const Args& a, std::unique_ptr<Session>& s) {
    std::string err;
    if (a.opts.count("--model")) {
        if (a.opts.count("--config") || a.opts.count("--seed"))
            return "--model carries its own config and seed: leave out --config and --seed";
        std::string text;
        err = read_file(a.opts.at("--model"), text, kMaxModelJsonBytes);
        if (!err.empty()) return err;
        s = model_from_json(text, err);
        if (!s) return err;
    } else {
        auto it = a.opts.find("--config");
        ParseResult pr = parse_hash(it == a.opts.end() ? "" : it->second);
        for (const std::string& k : pr.unknown_keys)
            std::fprintf(stderr, "bp: warning: unknown config key '%s' (kept, no effect)\n",
                         k.c_str());
        if (!pr.errors.empty()) return "config: " + pr.errors.front().message;
        if (a.opts.count("--seed")) {
            // the hash's own rule (at most kMaxSeedBytes), so an exported model loads back
            ParseResult sp = parse_hash("seed=" + hash_text::percent_encode(a.opts.at("--seed")));
            if (!sp.errors.empty()) return "--" + sp.errors.front().message;
            pr.config.seed = sp.config.seed;
        }
        if (a.opts.count("--csv")) {
            pr.config.problem == Problem::Regression ? pr.config.reg_dataset = DatasetKind::Custom
                                                     : pr.config.dataset = DatasetKind::Custom;
        }
        s = Session::create(pr.config, err);
        if (!s) return "config: " + err;
    }
    if (a.opts.count("--csv")) {
        std::string text;
        err = read_file(a.opts.at("--csv"), text);
        if (!err.empty()) return "CSV: " + err;
        CsvParseResult csv = parse_csv_points(text, 0, 1, 2);
        if (!csv.ok) return "CSV: " + csv.error.text();
        err = s->set_points(csv.points);
        if (!err.empty()) return "CSV: " + err;
    }
    return "";
}

} // namespace bp
