// user_data.h: the user's own data (a CSV read by data/csv.h) into a session. The engine decides
// what network the data needs: the problem (text labels or class indices are classes; numbers
// that are not classes are a regression target), the number of classes and the inputs (two
// columns are points of the plane with their features; 3 to kMaxColumns columns feed the network
// as they are). The page shows what changed in the words given back.
#pragma once
#include "../data/dataset.h"
#include "session.h"
#include <memory>
#include <string>
#include <vector>

namespace bp {

struct UserData {
    std::vector<Point> points;            // one per row: x1, x2 (the first two columns), the label
    std::vector<std::string> columns;     // 3+ input columns' names; empty: points of the plane
    std::vector<float> values;            // with columns: [rows][columns] row-major
    std::vector<std::string> class_names; // text labels' names (2..kMaxClasses); empty: numbers
};

// The config that trains d, from c: dataset (or regDataset) custom, its problem, classes,
// columns and class names; the loss and output activation back to auto when the kind of output
// changes (one tanh, K softmax, one linear). `changed`: what differs from c, in words for the page
// (empty when nothing does beyond the data).
Config config_for_data(const Config& c, const UserData& d, Message& changed);

// s takes d: in place when its config already fits (the weights stay), else s becomes a new
// session of config_for_data (the weights restart). Returns no message or an error naming the
// row; on error s is unchanged.
Message import_data(std::unique_ptr<Session>& s, const UserData& d, Message& changed);

// After a reload from a hash (a new network for the same data), the user's data the hash could
// not carry comes over from `from`: points too many for a link, column data, class names.
// Returns no message or why it could not.
Message carry_user_data(Session& to, const Session& from);

} // namespace bp
