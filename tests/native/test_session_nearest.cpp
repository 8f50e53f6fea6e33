// test_session_nearest.cpp: what the page's issue-21 fixes ask of the engine, natively:
// without_key (a key out of a hash, as parse_hash splits it), Session::create_nearest (a refused
// link's nearest buildable session, with each dropped key and why) and the output layer's stuck
// share in health() (saturated on the wrong side of the label).
#include "session_from_hash.h"
#include <doctest/doctest.h>

using namespace bp;
using bp_test::make;

TEST_CASE("without_key drops every pair of one decoded key and keeps the rest as written") {
    CHECK(without_key("#a=1&loss=softmax&b=%26&loss=x", "loss") == "a=1&b=%26");
    CHECK(without_key("l%6Fss=softmax&&seed=1", "loss") == "seed=1");
    CHECK(without_key("seed=1&lossy=1&loss", "loss") == "seed=1&lossy=1");
    CHECK(without_key("", "loss") == "");
}

TEST_CASE("create_nearest drops the keys that stop a link, one at a time, and says why") {
    struct Case {
        const char* hash;
        std::vector<std::string> dropped;
    };
    const Case cases[] = {
        {"seed=1&problem=regression&loss=softmax", {"loss"}},
        {"seed=1&dataset=circle&points=1,2,1,3,4,-1", {"points"}},
        {"seed=1&dataset=custom&points=1,1,0.5,2,2,7", {"points", "dataset"}},
        {"seed=1&dataset=custom&points=1,2", {"dataset"}},
        {"seed=1&x=false&y=false", {"x"}},
        {"seed=1&networkShape=256,256,256,256,256,256,256,256,256,256,256,256,256,256,256,256&"
         "batchSize=4096",
         {"batchSize"}},
        {"seed=1&networkShape=3&noise=5", {}},
        {"seed=1&dataset=custom", {}}, // no points at all: waits for the user's
    };
    for (const Case& c : cases) {
        CAPTURE(c.hash);
        ParseResult pr;
        std::vector<ConfigIssue> dropped;
        std::string err;
        auto s = Session::create_nearest(c.hash, pr, dropped, err);
        REQUIRE_MESSAGE(s, err);
        std::vector<std::string> keys;
        for (const ConfigIssue& d : dropped) {
            keys.push_back(d.key);
            CHECK(d.message.rfind(d.key, 0) == 0); // "<key>: '<value>' <problem>; allowed: ..."
        }
        CHECK(keys == c.dropped);
        CHECK(s->config().seed == "1");
    }
}

TEST_CASE("health: the output's stuck share is high when a rate of 10 stalls, low when it learns") {
    auto hot = make("seed=1&learningRate=10");
    hot->train_epochs(20);
    auto h = hot->health();
    CHECK(h.back().stuck_fraction >= 0.2);
    CHECK(h.front().stuck_fraction == 0); // only the output layer has one
    auto ok = make("seed=1");
    ok->train_epochs(300);
    CHECK(ok->health().back().stuck_fraction < 0.05);
    auto bce = make("seed=1&learningRate=10&loss=bce"); // delta a - y: no flat tail
    bce->train_epochs(20);
    CHECK(bce->health().back().stuck_fraction == 0);
}
