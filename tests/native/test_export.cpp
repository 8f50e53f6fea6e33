// test_export.cpp: the model JSON (session/model_io.h) round trip, bit for bit, and its error
// messages for a corpus of bad files; the float text it relies on; the JSON reader; the script
// generators' shape (their numbers are checked against PyTorch and by parsing in tests/export).
#include "config/config_codec.h"
#include "session/export_code.h"
#include "session/float_text.h"
#include "session/json_reader.h"
#include "session/model_io.h"
#include "session_from_hash.h"
#include <cfloat>
#include <cstring>
#include <doctest/doctest.h>

using namespace bp;

namespace {

std::unique_ptr<Session> trained(const std::string& hash, int epochs) {
    auto s = bp_test::make(hash);
    s->train_epochs(epochs);
    return s;
}

std::vector<float> grid(Session& s) {
    std::vector<float> g(s.grid_rows() * 24 * 24);
    REQUIRE(s.eval_grid(24, g.data()) == "");
    return g;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * 4) == 0);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const std::size_t at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

const char* kBnHash = "networkShape=2,2&batchNorm=true&residual=true&dropout=0.1&seed=io";

} // namespace

TEST_CASE("model JSON: save and load give bit-identical predictions, counters and text") {
    for (const char* hash :
         {"seed=a", kBnHash,
          "dataset=blobs5&networkShape=7,3&layerActivations=leakyrelu,relu&seed=b",
          "problem=regression&networkShape=&sinX=true&seed=c", "preset=worked-example",
          "loss=bce&networkShape=4,4,4&residual=true&activation=sigmoid&xSquared=true&seed=d"}) {
        CAPTURE(hash);
        auto s = trained(hash, 7);
        const std::string text = model_to_json(*s);
        std::string err;
        auto t = model_from_json(text, err);
        REQUIRE_MESSAGE(t, err);
        const auto& a = s->network();
        const auto& b = t->network();
        CHECK(same_bits(std::vector<float>(a.params.begin(), a.params.end()),
                        std::vector<float>(b.params.begin(), b.params.end())));
        CHECK(same_bits(a.bn_mean, b.bn_mean));
        CHECK(same_bits(a.bn_var, b.bn_var));
        CHECK(same_bits(grid(*s), grid(*t)));
        CHECK(to_hash(s->config()) == to_hash(t->config()));
        CHECK(t->epoch() == 7);
        CHECK(model_to_json(*t) == text); // byte for byte
        // and it trains on from there (fresh optimizer state)
        t->train_epochs(1);
        CHECK(t->epoch() == 8);
    }
}

TEST_CASE("float_text: the shortest text that reads back to the same float32 bits") {
    CHECK(float_text(0.1f) == "0.1");
    CHECK(float_text(1e-5f) == "1e-05");
    CHECK(float_text(-0.0f) == "-0");
    CHECK(float_text(3.0f) == "3");
    CHECK(float_text(16777217.0f) == "16777216");
    uint64_t x = 88172645463325252ULL;
    int tested = 0;
    for (int k = 0; k < 200000; ++k) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint32_t u = (uint32_t)x;
        float v;
        std::memcpy(&v, &u, 4);
        if (!std::isfinite(v)) continue;
        const std::string t = float_text(v);
        const float a = std::strtof(t.c_str(), nullptr), b = (float)std::strtod(t.c_str(), nullptr);
        REQUIRE(std::memcmp(&a, &v, 4) == 0);
        REQUIRE(std::memcmp(&b, &v, 4) == 0);
        ++tested;
    }
    for (float v : {FLT_MAX, -FLT_MAX, FLT_MIN, FLT_TRUE_MIN, 1.0f / 3.0f}) {
        const std::string t = float_text(v);
        const float a = std::strtof(t.c_str(), nullptr);
        CHECK(std::memcmp(&a, &v, 4) == 0);
    }
    CHECK(float_text(NAN) == "null");
    CHECK(tested > 190000);
}

