# Tuning for the CPU that builds: -march=native makes the compute kernels faster (Eigen's 64×64
# eigensolver takes about half the time with AVX2/FMA) but the binaries may not run on another
# CPU. On for local builds (the dev and asan presets); the release preset turns PARLAB_NATIVE off
# for a portable package. parlab_core links it publicly, so everything is built the same way.
add_library(parlab_native INTERFACE)
if(PARLAB_NATIVE)
  target_compile_options(parlab_native INTERFACE -march=native)
endif()
