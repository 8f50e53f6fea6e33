// fuzz_model.cpp: libFuzzer target for the model-JSON reader (src/session/model_io.cpp,
// model_state.cpp, json_reader.cpp, base64.cpp): the file the page imports and `bp train --model`
// reads. Input: any byte string, read as a model file. Contract checked on every input (a
// violation aborts, so libFuzzer keeps it):
// - model_from_json never crashes, throws or hits UB (ASan + UBSan): a session xor an error that
//   starts "model JSON: ", is valid UTF-8 and at most 4 KiB.
// - Round trip of a loaded model: its JSON loads again, and that session writes the same text
//   (weights, running statistics and training state read back bit for bit), with the same
//   parameters, epoch, updates and place in the epoch.
// - Resume: one training batch on each of the two sessions gives the same parameters, so a
//   restored state (position, carried samples, buffers, dead weights, dropout stream) is one the
//   training loop accepts and replays.
// Build and run: scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).
#include "session/model_io.h"
#include "utf8_check.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

using namespace bp;

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_model: %s\n%s\n", what, detail.substr(0, 4000).c_str());
    std::abort();
}

bool same_params(const Session& a, const Session& b) {
    const auto& p = a.network().params;
    const auto& q = b.network().params;
    return p.size() == q.size() && std::memcmp(p.data(), q.data(), p.size() * sizeof(float)) == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text((const char*)data, size);
    std::string err;
    std::unique_ptr<Session> s = model_from_json(text, err);
    if (!s) {
        if (err.rfind("model JSON: ", 0) != 0) fail("error without its prefix", err);
        if (!valid_utf8(err)) fail("error not valid UTF-8", err);
        if (err.size() > 4096) fail("error longer than 4 KiB", err);
        return 0;
    }
    if (!err.empty()) fail("a session and an error", err);
    const std::string once = model_to_json(*s);
    std::unique_ptr<Session> again = model_from_json(once, err);
    if (!again) fail("a loaded model's JSON does not load", err + "\n" + once);
    if (model_to_json(*again) != once) fail("the JSON of a reloaded model differs", once);
    if (!same_params(*s, *again) || s->epoch() != again->epoch() ||
        s->updates() != again->updates() || s->position() != again->position())
        fail("a reloaded model differs from the loaded one", once);
    s->train_batch();
    again->train_batch();
    if (!same_params(*s, *again)) fail("one batch after a reload differs", once);
    return 0;
}
