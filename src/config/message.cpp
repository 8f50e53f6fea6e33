// message.cpp: the message table's rows and a message's English text (contract in message.h).
#include "message.h"
#include <iterator>
#include <ostream>

namespace bp {
namespace {

constexpr MessageInfo kMessages[] = {
#define BP_MSG_ROW(id, name, text) {Msg::id, name, text},
    BP_MESSAGES(BP_MSG_ROW)
#undef BP_MSG_ROW
};

// Calls f(name) for each "{name}" of text, and g(piece) for the text between them.
template <class F, class G> void walk(const char* text, F&& on_hole, G&& on_text) {
    std::string_view s = text;
    while (!s.empty()) {
        const std::size_t open = s.find('{');
        const std::size_t close = open == std::string_view::npos ? open : s.find('}', open);
        if (close == std::string_view::npos) {
            on_text(s);
            return;
        }
        on_text(s.substr(0, open));
        on_hole(s.substr(open + 1, close - open - 1));
        s.remove_prefix(close + 1);
    }
}

} // namespace

const MessageInfo* message_table_begin() {
    return std::begin(kMessages);
}
const MessageInfo* message_table_end() {
    return std::end(kMessages);
}
const MessageInfo& message_info(Msg id) {
    return kMessages[(std::size_t)id];
}

MessageArg::MessageArg(const char* n, const Message& m)
    : name(n), text(m.text()), part(std::make_shared<const Message>(m)) {}

Message::Message(Msg code, std::initializer_list<MessageArg> args) : code_(code), args_(args) {
    walk(
        message_info(code).text,
        [&](std::string_view hole) {
            for (const MessageArg& a : args_)
                if (hole == a.name) return void(text_ += a.text);
            text_.append("{").append(hole).append("}"); // unfilled: shows, and tests catch it
        },
        [&](std::string_view piece) { text_ += piece; });
}

std::ostream& operator<<(std::ostream& os, const Message& m) {
    return os << m.text();
}

std::vector<std::string> placeholders(const char* text) {
    std::vector<std::string> out;
    walk(
        text,
        [&](std::string_view hole) {
            for (const std::string& seen : out)
                if (seen == hole) return;
            out.emplace_back(hole);
        },
        [](std::string_view) {});
    return out;
}

std::vector<std::string> Message::mismatches() const {
    std::vector<std::string> out;
    const std::vector<std::string> holes = placeholders(message_info(code_).text);
    for (const std::string& h : holes) {
        bool filled = false;
        for (const MessageArg& a : args_) filled = filled || h == a.name;
        if (!filled) out.push_back(h);
    }
    for (const MessageArg& a : args_) {
        bool taken = false;
        for (const std::string& h : holes) taken = taken || h == a.name;
        if (!taken) out.push_back(a.name);
        if (a.part)
            for (const std::string& m : a.part->mismatches())
                out.push_back(std::string(a.name) + "." + m);
    }
    return out;
}

} // namespace bp
