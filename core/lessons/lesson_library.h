#pragma once

#include "lessons/lesson.h"

#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// The lessons of one folder: every `*.json` file that passed its checks, in file-name order,
/// and a problem for each file that did not (the others still load).
struct LessonLibrary {
    std::string folder;
    std::vector<Lesson> lessons;
    std::vector<LessonProblem> problems;

    /// The lesson named `name`, or named `NN-name` (a leading number orders the files); nullptr when none.
    [[nodiscard]] const Lesson* find(std::string_view name) const;
};

/// Loads every lesson file of `folder`. Throws std::invalid_argument when the folder cannot be read.
LessonLibrary load_lessons(const std::string& folder);

} // namespace parlab
