#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// One host of a hostfile: its name and how many ranks it takes (Open MPI's "slots").
struct HostEntry {
    std::string name;
    std::size_t slots = 1;
};

/// The hosts of an Open MPI hostfile: one host per line, `name [slots=N] [max_slots=N]`, with
/// `#` comments and blank lines. Throws std::invalid_argument naming the file and the line for a
/// line that makes no sense, a host given twice, or a file without hosts.
std::vector<HostEntry> parse_hostfile_text(std::string_view text, const std::string& file);
/// Reads and parses the file at `path`; throws std::invalid_argument when it cannot be read.
std::vector<HostEntry> read_hostfile(const std::string& path);
/// The sum of the hosts' slots.
std::size_t total_slots(const std::vector<HostEntry>& hosts);

} // namespace parlab
