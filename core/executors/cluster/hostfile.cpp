#include "executors/cluster/hostfile.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parlab {

namespace {

constexpr std::size_t max_slots_per_host = 4096;

[[noreturn]] void bad_line(const std::string& file, std::size_t line, const std::string& why)
{
    throw std::invalid_argument(file + ":" + std::to_string(line) + ": " + why);
}

// A host name or address as ssh and Open MPI take it: letters, digits, '-', '.', '_', ':' (IPv6).
bool valid_host_name(std::string_view name)
{
    if (name.empty() || name.size() > 253 || name.front() == '-')
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '.' || c == '_' || c == ':';
        if (!ok)
            return false;
    }
    return true;
}

std::size_t parse_count(std::string_view text, const std::string& key, const std::string& file,
                        std::size_t line)
{
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value == 0 ||
        value > max_slots_per_host)
        bad_line(file, line,
                 key + " must be a whole number in 1 .. " + std::to_string(max_slots_per_host) + ", got '" +
                     std::string(text) + "'");
    return value;
}

} // namespace

std::vector<HostEntry> parse_hostfile_text(std::string_view text, const std::string& file)
{
    std::vector<HostEntry> hosts;
    std::istringstream lines{std::string(text)};
    std::string raw;
    for (std::size_t number = 1; std::getline(lines, raw); ++number) {
        if (const auto hash = raw.find('#'); hash != std::string::npos)
            raw.resize(hash);
        std::istringstream words(raw);
        std::string name;
        if (!(words >> name))
            continue;
        if (!valid_host_name(name))
            bad_line(file, number,
                     "'" + name + "' is not a host name (expected: name [slots=N] [max_slots=N])");
        HostEntry host{name, 1};
        bool slots_given = false;
        std::size_t max_slots = 0;
        for (std::string word; words >> word;) {
            const auto equals = word.find('=');
            const std::string key = word.substr(0, equals);
            if (equals == std::string::npos || (key != "slots" && key != "max_slots" && key != "max-slots"))
                bad_line(file, number,
                         "unknown '" + word + "' after host '" + name +
                             "' (expected slots=N or max_slots=N)");
            const std::size_t value =
                parse_count(std::string_view(word).substr(equals + 1), key, file, number);
            if (key == "slots") {
                host.slots = value;
                slots_given = true;
            } else {
                max_slots = value;
            }
        }
        if (max_slots != 0 && !slots_given)
            host.slots = max_slots;
        if (max_slots != 0 && host.slots > max_slots)
            bad_line(file, number,
                     "slots=" + std::to_string(host.slots) +
                         " exceeds max_slots=" + std::to_string(max_slots));
        for (const HostEntry& earlier : hosts)
            if (earlier.name == name)
                bad_line(file, number, "host '" + name + "' is listed twice");
        hosts.push_back(host);
    }
    if (hosts.empty())
        throw std::invalid_argument(file + ": no hosts (one per line: name [slots=N])");
    return hosts;
}

std::vector<HostEntry> read_hostfile(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::invalid_argument("cannot read the hostfile '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_hostfile_text(text.str(), path);
}

std::size_t total_slots(const std::vector<HostEntry>& hosts)
{
    std::size_t slots = 0;
    for (const HostEntry& host : hosts)
        slots += host.slots;
    return slots;
}

} // namespace parlab
