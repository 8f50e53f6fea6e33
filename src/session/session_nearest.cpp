// session_nearest.cpp: Session::create_nearest (contract in session.h). The engine, not the page,
// names what made a link fail (check_consistency's issues carry their key), so the page can say
// which keys were dropped and why instead of guessing from the message text.
#include "session.h"

namespace bp {

std::unique_ptr<Session> Session::create_nearest(const std::string& hash, ParseResult& parsed,
                                                 std::vector<ConfigIssue>& dropped,
                                                 std::string& error) {
    Message m;
    std::unique_ptr<Session> s = create_nearest(hash, parsed, dropped, m);
    error = m.text();
    return s;
}

std::unique_ptr<Session> Session::create_nearest(const std::string& hash, ParseResult& parsed,
                                                 std::vector<ConfigIssue>& dropped,
                                                 Message& error) {
    std::string h = hash;
    // A link whose points were refused (unreadable, or dropped below) would leave a custom dataset
    // with nothing to train; a link with no points at all is a custom dataset waiting for the
    // user's points (a CSV import or clicks), and stays.
    bool points_refused = false;
    // Each round drops at least one key the hash holds, so this bounds a hash of any length.
    for (;;) {
        parsed = parse_hash(h);
        const Config& c = parsed.config;
        for (const ConfigIssue& e : parsed.errors)
            points_refused = points_refused || e.key == "points";
        std::vector<ConfigIssue> issues = check_consistency(c);
        std::vector<std::string> keys;
        if (!issues.empty()) {
            keys.push_back(issues.front().key);
        } else if (active_features(c).empty()) {
            // x and y are on by default: dropping them gives the network its two inputs back
            Message m(Msg::NoFeature,
                      {{"features", "x, y, xSquared, ySquared, xTimesY, sinX, sinY"}});
            issues.push_back({"x", "false", m.text(), m});
            keys = {"x", "y"};
        } else if (points_refused && active_dataset(c) == DatasetKind::Custom && c.points.empty()) {
            const char* key = c.problem == Problem::Regression ? "regDataset" : "dataset";
            Message m(Msg::CustomNoPoints, {{"key", key}});
            issues.push_back({key, "custom", m.text(), m});
            keys.push_back(key);
        } else {
            return create(c, error);
        }
        std::string next = h;
        for (const std::string& k : keys) next = without_key(next, k);
        if (next == h) { // the key is not in the hash: dropping cannot help
            error = issues.front().msg;
            return nullptr;
        }
        points_refused = points_refused || keys.front() == "points";
        dropped.push_back(issues.front());
        h = next;
    }
}

} // namespace bp
