#include "machine/cpu_sampler.h"

#include "trace/trace_event.h"

#include <charconv>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace parlab {
namespace {

// Reads /proc/stat and /proc/self/stat several times a second for as long as a window is open,
// so each read is one open/read/close into a buffer kept between calls, parsed without streams.
class ProcStatSource final : public CpuTimesSource {
public:
    ProcStatSource() : m_ticks_per_second(static_cast<double>(sysconf(_SC_CLK_TCK))) {}

    std::vector<CpuTimes> read_cpus() override
    {
        std::vector<CpuTimes> cpus;
        const std::string_view text = read_file("/proc/stat");
        std::size_t at = 0;
        while (at < text.size()) {
            auto end = text.find('\n', at);
            if (end == std::string_view::npos)
                end = text.size();
            const std::string_view line = text.substr(at, end - at);
            at = end + 1;
            if (line.size() < 4 || line.substr(0, 3) != "cpu" || line[3] < '0' || line[3] > '9')
                continue;
            parse_cpu_line(line, cpus);
        }
        return cpus;
    }

    double read_own_cpu_seconds() override
    {
        const std::string_view text = read_file("/proc/self/stat");
        // The command name may hold spaces and parentheses: fields count from the last ')'.
        const auto close = text.rfind(')');
        if (close == std::string_view::npos)
            return 0.0;
        const char* cursor = text.data() + close + 1;
        const char* const end = text.data() + text.size();
        std::uint64_t utime = 0, stime = 0;
        // utime and stime are fields 14 and 15; the field after ')' is field 3.
        for (int field = 3; field <= 15 && cursor < end; ++field) {
            while (cursor < end && *cursor == ' ')
                ++cursor;
            char* next = nullptr;
            const unsigned long long value = std::strtoull(cursor, &next, 10);
            if (field == 14)
                utime = value;
            if (field == 15)
                stime = value;
            while (next != nullptr && next < end && *next != ' ')
                ++next;
            cursor = next;
        }
        return static_cast<double>(utime + stime) / m_ticks_per_second;
    }

    double read_tree_cpu_seconds() override
    {
        // One pass over /proc: every process's parent and times, then a walk down from this one.
        struct Entry {
            long parent = 0;
            std::uint64_t ticks = 0;
        };
        std::unordered_map<long, Entry> processes;
        if (DIR* const proc = ::opendir("/proc")) {
            while (const dirent* const entry = ::readdir(proc)) {
                if (entry->d_name[0] < '1' || entry->d_name[0] > '9')
                    continue;
                const std::string path = std::string("/proc/") + entry->d_name + "/stat";
                const std::string_view text = read_file(path.c_str());
                Entry parsed;
                if (parse_stat(text, parsed.parent, parsed.ticks))
                    processes[std::strtol(entry->d_name, nullptr, 10)] = parsed;
            }
            ::closedir(proc);
        }
        std::unordered_map<long, std::vector<long>> children;
        for (const auto& [pid, entry] : processes)
            children[entry.parent].push_back(pid);
        std::uint64_t ticks = 0;
        std::vector<long> pending{static_cast<long>(::getpid())};
        while (!pending.empty()) {
            const long pid = pending.back();
            pending.pop_back();
            if (const auto found = processes.find(pid); found != processes.end())
                ticks += found->second.ticks;
            if (const auto found = children.find(pid); found != children.end())
                pending.insert(pending.end(), found->second.begin(), found->second.end());
        }
        return static_cast<double>(ticks) / m_ticks_per_second;
    }

private:
    // The parent (field 4) and utime + stime + cutime + cstime (fields 14 to 17) of a
    // /proc/<pid>/stat line: the children's times keep a finished worker's CPU in the tree.
    static bool parse_stat(std::string_view text, long& parent, std::uint64_t& ticks)
    {
        const auto close = text.rfind(')');
        if (close == std::string_view::npos)
            return false;
        const char* cursor = text.data() + close + 1;
        const char* const end = text.data() + text.size();
        ticks = 0;
        for (int field = 3; field <= 17 && cursor < end; ++field) {
            while (cursor < end && *cursor == ' ')
                ++cursor;
            const char* next = cursor;
            while (next < end && *next != ' ')
                ++next;
            if (field == 4 || field >= 14) {
                long long value = 0;
                std::from_chars(cursor, next, value);
                if (field == 4)
                    parent = static_cast<long>(value);
                else if (value > 0)
                    ticks += static_cast<std::uint64_t>(value);
            }
            cursor = next;
        }
        return true;
    }

