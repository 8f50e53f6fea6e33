// test_session_data.cpp: user points through the hash (set_points -> to_hash -> a new session has
// the same data), live training changes (set_training keeps weights), and the confusion matrix,
// which is checked against predictions counted here from predict(), not from the engine's own
// bookkeeping.
#include "config/config_codec.h"
#include "session/session.h"
#include "session_from_hash.h"
#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>

using namespace bp;

namespace {

using bp_test::make;

bool same_points(const std::vector<Point>& a, const std::vector<Point>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (a[k].x1 != b[k].x1 || a[k].x2 != b[k].x2 || a[k].label != b[k].label) return false;
    return true;
}

std::vector<Point> clicks(int n) { // what a page sends: coordinates rounded to 0.01
    std::vector<Point> pts;
    for (int k = 0; k < n; ++k)
        pts.push_back({std::round(((k * 37) % 1200 - 600) * 1.0f) / 100.0f,
                       std::round(((k * 53) % 1200 - 600) * 1.0f) / 100.0f, k % 3 ? 1.0f : 0.0f});
    return pts;
}

} // namespace

TEST_CASE("user points go into the hash, and the hash brings back the same data") {
    auto s = make("dataset=circle&seed=5&networkShape=3");
    std::vector<Point> pts = clicks(60);
    REQUIRE(s->set_points(pts) == "");
    CHECK(s->config().dataset == DatasetKind::Custom);
    CHECK(s->points_in_hash());
    const std::string h = to_hash(s->config());
    CHECK(h.find("dataset=custom") != std::string::npos);
    CHECK(h.find("points=") != std::string::npos);
    auto t = make(h);
    CHECK(same_points(s->data().train, t->data().train));
    CHECK(same_points(s->data().test, t->data().test));
    CHECK(s->data().train.size() + s->data().test.size() == 60);
    // label 0 became -1, in both sessions
    for (const Point& p : t->data().train) CHECK((p.label == 1.0f || p.label == -1.0f));
    // Same hash, same training: the two sessions stay bit-identical.
    s->reset();
    s->train_epochs(3);
    t->train_epochs(3);
    CHECK(std::equal(s->network().params.begin(), s->network().params.end(),
                     t->network().params.begin(), t->network().params.end()));
}

TEST_CASE("too many points for a link: kept in the session, left out of the hash") {
    auto s = make("dataset=circle&seed=5");
    std::vector<Point> pts;
    for (int k = 0; k < 5000; ++k) // ~11-13 bytes a point: over the 28 KiB budget
        pts.push_back({-5.0f + k * 0.0019f, 4.0f - k * 0.0013f, k % 2 ? 1.0f : -1.0f});
    REQUIRE(s->set_points(pts) == "");
    CHECK_FALSE(s->points_in_hash());
    CHECK(s->config().points.empty());
    CHECK(s->custom_points().size() == 5000);
    CHECK(to_hash(s->config()).size() < 2048);
    CHECK(s->data().train.size() + s->data().test.size() == 5000);
}

TEST_CASE("user points of K classes: class indices, the hash carries classes=K and the points") {
    // a generated 3-class set's points become the user's own, with its 3 classes
    auto m = make("dataset=blobs3&seed=2&networkShape=4");
    std::vector<Point> pts = clicks(30);
    for (std::size_t k = 0; k < pts.size(); ++k) pts[k].label = (float)(k % 3);
    REQUIRE(m->set_points(pts) == "");
    CHECK(m->config().dataset == DatasetKind::Custom);
    CHECK(m->config().classes == 3);
    const std::string h = to_hash(m->config());
    CHECK(h.find("classes=3") != std::string::npos);
    auto t = make(h); // the link: same points, same 3 softmax outputs
    CHECK(t->network().n_outputs() == 3);
    CHECK(same_points(m->data().train, t->data().train));
    CHECK(same_points(m->data().test, t->data().test));
    // a label beyond the classes is refused with the point's number; the data stays
    pts[7].label = 3;
    CHECK(m->set_points(pts).text().find("point 8 has label 3") != std::string::npos);
    CHECK(m->data().train.size() + m->data().test.size() == 30);
    pts[7].label = 0.5f;
    CHECK(m->set_points(pts).text().find("class indices 0..2") != std::string::npos);
    // a binary set given 5 classes: -1 reads as class 0, +1 as class 1 (the confusion matrix's
    // convention), so the points stay
    auto b = make("dataset=custom&classes=5&points=1,1,1,-2,-2,-1,3,0,4&networkShape=4&seed=1");
    CHECK(b->network().n_outputs() == 5);
    std::vector<float> labels;
    for (const Point& p : b->custom_points()) labels.push_back(p.label);
    CHECK(labels == std::vector<float>{1, 0, 4});
    // classes belong to the user's points: refused with a generated dataset or regression
    ParseResult pr = parse_hash("dataset=circle&classes=4");
    REQUIRE(!check_consistency(pr.config).empty());
    CHECK(check_consistency(pr.config)[0].message.find("classes with dataset=custom") !=
          std::string::npos);
    CHECK(!parse_hash("dataset=custom&classes=9").errors.empty()); // 2..8
    // column data takes no painted points: its inputs are 4 columns, the plot shows 2
    auto iris = make("dataset=iris&seed=1");
    CHECK(iris->set_points(clicks(10)).text().find("4 columns") != std::string::npos);
    CHECK(iris->config().dataset == DatasetKind::Iris);
}

TEST_CASE("user points: non-finite values are refused, data kept") {
    auto s = make("dataset=circle&seed=2");
    std::vector<Point> pts = clicks(10);
    pts[4].x2 = INFINITY;
    CHECK(s->set_points(pts).text().find("point 5 is not finite or outside [-1e6, 1e6]") !=
          std::string::npos);
    CHECK(s->config().dataset == DatasetKind::Circle);
    pts[4].x2 = 2e6f;
    CHECK(s->set_points(pts).text().find("point 5") != std::string::npos);
}

