// test_data_csv_columns.cpp: CSV files of many feature columns (issue 17): the reader on a
// 12-column file as spreadsheets write it (a byte order mark, CRLF, quotes, blank lines, a column
// of constants, word labels), its messages for bad ones, and the column data in a session: the
// network's inputs are the columns, "standardize" makes each mean 0 and variance 1 (checked
// against z-scores worked out here), links carry the column count and not the data, a reload
// keeps the data, and a 12-column set trains.
#include "config/config_codec.h"
#include "data/csv.h"
#include "session/session.h"
#include "session/user_data.h"
#include "session_from_hash.h"
#include <cmath>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {
bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

// 12 feature columns c1..c12 and a word label; c5 is constant. Rows as a spreadsheet exports them.
std::string twelve_columns(int rows) {
    std::string t = "\xEF\xBB\xBF";
    for (int c = 1; c <= 12; ++c) t += "c" + std::to_string(c) + ",";
    t += "\"kind\"\r\n";
    for (int r = 0; r < rows; ++r) {
        // a fixed pseudo-random walk (no RNG of the engine): values in [-2, 2]
        float v[12];
        for (int c = 0; c < 12; ++c) v[c] = (float)(((r * 37 + c * 11) % 41) - 20) / 10.0f;
        v[4] = 3.5f; // the constant column
        for (int c = 0; c < 12; ++c)
            t += (c == 1 ? "\"" : "") + std::to_string(v[c]) + (c == 1 ? "\"" : "") + ",";
        // the class depends on two columns only: c3 + c8 > 0
        t += v[2] + v[7] > 0 ? "up" : "down";
        t += "\r\n";
        if (r == 3) t += "\r\n"; // a blank line between rows
    }
    return t;
}

std::vector<int> first(int n) {
    std::vector<int> v;
    for (int c = 0; c < n; ++c) v.push_back(c);
    return v;
}

// The consistency check's first message for a hash that parses (it runs when a session is built).
std::string issues(const std::string& hash) {
    ParseResult pr = parse_hash(hash);
    REQUIRE(pr.errors.empty());
    std::vector<ConfigIssue> v = check_consistency(pr.config);
    return v.empty() ? std::string() : v.front().message;
}

UserData user_data(const CsvParseResult& r) {
    return UserData{r.points, r.columns, r.values, r.class_names};
}
} // namespace

TEST_CASE("csv columns: 12 columns with a BOM, CRLF, quotes, a blank line, constants, words") {
    CsvParseResult r = parse_csv_columns(twelve_columns(50), first(12), 12, kCsvMaxRows, true);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.columns.size() == 12);
    CHECK(r.columns[0] == "c1");
    CHECK(r.columns[11] == "c12");
    CHECK(r.values.size() == 50 * 12);
    CHECK(r.class_names.size() == 2);
    // row 7 (r = 6), column 3: ((6 * 37 + 2 * 11) % 41 - 20) / 10 = (244 % 41 - 20) / 10 = 3.9 - 2
    CHECK(r.values[6 * 12 + 2] == doctest::Approx(1.9));
    CHECK(r.values[9 * 12 + 4] == 3.5f);
    CHECK(r.points[6].x1 == r.values[6 * 12]); // points hold the first two columns
    CHECK(r.points[6].x2 == r.values[6 * 12 + 1]);
}

TEST_CASE("csv columns: bad files and bad picks name the row, column and what was expected") {
    const std::string ok = "a,b,c,d\n1,2,3,x\n4,5,6,y\n";
    CHECK(parse_csv_columns("a,b,c,d\n1,2,3,x\n4,,6,y\n", {0, 1, 2}, 3, 100, true).error ==
          "row 3, column 2 is empty");
    CHECK(parse_csv_columns(ok, {0, 1, 1}, 3, 100, true).error == "column 2 is picked twice");
    CHECK(parse_csv_columns(ok, {0, 1, 3}, 3, 100, true).error ==
          "column 4 is both an input and the label");
    CHECK(parse_csv_columns(ok, {0, 1, 7}, 3, 100, true).error ==
          "column 8 does not exist (the file has 4 columns)");
    CHECK(has(parse_csv_columns(ok, first(65), 3, 100, true).error, "pick 2 to 64 input columns"));
    CHECK(has(parse_csv_columns("a,b,c,d\n1,2,3,x\n4,5,6,=A1\n", {0, 1, 2}, 3, 100, true).error,
              "row 3, column 4: '=A1' is not a number"));
    // words and numbers mixed: the first label of the other kind is named
    CHECK(parse_csv_columns("a,b,c,d\n1,2,3,1\n4,5,6,0\n7,8,9,oops\n", {0, 1, 2}, 3, 100, true)
              .error ==
          "row 4, column 4: 'oops' is not a number, but the labels before it are numbers");
    CHECK(parse_csv_columns("a,b,c,d\n1,2,3,cat\n4,5,6,2\n", {0, 1, 2}, 3, 100, true).error ==
          "row 3, column 4: '2' is a number, but the labels before it are class names");
    CHECK(has(parse_csv_columns("a,b,c,d\n1,2,3,cat\n4,5,6,NaN\n", {0, 1, 2}, 3, 100, true).error,
              "NaN or Infinity in row 3, column 4"));
}

