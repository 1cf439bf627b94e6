#pragma once

#include <QString>

// Versions of the libraries Keyscope runs with, for the About dialog and bug reports.
namespace BuildInfo {
QString keyscopeVersion();
// Run-time Qt, and the version built against when they differ: "6.4.2" or "6.5.0 (built with 6.4.2)".
QString qtVersion();
// hiredis as compiled in (its headers carry the version; the library has no run-time query).
QString hiredisVersion();
// libpq at run time (PQlibVersion), e.g. "15.8".
QString libpqVersion();
} // namespace BuildInfo