TEST_CASE("regression points keep their real labels through the hash") {
    auto s = make("problem=regression&seed=4&networkShape=2");
    std::vector<Point> pts = {{1, 2, 0.25f}, {-3, 1, -0.75f}, {0.5f, 0.5f, 0.1f}, {2, -2, 0.6f}};
    REQUIRE(s->set_points(pts) == "");
    CHECK(s->config().reg_dataset == DatasetKind::Custom);
    auto t = make(to_hash(s->config()));
    CHECK(same_points(s->data().train, t->data().train));
    CHECK(same_points(s->data().test, t->data().test));
}

TEST_CASE("set_training: optimizer switch keeps weights, epoch and data; other keys refused") {
    auto s = make("dataset=xor&seed=3&networkShape=4,2&learningRate=0.03");
    s->train_epochs(5);
    const std::vector<float> w(s->network().params.begin(), s->network().params.end());
    const long epoch = s->epoch();
    Config c = s->config();
    c.optimizer = Optimizer::Adam;
    c.learning_rate = 0.01;
    c.beta1 = 0.8;
    c.stop_epoch = 100;
    REQUIRE(s->set_training(c) == "");
    CHECK(std::vector<float>(s->network().params.begin(), s->network().params.end()) == w);
    CHECK(s->epoch() == epoch);
    CHECK(s->config().optimizer == Optimizer::Adam);
    CHECK(s->config().stop_epoch == 100);
    // The next update is Adam's first step (fresh state, bias-corrected): every weight whose
    // gradient is not tiny moves by about lr (|m_hat / sqrt(v_hat)| = 1 on step 1), far more
    // than SGD at lr 0.01 would move most of them. Count weights that moved by ~lr.
    const double before = s->metrics().train_loss;
    s->train_epochs(1);
    const auto& w2 = s->network().params;
    int near_lr = 0;
    for (std::size_t k = 0; k < w.size(); ++k) near_lr += std::fabs(w2[k] - w[k]) > 0.005;
    CHECK(near_lr > (int)w.size() / 2);
    CHECK(std::isfinite(before));

    Config other = s->config();
    other.network_shape = {3};
    CHECK(s->set_training(other).find("can change without a reset") != std::string::npos);
    other = s->config();
    other.noise = 10;
    CHECK(s->set_training(other).find("can change without a reset") != std::string::npos);
    CHECK(s->config().noise == 0);
}

TEST_CASE("set_training: speed changes live; weights, epoch and the hash's other keys stay") {
    auto s = make("dataset=spiral&seed=4&networkShape=6,3");
    s->train_epochs(3);
    const std::vector<float> w(s->network().params.begin(), s->network().params.end());
    const std::string before = to_hash(s->config());
    for (const char* speed : {"max", "batch", "100", "10", "1"}) {
        CAPTURE(speed);
        ParseResult p = parse_hash(before + "&speed=" + speed);
        REQUIRE(p.errors.empty());
        REQUIRE(s->set_training(p.config) == "");
        CHECK(name_of(s->config().speed) == std::string(speed));
        CHECK(std::vector<float>(s->network().params.begin(), s->network().params.end()) == w);
        CHECK(s->epoch() == 3);
    }
    CHECK(to_hash(s->config()) == before); // back at the default, the hash omits speed again
    Config c = s->config();
    c.speed = Speed::Max;
    c.noise = 10; // a rebuilding key alongside: refused whole, speed not applied either
    CHECK(s->set_training(c).find("speed") != std::string::npos);
    CHECK(s->config().speed == Speed::Epochs1);
}

TEST_CASE("confusion matrix matches predictions counted independently") {
    for (const char* h :
         {"dataset=blobs4&seed=6&networkShape=5", "dataset=spiral&seed=6",
          "dataset=circle&seed=1&networkShape=3&outputActivation=sigmoid&loss=bce"}) {
        CAPTURE(h);
        auto s = make(h);
        s->train_epochs(15);
        const int K = s->model().num_classes;
        const auto& test = s->data().test;
        std::vector<float> x1, x2, out;
        for (const Point& p : test) {
            x1.push_back(p.x1);
            x2.push_back(p.x2);
        }
        s->predict(x1, x2, out);
        const int n_out = s->network().n_outputs();
        const bool sigmoid = s->config().output_activation == Activation::Sigmoid;
        std::vector<long> expect((std::size_t)K * K, 0);
        for (std::size_t i = 0; i < test.size(); ++i) {
            int truth, pred;
            if (K >= 3) {
                truth = (int)test[i].label;
                pred = 0;
                for (int j = 1; j < n_out; ++j)
                    if (out[i * n_out + j] > out[i * n_out + pred]) pred = j;
            } else {
                truth = test[i].label > 0;
                pred = out[i] > (sigmoid ? 0.5f : 0.0f);
            }
            ++expect[(std::size_t)truth * K + pred];
        }
        const Metrics& m = s->metrics();
        CHECK(m.test_confusion == expect);
        long diag = 0, total = 0;
        for (int a = 0; a < K; ++a)
            for (int b = 0; b < K; ++b) (a == b ? diag : total) += expect[(std::size_t)a * K + b];
        total += diag;
        CHECK(total == (long)test.size());
        CHECK(m.test_accuracy == doctest::Approx((double)diag / total));
        CHECK(m.train_confusion.size() == (std::size_t)K * K);
    }
    auto r = make("problem=regression&seed=1");
    CHECK(r->metrics().test_confusion.empty());
}
