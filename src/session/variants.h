// variants.h: what a compare (a race) or a sweep runs. From a config and its "compare" or "sweep"
// axes: every combination of the axes' values as a config of its own (the base with those keys
// set, without compare and sweep), its label, its canonical hash, its work per epoch, and whether
// it starts from the first run's initial weights. The page's worker pool trains the hashes; the
// engine, not the page, decides what a variant is and whether it may run.
#pragma once
#include "../config/config.h"
#include "../config/message.h"
#include <string>
#include <vector>

namespace bp {

// A sweep's work bound: runs x sweepEpochs x multiply-adds per epoch. About 15 s of this
// project's kernels on two cores (bench/RESULTS.md: ~6.5 G multiply-adds/s per core on wide
// layers); a bigger sweep is refused with this number in the message.
constexpr double kMaxSweepMultiplyAdds = 2e11;

struct VariantRun {
    std::string label;        // "optimizer=adam, learningRate=0.1"
    std::string hash;         // canonical (to_hash): what a link to this variant alone carries
    std::vector<int> cell;    // its value's index along each axis
    double multiply_adds = 0; // per training epoch: train points x (forward + weight gradient
                              // + delta back to the first hidden layer), weights only
    std::size_t params = 0;
    bool same_init = false; // its initial parameters equal the first run's, bit for bit
};

struct VariantPlan {
    Message error; // empty when every run can be built and the bounds hold
    std::vector<VariantAxis> axes;
    std::vector<VariantRun> runs;   // row-major over the axes (the last axis varies fastest)
    int epochs = 0;                 // sweep: each run's epochs; compare: 0 (runs follow the page)
    double total_multiply_adds = 0; // sweep: the sum over runs of epochs x multiply_adds
};

// `sweep` false: the config's compare axes; true: its sweep axes. No axes: an error saying so.
VariantPlan plan_variants(const Config& base, bool sweep);

} // namespace bp
