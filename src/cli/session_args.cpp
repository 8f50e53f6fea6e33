// session_args.cpp: see session_args.h.
#include "session_args.h"
#include "config/config_codec.h"
#include "data/csv.h"
#include "session/model_io.h"
#include <cstdio>
#include <fstream>
#include <sstream>

namespace bp {

std::string read_file(const std::string& path, std::string& out) {
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
        err = read_file(a.opts.at("--model"), text);
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
        if (a.opts.count("--seed")) pr.config.seed = a.opts.at("--seed");
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
        if (!csv.ok) return "CSV: " + csv.error;
        err = s->set_points(csv.points);
        if (!err.empty()) return "CSV: " + err;
    }
    return "";
}

} // namespace bp
