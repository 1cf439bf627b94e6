#pragma once

// Shared by the benchmark programs.
namespace BenchUtil {
// Peak resident set size of this process in MiB (VmHWM), 0 where /proc is not available.
double peakRssMb();
} // namespace BenchUtil
