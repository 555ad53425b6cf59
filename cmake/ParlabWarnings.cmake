# One place for warnings; every parlab target links parlab_warnings.
add_library(parlab_warnings INTERFACE)
target_compile_options(parlab_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                 -Wno-psabi)