TEST_CASE("model JSON: every malformed or mismatched file is a clear error") {
    auto s = trained(kBnHash, 2);
    const std::string good = model_to_json(*s);
    std::string deep(100, '[');
    struct Bad {
        std::string text, message;
    } bad[] = {
        {"", "model JSON: unexpected end of the text at line 1, column 1"},
        {"not json", "invalid literal at line 1, column 1"},
        {"<html>", "unexpected character '<'"},
        {std::string("\x00\xff\xfe{", 4), "unexpected character '?'"},
        {good.substr(0, good.size() / 2), "model JSON: "},
        {deep, "nesting deeper than 64 levels"},
        {"{\"a\": 1} x", "unexpected text after the JSON value"},
        {"[1, 2", "unexpected end of the text (a truncated file?)"},
        {"[1, 2 3]", "expected ',' or ']' in an array"},
        {"{\"a\": 1", "unexpected end of the text (a truncated file?)"},
        {"{\"format\": \"x\"}", "\"format\" must be \"backprop-playground-model\""},
        {"[]", "the top level must be an object"},
        {replace(good, "\"version\": 1", "\"version\": 2"), "version 2 is not supported"},
        {replace(good, "\"version\": 1", "\"version\": 1.5"), "\"version\" is not an integer"},
        {replace(good, "activation=tanh", "activation=nope"),
         "config: activation: 'nope' is not a known value"},
        {replace(good, "networkShape=2,2", "networkShape=2,3"), "layer 1: is 2 -> 2, but the "
                                                                "config's network has 2 -> 3"},
        {replace(good, "\"inputs\": [\"x\", \"y\"]", "\"inputs\": [\"x\"]"),
         "\"inputs\" must be [x,y] as the config says"},
        {replace(good, "\"activation\": \"tanh\"", "\"activation\": \"relu\""),
         "layer 0: \"activation\" must be \"tanh\" as the config says"},
        {replace(good, "\"residual\": true", "\"residual\": false"),
         "layer 1: \"residual\" must be true"},
        {replace(good, "\"W\": [[", "\"W\": [[\"a\", "), "layer 0: W[0] has 3 numbers"},
        {replace(good, "\"W\": [[", "\"W\": [[NaN, "), "NaN and Infinity are not JSON numbers"},
        {replace(good, "\"W\": [[", "\"W\": [[-Infinity, "), "NaN and Infinity are not JSON"},
        {replace(good, "\"W\": [[", "\"W\": [[1e999]"), "is beyond double range"},
        {replace(good, "\"b\": [", "\"b\": [1e39, "), "layer 0: b has 3 numbers"},
        {replace(good, "\"W\": [[", "\"W\": [[1e39], ["), "must be an array of 2 rows"},
        {replace(good, "\"runningVar\": [", "\"runningVar\": [-1, "), "runningVar has 3 numbers"},
        {replace(good, "\"batchNorm\": {", "\"batchNorX\": {"), "layer 0: \"batchNorm\" {gamma, "
                                                                "beta, runningMean, runningVar} "
                                                                "is missing"},
        {replace(good, "\"layers\": [", "\"layers\": [{}, "), "\"layers\" has 4 layers; the "
                                                              "config's network has 3"},
        {replace(good, "\"epoch\": 2", "\"epoch\": -2"), "cannot be negative"},
        {replace(good, "\"config\": \"", "\"config\": \"\\q"), "unknown escape in a string"},
    };
    for (const Bad& b : bad) {
        std::string err;
        auto m = model_from_json(b.text, err);
        CAPTURE(b.text.substr(0, 80));
        CHECK(!m);
        CHECK_MESSAGE(err.find(b.message) != std::string::npos, err);
        CHECK(err.rfind("model JSON: ", 0) == 0);
    }
    // a finite double beyond float32, where the shape is right
    std::string err;
    std::string big = replace(good, "\"b\": [", "\"b\": [1e39, ");
    big = replace(big, "\"b\": [1e39, ", "\"b\": [1e39]"); // now 1 number: still a shape error
    CHECK(!model_from_json(big, err));
    const std::size_t at = good.find("\"gamma\": [") + 10;
    const std::string huge = good.substr(0, at) + "1e39" + good.substr(good.find(',', at));
    CHECK(!model_from_json(huge, err));
    CHECK(err.find("batchNorm.gamma[0] = ") != std::string::npos);
    CHECK(err.find("is not a finite float32 number") != std::string::npos);
    // a negative running variance with the right count
    const std::size_t v = good.find("\"runningVar\": [") + 15;
    const std::string neg = good.substr(0, v) + "-1" + good.substr(good.find(',', v));
    CHECK(!model_from_json(neg, err));
    CHECK(err.find("runningVar has a negative variance") != std::string::npos);
    // batchNorm data for a network without it
    auto plain = trained("networkShape=2,2&seed=io", 0);
    const std::string p = model_to_json(*plain);
    const std::string extra = replace(p, "\"b\": [", "\"batchNorm\": {}, \"b\": [");
    CHECK(!model_from_json(extra, err));
    CHECK(err.find("has \"batchNorm\", but the config has no batchNorm") != std::string::npos);
}

TEST_CASE("JSON reader: strings, escapes, duplicates, scalars") {
    JsonValue v;
    REQUIRE(json_parse(" {\"a\": \"x\\u00e9\\ud83d\\ude00\\n\\\"\", \"a\": 2, \"b\": [true, false, "
                       "null, -0.5e1]} ",
                       v) == "");
    REQUIRE(v.get("a"));
    CHECK(v.get("a")->text == "x\xc3\xa9\xf0\x9f\x98\x80\n\"");
    CHECK(v.get("b")->items.size() == 4);
    CHECK(v.get("b")->items[3].number == -5.0);
    CHECK(v.get("b")->items[2].is(JsonValue::Kind::Null));
    CHECK(json_parse("42", v) == "");
    CHECK(v.number == 42);
    CHECK(json_parse("\"\\ud800\"", v).find("lone surrogate") == 0);
    CHECK(json_parse("01", v).find("unexpected text") == 0);
    CHECK(json_parse("1.", v).find("a number needs digits after '.'") == 0);
    CHECK(json_parse("\"a\nb\"", v).find("control character in a string") == 0);
    CHECK(json_parse("{\"a\" 1}", v) == "expected ':' after a key at line 1, column 6");
    CHECK(json_parse("[\n1,\n x]", v) == "unexpected character 'x' at line 3, column 2");
}

