// main.cpp: the native command line.
//   bp train (--config '<hash>' [--seed S] | --model FILE.json) --epochs N [--csv FILE] [--every K]
//            [--dump-weights]
//   bp grad-check (--config '<hash>' | --model FILE.json) [--batch B]
//   bp export / bp predict: see export_cmd.h
//   bp landscape: see landscape_cmd.h
// A page run is repeated headless with the page's hash (seed included) or its saved model JSON:
// the same calls give the same float32 bits (README: same numbers everywhere). A model file carries
// its training state (session/model_state.h): `train --model` goes on where the file's run stopped,
// and its epoch column counts on from the file's epoch.
// Bad arguments or a config with bad values: one line on stderr and exit code 2. Unknown config
// keys are warnings. --dump-weights prints every parameter as an 8-digit hex float32 bit pattern,
// the format the wasm bit-identity test compares.
#include "args.h"
#include "config/config_codec.h"
#include "engine/gradcheck.h"
#include "export_cmd.h"
#include "landscape_cmd.h"
#include "session/session.h"
#include "session_args.h"
#include <cinttypes>
#include <cstdio>
#include <cstring>

using namespace bp;

namespace {

int fail(const std::string& msg) {
    std::fprintf(stderr, "bp: %s\n", msg.c_str());
    return 2;
}

int cmd_train(const Args& a) {
    long epochs = 100, every = 0;
    std::string e = int_opt(a, "--epochs", 0, 100000000, epochs);
    if (e.empty()) e = int_opt(a, "--every", 1, 100000000, every);
    if (!e.empty()) return fail(e);
    std::unique_ptr<Session> s;
    e = make_session(a, s);
    if (!e.empty()) return fail(e);
    if (every == 0) every = epochs > 20 ? epochs / 20 : 1;
    const bool acc = s->model().num_classes != 0;
    std::printf("# %s\n# train points %zu, test points %zu, parameters %zu\n",
                to_hash(s->config()).c_str(), s->data().train.size(), s->data().test.size(),
                s->network().params.size());
    std::printf(acc ? "epoch  train_loss  test_loss  train_acc  test_acc\n"
                    : "epoch  train_loss  test_loss\n");
    for (long ep = 0; ep <= epochs; ++ep) {
        if (ep > 0) s->train_epochs(1);
        if (ep % every == 0 || ep == epochs) {
            const Metrics& m = s->metrics();
            if (acc)
                std::printf("%5ld  %10.6f  %9.6f  %9.4f  %8.4f\n", s->epoch(), m.train_loss,
                            m.test_loss, m.train_accuracy, m.test_accuracy);
            else
                std::printf("%5ld  %10.6f  %9.6f\n", s->epoch(), m.train_loss, m.test_loss);
        }
    }
    if (a.opts.count("--dump-weights")) {
        std::printf("# weights (float32 bits)\n");
        for (float v : s->network().params) {
            uint32_t u;
            std::memcpy(&u, &v, 4);
            std::printf("%08" PRIx32 "\n", u);
        }
    }
    return 0;
}

int cmd_grad_check(const Args& a) {
    long batch = 0;
    std::string e = int_opt(a, "--batch", 1, 4096, batch);
    if (!e.empty()) return fail(e);
    std::unique_ptr<Session> s;
    e = make_session(a, s);
    if (!e.empty()) return fail(e);
    const Config& c = s->config();
    const auto& train = s->data().train;
    if (train.empty()) return fail("the training set is empty");
    if (batch == 0) batch = std::min<long>(c.batch_size, (long)train.size());
    batch = std::min<long>(batch, (long)train.size());
    // The first batch of the epoch, as inputs (features or columns) and targets.
    const int F = (int)s->n_inputs(), n_out = s->network().n_outputs();
    std::vector<float> fx((std::size_t)F * batch), y((std::size_t)n_out * batch), f((std::size_t)F);
    for (long k = 0; k < batch; ++k) {
        write_target(s->model(), train[k].label, y.data(), (std::size_t)batch, (int)k);
        s->sample_inputs(false, (int)k, f.data());
        for (int i = 0; i < F; ++i) fx[(std::size_t)i * batch + k] = f[i];
    }
    GradCheckBatch b;
    b.B = (int)batch;
    b.x.assign(fx.begin(), fx.end());
    b.y.assign(y.begin(), y.end());
    std::vector<double> p(s->network().params.begin(), s->network().params.end());
    const NetSpec& spec = s->model().net;
    GradCheckResult r = grad_check(spec, p, b, c.regularization, c.regularization_rate);
    std::size_t w32 = 0;
    double e32 =
        max_rel_error(backprop_gradient_f32(spec, p, b, c.regularization, c.regularization_rate),
                      r.numeric, &w32);
    std::printf("parameters %zu, checked %zu, skipped %zu (kink within the step)\n", p.size(),
                r.checked, r.skipped);
    std::printf("float64 backprop vs central differences: max relative error %.3e at %s "
                "(backprop %.9g, numeric %.9g)\n",
                r.max_rel_error, param_name(spec, r.worst_index).c_str(), r.backprop[r.worst_index],
                r.numeric[r.worst_index]);
    std::printf("float32 backprop vs central differences: max relative error %.3e at %s\n", e32,
                param_name(spec, w32).c_str());
    return 0;
}

const char* kUsage =
    "usage:\n"
    "  bp train --config '<hash>' --epochs N [--seed S] [--csv FILE] [--every K] [--dump-weights]\n"
    "  bp train --model FILE.json --epochs N ...      (start from a saved model)\n"
    "  bp grad-check --config '<hash>' [--batch B] [--seed S]\n"
    "  bp export (--config '<hash>' | --model FILE.json) [--epochs N]\n"
    "            --format json|pytorch|keras [--points 'x1,x2;x1,x2']   (to stdout)\n"
    "  bp predict (--config '<hash>' | --model FILE.json) [--epochs N] [--points ...]\n"
    "  bp landscape (--config '<hash>' | --model FILE.json) [--epochs N] [--grid 41]\n"
    "            [--directions random|pca] [--span S]   (CSV alpha,beta,loss to stdout)\n"
    "The hash uses TensorFlow Playground's keys, e.g. 'activation=relu&networkShape=4,2'.\n";

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && !std::strcmp(argv[1], "bench"))
        return fail("bench is not part of bp: bench/build.sh builds build/bp_bench (see README)");
    Args a;
    std::string e =
        parse_args(argc, argv,
                   {"--config", "--epochs", "--seed", "--csv", "--every", "--batch", "--model",
                    "--format", "--points", "--grid", "--directions", "--span"},
                   {"--dump-weights", "--help"}, a);
    if (!e.empty()) {
        if (argc >= 2 && (!std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help"))) {
            std::fputs(kUsage, stdout);
            return 0;
        }
        return fail(e);
    }
    if (a.command == "help" || a.command == "--help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (a.command == "train") return cmd_train(a);
    if (a.command == "grad-check") return cmd_grad_check(a);
    if (a.command == "export") return cmd_export(a);
    if (a.command == "predict") return cmd_predict(a);
    if (a.command == "landscape") return cmd_landscape(a);
    return fail("unknown command '" + a.command +
                "' (train, grad-check, export, predict, landscape, help)");
}
