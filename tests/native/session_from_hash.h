// session_from_hash.h: the native suites' way to get a Session: from a hash that must parse
// cleanly and build (the test stops with the parser's or builder's message otherwise).
#pragma once
#include "config/config_codec.h"
#include "session/session.h"
#include <doctest/doctest.h>
#include <memory>
#include <string>

namespace bp_test {

inline std::unique_ptr<bp::Session> make(const std::string& hash) {
    bp::ParseResult pr = bp::parse_hash(hash);
    REQUIRE_MESSAGE(pr.errors.empty(), hash);
    std::string err;
    auto s = bp::Session::create(pr.config, err);
    REQUIRE_MESSAGE(s, err);
    return s;
}

} // namespace bp_test
