// session_args.h: how every CLI command gets its session: from --config '<hash>' (with --seed and
// --csv) or from --model FILE.json (a saved model, model_io.h; --csv may replace its data, the
// seed is the model's own). Unknown config keys are warnings on stderr.
#pragma once
#include "args.h"
#include "session/session.h"
#include <memory>
#include <string>

namespace bp {

// "" or an error (the CLI prints it and exits with 2).
std::string make_session(const Args& a, std::unique_ptr<Session>& s);
// The file's bytes, or why not (missing, a directory, more than max_bytes).
std::string read_file(const std::string& path, std::string& out,
                      std::size_t max_bytes = std::size_t(64) << 20);

} // namespace bp
