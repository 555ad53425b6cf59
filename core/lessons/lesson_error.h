#pragma once

#include "lessons/lesson.h"

#include <stdexcept>

namespace parlab {

/// A lesson file refused; what() is LessonProblem::text().
class LessonError : public std::invalid_argument {
public:
    explicit LessonError(LessonProblem problem)
        : std::invalid_argument(problem.text()), m_problem(std::move(problem))
    {
    }
    [[nodiscard]] const LessonProblem& problem() const { return m_problem; }

private:
    LessonProblem m_problem;
};

} // namespace parlab
