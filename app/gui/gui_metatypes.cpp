#include "gui_metatypes.h"

namespace parlab::gui {

void register_metatypes()
{
    qRegisterMetaType<parlab::Point>();
    qRegisterMetaType<parlab::SweepProgress>();
    qRegisterMetaType<parlab::TraceEvent>();
    qRegisterMetaType<parlab::SweepResult>();
    qRegisterMetaType<std::vector<parlab::TraceEvent>>();
    qRegisterMetaType<parlab::gui::RunRequest>();
    qRegisterMetaType<std::vector<parlab::RankInfo>>();
}

} // namespace parlab::gui
