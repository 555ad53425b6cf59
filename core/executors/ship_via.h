#pragma once

#include <string_view>

namespace parlab {

/// How the processes backend moves a task's shipped inputs to its worker: inside the task's
/// message on the worker's socket (copied into and out of the kernel), or written once into a
/// shared memory region the worker maps, with only their place in it sent on the socket.
enum class ShipVia { Socket, Shm };

/// "socket" or "shm", the words of `--ship-inputs=` and of the JSON header's "ship_via".
std::string_view to_string(ShipVia via);
/// Throws std::invalid_argument naming the accepted words for anything but "socket" or "shm".
ShipVia parse_ship_via(std::string_view text);

} // namespace parlab
