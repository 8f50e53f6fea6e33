// landscape_cmd.cpp: see landscape_cmd.h.
#include "landscape_cmd.h"
#include "session_args.h"
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace bp {
namespace {

int fail(const std::string& msg) {
    std::fprintf(stderr, "bp: %s\n", msg.c_str());
    return 2;
}

} // namespace

int cmd_landscape(const Args& a) {
    long epochs = 0, grid = 41;
    std::string e = int_opt(a, "--epochs", 0, 100000000, epochs);
    if (e.empty()) e = int_opt(a, "--grid", 2, kMaxLandscapeSide, grid);
    if (!e.empty()) return fail(e);
    PlaneDirections dirs = PlaneDirections::Random;
    if (a.opts.count("--directions")) {
        const std::string& d = a.opts.at("--directions");
        if (d == "pca")
            dirs = PlaneDirections::Pca;
        else if (d != "random")
            return fail("--directions '" + d.substr(0, 40) +
                        "' is not known; allowed: random, pca");
    }
    double span = 0;
    if (a.opts.count("--span")) {
        const std::string& t = a.opts.at("--span");
        char* end = nullptr;
        errno = 0;
        span = std::strtod(t.c_str(), &end);
        if (t.empty() || *end != '\0' || errno == ERANGE || !(span > 0 && span <= 1e6))
            return fail("--span '" + t.substr(0, 40) + "' is not a number in (0, 1e6]");
    }
    std::unique_ptr<Session> s;
    e = make_session(a, s);
    if (!e.empty()) return fail(e);
    s->train_epochs((int)epochs);
    if (s->diverged())
        std::fprintf(stderr, "bp: warning: training diverged; the plane is centred "
                             "on the last finite weights\n");
    e = s->landscape_begin(dirs, (int)grid, span);
    if (!e.empty()) return fail(e);
    const int n = (int)grid;
    std::vector<float> out((std::size_t)n * n);
    e = s->landscape_rows(0, n, out.data());
    if (!e.empty()) return fail(e);
    const double sp = s->landscape().span;
    std::printf("alpha,beta,loss\n");
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            std::printf("%.9g,%.9g,%.9g\n", plane_coord(c, n, sp), plane_beta(r, n, sp),
                        out[(std::size_t)r * n + c]);
    return 0;
}

} // namespace bp
