// The window's session loader, SessionFile::fromJson (QtCore's JSON reader, parlab's checks):
// any bytes either load or throw std::invalid_argument. A loaded session is written out and read
// back, and must give the same number of runs and points.
#include "session_file.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    std::vector<parlab::gui::RunRecord> runs;
    try {
        runs = parlab::gui::SessionFile::fromJson(json);
    } catch (const std::invalid_argument&) {
        return 0;
    }
    const std::vector<parlab::gui::RunRecord> again =
        parlab::gui::SessionFile::fromJson(parlab::gui::SessionFile::toJson(runs));
    if (again.size() != runs.size())
        std::abort();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (again[i].points.size() != runs[i].points.size() || again[i].has_serial != runs[i].has_serial)
            std::abort();
    }
    return 0;
}
