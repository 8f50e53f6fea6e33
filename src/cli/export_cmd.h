// export_cmd.h: the CLI's model commands.
//   bp export (--config '<hash>' | --model FILE) [--epochs N] --format json|pytorch|keras
//             [--points 'x1,x2;...']        the model (after N epochs, default 0) on stdout
//   bp predict (--config '<hash>' | --model FILE) [--epochs N] [--points 'x1,x2;...']
//             one line per point: "x1 x2 : out0 out1 ..." (%.9g, float32 exact)
#pragma once
#include "args.h"

namespace bp {

int cmd_export(const Args& a);
int cmd_predict(const Args& a);

} // namespace bp
