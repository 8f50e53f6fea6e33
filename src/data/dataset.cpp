// dataset.cpp: the generators of dataset.h. Contract: each generator follows TensorFlow
// Playground's dataset.ts formula and its order of random draws per point (so a reader can check
// one against the other line by line); all arithmetic is double with elem::sin/cos and std::sqrt
// only (bit-identical native and wasm), rounded to float once when a Point is stored. Out-of-range
// noise or split percentages are clamped, never undefined.
#include "dataset.h"
#include "../config/dataset_table.h"
#include "../engine/elementary.h"
#include "columns.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace bp {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi; // the same double as JavaScript's 2 * Math.PI

Point make_point(double x, double y, double label) {
    return Point{(float)x, (float)y, (float)label};
}

// The playground's noise slider gives 0..0.5; anything else (including NaN) is brought back into
// it.
double clamp_noise(double noise) {
    if (!(noise > 0.0)) return 0.0;
    return noise > 0.5 ? 0.5 : noise;
}

// TF's circle: radius 5, inner half r ~ U(0, 2.5), outer half r ~ U(3.5, 5); the label looks at the
// noise-moved point, so noise flips labels but never moves a point. TF's test is a strict '<'.
void gen_circle(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double radius = 5.0;
    auto half = [&](int count, double r_lo, double r_hi) {
        for (int i = 0; i < count; ++i) {
            double r = rng.uniform(r_lo, r_hi);
            double angle = rng.uniform(0.0, kTwoPi);
            double x = r * elem::sin(angle);
            double y = r * elem::cos(angle);
            double noise_x = rng.uniform(-radius, radius) * noise;
            double noise_y = rng.uniform(-radius, radius) * noise;
            double px = x + noise_x, py = y + noise_y;
            double label = std::sqrt(px * px + py * py) < radius * 0.5 ? 1.0 : -1.0;
            out.push_back(make_point(x, y, label));
        }
    };
    half(n - n / 2, 0.0, radius * 0.5);
    half(n / 2, radius * 0.7, radius);
}

// TF's xor: the 0.3 padding keeps points off the axes, where the label would be a coin flip.
void gen_xor(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double padding = 0.3;
    for (int i = 0; i < n; ++i) {
        double x = rng.uniform(-5.0, 5.0);
        x += x > 0 ? padding : -padding;
        double y = rng.uniform(-5.0, 5.0);
        y += y > 0 ? padding : -padding;
        double noise_x = rng.uniform(-5.0, 5.0) * noise;
        double noise_y = rng.uniform(-5.0, 5.0) * noise;
        double label = (x + noise_x) * (y + noise_y) >= 0 ? 1.0 : -1.0;
        out.push_back(make_point(x, y, label));
    }
}

// TF's normalRandom (dataset.ts): one polar-method pair per call, of which TF keeps only the first
// normal (sqrt(-2 log s / s) * v1) and drops the second, so every coordinate costs a fresh pair of
// uniforms. Rng::normal keeps the spare instead, which would give other points than TF's for the
// same stream. TF redraws only when s > 1; s == 0 (TF: 0 * infinity, a NaN point; probability
// ~2^-106) is redrawn too.
double tf_normal(Rng& rng) {
    double v1, v2, s;
    do {
        v1 = 2.0 * rng.uniform() - 1.0;
        v2 = 2.0 * rng.uniform() - 1.0;
        s = v1 * v1 + v2 * v2;
    } while (s > 1.0 || s == 0.0);
    return std::sqrt(-2.0 * elem::log(s) / s) * v1;
}

// TF's two gaussians: d3's linear scale maps noise [0, 0.5] to variance [0.5, 4], computed as d3
// v3 (TF's version) does, t = noise / 0.5 then 0.5 (1 - t) + 4 t (the shorter 0.5 + 3.5 t differs
// in the last bit at noise 15 %); each coordinate is mean + sqrt(variance) * tf_normal, x then y.
void gen_gauss(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double t = noise / 0.5, variance = 0.5 * (1.0 - t) + 4.0 * t;
    const double sd = std::sqrt(variance);
    auto blob = [&](int count, double cx, double cy, double label) {
        for (int i = 0; i < count; ++i) {
            double x = cx + sd * tf_normal(rng);
            double y = cy + sd * tf_normal(rng);
            out.push_back(make_point(x, y, label));
        }
    };
    blob(n - n / 2, 2.0, 2.0, 1.0);
    blob(n / 2, -2.0, -2.0, -1.0);
}

