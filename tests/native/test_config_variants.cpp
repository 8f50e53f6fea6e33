// test_config_variants.cpp: the "compare" and "sweep" keys (issue 16): one or two settings with
// their values, every value checked as the link's own key=value would be; refusals name the key,
// the value and the limit; to_hash writes them back so that parse_hash gives the same axes.
#include "config/config_codec.h"
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

// The one error of parsing `hash`, or "" when there is none.
std::string only_error(const std::string& hash) {
    ParseResult r = parse_hash(hash);
    if (r.errors.empty()) return "";
    CHECK(r.errors.size() == 1);
    return r.errors.front().message;
}

} // namespace

TEST_CASE("config variants: the issue's links parse into axes and round-trip") {
    ParseResult r = parse_hash("compare=optimizer:sgd,momentum,adam");
    REQUIRE(r.errors.empty());
    REQUIRE(r.config.compare.size() == 1);
    CHECK(r.config.compare[0].key == "optimizer");
    CHECK(r.config.compare[0].values == std::vector<std::string>{"sgd", "momentum", "adam"});
    CHECK(variant_count(r.config.compare) == 3);
    CHECK(contains(to_hash(r.config), "&compare=optimizer:sgd,momentum,adam"));

    r = parse_hash("compare=learningRate:0.01,0.1,1;activation:tanh,relu");
    REQUIRE(r.errors.empty());
    CHECK(variant_count(r.config.compare) == 6);
    CHECK(parse_hash(to_hash(r.config)).config.compare == r.config.compare);

    r = parse_hash("sweep=learningRate:0.001,0.01,0.1,1,3;networkShape:2|4|4,4|8,8&sweepEpochs=50");
    REQUIRE(r.errors.empty());
    REQUIRE(r.config.sweep.size() == 2);
    CHECK(r.config.sweep[1].values == std::vector<std::string>{"2", "4", "4,4", "8,8"});
    CHECK(variant_count(r.config.sweep) == 20);
    CHECK(r.config.sweep_epochs == 50);
    std::string h = to_hash(r.config);
    CHECK(contains(h, "sweep=learningRate:0.001,0.01,0.1,1,3;networkShape:2|4|4,4|8,8"));
    CHECK(parse_hash(h).config.sweep == r.config.sweep);

    // No hidden layer is an empty shape: '|' separates, and the empty value survives the trip.
    r = parse_hash("compare=networkShape:|3");
    REQUIRE(r.errors.empty());
    CHECK(r.config.compare[0].values == std::vector<std::string>{"", "3"});
    CHECK(parse_hash(to_hash(r.config)).config.compare == r.config.compare);
    CHECK(variant_count({}) == 0);
}

TEST_CASE("config variants: refusals name what was wrong and keep the default") {
    std::string m = only_error("compare=dataset:xor,circle");
    CHECK(contains(m, "compare: 'dataset:xor,circle' names 'dataset', not a setting it varies"));
    CHECK(contains(m, "keys among optimizer, learningRate"));
    CHECK(parse_hash("compare=dataset:xor,circle").config.compare.empty());

    CHECK(contains(only_error("compare=optimizer:sgd,adamw"),
                   "gives optimizer: 'adamw' is not a known value"));
    CHECK(contains(only_error("compare=learningRate:0.1,-1"),
                   "gives learningRate: '-1' is out of range"));
    CHECK(contains(only_error("compare=optimizer:sgd"), "gives optimizer 1 value"));
    CHECK(contains(only_error("compare=optimizer"), "without ':'"));
    CHECK(contains(only_error("compare=optimizer:sgd,sgd"), "the value 'sgd' twice"));
    CHECK(contains(only_error("compare=optimizer:sgd,adam;optimizer:sgd,adam"), "twice"));
    CHECK(contains(only_error("compare=a:1,2;b:1,2;c:1,2"), "varies 3 settings"));
    // 3 x 3 = 9 variants: more than a race draws (8); a sweep takes them.
    CHECK(contains(only_error("compare=learningRate:0.1,0.2,0.3;batchSize:1,2,3"),
                   "makes 9 combinations; allowed:"));
    CHECK(contains(only_error("compare=learningRate:0.1,0.2,0.3;batchSize:1,2,3"),
                   "at most 8 combinations"));
    CHECK(only_error("sweep=learningRate:0.1,0.2,0.3;batchSize:1,2,3") == "");
    // 9 values on one axis: more than 8; 8 x 8 = 64 runs is the sweep's most.
    CHECK(contains(only_error("sweep=batchSize:1,2,3,4,5,6,7,8,9"), "gives batchSize 9 values"));
    CHECK(only_error("sweep=batchSize:1,2,3,4,5,6,7,8;learningRate:1,2,3,4,5,6,7,8") == "");
    // A value cannot smuggle another key into the link ('&' decoded from %26).
    m = only_error("compare=learningRate:0.1,0.2%26seed%3Dx");
    CHECK(contains(m, "with a character other than"));
    CHECK(parse_hash("compare=learningRate:0.1,0.2%26seed%3Dx").config.seed.empty());
    CHECK(contains(only_error("sweepEpochs=0"), "sweepEpochs: '0' is out of range"));
    CHECK(contains(only_error("sweepTarget=0"), "sweepTarget: '0' is out of range"));
}
