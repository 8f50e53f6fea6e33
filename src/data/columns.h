// columns.h: data with named input columns (Iris now; a CSV of many columns later): a table of
// rows, its standardizing, and the slice of the input space the plot shows. Contract: all
// arithmetic over columns is in double, in row order, rounded to float once per value, so native
// and wasm give the same bits; nothing here draws random numbers.
#pragma once
#include <string>
#include <vector>

namespace bp {

struct ColumnTable {
    std::vector<std::string> names;   // one per input column
    std::vector<float> values;        // row-major [rows][names.size()]
    std::vector<float> labels;        // one per row: class index, -1/+1 or a real value
    std::vector<std::string> classes; // class names (index order); empty: unnamed
    int axis_x = 0, axis_y = 1;       // the columns the plot shows
    std::size_t rows() const { return labels.size(); }
    std::size_t cols() const { return names.size(); }
};

// Every column to mean 0 and variance 1 (population variance over all rows, as z-scores are
// usually taught); a constant column becomes 0.
void standardize(ColumnTable& t);

// Fisher's Iris (iris.h), standardized, axes petal length x petal width.
ColumnTable iris_table();

// The values the plot's slice holds each column at: the median of the rows given (row-major
// [n][C]); for an even n, the mean of the two middle values (in double, rounded once).
std::vector<float> column_medians(const std::vector<float>& values, std::size_t C);

// Network inputs [C][n] (feature-major) for n plane positions (x1[i], x2[i]): column axis_x takes
// x1, axis_y takes x2, every other column its slice value.
void slice_inputs(const std::vector<float>& slice, int axis_x, int axis_y, const float* x1,
                  const float* x2, std::size_t n, float* out);

} // namespace bp
