#include "lessons/lesson_library.h"

#include "lessons/lesson_error.h"
#include "lessons/lesson_parser.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace parlab {

namespace {

// "03-gil" → "gil": the number only orders the files.
std::string_view without_order(std::string_view name)
{
    const auto dash = name.find('-');
    if (dash == std::string_view::npos || dash == 0)
        return name;
    const bool digits = std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(dash),
                                    [](char c) { return c >= '0' && c <= '9'; });
    return digits ? name.substr(dash + 1) : name;
}

} // namespace

const Lesson* LessonLibrary::find(std::string_view name) const
{
    for (const Lesson& lesson : lessons) {
        if (lesson.name == name || without_order(lesson.name) == name)
            return &lesson;
    }
    return nullptr;
}

LessonLibrary load_lessons(const std::string& folder)
{
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw std::invalid_argument("the lessons folder '" + folder + "' does not exist or is not a folder");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            files.push_back(entry.path());
    }
    if (error)
        throw std::invalid_argument("cannot read the lessons folder '" + folder + "': " + error.message());
    std::sort(files.begin(), files.end());

    LessonLibrary library;
    library.folder = folder;
    for (const auto& file : files) {
        try {
            library.lessons.push_back(read_lesson_file(file.string()));
        } catch (const LessonError& refused) {
            library.problems.push_back(refused.problem());
        } catch (const std::exception& failed) {
            library.problems.push_back({file.string(), "", failed.what()});
        }
    }
    return library;
}

} // namespace parlab
