#include "machine/runnable_threads.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace parlab {

namespace {

namespace fs = std::filesystem;

// A stat line is "pid (comm) S ppid …"; comm may hold spaces and parentheses, so the fields
// after it are found from the last ')'.
bool read_stat(const fs::path& file, char& state, int& ppid)
{
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line))
        return false;
    const auto close = line.rfind(')');
    if (close == std::string::npos)
        return false;
    std::istringstream rest(line.substr(close + 1));
    return static_cast<bool>(rest >> state >> ppid);
}

bool is_number(const std::string& text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

void count_process(const fs::path& process, RunnableThreads& counts)
{
    std::error_code error;
    fs::directory_iterator tasks(process / "task", error);
    if (error)
        return;
    ++counts.processes;
    for (const auto& task : tasks) {
        char state = 0;
        int ppid = 0;
        if (!read_stat(task.path() / "stat", state, ppid))
            continue;
        ++counts.threads;
        if (state == 'R')
            ++counts.runnable;
    }
}

} // namespace

RunnableThreads count_runnable_threads(int pid, const std::string& proc_root)
{
    RunnableThreads counts;
    const fs::path root(proc_root);
    count_process(root / std::to_string(pid), counts);
    std::error_code error;
    fs::directory_iterator entries(root, error);
    if (error)
        return counts;
    for (const auto& entry : entries) {
        const std::string name = entry.path().filename().string();
        if (!is_number(name) || name == std::to_string(pid))
            continue;
        char state = 0;
        int ppid = 0;
        if (read_stat(entry.path() / "stat", state, ppid) && ppid == pid)
            count_process(entry.path(), counts);
    }
    return counts;
}

} // namespace parlab