// One spiral arm as TF draws it: r grows linearly to 5 over 1.75 turns. `per_arm` is TF's n, a
// double (numSamples / 2 in JavaScript), kept as the divisor so every arm has the same shape; the
// expression order matches TF's left-to-right evaluation.
void spiral_arm(int count, double per_arm, double delta_t, double label, double noise, Rng& rng,
                std::vector<Point>& out) {
    for (int i = 0; i < count; ++i) {
        double r = i / per_arm * 5;
        double t = 1.75 * i / per_arm * 2 * kPi + delta_t;
        double x = r * elem::sin(t) + rng.uniform(-1.0, 1.0) * noise;
        double y = r * elem::cos(t) + rng.uniform(-1.0, 1.0) * noise;
        out.push_back(make_point(x, y, label));
    }
}

void gen_spiral(int n, double noise, Rng& rng, std::vector<Point>& out) {
    spiral_arm(n - n / 2, n / 2.0, 0.0, 1.0, noise, rng, out);
    spiral_arm(n / 2, n / 2.0, kPi, -1.0, noise, rng, out);
}

// Ours: three arms a third of a turn apart, class index = arm index.
void gen_spiral3(int n, double noise, Rng& rng, std::vector<Point>& out) {
    for (int k = 0; k < 3; ++k) {
        int count = n / 3 + (k < n % 3 ? 1 : 0);
        spiral_arm(count, n / 3.0, kTwoPi * k / 3, (double)k, noise, rng, out);
    }
}

// TF's reg-plane: d3 scale [-10, 10] -> [-1, 1] on the sum of the noise-moved coordinates.
void gen_reg_plane(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double radius = 6.0;
    for (int i = 0; i < n; ++i) {
        double x = rng.uniform(-radius, radius);
        double y = rng.uniform(-radius, radius);
        double noise_x = rng.uniform(-radius, radius) * noise;
        double noise_y = rng.uniform(-radius, radius) * noise;
        double label = ((x + noise_x) + (y + noise_y)) / 10.0;
        out.push_back(make_point(x, y, label));
    }
}

