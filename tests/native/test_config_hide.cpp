// test_config_hide.cpp: "<name>_hide" keys (issue 21 item 11): only the names that can be
// hidden (TF's controls and inputs, our options; config_keys.h) are taken, with "true" or "false";
// any other name or value is refused with the key named, in the parser and in check_consistency.
#include "config/config_codec.h"
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

void check_round_trip(const Config& c) {
    std::string h = to_hash(c);
    ParseResult back = parse_hash(h);
    CHECK_MESSAGE(back.config.hidden == c.hidden, "hash: " << h);
    CHECK_MESSAGE(back.errors.empty(), "hash: " << h);
}

} // namespace

TEST_CASE("config: tutorial and _hide keys") {
    ParseResult r =
        parse_hash("#tutorial=dp-reducing-overfitting&hideText=true&showTestData_hide=true&"
                   "activation_hide=true&problem_hide=true&x_hide=false&y_hide=&"
                   "discretize_hide=true&activation_hide=true&numHiddenLayers_hide=true");
    const Config& c = r.config;
    CHECK(r.errors.empty());
    CHECK(r.unknown_keys.empty());
    CHECK(c.tutorial == "dp-reducing-overfitting");
    CHECK(c.hide_text);
    CHECK(c.hidden == std::vector<std::string>{"showTestData", "activation", "problem",
                                               "discretize", "numHiddenLayers"});
    std::string h = to_hash(c);
    CHECK(contains(h, "tutorial=dp-reducing-overfitting"));
    CHECK(contains(h, "showTestData_hide=true&activation_hide=true&problem_hide=true"));
    CHECK(!contains(h, "x_hide"));
    check_round_trip(c);

    SUBCASE("the last occurrence of a _hide key decides") {
        CHECK(parse_hash("x_hide=true&x_hide=false").config.hidden.empty());
        CHECK(parse_hash("x_hide=false&x_hide=true").config.hidden ==
              std::vector<std::string>{"x"});
    }
    SUBCASE("a _hide key must name a control that can be hidden") {
        // TF's hidable controls and inputs, and our options, are taken; anything else is named
        for (const char* bad : {"_hide=true", "a%20b_hide=true", "a-b_hide=true",
                                "__proto___hide=true", "k0_hide=true", "seed_hide=true",
                                "cosX_hide=true", "hidden_hide=true", "X_hide=true"}) {
            CAPTURE(bad);
            ParseResult b = parse_hash(bad);
            CHECK(b.config.hidden.empty());
            REQUIRE(b.errors.size() == 1);
            const std::string key = std::string(bad).substr(0, std::string(bad).find('='));
            const std::string shown = key == "a%20b_hide" ? "a b_hide" : key;
            CHECK(contains(b.errors[0].message,
                           shown + ": 'true' does not name a control that can be hidden; "
                                   "allowed: <name>_hide=true with a name of showTestData, "));
            CHECK(contains(b.errors[0].message, "numHiddenLayers, x, y, xSquared"));
            CHECK(b.unknown_keys.empty());
        }
        CHECK(parse_hash(std::string(65, 'a') + "_hide=true").errors.size() == 1);
        for (const char* good : {"playButton", "numHiddenLayers", "xTimesY", "trainingOptions",
                                 "confusion", "stopEpoch"})
            CHECK(parse_hash(std::string(good) + "_hide=true").config.hidden ==
                  std::vector<std::string>{good});
    }
    SUBCASE("a _hide value is true or false (TF hides on \"true\" only)") {
        for (const char* bad : {"activation_hide=%3Cb%3Ehi%3C%2Fb%3E", "problem_hide=1",
                                "x_hide=yes", "noise_hide=TRUE"}) {
            CAPTURE(bad);
            ParseResult b = parse_hash(bad);
            CHECK(b.config.hidden.empty());
            REQUIRE(b.errors.size() == 1);
            CHECK(contains(b.errors[0].message, "is not a boolean; allowed: true or false"));
        }
        CHECK(parse_hash("activation_hide=%3Cb%3E").errors[0].message ==
              "activation_hide: '<b>' is not a boolean; allowed: true or false");
        ParseResult ok = parse_hash("x_hide=false&y_hide=");
        CHECK(ok.errors.empty());
        CHECK(ok.config.hidden.empty());
    }
    SUBCASE("a hand-built config with a name that cannot be hidden is refused") {
        Config hand;
        hand.hidden = {"noise", "k0"};
        std::vector<ConfigIssue> issues = check_consistency(hand);
        REQUIRE(issues.size() == 1);
        CHECK(contains(issues[0].message, "k0_hide: 'true' does not name a control that can be "
                                          "hidden"));
    }
}

TEST_CASE("config: bad _hide names are refused one by one, the error list stays bounded") {
    std::string h;
    for (int i = 0; i < 70; ++i) h += "c" + std::to_string(i) + "_hide=true&";
    ParseResult r = parse_hash(h + "noise_hide=true");
    CHECK(r.config.hidden == std::vector<std::string>{"noise"});
    REQUIRE(r.errors.size() == 65); // 64 listed, then "further errors were not listed"
    CHECK(contains(r.errors[0].message, "c0_hide: 'true' does not name a control"));
    CHECK(contains(r.errors[64].message, "further errors were not listed"));
}
