// export_cmd.cpp: see export_cmd.h. Errors: one line on stderr, exit code 2.
#include "export_cmd.h"
#include "session/export_code.h"
#include "session_args.h"
#include <cstdio>

namespace bp {
namespace {

int fail(const std::string& msg) {
    std::fprintf(stderr, "bp: %s\n", msg.c_str());
    return 2;
}

// Session after --epochs and the --points list (default_export_points() when absent).
std::string prepare(const Args& a, std::unique_ptr<Session>& s, std::vector<ExportPoint>& pts) {
    long epochs = 0;
    std::string e = int_opt(a, "--epochs", 0, 100000000, epochs);
    if (!e.empty()) return e;
    pts = default_export_points();
    if (a.opts.count("--points")) {
        e = parse_export_points(a.opts.at("--points"), pts);
        if (!e.empty()) return "--points: " + e;
    }
    e = make_session(a, s);
    if (!e.empty()) return e;
    s->train_epochs((int)epochs);
    if (s->diverged())
        std::fprintf(stderr, "bp: warning: training diverged; the last finite "
                             "weights are exported\n");
    return "";
}

} // namespace

int cmd_export(const Args& a) {
    if (!a.opts.count("--format")) return fail("export needs --format json|pytorch|keras");
    const std::string& f = a.opts.at("--format");
    if (f != "json" && f != "pytorch" && f != "keras") // before any training
        return fail("export format '" + f.substr(0, 40) +
                    "' is not known; allowed: json, pytorch, keras");
    std::unique_ptr<Session> s;
    std::vector<ExportPoint> pts;
    std::string e = prepare(a, s, pts);
    if (!e.empty()) return fail(e);
    std::string text;
    e = export_model(*s, a.opts.at("--format"), pts, text);
    if (!e.empty()) return fail(e);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}

int cmd_predict(const Args& a) {
    std::unique_ptr<Session> s;
    std::vector<ExportPoint> pts;
    std::string e = prepare(a, s, pts);
    if (!e.empty()) return fail(e);
    std::vector<float> x1, x2, out;
    for (const ExportPoint& p : pts) {
        x1.push_back(p.first);
        x2.push_back(p.second);
    }
    s->predict(x1, x2, out);
    const int K = s->network().n_outputs();
    for (std::size_t k = 0; k < pts.size(); ++k) {
        std::printf("%.9g %.9g :", x1[k], x2[k]);
        for (int j = 0; j < K; ++j) std::printf(" %.9g", out[k * K + j]);
        std::printf("\n");
    }
    return 0;
}

} // namespace bp