TEST_CASE("csv columns: a session's inputs are the columns; standardize gives z-scores") {
    auto s = bp_test::make("dataset=circle&seed=3&networkShape=6");
    const std::string text = "p,q,r,label\n1,10,7,0\n2,10,-1,1\n3,10,7,0\n4,10,-1,1\n";
    CsvParseResult r = parse_csv_columns(text, {0, 1, 2}, 3, 100, true);
    REQUIRE_MESSAGE(r.ok, r.error);
    Message changed;
    REQUIRE(import_data(s, user_data(r), changed) == "");
    CHECK(changed == "the network's inputs are the file's 3 columns; the weights start afresh");
    CHECK(s->n_inputs() == 3);
    CHECK(s->network().layers()[0].n_in == 3);
    CHECK(s->columns() == std::vector<std::string>{"p", "q", "r"});
    CHECK(s->config().columns == 3);
    CHECK_FALSE(s->points_in_hash());
    const std::string hash = to_hash(s->config());
    CHECK(has(hash, "columns=3"));
    CHECK_FALSE(has(hash, "points="));
    // z-scores by hand: p = 1..4 has mean 2.5 and population variance 1.25; q is constant (0);
    // r alternates 7, -1: mean 3, deviation 4, so +-1.
    const double sd = std::sqrt(1.25);
    std::vector<double> want_p = {(1 - 2.5) / sd, (2 - 2.5) / sd, (3 - 2.5) / sd, (4 - 2.5) / sd};
    const Dataset& d = s->data();
    std::vector<float> all = d.train_cols;
    all.insert(all.end(), d.test_cols.begin(), d.test_cols.end());
    std::vector<Point> pts = d.train;
    pts.insert(pts.end(), d.test.begin(), d.test.end());
    REQUIRE(all.size() == 12);
    for (std::size_t k = 0; k < 4; ++k) {
        // which row is this? p's z-score tells (they are distinct)
        int row = -1;
        for (int i = 0; i < 4; ++i)
            if (std::fabs(all[k * 3] - want_p[(std::size_t)i]) < 1e-6) row = i;
        REQUIRE(row >= 0);
        CHECK(all[k * 3 + 1] == 0.0f);
        CHECK(all[k * 3 + 2] == doctest::Approx(row % 2 == 0 ? 1.0 : -1.0));
        CHECK(pts[k].label == (row % 2 == 0 ? -1.0f : 1.0f)); // 0/1 read as -1/+1
    }
    // standardize=false: the raw columns
    ParseResult raw = parse_hash(hash + "&standardize=false");
    REQUIRE(raw.errors.empty());
    std::string err;
    auto t = Session::create(raw.config, err);
    REQUIRE_MESSAGE(t, err);
    REQUIRE(carry_user_data(*t, *s) == "");
    std::vector<float> rawv = t->data().train_cols;
    rawv.insert(rawv.end(), t->data().test_cols.begin(), t->data().test_cols.end());
    for (std::size_t k = 0; k < 4; ++k) CHECK(rawv[k * 3 + 1] == 10.0f);
}

TEST_CASE("csv columns: a link carries the column count; a reload keeps the data; a link alone "
          "builds the network without data") {
    auto s = bp_test::make("dataset=circle&seed=4");
    CsvParseResult r = parse_csv_columns(twelve_columns(40), first(12), 12, kCsvMaxRows, true);
    REQUIRE(r.ok);
    Message changed;
    REQUIRE(import_data(s, user_data(r), changed) == "");
    ParseResult pr = parse_hash(to_hash(s->config()) + "&networkShape=5,3");
    REQUIRE(pr.errors.empty());
    std::string err;
    auto t = Session::create(pr.config, err);
    REQUIRE_MESSAGE(t, err);
    CHECK(t->data().train.empty()); // the hash alone has no rows
    CHECK(t->n_inputs() == 12);
    CHECK(t->columns()[11] == "column 12");
    REQUIRE(carry_user_data(*t, *s) == "");
    CHECK(t->data().train.size() + t->data().test.size() == 40);
    CHECK(t->columns()[11] == "c12");
    CHECK(t->class_names() == r.class_names);
    // points of the plane are refused on column data, and columns=2 is no column data
    CHECK(has(t->set_points({{0, 0, 1}}), "this dataset's inputs are its 12 columns"));
    CHECK(has(issues("dataset=custom&columns=2"), "fewer than 3"));
    CHECK(has(issues("dataset=circle&columns=5"),
              "is for your own data, but the dataset is 'circle'"));
}

TEST_CASE("csv columns: a 12-column set trains (its class depends on two of the columns)") {
    auto s = bp_test::make("dataset=circle&seed=5&networkShape=8&learningRate=0.03&batchSize=10");
    CsvParseResult r = parse_csv_columns(twelve_columns(300), first(12), 12, kCsvMaxRows, true);
    REQUIRE(r.ok);
    Message changed;
    REQUIRE(import_data(s, user_data(r), changed) == "");
    s->train_epochs(200);
    CHECK(s->metrics().train_accuracy >= 0.95);
    CHECK(s->metrics().test_accuracy >= 0.9);
}

TEST_CASE("class names in links: percent-encoded one by one, refused when they do not fit") {
    ParseResult ok = parse_hash("dataset=custom&classes=3&classNames=a%2Cb,%C3%A9t%C3%A9,c%26d");
    REQUIRE(ok.errors.empty());
    CHECK(ok.config.class_names == std::vector<std::string>{"a,b", "\xC3\xA9t\xC3\xA9", "c&d"});
    CHECK(has(to_hash(ok.config), "classNames=a%2Cb,%C3%A9t%C3%A9,c%26d"));
    CHECK(has(issues("dataset=custom&classes=3&classNames=a,b"), "do not match classes=3"));
    CHECK(has(parse_hash("dataset=custom&classNames=a,a").errors.at(0).message,
              "repeats an earlier name"));
    CHECK(
        has(parse_hash("dataset=custom&classNames=a,%01").errors.at(0).message, "not plain text"));
    CHECK(has(issues("dataset=circle&classNames=a,b"), "are for your own data"));
}
