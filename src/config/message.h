// message.h: a user-facing message of the engine as a stable code and its arguments, with the
// English sentence built from the code's template (message_table.h, the one place the English
// wording is written). A page in another language renders the code and arguments from its own
// template (web/i18n/engine.zh.js) and falls back to the English text. Arguments are text that is
// not translated (key names, values, numbers, enum names) or a nested message (a part of the
// sentence that is itself worded: the problem and the allowed values of a config issue).
// Message converts to its English text, so code that only wants the sentence reads it as before.
#pragma once
#include "message_table.h"
#include <cstddef>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace bp {

enum class Msg : unsigned short {
#define BP_MSG_ENUM(id, name, text) id,
    BP_MESSAGES(BP_MSG_ENUM)
#undef BP_MSG_ENUM
};

struct MessageInfo {
    Msg id;
    const char* name; // the stable code, e.g. "problem.notBoolean"
    const char* text; // the English template: "{name}" marks an argument
};
// Every row of message_table.h, in its order (row k has id Msg(k)).
const MessageInfo* message_table_begin();
const MessageInfo* message_table_end();
const MessageInfo& message_info(Msg id);

class Message;

struct MessageArg {
    MessageArg(const char* n, std::string t) : name(n), text(std::move(t)) {}
    MessageArg(const char* n, const char* t) : name(n), text(t) {}
    MessageArg(const char* n, std::string_view t) : name(n), text(t) {}
    template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                            !std::is_same_v<I, char>,
                                        int> = 0>
    MessageArg(const char* n, I v) : name(n), text(std::to_string(v)) {}
    MessageArg(const char* n, const Message& m);

    const char* name;                    // the placeholder it fills
    std::string text;                    // its English text (a part's rendered sentence)
    std::shared_ptr<const Message> part; // set when the argument is a message itself
};

class Message {
  public:
    Message() = default; // no message: empty(), text ""
    Message(Msg code, std::initializer_list<MessageArg> args = {});

    bool empty() const { return text_.empty(); }
    Msg code() const { return code_; }
    const char* name() const { return message_info(code_).name; }
    const std::vector<MessageArg>& args() const { return args_; }
    const std::string& text() const { return text_; } // English
    operator const std::string&() const { return text_; }

    // The template's placeholders that no argument fills, and arguments no placeholder takes
    // (both empty for a well-formed message), each as "name" (nested: "part.name").
    std::vector<std::string> mismatches() const;

  private:
    Msg code_{};
    std::vector<MessageArg> args_;
    std::string text_;
};

inline bool operator==(const Message& m, const std::string& s) {
    return m.text() == s;
}
inline bool operator==(const Message& m, const char* s) {
    return m.text() == s;
}
inline bool operator!=(const Message& m, const std::string& s) {
    return !(m == s);
}
inline bool operator!=(const Message& m, const char* s) {
    return !(m == s);
}

std::ostream& operator<<(std::ostream& os, const Message& m); // its English text

// The placeholder names of a template, in order of appearance (repeats kept once).
std::vector<std::string> placeholders(const char* text);

} // namespace bp
