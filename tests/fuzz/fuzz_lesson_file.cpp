// A lesson file as a teacher edits it: any text either gives a lesson or throws LessonError
// (naming the file and the field). What parses is checked for what the lesson runner relies on:
// a title and at least one run, each with a workload and at least one backend.
#include "lessons/lesson_error.h"
#include "lessons/lesson_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const parlab::Lesson lesson = parlab::parse_lesson(text, "fuzz.json");
        if (lesson.title.empty())
            std::abort();
        for (const auto& run : lesson.runs)
            if (run.workload.empty() || run.backends.empty())
                std::abort();
    } catch (const parlab::LessonError&) {
    }
    return 0;
}
