// test_model_resume.cpp: a model JSON carries the training state (model_state.h), so N epochs,
// save, load into a fresh session and M more give the bits of N + M epochs in one session, for
// every optimizer, with a leftover batch carried across epochs, L1's dead weights, dropout and
// batch norm; a file without "state" still loads (fresh optimizer, as before); a state that does
// not fit the network is refused with the member named.
#include "session/base64.h"
#include "session/model_io.h"
#include "session_from_hash.h"
#include <cstring>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {

// 250 training points in batches of 7 leave 5 carried into each next epoch; L1 at this rate
// kills weights within a few epochs; dropout draws from its stream every batch.
std::string hash_for(const char* opt) {
    return std::string("optimizer=") + opt +
           "&learningRate=0.03&networkShape=5,4&batchSize=7&regularization=L1&"
           "regularizationRate=0.01&dropout=0.1&batchNorm=true&xTimesY=true&seed=resume";
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}
std::vector<float> params(const Session& s) {
    return std::vector<float>(s.network().params.begin(), s.network().params.end());
}

std::unique_ptr<Session> reload(const Session& s) {
    std::string err;
    auto r = model_from_json(model_to_json(s), err);
    REQUIRE_MESSAGE(r, err);
    return r;
}

// The "state" member cut out of a model file: what files written before it look like.
std::string without_state(std::string text) {
    const std::size_t a = text.find(",\n  \"state\": {");
    REQUIRE(a != std::string::npos);
    return text.erase(a, text.rfind('}', text.size() - 3) + 1 - a);
}

} // namespace

TEST_CASE("resume: 5 epochs, save, load, 5 more equals 10 epochs, bit for bit, every optimizer") {
    long dead_total = 0;
    for (const char* opt : {"sgd", "momentum", "nesterov", "rmsprop", "adam"}) {
        CAPTURE(opt);
        auto one = bp_test::make(hash_for(opt));
        one->train_epochs(10);
        auto first = bp_test::make(hash_for(opt));
        first->train_epochs(5);
        REQUIRE(first->training_state().carried == 5); // the carry is really exercised
        auto resumed = reload(*first);
        resumed->train_epochs(5);
        CHECK(same_bits(params(*one), params(*resumed)));
        CHECK(same_bits(one->network().bn_mean, resumed->network().bn_mean));
        CHECK(same_bits(one->network().bn_var, resumed->network().bn_var));
        CHECK(one->network().dead == resumed->network().dead);
        CHECK(resumed->epoch() == 10);
        CHECK(resumed->updates() == one->updates());
        for (uint8_t d : one->network().dead) dead_total += d;
        // and the file of the resumed run is the file of the uninterrupted one
        CHECK(model_to_json(*resumed) == model_to_json(*one));
    }
    CHECK(dead_total > 0); // L1 killed weights, so "deadWeights" took part
}

TEST_CASE("resume: saved in the middle of an epoch, the run goes on from that sample") {
    for (const char* opt : {"sgd", "momentum", "nesterov", "rmsprop", "adam"}) {
        CAPTURE(opt);
        auto one = bp_test::make(hash_for(opt));
        auto first = bp_test::make(hash_for(opt));
        for (Session* s : {one.get(), first.get()}) {
            s->train_epochs(3);
            for (int k = 0; k < 4; ++k) s->train_batch();
        }
        REQUIRE(first->position() != 0);
        auto resumed = reload(*first);
        CHECK(resumed->position() == first->position());
        one->train_epochs(2);
        resumed->train_epochs(2);
        CHECK(same_bits(params(*one), params(*resumed)));
    }
}

TEST_CASE("resume: a file without \"state\" loads as before, with a fresh optimizer") {
    auto first = bp_test::make(hash_for("momentum"));
    first->train_epochs(5);
    const std::string text = model_to_json(*first);
    std::string err;
    auto old = model_from_json(without_state(text), err);
    REQUIRE_MESSAGE(old, err);
    CHECK(same_bits(params(*old), params(*first)));
    CHECK(old->epoch() == 5);
    CHECK(old->position() == 0);
    const TrainingState t = old->training_state();
    CHECK(t.carried == 0);
    for (float m : t.opt.m) CHECK(m == 0.0f);
    // without the momentum buffer the next epochs differ: what the state is for
    auto resumed = reload(*first);
    old->train_epochs(1);
    resumed->train_epochs(1);
    CHECK(!same_bits(params(*old), params(*resumed)));
}