// TF's reg-gauss label: signed clamp(1 - d/2, 0, 1) of the centre giving the largest magnitude;
// ties keep the earlier centre (TF's strict '>').
double reg_gauss_label(double x, double y) {
    static const double centres[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                         {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    double label = 0.0;
    for (const auto& c : centres) {
        double dx = x - c[0], dy = y - c[1];
        double v = 1.0 - std::sqrt(dx * dx + dy * dy) / 2.0;
        v = v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
        double signed_v = c[2] * v;
        if (std::fabs(signed_v) > std::fabs(label)) label = signed_v;
    }
    return label;
}

void gen_reg_gauss(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double radius = 6.0;
    for (int i = 0; i < n; ++i) {
        double x = rng.uniform(-radius, radius);
        double y = rng.uniform(-radius, radius);
        double noise_x = rng.uniform(-radius, radius) * noise;
        double noise_y = rng.uniform(-radius, radius) * noise;
        out.push_back(make_point(x, y, reg_gauss_label(x + noise_x, y + noise_y)));
    }
}

// Ours: K blobs on a circle of radius 3.5, the first at the top; dealt round-robin so every prefix
// of the generation order is class-balanced. Noise widens the blobs (sd 0.6 -> 1.8).
void gen_blobs(int k_classes, int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double sd = 0.6 + (1.8 - 0.6) * (noise / 0.5);
    for (int i = 0; i < n; ++i) {
        int k = i % k_classes;
        double a = kTwoPi * k / k_classes + kPi / 2;
        double cx = 3.5 * elem::cos(a), cy = 3.5 * elem::sin(a);
        double x = cx + sd * rng.normal();
        double y = cy + sd * rng.normal();
        out.push_back(make_point(x, y, (double)k));
    }
}

// Ours: two interleaved half circles, the shape of scikit-learn's make_moons, at random angles:
// the upper moon (cos t, sin t), label +1, and the lower (1 - cos t, 0.5 - sin t), label -1,
// t ~ U(0, pi); centred on (0.5, 0.25) and scaled by 3 to fill the plane. Noise moves each point
// by N(0, noise^2) per coordinate in moon units (noise 0.1..0.3 are make_moons' usual values).
void gen_moons(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double scale = 3.0;
    for (int i = 0; i < n; ++i) {
        const bool upper = i < n - n / 2;
        const double t = rng.uniform(0.0, kPi);
        double x = upper ? elem::cos(t) : 1.0 - elem::cos(t);
        double y = upper ? elem::sin(t) : 0.5 - elem::sin(t);
        x += noise * rng.normal();
        y += noise * rng.normal();
        out.push_back(make_point(scale * (x - 0.5), scale * (y - 0.25), upper ? 1.0 : -1.0));
    }
}

// Ours, TensorFlow Playground issue 252's "function boundary" sets: points uniform in [-5, 5]^2,
// label +1 above the graph y = f(x) and -1 below, drawn in units `scale` times the plot's (y /
// scale against f(x / scale)). Noise moves the point before it is labelled, as TF's xor does, so
// it flips labels near the graph but never moves a point.
void gen_boundary(int n, double noise, double (*f)(double), double scale, Rng& rng,
                  std::vector<Point>& out) {
    for (int i = 0; i < n; ++i) {
        const double x = rng.uniform(-5.0, 5.0), y = rng.uniform(-5.0, 5.0);
        const double px = x + rng.uniform(-5.0, 5.0) * noise;
        const double py = y + rng.uniform(-5.0, 5.0) * noise;
        out.push_back(make_point(x, y, py / scale > f(px / scale) ? 1.0 : -1.0));
    }
}
double sine_graph(double x) {
    return elem::sin(x); // y = sin x at the plot's scale: 1.6 periods across it
}
double cubic_graph(double x) {
    return x * x * x - x; // at scale 2.5: its roots -1, 0, 1 at -2.5, 0, 2.5 on the plot
}
double vee_graph(double x) {
    return std::fabs(x);
}

// Column data as points: x1, x2 from the table's axes, the label as it is, in table order.
std::vector<Point> table_points(const ColumnTable& t) {
    std::vector<Point> pts;
    const std::size_t C = t.cols();
    for (std::size_t r = 0; r < t.rows(); ++r)
        pts.push_back(Point{t.values[r * C + (std::size_t)t.axis_x],
                            t.values[r * C + (std::size_t)t.axis_y], t.labels[r]});
    return pts;
}

void shuffle_points(std::vector<Point>& pts, Rng& rng) {
    // Sizes beyond 2^32 cannot occur (wasm32, CSV row limit); the cast would only bias, never be
    // UB.
    for (std::size_t i = pts.size(); i-- > 1;) {
        std::size_t j = rng.below((uint32_t)(i + 1));
        std::swap(pts[i], pts[j]);
    }
}

Dataset split(std::vector<Point> pts, int num_classes, double perc_train) {
    if (!(perc_train == perc_train)) perc_train = 50.0; // NaN: the playground's default
    perc_train = perc_train < 10.0 ? 10.0 : (perc_train > 90.0 ? 90.0 : perc_train);
    std::size_t n_train = (std::size_t)std::floor((double)pts.size() * perc_train / 100.0);
    if (n_train > pts.size()) n_train = pts.size();
    Dataset d;
    d.num_classes = num_classes;
    d.train.assign(pts.begin(), pts.begin() + (std::ptrdiff_t)n_train);
    d.test.assign(pts.begin() + (std::ptrdiff_t)n_train, pts.end());
    return d;
}

// Column data: the rows shuffled by the points' rule (the same Fisher-Yates draws on a row index)
// and split by split()'s, each point's columns following it.
Dataset split_table(const ColumnTable& t, int classes, double perc_train, Rng& rng) {
    std::vector<Point> pts = table_points(t);
    std::vector<Point> order(pts.size());
    for (std::size_t r = 0; r < pts.size(); ++r) order[r] = Point{(float)r, 0.0f, 0.0f};
    shuffle_points(order, rng); // exact: row indices < 2^24
    std::vector<Point> shuffled;
    for (const Point& o : order) shuffled.push_back(pts[(std::size_t)o.x1]);
    Dataset d = split(std::move(shuffled), classes, perc_train);
    const std::size_t C = t.cols();
    for (std::size_t k = 0; k < order.size(); ++k) {
        const float* row = t.values.data() + (std::size_t)order[k].x1 * C;
        (k < d.train.size() ? d.train_cols : d.test_cols)
            .insert(k < d.train.size() ? d.train_cols.end() : d.test_cols.end(), row, row + C);
    }
    d.columns = t.names;
    d.class_names = t.classes;
    d.axis_x = t.axis_x;
    d.axis_y = t.axis_y;
    return d;
}

} // namespace

std::vector<Point> generate_points(DatasetKind kind, int n, double noise, Rng& rng) {
    std::vector<Point> out;
    if (n <= 0) return out;
    out.reserve((std::size_t)n);
    noise = clamp_noise(noise);
    switch (kind) {
    case DatasetKind::Circle:
        gen_circle(n, noise, rng, out);
        break;
    case DatasetKind::Xor:
        gen_xor(n, noise, rng, out);
        break;
    case DatasetKind::Gauss:
        gen_gauss(n, noise, rng, out);
        break;
    case DatasetKind::Spiral:
        gen_spiral(n, noise, rng, out);
        break;
    case DatasetKind::RegPlane:
        gen_reg_plane(n, noise, rng, out);
        break;
    case DatasetKind::RegGauss:
        gen_reg_gauss(n, noise, rng, out);
        break;
    case DatasetKind::Blobs3:
        gen_blobs(3, n, noise, rng, out);
        break;
    case DatasetKind::Blobs4:
        gen_blobs(4, n, noise, rng, out);
        break;
    case DatasetKind::Blobs5:
        gen_blobs(5, n, noise, rng, out);
        break;
    case DatasetKind::Spiral3:
        gen_spiral3(n, noise, rng, out);
        break;
    case DatasetKind::Moons:
        gen_moons(n, noise, rng, out);
        break;
    case DatasetKind::Sine:
        gen_boundary(n, noise, sine_graph, 1.0, rng, out);
        break;
    case DatasetKind::Cubic:
        gen_boundary(n, noise, cubic_graph, 2.5, rng, out);
        break;
    case DatasetKind::Vee:
        gen_boundary(n, noise, vee_graph, 1.0, rng, out);
        break;
    case DatasetKind::Iris: // measured, not generated: its rows, whatever n and noise say
        out = table_points(iris_table());
        break;
    case DatasetKind::Custom:
        break;
    }
    return out;
}

int default_point_count(DatasetKind kind) {
    return dataset_info(kind).points;
}

int num_classes_of(DatasetKind kind) {
    return dataset_info(kind).classes;
}

Dataset make_dataset(DatasetKind kind, double noise_percent, double perc_train,
                     const std::string& seed) {
    Rng rng(seed, "data");
    if (dataset_info(kind).columns > 0)
        return split_table(iris_table(), num_classes_of(kind), perc_train, rng);
    std::vector<Point> pts =
        generate_points(kind, default_point_count(kind), noise_percent / 100.0, rng);
    shuffle_points(pts, rng); // same stream, as TF shuffles right after generating
    return split(std::move(pts), num_classes_of(kind), perc_train);
}

Dataset split_points(std::vector<Point> pts, int num_classes, double perc_train,
                     const std::string& seed) {
    Rng rng(seed, "data-custom");
    shuffle_points(pts, rng);
    return split(std::move(pts), num_classes, perc_train);
}

Dataset split_columns(const ColumnTable& t, int num_classes, double perc_train,
                      const std::string& seed) {
    Rng rng(seed, "data-custom");
    return split_table(t, num_classes, perc_train, rng);
}

} // namespace bp
