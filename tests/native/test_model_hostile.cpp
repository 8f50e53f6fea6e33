// test_model_hostile.cpp: model JSON files built to cost memory or time (issue 21 item 10):
// padding members are skipped, not built; the byte bound and the value budget are named in the
// message; a UTF-8 byte order mark is accepted and UTF-16 named.
#include "session/json_reader.h"
#include "session/model_io.h"
#include "session/model_limits.h"
#include "session_from_hash.h"
#include <doctest/doctest.h>

using namespace bp;

namespace {

std::string model_text() {
    auto s = bp_test::make("networkShape=3,2&seed=hostile");
    s->train_epochs(1);
    return model_to_json(*s);
}

std::string zeros(std::size_t n) {
    std::string z;
    z.reserve(2 * n + 2);
    z += '[';
    for (std::size_t k = 0; k < n; ++k) z += k ? ",0" : "0";
    return z + "]";
}

} // namespace

TEST_CASE("model JSON: an unknown member is skipped, the model loads bit for bit") {
    const std::string good = model_text();
    // 5M numbers: over four times the value budget, so this loads only if it is not built
    const std::string padded = "{\"junk\": " + zeros(5000000) + "," + good.substr(1);
    REQUIRE(padded.size() < kMaxModelJsonBytes);
    std::string err;
    auto m = model_from_json(padded, err);
    REQUIRE_MESSAGE(m, err);
    CHECK(model_to_json(*m) == good);
}

TEST_CASE("model JSON: more values than the largest network has is refused by count") {
    const std::string good = model_text();
    const std::size_t at = good.find("\"b\": [") + 5;
    const std::string big =
        good.substr(0, at) + zeros(kMaxModelValues) + good.substr(good.find(']', at) + 1);
    REQUIRE(big.size() < kMaxModelJsonBytes);
    std::string err;
    CHECK(!model_from_json(big, err));
    CHECK_MESSAGE(err.find("more than " + std::to_string(kMaxModelValues) + " values") !=
                      std::string::npos,
                  err);
}

TEST_CASE("model JSON: the byte bound covers the largest network and is named when exceeded") {
    // the 16 x 256 network of the largest input and output counts, written by model_to_json
    // with its largest training state: Adam's m and v, and 250 % 7 = 5 samples carried after an
    // epoch (their gradient sums)
    std::string shape = "256";
    for (int l = 1; l < kMaxHiddenLayers; ++l) shape += ",256";
    auto s = bp_test::make("networkShape=" + shape +
                           "&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&"
                           "sinY=true&batchNorm=true&optimizer=adam&learningRate=0.0001&"
                           "batchSize=7&seed=big");
    s->train_epochs(1);
    REQUIRE(s->training_state().carried == 5);
    const std::string text = model_to_json(*s);
    CHECK(text.find("\"carriedGradients\"") != std::string::npos);
    CHECK(text.size() * 2 > kMaxModelJsonBytes); // room to re-indent, not a looser bound
    CHECK(text.size() < kMaxModelJsonBytes);
    std::string err;
    CHECK(model_from_json(text, err));
    const std::string over = text + std::string(kMaxModelJsonBytes - text.size() + 1, ' ');
    CHECK(!model_from_json(over, err));
    CHECK(err ==
          "model JSON: the file is " + std::to_string(over.size()) +
              " bytes; a model file is at most " + std::to_string(kMaxModelJsonBytes) +
              " bytes (the largest network, 16 x 256, writes about 28.5 MB with Adam's state)");
}

TEST_CASE("model JSON: a UTF-8 byte order mark is accepted, UTF-16 is named") {
    const std::string good = model_text();
    std::string err;
    auto m = model_from_json("\xEF\xBB\xBF" + good, err);
    REQUIRE_MESSAGE(m, err);
    CHECK(model_to_json(*m) == good);
    std::string utf16 = "\xFF\xFE";
    for (char c : good) utf16 += c, utf16 += '\0';
    utf16.erase(0, 2); // no byte order mark: still named by the NUL after '{'
    CHECK(!model_from_json(utf16, err));
    CHECK(err == "model JSON: the file is UTF-16 text; save it as UTF-8");
    utf16 = "\xFF\xFE" + utf16;
    CHECK(!model_from_json(utf16, err));
    CHECK(err == "model JSON: the file is UTF-16 text; save it as UTF-8");
    std::string utf16be;
    for (char c : good) utf16be += '\0', utf16be += c;
    CHECK(!model_from_json(utf16be, err));
    CHECK(err == "model JSON: the file is UTF-16 text; save it as UTF-8");
}

TEST_CASE("JSON reader: skipped members are still checked as JSON") {
    const std::string_view keys[] = {"a"};
    JsonKeep keep;
    keep.keys = keys;
    keep.num_keys = 1;
    JsonValue v;
    CHECK(json_parse("{\"z\": [1, {\"q\": \"s\"}], \"a\": 2}", v, keep) == "");
    CHECK(v.members.size() == 1);
    CHECK(v.get("a")->number == 2);
    CHECK(json_parse("{\"z\": [1, 2,], \"a\": 2}", v, keep) != "");
    CHECK(json_parse("{\"z\": [1e999], \"a\": 2}", v, keep) != "");
}

TEST_CASE("model JSON: a weight beyond float32 is named in short form") {
    const std::string good = model_text();
    const std::size_t at = good.find("\"b\": [") + 6;
    const std::string big = good.substr(0, at) + "1e39" + good.substr(good.find_first_of(",]", at));
    std::string err;
    CHECK(!model_from_json(big, err));
    CHECK_MESSAGE(err.find("b[0] = 1e+39 is not a finite float32 number") != std::string::npos,
                  err);
}