TEST_CASE("export scripts: the session's layers, features and points; formats and points parsed") {
    auto s = trained("networkShape=3,3&batchNorm=true&residual=true&dropout=0.25&sinY=true&"
                     "xTimesY=true&activation=leakyrelu&leakyAlpha=0.2&seed=x",
                     3);
    const std::string py = pytorch_script(*s, default_export_points());
    for (const char* want :
         {"import torch", "self.fc0 = torch.nn.Linear(4, 3)",
          "self.bn1 = torch.nn.BatchNorm1d(3, eps=1e-05, momentum=0.1)",
          "self.dropout = torch.nn.Dropout(p=0.25)",
          "a2 = self.dropout(F.leaky_relu(self.bn1(self.fc1(a1)), negative_slope=0.2)) + a1",
          "a3 = torch.tanh(self.fc2(a2))", "x1 * x2, torch.sin(x2.double()).float()",
          "net.bn0.running_var.copy_(",
          "POINTS = [(0, 0), (1.5, -2), (-3, 2.5), (4.25, 4), "
          "(-5, -1.75)]",
          "net.eval()"})
        CHECK_MESSAGE(py.find(want) != std::string::npos, want);
    const std::string k = keras_script(*s, {{1.0f, 2.0f}});
    for (const char* want :
         {"import tensorflow as tf", "tf.keras.Input(shape=(4,), name=\"features\")",
          "tf.keras.layers.BatchNormalization(epsilon=1e-05, momentum=0.9, name=\"bn_1\")",
          "tf.keras.layers.LeakyReLU(alpha=0.2, name=\"act_0\")",
          "tf.keras.layers.Add(name=\"skip_1\")([h, a1])",
          "model.get_layer(\"dense_2\").set_weights([f32(W_2).T, f32(b_2)])",
          "model.get_layer(\"bn_0\").set_weights([f32(gamma_0), f32(beta_0), f32(mean_0), "
          "f32(var_0)])",
          "POINTS = [(1, 2)]", "training=False"})
        CHECK_MESSAGE(k.find(want) != std::string::npos, want);
    std::string out;
    CHECK(export_model(*s, "json", {}, out) == "");
    CHECK(out == model_to_json(*s));
    CHECK(export_model(*s, "onnx", {}, out) ==
          "export format 'onnx' is not known; allowed: json, pytorch, keras");
    std::vector<ExportPoint> pts;
    CHECK(parse_export_points("1,2;-3.5,4e-1", pts) == "");
    CHECK(pts == std::vector<ExportPoint>{{1.0f, 2.0f}, {-3.5f, 0.4f}});
    CHECK(parse_export_points("1,2;", pts).find("point '' is not two finite numbers") == 0);
    CHECK(parse_export_points("1", pts).find("point '1'") == 0);
    CHECK(parse_export_points("1,nan", pts).find("is not two finite numbers") != std::string::npos);
    CHECK(parse_export_points("1,1e300", pts).find("not two finite") != std::string::npos);
}

TEST_CASE("export scripts say how L1/L2 are applied, with the framework's equivalent") {
    auto l2 = trained("regularization=L2&regularizationRate=0.003&optimizer=adam&seed=r", 1);
    const std::string py = pytorch_script(*l2, {}), k = keras_script(*l2, {});
    for (const std::string& t : {py, k})
        CHECK(
            t.find("# L2 (rate 0.003) is applied after the optimizer step, to the weights only") !=
            std::string::npos);
    CHECK(py.find("torch.optim.AdamW(weight_decay=0.003)") != std::string::npos);
    CHECK(py.find("torch.optim.SGD(weight_decay=0.003)") != std::string::npos);
    CHECK(k.find("tf.keras.optimizers.AdamW(weight_decay=0.003)") != std::string::npos);
    auto l1 = trained("regularization=L1&regularizationRate=0.01&seed=r", 1);
    CHECK(pytorch_script(*l1, {}).find("sign(w_before); a weight this carries across zero") !=
          std::string::npos);
    auto none = trained("seed=r", 1);
    CHECK(pytorch_script(*none, {}).find("optimizer step") == std::string::npos);
}

TEST_CASE("predict equals the grid's output row at the same points") {
    auto s = trained(kBnHash, 3);
    const int N = 5;
    std::vector<float> g(s->grid_rows() * N * N);
    REQUIRE(s->eval_grid(N, g.data()) == "");
    std::vector<float> x1, x2, out;
    for (int r = 0; r < N; ++r)
        for (int c = 0; c < N; ++c) {
            x1.push_back((float)(-6.0 + 12.0 * c / (N - 1)));
            x2.push_back((float)(6.0 - 12.0 * r / (N - 1)));
        }
    s->predict(x1, x2, out);
    const std::size_t last = (s->grid_rows() - 1) * N * N;
    for (int p = 0; p < N * N; ++p) CHECK(out[p] == g[last + p]);
}