    std::string_view read_file(const char* path)
    {
        const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return {};
        if (m_buffer.size() < 16384)
            m_buffer.resize(16384);
        std::size_t used = 0;
        for (;;) {
            if (used == m_buffer.size())
                m_buffer.resize(m_buffer.size() * 2);
            const ssize_t got = ::read(fd, m_buffer.data() + used, m_buffer.size() - used);
            if (got <= 0)
                break;
            used += static_cast<std::size_t>(got);
        }
        ::close(fd);
        return {m_buffer.data(), used};
    }

    static void parse_cpu_line(std::string_view line, std::vector<CpuTimes>& cpus)
    {
        const char* cursor = line.data() + 3;
        const char* const end = line.data() + line.size();
        std::size_t index = 0;
        cursor = std::from_chars(cursor, end, index).ptr;
        std::uint64_t values[8] = {};
        for (auto& value : values) {
            while (cursor < end && *cursor == ' ')
                ++cursor;
            cursor = std::from_chars(cursor, end, value).ptr;
        }
        if (index >= 65536)
            return;
        if (cpus.size() <= index)
            cpus.resize(index + 1);
        cpus[index] =
            CpuTimes{values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]};
    }

    std::vector<char> m_buffer;
    double m_ticks_per_second;
};

std::uint64_t total(const CpuTimes& t)
{
    return t.user + t.nice + t.system + t.idle + t.iowait + t.irq + t.softirq + t.steal;
}

bool went_backwards(const CpuTimes& now, const CpuTimes& before)
{
    return now.user < before.user || now.nice < before.nice || now.system < before.system ||
           now.idle < before.idle || now.iowait < before.iowait || now.irq < before.irq ||
           now.softirq < before.softirq || now.steal < before.steal;
}

} // namespace

double CpuTimesSource::ticks_per_second()
{
    return static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::unique_ptr<CpuTimesSource> make_proc_stat_source()
{
    return std::make_unique<ProcStatSource>();
}

CpuSampler::CpuSampler(std::unique_ptr<CpuTimesSource> source) : m_source(std::move(source))
{
}

CpuSample CpuSampler::sample()
{
    CpuSample result;
    result.time_s = static_cast<double>(steady_now_ns()) / 1e9;
    std::vector<CpuTimes> now = m_source->read_cpus();
    const double own_s = m_source->read_own_cpu_seconds();

    result.cpus.resize(now.size());
    for (std::size_t cpu = 0; cpu < now.size() && cpu < m_previous.size(); ++cpu) {
        const CpuTimes& before = m_previous[cpu];
        // A CPU that came back online restarts its counters: show it idle for this interval.
        if (went_backwards(now[cpu], before))
            continue;
        const std::uint64_t elapsed = total(now[cpu]) - total(before);
        if (elapsed == 0)
            continue;
        const auto user = (now[cpu].user - before.user) + (now[cpu].nice - before.nice);
        const auto system = (now[cpu].system - before.system) + (now[cpu].irq - before.irq) +
                            (now[cpu].softirq - before.softirq);
        result.cpus[cpu].user_percent = 100.0 * static_cast<double>(user) / static_cast<double>(elapsed);
        result.cpus[cpu].system_percent = 100.0 * static_cast<double>(system) / static_cast<double>(elapsed);
    }

    const double interval = result.time_s - m_previous_time_s;
    if (m_previous_time_s > 0.0 && interval > 0.0 && own_s >= m_previous_own_s)
        result.own_percent = 100.0 * (own_s - m_previous_own_s) / interval;

    m_previous = std::move(now);
    m_previous_own_s = own_s;
    m_previous_time_s = result.time_s;
    return result;
}

} // namespace parlab
