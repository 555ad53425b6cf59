#pragma once

#include <cstddef>
#include <span>
#include <sys/types.h>
#include <vector>

namespace parlab {

/// send(2) of `bytes` on Unix socket `socket` (non-blocking, no SIGPIPE) with a duplicate of `fd`
/// riding along (SCM_RIGHTS); the descriptor arrives with the first byte sent. Returns what
/// send(2) returns, errno set as it sets it.
ssize_t send_with_fd(int socket, std::span<const std::byte> bytes, int fd);

/// recv(2) into `buffer` that also takes the descriptors sent along (SCM_RIGHTS), appending them
/// to `fds` (close-on-exec); the caller owns them. Returns what recv(2) returns.
ssize_t receive_with_fds(int socket, std::span<std::byte> buffer, std::vector<int>& fds, int flags = 0);

} // namespace parlab
