// fuzz_config.cpp: libFuzzer target for the URL-hash codec (src/config). Input: any byte string,
// read as a hash. Contract checked on every input (a violation aborts, so libFuzzer keeps it):
// - parse_hash never crashes, throws or hits UB (ASan + UBSan), and its output is bounded:
//   at most kMaxErrors + 1 errors, every message printable ASCII.
// - Round trip: h2 = to_hash(parse_hash(input).config) re-parses with no errors to the very same
//   config (every key of the table, doubles compared with ==), to_hash of that is h2 again, and h2
//   fits the 64 KiB input limit.
// - check_consistency, num_classes and active_dataset never crash on the parsed config, and their
//   messages are printable ASCII too.
// Build and run: scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).
#include "config/config.h"
#include "config/config_codec.h"
#include "config/config_schema.h"
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace bp;

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_config: %s\n%s\n", what, detail.c_str());
    std::abort();
}

bool printable(const std::string& s) {
    for (char ch : s)
        if ((unsigned char)ch < 0x20 || (unsigned char)ch > 0x7E) return false;
    return true;
}

void check_messages(const std::vector<ConfigIssue>& issues, const char* where) {
    for (const ConfigIssue& i : issues) {
        if (!printable(i.message)) fail(where, "message not printable ASCII: " + i.message);
        if (i.message.size() > 2048) fail(where, "message longer than 2 KiB: " + i.message);
        if (i.key.size() > 256 || i.value.size() > 256)
            fail(where, "issue key/value over 256 bytes");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input((const char*)data, size);
    ParseResult p = parse_hash(input);
    if (p.errors.size() > 65) fail("more than kMaxErrors + 1 errors", input);
    check_messages(p.errors, "parse_hash");
    if (p.unknown_keys.size() != p.config.unknown.size())
        fail("unknown_keys and config.unknown differ in length", input);

    const std::string h2 = to_hash(p.config);
    if (h2.size() > 65536) fail("to_hash of a parsed config is over 64 KiB", input);
    ParseResult q = parse_hash(h2);
    if (!q.errors.empty()) fail("re-parse of to_hash gave errors", h2 + "\n" + q.errors[0].message);
    const std::string diff = schema::first_difference(p.config, q.config);
    if (!diff.empty()) fail("round trip changed a field", diff + "\n" + h2);
    if (to_hash(q.config) != h2) fail("to_hash is not stable", h2);

    std::vector<ConfigIssue> cons = check_consistency(p.config);
    check_messages(cons, "check_consistency");
    // The consistency check depends on the config only, so the round trip must not change it.
    if (check_consistency(q.config).size() != cons.size())
        fail("check_consistency differs after the round trip", h2);
    int k = num_classes(p.config);
    if (k != 0 && k != 2 && (k < 3 || k > kMaxClasses)) fail("num_classes out of range", h2);
    DatasetKind d = active_dataset(p.config);
    if (name_of(d)[0] == '?') fail("active_dataset is not a named dataset", h2);
    return 0;
}
