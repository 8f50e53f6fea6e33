// test_data_csv_classes.cpp: CSV files of several classes (issue 17): labels as words (class names,
// in order of first appearance) or as class indices, with the files spreadsheets write (a byte
// order mark, CRLF, quoted fields, a column of constants), and the messages for bad ones (an empty
// label, one class, too many), each naming the row or column and what was expected. Then the
// engine's choice of the problem and number of classes (user_data.h's import_data).
#include "config/config_codec.h"
#include "data/csv.h"
#include "session/session.h"
#include "session/user_data.h"
#include "session_from_hash.h"
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {
std::vector<float> labels(const CsvParseResult& r) {
    std::vector<float> v;
    for (const Point& p : r.points) v.push_back(p.label);
    return v;
}
bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("csv classes: words become class names, in order of first appearance") {
    const std::string text = "\xEF\xBB\xBFx,y,species\r\n1,2,setosa\r\n3,4,\"virginica\"\r\n"
                             "5,6,versicolor\r\n7,8,setosa\r\n\"9\",10, virginica \r\n";
    CsvParseResult r = parse_csv_points(text, 0, 1, 2, kCsvMaxRows, true);
    REQUIRE_MESSAGE(r.ok, r.error);
    CHECK(r.class_names == std::vector<std::string>{"setosa", "virginica", "versicolor"});
    CHECK(labels(r) == std::vector<float>{0, 1, 2, 0, 1});
    CHECK(r.points[4].x1 == 9.0f); // quoted number
    CHECK(r.header == std::vector<std::string>{"x", "y", "species"});
    // without text_labels the reader keeps its old rule: labels are numbers
    CHECK(has(parse_csv_points(text, 0, 1, 2).error, "row 2, column 3: 'setosa' is not a number"));
}

TEST_CASE("csv classes: two names are -1/+1; numbers stay numbers; a column of constants is data") {
    CsvParseResult two = parse_csv_points("a,b,c\n0,5,yes\n1,5,no\n2,5,yes\n", 0, 1, 2, 100, true);
    REQUIRE(two.ok);
    CHECK(two.class_names == std::vector<std::string>{"yes", "no"});
    CHECK(labels(two) == std::vector<float>{-1, 1, -1});
    CHECK(two.points[2].x2 == 5.0f); // the constant column read as it is
    CsvParseResult num = parse_csv_points("1;2;0\n3;4;2\n5;6;1\n", 0, 1, 2, 100, true);
    REQUIRE(num.ok);
    CHECK(num.class_names.empty());
    CHECK(labels(num) == std::vector<float>{0, 2, 1});
}

TEST_CASE("csv classes: bad files name the row or column and what was expected") {
    CHECK(parse_csv_points("x,y,c\n1,2,a\n3,4,\n", 0, 1, 2, 100, true).error ==
          "row 3, column 3 is empty; expected a label (a class name or a number)");
    CHECK(parse_csv_points("x,y,c\n1,2,a\n3,,b\n", 0, 1, 2, 100, true).error ==
          "row 3, column 2 is empty");
    CHECK(parse_csv_points("x,y,c\n1,2,a\n3,4,a\n", 0, 1, 2, 100, true).error ==
          "column 3 has one label only ('a'); expected 2 to 8 classes");
    std::string nine = "x,y,c\n";
    for (int k = 0; k < 9; ++k) nine += "1,2,k" + std::to_string(k) + "\n";
    CHECK(parse_csv_points(nine, 0, 1, 2, 100, true).error ==
          "column 3 has more than 8 different labels (the 9th: 'k8'); expected 2 to 8 classes");
    CHECK(has(parse_csv_points("x,y,c\n1,2,a\n3,4\n", 0, 1, 2, 100, true).error,
              "row 3 has 2 columns, expected 3"));
}

TEST_CASE("csv classes: the engine picks the network the data needs (user_data.h)") {
    auto s = bp_test::make("dataset=circle&seed=1&loss=bce");
    CsvParseResult r = parse_csv_points("x,y,c\n1,1,a\n-1,-1,b\n2,-2,c\n-2,2,a\n3,3,b\n-3,-3,c\n",
                                        0, 1, 2, 100, true);
    REQUIRE(r.ok);
    CHECK(has(s->set_points(r.points), "binary classification takes labels 0/1 or -1/+1"));
    UserData d{r.points, {}, {}, r.class_names};
    Message changed;
    REQUIRE(import_data(s, d, changed) == "");
    CHECK(changed == "3 classes (a softmax output); the weights start afresh");
    CHECK(s->network().n_outputs() == 3);
    CHECK(s->config().classes == 3);
    CHECK(s->config().loss == Loss::Auto); // bce was for one output
    CHECK(s->data().class_names == r.class_names);
    CHECK(s->config().class_names == r.class_names); // the link carries them
    CHECK(has(to_hash(s->config()), "classNames=a,b,c"));
    // the same classes again: the running network takes them, weights and all
    const auto& P = s->network().params;
    const std::vector<float> w(P.begin(), P.end());
    s->train_epochs(1);
    const std::vector<float> trained(s->network().params.begin(), s->network().params.end());
    REQUIRE(import_data(s, d, changed) == "");
    CHECK(changed.empty());
    CHECK(std::vector<float>(s->network().params.begin(), s->network().params.end()) == trained);
    CHECK(trained != w);
    // numeric class indices 0..4: five classes
    UserData five{{{0, 0, 0}, {1, 1, 4}, {2, 2, 2}}, {}, {}, {}};
    REQUIRE(import_data(s, five, changed) == "");
    CHECK(s->model().num_classes == 5);
    CHECK(s->config().class_names.empty());
    CHECK(has(s->set_class_names({"a", "b"}), "2 class names for 5 classes"));
}

TEST_CASE("csv classes: numbers that are not classes switch to regression, names back") {
    auto s = bp_test::make("dataset=xor&seed=2");
    UserData reals{{{0, 0, 0.5f}, {1, 1, 3}, {2, 0, -2}}, {}, {}, {}};
    Message changed;
    REQUIRE(import_data(s, reals, changed) == "");
    CHECK(s->config().problem == Problem::Regression);
    CHECK(s->config().reg_dataset == DatasetKind::Custom);
    CHECK(changed == "the problem is now regression: the labels are numbers, not classes (data "
                     "row 1: 0.5); the weights start afresh");
    CHECK(s->custom_points()[1].label == 3.0f);
    // in regression, numbers stay values (0/1 are values too)
    UserData bits{{{0, 0, 0}, {1, 1, 1}}, {}, {}, {}};
    REQUIRE(import_data(s, bits, changed) == "");
    CHECK(s->config().problem == Problem::Regression);
    CHECK(changed.empty());
    // names are classes
    UserData named{{{0, 0, -1}, {1, 1, 1}}, {}, {}, {"cat", "dog"}};
    REQUIRE(import_data(s, named, changed) == "");
    CHECK(s->config().problem == Problem::Classification);
    CHECK(s->config().dataset == DatasetKind::Custom);
    CHECK(has(changed, "the problem is now classification: the labels are names of classes"));
    CHECK(has(to_hash(s->config()), "classNames=cat,dog"));
}
