// landscape_cmd.h: the CLI's loss landscape (issue 18).
//   bp landscape (--config '<hash>' | --model FILE) [--epochs N] [--grid G] [--directions
//                random|pca] [--span S]
// trains N epochs (default 0), then writes the G x G plane (default 41) through weight space
// centred on the weights as CSV on stdout: a header "alpha,beta,loss", then one row per point,
// beta from +span down to -span, alpha from -span up to +span (the page's image order). Losses
// are %.9g (float32 exact) and the same bits the page's landscape panel draws; with an odd G the
// centre row (alpha = beta = 0) is the training loss `bp train` prints. Errors: one line, exit 2.
#pragma once
#include "args.h"

namespace bp {

int cmd_landscape(const Args& a);

} // namespace bp
