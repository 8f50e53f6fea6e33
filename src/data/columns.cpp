// columns.cpp: the column tables of columns.h (contract there).
#include "columns.h"
#include "iris.h"
#include <algorithm>
#include <cmath>

namespace bp {

void standardize(ColumnTable& t) {
    const std::size_t n = t.rows(), C = t.cols();
    if (n == 0) return;
    for (std::size_t c = 0; c < C; ++c) {
        double sum = 0;
        for (std::size_t r = 0; r < n; ++r) sum += t.values[r * C + c];
        const double mean = sum / (double)n;
        double ss = 0;
        for (std::size_t r = 0; r < n; ++r) {
            const double d = t.values[r * C + c] - mean;
            ss += d * d;
        }
        const double sd = std::sqrt(ss / (double)n);
        for (std::size_t r = 0; r < n; ++r) {
            const double d = t.values[r * C + c] - mean;
            t.values[r * C + c] = (float)(sd > 0 ? d / sd : 0.0);
        }
    }
}

ColumnTable iris_table() {
    ColumnTable t;
    t.names.assign(kIrisColumnNames, kIrisColumnNames + kIrisColumns);
    t.classes.assign(kIrisSpecies, kIrisSpecies + kIrisClasses);
    for (const IrisRow& r : kIris) {
        t.values.insert(t.values.end(),
                        {r.sepal_length, r.sepal_width, r.petal_length, r.petal_width});
        t.labels.push_back((float)r.species);
    }
    t.axis_x = 2; // petal length x petal width: the view in which the species separate
    t.axis_y = 3;
    standardize(t);
    return t;
}

std::vector<float> column_medians(const std::vector<float>& values, std::size_t C) {
    std::vector<float> med(C, 0.0f);
    const std::size_t n = C ? values.size() / C : 0;
    if (n == 0) return med;
    std::vector<float> col(n);
    for (std::size_t c = 0; c < C; ++c) {
        for (std::size_t r = 0; r < n; ++r) col[r] = values[r * C + c];
        std::sort(col.begin(), col.end());
        med[c] = n % 2 ? col[n / 2] : (float)(((double)col[n / 2 - 1] + col[n / 2]) / 2.0);
    }
    return med;
}

void slice_inputs(const std::vector<float>& slice, int axis_x, int axis_y, const float* x1,
                  const float* x2, std::size_t n, float* out) {
    for (std::size_t c = 0; c < slice.size(); ++c) {
        float* row = out + c * n;
        if ((int)c == axis_x)
            std::copy(x1, x1 + n, row);
        else if ((int)c == axis_y)
            std::copy(x2, x2 + n, row);
        else
            std::fill(row, row + n, slice[c]);
    }
}

} // namespace bp
