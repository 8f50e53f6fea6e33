// bench_main.cpp: bp_bench, the native build's measurements for bench/run.mjs (workloads W1-W4 of
// bench/page/common.mjs). A benchmark-only binary: the product CLI (bp) carries no benchmark code.
//   bp_bench W1|W2|W3|W4 [--seconds S=1] [--reps R=5]
//     Warms up (max(0.2, S/2) s), then R measurements of S seconds wall time each (steady_clock),
//     each a rate: W1/W2 samples/s (chunks of whole epochs), W3 full 100x100 refreshes/s of every
//     neuron (Session::eval_grid), W4 samples/s of WideMlp (plus GFLOP/s = rate * 6 * MACs).
//     Prints {"engine":"native","workload":..,"unit":..,"reps":[..],"median":..,"min":..,"max":..,
//     "loss":..} (W4 adds "gflops"). loss: the mean train loss after the measurements (a sanity
//     check that the work was done, not a comparison).
//   bp_bench learn [--epochs N=100]: W1's config trained N epochs from its initial
//     weights: {"workload":"learn","epochs":N,"before":..,"loss":..} (mean half-MSE over the train
//     points, before and after).
//   bp_bench kernel [--seconds S=0.2] [--reps R=5]: dense_kernel_gflops (wide_bench.h)
//     for forward SIMD/naive at square sizes 64..512 (n_in = n_out = B = n) and forward and
//     backward SIMD/naive at W4's layer shapes (B = 64): {"workload":"kernel","results":[{"pass",
//     "impl","n_in","n_out","B","reps","median","min","max"}, ..]} in GFLOP/s.
// Bad arguments: one line on stderr, exit code 2.
// The W1-W2 configs are the hashes of bench/page/common.mjs (the same strings, kept in sync by
// hand).
#include "cli/args.h"
#include "config/config_codec.h"
#include "session/session.h"
#include "wide_bench.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bp {
namespace {

const char* kW1 = "dataset=circle&networkShape=4,2&activation=tanh&learningRate=0.03&batchSize=10&"
                  "percTrainData=50";
const char* kW2 = "dataset=spiral&networkShape=8,8,8,8,8,8&activation=tanh&xSquared=true&"
                  "ySquared=true&xTimesY=true&sinX=true&sinY=true&learningRate=0.03&batchSize=10";

int fail(const std::string& msg) {
    std::fprintf(stderr, "bp: %s\n", msg.c_str());
    return 2;
}

std::unique_ptr<Session> session_for(const char* hash, std::string& err) {
    ParseResult pr = parse_hash(hash);
    if (!pr.errors.empty()) {
        err = pr.errors.front().message;
        return nullptr;
    }
    return Session::create(pr.config, err);
}

// Calls step() (which returns the units it did) until `seconds` have passed; returns units/s.
double rate(const std::function<double()>& step, double seconds) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    double units = 0, el = 0;
    do {
        units += step();
        el = std::chrono::duration<double>(clock::now() - t0).count();
    } while (el < seconds);
    return units / el;
}

struct Stats {
    std::vector<double> reps;
    double median = 0, min = 0, max = 0;
};

Stats stats(std::vector<double> v) {
    Stats s;
    s.reps = v;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    s.min = v.front();
    s.max = v.back();
    return s;
}

Stats measure(const std::function<double()>& step, double seconds, int reps) {
    rate(step, std::max(0.2, seconds / 2)); // warm-up
    std::vector<double> r;
    for (int k = 0; k < reps; ++k) r.push_back(rate(step, seconds));
    return stats(r);
}

std::string json_list(const std::vector<double>& v) {
    std::string s = "[";
    char buf[64];
    for (std::size_t k = 0; k < v.size(); ++k) {
        std::snprintf(buf, sizeof buf, "%s%.6g", k ? "," : "", v[k]);
        s += buf;
    }
    return s + "]";
}

void print_stats(const char* workload, const char* unit, const Stats& s, double loss,
                 double gflops_per_unit) {
    std::printf("{\"engine\":\"native\",\"workload\":\"%s\",\"unit\":\"%s\",\"reps\":%s,"
                "\"median\":%.6g,\"min\":%.6g,\"max\":%.6g,\"loss\":%.6g",
                workload, unit, json_list(s.reps).c_str(), s.median, s.min, s.max, loss);
    if (gflops_per_unit > 0) std::printf(",\"gflops\":%.6g", s.median * gflops_per_unit);
    std::printf("}\n");
}

