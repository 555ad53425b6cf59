#pragma once

#include "lessons/lesson.h"

#include <string>
#include <string_view>

namespace parlab {

/// Reads a lesson from its JSON text and checks it against the registries and this machine:
/// workload, backends and parameter names and values, worker ranges, GIL mode, the memory the
/// size needs, the prediction's point. Throws LessonError naming `file` and the field.
Lesson parse_lesson(std::string_view text, const std::string& file);

/// parse_lesson on a file's contents; the lesson's name is the file name without `.json`.
Lesson read_lesson_file(const std::string& path);

/// A run's worker range with `cpus` resolved to `logical_cpus` ("1:cpus+3" → "1:5" on 2 CPUs).
std::string resolve_workers(const std::string& text, std::size_t logical_cpus);

} // namespace parlab