TEST_CASE("resume: a state that does not fit is refused, naming the member") {
    auto s = bp_test::make(hash_for("adam"));
    s->train_epochs(2);
    const std::string text = model_to_json(*s);
    auto refused = [&text](const std::string& from, const std::string& to) {
        const std::size_t at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, from);
        std::string bad = text;
        bad.replace(at, from.size(), to);
        std::string err;
        CHECK(!model_from_json(bad, err));
        return err;
    };
    CHECK(refused("\"optimizer\": \"adam\"", "\"optimizer\": \"sgd\"") ==
          "model JSON: state: \"optimizer\" must be \"adam\" as the config says");
    const std::size_t n = s->network().params.size();
    CHECK(refused("\"v\": \"", "\"v\": \"AAAAAAAAAAAAAAAA") == // 12 bytes more: 3 floats
          "model JSON: state.v holds " + std::to_string(n + 3) + " numbers; the network needs " +
              std::to_string(n));
    CHECK(refused("\"v\": \"", "\"v\": \"=") ==
          "model JSON: state.v must be a base64 string (float32 little-endian bytes)");
    // a v buffer of n floats, the first -1 (bytes from float32 bits, little-endian by hand)
    const std::size_t vat = text.find("\"v\": \"") + 6;
    const std::string v_old = text.substr(vat, text.find('"', vat) - vat);
    std::vector<uint8_t> bytes(4 * n, 0);
    bytes[2] = 0x80, bytes[3] = 0xBF; // -1.0f is 0xBF800000
    CHECK(refused(v_old, base64_encode(bytes.data(), bytes.size())) ==
          "model JSON: state.v[0] = -1 is negative (a mean of squares)");
    CHECK(refused("\"position\": 0", "\"position\": 250") ==
          "model JSON: state: position 250 is outside the training set (250 points)");
    CHECK(refused("\"beta1Power\": ", "\"beta1Power\": 2") ==
          "model JSON: state: \"beta1Power\" must be a number in [0, 1]");
    CHECK(refused("\"dropoutStream\": [", "\"dropoutStream\": [0, 0, 0, 0], \"x\": [") ==
          "model JSON: state: the dropout stream's state is all zero");
    CHECK(refused("\"carriedSamples\": 5", "\"carriedSamples\": 14") ==
          "model JSON: state: the carried samples (14) do not fit a batch of 7");
    CHECK(refused("\"carriedGradients\"", "\"carriedGradientz\"") ==
          "model JSON: state.carriedGradients is missing");
    // a mask of the right size marking the last parameter, a batch-norm beta (not a weight)
    std::vector<uint8_t> mask((n + 7) / 8, 0);
    mask[(n - 1) / 8] = (uint8_t)(1u << ((n - 1) % 8));
    CHECK(refused("\"dropoutStream\"", "\"deadWeights\": \"" +
                                           base64_encode(mask.data(), mask.size()) +
                                           "\", \"dropoutStream\"") ==
          "model JSON: state: \"deadWeights\" marks parameter " + std::to_string(n - 1) +
              ", which is not a weight; only weights can be dead");
    CHECK(refused("\"dropoutStream\"", "\"deadWeights\": \"AA==\", \"dropoutStream\"") ==
          "model JSON: state: \"deadWeights\" must be a base64 bit mask of " +
              std::to_string((n + 7) / 8) + " bytes");
}

TEST_CASE("base64: RFC 4648's test vectors, and only canonical text decodes") {
    const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    const char* coded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
    for (int k = 0; k < 7; ++k) {
        const std::string p = plain[k];
        CHECK(base64_encode((const uint8_t*)p.data(), p.size()) == coded[k]);
        std::vector<uint8_t> out;
        CHECK(base64_decode(coded[k], out));
        CHECK(std::string(out.begin(), out.end()) == p);
    }
    std::vector<uint8_t> out;
    for (const char* bad : {"Zg=", "Zg", "Zh==", "Zm9=", "Z===", "Zg==Zg==", "Zm9v\n", "Zm 9v"})
        CHECK_MESSAGE(!base64_decode(bad, out), bad); // "Zh==", "Zm9=": unused bits not zero
}