int cmd_bench(const Args& a) {
    const std::string& w = a.command;
    double seconds = w == "kernel" ? 0.2 : 1.0;
    if (a.opts.count("--seconds")) {
        const std::string& v = a.opts.at("--seconds");
        char* end = nullptr;
        seconds = std::strtod(v.c_str(), &end);
        if (v.empty() || *end != '\0' || !(seconds >= 0.001 && seconds <= 600))
            return fail("--seconds '" + v + "' is not a number in 0.001..600");
    }
    long reps = 5, epochs = 100;
    std::string e = int_opt(a, "--reps", 1, 1000, reps);
    if (e.empty()) e = int_opt(a, "--epochs", 1, 1000000, epochs);
    if (!e.empty()) return fail(e);

    if (w == "W1" || w == "W2" || w == "learn") {
        std::string err;
        auto s = session_for(w == "W2" ? kW2 : kW1, err);
        if (!s) return fail("config: " + err);
        if (w == "learn") {
            const double before = s->metrics().train_loss;
            s->train_epochs((int)epochs);
            std::printf(
                "{\"engine\":\"native\",\"workload\":\"learn\",\"epochs\":%ld,\"before\":%.6g,"
                "\"loss\":%.6g}\n",
                epochs, before, s->metrics().train_loss);
            return 0;
        }
        const double n = (double)s->data().train.size();
        const int chunk = w == "W1" ? 20 : 2; // epochs per step, as the wasm side does
        Stats st = measure(
            [&] {
                s->train_epochs(chunk);
                return chunk * n;
            },
            seconds, (int)reps);
        print_stats(w.c_str(), "samples/s", st, s->metrics().train_loss, 0);
        return 0;
    }
    if (w == "W3") {
        std::string err;
        auto s = session_for(kW2, err);
        if (!s) return fail("config: " + err);
        s->train_epochs(1);
        std::vector<float> out(s->grid_rows() * 100 * 100);
        Stats st = measure(
            [&] {
                s->eval_grid(100, out.data());
                return 1.0;
            },
            seconds, (int)reps);
        print_stats("W3", "refreshes/s", st, s->metrics().train_loss, 0);
        return 0;
    }
    if (w == "W4") {
        WideMlp m(1);
        const int chunk = 4;
        Stats st = measure(
            [&] {
                m.train_steps(chunk);
                return chunk * (double)WideMlp::kBatch;
            },
            seconds, (int)reps);
        print_stats("W4", "samples/s", st, m.loss(), WideMlp::kFlopsPerSample * 1e-9);
        return 0;
    }
    if (w == "kernel") {
        struct Case {
            const char* pass;
            int n_in, n_out, B;
        };
        std::vector<Case> cases;
        for (int n : {64, 128, 256, 512}) cases.push_back({"forward", n, n, n});
        for (const char* pass : {"forward", "backward"})
            for (auto sh : {std::pair<int, int>{32, 256}, {256, 256}, {256, 1}})
                cases.push_back({pass, sh.first, sh.second, 64});
        std::printf("{\"engine\":\"native\",\"workload\":\"kernel\",\"results\":[");
        bool first = true;
        for (const Case& c : cases)
            for (int naive = 0; naive < 2; ++naive) {
                const int which = (c.pass[0] == 'b' ? 2 : 0) + naive;
                dense_kernel_gflops(which, c.n_in, c.n_out, c.B, 0.05); // warm-up
                std::vector<double> r;
                for (long k = 0; k < reps; ++k)
                    r.push_back(dense_kernel_gflops(which, c.n_in, c.n_out, c.B, seconds));
                Stats st = stats(r);
                std::printf(
                    "%s\n{\"pass\":\"%s\",\"impl\":\"%s\",\"n_in\":%d,\"n_out\":%d,\"B\":%d,"
                    "\"reps\":%s,\"median\":%.6g,\"min\":%.6g,\"max\":%.6g}",
                    first ? "" : ",", c.pass, naive ? "naive" : "simd", c.n_in, c.n_out, c.B,
                    json_list(st.reps).c_str(), st.median, st.min, st.max);
                first = false;
                std::fflush(stdout);
            }
        std::printf("]}\n");
        return 0;
    }
    return fail("workload '" + w + "' is not one of W1, W2, W3, W4, learn, kernel");
}

} // namespace
} // namespace bp

int main(int argc, char** argv) {
    bp::Args a;
    const std::string e = bp::parse_args(argc, argv, {"--seconds", "--reps", "--epochs"}, {}, a);
    if (!e.empty())
        return bp::fail(e + " (usage: bp_bench W1|W2|W3|W4|learn|kernel [--seconds S] "
                            "[--reps R] [--epochs N])");
    return bp::cmd_bench(a);
}
